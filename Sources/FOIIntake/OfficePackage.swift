import Foundation
import ZIPFoundation

/// An Office Open XML package (a ZIP file: an Excel workbook, a Word document) read within limits. A package is a
/// file from anyone, so no part inflates past its limit or far past its compressed size, the parts together stay
/// within theirs, and two parts of one name are refused; each refusal is worded for the kind of document it is.
public final class OfficePackage {
    /// What a package may be.
    public struct Limits: Sendable {
        /// The most one part may inflate to.
        public var part: Int
        /// How many times its compressed size a part may inflate to, beyond its first megabyte: a genuine part
        /// compresses ten to twenty times, a decompression bomb a thousand.
        public var ratio: Int
        /// The most all the parts read may inflate to together.
        public var total: Int
        /// How many parts (ZIP entries) it may have.
        public var entries: Int

        /// A letterhead: a page's styles, headers, footers and a few pictures, far under these.
        public static let letterhead = Limits(part: 64 << 20, ratio: 100, total: 128 << 20, entries: 2_000)
    }

    /// The kind of document, for the words of a refusal.
    public struct Kind: Sendable {
        /// `workbook`.
        public var noun: String
        /// The program that writes it: `Excel`.
        public var program: String
        /// What it is: `Excel workbook`.
        public var description: String { "\(program) \(noun)" }

        public static let workbook = Kind(noun: "workbook", program: "Excel")
        public static let wordDocument = Kind(noun: "document", program: "Word")
    }

    /// Every part's name, in the order the package lists them.
    public let paths: [String]
    private let archive: Archive
    private let limits: Limits
    private let kind: Kind
    /// The bytes inflated so far, against `limits.total`.
    private var inflated = 0

    public init(_ bytes: [UInt8], limits: Limits, kind: Kind) throws(InputError) {
        self.limits = limits
        self.kind = kind
        archive = try Self.archive(bytes, kind: kind)
        var paths: [String] = []
        var seen: Set<String> = []
        for entry in archive {
            guard paths.count < limits.entries else {
                throw InputError(
                    "it has more than \(limits.entries) parts, more than any \(kind.noun) \(kind.program) "
                        + "writes")
            }
            // Two parts of one name are read differently by different programs: what foi reads must be what the
            // officer saw.
            guard seen.insert(entry.path).inserted else {
                throw InputError("it has two parts named '\(entry.path)'; save it again from \(kind.program)")
            }
            paths.append(entry.path)
        }
        self.paths = paths
    }

    /// Every part but the folders, each with its path, in the package's order.
    public func parts() throws(InputError) -> [(path: String, bytes: [UInt8])] {
        var parts: [(path: String, bytes: [UInt8])] = []
        for path in paths where !path.hasSuffix("/") {
            if let bytes = try part(path) { parts.append((path, bytes)) }
        }
        return parts
    }

    /// Whether `bytes` begin as a ZIP package does.
    public static func isPackage(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The part at `path` inflated, if the package has one, within the limits.
    public func part(_ path: String) throws(InputError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        let limit = min(limits.part, max(1 << 20, limits.ratio * Int(entry.compressedSize)))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(entry.uncompressedSize), limit))
        var exceeded: String?
        let inflatedBefore = inflated
        let total = limits.total
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= limit else {
                    exceeded =
                        limit == limits.part
                        ? "its part \(path) inflates to more than \(limits.part >> 20) MB"
                        : "its part \(path) inflates to more than \(limits.ratio) times its compressed size, as a "
                            + "decompression bomb does and no \(kind.noun)"
                    throw CancellationError()
                }
                guard inflatedBefore + bytes.count + chunk.count <= total else {
                    exceeded = "its parts inflate to more than \(Self.size(total)) together"
                    throw CancellationError()
                }
                bytes.append(contentsOf: chunk)
            }
        } catch {
            throw InputError(
                exceeded.map { "the \(kind.noun) is refused: \($0)" }
                    ?? "it is not a \(kind.noun) \(kind.program) could open: its part \(path) \(Self.words(error))")
        }
        inflated += bytes.count
        return bytes
    }

    /// `2 GB`, `64 MB`.
    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? "\(bytes >> 30) GB" : "\(bytes >> 20) MB"
    }

    /// `bytes` as a ZIP archive, read from a file: ZIPFoundation's archive in memory reads past the end of its
    /// data, and crashes, where a damaged or hostile package points beyond its end; a file read there gives
    /// nothing, and the error is the package's. The file is the process's own (0600) and is unlinked as soon as
    /// it is open.
    private static func archive(_ bytes: [UInt8], kind: Kind) throws(InputError) -> Archive {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "foi-package-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        ).path
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw InputError("it cannot be read: a temporary file cannot be made (\(String(cString: strerror(errno))))")
        }
        defer { unlink(path) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes {
                writeBytes(descriptor, $0.baseAddress! + written, $0.count - written)
            }
            guard count > 0 else {
                close(descriptor)
                throw InputError("it cannot be read: a temporary file cannot be written")
            }
            written += count
        }
        close(descriptor)
        do {
            return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw InputError("it is not a \(kind.noun) \(kind.program) could open: \(Self.words(error))")
        }
    }

    /// ZIPFoundation's error in words.
    static func words(_ error: any Error) -> String {
        switch error {
        case Archive.ArchiveError.missingEndOfCentralDirectoryRecord:
            "the ZIP file is incomplete (cut short in copying or downloading?)"
        case Archive.ArchiveError.invalidCRC32:
            "is damaged (its checksum does not match)"
        case Archive.ArchiveError.invalidCompressionMethod:
            "is compressed in a way Office does not use"
        case Archive.ArchiveError.unreadableArchive:
            "the ZIP file cannot be read"
        default:
            "is damaged (its ZIP structure or compressed data is broken)"
        }
    }
}

/// The system's `write`, out of the reach of the names of the types here.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
