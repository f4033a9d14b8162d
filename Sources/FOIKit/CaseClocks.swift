/// The clocks a case can have, each started by one step and met by another.
public enum ClockName: String, CaseIterable, Codable, Hashable, Sendable {
    case response
    /// FOIA s.17(1): the refusal notice, due within the s.10(1) time while the public interest is considered.
    case refusalNotice = "refusal-notice"
    /// A reopened case's further response.
    case furtherResponse = "further-response"
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
    /// The last day to ask the Tribunal for permission to appeal its decision (to the Upper Tribunal).
    case permissionWindow = "permission-window"
    /// A contributor's task: the office's own date, within the case's (Tasks.swift).
    case task
    /// The stage of sign-off the chain waits for: the office's own date (Approvals.swift).
    case signOff = "sign-off"

    /// Whose move the clock waits for, which decides where the board shows it.
    public var watch: ClockWatch {
        switch self {
        case .response, .refusalNotice, .furtherResponse, .review, .submissions, .compliance, .task, .signOff: .duty
        case .appealWindow, .hearing, .permissionWindow: .date
        case .clarificationLapse, .feeLapse, .reviewWindow, .regulatorWindow: .requester
        }
    }

    /// Whether the board shows it. The requester's windows to ask for a review or complain are shown on the case
    /// only: every response opens one, and they need nothing of the authority; so is the refusal notice, due on the
    /// day the response clock shows until an extension moves it.
    /// A task or a stage of sign-off is the office's own date, not the law's: the board lists the case by its
    /// statutory clocks, and the tasks and stages in a section of their own.
    public var isOnBoard: Bool {
        self != .reviewWindow && self != .regulatorWindow && self != .refusalNotice && self != .task
            && self != .signOff
    }

