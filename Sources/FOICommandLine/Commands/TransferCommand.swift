import ArgumentParser
import FOIKit

/// `foi transfer`.
struct TransferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Record that the request was transferred to another authority (with the requester's consent).",
        discussion: "The receiving authority's 20 working days run from its own receipt; this case closes.")
    @Option(help: ArgumentHelp("The authority it went to.", valueName: "name")) var to: String
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(to, "--to")])
    }

    func run() async throws { try await step.record(.transferred(to: to), on: step.date(on)) }
}
