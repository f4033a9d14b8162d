/// A case's reference, e.g. `FOI-2026-000123` or `01.FOI.23.028767`.
public struct CaseReference: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: CaseReference, rhs: CaseReference) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The longest reference taken: every scheme in use is far shorter, and a longer one is a cell or a field
    /// taken by mistake.
    public static let maximumLength = 64

    /// `text` as a reference given by a person or a file (typed for a new case, an imported sheet, an export), refused
    /// where it could not be shown, filed or written into a calendar as it is: blank, longer than `maximumLength`,
    /// or holding a control character (a line break, a tab, an escape, NUL) or an invisible formatting one (a
    /// direction override).
    public init(validating text: String) throws(ReferenceError) {
        if text.allSatisfy(\.isWhitespace) { throw .blank }
        if text.count > Self.maximumLength { throw .tooLong(text.count) }
        let hidden = text.unicodeScalars.first { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: true
            default: false
            }
        }
        if let hidden { throw .controlCharacter(hidden) }
        self.init(rawValue: text)
    }
}

/// Why a text cannot be a case's reference.
public enum ReferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    case blank
    case tooLong(Int)
    case controlCharacter(Unicode.Scalar)

    public var description: String {
        switch self {
        case .blank: "a reference cannot be blank"
        case .tooLong(let count):
            "a reference is at most \(CaseReference.maximumLength) characters (this one has \(count))"
        case .controlCharacter(let scalar):
            "a reference cannot hold a control character (a line break, a tab, an escape: here \(scalar.codePoint))"
        }
    }
}

/// How a request arrived.
public enum Channel: String, CaseIterable, Codable, Hashable, Sendable {
    case email, web, post, whatdotheyknow, phone, other
}

/// What the received event records about the request itself. The requester's personal data is kept apart
/// (it can be anonymised; events cannot change).
public struct Receipt: Hashable, Sendable {
    public var regime: Regime
    public var subject: String
    public var channel: Channel
    public var convention: ReceiptConvention
    /// The timestamp as given, when the request came with one (the date is its London date).
    public var timestamp: String?
    /// A response period of the request's own (transferred public records, the Keeper, a day the ICO specifies).
    public var period: RequestPeriod?
    /// The case this one was split from: the part of a mixed request handled under another regime.
    public var splitFrom: CaseReference?

    public init(
        regime: Regime, subject: String, channel: Channel = .email, convention: ReceiptConvention = .statutory,
        timestamp: String? = nil, period: RequestPeriod? = nil, splitFrom: CaseReference? = nil
    ) {
        self.regime = regime
        self.subject = subject
        self.channel = channel
        self.convention = convention
        self.timestamp = timestamp
        self.period = period
        self.splitFrom = splitFrom
    }

    /// The receipt of the part of this request split into a case of its own under `regime`: the same request, day
    /// and channel, with no period of its own (each period belongs to one regime's regulations).
    public func part(regime: Regime, subject: String?, splitFrom reference: CaseReference) -> Receipt {
        Receipt(
            regime: regime, subject: subject ?? self.subject, channel: channel, convention: convention,
            timestamp: timestamp, splitFrom: reference)
    }
}

/// Why an exemption (or exception) is engaged and, for a qualified one, the public interest test: what a refusal
/// notice must state (FOIA s.17(1)(c) and (3), EIR reg 14(3), FOISA s.16(1)(d) and (2)).
public struct ExemptionReasoning: Hashable, Sendable {
    /// The citation as the case applies it, e.g. `31(1)(a)(b)`, and the part of the request's regime.
    public var citation: String
    public var part: Regime
    /// Why it is engaged: the harm disclosure would cause, or the class the information falls in.
    public var engaged: String
    /// The public interest factors for disclosure (or for confirming or denying), and against; one paragraph each.
    public var factorsFor: [String]
    public var factorsAgainst: [String]
    /// The conclusion of the balance.
    public var balance: String?
    /// The parts of the request the exemption is engaged for, as the request numbers them (`A`, `2`), where the
    /// decision differs by part; empty: the whole request.
    public var requestParts: [String]
    /// EIR reg 14(4), EIR(S) reg 13(d): for material still in the course of completion, the authority preparing it
    /// (where another) and when it is expected to be finished.
    public var preparedBy: String?
    public var finishedBy: String?

