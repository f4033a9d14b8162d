import ArgumentParser
import FOIApp
import FOIKit
import FOIViews

/// `foi anonymise`.
struct AnonymiseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymise",
        abstract: "Remove the personal data of closed cases: the requester's identity and personal notes.",
        discussion: """
            Removes the requester's name, email and address and every personal text of the case's events (notes, \
            clarification notes, reasons for a withdrawal or a reopening, who asked for a review), in one \
            transaction, and records an anonymisation event on each case. Every date, outcome, exemption and clock \
            stays, so the board, lists and statistics are unchanged, and 'foi verify' still passes: the history keeps \
            each text's digest, not the text. --due takes the cases 'foi retention' lists; naming a case removes its \
            data now (an erasure, for example), once it is closed. It cannot be undone: take a backup first if in \
            doubt.
            """)

    @Argument(help: "The cases to anonymise.") var refs: [String] = []
    @Flag(help: "Anonymise every case whose retention period has ended.") var due = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if due == !refs.isEmpty { throw ValidationError("give the references of the cases, or --due") }
    }

    func run() async throws {
        let caseStore = try store.open()
        let references = refs.map(CaseReference.init(rawValue:))
        let result = try await perform {
            try await Office(storage: caseStore).anonymise(
                due ? nil : references, by: store.identity, today: store.todayDate)
        }
        say(
            "Anonymised \(plural(result.cases.count, "case")): \(plural(result.requesters, "requester")) and "
                + "\(plural(result.texts, "personal text")) removed.")
        guard !result.cases.isEmpty else { return }
        if result.logKept {
            warn(
                "another program has the database open, so the removed data stays in its write-ahead log "
                    + "(\(caseStore.address.printable)-wal) until that program closes and foi next writes to it")
        }
        say("Backups and exports made before now still hold it: remove or replace them as the retention policy says.")
    }
}
