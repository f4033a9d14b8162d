// Everything a step changes, decided here in one call, so that a store only writes what it is given: the event as
// it will be stored, the case after it, its response deadline and every clock, and what a calendar change moves.

/// What the rules of one organisation's cases depend on beyond the events: the exemption catalogue, the
/// working-day calendars (with its local holidays) and its clock settings.
public struct CaseRules: Sendable {
    public var catalogue: ExemptionCatalogue
    public var calendars: Calendars
    public var policy: ClockPolicy

    public init(catalogue: ExemptionCatalogue, calendars: Calendars, policy: ClockPolicy = ClockPolicy()) {
        self.catalogue = catalogue
        self.calendars = calendars
        self.policy = policy
    }
}

/// A case with its response deadline and clocks as the rules give them: what a store keeps as the projection.
public struct CaseState: Sendable {
    public let file: Case
    public let deadline: ResponseDeadline
    /// Every clock; the response clock's derivation is left out (see `Case.clocks(calendars:policy:)`).
    public let clocks: [CaseClock]
    /// The request and reviews as the timeliness figures count them.
    public let timeliness: [TimelinessEntry]

    /// The clocks the board shows that still wait for their step: of two of a kind (two hearings of cross-appeals,
    /// the appeal windows of two notices), the earlier.
    public var boardClocks: [CaseClock] {
        var seen = Set<ClockName>()
        return clocks.compactMap { clock in
            clock.isPending && clock.name.isOnBoard ? clock.due.map { (clock, $0) } : nil
        }
        .sorted { ($0.1, $0.0.name.rawValue) < ($1.1, $1.0.name.rawValue) }
        .compactMap { clock, _ in seen.insert(clock.name).inserted ? clock : nil }
    }
}

/// One step as it will be stored, with the state it leads to.
public struct CaseStep: Sendable {
    /// The event with what the calendar adds to it (e.g. that a request for review came late).
    public let event: RecordedEvent
    public let state: CaseState
    /// Whether the exemptions relied on changed, so that their projection must be rewritten.
    public let exemptionsChanged: Bool
    /// Whether what the receipt says (its day, regime, subject, channel) changed: a correction, or a void of one.
    public var receiptChanged = false
}

extension Case {
    /// The case's deadline and clocks under `rules`.
    public func state(_ rules: CaseRules) throws(LifecycleError) -> CaseState {
        do {
            let deadline = try deadline(calendars: rules.calendars)
            let clocks = try clocks(response: deadline, calendars: rules.calendars, policy: rules.policy)
            return CaseState(
                file: self, deadline: deadline, clocks: clocks,
                timeliness: try timelinessEntries(calendars: rules.calendars))
        } catch {
            throw .deadline(error)
        }
    }

    /// The step `recorded` on this case on `today`, or why the lifecycle does not allow it now.
    public func step(_ recorded: RecordedEvent, rules: CaseRules, today: CivilDate) throws(LifecycleError) -> CaseStep {
        try requireLawful(recorded, rules: rules, today: today)
        let prepared = try preparing(recorded, calendars: rules.calendars)
        let next = try applying(prepared, catalogue: rules.catalogue)
        return CaseStep(
            event: prepared, state: try next.state(rules), exemptionsChanged: next.exemptions != exemptions,
            receiptChanged: next.receipt != receipt || next.received != received)
    }

    /// `recorded`, in order, as steps each taken on the case as the one before left it (later steps a sheet adds to
    /// a case kept already).
    public func steps(_ recorded: [RecordedEvent], rules: CaseRules, today: CivilDate) throws(LifecycleError)
        -> [CaseStep]
    {
        var current = self
        var steps: [CaseStep] = []
        for event in recorded {
            let step = try current.step(event, rules: rules, today: today)
            steps.append(step)
            current = step.state.file
        }
        return steps
    }

    /// A step is recorded once it has happened: one dated after `today` is refused (often a typo, 2062 for 2026).
    static func requireHappened(_ action: String, on date: CivilDate, today: CivilDate) throws(LifecycleError) {
        guard date <= today else { throw .afterToday(action: action, date: date, today: today) }
    }