    public init(
        citation: String, part: Regime, engaged: String, factorsFor: [String] = [], factorsAgainst: [String] = [],
        balance: String? = nil, requestParts: [String] = [], preparedBy: String? = nil, finishedBy: String? = nil
    ) {
        self.citation = citation
        self.part = part
        self.engaged = engaged
        self.factorsFor = factorsFor
        self.factorsAgainst = factorsAgainst
        self.balance = balance
        self.requestParts = requestParts
        self.preparedBy = preparedBy
        self.finishedBy = finishedBy
    }

    /// Whether the exception is for material still in the course of completion (EIR reg 12(4)(d), EIR(S) reg
    /// 10(4)(d)), whose refusal says who is preparing it and when it will be finished.
    public static func isUnfinishedMaterial(_ citation: String, part: Regime) -> Bool {
        (part == .eir && citation.hasPrefix("12(4)(d)")) || (part == .eirs && citation.hasPrefix("10(4)(d)"))
    }
}

/// A letter as sent: what it was, the template that made it and a digest of its text, so that the history says
/// what was sent and when, and a copy can be checked against it.
public struct LetterRecord: Hashable, Sendable {
    /// The kind, e.g. `response`.
    public var letter: String
    /// The template's name, and where it came from: `built-in` or the templates directory's path.
    public var template: String
    /// The SHA-256 of the letter's text, in hex.
    public var digest: String

    public init(letter: String, template: String, digest: String) {
        self.letter = letter
        self.template = template
        self.digest = digest
    }
}

/// How a case appears in the disclosure log.
public struct Publication: Hashable, Sendable {
    /// The title to publish instead of the subject.
    public var title: String?
    /// Why it is held back from the log; nil: it is published.
    public var heldBack: String?

    public init(title: String? = nil, heldBack: String? = nil) {
        self.title = title
        self.heldBack = heldBack
    }
}

/// A part of a mixed request split into a case of its own, e.g. the environmental information of a FOIA request,
/// handled under the EIR with its own clock, extension and review.
public struct CaseSplit: Hashable, Sendable {
    /// The new case's reference.
    public var into: CaseReference
    public var regime: Regime

    public init(into: CaseReference, regime: Regime) {
        self.into = into
        self.regime = regime
    }
}

/// A search for the information, recorded for the s.12 cost estimate and the not-held answer.
public struct Search: Hashable, Codable, Sendable {
    /// Where was searched: a system, a team, a file plan.
    public var location: String
    /// Whether information in scope was found.
    public var held: Bool
    /// Hours spent, counted against the regime's cost limit at its rate (`Regime.costLimit`).
    public var hours: Double

    public init(location: String, held: Bool, hours: Double) {
        self.location = location
        self.held = held
        self.hours = hours
    }
}

/// The public interest conclusion recorded for a qualified exemption.
public enum PublicInterestConclusion: String, CaseIterable, Codable, Hashable, Sendable {
    /// The public interest in maintaining the exemption outweighs that in disclosure.
    case maintain
    /// The public interest favours disclosure: the exemption is engaged but not relied on.
    case disclose
}

/// One exemption relied on, with the part of a multi-regime request it belongs to.
public struct ExemptionDecision: Hashable, Codable, Sendable {
    /// As cited: `31(1)(a)`, `40(2)`, `12(5)(e)`.
    public var citation: String
    /// The regime of the part this decision belongs to (part FOIA, part EIR).
    public var part: Regime
    /// Neither confirm nor deny: the duty to confirm or deny is excluded.
    public var neitherConfirmNorDeny: Bool
    /// The public interest conclusion; required for a qualified exemption.
    public var publicInterest: PublicInterestConclusion?

