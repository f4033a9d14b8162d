import ArgumentParser
import FOIKit

/// `foi respond`.
struct RespondCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: "Record the response and its outcome.",
        discussion:
            "A response that withholds information (partially-withheld, withheld-in-full, ncnd) must cite the "
            + "exemptions applied with 'foi exempt'."
    )
    @Option(help: "The outcome.") var outcome: Outcome
    @Option(help: ArgumentHelp("When the response was sent (default: today).", valueName: "date"))
    var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func run() throws { try step.record(.responded(outcome), on: step.date(on)) }
}
