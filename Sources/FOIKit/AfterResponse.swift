// After the response: the internal review, the complaint to the regulator (ICO or SIC), its decision notice and
// the appeal to the Tribunal (RULES.md §5, §6, §7). Each is part of the same case, with clocks of its own.

/// Where a case is in its life, beside its status: the latest process it has entered.
public enum CaseStage: String, CaseIterable, Codable, Hashable, Sendable {
    /// Awaiting the response.
    case request
    /// Answered; nothing after the response yet.
    case responded
    /// An internal review was asked for (under way or decided).
    case review
    /// A complaint to the ICO (an application to the SIC) was made (under investigation or decided).
    case regulator
    /// An appeal against the decision notice was lodged.
    case tribunal
    /// Withdrawn, transferred or lapsed without an answer.
    case closed
}

/// A request for review that came after the requester's window closed: the authority chose to accept or decline it.
public struct OutOfTime: Hashable, Codable, Sendable {
    /// The last day of the window the request missed.
    public var lastDay: CivilDate
    /// Whether the authority accepted the late request (the review then runs as usual).
    public var accepted: Bool
    /// The date of the authority's letter declining it, when not the day the request came: the ICO's six weeks
    /// run from that letter.
    public var declinedOn: CivilDate?

    public init(lastDay: CivilDate, accepted: Bool, declinedOn: CivilDate? = nil) {
        self.lastDay = lastDay
        self.accepted = accepted
        self.declinedOn = declinedOn
    }
}

/// What the review-requested event records.
public struct ReviewRequest: Hashable, Codable, Sendable {
    /// Who asked (the requester, or someone on their behalf).
    public var by: String?
    /// Set when the request came after the window; nil when in time.
    public var outOfTime: OutOfTime?
    /// The requester's grounds: what they ask to be reviewed, and why.
    public var grounds: String?

    public init(by: String? = nil, outOfTime: OutOfTime? = nil, grounds: String? = nil) {
        self.by = by
        self.outOfTime = outOfTime
        self.grounds = grounds
    }
}

/// How an internal review ended.
public enum ReviewOutcome: String, CaseIterable, Codable, Hashable, Sendable {
    /// The original decision stands.
    case upheld
    /// Some of the withheld information is released.
    case partiallyUpheld = "partially-upheld"
    /// The original decision is reversed: all of the information is released.
    case overturned
    /// The complaint was about the handling (a late response, a missing notice), not the information.
    case procedural

    public var label: String {
        switch self {
        case .upheld: "original decision upheld"
        case .partiallyUpheld: "partially upheld (some information released)"
        case .overturned: "overturned (all information released)"
        case .procedural: "procedural (response issued late or handling at fault)"
        }
    }
}

/// What the review-decided event records.
public struct ReviewDecision: Hashable, Codable, Sendable {
    public var outcome: ReviewOutcome
    /// Who carried out the review (not the person who made the original decision).
    public var reviewer: String?
    /// Citations of exemptions no longer relied on.
    public var withdrawnExemptions: [String]
    /// Exemptions relied on for the first time at review.
    public var addedExemptions: [ExemptionDecision]
    /// What the reviewer found, part by part.
    public var findings: String?
    /// What changes as a result, and by when (EIR reg 11(5)(b)-(c): the action decided on and its period).
    public var action: String?

    public init(
        outcome: ReviewOutcome, reviewer: String? = nil, withdrawnExemptions: [String] = [],
        addedExemptions: [ExemptionDecision] = [], findings: String? = nil, action: String? = nil
    ) {
        self.outcome = outcome
        self.reviewer = reviewer
        self.withdrawnExemptions = withdrawnExemptions
        self.addedExemptions = addedExemptions
        self.findings = findings
        self.action = action
    }
}

/// What a review looks at: the response, or (FOISA s.20(1), EIR reg 11, EIR(S) reg 16) the authority's failure to
/// respond in time, or a fees notice.
public enum ReviewSubject: String, Codable, Hashable, Sendable {
    case response
    case failureToRespond = "failure-to-respond"
    case feesNotice = "fees-notice"

    public var phrase: String {
        switch self {
        case .response: "of the response"
        case .failureToRespond: "of the failure to respond"
        case .feesNotice: "of the fees notice"
        }
    }
}

/// An internal review as the events so far define it.
public struct Review: Hashable, Codable, Sendable {
    /// Where a review stands: a late request the authority declined runs no review; an accepted one is under way
    /// until it is decided, once.
    public enum State: Hashable, Codable, Sendable {
        case underWay
        case declined(on: CivilDate)
        case decided(on: CivilDate, ReviewDecision)
    }