    public init(
        citation: String, part: Regime, neitherConfirmNorDeny: Bool = false,
        publicInterest: PublicInterestConclusion? = nil
    ) {
        self.citation = citation
        self.part = part
        self.neitherConfirmNorDeny = neitherConfirmNorDeny
        self.publicInterest = publicInterest
    }
}

/// How a request was answered (the Cabinet Office statistics categories).
public enum Outcome: String, CaseIterable, Codable, Hashable, Sendable {
    case grantedInFull = "granted-in-full"
    case partiallyWithheld = "partially-withheld"
    case withheldInFull = "withheld-in-full"
    case neitherConfirmNorDeny = "ncnd"
    case notHeld = "not-held"
    case refusedCost = "refused-s12"
    case refusedVexatious = "refused-s14-1"
    case refusedRepeated = "refused-s14-2"
    /// Advice only: the information is reasonably accessible by other means (s.21) or published.
    case adviceOnly = "advice-only"
    /// FOIA s.17(6): no notice given, a refusal notice for an earlier vexatious or repeated request having warned
    /// that another would not be answered.
    case noResponseRequired = "no-response-s17-6"
    /// A subject access request refused as manifestly unfounded or excessive (UK GDPR Art. 12(5)(b)).
    case refusedManifestlyUnfounded = "refused-art-12-5"

    /// For people: `granted in full`, `refused (s.12 cost)`.
    public var label: String {
        switch self {
        case .grantedInFull: "granted in full"
        case .partiallyWithheld: "partially withheld"
        case .withheldInFull: "withheld in full"
        case .neitherConfirmNorDeny: "neither confirmed nor denied"
        case .notHeld: "information not held"
        case .refusedCost: "refused (s.12 cost limit)"
        case .refusedVexatious: "refused (s.14(1) vexatious)"
        case .refusedRepeated: "refused (s.14(2) repeated)"
        case .adviceOnly: "advice only (reasonably accessible)"
        case .noResponseRequired: "no response (s.17(6): earlier notice warned)"
        case .refusedManifestlyUnfounded: "refused (Art. 12(5): manifestly unfounded or excessive)"
        }
    }

    /// The regimes that have the outcome: FOIA ss.12, 14 and 17(6) are not in the EIR (reg 12(4)(b) takes their
    /// place) nor in UK GDPR (Art. 12(5) does); Art. 12(5) is subject access only. FOISA's own ss.12, 14 are kept.
    /// Information reasonably accessible otherwise (FOIA s.21, FOISA s.25, EIR and EIR(S) reg 6(1)(b)) is no answer
    /// to a data subject, who has a right to a copy (UK GDPR Art. 15(3)).
    public func exists(in regime: Regime) -> Bool {
        switch self {
        case .refusedCost, .refusedVexatious, .refusedRepeated: regime == .foia || regime == .foisa
        case .noResponseRequired: regime == .foia
        case .refusedManifestlyUnfounded: regime == .sar
        case .adviceOnly: regime != .sar
        default: true
        }
    }

    /// Whether the outcome withholds information under an exemption, and so must cite one.
    public var citesExemptions: Bool {
        self == .partiallyWithheld || self == .withheldInFull || self == .neitherConfirmNorDeny
    }
}

/// What a response records beside its outcome.
public struct ResponseDetails: Hashable, Sendable {
    /// The advice and assistance given with it (FOIA s.16; with a s.12 refusal, what could be provided within the
    /// limit).
    public var advice: String?
    /// FOIA s.17(6): the reference of the earlier case whose refusal notice warned.
    public var earlierCase: String?
    /// A refusal on cost (FOIA s.12, FOISA s.12): the estimate of the whole job, in hours, and how it was reached.
    public var estimateHours: Double?
    public var estimateBasis: String?
    /// A subject access request refused as manifestly unfounded or excessive: why (UK GDPR Art. 12(4)-(5)).
    public var reasons: String?

    public init(
        advice: String? = nil, earlierCase: String? = nil, estimateHours: Double? = nil, estimateBasis: String? = nil,
        reasons: String? = nil
    ) {
        self.advice = advice
        self.earlierCase = earlierCase
        self.estimateHours = estimateHours
        self.estimateBasis = estimateBasis
        self.reasons = reasons
    }
}

