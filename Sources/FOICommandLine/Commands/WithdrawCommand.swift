import ArgumentParser
import FOIKit

/// `foi withdraw`.
struct WithdrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Record that the requester withdrew the request.")
    @Option(help: ArgumentHelp("Why, if known.", valueName: "text")) var reason: String?
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(reason, "--reason")])
    }

    func run() async throws { try await step.record(.withdrawn(reason: reason), on: step.date(on)) }
}
