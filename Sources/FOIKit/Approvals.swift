// Sign-off before release: a chain of approvers, in order, each approving the exact draft of the response letter
// they saw (its SHA-256). A draft that changes (the reasoning, the answer, the outcome) is a draft no one has
// approved: the chain starts again from the first approver.

/// The approvers a draft response must pass, in order (users, or teams any member of which approves for it), and
/// the working days each has.
public struct ApprovalRequest: Hashable, Sendable {
    public var chain: [Party]
    public var workingDays: Int

    public init(chain: [Party], workingDays: Int) {
        self.chain = chain
        self.workingDays = workingDays
    }

    /// At most this many approvers: legal, the press office, the private office, a director and a few more.
    public static let longestChain = 10
    public static let allowedWorkingDays = 1...20
    /// The working days each approver has unless the office's `approval-days` setting says otherwise.
    public static let defaultWorkingDays = 2

    /// The flags a `require-approval` setting names: every flag for `flagged`, none for an empty one.
    public static func requiredFlags(setting text: String) throws(SettingError) -> Set<CaseFlag> {
        let words = text.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
        if words == ["flagged"] { return Set(CaseFlag.allCases) }
        var flags: Set<CaseFlag> = []
        for word in words {
            guard let flag = CaseFlag(rawValue: word) else {
                throw .badValue(
                    .requireApproval, value: text,
                    reason: "use flagged, or flags among " + CaseFlag.allCases.map(\.rawValue).joined(separator: ", "))
            }
            flags.insert(flag)
        }
        return flags
    }

    /// The working days an `approval-days` setting gives.
    public static func workingDays(setting text: String) throws(SettingError) -> Int {
        try Settings.Key.approvalDays.workingDays(text, allowed: allowedWorkingDays)
    }
}

/// An approver's decision on one stage of the chain, about the draft whose SHA-256 is `digest`.
public struct ApprovalDecision: Hashable, Sendable {
    /// The stage decided: 1 for the first approver.
    public var stage: Int
    public var digest: String
    /// An approval's comment, a rejection's reason.
    public var note: String?

    public init(stage: Int, digest: String, note: String?) {
        self.stage = stage
        self.digest = digest
        self.note = note
    }
}

/// A chain of sign-off as the case's events leave it.
public struct Approval: Hashable, Sendable {
    public var request: ApprovalRequest
    public var requestedOn: CivilDate
    /// Every decision since the chain was asked for, in order.
    public var decisions: [Decided]

    public struct Decided: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case approved, rejected, bypassed }
        public var kind: Kind
        public var decision: ApprovalDecision
        public var on: CivilDate
    }
}

/// The reasonable opinion of the qualified person (FOIA s.36(5): a minister, the authority's chief officer, or
/// whom a minister authorises) that disclosure would, or would be likely to, prejudice the conduct of public
/// affairs: the sign-off without which s.36(2) and (3) do not apply, and which must be given before the response
/// relies on it (ICO guidance on s.36; the Tribunal in Guardian & Brooke v ICO, EA/2006/0011 and 0013).
public struct QualifiedPersonOpinion: Hashable, Sendable {
    /// Who gave it, as the response will name them: `the Chief Executive, Jane Smith`.
    public var person: String
    /// The opinion, with the limb and its level of likelihood (personal free text: it may quote the request).
    public var opinion: String

    public init(person: String, opinion: String) {
        self.person = person
        self.opinion = opinion
    }

    /// An opinion with the day it was given.
    public struct Given: Hashable, Sendable {
        public var on: CivilDate
        public var opinion: QualifiedPersonOpinion
    }
}

extension Case {
    /// A response relying on a FOIA s.36 exemption needs a qualified person's opinion given by its date.
    /// (s.36(4) drops the opinion for statistical information: an office records that as the opinion's text.)
    func requireQualifiedPersonOpinion(by date: CivilDate) throws(LifecycleError) {
        guard
            let relied = exemptions.first(where: { $0.part == .foia && $0.citation.prefix(while: \.isNumber) == "36" }),
            !qualifiedPersonOpinions.contains(where: { $0.on <= date })
        else { return }
        throw .qualifiedPersonOpinionRequired(citation: relied.citation)
    }
}