/// What an anonymisation removed.
public struct PersonalDataRemoval: Hashable, Sendable {
    /// Whether the case had a requester whose identity was removed.
    public var requester: Bool
    /// How many personal texts of the case's events were removed.
    public var texts: Int

    public init(requester: Bool, texts: Int) {
        self.requester = requester
        self.texts = texts
    }
}

/// One step in a case's life. The case is the fold of these, in order.
/// Stored in the permanent event format (`EventFormat`, docs/EVENTS.md), never by Swift's synthesized `Codable`.
public enum CaseEvent: Hashable, Sendable {
    case received(Receipt)
    case acknowledged
    case clarificationRequested(note: String?)
    case clarificationReceived
    case clarificationLapsed
    case feeNoticeIssued(amount: String?)
    case feePaid
    case feeLapsed
    case transferred(to: String)
    case withdrawn(reason: String?)
    /// Part of the request split into a case of its own under another regime (the new case's receipt names this).
    case split(CaseSplit)
    case searchRecorded(Search)
    case exemptionApplied(ExemptionDecision)
    /// FOIA s.10(3): further working days for the public interest test; EIR and EIR(S) reg 7: `workingDays` nil.
    /// `late`: given after the time for it (the s.17(1) notice's, reg 7(3)'s, the SAR's first month): recorded, but
    /// the time is not extended.
    case extended(workingDays: Int?, reason: String?, late: Bool = false)
    case responded(Outcome, ResponseDetails = ResponseDetails())
    case note(String)
    /// The request's own words, in full (possibly in numbered parts); a later one corrects an earlier.
    case requestRecorded(text: String)
    /// The reasoning for an exemption the case applies; a later one for the same exemption replaces it.
    case reasoningRecorded(ExemptionReasoning)
    /// A letter issued to the requester.
    case letterIssued(LetterRecord)
    /// How the case appears in the disclosure log: a title for publication (requesters' subjects can name people),
    /// or held back from the log with a reason. The latest decides.
    case publicationDecided(Publication)
    /// The officer who handles the case from now on; nil: no one. Each reassignment is an event of its own, so the
    /// history keeps who handled it when.
    case assigned(to: Assignee?)
    case reopened(reason: String)
    /// A calendar change moved the statutory date (RULES.md §9): recorded, never overwritten.
    case deadlineMoved(from: CivilDate?, to: CivilDate?, reason: String)
    /// The requester asked for an internal review (FOIA s.45 Code, EIR reg 11, FOISA s.20, EIR(S) reg 16).
    case reviewRequested(ReviewRequest)
    /// FOIA (s.45 Code): the review extended once, to at most 40 working days in all.
    case reviewExtended(toWorkingDays: Int, reason: String)
    case reviewDecided(ReviewDecision)
    /// The ICO (or SIC) notified the authority of a complaint (an application).
    case complaintNotified(ComplaintNotice)
    /// The regulator set, or moved, the date for the authority's submissions.
    case submissionsRequested(due: CivilDate)
    case submissionsSent
    case decisionNoticeIssued(DecisionNotice)
    /// The steps the decision notice ordered were taken.
    case decisionNoticeComplied
    /// The regulator closed the complaint without a decision notice (resolved, withdrawn, declined, or for a
    /// subject access request its outcome letter).
    case complaintClosed(ComplaintEnding)
    case appealLodged(AppealLodging)
    /// `appeal`: the appeal's reference, needed only while two are under way.
    case hearingListed(on: CivilDate, appeal: String?)
    case appealDecided(AppealDecision)
    /// The case's personal data was removed at the end of its retention period (or on request): the requester's
    /// identity and the personal texts of its events. Dates, outcomes, exemptions and clocks are untouched.
    case anonymised(PersonalDataRemoval)
    /// What the receipt recorded, put right: the fields given supersede the receipt's (`Correction`).
    case corrected(Correction)
    /// A step treated from now on as never having happened (`VoidedStep`).
    case voided(VoidedStep)
    /// An exemption applied before the response and no longer relied on (after it, a review withdraws one).
    case exemptionWithdrawn(citation: String, part: Regime)
    /// What the response gives for a part of the request (or the whole); a later answer to the part replaces it.
    case answerRecorded(PartAnswer)
    /// A question put to a contributor (Tasks.swift).
    case taskGiven(TaskRequest)
    /// A contributor's answer to a task.
    case taskDone(TaskAnswer)
    /// A task the contributor could not do, and why.
    case taskDeclined(number: Int, reason: String)
    /// A flag that routes the case raised, or (`removed`) taken down.
    case flagged(CaseFlag, removed: Bool)
    /// Sign-off asked for on the draft response letter (Approvals.swift); a new chain replaces the last.
    case approvalRequested(ApprovalRequest)
    /// An approver approved the draft they saw.
    case approved(ApprovalDecision)
    /// An approver rejected the draft they saw, and why.
    case approvalRejected(ApprovalDecision)
    /// A coordinator let the draft go without the rest of the chain, and why.
    case approvalBypassed(ApprovalDecision)
    /// The case offered to a team (Teams.swift): no one in it handles it until someone accepts.
    case allocated(team: TeamID)
    /// The team or officer offered the case took it.
    case allocationAccepted(by: UserID)
    /// The team or officer offered the case gave it back, and why.
    case allocationRejected(by: UserID, reason: String)
    /// An open task passed to another contributor (one who left, or was away).
    case taskReassigned(number: Int, to: UserID)
    /// The reasonable opinion of the qualified person that FOIA s.36(2) and (3) require (Approvals.swift).
    case qualifiedPersonOpinion(QualifiedPersonOpinion)
    /// A comment for the team on the case, naming the users it is meant for.
    case commented(text: String, mentions: [UserID])

