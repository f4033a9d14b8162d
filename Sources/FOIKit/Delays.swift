// Where the days went: the spans in which a case's response waited on someone other than its officer (a contributor
// with a task, an approver with a stage of sign-off), counted in the case's working days. Most late responses are
// late in the departments, not in the FOI office: this is how an office shows where.

/// A span in which the response waited on one person or team: a contributor's task or an approver's stage of
/// sign-off.
public struct Wait: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The task of this number in its case.
        case task(Int)
        /// This stage of the chain of sign-off (1 for the first approver).
        case signOff(stage: Int)
    }

    public var kind: Kind
    public var on: Party
    public var from: CivilDate
    /// The day the wait ended: the answer, the decision, or the day the count stopped (the response, the as-at day).
    public var until: CivilDate
    /// The working days `d` of the case's calendar with `from < d ≤ until`.
    public var workingDays: Int

    public init(kind: Kind, on: Party, from: CivilDate, until: CivilDate, workingDays: Int) {
        self.kind = kind
        self.on = on
        self.from = from
        self.until = until
        self.workingDays = workingDays
    }
}

extension Case {
    /// The waits of the response: each task given by the end of `answered` (the response, or the as-at day) from the
    /// day it was given to its answer or refusal, up to `answered` (its present contributor waited on); and each
    /// stage of the latest chain of sign-off of the response letter from the day it was reached to its decision, up
    /// to `asAt` (a response recorded before its letter is signed off still waits on its approvers). A chain that
    /// starts again after a rejection counts from the rejection, so the redraft is in the first approver's next
    /// span; a bypass ends the stage it waited for.
    public func waits(answered: CivilDate, asAt: CivilDate, calendars: Calendars) throws(DeadlineError) -> [Wait] {
        let calendar = calendars.calendar(regime.calendarKind)
        func wait(_ kind: Wait.Kind, on party: Party, from: CivilDate, until: CivilDate, end: CivilDate)
            throws(DeadlineError) -> Wait?
        {
            guard from <= end else { return nil }
            let until = min(until, end)
            return Wait(
                kind: kind, on: party, from: from, until: until,
                workingDays: try calendar.workingDays(after: from, through: until))
        }
        let answered = min(answered, asAt)
        var waits: [Wait] = []
        for task in tasks {
            let until: CivilDate =
                switch task.state {
                case .open: answered
                case .done(let on, _), .declined(let on, _): on
                }
            if let found = try wait(
                .task(task.number), on: task.request.contributor, from: task.given, until: until, end: answered)
            {
                waits.append(found)
            }
        }
        for span in approval?.spans ?? [] {
            if let found = try wait(
                .signOff(stage: span.stage), on: span.approver, from: span.from, until: span.until ?? asAt, end: asAt)
            {
                waits.append(found)
            }
        }
        return waits
    }
}

/// A late response with the waits that went into it.
public struct LateResponse: Hashable, Sendable {
    public var entry: TimelinessEntry
    /// The working days after the last permitted date to the response (or to the as-at day, still unanswered).
    public var workingDaysLate: Int
    public var waits: [Wait]

    public init(entry: TimelinessEntry, workingDaysLate: Int, waits: [Wait]) {
        self.entry = entry
        self.workingDaysLate = workingDaysLate
        self.waits = waits
    }
}

/// Where the late days went: the late responses falling due in a period, and on whom they waited.
public struct DelayReport: Hashable, Sendable {
    public var period: ReportingPeriod
    public var asAt: CivilDate
    public var late: [LateResponse]

    /// One person's (or team's) share of the waiting: working days on tasks and on sign-off, over how many late
    /// responses.
    public struct Share: Hashable, Sendable {
        public var party: Party
        public var taskDays = 0
        public var signOffDays = 0
        public var responses = 0
        public var total: Int { taskDays + signOffDays }
    }

    /// Of `entries`, the requests late as at `asAt`, each with its waits from `files` (by reference).
    public init(
        period: ReportingPeriod, asAt: CivilDate, entries: [TimelinessEntry], files: [CaseReference: Case],
        calendars: Calendars
    ) throws(DeadlineError) {
        self.period = period
        self.asAt = asAt
        var late: [LateResponse] = []
        for entry in entries where entry.kind == .request && entry.standing(asAt: asAt) == .late {
            let answered = min(entry.answered ?? asAt, asAt)
            late.append(
                LateResponse(
                    entry: entry,
                    workingDaysLate: try calendars.calendar(entry.regime.calendarKind).workingDays(
                        after: entry.due, through: answered),
                    waits: try files[entry.reference]?.waits(answered: answered, asAt: asAt, calendars: calendars)
                        ?? []))
        }
        self.late = late.sorted {
            ($0.entry.due, $0.entry.reference.rawValue) < ($1.entry.due, $1.entry.reference.rawValue)
        }
    }

    /// Each person waited on, the most days first.
    public var shares: [Share] {
        var shares: [Party: Share] = [:]
        for response in late {
            for party in Set(response.waits.map(\.on)) { shares[party, default: Share(party: party)].responses += 1 }
            for wait in response.waits {
                switch wait.kind {
                case .task: shares[wait.on, default: Share(party: wait.on)].taskDays += wait.workingDays
                case .signOff: shares[wait.on, default: Share(party: wait.on)].signOffDays += wait.workingDays
                }
            }
        }
        // The most days first; between equals, in the order they were first waited on.
        let order = Dictionary(
            late.flatMap(\.waits).map(\.on).enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        return shares.values.sorted { ($1.total, order[$0.party] ?? 0) < ($0.total, order[$1.party] ?? 0) }
    }
}
