import ArgumentParser
import FOIKit

/// `foi acknowledge`.
struct AcknowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledge", abstract: "Record that the request was acknowledged.")
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func run() async throws { try await step.record(.acknowledged, on: step.date(on)) }
}
