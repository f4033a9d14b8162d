import ArgumentParser
import FOIKit

/// `foi decision-notice`.
struct DecisionNoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision-notice",
        abstract: "Record the regulator's decision notice, or that its steps were taken.",
        discussion: """
            The steps a notice orders are due within 35 calendar days of its date unless it gives another date \
            (--comply-by); failing that, the ICO may certify the failure to the High Court (FOIA s.54). Either side \
            may \
            appeal within 28 days of the date the notice was sent (SI 2009/1976 r.22; the day moves to the next \
            working \
            day when it falls on one that is not); from a SIC decision, to the Court of Session within 42 days.
            """
    )
    @Option(help: ArgumentHelp("The notice's reference, e.g. IC-123456-A1B2 or FS50123456.", valueName: "ref"))
    var noticeRef: String?
    @Option(help: "How the notice decided the complaint.") var outcome: DecisionNoticeOutcome?
    @Option(help: ArgumentHelp("The steps ordered, as the notice words them.", valueName: "text")) var steps: String?
    @Flag(
        help: "The notice upholds the complaint but orders no steps: no compliance duty (FOIA s.50(4), FOISA s.49(6)).")
    var noSteps = false
    @Option(help: ArgumentHelp("The compliance date the notice gives, if not 35 days.", valueName: "date"))
    var complyBy: CivilDate?
    @Option(help: ArgumentHelp("The date the notice was sent, if not its own date.", valueName: "date")) var sent:
        CivilDate?
    @Option(help: ArgumentHelp("The notice's date (default: today).", valueName: "date")) var on: DateOrTimestamp?
    @Option(help: ArgumentHelp("The steps ordered were taken on this date.", valueName: "date"))
    var complied: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(steps, "--steps")])
        try requireOne([outcome, complied], of: "--outcome (with --notice-ref) or --complied")
        if outcome != nil && noticeRef == nil {
            throw ValidationError("--outcome needs --notice-ref, e.g. IC-123456-A1B2")
        }
        // A duty to comply exists only where the notice specifies steps: the officer says which, not the tool.
        if outcome == .upheld || outcome == .partlyUpheld, steps == nil, !noSteps {
            throw ValidationError(
                "say what the notice orders: --steps TEXT, or --no-steps when it orders none (there is then no "
                    + "compliance duty)")
        }
        if noSteps && (steps != nil || complyBy != nil || outcome == .notUpheld) {
            throw ValidationError("--no-steps is for a notice that upholds the complaint without steps or a date")
        }
    }

    func run() async throws {
        if let outcome {
            let notice = DecisionNotice(
                reference: try reference(noticeRef ?? "", option: "--notice-ref"), outcome: outcome, steps: steps,
                complyBy: complyBy, sent: sent, ordersNoSteps: noSteps)
            try await step.record(.decisionNoticeIssued(notice), on: step.date(on))
        }
        if let complied { try await step.record(.decisionNoticeComplied, on: complied.date) }
    }
}