    /// What the law requires of a new step beyond the lifecycle's order. It has happened (not dated after today).
    /// It is not dated before the step it follows: a step that moves the case on (a response, a reopening, a request
    /// for review, a complaint) not before the step that put the case where it stands (a response before the
    /// clarification it follows, a reopening before the response); a decision notice not sent before its own date;
    /// a review extended only while the review is in time. A response is one the regime has (no FOIA s.12 or s.14
    /// refusal of environmental information); a notice that orders no steps gives none; an application to the SIC
    /// follows a review. Checked on new steps (and imported ones): a stored history is replayed as it was recorded.
    func requireLawful(_ recorded: RecordedEvent, rules: CaseRules, today: CivilDate) throws(LifecycleError) {
        let event = recorded.event
        let date = recorded.date
        try Self.requireHappened(event.action, on: date, today: today)
        if case .reviewRequested(let request) = event, let declined = request.outOfTime?.declinedOn {
            try Self.requireHappened("decline a request for review", on: declined, today: today)
        }
        // A date before the receipt is refused by the lifecycle, which says so.
        guard date >= received else { return }
        if event.movesTheCaseOn, date < statusSince,
            let cause = standingSteps.last(where: {
                $0.event.movesTheCaseOn && $0.date == statusSince
            })
        {
            throw .beforeItsCause(action: event.action, date: date, cause: cause.event.noun, causeDate: statusSince)
        }
        switch event {
        case .responded(let outcome, let details):
            try requireInRegime(outcome, details: details)
            try requireQualifiedPersonOpinion(by: date)
        case .reviewDecided(let decision)
        where decision.outcome == .upheld && review?.subject == .failureToRespond && review?.decided == nil:
            // FOISA s.21(4)(c), EIR reg 11(4), EIR(S) reg 16(4): a review of a failure to respond reaches the
            // decision there was none of.
            throw .outOfOrder(
                action: event.action,
                reason: "the review was of a failure to respond, so there was no decision to uphold: the review "
                    + "reaches one", remedy: .recordProcedural)
        case .reviewDecided: break
        case .extended(_, _, let late):
            // The notice of an extension is given within the time it extends (s.17(1), reg 7(3), Art 12A).
            let due: CivilDate?
            do { due = try deadline(calendars: rules.calendars).due } catch { throw .deadline(error) }
            guard let due, let citation = regime.extensionNoticeCitation, status == .open else { return }
            if (date > due) != late { throw .extensionTiming(late: !late, due: due, citation: citation) }
        case .taskGiven(let request):
            try requireTaskWithinCase(request, on: date, calendars: rules.calendars)
        case .split(let part):
            guard part.regime != regime,
                part.regime == Self.sibling(of: regime) || part.regime == .sar || regime == .sar
            else { throw .splitNotAllowed(part: part.regime, caseRegime: regime) }
        case .reviewRequested where status.isOpen && status != .awaitingFee && regime.reviewsFailureToRespond:
            // A review of a failure to respond: once the response is late (FOISA s.20(1), EIR reg 11, EIR(S) reg 16).
            let due: CivilDate?
            do { due = try deadline(calendars: rules.calendars).finalDate } catch { throw .deadline(error) }
            if let due, date <= due {
                throw .outOfOrder(
                    action: event.action,
                    reason: "the response is not late: it is due by \(due), and a review of a failure to respond can "
                        + "be required only once that day has passed", remedy: .recordResponse)
            }
        case .complaintNotified where (regime == .foisa || regime == .eirs) && review == nil:
            // FOISA s.47(1) (EIR(S) reg 17): the applicant may apply to the Commissioner only after requiring a
            // review, whether or not the authority answered it.
            throw .outOfOrder(
                action: event.action,
                reason: "an application to the Scottish Information Commissioner follows a requirement for review "
                    + "(FOISA s.47(1)), answered or not", remedy: .recordReviewRequest)
        case .decisionNoticeIssued where regime == .sar:
            throw .outOfOrder(
                action: event.action,
                reason: "the ICO ends a data protection complaint with an outcome, not a FOIA s.50 decision notice",
                remedy: .closeComplaint)
        case .appealLodged where regime == .sar:
            throw .outOfOrder(
                action: event.action,
                reason: "the ICO's outcome of a data protection complaint cannot be appealed to the Tribunal; the "
                    + "routes are DPA 2018 s.166 (an order to progress the complaint) and s.167 (a compliance order)",
                remedy: .seeCase)
        case .reviewExtended where regime == .sar:
            throw .reviewExtensionRefused(
                reason: "a subject access request has no statutory review: the authority's own review has a target, "
                    + "not a period to extend", remedy: nil)
        case .appealDecided(let decision)
        where decision.ordersNoSteps && (decision.steps != nil || decision.complyBy != nil):
            throw .outOfOrder(
                action: event.action,
                reason: "a decision that orders no steps has neither steps nor a date to comply by",
                remedy: .dropSteps)
        case .decisionNoticeIssued(let notice):
            if notice.ordersNoSteps && (notice.steps != nil || notice.complyBy != nil) {
                throw .outOfOrder(
                    action: event.action,
                    reason: "a notice that orders no steps has neither steps nor a date to comply by",
                    remedy: .dropSteps)
            }
            if let sent = notice.sent {
                guard sent >= date else {
                    throw .beforeItsCause(
                        action: "record a decision notice sent", date: sent, cause: "notice's own date", causeDate: date
                    )
                }
                try Self.requireHappened("record a decision notice sent", on: sent, today: today)
            }
        case .reviewExtended:
            guard let review, review.decided == nil else { return }
            if date < review.requested {
                throw .beforeItsCause(
                    action: event.action, date: date, cause: "request for review", causeDate: review.requested)
            }
            let due: CivilDate
            do { due = try reviewDue(review, calendars: rules.calendars).due } catch { throw .deadline(error) }
            if date > due {
                throw .reviewExtensionRefused(
                    reason: "the review fell due on \(due), before \(date); the s.45 Code allows an extension while "
                        + "the review is still within its 20 working days", remedy: nil)
            }
        case .reviewRequested, .complaintNotified, .appealLodged, .received, .acknowledged, .clarificationRequested,
            .clarificationReceived, .clarificationLapsed,
            .feeNoticeIssued, .feePaid, .feeLapsed, .transferred, .withdrawn, .searchRecorded, .exemptionApplied,
            .note, .requestRecorded, .reasoningRecorded, .letterIssued, .publicationDecided, .assigned,
            .reopened, .deadlineMoved, .submissionsRequested, .submissionsSent,
            .decisionNoticeComplied, .complaintClosed, .hearingListed, .appealDecided, .anonymised,
            .exemptionWithdrawn, .answerRecorded, .taskDone, .taskDeclined, .flagged, .approvalRequested, .approved,
            .approvalRejected,
            .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned, .commented,
            .qualifiedPersonOpinion:
            break
        case .corrected(let correction):
            try requireLawful(correction, today: today)
        case .voided(let void):
            guard !void.reason.allSatisfy(\.isWhitespace) else { throw .reasonRequired(action: event.action) }
            if history.indices.contains(void.number - 1), history[void.number - 1].date > date {
                throw .beforeItsCause(
                    action: event.action, date: date, cause: "step voided", causeDate: history[void.number - 1].date)
            }
        }
    }

