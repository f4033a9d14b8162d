/// Where a case stands. Derived from its events, never set by hand.
public enum CaseStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case open
    case awaitingClarification = "awaiting-clarification"
    case awaitingFee = "awaiting-fee"
    case extended
    case responded
    case withdrawn
    case transferred
    case lapsed

    /// Whether the case still needs the authority to act (its clock running or stopped).
    public var isOpen: Bool {
        switch self {
        case .open, .awaitingClarification, .awaitingFee, .extended: true
        case .responded, .withdrawn, .transferred, .lapsed: false
        }
    }

    /// For messages: `awaiting clarification`.
    public var phrase: String { rawValue.replacing("-", with: " ") }
}

/// Why a step cannot be recorded on a case now. Each carries what to do instead as a `Remedy`.
public enum LifecycleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The step does not fit the case's current status.
    case notAllowed(action: String, status: CaseStatus, since: CivilDate, remedy: Remedy)
    /// The step is dated before the request was received.
    case beforeReceipt(action: String, date: CivilDate, received: CivilDate)
    /// The step is dated after today: it has not happened yet (often a typo, 2062 for 2026).
    case afterToday(action: String, date: CivilDate, today: CivilDate)
    /// A step dated before the step it answers (a payment before its notice).
    case beforeItsCause(action: String, date: CivilDate, cause: String, causeDate: CivilDate)
    /// A case's first event must be its receipt, and only its first.
    case receiptNotFirst
    /// The citation names no exemption of the part's regime.
    case unknownExemption(citation: String, regime: Regime, elsewhere: [Regime])
    /// The citation's section is known but not the subsections or paragraphs it names (`31(banana)`).
    case unknownProvision(citation: String, exemption: String, provisions: [String])
    /// The citation stops where the exemption's limbs are alternatives (`31(1)`): a refusal notice specifies the
    /// exemption (FOIA s.17(1)(b), FOISA s.16(1)(c)), so it names the limbs relied on.
    case unspecifiedLimb(citation: String, exemption: String, limbs: [String], example: String)
    /// An outcome the case's regime does not have (FOIA's s.12 and s.14 refusals for environmental information).
    case outcomeNotInRegime(Outcome, Regime, remedy: Remedy)
    /// A part of a request under a regime that cannot sit beside the case's own.
    case partNotAllowed(part: Regime, caseRegime: Regime)
    /// NCND claimed under an exemption that has no NCND provision.
    case ncndNotAvailable(citation: String)
    /// A qualified exemption applied without its public interest conclusion.
    case publicInterestRequired(citation: String)
    /// An extension the regime does not have, or one already in place.
    case extensionNotAvailable(reason: String, remedy: Remedy?)
    /// An extension given after the time it extends (`citation`), which ended on `due`; or (`late` false) one
    /// marked late that was given in time.
    case extensionTiming(late: Bool, due: CivilDate, citation: String)
    /// A response that withholds information without an exemption applied.
    case exemptionRequired(Outcome)
    /// A step after the response that does not fit where the review, complaint or appeal stands.
    case outOfOrder(action: String, reason: String, remedy: Remedy)
    /// A review extension the rules do not allow.
    case reviewExtensionRefused(reason: String, remedy: Remedy?)
    /// A late review request declined although it came in time.
    case reviewInTime(lastDay: CivilDate)
    /// An exemption withdrawn at review that the case does not rely on.
    case exemptionNotRelied(citation: String, relied: [String])
    /// Reasoning for an exemption the case does not apply.
    case reasoningWithoutExemption(citation: String, relied: [String])
    /// A part split into a regime that cannot sit beside the case's own, or into the case's own.
    case splitNotAllowed(part: Regime, caseRegime: Regime)
    /// A decision notice that orders steps although it does not uphold the complaint.
    case stepsWithoutUpheldComplaint
    /// A date the engine cannot compute with.
    case deadline(DeadlineError)
    /// A correction or a void after which the step `number` could not stand: the history would not be lawful.
    indirect case laterStepCannotStand(number: Int, action: String, because: LifecycleError)
    /// A step that cannot be voided.
    case cannotVoid(number: Int, VoidRefusal)
    /// A correction that corrects nothing, or a correction or void without its reason.
    case nothingToCorrect
    /// An answer to a part of the request that does not hold together.
    case answer(AnswerProblem)
    case reasonRequired(action: String)
    /// A contributor task that cannot be given, answered or declined.
    case task(TaskProblem)
    /// A flag raised that was raised already (`raised`), or taken down that was not.
    case flag(CaseFlag, raised: Bool)
    /// A step of sign-off that does not fit the chain.
    case approval(ApprovalProblem)
    /// A response relying on FOIA s.36 (`citation`) with no opinion of the qualified person given by its date.
    case qualifiedPersonOpinionRequired(citation: String)
    /// An allocation accepted or given back that does not fit where it stands.
    case allocation(AllocationProblem)

    /// What to do instead, where there is something to do.
    public var remedy: Remedy? {
        switch self {
        case .notAllowed(_, _, _, let remedy), .outOfOrder(_, _, let remedy), .outcomeNotInRegime(_, _, let remedy):
            remedy
        case .unknownExemption(_, let regime, let elsewhere): elsewhere.isEmpty ? .listExemptions(regime) : .givePart
        case .ncndNotAvailable: .dropNeitherConfirmNorDeny
        case .publicInterestRequired: .givePublicInterest
        case .extensionNotAvailable(_, let remedy), .reviewExtensionRefused(_, let remedy): remedy
        case .extensionTiming(let late, _, _): late ? .recordExtensionLate : .dropLate
        case .exemptionRequired, .reasoningWithoutExemption: .applyExemptions
        case .reviewInTime: .dropDeclineLate
        case .stepsWithoutUpheldComplaint: .dropSteps
        case .deadline(let error): error.remedy
        case .laterStepCannotStand(_, _, let error): error.remedy.map { _ in .seeHistory }
        case .cannotVoid, .nothingToCorrect, .reasonRequired, .answer, .task, .flag, .approval, .allocation: nil
        case .qualifiedPersonOpinionRequired: .recordQualifiedPersonOpinion
        case .beforeReceipt, .afterToday, .beforeItsCause, .receiptNotFirst, .partNotAllowed, .splitNotAllowed,
            .exemptionNotRelied,
            .unknownProvision, .unspecifiedLimb:
            nil
        }
    }

    public var description: String { message { $0.description } }

    /// The message with the remedy worded by `wording`: FOIKit's plain words, or a command to type.
    public func message(wording: (Remedy) -> String) -> String {
        switch self {
        case .notAllowed(let action, let status, let since, let remedy):
            return "cannot \(action): the case is \(status.phrase) since \(since); \(wording(remedy))"
        case .beforeReceipt(let action, let date, let received):
            return "cannot \(action) dated \(date): the request was received on \(received); check the date"
        case .afterToday(let action, let date, let today):
            return "cannot \(action) dated \(date): that is after today (\(today)), and a step is recorded once it has "
                + "happened; check the date"
        case .beforeItsCause(let action, let date, let cause, let causeDate):
            return "cannot \(action) dated \(date): the \(cause) was on \(causeDate); check the date"
        case .receiptNotFirst:
            return "a case begins with its receipt, once; log a new request instead"
        case .unknownExemption(let citation, let regime, let elsewhere):
            let under =
                elsewhere.isEmpty ? "" : " (it exists under \(elsewhere.map(\.shortName).joined(separator: ", ")))"
            let remedy: Remedy = elsewhere.isEmpty ? .listExemptions(regime) : .givePart
            return "'\(citation)' is not an exemption of \(regime.shortName)\(under); \(wording(remedy))"
        case .unspecifiedLimb(let citation, let exemption, let limbs, let example):
            let range = limbs.count > 2 ? "\(limbs[0]) to \(limbs[limbs.count - 1])" : limbs.joined(separator: " or ")
            return "'\(citation)' does not say which limb of \(exemption) applies (\(range)), and a refusal notice "
                + "must specify the exemption (FOIA s.17(1)(b), FOISA s.16(1)(c)); cite the limbs relied on, e.g. "
                + example
        case .unknownProvision(let citation, let exemption, let provisions):
            let known =
                provisions.isEmpty
                ? "which has no subsections" : "whose provisions are " + provisions.joined(separator: ", ")
            return "'\(citation)' is not a provision of \(exemption), \(known); check the citation"
        case .outcomeNotInRegime(let outcome, let regime, let remedy):
            let why =
                switch (regime, outcome) {
                case (.eir, _), (.eirs, _): "FOIA ss.12 and 14 do not apply to environmental information"
                case (.sar, .adviceOnly):
                    "a data subject has a right to a copy of their personal data (UK GDPR Art. 15(3)), however "
                        + "else they could find it"
                case (.sar, _): "FOIA ss.12 and 14 do not apply to subject access; UK GDPR Art. 12(5) does"
                case (_, .refusedManifestlyUnfounded): "UK GDPR Art. 12(5) applies to subject access only"
                default: "s.17(6) is FOIA's alone"
                }
            return "a\(regime == .eir || regime == .eirs || regime == .sar ? "n" : "") \(regime.shortName) request "
                + "cannot be \(outcome.label): \(why); \(wording(remedy))"
        case .partNotAllowed(let part, let caseRegime):
            return "a \(caseRegime.shortName) case cannot have a \(part.shortName) part; "
                + "parts pair FOIA with EIR and FOISA with EIR(S)"
        case .reasoningWithoutExemption(let citation, let relied):
            return "the case does not apply \(citation) (it applies "
                + (relied.isEmpty ? "no exemption" : relied.joined(separator: ", ")) + "); \(wording(.applyExemptions))"
        case .splitNotAllowed(let part, let caseRegime) where part == caseRegime:
            return "the case is already \(caseRegime.shortName): the part split off is handled under another regime"
        case .splitNotAllowed(let part, let caseRegime):
            return "a \(caseRegime.shortName) request cannot be split into a \(part.shortName) part; a request splits "
                + "between FOIA and EIR or FOISA and EIR(S), or a subject access request for the requester's own data"
        case .ncndNotAvailable(let citation):
            return "\(citation) has no neither-confirm-nor-deny provision; \(wording(.dropNeitherConfirmNorDeny))"
        case .publicInterestRequired(let citation):
            return "\(citation) is a qualified exemption: \(wording(.givePublicInterest))"
        case .extensionNotAvailable(let reason, let remedy):
            return "cannot extend: \(reason)" + (remedy.map { "; \(wording($0))" } ?? "")
        case .extensionTiming(true, let due, let citation):
            return "cannot extend on this day: the time ended on \(due) (\(citation)), so the request was already "
                + "late and an extension given now does not make it in time; \(wording(.recordExtensionLate))"
        case .extensionTiming(false, let due, _):
            return "the extension was given in time (by \(due)), so it is not late; \(wording(.dropLate))"
        case .exemptionRequired(let outcome):
            return "a response \(outcome.label) must cite the exemptions relied on; \(wording(.applyExemptions))"
        case .outOfOrder(let action, let reason, let remedy):
            return "cannot \(action): \(reason); \(wording(remedy))"
        case .reviewExtensionRefused(let reason, let remedy):
            return "cannot extend the review: \(reason)" + (remedy.map { "; \(wording($0))" } ?? "")
        case .reviewInTime(let lastDay):
            return "the request for review is in time (the window closes on \(lastDay)), so it cannot be declined as "
                + "late; \(wording(.dropDeclineLate))"
        case .exemptionNotRelied(let citation, let relied):
            return "the case does not rely on \(citation), so it cannot be withdrawn; it relies on "
                + (relied.isEmpty ? "no exemption" : relied.joined(separator: ", "))
        case .stepsWithoutUpheldComplaint:
            return "a decision notice that does not uphold the complaint orders no steps; \(wording(.dropSteps))"
        case .deadline(let error):
            return error.message(wording: wording)
        case .laterStepCannotStand(let number, let action, let error):
            return "step \(number) (\(action)) could not stand: \(error.message(wording: wording))"
        case .cannotVoid(let number, let refusal):
            return "cannot void step \(number): " + refusal.description
        case .nothingToCorrect:
            return "a correction names at least one field to correct"
        case .answer(let problem):
            return "cannot record the answer: \(problem)"
        case .reasonRequired(let action):
            return "cannot \(action) without a reason: the history keeps why the record was put right"
        case .task(let problem):
            return "\(problem)"
        case .flag(let flag, let raised):
            return "the case is \(raised ? "already" : "not") flagged \(flag.rawValue)"
        case .approval(let problem):
            return "\(problem)"
        case .allocation(let problem):
            return "\(problem)"
        case .qualifiedPersonOpinionRequired(let citation):
            return "the response relies on s.\(citation), which applies only in the reasonable opinion of a "
                + "qualified person (FOIA s.36(2), (3)), and no opinion was given by its date; "
                + wording(.recordQualifiedPersonOpinion)
        }
    }
}

