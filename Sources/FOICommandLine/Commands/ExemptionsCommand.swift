import ArgumentParser
import FOIKit
import FOIResources
import FOIViews

/// `foi exemptions`.
struct ExemptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exemptions",
        abstract: "List the exemption catalogue: section, title, absolute or qualified, NCND provision.")
    @Option(help: "Only this regime.") var regime: Regime?
    @Option(help: "Output format.") var format: OutputFormat = .table

    func run() async throws {
        try perform {
            let catalogue = try ExemptionCatalogue(json: Seeds.exemptionsJSON)
            return try ReferenceView.render(
                catalogue.exemptions.filter { regime == nil || $0.regime == regime }, format: format)
        }.flush()
    }
}
