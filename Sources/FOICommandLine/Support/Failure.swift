import FOIApp
import FOIIntake
import FOIKit
import FOIViews
import Foundation

/// A failure the user can act on, with the exit code that names its kind.
struct Failure: Error {
    var message: String
    var exitCode: Int32

    /// A bad value on the command line (exit 64).
    static func usage(_ message: String) -> Failure { Failure(message: message, exitCode: 64) }
    /// A malformed input file (exit 65).
    static func badInput(_ message: String) -> Failure { Failure(message: message, exitCode: 65) }
    /// A refused or failed operation (exit 1).
    static func refused(_ message: String) -> Failure { Failure(message: message, exitCode: 1) }
}

/// Runs a library operation, turning its typed errors into one-line failures; a remedy is worded as the `foi`
/// command to type, on the case `reference` where there is one. Run by foi-server, the library's own error, for the
/// server to word.
func perform<T>(on reference: CaseReference? = nil, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CommandHost.current == nil ? failure(error, on: reference) : error
    }
}

/// `perform` for an operation that waits.
func perform<T>(on reference: CaseReference? = nil, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw CommandHost.current == nil ? failure(error, on: reference) : error
    }
}

/// A library's error as one line with the exit code of its kind.
private func failure(_ error: any Error, on reference: CaseReference?) -> Failure {
    func words(_ remedy: Remedy) -> String { remedy.commandLine(for: reference) }
    switch error {
    case let failure as Failure: return failure
    case let error as LifecycleError: return .refused(error.message(wording: words))
    case let error as DeadlineError: return .refused(error.message(wording: words))
    case let error as LetterError: return .refused(error.message(on: reference))
    case let error as InputError: return .badInput(error.description)
    case let error as CaseworkError: return .refused(error.description)
    case Accounts.Refusal.passwordTooLong:
        return .badInput("the password is longer than \(Accounts.longestPassword) bytes, all bcrypt reads")
    case Accounts.Refusal.passwordTooShort:
        return .badInput(
            "the password is shorter than \(Accounts.shortestPassword) characters; three random words are good")
    case StoreError.lifecycle(let error): return .refused(error.message(wording: words))
    case StoreError.deadline(let error): return .refused(error.message(wording: words))
    case let error as StoreError where error.isBadInput: return .badInput(error.commandLine)
    case let error as StoreError: return .refused(error.commandLine)
    default: return .refused("\(error)")
    }
}

/// Writes one `Warning:` line to standard error.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("Warning: \(message)\n".utf8))
}

/// Writes one line to standard output; run by foi-server, hands it to the server.
func say(_ line: String = "") {
    if let host = CommandHost.current {
        host.said.withLock { $0.append(line) }
    } else {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

extension TextOutput {
    /// Writes everything to standard output at once.
    func flush() {
        emit(Data(bytes))
    }
}

/// Writes `data` to standard output; run by foi-server, hands it to the server.
func emit(_ data: Data) {
    if let host = CommandHost.current {
        host.output.withLock { $0 += data }
    } else {
        FileHandle.standardOutput.write(data)
    }
}

/// How much foi reads of each kind of input file: every input is bounded in memory and time, whatever it is (a
/// device that never ends, a pipe from a runaway program), and far above what a real file of its kind holds.
enum InputLimit {
    /// A spreadsheet or an export of foi (`import`, `deadline --input`): a million-case export fits.
    static let spreadsheet = 4 << 30
    /// A text an officer writes or keeps (a request's words, reasoning, a paragraph, a mapping file, the schools'
    /// closures, GOV.UK's bank holiday data).
    static let text = 16 << 20
    /// A letter template: the built-in response is 4 KiB.
    static let template = 256 << 10
    /// A Word letterhead: a page's styles, headers and footers, and a logo or two.
    static let letterhead = 64 << 20

    /// `limit` bytes in words.
    static func describe(_ limit: Int) -> String {
        limit >= 1 << 30 ? "\(limit >> 30) GiB" : limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit >> 10) KiB"
    }
}

/// Reads a whole file, or standard input for `-`, of at most `limit` bytes. Read as a stream, so that a pipe,
/// `/dev/stdin` or a shell's `<(…)` works like a file; a device that is not a file or a pipe (`/dev/zero`) is
/// refused, and so is more than `limit`. An empty input is refused (65): every input of foi has at least a line.
func readInput(_ path: String, limit: Int) throws -> [UInt8] {
    let bytes = try readBytes(path, limit: limit)
    guard !bytes.isEmpty else {
        throw Failure.badInput(path == "-" ? "standard input is empty" : "'\(path.printable)' is empty")
    }
    return bytes
}

/// `readInput` read as text (`TextFile`): UTF-8, or UTF-16 converted; not text, or a NUL, is bad input (65)
/// naming the line.
func readTextInput(_ path: String, limit: Int = InputLimit.text) throws -> [UInt8] {
    try utf8Text(readInput(path, limit: limit), from: path)
}

/// `bytes`, read from `path`, as UTF-8 text (`TextFile`).
func utf8Text(_ bytes: [UInt8], from path: String) throws -> [UInt8] {
    do throws(TextFileError) {
        return try TextFile.utf8(bytes)
    } catch {
        throw Failure.badInput("\(path == "-" ? "standard input" : "'\(path.printable)'"), \(error)")
    }
}

private func readBytes(_ path: String, limit: Int) throws -> [UInt8] {
    let name = path == "-" ? "standard input" : "'\(path.printable)'"
    let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_NONBLOCK)
    guard descriptor >= 0 else {
        let reason = errno == ENOENT ? "there is no such file" : String(cString: strerror(errno))
        throw Failure.refused("cannot read \(name): \(reason)")
    }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
        throw Failure.refused("cannot read \(name): \(String(cString: strerror(errno)))")
    }
    var limit = limit
    switch status.st_mode & S_IFMT {
    case S_IFREG:
        if Int(status.st_size) > limit {
            throw Failure.badInput("\(name) is larger than foi reads of such a file (\(InputLimit.describe(limit)))")
        }
    case S_IFIFO, S_IFSOCK: break
    // A terminal, /dev/null: never a spreadsheet, and a device such as /dev/zero never ends.
    case S_IFCHR: limit = min(limit, InputLimit.text)
    case S_IFDIR: throw Failure.refused("cannot read \(name): it is a directory")
    default: throw Failure.refused("cannot read \(name): it is a device, not a file")
    }
    // Opened without blocking so that a pipe with no writer yet cannot hold the open; read waiting as usual.
    if descriptor != STDIN_FILENO { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
    var bytes: [UInt8] = []
    if (status.st_mode & S_IFMT) == S_IFREG { bytes.reserveCapacity(Int(status.st_size)) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            throw Failure.refused("cannot read \(name): \(String(cString: strerror(errno)))")
        }
        if count == 0 { return bytes }
        guard bytes.count + count <= limit else {
            throw Failure.badInput("\(name) is larger than foi reads of such a file (\(InputLimit.describe(limit)))")
        }
        bytes.append(contentsOf: chunk[0..<count])
    }
}