/// A request and everything that has happened to it: the fold of its events.
public struct Case: Hashable, Sendable {
    public let reference: CaseReference
    public let receipt: Receipt
    public let received: CivilDate
    public internal(set) var status: CaseStatus
    /// The date of the event that set the current status.
    public internal(set) var statusSince: CivilDate
    public internal(set) var clarifications: [Clarification] = []
    public internal(set) var fees: [FeePeriod] = []
    public internal(set) var publicInterestExtension: Int?
    public internal(set) var statutoryExtension = false
    /// The day an extension was given after the time for it: recorded, extending nothing.
    public internal(set) var lateExtension: CivilDate?
    public internal(set) var exemptions: [ExemptionDecision] = []
    public internal(set) var searches: [Search] = []
    /// The parts of the request split into cases of their own, in order.
    public internal(set) var parts: [CaseSplit] = []
    /// The request's own words, as last recorded.
    public internal(set) var requestText: String?
    /// What the response gives, part by part, as last recorded for each part.
    public internal(set) var answers: [PartAnswer] = []
    /// The reasoning for each exemption, as last recorded, in the order first recorded.
    public internal(set) var reasoning: [ExemptionReasoning] = []
    /// The letters issued, in order.
    public internal(set) var letters: [LetterRecord] = []
    /// How the case appears in the disclosure log, as last decided.
    public internal(set) var publication = Publication()
    /// The officer handling the case, as last assigned; nil: no one.
    public internal(set) var handler: Assignee?
    /// The team the case was last allocated to; nil: none (or it was given back).
    public internal(set) var team: TeamID?
    /// Whether the handler (or the team) took the case, as last answered; nil: never allocated.
    public internal(set) var allocation: Allocation?
    /// Every response, in order: the first met (or missed) the response clock, whatever followed a reopening.
    public internal(set) var responses: [Response] = []
    /// What the latest response recorded beside its outcome: its advice, a cost refusal's estimate.
    public internal(set) var responseDetails: ResponseDetails?
    /// The day the case was last reopened after a response: a further response is due.
    public internal(set) var reopenedAfterResponse: CivilDate?
    /// Every internal review and complaint to the regulator, in order; each complaint holds its appeals.
    public internal(set) var reviews: [Review] = []
    public internal(set) var complaints: [Complaint] = []
    /// The questions put to contributors, in the order given (Tasks.swift).
    public internal(set) var tasks: [CaseTask] = []
    /// The flags that route the case, in `CaseFlag`'s order.
    public internal(set) var flags: [CaseFlag] = []
    /// The sign-off asked for on the draft response, as last asked for (Approvals.swift).
    public internal(set) var approval: Approval?
    /// The qualified person's opinions recorded (FOIA s.36), each with its date.
    public internal(set) var qualifiedPersonOpinions: [QualifiedPersonOpinion.Given] = []
    public internal(set) var stage: CaseStage = .request
    public internal(set) var history: [RecordedEvent]

