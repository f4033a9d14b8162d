import ArgumentParser
import FOIKit

/// `foi reopen`.
struct ReopenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Reopen a closed case (responded, withdrawn, transferred or lapsed).")
    @Option(help: ArgumentHelp("Why it is reopened.", valueName: "text")) var reason: String
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(reason, "--reason")])
    }

    func run() async throws { try await step.record(.reopened(reason: reason), on: step.date(on)) }
}