    /// The stable name stored with the event: `received`, `clarification-requested`, ...
    public var kind: EventKind {
        switch self {
        case .received: .received
        case .acknowledged: .acknowledged
        case .clarificationRequested: .clarificationRequested
        case .clarificationReceived: .clarificationReceived
        case .clarificationLapsed: .clarificationLapsed
        case .feeNoticeIssued: .feeNoticeIssued
        case .feePaid: .feePaid
        case .feeLapsed: .feeLapsed
        case .transferred: .transferred
        case .withdrawn: .withdrawn
        case .split: .split
        case .searchRecorded: .searchRecorded
        case .exemptionApplied: .exemptionApplied
        case .extended: .extended
        case .responded: .responded
        case .note: .note
        case .requestRecorded: .requestRecorded
        case .reasoningRecorded: .reasoningRecorded
        case .letterIssued: .letterIssued
        case .publicationDecided: .publicationDecided
        case .assigned: .assigned
        case .reopened: .reopened
        case .deadlineMoved: .deadlineMoved
        case .reviewRequested: .reviewRequested
        case .reviewExtended: .reviewExtended
        case .reviewDecided: .reviewDecided
        case .complaintNotified: .complaintNotified
        case .submissionsRequested: .submissionsRequested
        case .submissionsSent: .submissionsSent
        case .decisionNoticeIssued: .decisionNotice
        case .decisionNoticeComplied: .decisionNoticeComplied
        case .complaintClosed: .complaintClosed
        case .appealLodged: .appealLodged
        case .hearingListed: .hearingListed
        case .appealDecided: .appealDecided
        case .anonymised: .anonymised
        case .corrected: .corrected
        case .voided: .voided
        case .exemptionWithdrawn: .exemptionWithdrawn
        case .answerRecorded: .answerRecorded
        case .taskGiven: .taskGiven
        case .taskDone: .taskDone
        case .taskDeclined: .taskDeclined
        case .flagged: .flagged
        case .approvalRequested: .approvalRequested
        case .approved: .approved
        case .approvalRejected: .approvalRejected
        case .approvalBypassed: .approvalBypassed
        case .allocated: .allocated
        case .allocationAccepted: .allocationAccepted
        case .allocationRejected: .allocationRejected
        case .taskReassigned: .taskReassigned
        case .commented: .commented
        case .qualifiedPersonOpinion: .qualifiedPersonOpinion
        }
    }

