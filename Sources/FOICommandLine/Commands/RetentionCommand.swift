import ArgumentParser
import FOIViews

/// `foi retention`.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "List the closed cases whose personal data is due for removal.",
        discussion: """
            A case keeps its requester's personal data while anything about it is under way (the request, a review, \
            a complaint, an appeal, steps a decision notice ordered), and for the years the retention-years setting \
            gives after it closes (default 3; e.g. 'foi settings retention-years "3, sar=6"'). 'foi anonymise --due' \
            removes it from the cases listed here.
            """)

    @Flag(help: "List every closed case not yet anonymised, with the day it falls due.") var all = false
    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let caseStore = try store.open(.read)
        try await perform {
            try RetentionView.render(
                try await caseStore.retention(today: store.todayDate, all: all),
                policy: try await caseStore.retentionPolicy(),
                format: format)
        }.flush()
    }
}
