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

    /// What to do instead, where there is something to do.
    public var remedy: Remedy? {
        switch self {
        case .notAllowed(_, _, _, let remedy), .outOfOrder(_, _, let remedy), .outcomeNotInRegime(_, _, let remedy):
            remedy
        case .unknownExemption(_, let regime, let elsewhere): elsewhere.isEmpty ? .listExemptions(regime) : .givePart
        case .ncndNotAvailable: .dropNeitherConfirmNorDeny
        case .publicInterestRequired: .givePublicInterest
        case .extensionNotAvailable(_, let remedy), .reviewExtensionRefused(_, let remedy): remedy
        case .exemptionRequired, .reasoningWithoutExemption: .applyExemptions
        case .reviewInTime: .dropDeclineLate
        case .stepsWithoutUpheldComplaint: .dropSteps
        case .deadline(let error): error.remedy
        case .beforeReceipt, .afterToday, .beforeItsCause, .receiptNotFirst, .partNotAllowed, .splitNotAllowed,
            .exemptionNotRelied,
            .unknownProvision:
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
        case .unknownProvision(let citation, let exemption, let provisions):
            let known =
                provisions.isEmpty
                ? "which has no subsections" : "whose provisions are " + provisions.joined(separator: ", ")
            return "'\(citation)' is not a provision of \(exemption), \(known); check the citation"
        case .outcomeNotInRegime(let outcome, let regime, let remedy):
            let why =
                switch (regime, outcome) {
                case (.eir, _), (.eirs, _): "FOIA ss.12 and 14 do not apply to environmental information"
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
            return "the case does not rely on \(citation), so it cannot be withdrawn at review; it relies on "
                + (relied.isEmpty ? "no exemption" : relied.joined(separator: ", "))
        case .stepsWithoutUpheldComplaint:
            return "a decision notice that does not uphold the complaint orders no steps; \(wording(.dropSteps))"
        case .deadline(let error):
            return error.message(wording: wording)
        }
    }
}

/// A request and everything that has happened to it: the fold of its events.
public struct Case: Hashable, Sendable {
    public let reference: CaseReference
    public let receipt: Receipt
    public let received: CivilDate
    public private(set) var status: CaseStatus
    /// The date of the event that set the current status.
    public private(set) var statusSince: CivilDate
    public private(set) var clarifications: [Clarification] = []
    public private(set) var fees: [FeePeriod] = []
    public private(set) var publicInterestExtension: Int?
    public private(set) var statutoryExtension = false
    public private(set) var exemptions: [ExemptionDecision] = []
    public private(set) var searches: [Search] = []
    /// The parts of the request split into cases of their own, in order.
    public private(set) var parts: [CaseSplit] = []
    /// The request's own words, as last recorded.
    public private(set) var requestText: String?
    /// The reasoning for each exemption, as last recorded, in the order first recorded.
    public private(set) var reasoning: [ExemptionReasoning] = []
    /// The letters issued, in order.
    public private(set) var letters: [LetterRecord] = []
    /// How the case appears in the disclosure log, as last decided.
    public private(set) var publication = Publication()
    /// The officer handling the case, as last assigned; nil: no one.
    public private(set) var handler: String?
    /// Every response, in order: the first met (or missed) the response clock, whatever followed a reopening.
    public private(set) var responses: [Response] = []
    /// The day the case was last reopened after a response: a further response is due.
    public private(set) var reopenedAfterResponse: CivilDate?
    /// Every internal review and complaint to the regulator, in order; each complaint holds its appeals.
    public private(set) var reviews: [Review] = []
    public private(set) var complaints: [Complaint] = []
    public private(set) var stage: CaseStage = .request
    public internal(set) var history: [RecordedEvent]

    public var regime: Regime { receipt.regime }

    /// The latest internal review, nil until there is one.
    public private(set) var review: Review? {
        get { reviews.last }
        set { if let newValue { reviews[reviews.count - 1] = newValue } }
    }

