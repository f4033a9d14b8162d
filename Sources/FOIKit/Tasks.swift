// Contributor tasks: a question put to someone in another department, due on a date that is a clock of the case.
// The task's count stops when the case's clock stops and restarts the way the statute restarts the case's, and it is
// never due after the case itself.

/// What the Fees Regulations let an estimate of the cost of compliance count (SI 2004/3244 reg 4(3); the Scottish
/// Fees Regulations count the same staff time): determining whether the information is held, locating it,
/// retrieving it, and extracting it. Time spent on anything else (redacting, considering exemptions) does not count.
public enum CostActivity: String, CaseIterable, Codable, Hashable, Sendable {
    case determining, locating, retrieving, extracting

    /// For people: `determining whether it is held`.
    public var phrase: String {
        switch self {
        case .determining: "determining whether it is held"
        case .locating: "locating it"
        case .retrieving: "retrieving it"
        case .extracting: "extracting it"
        }
    }
}

/// A question put to a contributor: what the response needs from another department.
public struct TaskRequest: Hashable, Sendable {
    /// The task's number in its case: 1 for the first given, and so on.
    public var number: Int
    /// Who answers it: a user, or a team any member of which (or of a team under it) may.
    public var contributor: Party
    /// The question, in the officer's words (personal free text: it may quote the request).
    public var ask: String
    /// Working days in the case's calendar from the day it is given.
    public var workingDays: Int

    public init(number: Int, contributor: Party, ask: String, workingDays: Int) {
        self.number = number
        self.contributor = contributor
        self.ask = ask
        self.workingDays = workingDays
    }

    /// The working days a task may be given: at least one, at most the longest period any regime gives.
    public static let allowedWorkingDays = 1...60
    /// The working days a task is given unless the office's `task-days` setting says otherwise.
    public static let defaultWorkingDays = 5

    /// The working days a `task-days` setting gives.
    public static func workingDays(setting text: String) throws(SettingError) -> Int {
        try Settings.Key.taskDays.workingDays(text, allowed: allowedWorkingDays)
    }
}

/// A contributor's answer to a task, with the time it took.
public struct TaskAnswer: Hashable, Sendable {
    public var number: Int
    /// The answer (personal free text).
    public var answer: String
    /// Hours spent; they count toward the cost estimate only with one of the activities the regulations allow.
    public var hours: Double?
    public var activity: CostActivity?

    public init(number: Int, answer: String, hours: Double? = nil, activity: CostActivity? = nil) {
        self.number = number
        self.answer = answer
        self.hours = hours
        self.activity = activity
    }

    /// The most hours one answer can log: more than the cost limit of every regime several times over.
    public static let maximumHours = 1000.0
}

/// A task of a case, as its events leave it.
public struct CaseTask: Hashable, Sendable {
    public var request: TaskRequest
    public var given: CivilDate
    public var state: State

    public enum State: Hashable, Sendable {
        case open
        case done(on: CivilDate, TaskAnswer)
        case declined(on: CivilDate, reason: String)
    }

    public var number: Int { request.number }
    public var isOpen: Bool { state == .open }

    /// The hours the answer logged against an activity that counts toward the cost estimate.
    public var countedHours: Double? {
        guard case .done(_, let answer) = state, answer.activity != nil else { return nil }
        return answer.hours
    }
}

/// Where a task stands, as the listings show it.
public enum TaskStanding: String, CaseIterable, Codable, Hashable, Sendable {
    /// Waiting for the contributor (its date unknown while the case's clock is stopped).
    case open
    case done
    case declined
    /// The case closed (answered, withdrawn, transferred, lapsed) with the task unanswered.
    case ended
}

/// A task with where it stands and its date, as the projection keeps it and the listings read it.
public struct TaskRecord: Hashable, Sendable {
    public var task: CaseTask
    public var standing: TaskStanding
    /// The task's date; nil while the case's clock is stopped, or once the task was declined or its case closed.
    public var due: CivilDate?
}

