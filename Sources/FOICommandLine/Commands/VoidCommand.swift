import ArgumentParser
import FOIKit

/// `foi void`.
struct VoidCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void",
        abstract: "Treat a step recorded by mistake as never having happened.",
        discussion: """
            For a step recorded on the wrong case, an exemption applied by mistake, a step on the wrong day (void \
            it, then record it again). 'foi history REF' numbers the steps. The void is a step of its own: the \
            history keeps the voided step, struck through, with the reason; the case, its clocks and every figure \
            after the void are worked out without it. Refused, changing nothing, where a later step depends on it \
            (a clarification received needs its request): the message names that step. The receipt is corrected \
            with 'foi correct', not voided.
            """)
    @Option(help: ArgumentHelp("The step's number: the # of the case's history (foi history).", valueName: "number"))
    var event: Int
    @Option(help: ArgumentHelp("Why it is voided, for the history.", valueName: "text")) var reason: String
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(reason, "--reason")])
        if event < 1 { throw ValidationError("--event is a step's number, from 1 (the receipt)") }
    }

    func run() async throws {
        try await step.record(.voided(VoidedStep(number: event, reason: reason)), on: step.date(on))
    }
}