    /// A correction gives its reason and a field to correct; a corrected receipt has happened; a corrected regime
    /// has every response recorded (the lifecycle's replay checks the rest: each step after the receipt, each
    /// exemption of the regime).
    private func requireLawful(_ correction: Correction, today: CivilDate) throws(LifecycleError) {
        guard !correction.reason.allSatisfy(\.isWhitespace) else {
            throw .reasonRequired(action: CaseEvent.corrected(correction).action)
        }
        guard !correction.isEmpty else { throw .nothingToCorrect }
        if let received = correction.received {
            try Self.requireHappened("record a receipt", on: received, today: today)
        }
        guard let regime = correction.regime else { return }
        for (number, recorded) in standingHistory {
            guard case .responded(let outcome, _) = recorded.event, !outcome.exists(in: regime) else { continue }
            throw .laterStepCannotStand(
                number: number, action: recorded.event.action,
                because: .outcomeNotInRegime(outcome, regime, remedy: .seeHistory))
        }
    }

    /// A response the regime has. EIR reg 12(4)(b) and EIR(S) reg 10(4)(b) take the place of FOIA ss.12 and 14
    /// (the cost of compliance and a vexatious or repeated request are "manifestly unreasonable", a qualified
    /// exception); UK GDPR Art. 12(5) their place for subject access. s.17(6) is FOIA's, and names the earlier case.
    private func requireInRegime(_ outcome: Outcome, details: ResponseDetails) throws(LifecycleError) {
        guard outcome.exists(in: regime) else {
            let remedy: Remedy =
                switch regime {
                case .eir: .applyManifestlyUnreasonable(citation: "12(4)(b)")
                case .eirs: .applyManifestlyUnreasonable(citation: "10(4)(b)")
                case .sar: .useOutcome(outcome == .adviceOnly ? .grantedInFull : .refusedManifestlyUnfounded)
                case .foia, .foisa: outcome == .noResponseRequired ? .useOutcome(.refusedVexatious) : .seeCase
                }
            throw .outcomeNotInRegime(outcome, regime, remedy: remedy)
        }
        if outcome == .noResponseRequired && details.earlierCase == nil {
            throw .outOfOrder(
                action: "close the case under s.17(6)",
                reason: "s.17(6) relies on a refusal notice given for an earlier request", remedy: .giveEarlierCase)
        }
    }