    /// The latest complaint to the regulator, nil until there is one.
    public private(set) var complaint: Complaint? {
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
        case .received:
            throw .receiptNotFirst
        case .acknowledged, .note, .deadlineMoved, .anonymised:
            break
        case .clarificationRequested:
            next.clarifications.append(Clarification(requested: date, received: nil))
            next.setStatus(.awaitingClarification, date)
        case .clarificationReceived:
            // The status says a clarification was requested; the lifecycle records it with its date.
            if let requested = next.clarifications.last?.requested, date < requested {
                throw .beforeItsCause(
                    action: event.action, date: date, cause: "request for clarification", causeDate: requested)
            }
            next.clarifications[next.clarifications.count - 1].received = date
            next.setStatus(resumedStatus, date)
        case .clarificationLapsed, .feeLapsed:
            next.setStatus(.lapsed, date)
            next.stage = .closed
        case .feeNoticeIssued:
            next.fees.append(FeePeriod(notice: date, paid: nil))
            next.setStatus(.awaitingFee, date)
        case .feePaid:
            let notice = next.fees[next.fees.count - 1].notice
            guard date >= notice else {
                throw .beforeItsCause(action: event.action, date: date, cause: "fees notice", causeDate: notice)
            }
            next.fees[next.fees.count - 1].paid = date
            next.setStatus(resumedStatus, date)
        case .transferred:
            next.setStatus(.transferred, date)
            next.stage = .closed
        case .withdrawn:
            next.setStatus(.withdrawn, date)
            next.stage = .closed
        case .searchRecorded(let search):
            next.searches.append(search)
        case .split(let part):
            next.parts.append(part)
        case .requestRecorded(let text):
            next.requestText = text
        case .reasoningRecorded(let reasoning):
            guard exemptions.contains(where: { $0.citation == reasoning.citation && $0.part == reasoning.part }) else {
                throw .reasoningWithoutExemption(
                    citation: reasoning.citation, relied: exemptions.map { "\($0.part.shortName) \($0.citation)" })
            }
            if let index = next.reasoning.firstIndex(where: {
                $0.citation == reasoning.citation && $0.part == reasoning.part
            }) {
                next.reasoning[index] = reasoning
            } else {
                next.reasoning.append(reasoning)
            }
        case .letterIssued(let record):
            next.letters.append(record)
        case .publicationDecided(let publication):
            next.publication = publication
        case .assigned(let officer):
            next.handler = officer
        case .exemptionApplied(let decision):
            try validate(decision, catalogue: catalogue)
            next.exemptions.append(decision)
        case .extended(let workingDays, _):
            try next.extend(by: workingDays, catalogue: catalogue)
            next.setStatus(.extended, date)
        case .responded(let outcome, _):
            if outcome.citesExemptions && exemptions.isEmpty { throw .exemptionRequired(outcome) }
            next.responses.append(Response(on: date, outcome: outcome))
            next.setStatus(.responded, date)
            if next.stage == .request { next.stage = .responded }
        case .reopened:
            try requireNothingUnderWay(event)
            if !responses.isEmpty { next.reopenedAfterResponse = date }
            next.stage = .request
            next.setStatus(resumedStatus, date)
        case .reviewRequested(let request):
            try requireNothingUnderWay(event)
            let subject = try reviewSubject(event)
            next.reviews.append(Review(requested: date, request: request, subject: subject))
            next.stage = .review
        case .reviewExtended(let workingDays, _):
            try next.extendReview(to: workingDays, event: event)
        case .reviewDecided(let decision):
            let review = try reviewUnderWay(event)
            guard date >= review.requested else {
                throw .beforeItsCause(
                    action: event.action, date: date, cause: "request for review", causeDate: review.requested)
            }
            try next.revise(exemptions: decision, catalogue: catalogue)
            next.review?.decided = date
            next.review?.decision = decision
        case .complaintNotified(let notice):
            try requireNothingUnderWay(event, allowingReview: true)
            next.complaints.append(
                Complaint(
                    regulator: Regulator(for: regime), notified: date, reference: notice.reference,
                    submissionsDue: notice.submissionsDue, submissionsRequested: notice.submissionsDue.map { _ in date }
                ))
            next.stage = .regulator
        case .submissionsRequested(let due):
            let complaint = try complaintUnderWay(event)
            guard due >= date else {
                throw .beforeItsCause(action: event.action, date: due, cause: "regulator's letter", causeDate: date)
            }
            guard date >= complaint.notified else {
                throw .beforeItsCause(
                    action: event.action, date: date, cause: "complaint notification", causeDate: complaint.notified)
            }
            next.complaint?.submissionsDue = due
            next.complaint?.submissionsRequested = date
            next.complaint?.submissionsSent = nil
        case .submissionsSent:
            let complaint = try complaintUnderWay(event)
            guard let requested = complaint.submissionsRequested, complaint.submissionsSent == nil else {
                throw .outOfOrder(
                    action: event.action, reason: "the \(complaint.regulator.shortName) has not asked for submissions",
                    remedy: .recordSubmissionsDate)
            }
            guard date >= requested else {
                throw .beforeItsCause(
                    action: event.action, date: date, cause: "request for submissions", causeDate: requested)
            }
            next.complaint?.submissionsSent = date
        case .complaintClosed(let ending):
            let complaint = try complaintUnderWay(event)
            guard date >= complaint.notified else {
                throw .beforeItsCause(
                    action: event.action, date: date, cause: "complaint notification", causeDate: complaint.notified)
            }
            if (ending == .concluded) != (regime == .sar) {
                throw .outOfOrder(
                    action: event.action,
                    reason: regime == .sar
                        ? "a data protection complaint ends in the ICO's outcome (concluded), or resolved, withdrawn "
                            + "or declined"
                        : "only a data protection complaint ends in an outcome letter; a complaint about "
                            + "\(regime.shortName) ends in a decision notice, or resolved, withdrawn or declined",
                    remedy: regime == .sar ? .closeComplaint : .recordDecisionNotice)
            }
            next.complaint?.ending = ending
            next.complaint?.closed = date
        case .decisionNoticeIssued(let notice):
            let complaint = try complaintUnderWay(event)
            guard date >= complaint.notified else {
                throw .beforeItsCause(
                    action: event.action, date: date, cause: "complaint notification", causeDate: complaint.notified)
            }
            if notice.outcome == .notUpheld && (notice.steps != nil || notice.complyBy != nil) {
                throw .stepsWithoutUpheldComplaint
            }
            if let complyBy = notice.complyBy, complyBy < date {
                throw .beforeItsCause(action: event.action, date: complyBy, cause: "notice's own date", causeDate: date)
            }
            next.complaint?.decisionNotice = notice
            next.complaint?.decided = date
        case .decisionNoticeComplied:
            guard let index = complaints.lastIndex(where: \.awaitsCompliance), let decided = complaints[index].decided
            else {
                throw .outOfOrder(
                    action: event.action, reason: "no decision notice orders steps on this case",
                    remedy: .recordNoticeWithSteps
                )
            }
            guard date >= decided else {
                throw .beforeItsCause(action: event.action, date: date, cause: "decision notice", causeDate: decided)
            }
            next.complaints[index].complied = date
        case .appealLodged(let lodging):
            try next.lodge(lodging, on: date, event: event)
            next.stage = .tribunal
        case .hearingListed(let hearing, let reference):
            let (complaintIndex, appealIndex) = try appealUnderWay(event, reference: reference)
            let appeal = complaints[complaintIndex].appeals[appealIndex]
            guard hearing >= appeal.lodged else {
                throw .beforeItsCause(action: event.action, date: hearing, cause: "appeal", causeDate: appeal.lodged)
            }
            next.complaints[complaintIndex].appeals[appealIndex].hearing = hearing
        case .appealDecided(let decision):
            let (complaintIndex, appealIndex) = try appealUnderWay(event, reference: decision.appeal)
            let appeal = complaints[complaintIndex].appeals[appealIndex]
            guard date >= appeal.lodged else {
                throw .beforeItsCause(action: event.action, date: date, cause: "appeal", causeDate: appeal.lodged)
            }
            if let complyBy = decision.complyBy, complyBy < date {
                throw .beforeItsCause(action: event.action, date: complyBy, cause: "decision", causeDate: date)
            }
            next.complaints[complaintIndex].appeals[appealIndex].decided = date
            next.complaints[complaintIndex].appeals[appealIndex].decision = decision
        }
        next.history.append(recorded)
        self = next
    }

    /// The status a case returns to when its clock runs again: extended if an extension is in place.
    private var resumedStatus: CaseStatus {
        statutoryExtension || publicInterestExtension != nil ? .extended : .open
    }

    private mutating func setStatus(_ status: CaseStatus, _ date: CivilDate) {
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
            .publicationDecided, .assigned:
            // A calendar change can move any running clock, the review's after the response too; the request's words,
            // the reasoning and the letters can be recorded whenever the officer writes them.
            return true
        case .acknowledged, .transferred, .withdrawn:
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
            default: return .seeHistory
            }
        }
    }

    /// Refuses `event` while a review (unless `allowingReview`), a complaint or an appeal is under way.
    private func requireNothingUnderWay(_ event: CaseEvent, allowingReview: Bool = false) throws(LifecycleError) {
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

    /// What a request for review recorded now looks at. Before the response, FOISA s.20(1), EIR reg 11 and EIR(S)
    /// reg 16 allow a review of the failure to respond (whether the response is late is checked with the calendar,
    /// `requireLawful`) or of a fees notice; FOIA's review follows the response, and the ICO accepts a complaint
    /// about a failure to respond without one; a subject access request has no statutory review at all.
    private func reviewSubject(_ event: CaseEvent) throws(LifecycleError) -> ReviewSubject {
        if status == .responded { return .response }
        guard regime.reviewsFailureToRespond else {
            throw .outOfOrder(
                action: event.action,
                reason:
                    "the case is \(status.phrase) since \(statusSince), and a \(regime.shortName) review follows the "
                    + "response (the ICO accepts a complaint about a failure to respond without a review)",
                remedy: .recordResponseOrComplaint)
        }
        return status == .awaitingFee ? .feesNotice : .failureToRespond
    }

    /// Records an appeal against the latest decision notice (either party, once each: cross-appeals are allowed,
    /// [2014] UKUT 444 (AAC)) or an application for permission to appeal a decided one onward (SI 2009/1976 r.42).
    private mutating func lodge(_ lodging: AppealLodging, on date: CivilDate, event: CaseEvent) throws(LifecycleError) {
        guard let index = complaints.indices.last, let decided = complaints[index].decided else {
            throw .outOfOrder(
                action: event.action, reason: "there is no decision notice to appeal against",
                remedy: .recordNoticeToAppeal)
        }
        let earlier = complaints[index].appeals
        let cause: (name: String, date: CivilDate)
        switch lodging.level {
        case .firstTier:
            cause = ("decision notice", decided)
        case .upperTribunal:
            guard regime == .foia || regime == .eir else {
                throw .outOfOrder(
                    action: event.action,
                    reason: "an appeal from the Court of Session goes to the Supreme Court, which this tool does not "
                        + "track", remedy: .seeCase)
            }
            guard let tribunal = earlier.last(where: { $0.lodging.level == .firstTier && $0.decided != nil }),
                let tribunalDecided = tribunal.decided
            else {
                throw .outOfOrder(
                    action: event.action, reason: "no First-tier Tribunal decision on this notice has been recorded",
                    remedy: .recordAppealOutcome)
            }
            cause = ("Tribunal's decision", tribunalDecided)
        }
        if let same = earlier.first(where: {
            $0.lodging.level == lodging.level && $0.lodging.appellant == lodging.appellant
        }) {
            throw .outOfOrder(
                action: event.action,
                reason: "the \(lodging.appellant.rawValue)'s appeal \(same.lodging.reference) is already recorded "
                    + "against this decision", remedy: .seeCase)
        }
        guard date >= cause.date else {
            throw .beforeItsCause(action: event.action, date: date, cause: cause.name, causeDate: cause.date)
        }
        complaints[index].appeals.append(Appeal(lodged: date, lodging: lodging))
    }

    private func reviewUnderWay(_ event: CaseEvent) throws(LifecycleError) -> Review {
        guard let review else {
            throw .outOfOrder(
                action: event.action, reason: "no internal review was requested",
                remedy: .recordReviewRequest)
        }
        guard review.isUnderWay else {
            throw .outOfOrder(
                action: event.action,
                reason: review.isDeclined
                    ? "the late request for review of \(review.requested) was declined"
                    : "the review was decided on \(review.decided?.description ?? "")",
                remedy: .seeCase)
        }
        return review
    }

    private func complaintUnderWay(_ event: CaseEvent) throws(LifecycleError) -> Complaint {
        guard let complaint else {
            throw .outOfOrder(
                action: event.action, reason: "no complaint to the \(Regulator(for: regime).shortName) is recorded",
                remedy: .recordComplaint)
        }
        guard complaint.isUnderWay else {
            throw .outOfOrder(
                action: event.action,
                reason: "the complaint \(complaint.reference) was decided on \(complaint.decided?.description ?? "")",
                remedy: .seeCase)
        }
        return complaint
    }

    /// The appeal a hearing or decision is for: the one named by `reference`, or the only one under way.
    private func appealUnderWay(_ event: CaseEvent, reference: String?) throws(LifecycleError) -> (Int, Int) {
        let underWay = complaints.indices.flatMap { complaint in
            complaints[complaint].appeals.indices.compactMap { appeal in
                complaints[complaint].appeals[appeal].isUnderWay ? (complaint, appeal) : nil
            }
        }
        let named = underWay.filter {
            reference == nil || complaints[$0.0].appeals[$0.1].lodging.reference == reference
        }
        if named.count == 1, let only = named.first { return only }
        let references = underWay.map { complaints[$0.0].appeals[$0.1].lodging.reference }
        if named.count > 1 {
            throw .outOfOrder(
                action: event.action,
                reason: "two appeals are under way (\(references.joined(separator: ", "))): say which",
                remedy: .nameAppeal)
        }
        let reason: String
        if let reference, !references.isEmpty {
            reason = "no appeal \(reference) is under way (under way: \(references.joined(separator: ", ")))"
        } else if let last = appeals.last {
            reason = "the appeal \(last.lodging.reference) was decided on \(last.decided?.description ?? "")"
        } else {
            reason = "no appeal is recorded"
        }
        throw .outOfOrder(action: event.action, reason: reason, remedy: appeals.isEmpty ? .recordAppeal : .seeCase)
    }

    /// FOIA (s.45 Code): one extension of the review, to at most 40 working days; the other regimes fix the period.
    private mutating func extendReview(to workingDays: Int, event: CaseEvent) throws(LifecycleError) {
        let review = try reviewUnderWay(event)
        switch regime {
        case .foia, .sar:
            // SAR: refused for new steps (`requireLawful`); a history recorded when it was allowed replays.
            break
        case .eir:
            throw .reviewExtensionRefused(reason: "EIR reg 11(4) fixes the review at 40 working days", remedy: nil)
        case .foisa:
            throw .reviewExtensionRefused(reason: "FOISA s.21(1) fixes the review at 20 working days", remedy: nil)
        case .eirs:
            throw .reviewExtensionRefused(reason: "EIR(S) reg 16(4) fixes the review at 20 working days", remedy: nil)
        }
        if let extendedTo = review.extendedTo {
            throw .reviewExtensionRefused(
                reason: "it was already extended to \(extendedTo) working days, and the s.45 Code allows one extension",
                remedy: nil)
        }
        guard workingDays > 20 else {
            throw .reviewExtensionRefused(
                reason: "20 working days is the review's own period; extend to more than 20, at most 40", remedy: nil)
        }
        guard workingDays <= 40 else {
            throw .reviewExtensionRefused(
                reason: "the s.45 Code of Practice allows a review at most 40 working days from receipt of the request "
                    + "(20, extended once by up to 20); \(workingDays) is more", remedy: nil)
        }
        guard case .reviewExtended(_, let reason) = event, !reason.allSatisfy(\.isWhitespace) else {
            throw .reviewExtensionRefused(reason: "no reason was given", remedy: .giveReviewExtensionReason)
        }
        self.review?.extendedTo = workingDays
        self.review?.extensionReason = reason
    }

    /// Applies a review's exemption changes: withdrawn ones must be relied on now; added ones are checked as usual.
    private mutating func revise(exemptions decision: ReviewDecision, catalogue: ExemptionCatalogue)
        throws(LifecycleError)
    {
        for citation in decision.withdrawnExemptions {
            guard let index = exemptions.firstIndex(where: { $0.citation == citation }) else {
                throw .exemptionNotRelied(citation: citation, relied: exemptions.map(\.citation))
            }
            exemptions.remove(at: index)
        }
        for added in decision.addedExemptions {
            try validate(added, catalogue: catalogue)
            exemptions.removeAll { $0.citation == added.citation && $0.part == added.part }
            exemptions.append(added)
        }
    }

    private func validate(_ decision: ExemptionDecision, catalogue: ExemptionCatalogue) throws(LifecycleError) {
        guard decision.part == regime || decision.part == Self.sibling(of: regime) else {
            throw .partNotAllowed(part: decision.part, caseRegime: regime)
        }
        guard let exemption = catalogue.exemption(citing: decision.citation, in: decision.part) else {
            throw .unknownExemption(
                citation: decision.citation, regime: decision.part,
                elsewhere: catalogue.regimes(citing: decision.citation))
        }
        if decision.neitherConfirmNorDeny && exemption.ncnd == nil {
            throw .ncndNotAvailable(citation: exemption.label)
        }
        if exemption.kind == .qualified && decision.publicInterest == nil {
            throw .publicInterestRequired(citation: exemption.label)
        }
    }

    private mutating func extend(by workingDays: Int?, catalogue: ExemptionCatalogue) throws(LifecycleError) {
        switch regime {
        case .foia:
            guard let workingDays, workingDays > 0 else {
                throw .extensionNotAvailable(
                    reason: "a FOIA public interest extension (s.10(3)) needs its further working days",
                    remedy: .givePublicInterestDays)
            }
            let qualified = exemptions.contains {
                catalogue.exemption(citing: $0.citation, in: $0.part)?.kind != .absolute
            }
            guard qualified else {
                throw .extensionNotAvailable(
                    reason: "s.10(3) extends only to consider the public interest: apply a qualified exemption first",
                    remedy: nil)
            }
            publicInterestExtension = workingDays
        case .eir, .eirs, .sar:
            guard workingDays == nil else {
                throw .extensionNotAvailable(
                    reason: "\(regime.shortName)'s extension is fixed (\(regime.statutoryExtension?.citation ?? ""))",
                    remedy: .dropExtensionDays)
            }
            statutoryExtension = true
        case .foisa:
            throw .extensionNotAvailable(reason: "FOISA allows no extension of its 20 working days", remedy: nil)
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
