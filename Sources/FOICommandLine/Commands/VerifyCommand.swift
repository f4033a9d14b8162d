import ArgumentParser
import FOIApp
import FOIKit
import FOIViews

/// `foi verify`.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that the history has not been changed outside foi, and that the file is sound.",
        discussion: """
            Each event carries the hash of its own content and of the event before it, so an event changed, replaced \
            or removed after it was recorded breaks its case's chain; the ledger chains every event of the database \
            in the order it was appended, so a case's last event, or a whole case, cannot be removed unseen either. \
            verify recomputes every chain and the ledger, checks each personal text against its digest, replays each \
            history and compares it with every table foi reads (status, dates, clocks, exemptions, the timeliness \
            figures, the disclosure log's first responses, handlers), checks that the schema and its protective \
            triggers are foi's and that each requester belongs to one case, and runs SQLite's quick check \
            (--thorough: its full integrity check, slower) and foreign-key check. It names every case that fails \
            and exits 1 if anything does. Run it on a backup too. It prints the ledger's head (EVENT:HASH): keep \
            it somewhere else, and a later 'foi verify --head EVENT:HASH' shows that nothing recorded up to it \
            has been removed or rewritten since, even by someone who recomputed every hash.
            """)

    @Flag(help: "Run SQLite's full integrity check (every index against its table) instead of the quick check.")
    var thorough = false
    @Option(
        help: ArgumentHelp(
            "A ledger head an earlier verify printed (EVENT:HASH): check it is still there, unchanged.",
            valueName: "head"))
    var head: String?
    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let head, LedgerHead(head) == nil {
            throw ValidationError("--head: give it as an earlier verify printed it, EVENT:HASH (64 hex digits)")
        }
    }

    func run() async throws {
        let caseStore = try store.open(.read)
        let report = try await perform {
            try await Office(storage: caseStore).verify(thorough: thorough, head: head.flatMap(LedgerHead.init))
        }
        try perform { try VerificationView.render(report, thorough: thorough, format: format) }.flush()
        guard report.isSound else {
            let failing = report.failures.count
            let failed = [
                failing == 0 ? nil : "\(failing) case\(failing == 1 ? "" : "s")",
                report.orphanEvents == 0 ? nil : "events of no case",
                report.integrity.isEmpty && report.foreignKeys.isEmpty ? nil : "SQLite's checks",
                report.schema.isEmpty ? nil : "the schema", report.ledger.isEmpty ? nil : "the ledger",
                report.requesters.isEmpty ? nil : "the requesters",
            ].compactMap { $0 }
            throw Failure.refused(
                "the database fails verification (\(failed.joined(separator: ", "))): it was changed outside foi or "
                    + "damaged; restore it from a backup that verifies")
        }
    }
}