    /// The day the request for review was received: day 0 of the review clock.
    public var requested: CivilDate
    public var request: ReviewRequest
    /// What the review looks at, from where the case stood when it was asked for.
    public var subject: ReviewSubject
    /// FOIA (s.45 Code): the working days the review was extended to, with why.
    public var extendedTo: Int?
    public var extensionReason: String?
    public private(set) var state: State

    /// A review asked for on `requested`: declined from the start where the request came late and the authority
    /// declined it (on its letter's day, or the day the request came).
    init(requested: CivilDate, request: ReviewRequest, subject: ReviewSubject) {
        self.requested = requested
        self.request = request
        self.subject = subject
        if let late = request.outOfTime, !late.accepted {
            state = .declined(on: late.declinedOn ?? requested)
        } else {
            state = .underWay
        }
    }

    /// The review decided on `date`: only one under way is.
    mutating func decide(_ decision: ReviewDecision, on date: CivilDate) {
        precondition(state == .underWay, "a review is decided once, while under way")
        state = .decided(on: date, decision)
    }

    public var decided: CivilDate? {
        if case .decided(let date, _) = state { date } else { nil }
    }
    public var decision: ReviewDecision? {
        if case .decided(_, let decision) = state { decision } else { nil }
    }
    /// A late request the authority declined: no review runs.
    public var isDeclined: Bool { declinedOn != nil }
    /// The day the authority declined a late request: its letter, or the day the request came.
    public var declinedOn: CivilDate? {
        if case .declined(let date) = state { date } else { nil }
    }
    /// Accepted and not yet decided.
    public var isUnderWay: Bool { state == .underWay }
}

/// The regulator that hears complaints about a regime: the ICO, or the SIC in Scotland.
public enum Regulator: String, Codable, Hashable, Sendable {
    case ico, sic

    public init(for regime: Regime) {
        self = regime == .foisa || regime == .eirs ? .sic : .ico
    }

    public var shortName: String { self == .ico ? "ICO" : "SIC" }
}

/// What the complaint-notified event records: the regulator told the authority of a complaint (an application).
public struct ComplaintNotice: Hashable, Codable, Sendable {
    /// The regulator's case reference, e.g. `IC-123456-A1B2`.
    public var reference: String
    /// The date the regulator set for the authority's submissions, when it set one.
    public var submissionsDue: CivilDate?

    public init(reference: String, submissionsDue: CivilDate? = nil) {
        self.reference = reference
        self.submissionsDue = submissionsDue
    }
}

/// How a decision notice decided the complaint.
public enum DecisionNoticeOutcome: String, CaseIterable, Codable, Hashable, Sendable {
    case upheld
    case partlyUpheld = "partly-upheld"
    case notUpheld = "not-upheld"

    public var label: String {
        switch self {
        case .upheld: "complaint upheld"
        case .partlyUpheld: "complaint partly upheld"
        case .notUpheld: "complaint not upheld"
        }
    }
}

/// What the decision-notice event records.
public struct DecisionNotice: Hashable, Codable, Sendable {
    /// The notice's reference, e.g. `IC-123456-A1B2` or `FS50123456`.
    public var reference: String
    public var outcome: DecisionNoticeOutcome
    /// The steps the authority must take, as the notice words them; nil when it orders none.
    public var steps: String?
    /// The compliance date the notice gives, when it is not the usual 35 calendar days.
    public var complyBy: CivilDate?
    /// The date the notice was sent, when not its own date (the Tribunal's 28 days run from it).
    public var sent: CivilDate?
    /// The notice upholds the complaint but orders no steps (typically a late response answered since): there is
    /// no duty to comply, FOIA s.50(4) (EIR reg 18) and FOISA s.49(6) making one only where steps are specified.
    public var ordersNoSteps: Bool

    public init(
        reference: String, outcome: DecisionNoticeOutcome, steps: String? = nil, complyBy: CivilDate? = nil,
        sent: CivilDate? = nil, ordersNoSteps: Bool = false
    ) {
        self.reference = reference
        self.outcome = outcome
        self.steps = steps
        self.complyBy = complyBy
        self.sent = sent
        self.ordersNoSteps = ordersNoSteps
    }