/// One task in a listing: the case's reference and subject (never its requester), the contributor, the dates.
public struct TaskSummary: Hashable, Sendable {
    public var reference: CaseReference
    public var subject: String
    /// The case's regime, whose calendar counts the task's days.
    public var regime: Regime
    public var number: Int
    public var contributor: Party
    /// The user's name, or `the team Legal`.
    public var contributorName: String
    public var standing: TaskStanding
    public var given: CivilDate
    public var due: CivilDate?
    public var closed: CivilDate?
    public var hours: Double?
    public var activity: CostActivity?

    public init(
        reference: CaseReference, subject: String, regime: Regime, number: Int, contributor: Party,
        contributorName: String,
        standing: TaskStanding, given: CivilDate, due: CivilDate?, closed: CivilDate?, hours: Double?,
        activity: CostActivity?
    ) {
        self.reference = reference
        self.subject = subject
        self.regime = regime
        self.number = number
        self.contributor = contributor
        self.contributorName = contributorName
        self.standing = standing
        self.given = given
        self.due = due
        self.closed = closed
        self.hours = hours
        self.activity = activity
    }
}

/// Which tasks a listing shows.
public struct TaskFilter: Hashable, Sendable {
    /// Those one user answers (given to them, or to a team they are in or a team above it); nil: everyone's.
    public var contributor: UserID?
    /// Those given to one team or a team under it, or to a member of one of them.
    public var team: TeamID?
    /// One case's; nil: every case's.
    public var reference: CaseReference?
    public var standings: Set<TaskStanding>
    /// Only those whose date has passed (open ones).
    public var overdue: Bool

    public init(
        contributor: UserID? = nil, team: TeamID? = nil, reference: CaseReference? = nil,
        standings: Set<TaskStanding> = [.open], overdue: Bool = false
    ) {
        self.contributor = contributor
        self.team = team
        self.reference = reference
        self.standings = standings
        self.overdue = overdue
    }
}

extension CaseState {
    /// The case's tasks with where each stands and its date from its clock.
    public var taskRecords: [TaskRecord] {
        let clocks = Dictionary(clocks.compactMap { clock in clock.task.map { ($0, clock) } }) { first, _ in first }
        return file.tasks.map { task in
            let clock = clocks[task.number]
            let standing: TaskStanding =
                switch task.state {
                case .open: file.status.isOpen ? .open : .ended
                case .done: .done
                case .declined: .declined
                }
            return TaskRecord(task: task, standing: standing, due: clock?.stoppedOn == nil ? clock?.due : nil)
        }
    }
}

/// Why a task cannot be given, answered or declined.
public enum TaskProblem: Hashable, Sendable, CustomStringConvertible {
    /// No task of that number: the case has `count` tasks.
    case unknown(number: Int, count: Int)
    /// The task was answered or declined already.
    case closed(number: Int, on: CivilDate)
    /// A task numbered out of turn (the next is `expected`).
    case numberOutOfTurn(number: Int, expected: Int)
    case workingDaysOutOfRange(Int)
    /// The task would be due after the case's own due date.
    case dueAfterCase(due: CivilDate, caseDue: CivilDate)
    /// A task given by a date with no working day between the day it is given and that date.
    case noWorkingDay(given: CivilDate, due: CivilDate)
    /// The case's clock is stopped with no due date to give a task by.
    case caseClockStopped(ClockState)
    /// An activity without hours, or hours out of range.
    case hours(Double?)
    case blankText(String)