    public var regime: Regime { receipt.regime }

    /// The latest internal review, nil until there is one.
    public internal(set) var review: Review? {
        get { reviews.last }
        set { if let newValue { reviews[reviews.count - 1] = newValue } }
    }

    /// The latest complaint to the regulator, nil until there is one.
    public internal(set) var complaint: Complaint? {
        get { complaints.last }
        set { if let newValue { complaints[complaints.count - 1] = newValue } }
    }

    /// The latest response and its date while the case stands answered; nil while it awaits one (again, once
    /// reopened). Only a reopening moves a case on from `responded`.
    public var outcome: Outcome? { status == .responded ? responses.last?.outcome : nil }
    public var respondedOn: CivilDate? { status == .responded ? responses.last?.on : nil }

    /// Every appeal, against every decision notice, in the order lodged.
    public var appeals: [Appeal] { complaints.flatMap(\.appeals) }

    /// A case opened by its receipt.
    public init(reference: CaseReference, received: CivilDate, receipt: Receipt) {
        self.reference = reference
        self.receipt = receipt
        self.received = received
        status = .open
        statusSince = received
        history = [RecordedEvent(date: received, event: .received(receipt))]
    }

    /// Replays a stored history: the first event must be the receipt.
    public init(reference: CaseReference, history: [RecordedEvent], catalogue: ExemptionCatalogue)
        throws(LifecycleError)
    {
        guard let first = history.first, case .received(let receipt) = first.event else { throw .receiptNotFirst }
        var replayed = Case(reference: reference, received: first.date, receipt: receipt)
        for event in history.dropFirst() { try replayed.apply(event, catalogue: catalogue) }
        self = replayed
    }

