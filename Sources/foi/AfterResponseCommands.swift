import ArgumentParser
import FOIKit
import FOIStore
import Foundation

// The steps after the response: internal review, complaint to the regulator, decision notice and appeal. Each
// records one event on the same case; the lifecycle decides whether it fits where the case stands.

extension CaseStage: ExpressibleByArgument {}
extension ClockName: ExpressibleByArgument {}
extension ReviewOutcome: ExpressibleByArgument {}
extension DecisionNoticeOutcome: ExpressibleByArgument {}
extension Appellant: ExpressibleByArgument {}
extension AppealOutcome: ExpressibleByArgument {}

/// Exactly one of `values` must be given.
func requireOne(_ values: [Any?], of names: String) throws {
    if values.compactMap({ $0 }).count != 1 { throw ValidationError("give one of \(names)") }
}

/// A regulator's or Tribunal's reference as typed, trimmed; blank is refused.
func reference(_ text: String, option: String) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { throw Failure.usage("\(option) needs the reference, e.g. IC-123456-A1B2 or EA/2024/0123") }
    return trimmed
}

/// `foi review`.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a request for internal review, its extension, or its outcome.",
        discussion: """
            The review has its own clock on the same case. FOIA (s.45 Code of Practice): 20 working days from receipt \
            of the request for review, extendable once, with a reason, to at most 40. EIR reg 11(4): 40 working days. \
            FOISA s.21(1): 20 working days. EIR(S) reg 16(4): 20 working days. No extension but FOIA's.

            The requester has 40 working days from the response to ask (FOIA Code, EIR reg 11(2), EIR(S) reg 16(2)); \
            under FOISA s.20 from the later of the response and the response deadline. A later request is recorded \
            with a warning, as accepted unless --decline-late records that the authority refused to consider it.

            At the outcome, --withdraw-exemption and --add-exemption record which exemption decisions changed.
            """
    )
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("The request for review was received on this date.", valueName: "date")) var requested:
        String?
    @Option(help: ArgumentHelp("Who asked for the review.", valueName: "name")) var by: String?
    @Flag(help: "The request came after the requester's window and the authority declines to consider it.")
    var declineLate = false
    @Option(
        help: ArgumentHelp(
            "FOIA: extend the review to N working days in all (at most 40); needs --reason.", valueName: "n"))
    var extendTo: Int?
    @Option(help: ArgumentHelp("Why the review needs longer.", valueName: "text")) var reason: String?
    @Option(help: "The review's outcome.") var outcome: ReviewOutcome?
    @Option(help: ArgumentHelp("Who carried out the review.", valueName: "name")) var reviewer: String?
    @Option(help: ArgumentHelp("An exemption no longer relied on after review (repeatable).", valueName: "citation"))
    var withdrawExemption: [String] = []
    @Option(
        help: ArgumentHelp("An exemption relied on for the first time at review (repeatable).", valueName: "citation"))
    var addExemption: [String] = []
    @Option(help: "The public interest conclusion for the exemptions added.") var publicInterest:
        PublicInterestConclusion?
    @Option(help: ArgumentHelp("When the extension or outcome was decided (default: today).", valueName: "date"))
    var on: String?

    func validate() throws {
        try requireOne([requested, extendTo, outcome], of: "--requested, --extend-to or --outcome")
        if extendTo != nil && reason == nil {
            throw ValidationError("--extend-to needs --reason: the Code allows more time only where it is needed")
        }
        if outcome == nil && !(withdrawExemption.isEmpty && addExemption.isEmpty && reviewer == nil) {
            throw ValidationError("--reviewer, --withdraw-exemption and --add-exemption go with --outcome")
        }
    }

    func run() throws {
        if let requested {
            let received = try step.date(requested, option: "--requested")
            let request = ReviewRequest(
                by: by, outOfTime: declineLate ? OutOfTime(lastDay: received, accepted: false) : nil)
            try step.record(.reviewRequested(request), on: received)
        }
        if let extendTo {
            try step.record(
                .reviewExtended(toWorkingDays: extendTo, reason: reason ?? ""), on: try step.date(on, option: "--on"))
        }
        if let outcome {
            try step.record(on: try step.date(on, option: "--on")) { store in
                let regime = try store.caseFile(step.reference).regime
                return .reviewDecided(
                    ReviewDecision(
                        outcome: outcome, reviewer: reviewer,
                        withdrawnExemptions: withdrawExemption.map(ExemptionCatalogue.normalise),
                        addedExemptions: addExemption.map {
                            ExemptionDecision(
                                citation: ExemptionCatalogue.normalise($0), part: regime, publicInterest: publicInterest
                            )
                        }))
            }
        }
    }
}