    public var description: String {
        switch self {
        case .unknown(let number, 0): "the case has no task \(number): it has no tasks"
        case .unknown(let number, let count): "the case has no task \(number): its tasks are 1 to \(count)"
        case .closed(let number, let on): "task \(number) was closed on \(on)"
        case .numberOutOfTurn(let number, let expected): "task \(number) is out of turn: the next task is \(expected)"
        case .workingDaysOutOfRange(let days):
            "a task is given \(TaskRequest.allowedWorkingDays.lowerBound) to "
                + "\(TaskRequest.allowedWorkingDays.upperBound) working days, not \(days)"
        case .dueAfterCase(let due, let caseDue):
            "the task would be due on \(due), after the case's own due date, \(caseDue); give it by \(caseDue) or "
                + "earlier"
        case .noWorkingDay(let given, let due):
            "a task given on \(given) and due by \(due) would have no working day to do it in"
        case .caseClockStopped(let state):
            switch state {
            case .awaitingClarification(let since):
                "the case's clock is stopped for clarification since \(since): a task is given once it runs again"
            case .awaitingFee(let since, _):
                "the case's clock is stopped for a fee since \(since): a task is given once it runs again"
            case .running: "the case has no due date"
            }
        case .hours(let hours?): "hours are from 0 to \(Int(TaskAnswer.maximumHours)), not \(hours)"
        case .hours(nil): "an activity is given with the hours spent on it"
        case .blankText(let what): "the \(what) is blank"
        }
    }
}

extension Case {
    /// The hours logged by tasks against the activities the Fees Regulations count.
    public var countedTaskHours: Double { tasks.compactMap(\.countedHours).reduce(0, +) }

    mutating func give(_ request: TaskRequest, on date: CivilDate) throws(LifecycleError) {
        guard request.number == tasks.count + 1 else {
            throw .task(.numberOutOfTurn(number: request.number, expected: tasks.count + 1))
        }
        guard TaskRequest.allowedWorkingDays.contains(request.workingDays) else {
            throw .task(.workingDaysOutOfRange(request.workingDays))
        }
        guard !request.ask.allSatisfy(\.isWhitespace) else { throw .task(.blankText("question")) }
        tasks.append(CaseTask(request: request, given: date, state: .open))
    }

    mutating func close(task number: Int, as state: CaseTask.State) throws(LifecycleError) {
        guard tasks.indices.contains(number - 1) else { throw .task(.unknown(number: number, count: tasks.count)) }
        switch state {
        case .open: break
        case .done(_, let answer):
            guard !answer.answer.allSatisfy(\.isWhitespace) else { throw .task(.blankText("answer")) }
            if let hours = answer.hours, !(0...TaskAnswer.maximumHours).contains(hours) { throw .task(.hours(hours)) }
            if answer.activity != nil, answer.hours == nil { throw .task(.hours(nil)) }
        case .declined(_, let reason):
            guard !reason.allSatisfy(\.isWhitespace) else { throw .reasonRequired(action: "decline a task") }
        }
        let given = tasks[number - 1].given
        if case .done(let on, _) = state, on < given {
            throw .beforeItsCause(action: "answer task \(number)", date: on, cause: "task", causeDate: given)
        }
        if case .declined(let on, _) = state, on < given {
            throw .beforeItsCause(action: "decline task \(number)", date: on, cause: "task", causeDate: given)
        }
        switch tasks[number - 1].state {
        case .open: tasks[number - 1].state = state
        case .done(let on, _), .declined(let on, _): throw .task(.closed(number: number, on: on))
        }
    }

    /// The working days from `given` to `due` in the case's calendar: a task given by a date rather than a count.
    public func taskWorkingDays(given: CivilDate, due: CivilDate, calendars: Calendars) throws(LifecycleError) -> Int {
        let days: Int
        do { days = try calendars.calendar(regime.calendarKind).workingDays(after: given, through: due) } catch {
            throw .deadline(error)
        }
        guard days > 0 else { throw .task(.noWorkingDay(given: given, due: due)) }
        return days
    }

    /// A new task may not be due after the case: checked when it is given, with the case's clock running.
    func requireTaskWithinCase(_ request: TaskRequest, on date: CivilDate, calendars: Calendars)
        throws(LifecycleError)
    {
        var given = self
        try given.give(request, on: date)
        let deadline: ResponseDeadline
        let task: CaseClock
        do {
            deadline = try self.deadline(calendars: calendars)
            task = try given.taskClock(given.tasks[given.tasks.count - 1], caseDue: nil, calendars: calendars)
        } catch {
            throw .deadline(error)
        }
        guard let caseDue = deadline.finalDate else { throw .task(.caseClockStopped(deadline.state)) }
        if let due = task.due, due > caseDue { throw .task(.dueAfterCase(due: due, caseDue: caseDue)) }
    }