    /// The response clock's inputs, as the events so far define them.
    public var clockInput: ResponseClockInput {
        ResponseClockInput(
            regime: regime, received: received, convention: receipt.convention, clarifications: clarifications,
            fees: fees, publicInterestExtension: publicInterestExtension, statutoryExtension: statutoryExtension,
            rule: receipt.period?.rule ?? .standard)
    }

    /// The response deadline as the events so far define it.
    public func deadline(calendars: Calendars) throws(DeadlineError) -> ResponseDeadline {
        try ResponseClock.deadline(for: clockInput, calendars: calendars)
    }

    /// The case after `recorded`, or the reason it cannot happen now.
    public func applying(_ recorded: RecordedEvent, catalogue: ExemptionCatalogue) throws(LifecycleError) -> Case {
        var next = self
        try next.apply(recorded, catalogue: catalogue)
        return next
    }

    /// Applies `recorded` in place, or throws and leaves the case unchanged.
    public mutating func apply(_ recorded: RecordedEvent, catalogue: ExemptionCatalogue) throws(LifecycleError) {
        let event = recorded.event
        let date = recorded.date
        if case .received = event { throw .receiptNotFirst }
        guard date >= received else { throw .beforeReceipt(action: event.action, date: date, received: received) }
        guard Self.allows(event, in: status) else {
            throw .notAllowed(action: event.action, status: status, since: statusSince, remedy: remedy(for: event))
        }
        var next = self
        switch event {
        case .received: throw .receiptNotFirst
        case .acknowledged, .note, .deadlineMoved, .anonymised: break
        // Putting the record right (Correction.swift): the history replayed as it now stands.
        case .corrected, .voided: return try refold(adding: recorded, catalogue: catalogue)
        case .exemptionWithdrawn(let citation, let part): try next.withdraw(citation, part: part)
        // The request and its clock (CaseRequestProcess.swift).
        case .clarificationRequested: next.requestClarification(on: date)
        case .clarificationReceived: try next.receiveClarification(on: date, event: event)
        case .clarificationLapsed, .feeLapsed: next.close(as: .lapsed, on: date)
        case .feeNoticeIssued: next.issueFeeNotice(on: date)
        case .feePaid: try next.payFee(on: date, event: event)
        case .transferred: next.close(as: .transferred, on: date)
        case .withdrawn: next.close(as: .withdrawn, on: date)
        case .exemptionApplied(let decision): try next.apply(decision, catalogue: catalogue)
        case .extended(let workingDays, _, let late):
            try next.extend(by: workingDays, on: date, late: late, catalogue: catalogue)
        case .responded(let outcome, let details):
            try next.respond(outcome, on: date)
            next.responseDetails = details
        case .reopened: try next.reopen(on: date, event: event)
        // What the officer records of the request, in any status.
        case .searchRecorded(let search): next.searches.append(search)
        case .split(let part): next.parts.append(part)
        case .requestRecorded(let text): next.requestText = text
        case .answerRecorded(let answer): try next.record(answer)
        case .reasoningRecorded(let reasoning): try next.record(reasoning)
        case .letterIssued(let record): next.letters.append(record)
        case .publicationDecided(let publication): next.publication = publication
        case .assigned(let officer): next.assign(to: officer, on: date)
        // Contributor tasks (Tasks.swift): given while the case is open, answered or declined whenever they are.
        case .taskGiven(let request): try next.give(request, on: date)
        case .taskDone(let answer): try next.close(task: answer.number, as: .done(on: date, answer))
        case .taskDeclined(let number, let reason):
            try next.close(task: number, as: .declined(on: date, reason: reason))
        case .flagged(let flag, let removed): try next.flag(flag, removed: removed)
        case .approvalRequested(let request): try next.requestApproval(request, on: date)
        case .approved(let decision): try next.decideApproval(.approved, decision, on: date)
        case .approvalRejected(let decision): try next.decideApproval(.rejected, decision, on: date)
        case .approvalBypassed(let decision): try next.decideApproval(.bypassed, decision, on: date)
        // Allocation (Teams.swift), in any status: who handles a case is the office's, whatever the case's stage.
        case .allocated(let team): next.allocate(to: team, on: date)
        case .allocationAccepted(let user): try next.answerAllocation(by: user, rejecting: nil, on: date)
        case .allocationRejected(let user, let reason): try next.answerAllocation(by: user, rejecting: reason, on: date)
        case .taskReassigned(let number, let user): try next.reassign(task: number, to: user)
        case .commented: break
        case .qualifiedPersonOpinion(let opinion):
            next.qualifiedPersonOpinions.append(.init(on: date, opinion: opinion))
        // The internal review (CaseReviewProcess.swift).
        case .reviewRequested(let request): try next.requestReview(request, on: date, event: event)
        case .reviewExtended(let workingDays, _): try next.extendReview(to: workingDays, event: event)
        case .reviewDecided(let decision):
            try next.decideReview(decision, on: date, event: event, catalogue: catalogue)
        // The regulator and the Tribunal (CaseRegulatorProcess.swift).
        case .complaintNotified(let notice): try next.notifyComplaint(notice, on: date, event: event)
        case .submissionsRequested(let due): try next.requestSubmissions(due: due, on: date, event: event)
        case .submissionsSent: try next.sendSubmissions(on: date, event: event)
        case .complaintClosed(let ending): try next.closeComplaint(ending, on: date, event: event)
        case .decisionNoticeIssued(let notice): try next.issueDecisionNotice(notice, on: date, event: event)
        case .decisionNoticeComplied: try next.complyWithNotice(on: date, event: event)
        case .appealLodged(let lodging): try next.lodge(lodging, on: date, event: event)
        case .hearingListed(let hearing, let reference):
            try next.listHearing(on: hearing, appeal: reference, event: event)
        case .appealDecided(let decision): try next.decideAppeal(decision, on: date, event: event)
        }
        next.history.append(recorded)
        self = next
    }

