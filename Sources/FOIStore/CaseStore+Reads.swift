import FOIKit
import GRDB

extension CaseStore {
    /// How many cases the database holds.
    public func caseCount() async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0 }
    }

    /// The case with `reference`, replayed from its events.
    public func caseFile(_ reference: CaseReference) async throws -> Case {
        try await read { db in try loadCase(reference, db).1 }
    }

    /// Those of `references` that name a case, in one read.
    public func existing(_ references: [CaseReference]) async throws -> Set<CaseReference> {
        try await read { db in
            var found: Set<CaseReference> = []
            for chunk in chunked(references) {
                for ref in try String.fetchAll(
                    db, sql: "SELECT ref FROM cases WHERE ref IN (\(placeholders(chunk.count)))",
                    arguments: StatementArguments(chunk.map(\.rawValue)))
                {
                    found.insert(CaseReference(rawValue: ref))
                }
            }
            return found
        }
    }

    /// Everything about one case: projection, requester, history, deadline and clocks. Without `requester`, the
    /// requesters table is not read at all (a letter for publication).
    public func detail(_ reference: CaseReference, requester withRequester: Bool = true) async throws -> CaseDetail {
        try await read { db in try detail(reference, requester: withRequester, db).detail }
    }

    /// The case `reference` as `detail` reads it, with the rules it was read with, in `db`.
    func detail(_ reference: CaseReference, requester withRequester: Bool, _ db: Database) throws
        -> (detail: CaseDetail, rules: CaseRules)
    {
        let caseID = try Self.caseID(reference, db)
        let rules = try rules(db)
        let events = try EventLog.events(ofCase: caseID, db)
        let file = try EventLog.replay(reference, events: events, catalogue: catalogue)
        let requester =
            try !withRequester
            ? nil
            : Row.fetchOne(
                db,
                sql: """
                    SELECT r.name, r.email, r.address FROM requesters r JOIN cases c ON c.requester_id = r.id
                    WHERE c.id = ?
                    """, arguments: [caseID]
            ).map { Requester(name: $0["name"], email: $0["email"], address: $0["address"]) }
        do {
            let detail = CaseDetail(
                summary: try Projection.summary(caseID: caseID, db), requester: requester, events: events,
                deadline: try file.deadline(calendars: rules.calendars), file: file,
                clocks: try file.clocks(calendars: rules.calendars, policy: rules.policy),
                linked: try linkedCases(of: file, db),
                names: Names(users: try Users.all(db), teams: try Teams.all(db)))
            return (detail, rules)
        } catch let error as DeadlineError {
            throw StoreError.deadline(error)
        }
    }

    /// The other cases of `file`'s request: the case it was split from and that case's other parts, then its own.
    private func linkedCases(of file: Case, _ db: Database) throws -> [LinkedCase] {
        var linked: [(LinkedCase.Relation, CaseReference)] = []
        if let origin = file.receipt.splitFrom {
            linked.append((.splitFrom, origin))
            if let originID = try? Self.caseID(origin, db) {
                let originFile = try EventLog.replay(
                    origin, events: try EventLog.events(ofCase: originID, db), catalogue: catalogue)
                linked += originFile.parts.map(\.into).filter { $0 != file.reference }.map { (.part, $0) }
            }
        }
        linked += file.parts.map { (.part, $0.into) }
        return try linked.compactMap { relation, reference in
            // A linked reference always names a case (cases are never deleted); one that does not is left out.
            guard let caseID = try? Self.caseID(reference, db) else { return nil }
            return LinkedCase(relation: relation, summary: try Projection.summary(caseID: caseID, db))
        }
    }

    public func lastEventID(of reference: CaseReference?) async throws -> Int64 {
        try await read { db in
            guard let reference else { return try Int64.fetchOne(db, sql: "SELECT max(id) FROM events") ?? 0 }
            return try Int64.fetchOne(
                db, sql: "SELECT max(id) FROM events WHERE case_id = (SELECT id FROM cases WHERE ref = ?)",
                arguments: [reference.rawValue]) ?? 0
        }
    }

    public func stepCount(of reference: CaseReference) async throws -> Int {
        try await read { db in
            // The projection's count of the case's history, which `verify` checks against the events.
            guard
                let count = try Int.fetchOne(
                    db, sql: "SELECT event_count FROM cases WHERE ref = ?", arguments: [reference.rawValue])
            else { throw StoreError.caseNotFound(reference) }
            return count
        }
    }

    /// The cases `filter` selects, in due-date order (cases without a date last), then by reference.
    public func list(_ filter: CaseFilter, today: CivilDate) async throws -> [CaseSummary] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        func any(_ column: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            conditions.append("\(column) IN (\(placeholders(values.count)))")
            arguments += StatementArguments(values)
        }
        any("status", filter.statuses.map(\.rawValue))
        any("stage", filter.stages.map(\.rawValue))
        any("regime", filter.regime.map { [$0.rawValue] } ?? [])
        if let handler = filter.handler {
            let (condition, values) = Self.handled(by: handler, column: "id")
            conditions.append(condition)
            arguments += values
        }
        if let from = filter.receivedFrom {
            conditions.append("received_on >= ?")
            arguments += [from]
        }
        if let to = filter.receivedTo {
            conditions.append("received_on <= ?")
            arguments += [to]
        }
        if let flag = filter.flag {
            conditions.append("id IN (SELECT case_id FROM case_flags WHERE flag = ?)")
            arguments += [flag.rawValue]
        }
        if let text = filter.matching {
            // instr, not LIKE: the text's own % and _ are letters to find, not patterns.
            conditions.append("(instr(lower(ref), lower(?)) > 0 OR instr(lower(subject), lower(?)) > 0)")
            arguments += [text, text]
        }
        var clockConditions: [String] = []
        if let clock = filter.clock {
            clockConditions.append("clock = ?")
            arguments += [clock.rawValue]
        }
        if filter.overdue {
            clockConditions.append("\(Self.watched(\.canBeOverdue)) AND due_on < ?")
            arguments += [today]
        }
        if let days = filter.dueWithinWorkingDays {
            let (withinHorizon, values) = try dueByHorizon(from: today, workingDays: days)
            clockConditions.append(
                "\(Self.watched(\.isUpcoming)) AND (\(Self.watched(\.canBeOverdue)) OR due_on >= ?) AND "
                    + "\(withinHorizon)"
            )
            arguments += [today] + values
        }
        if !clockConditions.isEmpty {
            conditions.append(
                "id IN (SELECT case_id FROM case_clocks WHERE \(clockConditions.joined(separator: " AND ")))")
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limitClause = filter.limit.map { " LIMIT \($0)" } ?? ""
        return try await read { db in
            try Projection.summaries(
                sql: """
                    SELECT \(Projection.summaryColumns) FROM cases \(whereClause)
                    ORDER BY due_on IS NULL, due_on, ref\(limitClause)
                    """, arguments: arguments, db
            ).map(\.summary)
        }
    }

    /// Today's board, over every running clock: the authority's clocks past their date (most overdue first), every
    /// clock due within `horizon` working days of its case's regime calendar, and the cases waiting on the requester
    /// (by the day they may be closed); each section counted in full and listed up to `limit` rows (nil: all).
    public func board(
        today: CivilDate, horizon: Int = 5, limit: Int? = nil, handler: HandlerFilter? = nil,
        among: [CaseReference]? = nil
    ) async throws -> Board {
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        let sectionConditions = try boardSections(today: today, horizon: horizon, handler: handler, among: among)
        let calendars = calendars
        let (sections, quarter, others) = try await read {
            db -> ([BoardSection], TimelinessFigures, (count: Int, rows: [BoardWait])) in
            let sections = try sectionConditions.map { condition, arguments, index in
                let count = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM case_clocks WHERE \(condition)", arguments: arguments)
                let clocks = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT case_id, clock, due_on, provisional FROM case_clocks INDEXED BY \(index)
                        WHERE \(condition) ORDER BY due_on, case_id\(limitClause)
                        """, arguments: arguments)
                let summaries = try Projection.summaries(ofCases: clocks.map { $0[0] }, db)
                return BoardSection(
                    count: count ?? 0,
                    rows: try clocks.map { row in
                        guard let summary = summaries[row[0]], let clock = ClockName(rawValue: row[1]),
                            let due: CivilDate = row[2]
                        else { throw StoreError.unreadableCase(id: row[0]) }
                        do {
                            return BoardRow(
                                summary: summary, clock: clock, due: due, provisional: row[3],
                                workingDaysLeft: try calendars.workingDaysLeft(
                                    until: due, regime: summary.regime, today: today))
                        } catch let error as DeadlineError {
                            throw StoreError.deadline(error)
                        }
                    })
            }
            return (
                sections,
                try Self.requestTimeliness(
                    dueIn: ReportingPeriod.quarter(of: today).dates, today: today, handler: handler, db),
                try self.tasksAndSignOff(
                    today: today, horizon: horizon, limit: limit, handler: handler, among: among, db)
            )
        }
        return Board(
            today: today, overdue: sections[0], dueSoon: sections[1], awaiting: sections[2], quarter: quarter,
            tasksAndSignOff: others)
    }

    public func boardEntries(today: CivilDate, horizon: Int, handler: HandlerFilter?) async throws -> [[BoardEntry]] {
        let sectionConditions = try boardSections(today: today, horizon: horizon, handler: handler, among: nil)
        return try await read { db in
            try sectionConditions.map { condition, arguments, index in
                try Row.fetchAll(
                    db,
                    // The case's columns by subqueries: a join would make the conditions' columns ambiguous.
                    sql: """
                        SELECT case_id, (SELECT ref FROM cases WHERE cases.id = case_clocks.case_id), clock,
                               (SELECT event_count FROM cases WHERE cases.id = case_clocks.case_id)
                        FROM case_clocks INDEXED BY \(index) WHERE \(condition) ORDER BY due_on, case_id
                        """, arguments: arguments
                ).map { row in
                    guard let clock = ClockName(rawValue: row[2]) else { throw StoreError.unreadableCase(id: row[0]) }
                    return BoardEntry(reference: CaseReference(rawValue: row[1]), clock: clock, steps: row[3])
                }
            }
        }
    }

    /// The board's three sections (overdue, due soon, awaiting the requester) as conditions on `case_clocks` with
    /// their arguments, each with the index that holds its rows in the section's order: read through it, a limit
    /// stops the scan early, where SQLite's planner would otherwise sort every match. The partial indexes'
    /// conditions are written from the same `ClockWatch` values as these (schema/0003_case_clocks.sql).
    private func boardSections(
        today: CivilDate, horizon: Int, handler: HandlerFilter?, among: [CaseReference]?
    ) throws -> [(condition: String, arguments: StatementArguments, index: String)] {
        let (selected, selectedArguments) = Self.selection(handler: handler, among: among)
        let (withinHorizon, horizonArguments) = try dueByHorizon(from: today, workingDays: horizon)
        return [
            ("\(Self.watched(\.canBeOverdue)) AND due_on < ?", [today], "case_clocks_duties"),
            (
                "\(Self.watched(\.isUpcoming)) AND due_on >= ? AND \(withinHorizon)", [today] + horizonArguments,
                "case_clocks_upcoming"
            ),
            (Self.watched { !$0.isUpcoming }, [], "case_clocks_requester"),
        ].map { condition, arguments, index in
            ("\(condition) AND \(selected)", arguments + selectedArguments, index)
        }
    }

    /// The condition on `case_id` selecting the cases `handler` and `among` name, with its arguments.
    private static func selection(handler: HandlerFilter?, among: [CaseReference]?) -> (String, StatementArguments) {
        var (selected, selectedArguments) = handler.map { Self.handled(by: $0, column: "case_id") } ?? ("1", [])
        if let among {
            selected += " AND case_id IN (SELECT id FROM cases WHERE ref IN (\(placeholders(among.count))))"
            selectedArguments += StatementArguments(among.map(\.rawValue))
        }
        return (selected, selectedArguments)
    }

    /// The open tasks (`case_tasks`) and the stages of sign-off awaited (`case_signoffs`) of the cases selected,
    /// overdue or due within `horizon` working days of each case's calendar, the earliest first: how many, and the
    /// first `limit`.
    private func tasksAndSignOff(
        today: CivilDate, horizon: Int, limit: Int?, handler: HandlerFilter?, among: [CaseReference]?, _ db: Database
    ) throws -> (count: Int, rows: [BoardWait]) {
        let (selected, selectedArguments) = Self.selection(handler: handler, among: among)
        let (withinHorizon, horizonArguments) = try dueByHorizon(from: today, workingDays: horizon)
        // Each table read on its own, in the order of its index on the date, so that a limit stops the scan early
        // (a union would be sorted whole: 90 ms for 30,000 tasks); the two are merged here. One shape for both: a
        // task's number or the stage's, the one waited on, and the case's columns.
        let arms = [
            (
                "case_tasks", "t.state = 'open' AND t.due_on IS NOT NULL",
                "t.case_id AS case_id, 'task' AS kind, t.task AS number, t.user_id AS user_id, t.team_id AS team_id"
            ),
            (
                "case_signoffs", "1",
                "t.case_id AS case_id, 'sign-off' AS kind, t.stage AS number, t.user_id AS user_id, "
                    + "t.team_id AS team_id"
            ),
        ]
        var count = 0
        var rows: [Row] = []
        for (table, open, columns) in arms {
            // Overdue ones need no case's calendar: counted from the index alone.
            count +=
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM \(table) t WHERE \(open) AND t.due_on < ? AND \(selected)",
                    arguments: [today] + selectedArguments) ?? 0
            let arm = """
                SELECT \(columns), t.due_on AS due_on, c.regime AS regime, c.ref AS ref, c.subject AS subject
                FROM \(table) t JOIN cases c ON c.id = t.case_id WHERE \(open)
                """
            count +=
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM (\(arm)) WHERE due_on >= ? AND \(withinHorizon) AND \(selected)",
                    arguments: [today] + horizonArguments + selectedArguments) ?? 0
            rows += try Row.fetchAll(
                db,
                sql: """
                    SELECT case_id, kind, number, user_id, team_id, due_on, regime, ref, subject,
                           coalesce((SELECT name FROM users WHERE users.id = user_id),
                                    'the team ' || (SELECT name FROM teams WHERE teams.id = team_id))
                    FROM (\(arm)) WHERE \(withinHorizon) AND \(selected)
                    ORDER BY due_on, ref, number\(limit.map { " LIMIT \($0)" } ?? "")
                    """, arguments: horizonArguments + selectedArguments)
        }
        rows.sort { ($0[5] as String, $0[7] as String, $1[1] as String, $0[2] as Int) < ($1[5], $1[7], $0[1], $1[2]) }
        if let limit { rows = Array(rows.prefix(limit)) }
        return (
            count,
            try rows.map { row in
                guard let regime = Regime(rawValue: row[6]), let due: CivilDate = row[5] else {
                    throw StoreError.unreadableCase(id: row[0])
                }
                let number: Int = row[2]
                let party: Party =
                    if let team: Int = row[4] { .team(TeamID(rawValue: team)) } else { .user(UserID(rawValue: row[3])) }
                do {
                    return BoardWait(
                        reference: CaseReference(rawValue: row[7]), subject: row[8], regime: regime,
                        kind: row[1] == "task" ? .task(number) : .signOff(stage: number), on: party,
                        onName: row[9] ?? "", due: due,
                        workingDaysLeft: try calendars.workingDaysLeft(until: due, regime: regime, today: today))
                } catch let error as DeadlineError {
                    throw StoreError.deadline(error)
                }
            }
        )
    }

    /// Every running clock on the board (`case_clocks`), every open task with a date (`case_tasks`) and every stage
    /// of sign-off awaited (`case_signoffs`), or those of `clocks` only, of the cases `handler` selects, in date
    /// order: what `foi calendar` writes.
    public func calendarClocks(_ clocks: [ClockName], handler: HandlerFilter?) async throws -> [CalendarClock] {
        // The clocks as rows of one shape from each table: a task's number, where no other clock has one.
        let arms: [(clocks: [ClockName], namesTheClock: Bool, sql: String)] = [
            (
                ClockName.allCases.filter { $0 != .task && $0 != .signOff }, true,
                """
                SELECT c.id, c.ref, c.regime, c.stage, c.event_count, t.clock, t.due_on, t.provisional, NULL
                FROM case_clocks t JOIN cases c ON c.id = t.case_id WHERE 1
                """
            ),
            (
                [.task], false,
                """
                SELECT c.id, c.ref, c.regime, c.stage, c.event_count, 'task', t.due_on, 0, t.task
                FROM case_tasks t JOIN cases c ON c.id = t.case_id WHERE t.state = 'open' AND t.due_on IS NOT NULL
                """
            ),
            (
                [.signOff], false,
                """
                SELECT c.id, c.ref, c.regime, c.stage, c.event_count, 'sign-off', t.due_on, 0, NULL
                FROM case_signoffs t JOIN cases c ON c.id = t.case_id WHERE 1
                """
            ),
        ]
        var selects: [String] = []
        var arguments: StatementArguments = []
        for arm in arms {
            let chosen = clocks.isEmpty ? arm.clocks : arm.clocks.filter(clocks.contains)
            guard !chosen.isEmpty else { continue }
            var sql = arm.sql
            if !clocks.isEmpty, arm.namesTheClock {
                sql += " AND t.clock IN (\(placeholders(chosen.count)))"
                arguments += StatementArguments(chosen.map(\.rawValue))
            }
            if let handler {
                let (condition, values) = Self.handled(by: handler, column: "t.case_id")
                sql += " AND \(condition)"
                arguments += values
            }
            selects.append(sql)
        }
        guard !selects.isEmpty else { return [] }
        return try await read { db in
            let rows = try Row.fetchCursor(
                db, sql: selects.joined(separator: "\nUNION ALL\n") + "\nORDER BY 7, 2, 6, 9", arguments: arguments)
            var clocks: [CalendarClock] = []
            while let row = try rows.next() {
                guard let regime = Regime(rawValue: row[2]), let stage = CaseStage(rawValue: row[3]),
                    let clock = ClockName(rawValue: row[5]), let due: CivilDate = row[6]
                else { throw StoreError.unreadableCase(id: row[0]) }
                clocks.append(
                    CalendarClock(
                        reference: CaseReference(rawValue: row[1]), regime: regime, stage: stage, clock: clock,
                        due: due, provisional: row[7], sequence: max(0, (row[4] as Int) - 1), task: row[8]))
            }
            return clocks
        }
    }

    /// The SQL condition on `column` (a case's id) selecting the cases `filter` names, with its arguments.
    static func handled(by filter: HandlerFilter, column: String) -> (String, StatementArguments) {
        switch filter {
        case .officer(let name):
            (
                """
                \(column) IN (SELECT h.case_id FROM case_handlers h LEFT JOIN users u ON u.id = h.user_id
                               WHERE (h.user_id IS NULL AND h.handler = ?) OR u.name = ? OR u.email = ?)
                """, [name, name, name]
            )
        case .unassigned: ("\(column) NOT IN (SELECT case_id FROM case_handlers)", [])
        case .team(let team):
            (
                """
                (\(column) IN (SELECT case_id FROM case_allocations WHERE team_id IN (\(Teams.subtree)))
                 OR \(column) IN (SELECT h.case_id FROM case_handlers h JOIN team_members m ON m.user_id = h.user_id
                                  WHERE m.team_id IN (\(Teams.subtree))))
                """, [team.rawValue, team.rawValue]
            )
        }
    }

    /// `watch = 'duty'` or `watch IN ('duty', 'date')`: the watches FOIKit selects, written as literals so that
    /// SQLite can match the partial indexes.
    private static func watched(_ selected: (ClockWatch) -> Bool) -> String {
        let values = ClockWatch.allCases.filter(selected).map { "'\($0.rawValue)'" }
        return values.count == 1 ? "watch = \(values[0])" : "watch IN (\(values.joined(separator: ", ")))"
    }

    /// An SQL condition true when `due_on` is within `workingDays` working days of `today` in the case's own
    /// regime calendar, with its arguments.
    private func dueByHorizon(from today: CivilDate, workingDays: Int) throws(StoreError) -> (
        String, StatementArguments
    ) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        var latest = today
        let byCalendar = Dictionary(grouping: Regime.allCases, by: \.calendarKind)
        for (kind, regimes) in byCalendar.sorted(by: { $0.value[0].rawValue < $1.value[0].rawValue }) {
            let horizon: CivilDate
            do { horizon = try calendars.calendar(kind).date(adding: workingDays, workingDaysTo: today) } catch {
                throw .deadline(error)
            }
            latest = max(latest, horizon)
            conditions.append("(regime IN (\(placeholders(regimes.count))) AND due_on <= ?)")
            arguments += StatementArguments(regimes.map(\.rawValue)) + [horizon]
        }
        // The plain bound lets SQLite range-scan the index before checking each regime's own horizon.
        return ("due_on <= ? AND (" + conditions.joined(separator: " OR ") + ")", [latest] + arguments)
    }
}
