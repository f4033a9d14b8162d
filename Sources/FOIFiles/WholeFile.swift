import Foundation

/// What foi writes besides the database (a letter, a report, a calendar, a disclosure site, an export), written
/// whole or not at all: under a temporary name beside its place, flushed, and only then given its name, which it
/// never takes from a file or a directory already there. A failure (a full disk) leaves nothing behind, so that a
/// retry is not refused as "exists" and no half-written letter can be taken for a whole one.
public enum WholeFile {
    /// Writes `bytes` to a new file at `path`, readable by its owner alone when it is `personal` (a letter).
    public static func write(_ bytes: [UInt8], to path: String, personal: Bool) throws(WholeFileError) {
        do {
            try DatabaseFile.publish(at: path, purpose: "partial", mode: personal ? 0o600 : 0o644) { temporary in
                try fill(temporary, with: bytes)
            }
        } catch {
            throw WholeFileError(path: path, error)
        }
    }

    /// Writes `bytes` to a new file at `path` as it goes (for a file of a directory `directory` fills aside).
    public static func create(_ bytes: [UInt8], at path: String) throws(WholeFileError) {
        do {
            try DatabaseFile.createPrivate(at: path, mode: 0o644)
            try fill(path, with: bytes)
        } catch {
            throw WholeFileError(path: path, error)
        }
    }

    /// Writes `bytes` into the empty file at `path`.
    private static func fill(_ path: String, with bytes: [UInt8]) throws(DatabaseFileError) {
        let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(errno) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { writeBytes(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .system(errno) }
            written += count
        }
    }

    /// A new directory at `path`, filled by `fill` as a temporary directory beside it and renamed into place once
    /// full; its owner's alone when it holds `personal` data.
    public static func directory(at path: String, personal: Bool, _ fill: (String) async throws -> Void) async throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).partial-\(getpid())"
        ).path
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try FileManager.default.createDirectory(
                atPath: temporary, withIntermediateDirectories: true,
                attributes: [.posixPermissions: personal ? 0o700 : 0o755])
        } catch {
            throw WholeFileError(path: path, error)
        }
        var placed = false
        defer { if !placed { try? FileManager.default.removeItem(atPath: temporary) } }
        try await fill(temporary)
        // Made empty first, so that a directory another process made meanwhile is refused, not replaced.
        guard mkdir(path, personal ? 0o700 : 0o755) == 0 else {
            throw WholeFileError(path: path, DatabaseFileError.system(errno))
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            rmdir(path)
            throw WholeFileError(path: path, DatabaseFileError.system(code))
        }
        placed = true
    }
}

/// The system's `write`, out of the reach of `WholeFile.write`'s name.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Why an output could not be written; nothing was left at its path.
public struct WholeFileError: Error, CustomStringConvertible {
    public var path: String
    /// Something was there already.
    public var exists: Bool
    public var reason: String

    /// `error`, met writing `path`, in words.
    public init(path: String, _ error: any Error) {
        self.path = path
        switch error {
        case DatabaseFileError.appeared, DatabaseFileError.system(EEXIST), DatabaseFileError.system(ENOTEMPTY):
            (exists, reason) = (true, "it exists already")
        case let error as DatabaseFileError:
            (exists, reason) = (false, error.description)
        case let error as WholeFileError:
            (exists, reason) = (error.exists, error.reason)
        case let error as NSError:
            // Foundation's own words name its error domain and code; the system's say what happened.
            let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
            let code = underlying?.domain == NSPOSIXErrorDomain ? Int32(underlying!.code) : nil
            (exists, reason) = (
                false, code.map { String(cString: strerror($0)).lowercased() } ?? error.localizedDescription
            )
        }
    }

    public var description: String { "cannot write '\(path)': \(reason); nothing was left there" }
}