    /// The case after `steps`, each checked as if recorded one by one on `today` (an imported history).
    public func replaying(_ steps: [RecordedEvent], rules: CaseRules, today: CivilDate) throws(LifecycleError) -> Case {
        try Self.requireHappened("log a request", on: received, today: today)
        var file = self
        for recorded in steps {
            try file.requireLawful(recorded, rules: rules, today: today)
            file = try file.applying(file.preparing(recorded, calendars: rules.calendars), catalogue: rules.catalogue)
        }
        return file
    }

    /// What a change of calendars does to this case: a deadline-moved event for each clock still waiting whose date
    /// it moves (the board's, and the requester's window to ask for a review), dated `today` (or the receipt, if
    /// later) and worded with `reason`, and the state after them; nil when nothing moves, no date stopped (or
    /// started) being provisional (as when published data replaces a year's generated holidays) and no date of the
    /// timeliness figures changed.
    public func changingCalendars(from old: CaseRules, to new: CaseRules, because reason: String, today: CivilDate)
        throws(LifecycleError) -> (moves: [RecordedEvent], state: CaseState)?
    {
        struct Key: Hashable {
            var name: ClockName
            var startedOn: CivilDate
            var task: Int?
        }
        let previous = try state(old)
        let before = Dictionary(
            previous.clocks.filter(\.isPending).map { (Key(name: $0.name, startedOn: $0.startedOn, task: $0.task), $0) }
        ) { first, _ in first }
        let after = try state(new)
        let reflagged =
            previous.deadline.provisional != after.deadline.provisional
            || after.clocks.filter(\.isPending).contains {
                before[Key(name: $0.name, startedOn: $0.startedOn, task: $0.task)].map(\.provisional) ?? $0.provisional
                    != $0.provisional
            }
        let moves = after.clocks.filter(\.isPending).compactMap { clock -> RecordedEvent? in
            guard let old = before[Key(name: clock.name, startedOn: clock.startedOn, task: clock.task)]?.due,
                let moved = clock.due,
                old != moved
            else { return nil }
            // The response clock's moves were worded without the clock's name before the other clocks had any.
            let wording = clock.name == .response ? reason : "\(clock.title): \(reason)"
            return RecordedEvent(
                date: max(today, received), event: .deadlineMoved(from: old, to: moved, reason: wording))
        }
        // The timeliness figures' dates too: a request answered early whose statutory date a holiday moves.
        guard !moves.isEmpty || reflagged || previous.timeliness != after.timeliness else { return nil }
        // A deadline-moved event changes nothing but the history: the dates are those just computed.
        var moved = self
        moved.history += moves
        return (
            moves, CaseState(file: moved, deadline: after.deadline, clocks: after.clocks, timeliness: after.timeliness)
        )
    }

    /// An exemption decision for this case: the citation as officers write it normalised (`s.31(1)(a)` →
    /// `31(1)(a)`), the part the case's own regime unless one is given.
    public func exemptionDecision(
        citing citation: String, part: Regime? = nil, neitherConfirmNorDeny: Bool = false,
        publicInterest: PublicInterestConclusion? = nil, catalogue: ExemptionCatalogue
    ) throws(LifecycleError) -> ExemptionDecision {
        let decision = ExemptionDecision(
            citation: ExemptionCatalogue.normalise(citation), part: part ?? regime,
            neitherConfirmNorDeny: neitherConfirmNorDeny, publicInterest: publicInterest)
        // An unknown section is refused with the step, which says where else it exists; a known section with
        // subsections it does not have is refused here, for new decisions only: a replayed history keeps the
        // citations it was recorded with.
        if let exemption = catalogue.exemption(citing: decision.citation, in: decision.part),
            !exemption.names(decision.citation)
        {
            throw .unknownProvision(
                citation: decision.citation, exemption: exemption.label,
                provisions: exemption.provisions.map { exemption.section + $0 })
        }
        if let exemption = catalogue.exemption(citing: decision.citation, in: decision.part),
            let limbs = exemption.unnamedLimbs(decision.citation)
        {
            throw .unspecifiedLimb(
                citation: decision.citation, exemption: exemption.label, limbs: limbs,
                example: exemption.firstNamedLimb(under: decision.citation) ?? limbs[0])
        }
        return decision
    }