    /// The status a case returns to when its clock runs again: extended if an extension is in place.
    var resumedStatus: CaseStatus {
        statutoryExtension || publicInterestExtension != nil ? .extended : .open
    }

    mutating func setStatus(_ status: CaseStatus, _ date: CivilDate) {
        self.status = status
        statusSince = date
    }

    // MARK: - Rules

    /// The lifecycle as a table: which statuses each step may be recorded in.
    static func allows(_ event: CaseEvent, in status: CaseStatus) -> Bool {
        switch event {
        case .received:
            return false
        case .note, .deadlineMoved, .anonymised, .requestRecorded, .reasoningRecorded, .letterIssued,
            .publicationDecided, .assigned, .corrected, .voided, .answerRecorded, .taskDone, .taskDeclined, .flagged,
            .approvalRequested, .approved, .approvalRejected,
            .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned, .commented,
            .qualifiedPersonOpinion:
            // A calendar change can move any running clock, the review's after the response too; the request's words,
            // the reasoning and the letters can be recorded whenever the officer writes them.
            return true
        case .acknowledged, .transferred, .withdrawn, .exemptionWithdrawn, .taskGiven:
            return status.isOpen
        case .split:
            // A part found to be environmental (or the requester's own data) once answered still needs its answer.
            return status.isOpen || status == .responded
        case .clarificationRequested, .feeNoticeIssued, .exemptionApplied, .responded:
            return status == .open || status == .extended
        case .clarificationReceived, .clarificationLapsed:
            return status == .awaitingClarification
        case .feePaid, .feeLapsed:
            return status == .awaitingFee
        case .searchRecorded:
            return status == .open || status == .extended || status == .awaitingFee
        case .extended:
            return status == .open
        case .reopened:
            return !status.isOpen
        case .reviewRequested:
            // Before the response only a review of a failure to respond or of a fees notice (`reviewSubject`).
            return status == .responded || status == .open || status == .extended || status == .awaitingFee
        case .complaintNotified:
            return status.isOpen || status == .responded
        case .reviewExtended, .reviewDecided, .submissionsRequested, .submissionsSent, .decisionNoticeIssued,
            .decisionNoticeComplied, .complaintClosed, .appealLodged, .hearingListed, .appealDecided:
            return true
        }
    }