    /// For people: `internal review`, `decision notice steps`.
    public var title: String {
        switch self {
        case .response: "response"
        case .refusalNotice: "refusal notice (s.17(1))"
        case .furtherResponse: "further response (reopened)"
        case .clarificationLapse: "clarification lapses"
        case .feeLapse: "fee lapses"
        case .reviewWindow: "requester may ask for review"
        case .review: "internal review"
        case .regulatorWindow: "requester may complain"
        case .submissions: "submissions to regulator"
        case .compliance: "decision notice steps"
        case .appealWindow: "last day to appeal"
        case .hearing: "tribunal hearing"
        case .permissionWindow: "last day to seek permission to appeal"
        case .task: "contributor task"
        case .signOff: "sign-off"
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
    /// Not begun: it runs from a day still to come (a window that opens if a deadline passes unanswered).
    case notStarted = "not-started"
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
    /// A task's number in its case; nil for every other clock.
    public var task: Int?
    /// The stage of sign-off a sign-off clock waits for; nil for every other clock.
    public var stage: Int?

    /// For people: the clock's title, with a task's number or a stage of sign-off.
    public var title: String {
        if let task { return "task \(task)" }
        if let stage { return "sign-off stage \(stage)" }
        return name.title
    }

    /// Still waiting for its step: the board's clocks.
    public var isPending: Bool { metOn == nil && stoppedOn == nil && due != nil }

    public func status(today: CivilDate) -> ClockStatus {
        if let metOn { return due.map { metOn <= $0 ? .met : .missed } ?? .met }
        guard let due, stoppedOn == nil else { return .stopped }
        if today < startedOn { return .notStarted }
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
        if let notice = try refusalNoticeClock(calendars: calendars) { clocks.append(notice) }
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
        if let fee = fees.last, let lapse = try Clocks.feeLapse(notice: fee.notice, regime: regime, calendar: calendar)
        {
            var clock = CaseClock(lapse, .feeLapse, startedOn: fee.notice, started: "fees notice given")
            clock.metOn = fee.paid
            if clock.metOn == nil, status != .awaitingFee {
                clock.stop(statusSince, because: "the case is \(status.phrase)")
            }
            clocks.append(clock)
        }
        clocks += try responseAfterReopening(calendars: calendars)
        clocks += try reviewClocks(deadline: deadline, calendars: calendars)
        for complaint in complaints {
            clocks += try complaintClocks(complaint, calendars: calendars)
        }
        for task in tasks { clocks.append(try taskClock(task, caseDue: deadline.finalDate, calendars: calendars)) }
        if let signOff = try signOffClock(calendars: calendars) { clocks.append(signOff) }
        return clocks
    }

    private func responseClock(_ deadline: ResponseDeadline) -> CaseClock {
        var clock = CaseClock(
            name: .response, startedOn: received, due: deadline.finalDate, citation: deadline.citation,
            isGuidance: false,
            provisional: deadline.provisional, derivation: [])
        // The first response met (or missed) the duty, whatever followed it: a reopened case keeps it (RULES.md §5.1).
        if let first = responses.first {
            clock.metOn = first.on
            if responses.count > 1 || reopenedAfterResponse != nil {
                clock.derivation.append(
                    "met by the first response, \(first.on.longDescription); later ones do not change it")
            }
            return clock
        }
        switch status {
        case .awaitingClarification, .awaitingFee:
            clock.stop(statusSince, because: "paused: the case is \(status.phrase)")
        case .withdrawn, .transferred, .lapsed:
            clock.stop(statusSince, because: "the case is \(status.phrase)")
        case .open, .extended, .responded:
            break
        }
        return clock
    }

    /// FOIA s.10(3) and s.17(1): while the public interest is considered (a qualified exemption applied before the
    /// response, or an extension given), the refusal notice is still due within the s.10(1) time; the extension's
    /// notice meets it, an extension given late (`lateExtension`) misses it. A response given without an extension
    /// was the notice, and the response clock says whether it was in time.
    private func refusalNoticeClock(calendars: Calendars) throws(DeadlineError) -> CaseClock? {
        let considering = responses.isEmpty && status.isOpen && exemptions.contains { $0.publicInterest != nil }
        guard regime == .foia, considering || publicInterestExtension != nil || lateExtension != nil else {
            return nil
        }
        var unextended = clockInput
        unextended.publicInterestExtension = nil
        let deadline = try ResponseClock.deadline(for: unextended, calendars: calendars)
        var clock = CaseClock(
            name: .refusalNotice, startedOn: received, due: deadline.due,
            citation: "FOIA s.17(1): the refusal notice within the s.10(1) time, an extension of s.10(3) not "
                + "affecting it", isGuidance: false, provisional: deadline.provisional, derivation: [])
        if let given = publicInterestExtension == nil ? lateExtension : extendedOn {
            clock.metOn = given
            clock.derivation.append("given with the notice of the extension, \(given.longDescription)")
        } else if let first = responses.first {
            clock.metOn = first.on
        } else if !status.isOpen || status == .awaitingClarification || status == .awaitingFee {
            clock.stop(statusSince, because: "the case is \(status.phrase)")
        }
        return clock
    }

    /// After a case answered once is reopened, a further response is due: no statute dates it, so the tool counts
    /// 20 working days from the reopening as a target.
    private func responseAfterReopening(calendars: Calendars) throws(DeadlineError) -> [CaseClock] {
        guard let reopened = reopenedAfterResponse else { return [] }
        let calendar = calendars.calendar(regime.calendarKind)
        let due = try calendar.date(adding: 20, workingDaysTo: reopened)
        var clock = CaseClock(
            ClockDate(
                due: due, citation: "no statute dates a further response: 20 working days from the reopening",
                isGuidance: true, provisional: calendar.isProvisional(from: reopened, through: due)),
            .furtherResponse, startedOn: reopened, started: "case reopened")
        if let respondedOn, respondedOn >= reopened {
            clock.metOn = respondedOn
        } else if !status.isOpen {
            clock.stop(statusSince, because: "the case is \(status.phrase)")
        }
        return [clock]
    }

    /// The requester's window to ask for a review, every review's clock, and after each the window to complain.
    private func reviewClocks(deadline: ResponseDeadline, calendars: Calendars) throws(DeadlineError) -> [CaseClock] {
        var clocks: [CaseClock] = []
        let failureReview = reviews.last { $0.subject == .failureToRespond }
        if let respondedOn,
            let window = try Clocks.reviewRequestWindow(
                response: respondedOn, responseDue: deadline.finalDate, regime: regime, calendars: calendars)
        {
            // FOISA s.20(5)(a): from the later of the response and the s.10 deadline; say which it was.
            let fromDeadline = regime == .foisa ? deadline.finalDate.flatMap { $0 > respondedOn ? $0 : nil } : nil
            var clock = CaseClock(
                window, .reviewWindow, startedOn: fromDeadline ?? respondedOn,
                started: fromDeadline == nil ? "response sent" : "s.10 deadline (the response came before it)")
            if let review = reviews.first(where: { $0.requested >= respondedOn && $0.subject == .response }) {
                clock.metOn = review.requested
                if let late = review.request.outOfTime {
                    clock.derivation.append(
                        "the request for review came late, on \(review.requested.longDescription): "
                            + "\(late.accepted ? "accepted" : "declined")"
                    )
                }
            }
            clocks.append(clock)
        } else if regime.reviewsFailureToRespond,
            failureReview != nil || (responses.isEmpty && (status == .open || status == .extended)),
            let due = deadline.finalDate,
            let window = try Clocks.reviewRequestWindow(
                response: nil, responseDue: due, regime: regime, calendars: calendars)
        {
            // FOISA s.20(5)(a), EIR reg 11(2), EIR(S) reg 16(2): the window to require a review of a failure to
            // respond runs from the response deadline, whether or not a review is asked for (audit LD1).
            var clock = CaseClock(
                window, .reviewWindow, startedOn: due,
                started: failureReview == nil
                    ? "the response deadline, if it passes unanswered" : "response deadline passed unanswered")
            clock.metOn = failureReview?.requested
            clocks.append(clock)
        }
        for review in reviews where !review.isDeclined {
            let date = try reviewDue(review, calendars: calendars)
            var clock = CaseClock(
                date, .review, startedOn: review.requested,
                started: "request for review \(review.subject.phrase) received")
            if let reason = review.extensionReason, let extendedTo = review.extendedTo {
                clock.derivation.append("extended to \(extendedTo) working days: \(reason)")
            }
            clock.metOn = review.decided
            clocks.append(clock)
        }
        for review in reviews {
            guard let window = try regulatorWindow(after: review, calendars: calendars) else { continue }
            var clock = CaseClock(window.date, .regulatorWindow, startedOn: window.start, started: window.started)
            if let complaint = complaints.first(where: { $0.notified >= review.requested }) {
                clock.metOn = complaint.notified
            }
            clocks.append(clock)
        }
        if regime == .sar, reviews.isEmpty, let respondedOn {
            var clock = CaseClock(
                Clocks.regulatorWindow(from: respondedOn, regime: regime), .regulatorWindow, startedOn: respondedOn,
                started: "response sent")
            clock.metOn = complaints.first { $0.notified >= respondedOn }?.notified
            clocks.append(clock)
        }
        return clocks
    }

    /// The window to complain after `review`: from its outcome, from the letter declining a late request, or
    /// (FOISA s.47(4)(b), EIR(S) reg 17) from the end of the review period when it goes unanswered.
    private func regulatorWindow(after review: Review, calendars: Calendars) throws(DeadlineError)
        -> (date: ClockDate, start: CivilDate, started: String)?
    {
        if let declined = review.declinedOn {
            return (
                Clocks.regulatorWindow(from: declined, regime: regime), declined, "late request for review declined"
            )
        }
        if let decided = review.decided {
            return (Clocks.regulatorWindow(from: decided, regime: regime), decided, "review decided")
        }
        guard regime == .foisa || regime == .eirs else { return nil }
        let due = try reviewDue(review, calendars: calendars).due
        return (
            Clocks.regulatorWindow(from: due, regime: regime, unanswered: true), due,
            "the review period ends (if the review goes unanswered)"
        )
    }

    /// The day `review` is due: its regime's period (the Keeper's 30 working days, FOISA s.21(2)), as extended.
    func reviewDue(_ review: Review, calendars: Calendars) throws(DeadlineError) -> ClockDate {
        try Clocks.reviewDue(
            requested: review.requested, regime: regime, calendars: calendars, keeper: receipt.period == .keeper,
            extendedTo: review.extendedTo)
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
            if clock.metOn == nil, let ended = complaint.decided ?? complaint.closed {
                clock.stop(
                    ended,
                    because: complaint.decided != nil
                        ? "the decision notice was issued first" : "the complaint was \(complaint.ending?.label ?? "")")
            }
            clocks.append(clock)
        }
        guard let decided = complaint.decided, let notice = complaint.decisionNotice else { return clocks }
        let sent = notice.sent ?? decided
        let appealWindow = try Clocks.appealWindow(noticeSent: sent, regime: regime, calendars: calendars)
        let firstTier = complaint.appeals.filter { $0.lodging.level == .firstTier }
        if notice.ordersSteps {
            clocks.append(
                noticeCompliance(notice, decided: decided, appealWindow: appealWindow, complaint: complaint))
        }
        var window = CaseClock(
            appealWindow, .appealWindow, startedOn: sent, started: "decision notice \(notice.reference) sent")
        window.metOn = firstTier.first?.lodged
        clocks.append(window)
        var stepsDue = notice.ordersSteps
        for appeal in complaint.appeals {
            clocks += try appealClocks(appeal, complaint: complaint, stepsDue: stepsDue, calendars: calendars)
            if appeal.lodging.level == .firstTier, let decision = appeal.decision {
                stepsDue = decision.leavesSteps(appellant: appeal.lodging.appellant, before: stepsDue)
            }
        }
        return clocks
    }

    /// The steps a decision notice orders: by the date it gives, else 35 days (the ICO) or the end of the appeal
    /// period (the SIC); never before the appeal period ends (FOIA s.50(6), FOISA s.49(7)); stopped while the
    /// authority's own appeal is pending.
    private func noticeCompliance(
        _ notice: DecisionNotice, decided: CivilDate, appealWindow: ClockDate, complaint: Complaint
    ) -> CaseClock {
        let law = complaint.regulator == .sic ? "FOISA s.49(7)" : "FOIA s.50(6)"
        var date =
            notice.complyBy.map {
                ClockDate(
                    due: $0, citation: "decision notice \(notice.reference): the date it gives", isGuidance: false,
                    provisional: false)
            }
            ?? (complaint.regulator == .sic
                ? ClockDate(
                    due: appealWindow.due, citation: "\(law): not before the end of the appeal period",
                    isGuidance: false, provisional: appealWindow.provisional)
                : Clocks.decisionNoticeCompliance(notice: decided))
        var moved: CivilDate?
        if date.due < appealWindow.due {
            moved = date.due
            date.due = appealWindow.due
            date.provisional = appealWindow.provisional
        }
        var clock = CaseClock(
            date, .compliance, startedOn: decided,
            started: "decision notice \(notice.reference) (\(notice.outcome.label))")
        if let moved {
            clock.derivation.append(
                "moved from \(moved.longDescription) to the end of the appeal period: the time for compliance cannot "
                    + "expire before it (\(law))")
        }
        if let steps = notice.steps { clock.derivation.append("steps ordered: \(steps)") }
        let authorityAppeal = complaint.appeals.first {
            $0.lodging.level == .firstTier && $0.lodging.appellant == .authority
        }
        if let complied = complaint.complied, authorityAppeal.map({ complied < ($0.decided ?? complied) }) ?? true {
            clock.metOn = complied
        } else if let authorityAppeal {
            clock.stop(
                authorityAppeal.lodged,
                because: "the authority appealed: no step need be taken until the appeal is decided or withdrawn "
                    + "(\(law))")
        }
        return clock
    }

    /// An appeal's hearing, the steps its decision sets (a revived or substituted duty), and the window to appeal
    /// that decision onward.
    private func appealClocks(_ appeal: Appeal, complaint: Complaint, stepsDue: Bool, calendars: Calendars)
        throws(DeadlineError) -> [CaseClock]
    {
        var clocks: [CaseClock] = []
        let lodging = appeal.lodging
        if let hearing = appeal.hearing {
            var clock = CaseClock(
                ClockDate(
                    due: hearing, citation: "hearing of appeal \(lodging.reference)", isGuidance: false,
                    provisional: false),
                .hearing, startedOn: appeal.lodged,
                started: "appeal \(lodging.reference) lodged by the \(lodging.appellant.rawValue)")
            if let decided = appeal.decided {
                if decided < hearing {
                    clock.stop(decided, because: "the appeal was decided before the hearing")
                } else {
                    clock.metOn = hearing
                }
            }
            clocks.append(clock)
        }
        guard lodging.level == .firstTier, let decided = appeal.decided, let decision = appeal.decision else {
            return clocks
        }
        if decision.setsSteps(appellant: lodging.appellant, before: stepsDue) {
            let revived = lodging.appellant == .authority && decision.outcome != .allowed
            var clock = CaseClock(
                Clocks.complianceAfterAppeal(
                    decided: decided, complyBy: decision.complyBy, withdrawn: decision.outcome == .withdrawn,
                    scottish: regime == .foisa || regime == .eirs),
                .compliance,
                startedOn: decided,
                started: revived
                    ? "the authority's appeal \(lodging.reference) \(decision.outcome.label): the steps are due again"
                    : "appeal \(lodging.reference) \(decision.outcome.label): the Tribunal's substituted notice")
            if let steps = decision.steps { clock.derivation.append("steps ordered: \(steps)") }
            clock.metOn = complaint.complied.flatMap { $0 >= decided ? $0 : nil }
            clocks.append(clock)
        }
        // A withdrawal (r.17) decides nothing, so there is nothing to ask permission to appeal against (LD3).
        if regime == .foia || regime == .eir, decision.outcome != .withdrawn {
            var window = CaseClock(
                try Clocks.permissionToAppeal(decisionSent: decided, calendars: calendars), .permissionWindow,
                startedOn: decided, started: "the Tribunal decided appeal \(lodging.reference)")
            window.metOn =
                complaint.appeals.first { $0.lodging.level == .upperTribunal && $0.lodged >= decided }?.lodged
            clocks.append(window)
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
                switch lodging.level {
                case .firstTier:
                    window = try Clocks.appealWindow(
                        noticeSent: complaint.decisionNotice?.sent ?? decided, regime: regime, calendars: calendars)
                case .upperTribunal:
                    guard let tribunal = complaint.appeals.last(where: { $0.lodging.level == .firstTier }),
                        let tribunalDecided = tribunal.decided
                    else { return recorded }
                    window = try Clocks.permissionToAppeal(decisionSent: tribunalDecided, calendars: calendars)
                }
            } catch {
                throw .deadline(error)
            }
            lodging.lastDay = recorded.date > window.due ? window.due : nil
            return RecordedEvent(date: recorded.date, event: .appealLodged(lodging))
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