    /// A warning to show with the step when it was recorded: a late request for review, a late appeal.
    public var warning: StepWarning? {
        switch self {
        case .reviewRequested(let request):
            request.outOfTime.map { .lateReviewRequest(lastDay: $0.lastDay, accepted: $0.accepted) }
        case .appealLodged(let lodging):
            lodging.lastDay.map { .lateAppeal(lastDay: $0) }
        case .received, .acknowledged, .clarificationRequested, .clarificationReceived, .clarificationLapsed,
            .feeNoticeIssued, .feePaid, .feeLapsed, .transferred, .withdrawn, .split, .searchRecorded,
            .exemptionApplied, .extended, .responded, .note, .requestRecorded, .reasoningRecorded, .letterIssued,
            .publicationDecided, .assigned, .reopened, .deadlineMoved, .reviewExtended, .reviewDecided,
            .complaintNotified, .submissionsRequested, .submissionsSent, .decisionNoticeIssued,
            .decisionNoticeComplied, .complaintClosed, .hearingListed, .appealDecided, .anonymised, .corrected, .voided,
            .exemptionWithdrawn, .answerRecorded, .taskGiven, .taskDone, .taskDeclined, .flagged, .approvalRequested,
            .approved, .approvalRejected,
            .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned, .commented,
            .qualifiedPersonOpinion:
            nil
        }
    }

    /// The step as a phrase for messages: `record a response`.
    /// Whether the step moves the case on (a new status, or a new process after the response), so that it cannot
    /// come before the step that put the case where it stands.
    var movesTheCaseOn: Bool {
        switch self {
        case .received, .clarificationRequested, .clarificationReceived, .clarificationLapsed, .feeNoticeIssued,
            .feePaid, .feeLapsed, .transferred, .withdrawn, .extended, .responded, .reopened, .reviewRequested,
            .complaintNotified:
            true
        case .acknowledged, .split, .searchRecorded, .exemptionApplied, .note, .requestRecorded, .reasoningRecorded,
            .letterIssued, .publicationDecided, .assigned, .deadlineMoved, .reviewExtended, .reviewDecided,
            .submissionsRequested, .submissionsSent, .decisionNoticeIssued, .decisionNoticeComplied,
            .complaintClosed, .appealLodged, .hearingListed, .appealDecided, .anonymised, .corrected, .voided,
            .exemptionWithdrawn, .answerRecorded, .taskGiven, .taskDone, .taskDeclined, .flagged, .approvalRequested,
            .approved, .approvalRejected,
            .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned, .commented,
            .qualifiedPersonOpinion:
            false
        }
    }

    /// The step as a noun in a message: `the response was on …`.
    public var noun: String {
        switch self {
        case .received: "request"
        case .clarificationRequested: "request for clarification"
        case .clarificationReceived: "clarification"
        case .feeNoticeIssued: "fees notice"
        case .feePaid: "payment of the fee"
        case .extended: "extension"
        case .responded: "response"
        case .reopened: "reopening"
        case .acknowledged, .clarificationLapsed, .feeLapsed, .transferred, .withdrawn, .split, .searchRecorded,
            .exemptionApplied, .note, .requestRecorded, .reasoningRecorded, .letterIssued, .publicationDecided,
            .assigned, .deadlineMoved, .reviewRequested, .reviewExtended, .reviewDecided, .complaintNotified,
            .submissionsRequested, .submissionsSent, .decisionNoticeIssued, .decisionNoticeComplied,
            .complaintClosed, .appealLodged, .hearingListed, .appealDecided, .anonymised, .corrected, .voided,
            .exemptionWithdrawn, .answerRecorded, .taskGiven, .taskDone, .taskDeclined, .flagged, .approvalRequested,
            .approved, .approvalRejected,
            .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned, .commented,
            .qualifiedPersonOpinion:
            "last step"
        }
    }

