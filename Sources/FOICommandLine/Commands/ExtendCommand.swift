import ArgumentParser
import FOIKit

/// `foi extend`.
struct ExtendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Extend the deadline where the regime allows it.",
        discussion: """
            FOIA s.10(3): more time to consider the public interest, given as further working days (--days); the \
            refusal notice (s.17(1)) is still due by day 20, and the ICO expects at most 20 further working days. \
            A qualified exemption must be applied first. EIR and EIR(S) reg 7: 40 working days in all for complex \
            and voluminous requests (no --days). SAR: two further months. FOISA allows no extension. Each is \
            given within the time it extends (the s.17(1) notice within the 20 working days; EIR reg 7(3) and \
            EIR(S) reg 7(2) within 20 working days of receipt; a SAR's within its first month): one given after \
            that is refused, or with --late recorded as given late, which extends nothing: the request stays due, \
            and counts late in every figure, by the unextended date.
            """
    )
    @Option(help: ArgumentHelp("FOIA: further working days for the public interest test.", valueName: "n")) var days:
        Int?
    @Option(help: ArgumentHelp("Why.", valueName: "text")) var reason: String?
    @Flag(help: "The extension was given after the time for it: record it, extending nothing.") var late = false
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(reason, "--reason")])
        try Check.within(days, 1...200, "--days", "working days")
    }

    func run() async throws {
        try await step.record(.extended(workingDays: days, reason: reason, late: late), on: step.date(on))
    }
}
