import FOITestSupport
import Foundation
import Synchronization
import Testing

/// A few thousand random command lines, made from foi's own vocabulary and from values that have broken command
/// lines before (huge and negative numbers, impossible dates, control characters, blank texts): none may crash or
/// hang, every one ends with a documented exit code, and a failure is exactly one `Error:` line.
@Suite struct FuzzTests {
    static let commands = [
        "board", "list", "show", "history", "log", "acknowledge", "clarify", "fee", "search", "exempt", "extend",
        "respond", "withdraw", "transfer", "reopen", "split", "note", "request", "reason", "letter", "paragraphs",
        "stats", "report", "disclosure-log", "publish", "assign", "calendar", "export", "import", "review", "complaint",
        "decision-notice",
        "appeal",
        "deadline", "holidays", "exemptions", "settings", "backup", "verify", "retention", "anonymise", "nonsense",
    ]
    static let options = [
        "--on", "--received", "--subject", "--requester", "--email", "--ref", "--regime", "--section", "--ncnd",
        "--public-interest", "--part", "--outcome", "--reason", "--to", "--amount", "--paid", "--lapsed",
        "--received-clarification", "--location", "--held", "--hours", "--days", "--working-days", "--requested",
        "--by", "--extend-to", "--reviewer", "--add-exemption", "--withdraw-exemption", "--reference", "--steps",
        "--comply-by", "--sent", "--appellant", "--hearing", "--horizon", "--limit", "--due-within", "--overdue",
        "--status", "--stage", "--clock", "--format", "--year", "--division", "--title", "--input", "--from",
        "--thorough", "--all", "--due", "--text", "--help", "--version", "--channel", "--timestamp", "--part-ref",
        "--period", "--non-school-days", "--request-file", "--file", "--engaged-file", "--for-file", "--against-file",
        "--balance", "--draft", "--preview", "response", "acknowledgement", "timeliness", "--as-at", "--period",
        "--hold-back", "--include", "--officer", "--unassigned", "--unassign", "--sheet", "--dry-run", "--mapping",
        "--update", "--templates-dir",
    ]
    static let values = [
        "", " ", "-", "--", "0", "-1", "-3", "1", "20", "60", "100000", "9223372036854775807", "-9223372036854775808",
        "4611686018427387903", "1e99", "nan", "2026-11-02", "2026-02-30", "2026-13-01", "9999-12-31", "0000-01-01",
        "2062-11-02", "1899-01-01", "2026-11-02T09:15:00Z", "2026-11-02T25:00:00Z", "yesterday", "foia", "eir",
        "foisa", "eirs", "sar", "gdpr", "json", "csv", "table", "xml", "31(1)(a)", "31(banana)", "40(2)(3A)(a)",
        "12(5)(e)", "s.", "granted-in-full", "ncnd", "refused-s12", "upheld", "maintain", "england-and-wales",
        "northern-ireland", "FOI-2026-000001", "004078/20", "01.FOI.22.024312", "NO-SUCH", "{SEQ}", "{SEQ:99}",
        "{SEQ", "retention-years", "reference-pattern", "3, sar=6", "bell\u{07}", "line\nbreak", "esc\u{1B}[2J",
        "tab\there", "é", "☃", String(repeating: "x", count: 5000), "/dev/null", "/nonexistent/file.csv", "'; DROP",
    ]

    @Test func randomCommandLinesNeverCrash() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        #expect(try workspace.run(["demo"]).status == 0)
        var generator = SplitMix64(seed: 20_261_121)
        var vectors: [[String]] = []
        for _ in 0..<2000 {
            var arguments = [Self.commands.randomElement(using: &generator)!]
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: arguments.append(Self.options.randomElement(using: &generator)!)
                case 1: arguments.append(Self.values.randomElement(using: &generator)!)
                default:
                    arguments += [
                        Self.options.randomElement(using: &generator)!, Self.values.randomElement(using: &generator)!,
                    ]
                }
            }
            if arguments[0] == "holidays" && Bool.random(using: &generator) { arguments.insert("add", at: 1) }
            vectors.append(arguments + ["--db", workspace.db, "--today", "2026-11-20"])
        }
        let problems = Mutex<[String]>([])
        let all = vectors
        let directory = workspace.directory
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for arguments in all[(worker * all.count / 2)..<((worker + 1) * all.count / 2)] {
                let problem: String?
                do {
                    problem = Self.problem(in: try foi(arguments, in: directory), arguments: arguments)
                } catch {
                    problem = "\(arguments): \(error)"
                }
                if let problem { problems.withLock { $0.append(problem) } }
            }
        }
        let found = problems.withLock { $0 }
        #expect(found.isEmpty, "\(found.count) problems, e.g. \(found.prefix(5))")
        #expect(try workspace.run(["verify"]).status == 0)
    }

    /// What is wrong with one run, or nil.
    static func problem(in run: Run, arguments: [String]) -> String? {
        guard [0, 1, 64, 65].contains(run.status) else { return "\(arguments): exit \(run.status): \(run.stderr)" }
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        if run.status != 0 {
            guard lines.count == 1, lines[0].hasPrefix("Error: ") else {
                return "\(arguments): exit \(run.status) with stderr \(run.stderr.debugDescription)"
            }
            let helpOrVersion = arguments.contains("--help") || arguments.contains("--version")
            if !run.stdout.isEmpty && !helpOrVersion { return "\(arguments): output and an error" }
        }
        if run.stderr.contains("Fatal error") || run.stderr.contains("Stack dump") {
            return "\(arguments): crashed: \(run.stderr)"
        }
        return nil
    }
}
