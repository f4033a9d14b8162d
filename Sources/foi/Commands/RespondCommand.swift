import ArgumentParser
import FOIKit

/// `foi respond`.
struct RespondCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: "Record the response and its outcome.",
        discussion: """
            A response that withholds information (partially-withheld, withheld-in-full, ncnd) must cite the \
            exemptions applied with 'foi exempt'. The s.12 and s.14 refusals are FOIA's and FOISA's: environmental \
            information too costly to provide, or asked for vexatiously, is refused under EIR reg 12(4)(b) (EIR(S) \
            reg 10(4)(b)), manifestly unreasonable, as withheld-in-full; a subject access request as manifestly \
            unfounded or excessive (refused-art-12-5, UK GDPR Art. 12(5)).

            --advice records the advice and assistance given (FOIA s.16: with a s.12 refusal, what could be provided \
            within the limit). no-response-s17-6 closes a FOIA request without a notice (s.17(6): a refusal notice \
            for an earlier vexatious or repeated request warned that another would not be answered) and needs \
            --earlier-case.
            """
    )
    @Option(help: "The outcome.") var outcome: Outcome
    @Option(help: ArgumentHelp("The advice and assistance given with the response (s.16).", valueName: "text"))
    var advice: String?
    @Option(help: ArgumentHelp("s.17(6): the earlier case whose refusal notice warned.", valueName: "ref"))
    var earlierCase: String?
    @Option(help: ArgumentHelp("When the response was sent (default: today).", valueName: "date"))
    var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(advice, "--advice"), (earlierCase, "--earlier-case")])
        if earlierCase != nil && outcome != .noResponseRequired {
            throw ValidationError("--earlier-case goes with --outcome no-response-s17-6")
        }
    }

    func run() async throws {
        let details = ResponseDetails(
            advice: advice, earlierCase: try earlierCase.map { try reference($0, option: "--earlier-case") })
        try await step.record(.responded(outcome, details), on: step.date(on))
    }
}