    /// A request for review received on `date`; with `declineIfLate`, one the authority refuses to consider
    /// because it came after the requester's window (refused if it came in time), by its letter of `declinedOn`
    /// (default: the day the request came).
    public func reviewRequest(
        by: String?, on date: CivilDate, declineIfLate: Bool, declinedOn: CivilDate? = nil, grounds: String? = nil,
        calendars: Calendars
    ) throws(LifecycleError) -> CaseEvent {
        guard declineIfLate, let window = try reviewRequestWindow(calendars: calendars) else {
            return .reviewRequested(ReviewRequest(by: by, grounds: grounds))
        }
        guard date > window.due else { throw .reviewInTime(lastDay: window.due) }
        if let declinedOn, declinedOn < date {
            throw .beforeItsCause(
                action: "decline a request for review", date: declinedOn, cause: "request for review", causeDate: date)
        }
        let declined = declinedOn == date ? nil : declinedOn
        return .reviewRequested(
            ReviewRequest(
                by: by, outOfTime: OutOfTime(lastDay: window.due, accepted: false, declinedOn: declined),
                grounds: grounds))
    }

    /// The requester's window to ask for a review: from the response once there is one; before it, under the
    /// regimes that allow a review of a failure to respond, from the response deadline.
    func reviewRequestWindow(calendars: Calendars) throws(LifecycleError) -> ClockDate? {
        guard respondedOn != nil || (status.isOpen && status != .awaitingFee && regime.reviewsFailureToRespond)
        else { return nil }
        do {
            return try Clocks.reviewRequestWindow(
                response: respondedOn, responseDue: try deadline(calendars: calendars).finalDate, regime: regime,
                calendars: calendars)
        } catch {
            throw .deadline(error)
        }
    }
}

extension Holiday {
    /// How a deadline moved by this holiday's addition is explained in the case history.
    public var additionReason: String { "bank holiday added: \(title) (\(division.name)) on \(date)" }
}

extension Case {
    /// The day the case closed: its last step, once the request is answered or ended and no review, complaint,
    /// appeal or ordered step is under way; nil while anything is. A retention period runs from it.
    public var closedOn: CivilDate? {
        guard !status.isOpen, !reviews.contains(where: \.isUnderWay), !complaints.contains(where: \.isUnderWay),
            !appeals.contains(where: \.isUnderWay), !complaints.contains(where: \.awaitsCompliance)
        else { return nil }
        return standingSteps.last(where: \.event.closesTheCase)?.date
    }
}

extension CaseEvent {
    /// Whether the step is a remark on the case rather than part of its business (a note, a moved date, an
    /// anonymisation): the case does not close on it.
    var closesTheCase: Bool {
        switch self {
        case .note, .deadlineMoved, .anonymised, .corrected, .voided, .commented: false
        case .received, .acknowledged, .clarificationRequested, .clarificationReceived, .clarificationLapsed,
            .feeNoticeIssued, .feePaid, .feeLapsed, .transferred, .withdrawn, .split, .searchRecorded,
            .exemptionApplied, .extended, .responded, .requestRecorded, .reasoningRecorded, .letterIssued,
            .publicationDecided, .assigned, .reopened, .reviewRequested, .reviewExtended, .reviewDecided,
            .complaintNotified, .submissionsRequested, .submissionsSent, .decisionNoticeIssued,
            .decisionNoticeComplied, .complaintClosed, .appealLodged, .hearingListed, .appealDecided,
            .exemptionWithdrawn, .answerRecorded, .taskGiven, .taskDone, .taskDeclined, .flagged, .approvalRequested,
            .approved, .approvalRejected,
            .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned,
            .qualifiedPersonOpinion:
            true
        }
    }

    /// Whether recording the step changes nothing of the case but its history (a note, an anonymisation), in any
    /// status: a store may append it without replaying the case.
    public var isRemark: Bool {
        switch self {
        case .note, .anonymised, .commented: true
        case .received, .acknowledged, .clarificationRequested, .clarificationReceived, .clarificationLapsed,
            .feeNoticeIssued, .feePaid, .feeLapsed, .transferred, .withdrawn, .split, .searchRecorded,
            .exemptionApplied, .extended, .responded, .requestRecorded, .reasoningRecorded, .letterIssued,
            .publicationDecided, .assigned, .reopened, .deadlineMoved, .reviewRequested, .reviewExtended,
            .reviewDecided, .complaintNotified, .submissionsRequested, .submissionsSent, .decisionNoticeIssued,
            .decisionNoticeComplied, .complaintClosed, .appealLodged, .hearingListed, .appealDecided, .corrected,
            .voided,
            .exemptionWithdrawn, .answerRecorded, .taskGiven, .taskDone, .taskDeclined, .flagged, .approvalRequested,
            .approved, .approvalRejected,
            .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned,
            .qualifiedPersonOpinion:
            false
        }
    }
}
