import Foundation
import Testing

@Suite struct HelpTests {
    static let commands = [
        "demo", "board", "list", "show", "history", "log", "acknowledge", "clarify", "fee", "search",
        "exempt", "extend", "respond", "withdraw", "transfer", "reopen", "note", "deadline", "holidays",
        "exemptions", "settings",
    ]

    @Test func everyCommandIsListedInTheTopLevelHelp() throws {
        let help = try foi(["--help"])
        #expect(help.status == 0)
        for command in Self.commands {
            #expect(help.stdout.contains("  \(command)"), "\(command) missing from foi --help")
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
}
