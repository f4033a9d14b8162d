import ArgumentParser
import FOIKit
import FOIViews

/// `foi show`: one case in full.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a case: its status, due date and how it was reached, exemptions and history.")

    @Argument(help: "The case reference.") var ref: String
    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let caseStore = try store.open(.read)
        let reference = CaseReference(rawValue: ref)
        try await perform(on: reference) {
            try CaseDetailView.render(
                try await caseStore.detail(reference), calendars: caseStore.calendars,
                catalogue: caseStore.catalogue,
                today: store.todayDate, format: format)
        }.flush()
        // The case is shown as it stands; a history changed outside foi is said on stderr, beside it.
        let problems = try await perform { try await caseStore.problems(of: reference) }
        if !problems.isEmpty {
            warn("this case fails verification: \(problems.joined(separator: "; ")); run 'foi verify'".printable)
        }
    }
}