/// `foi complaint`.
struct ComplaintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint",
        abstract:
            "Record a complaint to the ICO (an application to the SIC), its date for submissions, and the submissions.",
        discussion: """
            FOIA s.50 (and EIR reg 18): the ICO normally accepts a complaint within six weeks of the review's outcome \
            (practice, not statute). FOISA s.47: an application to the SIC within six months. Both windows are shown on \
            the case. The regulator's date for the authority's submissions is a clock on the board until they are sent.
            """
    )
    @OptionGroup var step: StepOptions
    @Option(
        help: ArgumentHelp(
            "The regulator notified the authority of the complaint on this date; needs --regulator-ref.",
            valueName: "date")) var notified: String?
    @Option(help: ArgumentHelp("The regulator's case reference, e.g. IC-123456-A1B2.", valueName: "ref"))
    var regulatorRef: String?
    @Option(
        help: ArgumentHelp(
            "The regulator's date for the authority's submissions (with --notified, or alone to set or move it).",
            valueName: "date")) var submissionsDue: String?
    @Option(help: ArgumentHelp("The submissions were sent on this date.", valueName: "date")) var submitted: String?
    @Option(
        help: ArgumentHelp(
            "When the regulator set the date, with --submissions-due alone (default: today).", valueName: "date"))
    var on: String?

    func validate() throws {
        try requireOne(
            [notified, notified == nil ? submissionsDue : nil, submitted],
            of: "--notified, --submissions-due or --submitted")
        if notified != nil && regulatorRef == nil {
            throw ValidationError("--notified needs --regulator-ref, e.g. IC-123456-A1B2")
        }
    }

    func run() throws {
        let due = try submissionsDue.map { try parseDate($0, option: "--submissions-due") }
        if let notified {
            let notice = ComplaintNotice(
                reference: try reference(regulatorRef!, option: "--regulator-ref"), submissionsDue: due)
            try step.record(.complaintNotified(notice), on: try step.date(notified, option: "--notified"))
        } else if let due {
            try step.record(.submissionsRequested(due: due), on: try step.date(on, option: "--on"))
        }
        if let submitted { try step.record(.submissionsSent, on: try step.date(submitted, option: "--submitted")) }
    }
}

/// `foi decision-notice`.
struct DecisionNoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision-notice",
        abstract: "Record the regulator's decision notice, or that its steps were taken.",
        discussion: """
            The steps a notice orders are due within 35 calendar days of its date unless it gives another date \
            (--comply-by); failing that, the ICO may certify the failure to the High Court (FOIA s.54). Either side may \
            appeal within 28 days of the date the notice was sent (SI 2009/1976 r.22; the day moves to the next working \
            day when it falls on one that is not); from a SIC decision, to the Court of Session within 42 days.
            """
    )
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("The notice's reference, e.g. IC-123456-A1B2 or FS50123456.", valueName: "ref"))
    var noticeRef: String?
    @Option(help: "How the notice decided the complaint.") var outcome: DecisionNoticeOutcome?
    @Option(help: ArgumentHelp("The steps ordered, as the notice words them.", valueName: "text")) var steps: String?
    @Option(help: ArgumentHelp("The compliance date the notice gives, if not 35 days.", valueName: "date"))
    var complyBy: String?
    @Option(help: ArgumentHelp("The date the notice was sent, if not its own date.", valueName: "date")) var sent:
        String?
    @Option(help: ArgumentHelp("The notice's date (default: today).", valueName: "date")) var on: String?
    @Option(help: ArgumentHelp("The steps ordered were taken on this date.", valueName: "date")) var complied: String?

    func validate() throws {
        try requireOne([outcome, complied], of: "--outcome (with --notice-ref) or --complied")
        if outcome != nil && noticeRef == nil {
            throw ValidationError("--outcome needs --notice-ref, e.g. IC-123456-A1B2")
        }
    }

    func run() throws {
        if let outcome {
            let notice = DecisionNotice(
                reference: try reference(noticeRef!, option: "--notice-ref"), outcome: outcome, steps: steps,
                complyBy: try complyBy.map { try parseDate($0, option: "--comply-by") },
                sent: try sent.map { try parseDate($0, option: "--sent") })
            try step.record(.decisionNoticeIssued(notice), on: try step.date(on, option: "--on"))
        }
        if let complied { try step.record(.decisionNoticeComplied, on: try step.date(complied, option: "--complied")) }
    }
}

/// `foi appeal`.
struct AppealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeal",
        abstract: "Record an appeal against a decision notice, its hearing date, or its outcome.",
        discussion: """
            The notice of appeal must reach the First-tier Tribunal (General Regulatory Chamber) within 28 days of the \
            date the decision notice was sent (SI 2009/1976 r.22(1)(b)); a later appeal is recorded with a warning, as \
            it needs the Tribunal to extend time (r.5(3)(a)). While the authority's own appeal is pending, the steps \
            the notice ordered need not be taken.
            """
    )
    @OptionGroup var step: StepOptions
    @Option(
        help: ArgumentHelp(
            "The notice of appeal was lodged on this date; needs --by and --appeal-ref.", valueName: "date"))
    var lodged: String?
    @Option(help: "Who appealed.") var by: Appellant?
    @Option(help: ArgumentHelp("The Tribunal's reference, e.g. EA/2024/0123.", valueName: "ref")) var appealRef: String?
    @Option(help: ArgumentHelp("The hearing is listed for this date.", valueName: "date")) var hearing: String?
    @Option(help: "How the Tribunal decided the appeal.") var outcome: AppealOutcome?
    @Option(
        help: ArgumentHelp("When the hearing was listed or the appeal decided (default: today).", valueName: "date"))
    var on: String?

    func validate() throws {
        try requireOne([lodged, hearing, outcome], of: "--lodged, --hearing or --outcome")
        if lodged != nil && (by == nil || appealRef == nil) {
            throw ValidationError("--lodged needs --by (requester or authority) and --appeal-ref, e.g. EA/2024/0123")
        }
    }

    func run() throws {
        if let lodged {
            let lodging = AppealLodging(appellant: by!, reference: try reference(appealRef!, option: "--appeal-ref"))
            try step.record(.appealLodged(lodging), on: try step.date(lodged, option: "--lodged"))
        }
        if let hearing {
            try step.record(
                .hearingListed(on: try parseDate(hearing, option: "--hearing")), on: try step.date(on, option: "--on"))
        }
        if let outcome { try step.record(.appealDecided(outcome), on: try step.date(on, option: "--on")) }
    }
}