    /// Whether the notice makes a duty to take steps: it upholds the complaint, wholly or partly, and does not say
    /// it orders none.
    public var ordersSteps: Bool { outcome != .notUpheld && !ordersNoSteps }
}

/// A complaint to the regulator as the events so far define it.
public struct Complaint: Hashable, Codable, Sendable {
    /// Where a complaint stands: under investigation until a decision notice decides it or it ends otherwise (once).
    public enum State: Hashable, Codable, Sendable {
        case underWay
        case decided(on: CivilDate, DecisionNotice)
        case closed(on: CivilDate, ComplaintEnding)
    }

    public var regulator: Regulator
    /// The day the regulator notified the authority.
    public var notified: CivilDate
    public var reference: String
    public var submissionsDue: CivilDate?
    /// The day the submissions-due date was set (the notification, or a later letter).
    public var submissionsRequested: CivilDate?
    public var submissionsSent: CivilDate?
    public private(set) var state: State = .underWay
    /// The day the steps the notice (or the Tribunal) ordered were taken.
    public var complied: CivilDate?
    /// The appeals against its decision notice, in the order they were lodged.
    public var appeals: [Appeal] = []

    init(regulator: Regulator, notified: CivilDate, notice: ComplaintNotice) {
        self.regulator = regulator
        self.notified = notified
        reference = notice.reference
        submissionsDue = notice.submissionsDue
        submissionsRequested = notice.submissionsDue.map { _ in notified }
    }

    /// The complaint decided by `notice` on `date`, or ended without one: only one under way is.
    mutating func end(_ state: State) {
        precondition(self.state == .underWay && state != .underWay, "a complaint ends once, while under way")
        self.state = state
    }

    public var decisionNotice: DecisionNotice? {
        if case .decided(_, let notice) = state { notice } else { nil }
    }
    public var decided: CivilDate? {
        if case .decided(let date, _) = state { date } else { nil }
    }
    /// How the complaint ended without a decision notice, and when.
    public var ending: ComplaintEnding? {
        if case .closed(_, let ending) = state { ending } else { nil }
    }
    public var closed: CivilDate? {
        if case .closed(let date, _) = state { date } else { nil }
    }

    /// Under investigation: no decision notice and no other ending yet.
    public var isUnderWay: Bool { state == .underWay }

    /// Whether steps are due from the authority: the notice ordered some and no Tribunal decision took them away,
    /// or a Tribunal decision ordered some (an appeal allowed, the substituted notice's steps).
    public var ordersSteps: Bool {
        var steps = decisionNotice?.ordersSteps == true
        for appeal in appeals where appeal.lodging.level == .firstTier {
            guard let decision = appeal.decision else { continue }
            steps = decision.leavesSteps(appellant: appeal.lodging.appellant, before: steps)
        }
        return steps
    }

    /// Steps are due and not yet taken.
    public var awaitsCompliance: Bool { ordersSteps && complied == nil }
}

/// How a complaint to the regulator ended without a decision notice.
public enum ComplaintEnding: String, CaseIterable, Codable, Hashable, Sendable {
    /// Resolved informally: the authority released, explained or apologised and the complainant was content.
    case resolved
    /// The complainant withdrew it.
    case withdrawn
    /// The regulator declined to decide it: FOIA s.50(2) (undue delay, complaints procedure not used, frivolous or
    /// vexatious, withdrawn or abandoned), FOISA s.49(1).
    case declined
    /// A data protection complaint (subject access) ended in the ICO's outcome letter, which is not a s.50 notice.
    case concluded

    public var label: String {
        switch self {
        case .resolved: "resolved informally"
        case .withdrawn: "withdrawn by the complainant"
        case .declined: "declined by the regulator"
        case .concluded: "concluded with the ICO's outcome"
        }
    }
}

/// Who brought an appeal to the Tribunal.
public enum Appellant: String, CaseIterable, Codable, Hashable, Sendable {
    case requester, authority
}

/// Where an appeal goes: against the decision notice (the First-tier Tribunal; for FOISA and EIR(S) the Court of
/// Session), or onward against the Tribunal's decision (permission to appeal to the Upper Tribunal).
public enum AppealLevel: String, CaseIterable, Codable, Hashable, Sendable {
    case firstTier = "first-tier"
    case upperTribunal = "upper-tribunal"
}

/// What the appeal-lodged event records.
public struct AppealLodging: Hashable, Codable, Sendable {
    public var appellant: Appellant
    /// The Tribunal's reference, e.g. `EA/2024/0123`.
    public var reference: String
    /// Set when the notice of appeal came after the last day: that day (a late appeal asks for an extension).
    public var lastDay: CivilDate?
    public var level: AppealLevel

