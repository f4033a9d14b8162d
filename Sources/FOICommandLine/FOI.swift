import ArgumentParser
import FOIKit
import FOIViews
import Foundation

/// Runs `foi` with the process's arguments: what the `foi` executable does.
public enum CommandLineTool {
    public static func main() async {
        await FOI.main()
    }
}

/// The `foi` command: a case manager for Freedom of Information officers.
struct FOI: AsyncParsableCommand {
    /// The release, shown by `foi --version`.
    static let version = "0.6.0 (event format \(EventFormat.version))"

    static let configuration = CommandConfiguration(
        commandName: "foi",
        abstract: "Track Freedom of Information requests and their statutory deadlines.",
        discussion: """
            Working days follow the statutes: FOIA and EIR skip weekends, Christmas Day, Good Friday and a bank \
            holiday in any part of the UK; FOISA and EIR(S) skip weekends, Christmas Day and Scotland's bank \
            holidays. Exit codes: 0 success; 1 the operation was refused or failed; 64 a bad command line; 65 a \
            malformed input file.
            """,
        version: version,
        subcommands: [
            DemoCommand.self, BoardCommand.self, ListCommand.self, ShowCommand.self, HistoryCommand.self,
            LogCommand.self, AcknowledgeCommand.self, ClarifyCommand.self, FeeCommand.self, SearchCommand.self,
            ExemptCommand.self, ExtendCommand.self, RespondCommand.self, WithdrawCommand.self, TransferCommand.self,
            ReopenCommand.self, CorrectCommand.self, VoidCommand.self, SplitCommand.self, NoteCommand.self,
            RequestCommand.self, ReasonCommand.self, CommentCommand.self, DiscloseCommand.self, EnclosureCommand.self,
            LetterCommand.self, ParagraphsCommand.self, StatsCommand.self, ReportCommand.self,
            DisclosureLogCommand.self,
            PublishCommand.self, AssignCommand.self, AcceptCommand.self, RejectCommand.self, ReassignCommand.self,
            FlagCommand.self, TaskCommand.self, ApprovalCommand.self,
            CalendarCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            ReviewCommand.self, ComplaintCommand.self,
            DecisionNoticeCommand.self, AppealCommand.self, DeadlineCommand.self, HolidaysCommand.self,
            ExemptionsCommand.self, SettingsCommand.self, BackupCommand.self, VerifyCommand.self,
            RetentionCommand.self, AnonymiseCommand.self, UserCommand.self, TeamCommand.self, NotifyCommand.self,
        ]
    )

    /// Runs the command, printing `Error: ...` on one line and exiting with the documented code on failure.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var waiting = command as? AsyncParsableCommand {
                try await waiting.run()
            } else {
                try command.run()
            }
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("Error: \(failure.message.printable)\n".utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            // Help and version requests end here too; a bad command line is one line, like every other error
            // (ArgumentParser would add the whole usage), with `foi COMMAND --help` for the rest.
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            FileHandle.standardError.write(Data("Error: \(commandLineMessage(message(for: error)).printable)\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }

    /// ArgumentParser's message on one line. A value that is not a date says why (`--received: '2023-02-30' is not
    /// a real date: February 2023 has 28 days`); lists of allowed values stay on the line, comma-separated.
    static func commandLineMessage(_ message: String, arguments: [String] = CommandLine.arguments) -> String {
        if let why = DateArgument.reason(forInvalidValueIn: message) { return why }
        if let why = dashedValue(in: message, arguments: arguments) { return why }
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = lines.filter { $0.hasPrefix("- ") }.map { $0.dropFirst(2) }.joined(separator: ", ")
        let text = lines.filter { !$0.hasPrefix("- ") }.joined(separator: " ") + (values.isEmpty ? "" : " \(values)")
        return "\(text) (see --help)"
    }

    /// ArgumentParser takes a value that begins with `-` for an option and says the value is missing: say what
    /// happened instead (a negative number is never allowed; other text can be given as `--option=-text`).
    static func dashedValue(in message: String, arguments: [String]) -> String? {
        guard message.hasPrefix("Missing value for '--"),
            let option = message.split(separator: "'").dropFirst().first?.split(separator: " ").first,
            let index = arguments.firstIndex(of: String(option)), index + 1 < arguments.count,
            arguments[index + 1].hasPrefix("-")
        else { return nil }
        let value = arguments[index + 1]
        if Double(value) != nil { return "\(option): '\(value)' is negative; give a number of 0 or more (see --help)" }
        return "\(option): a value that begins with '-' is read as an option; write \(option)=\(value) (see --help)"
    }
}
