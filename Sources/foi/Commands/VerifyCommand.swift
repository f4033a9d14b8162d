import ArgumentParser
import FOIStore
import FOIViews

/// `foi verify`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that the history has not been changed outside foi, and that the file is sound.",
        discussion: """
            Each event carries the hash of its own content and of the event before it, so an event changed, replaced \
            or removed after it was recorded breaks its case's chain. verify recomputes every chain, checks each \
            personal text against its digest, replays each history and compares it with the tables foi reads \
            (status, dates, clocks, exemptions), and runs SQLite's quick check (--thorough: its full integrity \
            check, slower) and foreign-key check. It names every case that fails and exits 1 if any does. Run it \
            on a backup too. A chain shows a change made by a program that does not recompute it; keep the output \
            of a verify, or a backup, somewhere else to show that nothing was rewritten since.
            """)

    @Flag(help: "Run SQLite's full integrity check (every index against its table) instead of the quick check.")
    var thorough = false
    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions

    func run() throws {
        let caseStore = try store.open(.read)
        let report = try perform { try caseStore.verify(thorough: thorough) }
        try perform { try VerificationView.render(report, thorough: thorough, format: format) }.flush()
        guard report.isSound else {
            let failing = report.failures.count
            throw Failure.refused(
                "the database fails verification: \(failing) case\(failing == 1 ? "" : "s")"
                    + (report.integrity.isEmpty && report.foreignKeys.isEmpty ? "" : ", and SQLite's checks")
                    + "; restore the cases named from a backup that verifies")
        }
    }
}