    /// What to do instead when `event` is not allowed now.
    private func remedy(for event: CaseEvent) -> Remedy {
        if case .reviewRequested = event, status.isOpen { return .recordResponse }
        switch status {
        case .awaitingClarification: return .recordClarification
        case .awaitingFee: return .recordFeePaymentOrLapse
        case .responded, .withdrawn, .transferred, .lapsed: return .reopen
        case .extended: return .alreadyExtended
        case .open:
            switch event {
            case .clarificationReceived, .clarificationLapsed: return .requestClarification
            case .feePaid, .feeLapsed: return .issueFeeNotice
            case .reopened: return .alreadyOpen
            case .received, .acknowledged, .clarificationRequested, .feeNoticeIssued, .transferred, .withdrawn,
                .split, .searchRecorded, .exemptionApplied, .extended, .responded, .note, .requestRecorded,
                .reasoningRecorded, .letterIssued, .publicationDecided, .assigned, .deadlineMoved, .reviewRequested,
                .reviewExtended, .reviewDecided, .complaintNotified, .submissionsRequested, .submissionsSent,
                .decisionNoticeIssued, .decisionNoticeComplied, .complaintClosed, .appealLodged, .hearingListed,
                .appealDecided, .anonymised, .corrected, .voided, .exemptionWithdrawn, .answerRecorded, .taskGiven,
                .taskDone, .taskDeclined, .flagged, .approvalRequested, .approved, .approvalRejected,
                .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned, .commented,
                .qualifiedPersonOpinion:
                return .seeHistory
            }
        }
    }