    public init(appellant: Appellant, reference: String, lastDay: CivilDate? = nil, level: AppealLevel = .firstTier) {
        self.appellant = appellant
        self.reference = reference
        self.lastDay = lastDay
        self.level = level
    }
}

/// How the Tribunal disposed of an appeal.
public enum AppealOutcome: String, CaseIterable, Codable, Hashable, Sendable {
    case allowed
    case allowedInPart = "allowed-in-part"
    case dismissed
    case withdrawn
    case struckOut = "struck-out"

    public var label: String { rawValue.replacing("-", with: " ") }
}

/// What the appeal-decided event records.
public struct AppealDecision: Hashable, Codable, Sendable {
    public var outcome: AppealOutcome
    /// The appeal decided, by its reference: needed only while two are under way (both parties appealed).
    public var appeal: String?
    /// The day the steps are due after the decision, when the Tribunal (or the officer) gives one.
    public var complyBy: CivilDate?
    /// The steps the Tribunal's decision (a substituted notice) orders, as worded.
    public var steps: String?
    /// The decision, or the notice it substitutes, orders no steps (a requester's appeal allowed on a finding
    /// alone, such as a breach of s.10 or s.17): no duty to comply follows it.
    public var ordersNoSteps: Bool

    public init(
        outcome: AppealOutcome, appeal: String? = nil, complyBy: CivilDate? = nil, steps: String? = nil,
        ordersNoSteps: Bool = false
    ) {
        self.outcome = outcome
        self.appeal = appeal
        self.complyBy = complyBy
        self.steps = steps
        self.ordersNoSteps = ordersNoSteps
    }

    /// Whether steps are due after this decision of an appeal by `appellant`, given whether they were due before.
    /// An authority's appeal allowed takes the notice's steps away (unless the Tribunal substitutes some); allowed
    /// in part, some remain; dismissed, withdrawn or struck out, the notice's steps revive (FOIA s.50(6) suspends
    /// them only pending the appeal). A requester's appeal allowed, wholly or in part, ends in a substituted notice
    /// ordering steps.
    func leavesSteps(appellant: Appellant, before: Bool) -> Bool {
        if ordersNoSteps { return false }
        return switch (appellant, outcome) {
        case (.authority, .allowed): steps != nil
        // The authority's partial success narrows the notice: it leaves no steps the notice never ordered (LD4).
        case (.authority, .allowedInPart): before || steps != nil
        case (.requester, .allowedInPart), (.requester, .allowed): true
        case (_, .dismissed), (_, .withdrawn), (_, .struckOut): before || steps != nil
        }
    }

    /// Whether the decision sets steps anew (a substituted notice or a revived duty) rather than leaving things as
    /// they stood.
    func setsSteps(appellant: Appellant, before: Bool) -> Bool {
        guard leavesSteps(appellant: appellant, before: before) else { return false }
        return appellant == .authority || outcome == .allowed || outcome == .allowedInPart
    }
}

/// An appeal as the events so far define it.
public struct Appeal: Hashable, Codable, Sendable {
    /// Where an appeal stands: under way until the Tribunal disposes of it (once).
    public enum State: Hashable, Codable, Sendable {
        case underWay
        case decided(on: CivilDate, AppealDecision)
    }

    public var lodged: CivilDate
    public var lodging: AppealLodging
    public var hearing: CivilDate?
    public private(set) var state: State = .underWay

    init(lodged: CivilDate, lodging: AppealLodging) {
        self.lodged = lodged
        self.lodging = lodging
    }

    /// The appeal disposed of on `date`: only one under way is.
    mutating func decide(_ decision: AppealDecision, on date: CivilDate) {
        precondition(state == .underWay, "an appeal is decided once, while under way")
        state = .decided(on: date, decision)
    }

    public var decided: CivilDate? {
        if case .decided(let date, _) = state { date } else { nil }
    }
    public var decision: AppealDecision? {
        if case .decided(_, let decision) = state { decision } else { nil }
    }
    public var outcome: AppealOutcome? { decision?.outcome }
    public var isUnderWay: Bool { state == .underWay }
}

/// A response sent, kept in order: a reopened case keeps its first response, by which its timeliness is judged.
public struct Response: Hashable, Codable, Sendable {
    public var on: CivilDate
    public var outcome: Outcome
}