    var action: String {
        switch self {
        case .received: "record a receipt"
        case .acknowledged: "record an acknowledgement"
        case .clarificationRequested: "request clarification"
        case .clarificationReceived: "record a clarification"
        case .clarificationLapsed: "close the case for want of clarification"
        case .feeNoticeIssued: "issue a fees notice"
        case .feePaid: "record a fee payment"
        case .feeLapsed: "record that the fee lapsed"
        case .transferred: "transfer the case"
        case .withdrawn: "withdraw the case"
        case .split: "split the request"
        case .searchRecorded: "record a search"
        case .exemptionApplied: "apply an exemption"
        case .extended: "extend the deadline"
        case .responded: "record a response"
        case .note: "add a note"
        case .requestRecorded: "record the request's text"
        case .reasoningRecorded: "record the reasoning for an exemption"
        case .letterIssued: "issue a letter"
        case .publicationDecided: "decide how the case is published"
        case .assigned: "assign the case"
        case .reopened: "reopen the case"
        case .deadlineMoved: "move the deadline"
        case .reviewRequested: "record a request for review"
        case .reviewExtended: "extend the review"
        case .reviewDecided: "record the review's outcome"
        case .complaintNotified: "record a complaint to the regulator"
        case .submissionsRequested: "set the date for submissions"
        case .submissionsSent: "record the submissions"
        case .decisionNoticeIssued: "record a decision notice"
        case .decisionNoticeComplied: "record compliance with the decision notice"
        case .complaintClosed: "close the complaint"
        case .appealLodged(let lodging):
            lodging.level == .upperTribunal ? "record an application for permission to appeal" : "record an appeal"
        case .hearingListed: "record a hearing date"
        case .appealDecided: "record the appeal's outcome"
        case .anonymised: "anonymise the case"
        case .corrected: "correct the receipt"
        case .voided(let void): "void step \(void.number)"
        case .exemptionWithdrawn: "withdraw an exemption"
        case .answerRecorded: "record the answer"
        case .taskGiven: "give a task"
        case .taskDone(let answer): "answer task \(answer.number)"
        case .taskDeclined(let number, _): "decline task \(number)"
        case .flagged(let flag, let removed):
            removed ? "remove the \(flag.rawValue) flag" : "flag the case \(flag.rawValue)"
        case .approvalRequested: "ask for sign-off"
        case .approved: "approve the draft"
        case .approvalRejected: "reject the draft"
        case .approvalBypassed: "let the draft go without sign-off"
        case .allocated: "allocate the case to a team"
        case .allocationAccepted: "accept the case"
        case .allocationRejected: "give the case back"
        case .taskReassigned(let number, _): "reassign task \(number)"
        case .commented: "comment on the case"
        case .qualifiedPersonOpinion: "record the qualified person's opinion"
        }
    }
}

/// Something to know about a step that was recorded all the same.
public enum StepWarning: Hashable, Sendable, CustomStringConvertible {
    /// A request for review after the requester's window, accepted or declined by the authority.
    case lateReviewRequest(lastDay: CivilDate, accepted: Bool)
    /// A notice of appeal after the last day.
    case lateAppeal(lastDay: CivilDate)

    public var description: String { message(declining: "the authority may decline it instead") }

    /// The warning with `declining` saying how a late request for review is declined instead of accepted.
    public func message(declining: String) -> String {
        switch self {
        case .lateReviewRequest(let lastDay, let accepted):
            "the request for review came after the requester's window closed on \(lastDay); "
                + (accepted ? "recorded as accepted late (\(declining))" : "recorded as declined: no review runs")
        case .lateAppeal(let lastDay):
            "the notice of appeal came after the last day, \(lastDay); a late appeal must ask the Tribunal for an "
                + "extension (SI 2009/1976 r.5(3)(a))"
        }
    }
}

/// An event with the date it happened (London civil date), as stored in the case history.
public struct RecordedEvent: Hashable, Sendable {
    public var date: CivilDate
    public var event: CaseEvent

    public init(date: CivilDate, event: CaseEvent) {
        self.date = date
        self.event = event
    }
}
