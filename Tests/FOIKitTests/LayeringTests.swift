import FOIKit
import FOITestSupport
import Foundation
import Testing

/// FOIKit is the domain: it speaks of the law and the case, never of the command line, so that a letter or a web
/// page can use its errors and advice as they are.
@Suite struct LayeringTests {
    static let sources = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Each Swift file of a library, with its lines.
    static func lines(of library: String) throws -> [(file: String, number: Int, line: Substring)] {
        let directory = sources.appendingPathComponent(library)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".swift")
        }
        #expect(!files.isEmpty, "\(library)")
        return try files.flatMap { file in
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                (file: "\(library)/\(file)", number: $0.offset + 1, line: $0.element)
            }
        }
    }

    @Test func foiKitNamesNoCommandAndNoOption() throws {
        for (file, number, line) in try Self.lines(of: "FOIKit") {
            let commandOrOption = line.range(of: Self.commandOrOptionInText, options: .regularExpression)
            #expect(commandOrOption == nil, "\(file):\(number): \(line)")
        }
    }

    /// A quoted command (`'foi list'`), a command in brackets, a command a remedy names, or an option.
    static let commandOrOptionInText =
        #"'foi [a-z]|\(foi [a-z]|(^|[^-])--[a-z]|\bfoi ("# + commands.joined(separator: "|") + #")\b"#

    /// Every command of the command line.
    static let commands = [
        "acknowledge", "anonymise", "appeal", "assign", "backup", "board", "calendar", "clarify", "complaint",
        "deadline", "decision-notice", "demo", "disclosure-log", "exempt", "exemptions", "export", "extend", "fee",
        "history", "holidays", "import", "letter", "list", "log", "note", "paragraphs", "publish", "reason",
        "reopen", "report", "request", "respond", "retention", "review", "search", "settings", "show", "split",
        "stats", "transfer", "user", "verify", "withdraw",
    ]

    /// The libraries are shared by the command line and the web: what they say (comments aside) names
    /// no command and no option; each front end adds its own way to act.
    @Test(arguments: ["FOIStore", "FOIViews", "FOIIntake", "FOIApp"])
    func librariesWordNoCommandAndNoOption(library: String) throws {
        for (file, number, line) in try Self.lines(of: library) {
            guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") else { continue }
            let commandOrOption = line.range(of: Self.commandOrOptionInText, options: .regularExpression)
            #expect(commandOrOption == nil, "\(file):\(number): \(line)")
        }
    }

    /// The command line parses, calls FOIApp and renders: only its composition root knows which store keeps the
    /// cases, so that a web server or a second store changes one file, not every command.
    @Test func onlyTheCompositionRootKnowsTheStore() throws {
        let directory = Self.sources.appendingPathComponent("FOICommandLine")
        let files = FileManager.default.enumerator(atPath: directory.path)!.compactMap { $0 as? String }.filter {
            $0.hasSuffix(".swift")
        }
        #expect(files.count > 40)
        var importers: [String] = []
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            if text.range(of: #"(?m)^(@testable )?import (FOIStore|GRDB)"#, options: .regularExpression) != nil {
                importers.append(file)
            }
        }
        #expect(importers == ["Stores.swift"])
    }

    @Test func refusalsWordTheirRemedyPlainly() {
        let error = LifecycleError.notAllowed(
            action: "record a response", status: .awaitingFee, since: CivilDate(year: 2026, month: 1, day: 6)!,
            remedy: .recordFeePaymentOrLapse)
        #expect(error.remedy == .recordFeePaymentOrLapse)
        #expect(
            error.description
                == "cannot record a response: the case is awaiting fee since 2026-01-06; record the payment first, or "
                + "that the fee lapsed")
        #expect(
            error.message { _ in "WORDED" }
                == "cannot record a response: the case is awaiting fee since 2026-01-06; WORDED")
    }
}
