import ArgumentParser
import Foundation

/// The `foi` command: a case manager for Freedom of Information officers.
@main
struct FOI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foi",
        abstract: "Track Freedom of Information requests and their statutory deadlines.",
        discussion: """
            Working days follow the statutes: FOIA and EIR skip weekends, Christmas Day, Good Friday and a bank \
            holiday in any part of the UK; FOISA and EIR(S) skip weekends, Christmas Day and Scotland's bank holidays. \
            Exit codes: 0 success; 1 the operation was refused or failed; 64 a bad command line; 65 a malformed input file.
            """,
        subcommands: [
            DemoCommand.self, BoardCommand.self, ListCommand.self, ShowCommand.self, HistoryCommand.self,
            LogCommand.self, AcknowledgeCommand.self, ClarifyCommand.self, FeeCommand.self, SearchCommand.self,
            ExemptCommand.self, ExtendCommand.self, RespondCommand.self, WithdrawCommand.self, TransferCommand.self,
            ReopenCommand.self, NoteCommand.self, ReviewCommand.self, ComplaintCommand.self, DecisionNoticeCommand.self,
            AppealCommand.self, DeadlineCommand.self, HolidaysCommand.self, ExemptionsCommand.self,
            SettingsCommand.self,
        ]
    )

    /// Runs the command, printing `Error: ...` on one line and exiting with the documented code on failure.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("Error: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            // Help and version requests end here too; a bad command line is one line, like every other error
            // (ArgumentParser would add the whole usage), with `foi COMMAND --help` for the rest.
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            // Some messages list the allowed values one a line: keep them on the one line, comma-separated.
            let lines = message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let values = lines.filter { $0.hasPrefix("- ") }.map { $0.dropFirst(2) }.joined(separator: ", ")
            let text =
                lines.filter { !$0.hasPrefix("- ") }.joined(separator: " ") + (values.isEmpty ? "" : " \(values)")
            FileHandle.standardError.write(Data("Error: \(text) (see --help)\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }
}

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

/// Writes one line to standard output directly, in order with `OutputBuffer` flushes (print() is buffered apart).
func say(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Writes to standard output through one buffer, so that large outputs are one write and a failure part-way
/// leaves nothing printed.
struct OutputBuffer {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func line(_ text: String = "") {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
    }

    func flush() {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
