import ArgumentParser
import FOIKit

/// `foi complaint`.
struct ComplaintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint",
        abstract:
            "Record a complaint to the ICO (an application to the SIC), its date for submissions, and the submissions.",
        discussion: """
            FOIA s.50 (and EIR reg 18): the ICO normally accepts a complaint within six weeks of the review's outcome \
            (practice, not statute), and one about a failure to respond without a review. FOISA s.47: an application \
            to the SIC, after a review has been required, within six months of its outcome or (unanswered) of the \
            end of the review period. A subject access complaint: within three months of the last contact (ICO). \
            The windows are shown on the case. The regulator's date for the authority's submissions is a clock on the \
            board until they are sent.

            Most complaints end without a decision notice: --closed with --ending resolved (informally), withdrawn \
            (by the complainant) or declined (FOIA s.50(2), FOISA s.49(1)); a data protection complaint ends in the \
            ICO's outcome (concluded), never a decision notice.
            """
    )
    @Option(
        help: ArgumentHelp(
            "The regulator notified the authority of the complaint on this date; needs --regulator-ref.",
            valueName: "date"))
    var notified: DateOrTimestamp?
    @Option(help: ArgumentHelp("The regulator's case reference, e.g. IC-123456-A1B2.", valueName: "ref"))
    var regulatorRef: String?
    @Option(
        help: ArgumentHelp(
            "The regulator's date for the authority's submissions (with --notified, or alone to set or move it).",
            valueName: "date"))
    var submissionsDue: CivilDate?
    @Option(help: ArgumentHelp("The submissions were sent on this date.", valueName: "date"))
    var submitted: DateOrTimestamp?
    @Option(
        help: ArgumentHelp(
            "The complaint ended without a decision notice on this date; needs --ending.",
            valueName: "date"))
    var closed: DateOrTimestamp?
    @Option(help: "How it ended: resolved, withdrawn, declined, or (subject access) concluded.")
    var ending: ComplaintEnding?
    @Option(
        help: ArgumentHelp(
            "When the regulator set the date, with --submissions-due alone (default: today).", valueName: "date"))
    var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try requireOne(
            [notified, notified == nil ? submissionsDue : nil, submitted, closed],
            of: "--notified, --submissions-due, --submitted or --closed")
        if notified != nil && regulatorRef == nil {
            throw ValidationError("--notified needs --regulator-ref, e.g. IC-123456-A1B2")
        }
        if (closed == nil) != (ending == nil) { throw ValidationError("--closed and --ending go together") }
    }

    func run() async throws {
        let due = submissionsDue
        if let notified {
            let notice = ComplaintNotice(
                reference: try reference(regulatorRef ?? "", option: "--regulator-ref"), submissionsDue: due)
            try await step.record(.complaintNotified(notice), on: notified.date)
        } else if let due {
            try await step.record(.submissionsRequested(due: due), on: step.date(on))
        }
        if let submitted { try await step.record(.submissionsSent, on: submitted.date) }
        if let closed, let ending { try await step.record(.complaintClosed(ending), on: closed.date) }
    }
}
