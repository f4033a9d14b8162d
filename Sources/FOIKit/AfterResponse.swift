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

    public init(lastDay: CivilDate, accepted: Bool) {
        self.lastDay = lastDay
        self.accepted = accepted
    }
}

/// What the review-requested event records.
public struct ReviewRequest: Hashable, Codable, Sendable {
    /// Who asked (the requester, or someone on their behalf).
    public var by: String?
    /// Set when the request came after the window; nil when in time.
    public var outOfTime: OutOfTime?

    public init(by: String? = nil, outOfTime: OutOfTime? = nil) {
        self.by = by
        self.outOfTime = outOfTime
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

    public init(
        outcome: ReviewOutcome, reviewer: String? = nil, withdrawnExemptions: [String] = [],
        addedExemptions: [ExemptionDecision] = []
    ) {
        self.outcome = outcome
        self.reviewer = reviewer
        self.withdrawnExemptions = withdrawnExemptions
        self.addedExemptions = addedExemptions
    }
}

/// An internal review as the events so far define it.
public struct Review: Hashable, Codable, Sendable {
    /// The day the request for review was received: day 0 of the review clock.
    public var requested: CivilDate
    public var request: ReviewRequest
    /// FOIA (s.45 Code): the working days the review was extended to, with why.
    public var extendedTo: Int?
    public var extensionReason: String?
    public var decided: CivilDate?
    public var decision: ReviewDecision?

    /// A late request the authority declined: no review runs.
    public var isDeclined: Bool { request.outOfTime?.accepted == false }
    /// Accepted and not yet decided.
    public var isUnderWay: Bool { decided == nil && !isDeclined }
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
    public var regulator: Regulator
    /// The day the regulator notified the authority.
    public var notified: CivilDate
    public var reference: String
    public var submissionsDue: CivilDate?
    /// The day the submissions-due date was set (the notification, or a later letter).
    public var submissionsRequested: CivilDate?
    public var submissionsSent: CivilDate?
    public var decisionNotice: DecisionNotice?
    public var decided: CivilDate?
    /// The day the steps the notice ordered were taken.
    public var complied: CivilDate?

    /// Under investigation: no decision notice yet.
    public var isUnderWay: Bool { decided == nil }
}

/// Who brought an appeal to the Tribunal.
public enum Appellant: String, CaseIterable, Codable, Hashable, Sendable {
    case requester, authority
}

/// What the appeal-lodged event records.
public struct AppealLodging: Hashable, Codable, Sendable {
    public var appellant: Appellant
    /// The Tribunal's reference, e.g. `EA/2024/0123`.
    public var reference: String
    /// Set when the notice of appeal came after the last day: that day (a late appeal asks for an extension).
    public var lastDay: CivilDate?

    public init(appellant: Appellant, reference: String, lastDay: CivilDate? = nil) {
        self.appellant = appellant
        self.reference = reference
        self.lastDay = lastDay
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

/// An appeal as the events so far define it.
public struct Appeal: Hashable, Codable, Sendable {
    public var lodged: CivilDate
    public var lodging: AppealLodging
    public var hearing: CivilDate?
    public var decided: CivilDate?
    public var outcome: AppealOutcome?

    public var isUnderWay: Bool { decided == nil }
}