/// A stage of sign-off from the day it was reached to its decision.
public struct ApprovalSpan: Hashable, Sendable {
    public var stage: Int
    public var approver: Party
    public var from: CivilDate
    /// Its decision; nil while the chain waits for it.
    public var until: CivilDate?
}

extension Approval {
    /// The stages as the decisions leave them, whatever the draft: each from the day it was reached (the request,
    /// the previous stage's approval, a rejection that starts the chain again) to its decision, the last without
    /// one while the chain waits. A bypass ends the chain.
    public var spans: [ApprovalSpan] {
        let chain = request.chain
        var spans: [ApprovalSpan] = []
        var stage = 1
        var since = requestedOn
        for decided in decisions where decided.kind == .bypassed || decided.decision.stage == stage {
            spans.append(ApprovalSpan(stage: stage, approver: chain[stage - 1], from: since, until: decided.on))
            since = decided.on
            switch decided.kind {
            case .approved: stage += 1
            case .rejected: stage = 1
            case .bypassed: return spans
            }
            if stage > chain.count { return spans }
        }
        spans.append(ApprovalSpan(stage: stage, approver: chain[stage - 1], from: since, until: nil))
        return spans
    }
}

/// Where the chain stands for one draft of the response letter.
public enum ApprovalStanding: Hashable, Sendable {
    /// Every approver approved this draft, or a coordinator let it go without them (`bypassed`).
    case complete(bypassed: Bool)
    /// Waiting for the approver of `stage` since `since`.
    case waiting(stage: Int, approver: Party, since: CivilDate)
    /// The approver of `stage` rejected this very draft: it must change before the chain starts again.
    case rejected(stage: Int, approver: Party, on: CivilDate, reason: String)

    public var isComplete: Bool { if case .complete = self { true } else { false } }
}

/// Why a step of sign-off cannot be recorded.
public enum ApprovalProblem: Hashable, Sendable, CustomStringConvertible {
    case noChain
    case emptyChain
    case chainTooLong(Int)
    case workingDaysOutOfRange(Int)
    /// A decision on a stage the chain is not waiting for with this draft.
    case notWaiting(stage: Int, standing: ApprovalStanding)
    case digest(String)

    public var description: String {
        switch self {
        case .noChain: "no sign-off has been asked for on the case"
        case .emptyChain: "a chain of sign-off names at least one approver"
        case .chainTooLong(let count):
            "a chain of sign-off has at most \(ApprovalRequest.longestChain) approvers, not \(count)"
        case .workingDaysOutOfRange(let days):
            "an approver is given \(ApprovalRequest.allowedWorkingDays.lowerBound) to "
                + "\(ApprovalRequest.allowedWorkingDays.upperBound) working days, not \(days)"
        case .notWaiting(let stage, .complete):
            "stage \(stage) cannot be decided: this draft is signed off already"
        case .notWaiting(let stage, .waiting(let waiting, _, _)):
            "stage \(stage) cannot be decided now: the chain waits for stage \(waiting)"
        case .notWaiting(let stage, .rejected(let rejected, _, let on, _)):
            "stage \(stage) cannot be decided: stage \(rejected) rejected this draft on \(on); change it first"
        case .digest(let text): "'\(text)' is not the SHA-256 of a draft"
        }
    }
}

