import FOIKit
import FOIStore
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
/// command to type, on the case `reference` where there is one.
func perform<T>(on reference: CaseReference? = nil, _ body: () throws -> T) throws -> T {
    func words(_ remedy: Remedy) -> String { remedy.commandLine(for: reference) }
    do {
        return try body()
    } catch let failure as Failure {
        throw failure
    } catch let error as LifecycleError {
        throw Failure.refused(error.message(wording: words))
    } catch let error as DeadlineError {
        throw Failure.refused(error.message(wording: words))
    } catch let error as LetterError {
        throw Failure.refused(error.message(on: reference))
    } catch let error as InputError {
        throw Failure.badInput(error.description)
    } catch StoreError.lifecycle(let error) {
        throw Failure.refused(error.message(wording: words))
    } catch let error as StoreError where error.isBadInput {
        throw Failure.badInput(error.description)
    } catch StoreError.deadline(let error) {
        throw Failure.refused(error.message(wording: words))
    } catch {
        throw Failure.refused("\(error)")
    }
}

/// Writes one `Warning:` line to standard error.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("Warning: \(message)\n".utf8))
}

/// Writes one line to standard output.
func say(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

extension TextOutput {
    /// Writes everything to standard output at once.
    func flush() {
        FileHandle.standardOutput.write(Data(bytes))
    }
}

/// Reads a whole file, or standard input for `-`. Read as a stream, so that a pipe, `/dev/stdin` or a shell's
/// `<(…)` works like a file. An empty input is refused (65): every input of foi has at least a line.
func readInput(_ path: String) throws -> [UInt8] {
    let bytes = try readBytes(path)
    guard !bytes.isEmpty else {
        throw Failure.badInput(path == "-" ? "standard input is empty" : "'\(path.printable)' is empty")
    }
    return bytes
}

private func readBytes(_ path: String) throws -> [UInt8] {
    if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
        let handle = FileHandle(forReadingAtPath: path)
    else {
        throw Failure.refused("cannot read '\(path.printable)': no such file, or it is not readable")
    }
    defer { try? handle.close() }
    return [UInt8](handle.readDataToEndOfFile())
}
