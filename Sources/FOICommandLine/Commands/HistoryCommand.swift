import ArgumentParser
import FOIKit
import FOIViews

/// `foi history`: the events of a case, in order.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List every event of a case, in order.")

    @Argument(help: "The case reference.") var ref: String
    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let reference = CaseReference(rawValue: ref)
        let caseStore = try store.open(.read)
        try await perform(on: reference) {
            let detail = try await caseStore.detail(reference)
            return try CaseDetailView.renderHistory(detail.events, names: detail.names, format: format)
        }.flush()
    }
}