    /// Refuses `event` while a review (unless `allowingReview`), a complaint or an appeal is under way.
    func requireNothingUnderWay(_ event: CaseEvent, allowingReview: Bool = false) throws(LifecycleError) {
        if let review, review.isUnderWay, !allowingReview {
            throw .outOfOrder(
                action: event.action, reason: "an internal review is under way since \(review.requested)",
                remedy: .recordReviewOutcome)
        }
        if let complaint, complaint.isUnderWay {
            throw .outOfOrder(
                action: event.action,
                reason:
                    "a complaint to the \(complaint.regulator.shortName) (\(complaint.reference)) is under way since "
                    + "\(complaint.notified)",
                remedy: .recordDecisionNotice)
        }
        if let appeal = appeals.first(where: \.isUnderWay) {
            throw .outOfOrder(
                action: event.action,
                reason: "an appeal (\(appeal.lodging.reference)) is under way since \(appeal.lodged)",
                remedy: .recordAppealOutcome)
        }
    }

    /// The regime a multi-regime request may pair with this one: FOIA with EIR, FOISA with EIR(S).
    static func sibling(of regime: Regime) -> Regime? {
        switch regime {
        case .foia: .eir
        case .eir: .foia
        case .foisa: .eirs
        case .eirs: .foisa
        case .sar: nil
        }
    }
}
