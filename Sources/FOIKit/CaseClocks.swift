/// The clocks a case can have, each started by one step and met by another.
public enum ClockName: String, CaseIterable, Codable, Hashable, Sendable {
    case response
    case clarificationLapse = "clarification-lapse"
    case feeLapse = "fee-lapse"
    /// The requester's window to ask for a review.
    case reviewWindow = "review-window"
    case review
    /// The requester's window to complain to the ICO (apply to the SIC).
    case regulatorWindow = "regulator-window"
    /// The regulator's date for the authority's submissions.
    case submissions
    /// The steps a decision notice ordered.
    case compliance
    /// The last day to appeal against a decision notice.
    case appealWindow = "appeal-window"
    case hearing

    /// Whose move the clock waits for, which decides where the board shows it.
    public var watch: ClockWatch {
        switch self {
        case .response, .review, .submissions, .compliance: .duty
        case .appealWindow, .hearing: .date
        case .clarificationLapse, .feeLapse, .reviewWindow, .regulatorWindow: .requester
        }
    }

    /// Whether the board shows it. The requester's windows to ask for a review or complain are shown on the case
    /// only: every response opens one, and they need nothing of the authority.
    public var isOnBoard: Bool { self != .reviewWindow && self != .regulatorWindow }

    /// For people: `internal review`, `decision notice steps`.
    public var title: String {
        switch self {
        case .response: "response"
        case .clarificationLapse: "clarification lapses"
        case .feeLapse: "fee lapses"
        case .reviewWindow: "requester may ask for review"
        case .review: "internal review"
        case .regulatorWindow: "requester may complain"
        case .submissions: "submissions to regulator"
        case .compliance: "decision notice steps"
        case .appealWindow: "last day to appeal"
        case .hearing: "tribunal hearing"
        }
    }
}

/// Whose move a clock waits for.
public enum ClockWatch: String, CaseIterable, Codable, Hashable, Sendable {
    /// The authority must act by the date: past it, the case is overdue.
    case duty
    /// A date to watch: an appeal window, a hearing.
    case date
    /// The requester's move: after the date the case may be closed, or the window has shut.
    case requester

    /// Whether a clock of this kind is overdue once its date has passed: only the authority's own duties are.
    public var canBeOverdue: Bool { self == .duty }

    /// Whether a clock of this kind is shown as coming up: a duty or a date to watch, not the requester's move.
    public var isUpcoming: Bool { self != .requester }
}

/// Where a clock stands on a given day.
public enum ClockStatus: String, Codable, Hashable, Sendable {
    /// Counting, its date not yet passed.
    case running
    /// The step it waited for came by its date.
    case met
    /// Its date passed without the step, or the step came late.
    case missed
    /// Paused (waiting on the requester) or ended by another step (a withdrawal, an appeal).
    case stopped
}

/// The organisation's choices that set clocks the law leaves open.
public struct ClockPolicy: Hashable, Sendable {
    /// Working days to wait for clarification before closing the request (no statute sets it: RULES.md §4.2).
    public var clarificationLapseWorkingDays: Int

    public static let defaultClarificationLapseWorkingDays = 60

    public init(clarificationLapseWorkingDays: Int = defaultClarificationLapseWorkingDays) {
        self.clarificationLapseWorkingDays = clarificationLapseWorkingDays
    }
}

/// One clock of a case: when it started, its date, and what ended it.
public struct CaseClock: Hashable, Sendable {
    public var name: ClockName
    public var startedOn: CivilDate
    /// The last day; nil while the response clock is stopped with its date unknown.
    public var due: CivilDate?
    /// The provision or guidance that sets the date.
    public var citation: String
    /// Guidance or practice rather than statute: a target, never a breach.
    public var isGuidance: Bool
    public var provisional: Bool
    /// The day the step it waited for happened.
    public var metOn: CivilDate?
    /// The day another step paused or ended it.
    public var stoppedOn: CivilDate?
    /// How the date was reached: what started the clock, what paused, extended or ended it.
    public var derivation: [String]

    /// Still waiting for its step: the board's clocks.
    public var isPending: Bool { metOn == nil && stoppedOn == nil && due != nil }

    public func status(today: CivilDate) -> ClockStatus {
        if let metOn { return due.map { metOn <= $0 ? .met : .missed } ?? .met }
        guard let due, stoppedOn == nil else { return .stopped }
        // A hearing is a day to attend, not a step to take: once it has passed it was held.
        if today > due { return name == .hearing ? .met : .missed }
        return .running
    }
}

extension Clocks {
    /// The last day to appeal against a decision notice: the First-tier Tribunal's 28 days (FOIA, EIR, SAR), or
    /// for FOISA and EIR(S) an appeal on a point of law to the Court of Session within 42 days (s.56, to confirm).
    public static func appealWindow(noticeSent: CivilDate, regime: Regime, calendars: Calendars) throws(DeadlineError)
        -> ClockDate
    {
        switch regime {
        case .foisa, .eirs:
            ClockDate(
                due: noticeSent.adding(days: 42),
                citation: "FOISA s.56: 42 days to appeal to the Court of Session (to confirm)",
                isGuidance: false, provisional: false)
        case .foia, .eir, .sar:
            try tribunalAppeal(noticeSent: noticeSent, calendars: calendars)
        }
    }