extension Case {
    /// Where the chain stands for the draft whose SHA-256 is `digest`; nil where no sign-off was asked for.
    public func approvalStanding(draft digest: String) -> ApprovalStanding? {
        guard let approval else { return nil }
        let chain = approval.request.chain
        var approved = 0
        var since = approval.requestedOn
        var rejection: (stage: Int, on: CivilDate, reason: String)?
        for decided in approval.decisions {
            let decision = decided.decision
            switch decided.kind {
            case .bypassed where decision.digest == digest:
                return .complete(bypassed: true)
            case .bypassed:
                break
            case .approved where decision.digest == digest && decision.stage == approved + 1:
                approved += 1
                since = decided.on
            case .approved:
                break
            case .rejected:
                // The chain starts again; on this very draft, it stays rejected until the draft changes.
                approved = 0
                since = decided.on
                rejection = decision.digest == digest ? (decision.stage, decided.on, decision.note ?? "") : nil
            }
        }
        if let rejection {
            return .rejected(
                stage: rejection.stage, approver: chain[rejection.stage - 1], on: rejection.on, reason: rejection.reason
            )
        }
        guard approved < chain.count else { return .complete(bypassed: false) }
        return .waiting(stage: approved + 1, approver: chain[approved], since: since)
    }

    /// The clock of the stage the chain waits for, as its decisions leave it: the office's working days for each
    /// approver (`approval-days`) from the day the stage was reached, in the case's calendar. None once the chain
    /// is through, or the response letter has gone.
    func signOffClock(calendars: Calendars) throws(DeadlineError) -> CaseClock? {
        guard let approval, let span = approval.spans.last, span.until == nil,
            !letters.contains(where: { $0.letter == "response" })
        else { return nil }
        let days = approval.request.workingDays
        var clock = CaseClock(
            name: .signOff, startedOn: span.from,
            due: try calendars.calendar(regime.calendarKind).date(adding: days, workingDaysTo: span.from),
            citation: "the office's \(days) working days for each approver", isGuidance: true, provisional: false,
            derivation: [
                "stage \(span.stage) of \(approval.request.chain.count) reached \(span.from.longDescription): "
                    + "\(days) working days in the case's calendar"
            ])
        clock.stage = span.stage
        return clock
    }

    mutating func requestApproval(_ request: ApprovalRequest, on date: CivilDate) throws(LifecycleError) {
        guard !request.chain.isEmpty else { throw .approval(.emptyChain) }
        guard request.chain.count <= ApprovalRequest.longestChain else {
            throw .approval(.chainTooLong(request.chain.count))
        }
        guard ApprovalRequest.allowedWorkingDays.contains(request.workingDays) else {
            throw .approval(.workingDaysOutOfRange(request.workingDays))
        }
        approval = Approval(request: request, requestedOn: date, decisions: [])
    }

    /// Records a decision on the chain: an approval or a rejection of the stage it waits for with the draft the
    /// decision names, or a bypass of whatever it waits for.
    mutating func decideApproval(_ kind: Approval.Decided.Kind, _ decision: ApprovalDecision, on date: CivilDate)
        throws(LifecycleError)
    {
        guard var approval else { throw .approval(.noChain) }
        let last = approval.decisions.last?.on ?? approval.requestedOn
        guard date >= last else {
            throw .beforeItsCause(
                action: "decide on the draft", date: date,
                cause: approval.decisions.isEmpty ? "request for sign-off" : "last decision", causeDate: last)
        }
        guard decision.digest.count == 64, decision.digest.allSatisfy(\.isHexDigit) else {
            throw .approval(.digest(decision.digest))
        }
        if kind != .approved, decision.note?.allSatisfy(\.isWhitespace) ?? true {
            throw .reasonRequired(action: kind == .rejected ? "reject a draft" : "let a draft go without sign-off")
        }
        switch (kind, approvalStanding(draft: decision.digest)) {
        case (.bypassed, .complete?):
            throw .approval(.notWaiting(stage: decision.stage, standing: .complete(bypassed: true)))
        case (.bypassed, _):
            break
        case (_, .waiting(let stage, _, _)?) where stage == decision.stage:
            break
        case (_, let standing?):
            throw .approval(.notWaiting(stage: decision.stage, standing: standing))
        case (_, nil):
            throw .approval(.noChain)
        }
        approval.decisions.append(Approval.Decided(kind: kind, decision: decision, on: date))
        self.approval = approval
    }
}
