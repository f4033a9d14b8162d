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

            A refusal on cost (refused-s12) states the estimate of the whole job, in hours (--estimate-hours: \
            locating, retrieving and extracting the information, and determining whether it is held, the only \
            activities the Fees Regulations let an estimate count), how it was reached (--estimate-basis), and the \
            advice on what could be provided within the limit (--advice, s.16); the letter prices the hours at the \
            regime's rate against the limit of the authority's type (the authority-type setting). A subject access \
            request refused as manifestly unfounded or excessive (refused-art-12-5) gives its reasons (--reasons, \
            UK GDPR Art. 12(4)).
            """
    )
    @Option(help: "The outcome.") var outcome: Outcome
    @Option(help: ArgumentHelp("The advice and assistance given with the response (s.16).", valueName: "text"))
    var advice: String?
    @Option(help: ArgumentHelp("s.17(6): the earlier case whose refusal notice warned.", valueName: "ref"))
    var earlierCase: String?
    @Option(help: ArgumentHelp("refused-s12: the estimate of the whole job, in hours.", valueName: "hours"))
    var estimateHours: Double?
    @Option(help: ArgumentHelp("refused-s12: how the estimate was reached.", valueName: "text"))
    var estimateBasis: String?
    @Option(
        help: ArgumentHelp("refused-art-12-5: why the request is manifestly unfounded or excessive.", valueName: "text")
    )
    var reasons: String?
    @Option(help: ArgumentHelp("When the response was sent (default: today).", valueName: "date"))
    var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(advice, "--advice"), (earlierCase, "--earlier-case")])
        if earlierCase != nil && outcome != .noResponseRequired {
            throw ValidationError("--earlier-case goes with --outcome no-response-s17-6")
        }
        try Check.nonBlank([(estimateBasis, "--estimate-basis")])
        if outcome == .refusedCost {
            guard let estimateHours, estimateBasis != nil, advice != nil else {
                throw ValidationError(
                    "a refusal on cost states its estimate and the advice on what the limit allows: give "
                        + "--estimate-hours, --estimate-basis and --advice")
            }
            guard estimateHours.isFinite, (0...100_000).contains(estimateHours) else {
                throw ValidationError("--estimate-hours is a number of hours from 0 to 100000")
            }
        } else if estimateHours != nil || estimateBasis != nil {
            throw ValidationError("--estimate-hours and --estimate-basis go with --outcome refused-s12")
        }
        try Check.nonBlank([(reasons, "--reasons")])
        if (outcome == .refusedManifestlyUnfounded) != (reasons != nil) {
            throw ValidationError(
                "--reasons goes with --outcome refused-art-12-5, which gives them (UK GDPR Art. 12(4))")
        }
    }

    func run() async throws {
        let details = ResponseDetails(
            advice: advice, earlierCase: try earlierCase.map { try reference($0, option: "--earlier-case") },
            estimateHours: estimateHours, estimateBasis: estimateBasis, reasons: reasons)
        try await step.record(.responded(outcome, details), on: step.date(on))
    }
}
