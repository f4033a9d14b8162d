import FOIKit
import FOIResources
import Foundation
import GRDB

/// The one owner of the case database: it creates and migrates it, appends every event together with the case's
/// projection in one transaction, and answers the officer's questions.
public final class CaseStore {
    public let path: String
    public let catalogue: ExemptionCatalogue
    private let dbQueue: DatabaseQueue
    private let published: HolidaySet
    public private(set) var calendars: Calendars

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        let queue: DatabaseQueue
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
        }
        let migrator = Self.migrator
        try queue.read { db in
            let known = Set(Seeds.migrations.map(\.identifier))
            let applied = try migrator.appliedIdentifiers(db)
            let unknown = applied.subtracting(known)
            if !unknown.isEmpty { throw StoreError.newerDatabase(path: path, unknownMigrations: unknown.sorted()) }
        }
        try migrator.migrate(queue)
        dbQueue = queue
        catalogue = try ExemptionCatalogue(json: Seeds.exemptionsJSON)
        published = try HolidaySet(govUKJSON: Seeds.bankHolidaysJSON)
        calendars = Calendars(holidays: Self.holidays(published, adding: try queue.read(Self.localHolidays)))
    }

    /// The migrations of `schema/`, applied in order and never edited.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in Seeds.migrations {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
                if migration.identifier == "0003_case_clocks" { try addLapseClocks(db) }
            }
        }
        return migrator
    }

    /// Migration 0003: the clocks of cases waiting on the requester need the working-day calendar, so they are
    /// computed here, in the migration's transaction, by replaying each such case.
    private static func addLapseClocks(_ db: Database) throws {
        let catalogue = try ExemptionCatalogue(json: Seeds.exemptionsJSON)
        let calendars = Calendars(
            holidays: holidays(try HolidaySet(govUKJSON: Seeds.bankHolidaysJSON), adding: try localHolidays(db)))
        let policy = try clockPolicy(db)
        let waiting = try Row.fetchAll(
            db, sql: "SELECT id, ref FROM cases WHERE status IN ('awaiting-clarification', 'awaiting-fee')")
        for row in waiting {
            let file = try Case(
                reference: CaseReference(rawValue: row["ref"]),
                history: try storedEvents(caseID: row["id"], db).map(\.recorded),
                catalogue: catalogue)
            try writeClocks(
                file, deadline: try file.deadline(calendars: calendars), caseID: row["id"], calendars: calendars,
                policy: policy, db)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction, so that two officers writing at once queue on the busy timeout
    /// instead of failing, and a failure writes nothing.
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        try dbQueue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    // MARK: - Settings

    /// The value of a setting, or its default.
    public func setting(_ key: Settings.Key) throws -> String {
        try dbQueue.read { db in try Self.setting(key, db) }
    }

    private static func setting(_ key: Settings.Key, _ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key.rawValue])
            ?? key.defaultValue
    }

    /// Changes a setting after checking its value.
    public func setSetting(_ key: Settings.Key, to value: String) throws {
        switch key {
        case .referencePattern:
            guard value.contains("{SEQ") else { throw StoreError.badReferencePattern(value) }
        case .receiptConvention:
            guard ReceiptConvention(rawValue: value) != nil else {
                throw StoreError.badSetting(
                    key: key.rawValue, value: value, reason: "use statutory or next-working-day")
            }
        case .clarificationLapseDays:
            guard let days = Int(value), (1...250).contains(days) else {
                throw StoreError.badSetting(
                    key: key.rawValue, value: value, reason: "give a number of working days from 1 to 250")
            }
        }
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                arguments: [key.rawValue, value])
        }
    }

    /// The organisation's choices for clocks the law leaves open.
    private static func clockPolicy(_ db: Database) throws -> ClockPolicy {
        ClockPolicy(
            clarificationLapseWorkingDays: Int(try setting(.clarificationLapseDays, db))
                ?? ClockPolicy.defaultClarificationLapseWorkingDays)
    }

    // MARK: - Writes

    /// Logs a new request: its received event and its projection, with a generated reference unless it brings one.
    @discardableResult
    public func log(_ new: NewCase, actor: String? = nil) throws -> CaseSummary {
        try write { db in
            let reference = try new.reference ?? Self.nextReference(for: new.received.year, db)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM cases WHERE ref = ?", arguments: [reference.rawValue]) == true
            {
                throw StoreError.duplicateReference(reference)
            }
            let requesterID = try new.requester.map { try Self.insert($0, db) }
            let opened = Case(reference: reference, received: new.received, receipt: new.receipt)
            let caseID = try insert(
                opened, requesterID: requesterID, policy: try Self.clockPolicy(db), actor: actor, db)
            return try Self.summary(caseID: caseID, db)!
        }
    }

    /// Imports whole cases (a spreadsheet's history, or generated data) in one transaction: each is replayed
    /// through the lifecycle, so an illegal history is refused and nothing of the batch is written.
    public func importCases(_ cases: [(new: NewCase, steps: [RecordedEvent])], actor: String? = nil) throws {
        try write { db in
            let policy = try Self.clockPolicy(db)
            for (new, steps) in cases {
                let reference = try new.reference ?? Self.nextReference(for: new.received.year, db)
                var file = Case(reference: reference, received: new.received, receipt: new.receipt)
                for step in steps { file = try applying(try prepare(step, on: file), to: file) }
                let requesterID = try new.requester.map { try Self.insert($0, db) }
                do {
                    _ = try insert(file, requesterID: requesterID, policy: policy, actor: actor, db)
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                    throw StoreError.duplicateReference(reference)
                }
            }
        }
    }

    /// Records one step on a case, if the lifecycle allows it now.
    @discardableResult
    public func record(_ recorded: RecordedEvent, for reference: CaseReference, actor: String? = nil) throws
        -> RecordedStep
    {
        try write { db in
            let (caseID, current) = try loadCase(reference, db)
            let prepared = try prepare(recorded, on: current)
            let next = try applying(prepared, to: current)
            try update(next, with: prepared, caseID: caseID, policy: try Self.clockPolicy(db), actor: actor, db)
            return RecordedStep(summary: try Self.summary(caseID: caseID, db)!, event: prepared)
        }
    }

    /// Appends `recorded`, already applied to give `file`, and rewrites the case's projection and clocks.
    private func update(
        _ file: Case, with recorded: RecordedEvent, caseID: Int64, policy: ClockPolicy, actor: String?, _ db: Database
    ) throws {
        let deadline = try deadline(of: file)
        try Self.append(recorded, sequence: file.history.count, caseID: caseID, actor: actor, db)
        try Self.writeProjection(file, deadline: deadline, caseID: caseID, db)
        try Self.writeClocks(
            file, deadline: deadline, caseID: caseID, calendars: calendars, policy: policy, replacing: true, db)
        switch recorded.event {
        case .exemptionApplied, .reviewDecided:
            try db.execute(sql: "DELETE FROM case_exemptions WHERE case_id = ?", arguments: [caseID])
            for decision in file.exemptions { try Self.insertExemption(decision, caseID: caseID, db) }
        default:
            break
        }
    }

    /// Adds a newly proclaimed bank holiday, recomputes every running clock whose period it falls in (the response
    /// of open cases; reviews, lapse dates, appeal windows), and records a deadline-moved event (old and new date) on
    /// each case that moved. On failure nothing is written and the store keeps its calendars.
    public func addHoliday(_ holiday: Holiday, today: CivilDate, actor: String? = nil) throws -> HolidayChange {
        let previous = calendars
        do {
            return try write { db in
                if try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM holidays WHERE date = ? AND division = ?",
                    arguments: [holiday.date, holiday.division.rawValue]) == true
                    || published.holidays(of: holiday.division, in: holiday.date.year).contains(where: {
                        $0.date == holiday.date && $0.source == .published
                    })
                {
                    throw StoreError.holidayExists(holiday.date, holiday.division)
                }
                try db.execute(
                    sql: "INSERT INTO holidays (date, division, title, added_at) VALUES (?, ?, ?, ?)",
                    arguments: [holiday.date, holiday.division.rawValue, holiday.title, Self.timestamp()])
                let updated = Calendars(holidays: Self.holidays(published, adding: try Self.localHolidays(db)))
                // A holiday can move a hundred thousand cases: keep their pages in memory rather than spill and re-read.
                try db.execute(sql: "PRAGMA cache_size = -131072")
                let moved = try Self.recomputeDeadlines(
                    touching: holiday, calendars: updated, today: today, actor: actor, db)
                // The other clocks are recomputed through the store's own steps, which read `calendars`.
                calendars = updated
                let movedOtherwise = try recomputeOtherClocks(touching: holiday, today: today, actor: actor, db)
                return HolidayChange(holiday: holiday, casesMoved: moved + movedOtherwise)
            }
        } catch {
            calendars = previous
            throw error
        }
    }

    /// Recomputes the open cases whose running period contains `holiday`; returns how many moved.
    private static func recomputeDeadlines(
        touching holiday: Holiday, calendars: Calendars, today: CivilDate, actor: String?, _ db: Database
    ) throws -> Int {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, regime, received_on, due_on, clock, event_count FROM cases
                WHERE status IN ('open', 'extended') AND received_on <= ? AND due_on >= ?
                """, arguments: [holiday.date, holiday.date])
        let decoder = JSONDecoder()
        var moves: [(id: Int64, sequence: Int, old: CivilDate?, deadline: ResponseDeadline)] = []
        while let row = try rows.next() {
            let regime: Regime = Regime(rawValue: row["regime"])!
            guard regime.calendarKind.divisions.contains(holiday.division) else { continue }
            let clock = try decoder.decode(StoredClock.self, from: Data((row["clock"] as String).utf8))
            let input = clock.input(regime: regime, received: row["received_on"])
            let deadline: ResponseDeadline
            do { deadline = try ResponseClock.deadline(for: input, calendars: calendars) } catch {
                throw StoreError.deadline(error)
            }
            let old: CivilDate? = row["due_on"]
            if deadline.finalDate != old { moves.append((row["id"], row["event_count"], old, deadline)) }
        }
        let encoder = JSONEncoder()
        let reason = "bank holiday added: \(holiday.title) (\(holiday.division.name)) on \(holiday.date)"
        let now = timestamp()
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO events (case_id, sequence, kind, occurred_on, payload, actor, recorded_at) VALUES (?, ?, 'deadline-moved', ?, ?, ?, ?)
                """)
        let update = try db.makeStatement(
            sql: """
                UPDATE cases SET due_on = ?, extended_from_on = ?, provisional = ?, event_count = ? WHERE id = ?
                """)
        let updateClock = try db.makeStatement(
            sql: "UPDATE case_clocks SET due_on = ?, provisional = ? WHERE case_id = ? AND clock = 'response'")
        for move in moves {
            let event = CaseEvent.deadlineMoved(from: move.old, to: move.deadline.finalDate, reason: reason)
            let payload = String(decoding: try encoder.encode(event), as: UTF8.self)
            try insert.execute(arguments: [
                move.id, move.sequence + 1, max(today, move.deadline.input.received), payload, actor, now,
            ])
            try update.execute(arguments: [
                move.deadline.finalDate, move.deadline.extendedFrom, move.deadline.provisional,
                move.sequence + 1, move.id,
            ])
            try updateClock.execute(arguments: [move.deadline.finalDate, move.deadline.provisional, move.id])
        }
        return moves.count
    }

    /// Recomputes the other working-day clocks (review, lapse, appeal window) running across `holiday` by replaying
    /// their cases, and records a deadline-moved event for each clock that moved; returns how many cases moved.
    private func recomputeOtherClocks(touching holiday: Holiday, today: CivilDate, actor: String?, _ db: Database)
        throws -> Int
    {
        let policy = try Self.clockPolicy(db)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.ref, k.clock, k.due_on FROM case_clocks k JOIN cases c ON c.id = k.case_id
                WHERE k.clock IN ('review', 'clarification-lapse', 'fee-lapse', 'appeal-window') AND k.due_on >= ?
                ORDER BY c.id
                """, arguments: [holiday.date])
        var stored: [Int64: (ref: String, dates: [ClockName: CivilDate])] = [:]
        for row in rows {
            stored[row["id"], default: (row["ref"], [:])].dates[ClockName(rawValue: row["clock"])!] = row["due_on"]
        }
        var moved = 0
        for (caseID, entry) in stored.sorted(by: { $0.key < $1.key }) {
            var file = try loadCase(CaseReference(rawValue: entry.ref), db).1
            guard file.regime.calendarKind.divisions.contains(holiday.division) else { continue }
            let changes = try clocks(of: file, policy: policy).compactMap {
                clock -> (ClockName, CivilDate, CivilDate)? in
                guard let old = entry.dates[clock.name], let new = clock.due, clock.isPending, old != new else {
                    return nil
                }
                return (clock.name, old, new)
            }
            for (name, old, new) in changes {
                let recorded = RecordedEvent(
                    date: max(today, file.received),
                    event: .deadlineMoved(
                        from: old, to: new,
                        reason:
                            "\(name.title): bank holiday added: \(holiday.title) (\(holiday.division.name)) on \(holiday.date)"
                    ))
                file = try applying(recorded, to: file)
                try update(file, with: recorded, caseID: caseID, policy: policy, actor: actor, db)
            }
            if !changes.isEmpty { moved += 1 }
        }
        return moved
    }

    // MARK: - Reads

    /// The case with `reference`, replayed from its events.
    public func caseFile(_ reference: CaseReference) throws -> Case {
        try dbQueue.read { db in try loadCase(reference, db).1 }
    }

    /// Everything about one case: projection, requester, history and its clock.
    public func detail(_ reference: CaseReference) throws -> CaseDetail {
        try dbQueue.read { db in
            let (caseID, file) = try loadCase(reference, db)
            let summary = try Self.summary(caseID: caseID, db)!
            let requester = try Row.fetchOne(
                db,
                sql: """
                    SELECT r.name, r.email, r.address FROM requesters r JOIN cases c ON c.requester_id = r.id WHERE c.id = ?
                    """, arguments: [caseID]
            ).map { Requester(name: $0["name"], email: $0["email"], address: $0["address"]) }
            let events = try Self.storedEvents(caseID: caseID, db)
            return CaseDetail(
                summary: summary, requester: requester, events: events, deadline: try deadline(of: file), file: file,
                clocks: try clocks(of: file, policy: try Self.clockPolicy(db)))
        }
    }

    /// The cases `filter` selects, in due-date order (cases without a date last), then by reference.
    public func list(_ filter: CaseFilter, today: CivilDate) throws -> [CaseSummary] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if !filter.statuses.isEmpty {
            conditions.append("status IN (\(filter.statuses.map { _ in "?" }.joined(separator: ", ")))")
            arguments += filter.statuses.map(\.rawValue)
        }
        if !filter.stages.isEmpty {
            conditions.append("stage IN (\(filter.stages.map { _ in "?" }.joined(separator: ", ")))")
            arguments += filter.stages.map(\.rawValue)
        }
        if let regime = filter.regime {
            conditions.append("regime = ?")
            arguments.append(regime.rawValue)
        }
        var clockConditions: [String] = []
        var clockArguments: StatementArguments = []
        if let clock = filter.clock {
            clockConditions.append("clock = ?")
            clockArguments += [clock.rawValue]
        }
        if filter.overdue {
            clockConditions.append("watch = 'duty' AND due_on < ?")
            clockArguments += [today]
        }
        if let days = filter.dueWithinWorkingDays {
            let (withinHorizon, values) = try dueByHorizon(from: today, workingDays: days)
            clockConditions.append("watch IN ('duty', 'date') AND (watch = 'duty' OR due_on >= ?) AND \(withinHorizon)")
            clockArguments += [today] + values
        }
        if let from = filter.receivedFrom {
            conditions.append("received_on >= ?")
            arguments.append(from)
        }
        if let to = filter.receivedTo {
            conditions.append("received_on <= ?")
            arguments.append(to)
        }
        // Last, so that its arguments follow the others'.
        if !clockConditions.isEmpty {
            conditions.append(
                "id IN (SELECT case_id FROM case_clocks WHERE \(clockConditions.joined(separator: " AND ")))")
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limitClause = filter.limit.map { " LIMIT \($0)" } ?? ""
        let allArguments = StatementArguments(arguments) + clockArguments
        return try dbQueue.read { db in
            try Self.summaries(
                sql:
                    "SELECT \(Self.summaryColumns) FROM cases \(whereClause) ORDER BY due_on IS NULL, due_on, ref\(limitClause)",
                arguments: allArguments, db)
        }
    }

    /// Today's board, over every running clock: the authority's clocks past their date (most overdue first), every
    /// clock due within `horizon` working days of its case's regime calendar, and the cases waiting on the requester
    /// (by the day they may be closed); each section counted in full and listed up to `limit` rows (nil: all).
    public func board(today: CivilDate, horizon: Int = 5, limit: Int? = nil) throws -> Board {
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        let (withinHorizon, horizonArguments) = try dueByHorizon(from: today, workingDays: horizon)
        let sections = try dbQueue.read { db -> [BoardSection] in
            // Rows are read through the index that holds them in the section's order, so a limit stops the scan
            // early; SQLite's planner would otherwise sort every match.
            func section(_ condition: String, _ arguments: StatementArguments, index: String) throws -> BoardSection {
                let count = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM case_clocks WHERE \(condition)", arguments: arguments)!
                let clocks = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT case_id, clock, due_on, provisional FROM case_clocks INDEXED BY \(index)
                        WHERE \(condition) ORDER BY due_on, case_id\(limitClause)
                        """, arguments: arguments)
                let summaries = try Self.summaries(ofCases: clocks.map { $0[0] }, db)
                return BoardSection(
                    count: count,
                    rows: try clocks.map { row in
                        let summary = summaries[row[0]]!
                        return BoardRow(
                            summary: summary, clock: ClockName(rawValue: row[1])!, due: row[2], provisional: row[3],
                            workingDaysLeft: try workingDaysLeft(until: row[2], regime: summary.regime, today: today))
                    })
            }
            return [
                try section("watch = 'duty' AND due_on < ?", [today], index: "case_clocks_duties"),
                try section(
                    "watch IN ('duty', 'date') AND due_on >= ? AND \(withinHorizon)", [today] + horizonArguments,
                    index: "case_clocks_upcoming"),
                try section("watch = 'requester'", [], index: "case_clocks_requester"),
            ]
        }
        return Board(today: today, overdue: sections[0], dueSoon: sections[1], awaiting: sections[2])
    }

    /// An SQL condition true when `due_on` is within `workingDays` working days of `today` in the case's own
    /// regime calendar, with its arguments.
    private func dueByHorizon(from today: CivilDate, workingDays: Int) throws(StoreError) -> (
        String, StatementArguments
    ) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        var latest = today
        for (regimes, kind) in [
            ("'foia', 'eir'", WorkingDayCalendar.Kind.unitedKingdom), ("'foisa', 'eirs'", .scotland),
            ("'sar'", Regime.sar.calendarKind),
        ] {
            do {
                let horizon = try calendars.calendar(kind).date(adding: workingDays, workingDaysTo: today)
                arguments += [horizon]
                latest = max(latest, horizon)
            } catch {
                throw .deadline(error)
            }
            conditions.append("(regime IN (\(regimes)) AND due_on <= ?)")
        }
        // The plain bound lets SQLite range-scan the index before checking each regime's own horizon.
        return ("due_on <= ? AND (" + conditions.joined(separator: " OR ") + ")", [latest] + arguments)
    }

    /// Working days from `today` to the case's date (0 when due today), negative when overdue.
    public func workingDaysLeft(_ summary: CaseSummary, today: CivilDate) throws -> Int? {
        try summary.due.map { try workingDaysLeft(until: $0, regime: summary.regime, today: today) }
    }

    /// Working days from `today` to `due` in the regime's calendar (0 when due today), negative when past.
    public func workingDaysLeft(until due: CivilDate, regime: Regime, today: CivilDate) throws -> Int {
        let calendar = calendars.calendar(regime.calendarKind)
        do {
            return due >= today
                ? try calendar.workingDays(after: today, through: due)
                : -(try calendar.workingDays(after: due, through: today))
        } catch {
            throw StoreError.deadline(error)
        }
    }

    /// The local additions to the bank holidays.
    public func localHolidays() throws -> [Holiday] {
        try dbQueue.read { db in try Self.localHolidays(db) }
    }

    // MARK: - Helpers

    private func applying(_ recorded: RecordedEvent, to file: Case) throws(StoreError) -> Case {
        do {
            return try file.applying(recorded, catalogue: catalogue)
        } catch {
            throw .lifecycle(error)
        }
    }

    private func prepare(_ recorded: RecordedEvent, on file: Case) throws(StoreError) -> RecordedEvent {
        do {
            return try file.preparing(recorded, calendars: calendars)
        } catch {
            throw .lifecycle(error)
        }
    }

    private func clocks(of file: Case, policy: ClockPolicy) throws(StoreError) -> [CaseClock] {
        do {
            return try file.clocks(calendars: calendars, policy: policy)
        } catch {
            throw .deadline(error)
        }
    }

    private func deadline(of file: Case) throws -> ResponseDeadline {
        do {
            return try file.deadline(calendars: calendars)
        } catch {
            throw StoreError.deadline(error)
        }
    }

    private func loadCase(_ reference: CaseReference, _ db: Database) throws -> (Int64, Case) {
        guard
            let caseID = try Int64.fetchOne(
                db, sql: "SELECT id FROM cases WHERE ref = ?", arguments: [reference.rawValue])
        else {
            throw StoreError.caseNotFound(reference)
        }
        let history = try Self.storedEvents(caseID: caseID, db).map(\.recorded)
        do {
            return (caseID, try Case(reference: reference, history: history, catalogue: catalogue))
        } catch {
            throw StoreError.lifecycle(error)
        }
    }

    private static func storedEvents(caseID: Int64, _ db: Database) throws -> [StoredEvent] {
        let decoder = JSONDecoder()
        return try Row.fetchAll(
            db,
            sql:
                "SELECT sequence, occurred_on, payload, actor, recorded_at FROM events WHERE case_id = ? ORDER BY sequence",
            arguments: [caseID]
        ).map { row in
            let event = try decoder.decode(CaseEvent.self, from: Data((row["payload"] as String).utf8))
            return StoredEvent(
                sequence: row["sequence"], recorded: RecordedEvent(date: row["occurred_on"], event: event),
                actor: row["actor"], recordedAt: row["recorded_at"])
        }
    }

    private static func append(_ recorded: RecordedEvent, sequence: Int, caseID: Int64, actor: String?, _ db: Database)
        throws
    {
        let payload = String(decoding: try JSONEncoder().encode(recorded.event), as: UTF8.self)
        try db.cachedStatement(
            sql: """
                INSERT INTO events (case_id, sequence, kind, occurred_on, payload, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [caseID, sequence, recorded.event.kind, recorded.date, payload, actor, timestamp()])
    }

    private static func insert(_ requester: Requester, _ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: "INSERT INTO requesters (name, email, address) VALUES (?, ?, ?)")
            .execute(arguments: [requester.name, requester.email, requester.address])
        return db.lastInsertedRowID
    }

    /// Inserts a case's projection row, its events, exemptions and clocks; returns the case's id.
    private func insert(_ file: Case, requesterID: Int64?, policy: ClockPolicy, actor: String?, _ db: Database) throws
        -> Int64
    {
        let deadline = try deadline(of: file)
        try db.cachedStatement(
            sql: """
                INSERT INTO cases (ref, regime, status, status_since, received_on, subject, channel, receipt_convention,
                                   requester_id, due_on, extended_from_on, provisional, outcome, responded_on, event_count, clock, stage)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                file.reference.rawValue, file.regime.rawValue, file.status.rawValue, file.statusSince,
                file.received, file.receipt.subject, file.receipt.channel.rawValue,
                file.receipt.convention.rawValue, requesterID,
            ] + Self.projection(file, deadline))
        let caseID = db.lastInsertedRowID
        for (index, recorded) in file.history.enumerated() {
            try Self.append(recorded, sequence: index + 1, caseID: caseID, actor: actor, db)
        }
        for decision in file.exemptions { try Self.insertExemption(decision, caseID: caseID, db) }
        try Self.writeClocks(file, deadline: deadline, caseID: caseID, calendars: calendars, policy: policy, db)
        return caseID
    }

    /// The projection columns from `due_on` to `stage`, in table order.
    private static func projection(_ file: Case, _ deadline: ResponseDeadline) throws -> StatementArguments {
        let clock = String(decoding: try JSONEncoder().encode(StoredClock(file.clockInput)), as: UTF8.self)
        return [
            deadline.finalDate, deadline.extendedFrom, deadline.provisional,
            file.outcome?.rawValue, file.respondedOn, file.history.count, clock, file.stage.rawValue,
        ]
    }

    /// Writes the case's board clocks that still wait for their step (after deleting its old ones if `replacing`).
    private static func writeClocks(
        _ file: Case, deadline: ResponseDeadline, caseID: Int64, calendars: Calendars, policy: ClockPolicy,
        replacing: Bool = false, _ db: Database
    ) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM case_clocks WHERE case_id = ?").execute(arguments: [caseID])
        }
        let clocks: [CaseClock]
        do { clocks = try file.clocks(response: deadline, calendars: calendars, policy: policy) } catch {
            throw StoreError.deadline(error)
        }
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO case_clocks (case_id, clock, due_on, regime, watch, provisional) VALUES (?, ?, ?, ?, ?, ?)
                """)
        for clock in clocks where clock.isPending && clock.name.isOnBoard {
            try insert.execute(arguments: [
                caseID, clock.name.rawValue, clock.due, file.regime.rawValue, clock.name.watch.rawValue,
                clock.provisional,
            ])
        }
    }

    private static func insertExemption(_ decision: ExemptionDecision, caseID: Int64, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO case_exemptions (case_id, citation, part, ncnd, public_interest) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (case_id, citation, part) DO UPDATE SET ncnd = excluded.ncnd, public_interest = excluded.public_interest
                """
        ).execute(arguments: [
            caseID, decision.citation, decision.part.rawValue, decision.neitherConfirmNorDeny,
            decision.publicInterest?.rawValue,
        ])
    }

    private static func writeProjection(_ file: Case, deadline: ResponseDeadline, caseID: Int64, _ db: Database) throws
    {
        try db.execute(
            sql: """
                UPDATE cases SET status = ?, status_since = ?, due_on = ?, extended_from_on = ?, provisional = ?, outcome = ?,
                                 responded_on = ?, event_count = ?, clock = ?, stage = ?
                WHERE id = ?
                """, arguments: [file.status.rawValue, file.statusSince] + projection(file, deadline) + [caseID])
    }

    private static func summary(caseID: Int64, _ db: Database) throws -> CaseSummary? {
        try summaries(sql: "SELECT \(summaryColumns) FROM cases WHERE id = ?", arguments: [caseID], db).first
    }

    /// The columns `summaries` reads, in the order it reads them by index.
    static let summaryColumns =
        "id, ref, regime, status, status_since, received_on, due_on, extended_from_on, provisional, subject, channel, outcome, responded_on, stage"

    /// `ids` in runs short enough for one `IN (...)` list.
    private static func chunked(_ ids: [Int64]) -> [[Int64]] {
        stride(from: 0, to: ids.count, by: 500).map { Array(ids[$0..<min($0 + 500, ids.count)]) }
    }

    /// The summaries of the cases with these ids, by id.
    private static func summaries(ofCases ids: [Int64], _ db: Database) throws -> [Int64: CaseSummary] {
        var byID: [Int64: CaseSummary] = [:]
        for chunk in chunked(ids) {
            let placeholders = chunk.map { _ in "?" }.joined(separator: ", ")
            for (id, summary) in try identifiedSummaries(
                sql: "SELECT \(summaryColumns) FROM cases WHERE id IN (\(placeholders))",
                arguments: StatementArguments(chunk), db)
            {
                byID[id] = summary
            }
        }
        return byID
    }

    private static func summaries(sql: String, arguments: StatementArguments, _ db: Database) throws -> [CaseSummary] {
        try identifiedSummaries(sql: sql, arguments: arguments, db).map(\.summary)
    }

    private static func identifiedSummaries(sql: String, arguments: StatementArguments, _ db: Database) throws -> [(
        id: Int64, summary: CaseSummary
    )] {
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        var exemptionsByCase: [Int64: [ExemptionDecision]] = [:]
        let ids = rows.map { $0[0] as Int64 }
        for chunk in chunked(ids) {
            let placeholders = chunk.map { _ in "?" }.joined(separator: ", ")
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM case_exemptions WHERE case_id IN (\(placeholders)) ORDER BY rowid",
                arguments: StatementArguments(chunk))
            {
                exemptionsByCase[row["case_id"], default: []].append(
                    ExemptionDecision(
                        citation: row["citation"], part: Regime(rawValue: row["part"])!,
                        neitherConfirmNorDeny: row["ncnd"],
                        publicInterest: (row["public_interest"] as String?).flatMap(
                            PublicInterestConclusion.init(rawValue:))))
            }
        }
        return rows.map { row in
            (
                row[0],
                CaseSummary(
                    ref: CaseReference(rawValue: row[1]), regime: Regime(rawValue: row[2])!,
                    status: CaseStatus(rawValue: row[3])!, statusSince: row[4], received: row[5],
                    due: row[6], extendedFrom: row[7], provisional: row[8],
                    subject: row[9], channel: Channel(rawValue: row[10]) ?? .other,
                    outcome: (row[11] as String?).flatMap(Outcome.init(rawValue:)), respondedOn: row[12],
                    exemptions: exemptionsByCase[row[0]] ?? [], stage: CaseStage(rawValue: row[13]) ?? .request)
            )
        }
    }

    private static func nextReference(for year: Int, _ db: Database) throws -> CaseReference {
        let pattern = try setting(.referencePattern, db)
        while true {
            let sequence = try Int.fetchOne(
                db,
                sql: """
                    INSERT INTO reference_sequences (year, last) VALUES (?, 1)
                    ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last
                    """, arguments: [year])!
            let reference = try ReferencePattern.expand(pattern, year: year, sequence: sequence)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM cases WHERE ref = ?", arguments: [reference.rawValue]) != true
            {
                return reference
            }
        }
    }

    private static func localHolidays(_ db: Database) throws -> [Holiday] {
        try Row.fetchAll(db, sql: "SELECT date, division, title FROM holidays ORDER BY date, division").map {
            Holiday(date: $0["date"], division: Division(rawValue: $0["division"])!, title: $0["title"], source: .local)
        }
    }

    private static func holidays(_ published: HolidaySet, adding local: [Holiday]) -> HolidaySet {
        var holidays = published
        for holiday in local { holidays.add(holiday) }
        return holidays
    }

    /// The current UTC time as ISO 8601 (`2026-11-20T09:15:02Z`), for the audit column `recorded_at`.
    private static func timestamp() -> String {
        let seconds = Int(Date().timeIntervalSince1970)
        let day = CivilDate(dayNumber: seconds / 86_400)
        let time = seconds % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day)T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }

    private static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }
}

/// Generated references: `{YYYY}`, `{YY}` and `{SEQ:n}` (the yearly sequence, zero-padded to n digits).
public enum ReferencePattern {
    public static func expand(_ pattern: String, year: Int, sequence: Int) throws -> CaseReference {
        guard let range = pattern.range(of: #"\{SEQ(:[0-9]+)?\}"#, options: .regularExpression) else {
            throw StoreError.badReferencePattern(pattern)
        }
        let token = pattern[range]
        let width = token.count > 5 ? Int(token.dropFirst(5).dropLast()) ?? 0 : 0
        let digits = String(sequence)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        let text = pattern.replacingCharacters(in: range, with: padded)
            .replacingOccurrences(of: "{YYYY}", with: String(year))
            .replacingOccurrences(of: "{YY}", with: String(format: "%02d", year % 100))
        return CaseReference(rawValue: text)
    }
}