    /// The day an unanswered request for clarification may be treated as lapsed: the organisation's setting.
    public static func clarificationLapse(requested: CivilDate, workingDays: Int, calendar: WorkingDayCalendar)
        throws(DeadlineError) -> ClockDate
    {
        let due = try calendar.date(adding: workingDays, workingDaysTo: requested)
        return ClockDate(
            due: due,
            citation: "organisation setting: \(workingDays) working days without clarification (no statute sets it)",
            isGuidance: true, provisional: calendar.isProvisional(from: requested, through: due))
    }
}

extension Case {
    /// Every clock of the case, in the order the case met them, as its events define them, each with its derivation.
    public func clocks(calendars: Calendars, policy: ClockPolicy = ClockPolicy()) throws(DeadlineError) -> [CaseClock] {
        let deadline = try deadline(calendars: calendars)
        var clocks = try clocks(response: deadline, calendars: calendars, policy: policy)
        clocks[0].derivation = deadline.explanation(calendars: calendars) + clocks[0].derivation
        return clocks
    }

    /// The clocks with the response deadline already computed, for the store's projection: the response clock's
    /// derivation (the full explanation, the costly part) is left to `clocks(calendars:policy:)`.
    public func clocks(response deadline: ResponseDeadline, calendars: Calendars, policy: ClockPolicy)
        throws(DeadlineError) -> [CaseClock]
    {
        let calendar = calendars.calendar(regime.calendarKind)
        var clocks = [responseClock(deadline)]
        if let clarification = clarifications.last, let requested = clarification.requested {
            let date = try Clocks.clarificationLapse(
                requested: requested, workingDays: policy.clarificationLapseWorkingDays, calendar: calendar)
            var clock = CaseClock(date, .clarificationLapse, startedOn: requested, started: "clarification requested")
            clock.metOn = clarification.received
            if clock.metOn == nil, status != .awaitingClarification {
                clock.stop(statusSince, because: "the case is \(status.phrase)")
            }
            clocks.append(clock)
        }
        if let fee = fees.last {
            var clock = CaseClock(
                try Clocks.feeLapse(notice: fee.notice, regime: regime, calendar: calendar), .feeLapse,
                startedOn: fee.notice, started: "fees notice given")
            clock.metOn = fee.paid
            if clock.metOn == nil, status != .awaitingFee {
                clock.stop(statusSince, because: "the case is \(status.phrase)")
            }
            clocks.append(clock)
        }
        if let respondedOn {
            let window = try Clocks.reviewRequestWindow(
                response: respondedOn, responseDue: deadline.finalDate, regime: regime, calendars: calendars)
            // FOISA s.20(5)(a): from the later of the response and the s.10 deadline; say which it was.
            let fromDeadline = regime == .foisa ? deadline.finalDate.flatMap { $0 > respondedOn ? $0 : nil } : nil
            var clock = CaseClock(
                window, .reviewWindow, startedOn: fromDeadline ?? respondedOn,
                started: fromDeadline == nil ? "response sent" : "s.10 deadline (the response came before it)")
            if let review, review.requested >= respondedOn {
                clock.metOn = review.requested
                if let late = review.request.outOfTime {
                    clock.derivation.append(
                        "the request for review came late, on \(review.requested.longDescription): "
                            + "\(late.accepted ? "accepted" : "declined")"
                    )
                }
            }
            clocks.append(clock)
        }
        if let review, !review.isDeclined {
            let date = try Clocks.reviewDue(
                requested: review.requested, regime: regime, calendars: calendars, extendedTo: review.extendedTo)
            var clock = CaseClock(date, .review, startedOn: review.requested, started: "request for review received")
            if let reason = review.extensionReason, let extendedTo = review.extendedTo {
                clock.derivation.append("extended to \(extendedTo) working days: \(reason)")
            }
            clock.metOn = review.decided
            clocks.append(clock)
        }
        if let review, let start = review.isDeclined ? review.requested : review.decided {
            let window = Clocks.regulatorWindow(from: start, regime: regime)
            var clock = CaseClock(
                window, .regulatorWindow, startedOn: start,
                started: review.isDeclined ? "late request for review declined" : "review decided")
            if let complaint, complaint.notified >= start { clock.metOn = complaint.notified }
            clocks.append(clock)
        }
        if let complaint {
            clocks += try complaintClocks(complaint, calendars: calendars)
        }
        return clocks
    }

