import ArgumentParser
import FOIKit

/// `foi respond`.
struct RespondCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: "Record the response and its outcome.",
        discussion:
            "A response that withholds information (partially-withheld, withheld-in-full, ncnd) must cite the "
            + "exemptions applied with 'foi exempt'. The s.12 and s.14 refusals are FOIA's and FOISA's: environmental "
            + "information too costly to provide, or asked for vexatiously, is refused under EIR reg 12(4)(b) (EIR(S) "
            + "reg 10(4)(b)), manifestly unreasonable, as withheld-in-full."
    )
    @Option(help: "The outcome.") var outcome: Outcome
    @Option(help: ArgumentHelp("When the response was sent (default: today).", valueName: "date"))
    var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func run() throws { try step.record(.responded(outcome), on: step.date(on)) }
}
