import Foundation
import Testing

@Suite struct HelpTests {
    /// The subcommands as the root command lists them in `foi --help`, so that a new command is checked here
    /// without being added to a list by hand.
    static let commands: [String] = {
        guard let help = try? foi(["--help"]).stdout, let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        // An entry's line starts with two spaces and its name; a wrapped abstract continues further in.
        return help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { line in line.split(separator: " ").first.map(String.init) }
    }()

    @Test func theRootCommandListsEveryCommand() {
        #expect(Self.commands.count == 56)
        for command in ["review", "complaint", "decision-notice", "appeal", "deadline", "split"] {
            #expect(Self.commands.contains(command))
        }
    }

    @Test(arguments: commands)
    func everyCommandHasHelpAndIsInTheREADME(command: String) throws {
        let help = try foi([command, "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: foi \(command)"))
        let readme = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("`foi \(command)"), "README.md does not document foi \(command)")
    }

    /// A step command's own options come first in its help, the shared ones (--db, --today, --actor) after them.
    @Test func aCommandsOwnOptionsComeBeforeTheSharedOnes() throws {
        let help = try foi(["clarify", "--help"]).stdout
        let own = try #require(help.range(of: "--requested"))
        let shared = try #require(help.range(of: "--db <path>"))
        #expect(own.lowerBound < shared.lowerBound)
    }

    /// Enumerated values are listed by the parser from the type, not typed into the help by hand.
    @Test func valuesAreListedFromTheirTypes() throws {
        let help = try foi(["list", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("(values: request, responded, review, regulator, tribunal, closed)"))
        #expect(help.contains("(values: open, awaiting-clarification, awaiting-fee, extended, responded"))
        // The requester's windows are not clocks to list by.
        #expect(
            help.contains("(values: response, further-response, clarification-lapse, fee-lapse, review, submissions, "))
        #expect(!help.contains("review-window"))
    }

    @Test func versionIsShown() throws {
        let version = try foi(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0."))
        #expect(version.stdout.contains("event format 3"))
    }
}