    private func responseClock(_ deadline: ResponseDeadline) -> CaseClock {
        var clock = CaseClock(
            name: .response, startedOn: received, due: deadline.finalDate, citation: deadline.citation,
            isGuidance: false,
            provisional: deadline.provisional, derivation: [])
        switch status {
        case .responded:
            clock.metOn = respondedOn
        case .awaitingClarification, .awaitingFee:
            clock.stop(statusSince, because: "paused: the case is \(status.phrase)")
        case .withdrawn, .transferred, .lapsed:
            clock.stop(statusSince, because: "the case is \(status.phrase)")
        case .open, .extended:
            break
        }
        return clock
    }

    private func complaintClocks(_ complaint: Complaint, calendars: Calendars) throws(DeadlineError) -> [CaseClock] {
        var clocks: [CaseClock] = []
        let regulator = complaint.regulator.shortName
        if let due = complaint.submissionsDue, let requested = complaint.submissionsRequested {
            var clock = CaseClock(
                ClockDate(
                    due: due, citation: "the \(regulator)'s date for submissions (\(complaint.reference))",
                    isGuidance: false, provisional: false),
                .submissions, startedOn: requested, started: "the \(regulator) asked for submissions")
            clock.metOn = complaint.submissionsSent
            if clock.metOn == nil, let decided = complaint.decided {
                clock.stop(decided, because: "the decision notice was issued first")
            }
            clocks.append(clock)
        }
        guard let decided = complaint.decided, let notice = complaint.decisionNotice else { return clocks }
        let appealHere = appeal.flatMap { $0.lodged >= decided ? $0 : nil }
        if notice.ordersSteps {
            let date =
                notice.complyBy.map {
                    ClockDate(
                        due: $0, citation: "decision notice \(notice.reference): the date it gives", isGuidance: false,
                        provisional: false)
                }
                ?? Clocks.decisionNoticeCompliance(notice: decided)
            var clock = CaseClock(
                date, .compliance, startedOn: decided,
                started: "decision notice \(notice.reference) (\(notice.outcome.label))")
            if let steps = notice.steps { clock.derivation.append("steps ordered: \(steps)") }
            clock.metOn = complaint.complied
            if clock.metOn == nil, let appealHere, appealHere.lodging.appellant == .authority {
                clock.stop(
                    appealHere.lodged,
                    because:
                        "the authority appealed: no step need be taken until the appeal is decided (FOIA s.50(6), to "
                        + "confirm)"
                )
            }
            clocks.append(clock)
        }
        let sent = notice.sent ?? decided
        var window = CaseClock(
            try Clocks.appealWindow(noticeSent: sent, regime: regime, calendars: calendars), .appealWindow,
            startedOn: sent, started: "decision notice \(notice.reference) sent")
        window.metOn = appealHere?.lodged
        clocks.append(window)
        if let appealHere, let hearing = appealHere.hearing {
            var clock = CaseClock(
                ClockDate(
                    due: hearing, citation: "hearing of appeal \(appealHere.lodging.reference)", isGuidance: false,
                    provisional: false),
                .hearing, startedOn: appealHere.lodged,
                started: "appeal \(appealHere.lodging.reference) lodged by the \(appealHere.lodging.appellant.rawValue)"
            )
            if let decided = appealHere.decided {
                if decided < hearing {
                    clock.stop(decided, because: "the appeal was decided before the hearing")
                } else {
                    clock.metOn = hearing
                }
            }
            clocks.append(clock)
        }
        return clocks
    }

    /// The step with the facts only a calendar can give: whether a request for review or an appeal came late.
    func preparing(_ recorded: RecordedEvent, calendars: Calendars) throws(LifecycleError) -> RecordedEvent {
        switch recorded.event {
        case .reviewRequested(var request):
            // A declined request was checked as late when it was made (`reviewRequest(by:on:declineIfLate:)`).
            guard request.outOfTime?.accepted != false, let window = try reviewRequestWindow(calendars: calendars)
            else {
                return recorded
            }
            request.outOfTime = recorded.date > window.due ? OutOfTime(lastDay: window.due, accepted: true) : nil
            return RecordedEvent(date: recorded.date, event: .reviewRequested(request))
        case .appealLodged(var lodging):
            guard let complaint, let decided = complaint.decided else { return recorded }
            let window: ClockDate
            do {
                window = try Clocks.appealWindow(
                    noticeSent: complaint.decisionNotice?.sent ?? decided, regime: regime, calendars: calendars)
            } catch {
                throw .deadline(error)
            }
            lodging.lastDay = recorded.date > window.due ? window.due : nil
            return RecordedEvent(date: recorded.date, event: .appealLodged(lodging))
        default:
            return recorded
        }
    }
}

extension CaseClock {
    init(_ date: ClockDate, _ name: ClockName, startedOn: CivilDate, started: String) {
        self.init(
            name: name, startedOn: startedOn, due: date.due, citation: date.citation, isGuidance: date.isGuidance,
            provisional: date.provisional,
            derivation: [
                "\(date.citation)\(date.isGuidance ? " (guidance)" : "")",
                "started \(startedOn.longDescription): \(started)",
            ])
    }

    mutating func stop(_ date: CivilDate, because reason: String) {
        stoppedOn = date
        derivation.append("stopped \(date.longDescription): \(reason)")
    }
}
