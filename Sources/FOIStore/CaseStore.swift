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
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
        }
        return migrator
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
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key.rawValue]) ?? key.defaultValue
    }

    /// Changes a setting after checking its value.
    public func setSetting(_ key: Settings.Key, to value: String) throws {
        switch key {
        case .referencePattern:
            guard value.contains("{SEQ") else { throw StoreError.badReferencePattern(value) }
        case .receiptConvention:
            guard ReceiptConvention(rawValue: value) != nil else {
                throw StoreError.badSetting(key: key.rawValue, value: value, reason: "use statutory or next-working-day")
            }
        }
        try write { db in
            try db.execute(sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           arguments: [key.rawValue, value])
        }
    }

    // MARK: - Writes

    /// Logs a new request: its received event and its projection, with a generated reference unless it brings one.
    @discardableResult
    public func log(_ new: NewCase, actor: String? = nil) throws -> CaseSummary {
        try write { db in
            let reference = try new.reference ?? Self.nextReference(for: new.received.year, db)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM cases WHERE ref = ?", arguments: [reference.rawValue]) == true {
                throw StoreError.duplicateReference(reference)
            }
            let requesterID = try new.requester.map { try Self.insert($0, db) }
            let opened = Case(reference: reference, received: new.received, receipt: new.receipt)
            let caseID = try Self.insert(opened, deadline: try deadline(of: opened), requesterID: requesterID, actor: actor, db)
            return try Self.summary(caseID: caseID, db)!
        }
    }

    /// Imports whole cases (a spreadsheet's history, or generated data) in one transaction: each is replayed
    /// through the lifecycle, so an illegal history is refused and nothing of the batch is written.
    public func importCases(_ cases: [(new: NewCase, steps: [RecordedEvent])], actor: String? = nil) throws {
        try write { db in
            for (new, steps) in cases {
                let reference = try new.reference ?? Self.nextReference(for: new.received.year, db)
                var file = Case(reference: reference, received: new.received, receipt: new.receipt)
                for step in steps { file = try applying(step, to: file) }
                let requesterID = try new.requester.map { try Self.insert($0, db) }
                do {
                    _ = try Self.insert(file, deadline: try deadline(of: file), requesterID: requesterID, actor: actor, db)
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                    throw StoreError.duplicateReference(reference)
                }
            }
        }
    }

    /// Records one step on a case, if the lifecycle allows it now.
    @discardableResult
    public func record(_ recorded: RecordedEvent, for reference: CaseReference, actor: String? = nil) throws -> CaseSummary {
        try write { db in
            let (caseID, current) = try loadCase(reference, db)
            let next = try applying(recorded, to: current)
            let deadline = try deadline(of: next)
            try Self.append(recorded, sequence: next.history.count, caseID: caseID, actor: actor, db)
            try Self.writeProjection(next, deadline: deadline, caseID: caseID, db)
            if case .exemptionApplied(let decision) = recorded.event { try Self.insertExemption(decision, caseID: caseID, db) }
            return try Self.summary(caseID: caseID, db)!
        }
    }

    /// Adds a newly proclaimed bank holiday, recomputes the date of every open case whose period it falls in,
    /// and records a deadline-moved event (old and new date) on each case that moved.
    public func addHoliday(_ holiday: Holiday, today: CivilDate, actor: String? = nil) throws -> HolidayChange {
        let change = try write { db -> (HolidayChange, Calendars) in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM holidays WHERE date = ? AND division = ?",
                                 arguments: [holiday.date, holiday.division.rawValue]) == true
                || published.holidays(of: holiday.division, in: holiday.date.year).contains(where: { $0.date == holiday.date && $0.source == .published }) {
                throw StoreError.holidayExists(holiday.date, holiday.division)
            }
            try db.execute(sql: "INSERT INTO holidays (date, division, title, added_at) VALUES (?, ?, ?, ?)",
                           arguments: [holiday.date, holiday.division.rawValue, holiday.title, Self.timestamp()])
            let updated = Calendars(holidays: Self.holidays(published, adding: try Self.localHolidays(db)))
            // A holiday can move a hundred thousand cases: keep their pages in memory rather than spill and re-read.
            try db.execute(sql: "PRAGMA cache_size = -131072")
            let moved = try Self.recomputeDeadlines(touching: holiday, calendars: updated, today: today, actor: actor, db)
            return (HolidayChange(holiday: holiday, casesMoved: moved), updated)
        }
        calendars = change.1
        return change.0
    }

    /// Recomputes the open cases whose running period contains `holiday`; returns how many moved.
    private static func recomputeDeadlines(
        touching holiday: Holiday, calendars: Calendars, today: CivilDate, actor: String?, _ db: Database
    ) throws -> Int {
        let rows = try Row.fetchCursor(db, sql: """
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
            do { deadline = try ResponseClock.deadline(for: input, calendars: calendars) } catch { throw StoreError.deadline(error) }
            let old: CivilDate? = row["due_on"]
            if deadline.finalDate != old { moves.append((row["id"], row["event_count"], old, deadline)) }
        }
        let encoder = JSONEncoder()
        let reason = "bank holiday added: \(holiday.title) (\(holiday.division.name)) on \(holiday.date)"
        let now = timestamp()
        let insert = try db.makeStatement(sql: """
            INSERT INTO events (case_id, sequence, kind, occurred_on, payload, actor, recorded_at) VALUES (?, ?, 'deadline-moved', ?, ?, ?, ?)
            """)
        let update = try db.makeStatement(sql: """
            UPDATE cases SET due_on = ?, extended_from_on = ?, provisional = ?, event_count = ? WHERE id = ?
            """)
        for move in moves {
            let event = CaseEvent.deadlineMoved(from: move.old, to: move.deadline.finalDate, reason: reason)
            let payload = String(decoding: try encoder.encode(event), as: UTF8.self)
            try insert.execute(arguments: [move.id, move.sequence + 1, max(today, move.deadline.input.received), payload, actor, now])
            try update.execute(arguments: [move.deadline.finalDate, move.deadline.extendedFrom, move.deadline.provisional,
                                           move.sequence + 1, move.id])
        }
        return moves.count
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
            let requester = try Row.fetchOne(db, sql: """
                SELECT r.name, r.email, r.address FROM requesters r JOIN cases c ON c.requester_id = r.id WHERE c.id = ?
                """, arguments: [caseID]).map { Requester(name: $0["name"], email: $0["email"], address: $0["address"]) }
            let events = try Self.storedEvents(caseID: caseID, db)
            return CaseDetail(summary: summary, requester: requester, events: events, deadline: try deadline(of: file))
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
        if let regime = filter.regime {
            conditions.append("regime = ?")
            arguments.append(regime.rawValue)
        }
        if filter.overdue {
            conditions.append("status IN ('open', 'extended') AND due_on < ?")
            arguments.append(today)
        }
        var horizonArguments: StatementArguments = []
        if let days = filter.dueWithinWorkingDays {
            let (withinHorizon, values) = try dueByHorizon(from: today, workingDays: days)
            conditions.append("status IN ('open', 'extended') AND \(withinHorizon)")
            horizonArguments = values
        }
        if let from = filter.receivedFrom {
            conditions.append("received_on >= ?")
            arguments.append(from)
        }
        if let to = filter.receivedTo {
            conditions.append("received_on <= ?")
            arguments.append(to)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limitClause = filter.limit.map { " LIMIT \($0)" } ?? ""
        let allArguments = StatementArguments(arguments) + horizonArguments
        return try dbQueue.read { db in
            try Self.summaries(sql: "SELECT \(Self.summaryColumns) FROM cases \(whereClause) ORDER BY due_on IS NULL, due_on, ref\(limitClause)",
                               arguments: allArguments, db)
        }
    }

    /// Today's board: overdue cases (most overdue first), those due within `horizon` working days of their own
    /// regime's calendar, and those waiting on the requester; each section counted in full and listed up to
    /// `limit` rows (nil: all).
    public func board(today: CivilDate, horizon: Int = 5, limit: Int? = nil) throws -> Board {
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        let running = "status IN ('open', 'extended')"
        let (withinHorizon, horizonArguments) = try dueByHorizon(from: today, workingDays: horizon)
        let sections = try dbQueue.read { db -> [(Int, [CaseSummary])] in
            // Rows are read through the index that holds them in the section's order, so a limit stops the scan
            // early; SQLite's planner would otherwise take the status index and sort every match.
            func section(_ condition: String, _ arguments: StatementArguments, index: String, order: String) throws -> (Int, [CaseSummary]) {
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM cases WHERE \(condition)", arguments: arguments)!
                let rows = try Self.summaries(
                    sql: "SELECT \(Self.summaryColumns) FROM cases INDEXED BY \(index) WHERE \(condition) ORDER BY \(order)\(limitClause)",
                    arguments: arguments, db)
                return (count, rows)
            }
            return [
                try section("\(running) AND due_on < ?", [today], index: "cases_open_by_due", order: "due_on, ref"),
                try section("\(running) AND due_on >= ? AND \(withinHorizon)", [today] + horizonArguments, index: "cases_open_by_due", order: "due_on, ref"),
                try section("status IN ('awaiting-clarification', 'awaiting-fee')", [], index: "cases_awaiting", order: "status_since, ref"),
            ]
        }
        func rows(_ summaries: [CaseSummary], left: Bool) throws -> [BoardRow] {
            try summaries.map { BoardRow(summary: $0, workingDaysLeft: left ? try workingDaysLeft($0, today: today) : nil) }
        }
        return Board(today: today,
                     overdue: BoardSection(count: sections[0].0, rows: try rows(sections[0].1, left: true)),
                     dueSoon: BoardSection(count: sections[1].0, rows: try rows(sections[1].1, left: true)),
                     awaiting: BoardSection(count: sections[2].0, rows: try rows(sections[2].1, left: false)))
    }

    /// An SQL condition true when `due_on` is within `workingDays` working days of `today` in the case's own
    /// regime calendar, with its arguments.
    private func dueByHorizon(from today: CivilDate, workingDays: Int) throws(StoreError) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        var latest = today
        for (regimes, kind) in [("'foia', 'eir'", WorkingDayCalendar.Kind.unitedKingdom), ("'foisa', 'eirs'", .scotland),
                                ("'sar'", Regime.sar.calendarKind)] {
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
        guard let due = summary.due else { return nil }
        let calendar = calendars.calendar(summary.regime.calendarKind)
        do {
            return due >= today ? try calendar.workingDays(after: today, through: due) : -(try calendar.workingDays(after: due, through: today))
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

    private func deadline(of file: Case) throws -> ResponseDeadline {
        do {
            return try file.deadline(calendars: calendars)
        } catch {
            throw StoreError.deadline(error)
        }
    }

    private func loadCase(_ reference: CaseReference, _ db: Database) throws -> (Int64, Case) {
        guard let caseID = try Int64.fetchOne(db, sql: "SELECT id FROM cases WHERE ref = ?", arguments: [reference.rawValue]) else {
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
        return try Row.fetchAll(db, sql: "SELECT sequence, occurred_on, payload, actor, recorded_at FROM events WHERE case_id = ? ORDER BY sequence",
                                arguments: [caseID]).map { row in
            let event = try decoder.decode(CaseEvent.self, from: Data((row["payload"] as String).utf8))
            return StoredEvent(sequence: row["sequence"], recorded: RecordedEvent(date: row["occurred_on"], event: event),
                               actor: row["actor"], recordedAt: row["recorded_at"])
        }
    }

    private static func append(_ recorded: RecordedEvent, sequence: Int, caseID: Int64, actor: String?, _ db: Database) throws {
        let payload = String(decoding: try JSONEncoder().encode(recorded.event), as: UTF8.self)
        try db.cachedStatement(sql: """
            INSERT INTO events (case_id, sequence, kind, occurred_on, payload, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [caseID, sequence, recorded.event.kind, recorded.date, payload, actor, timestamp()])
    }

    private static func insert(_ requester: Requester, _ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: "INSERT INTO requesters (name, email, address) VALUES (?, ?, ?)")
            .execute(arguments: [requester.name, requester.email, requester.address])
        return db.lastInsertedRowID
    }

    /// Inserts a case's projection row, its events and its exemptions; returns the case's id.
    private static func insert(_ file: Case, deadline: ResponseDeadline, requesterID: Int64?, actor: String?, _ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO cases (ref, regime, status, status_since, received_on, subject, channel, receipt_convention,
                               requester_id, due_on, extended_from_on, provisional, outcome, responded_on, event_count, clock)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [file.reference.rawValue, file.regime.rawValue, file.status.rawValue, file.statusSince,
                                     file.received, file.receipt.subject, file.receipt.channel.rawValue,
                                     file.receipt.convention.rawValue, requesterID] + projection(file, deadline))
        let caseID = db.lastInsertedRowID
        for (index, recorded) in file.history.enumerated() {
            try append(recorded, sequence: index + 1, caseID: caseID, actor: actor, db)
        }
        for decision in file.exemptions { try insertExemption(decision, caseID: caseID, db) }
        return caseID
    }

    /// The projection columns from `due_on` to `clock`, in table order.
    private static func projection(_ file: Case, _ deadline: ResponseDeadline) throws -> StatementArguments {
        let clock = String(decoding: try JSONEncoder().encode(StoredClock(file.clockInput)), as: UTF8.self)
        return [deadline.finalDate, deadline.extendedFrom, deadline.provisional,
                file.outcome?.rawValue, file.respondedOn, file.history.count, clock]
    }

    private static func insertExemption(_ decision: ExemptionDecision, caseID: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO case_exemptions (case_id, citation, part, ncnd, public_interest) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (case_id, citation, part) DO UPDATE SET ncnd = excluded.ncnd, public_interest = excluded.public_interest
            """).execute(arguments: [caseID, decision.citation, decision.part.rawValue, decision.neitherConfirmNorDeny,
                                     decision.publicInterest?.rawValue])
    }

    private static func writeProjection(_ file: Case, deadline: ResponseDeadline, caseID: Int64, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE cases SET status = ?, status_since = ?, due_on = ?, extended_from_on = ?, provisional = ?, outcome = ?,
                             responded_on = ?, event_count = ?, clock = ?
            WHERE id = ?
            """, arguments: [file.status.rawValue, file.statusSince] + projection(file, deadline) + [caseID])
    }

    private static func summary(caseID: Int64, _ db: Database) throws -> CaseSummary? {
        try summaries(sql: "SELECT \(summaryColumns) FROM cases WHERE id = ?", arguments: [caseID], db).first
    }

    /// The columns `summaries` reads, in the order it reads them by index.
    static let summaryColumns = "id, ref, regime, status, status_since, received_on, due_on, extended_from_on, provisional, subject, channel, outcome, responded_on"

    private static func summaries(sql: String, arguments: StatementArguments, _ db: Database) throws -> [CaseSummary] {
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        var exemptionsByCase: [Int64: [ExemptionDecision]] = [:]
        let ids = rows.map { $0[0] as Int64 }
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let placeholders = chunk.map { _ in "?" }.joined(separator: ", ")
            for row in try Row.fetchAll(db, sql: "SELECT * FROM case_exemptions WHERE case_id IN (\(placeholders)) ORDER BY rowid",
                                        arguments: StatementArguments(chunk)) {
                exemptionsByCase[row["case_id"], default: []].append(ExemptionDecision(
                    citation: row["citation"], part: Regime(rawValue: row["part"])!, neitherConfirmNorDeny: row["ncnd"],
                    publicInterest: (row["public_interest"] as String?).flatMap(PublicInterestConclusion.init(rawValue:))))
            }
        }
        return rows.map { row in
            CaseSummary(
                ref: CaseReference(rawValue: row[1]), regime: Regime(rawValue: row[2])!,
                status: CaseStatus(rawValue: row[3])!, statusSince: row[4], received: row[5],
                due: row[6], extendedFrom: row[7], provisional: row[8],
                subject: row[9], channel: Channel(rawValue: row[10]) ?? .other,
                outcome: (row[11] as String?).flatMap(Outcome.init(rawValue:)), respondedOn: row[12],
                exemptions: exemptionsByCase[row[0]] ?? [])
        }
    }

    private static func nextReference(for year: Int, _ db: Database) throws -> CaseReference {
        let pattern = try setting(.referencePattern, db)
        while true {
            let sequence = try Int.fetchOne(db, sql: """
                INSERT INTO reference_sequences (year, last) VALUES (?, 1)
                ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last
                """, arguments: [year])!
            let reference = try ReferencePattern.expand(pattern, year: year, sequence: sequence)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM cases WHERE ref = ?", arguments: [reference.rawValue]) != true {
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