    /// The clock of `task`: its working days from the day it was given, stopped while the case's clock is stopped
    /// and restarted the way the statute restarts the case's (a clarification starts the count again, a fee's days
    /// do not count; for a subject access request the other way round), never after `caseDue`.
    func taskClock(_ task: CaseTask, caseDue: CivilDate?, calendars: Calendars) throws(DeadlineError) -> CaseClock {
        let given = task.given
        // The stops of the case's clock in the terms of a working-day count: a clarification restarts it, a fee
        // pauses it; a subject access request's clarification pauses it and its fee moves the relevant time.
        let restarts: [Clarification]
        let pauses: [FeePeriod]
        if regime == .sar {
            restarts = fees.map { Clarification(requested: $0.notice, received: $0.paid) }
            pauses = clarifications.compactMap { clarification in
                clarification.requested.map { FeePeriod(notice: $0, paid: clarification.received) }
            }
        } else {
            restarts = clarifications
            pauses = fees
        }
        let input = ResponseClockInput(
            regime: regime == .sar ? .foia : regime, received: given,
            clarifications: restarts.filter { ($0.received ?? given) >= given },
            fees: pauses.filter { ($0.paid ?? given) >= given }.map {
                FeePeriod(notice: max($0.notice, given), paid: $0.paid)
            },
            rule: .workingDays(
                task.request.workingDays, citation: "the task's \(task.request.workingDays) working days"))
        let deadline = try ResponseClock.workingDayDeadline(input, calendars.calendar(regime.calendarKind))
        var clock = CaseClock(
            name: .task, startedOn: given, due: deadline.due, citation: deadline.citation, isGuidance: true,
            provisional: deadline.provisional,
            derivation: [
                "given \(given.longDescription): \(task.request.workingDays) working days in the case's calendar"
            ])
        clock.task = task.number
        if deadline.dayZero != given {
            clock.derivation.append(
                "counted again from \(deadline.dayZero.longDescription), when the case's clock started again")
        }
        for pause in deadline.disregarded {
            clock.derivation.append(
                "\(pause.workingDays) working days from \(pause.notice.longDescription) to "
                    + "\(pause.paid.longDescription) do not count: the case's clock was stopped")
        }
        switch deadline.state {
        case .running: break
        case .awaitingClarification(let since), .awaitingFee(let since, _):
            clock.stop(since, because: "the case's clock is stopped: the task's count stops with it")
        }
        if let caseDue, let due = clock.due, due > caseDue {
            clock.due = caseDue
            clock.derivation.append("brought forward to the case's own due date, \(caseDue.longDescription)")
        }
        switch task.state {
        case .open:
            if clock.stoppedOn == nil, !status.isOpen {
                clock.stop(statusSince, because: "the case is \(status.phrase)")
            }
        case .done(let on, _): clock.metOn = on
        case .declined(let on, _):
            clock.stoppedOn = nil
            clock.stop(on, because: "declined")
        }
        return clock
    }
}

/// What routes a case to more eyes than the officer's: the press office, legal, the minister's private office, a
/// case likely to draw attention, a requester with a history of requests refused as vexatious.
public enum CaseFlag: String, CaseIterable, Codable, Hashable, Sendable {
    case press, legal
    case privateOffice = "private-office"
    case highProfile = "high-profile"
    case vexatiousHistory = "vexatious-history"
}

extension Case {
    mutating func flag(_ flag: CaseFlag, removed: Bool) throws(LifecycleError) {
        guard flags.contains(flag) == removed else { throw .flag(flag, raised: !removed) }
        flags = CaseFlag.allCases.filter { $0 == flag ? !removed : flags.contains($0) }
    }
}
