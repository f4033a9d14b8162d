import FOIKit
import Foundation
import GRDB

/// What the database changes of the bank holidays shipped with foi: a GOV.UK file taken in, days added, days
/// cancelled.
struct HolidayAmendments: Equatable, Sendable {
    /// GOV.UK's data as it was taken in.
    var imported: [UInt8]?
    /// When it was taken in, which names it: nil for data not yet written. Two sets of amendments with the same
    /// stamp hold the same data, so only the stamp is compared and read on each write.
    var importedAt: String?
    var additions: [Holiday]
    var cancellations: [Holiday]

    static func == (lhs: HolidayAmendments, rhs: HolidayAmendments) -> Bool {
        (lhs.importedAt, lhs.additions, lhs.cancellations) == (rhs.importedAt, rhs.additions, rhs.cancellations)
            && (lhs.importedAt != nil || lhs.imported == rhs.imported)
    }

    /// The amendments in `db` (none before migration 0007 made their tables, while older migrations run). The
    /// imported data is read only when its stamp is not `known`'s: every step reads the amendments, to see another
    /// officer's change.
    static func read(_ db: Database, reusing known: HolidayAmendments? = nil) throws -> HolidayAmendments {
        func holidays(_ sql: String) throws -> [Holiday] {
            try Row.fetchAll(db, sql: sql).compactMap { row in
                guard let date: CivilDate = row["date"], let division = Division(rawValue: row["division"]) else {
                    return nil
                }
                return Holiday(date: date, division: division, title: row["title"], source: .local)
            }
        }
        let additions = try holidays("SELECT date, division, title FROM holidays ORDER BY date, division")
        guard try db.tableExists("cancelled_holidays") else {
            return HolidayAmendments(imported: nil, additions: additions, cancellations: [])
        }
        let stamp = try String.fetchOne(db, sql: "SELECT imported_at FROM imported_holidays WHERE id = 1")
        let imported =
            stamp != nil && stamp == known?.importedAt
            ? known?.imported
            : try Data.fetchOne(db, sql: "SELECT data FROM imported_holidays WHERE id = 1").map { [UInt8]($0) }
        return HolidayAmendments(
            imported: imported, importedAt: stamp, additions: additions,
            cancellations: try holidays("SELECT date, division, title FROM cancelled_holidays ORDER BY date, division"))
    }

    /// The bank holidays these amendments make of `shipped`.
    func holidays(shipped: HolidaySet) throws -> HolidaySet {
        var holidays = shipped
        if let imported {
            do {
                holidays = shipped.refreshed(by: try HolidaySet(govUKJSON: imported))
            } catch {
                throw StoreError.badHolidayData(error.description)
            }
        }
        for addition in additions { holidays.add(addition) }
        for cancellation in cancellations { holidays.cancel(cancellation.date, in: cancellation.division) }
        return holidays
    }

    /// These amendments after `edit`, refused where it does not fit `holidays` (the holidays they make now), and
    /// the reason a moved deadline gives.
    func applying(_ edit: HolidayEdit, to holidays: HolidaySet, shipped: HolidaySet) throws -> (
        HolidayAmendments, reason: String
    ) {
        var after = self
        switch edit {
        case .add(let holiday):
            try after.add(holiday, to: holidays)
            return (after, holiday.additionReason)
        case .cancel(let date, let division):
            let lost = try after.cancel(date, division, in: holidays, shipped: shipped)
            return (after, "bank holiday cancelled: \(lost.title) (\(division.name)) on \(date)")
        case .move(let from, let to, let division, let title):
            let lost = try after.cancel(from, division, in: holidays, shipped: shipped)
            var without = holidays
            without.cancel(from, in: division)
            try after.add(
                Holiday(date: to, division: division, title: title ?? lost.title, source: .local), to: without)
            return (after, "bank holiday moved: \(lost.title) (\(division.name)) from \(from) to \(to)")
        case .importGovUK(let data):
            let newer: HolidaySet
            do { newer = try HolidaySet(govUKJSON: data) } catch { throw StoreError.badHolidayData(error.description) }
            for division in Division.allCases {
                // Years between the two would be neither published nor generated.
                if let old = shipped.publishedYears[division], let new = newer.publishedYears[division],
                    new.lowerBound > old.upperBound + 1 || new.upperBound + 1 < old.lowerBound
                {
                    throw StoreError.badHolidayData(
                        "the data for \(division.name) covers \(new.lowerBound)–\(new.upperBound), which does not "
                            + "meet the years foi has (\(old.lowerBound)–\(old.upperBound)); download the whole file "
                            + "from https://www.gov.uk/bank-holidays.json")
                }
            }
            after.imported = data
            after.importedAt = nil
            // An addition the new data publishes, or a cancellation of a day it no longer has, is said by the data.
            let base = try HolidayAmendments(imported: data, importedAt: nil, additions: [], cancellations: [])
                .holidays(
                    shipped: shipped)
            after.additions.removeAll { newer.holiday(on: $0.date, in: $0.division)?.source == .published }
            after.cancellations.removeAll { base.holiday(on: $0.date, in: $0.division) == nil }
            return (after, "bank holidays refreshed from GOV.UK's data")
        }
    }

    private mutating func add(_ holiday: Holiday, to holidays: HolidaySet) throws {
        if holidays.holiday(on: holiday.date, in: holiday.division) != nil {
            throw StoreError.holidayExists(holiday.date, holiday.division)
        }
        if cancellations.contains(where: { $0.date == holiday.date && $0.division == holiday.division }) {
            cancellations.removeAll { $0.date == holiday.date && $0.division == holiday.division }
        }
        additions.append(holiday)
    }

    /// Takes the holiday of `division` on `date` out, and returns it.
    private mutating func cancel(
        _ date: CivilDate, _ division: Division, in holidays: HolidaySet, shipped: HolidaySet
    ) throws -> Holiday {
        guard let day = holidays.holiday(on: date, in: division) else {
            throw StoreError.notAHoliday(date, division)
        }
        additions.removeAll { $0.date == date && $0.division == division }
        // A day of the data (or of the rules) is kept out by a cancellation; an addition needed only removing.
        if try self.holidays(shipped: shipped).holiday(on: date, in: division) != nil {
            cancellations.append(Holiday(date: date, division: division, title: day.title, source: .local))
        }
        return day
    }
}

extension CaseStore {
    /// Changes the bank holidays (a day added, cancelled or moved by proclamation, or GOV.UK's data refreshed) and
    /// records, on every case with a clock whose date the change moves, a deadline-moved event for each such clock
    /// (FOIKit decides which move and how the move is worded). On failure nothing is written and the store keeps its
    /// calendars.
    ///
    /// A change can move a hundred thousand cases. Deciding the moves takes most of the time, so it is done first,
    /// reading, while other officers go on recording steps; the change and every move are then written in one
    /// short transaction, in which each case that took a step meanwhile is decided again. Nobody sees half a
    /// change, and nobody waits long for the lock.
    public func changeHolidays(_ edit: HolidayEdit, today: CivilDate, actor: Actor = .system) async throws
        -> HolidayChange
    {
        try await commit(try planHolidays(edit, today: today), actor: actor)
    }

    /// The first half of a change: every move decided while reading, without the lock.
    func planHolidays(_ edit: HolidayEdit, today: CivilDate) async throws -> HolidayPlan {
        try await keepingPagesInMemory()
        return try await read { db in try planHolidays(edit, today: today, db) }
    }

    /// The second half: the change and the planned moves written in one transaction, each case that took a step
    /// since the plan decided again (every case, if the holidays or a clock setting changed meanwhile).
    func commit(_ plan: HolidayPlan, actor: Actor) async throws -> HolidayChange {
        let (moves, now) = try await write { db in
            let actor = try Users.column(for: actor, db)
            let now = try planHolidays(plan.edit, today: plan.today, db, readingMoves: false)
            var moves: [CalendarMove]
            if now.before.policy == plan.before.policy && now.amendments == plan.amendments {
                let changed = try Set(
                    Int64.fetchAll(
                        db, sql: "SELECT DISTINCT case_id FROM events WHERE id > ?", arguments: [plan.lastEvent]))
                moves = plan.moves.filter { !changed.contains($0.caseID) }
                moves += try decideMoves(now, db, among: Array(changed))
            } else {
                moves = try decideMoves(now, db)
            }
            var written = now
            written.amendments.after = try write(now.amendments.after, over: now.amendments.before, db)
            for move in moves {
                try Projection.updateDates(
                    to: move.state, appending: move.events, caseID: move.caseID, actor: actor, db)
            }
            return (moves, written)
        }
        remember(CalendarCache(amendments: now.amendments.after, calendars: now.after.calendars))
        return HolidayChange(
            added: now.added, removed: now.removed, casesMoved: moves.filter { !$0.events.isEmpty }.count)
    }

    /// What `edit` does, as the database stands in `db`: the rules and amendments before and after, the days it
    /// adds and removes, the last event read, and (with `readingMoves`) the move of every case it moves.
    private func planHolidays(_ edit: HolidayEdit, today: CivilDate, _ db: Database, readingMoves: Bool = true)
        throws -> HolidayPlan
    {
        let (before, amendments) = try rulesAndAmendments(db)
        let (amended, reason) = try amendments.applying(edit, to: before.calendars.holidays, shipped: shipped)
        var after = before
        after.calendars = Calendars(holidays: try amended.holidays(shipped: shipped))
        var plan = HolidayPlan(
            edit: edit, today: today, before: before, after: after, amendments: (amendments, amended), reason: reason,
            lastEvent: try Int64.fetchOne(db, sql: "SELECT max(id) FROM events") ?? 0)
        plan.compare()
        if readingMoves { plan.moves = try decideMoves(plan, db) }
        return plan
    }

    /// The moves of every case with a board clock or a date of the timeliness figures on or after the first day the
    /// change touches, or answered recently enough for the requester's window to ask for a review (40 working days,
    /// at most about 60 calendar days) to reach it (or of the cases `among`): FOIKit says which clocks move.
    private func decideMoves(_ plan: HolidayPlan, _ db: Database, among: [Int64]? = nil) throws -> [CalendarMove] {
        guard let from = plan.from else { return [] }
        var candidates: [Row] = []
        if let among {
            for chunk in chunked(among.sorted()) {
                candidates += try Row.fetchAll(
                    db, sql: "SELECT id, ref FROM cases WHERE id IN (\(placeholders(chunk.count))) ORDER BY id",
                    arguments: StatementArguments(chunk))
            }
        } else {
            candidates = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.ref FROM cases c WHERE c.id IN (SELECT case_id FROM case_clocks WHERE due_on >= ?)
                    OR (c.status = ? AND c.responded_on >= ?)
                    OR c.id IN (SELECT case_id FROM timeliness WHERE due_on >= ?) ORDER BY c.id
                    """,
                arguments: [
                    from, CaseSelection.reviewWindowStatus.rawValue,
                    from.adding(days: -CaseSelection.reviewWindowReach),
                    from,
                ])
        }
        var moves: [CalendarMove] = []
        try EventLog.forEachReplayed(candidates, catalogue: catalogue, db) { caseID, file in
            if let change = try deciding({
                try file.changingCalendars(from: plan.before, to: plan.after, because: plan.reason, today: plan.today)
            }) {
                moves.append(CalendarMove(caseID: caseID, events: change.moves, state: change.state))
            }
        }
        return moves
    }

    /// Writes the rows that differ between `before` and `after`; returns `after` as written (data newly taken in
    /// stamped with its time).
    private func write(_ after: HolidayAmendments, over before: HolidayAmendments, _ db: Database) throws
        -> HolidayAmendments
    {
        let now = EventLog.timestamp()
        var written = after
        if after.importedAt == nil, let data = after.imported {
            try db.execute(
                sql: "INSERT OR REPLACE INTO imported_holidays (id, data, imported_at) VALUES (1, ?, ?)",
                arguments: [Data(data), now])
            written.importedAt = now
        }
        for (table, stamp, old, new) in [
            ("holidays", "added_at", before.additions, after.additions),
            ("cancelled_holidays", "cancelled_at", before.cancellations, after.cancellations),
        ] {
            for gone in old where !new.contains(gone) {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE date = ? AND division = ?",
                    arguments: [gone.date, gone.division.rawValue])
            }
            for added in new where !old.contains(added) {
                try db.execute(
                    sql: "INSERT INTO \(table) (date, division, title, \(stamp)) VALUES (?, ?, ?, ?)",
                    arguments: [added.date, added.division.rawValue, added.title, now])
            }
        }
        return written
    }
}

/// What a change to the holidays does, decided before it is written.
struct HolidayPlan {
    var edit: HolidayEdit
    var today: CivilDate
    var before: CaseRules
    var after: CaseRules
    var amendments: (before: HolidayAmendments, after: HolidayAmendments)
    var reason: String
    /// The last event when the moves were decided: a case with a later one is decided again.
    var lastEvent: Int64
    /// The days that became bank holidays, and those that no longer are.
    var added: [Holiday] = []
    var removed: [Holiday] = []
    /// The first day whose standing changed (a holiday, or a year now published rather than generated); nil when
    /// nothing did.
    var from: CivilDate?
    var moves: [CalendarMove] = []

    /// Finds the days the change adds and removes, year by year over every year either calendar publishes or the
    /// change names.
    mutating func compare() {
        let old = before.calendars.holidays
        let new = after.calendars.holidays
        var firstDays: [CivilDate] = []
        for division in Division.allCases {
            let published = [old.publishedYears[division], new.publishedYears[division]].compactMap { $0 }
            let touched =
                (amendments.before.additions + amendments.before.cancellations + amendments.after.additions
                + amendments.after.cancellations).filter { $0.division == division }.map(\.date.year)
            let years = published.flatMap { Array($0) } + touched
            guard let first = years.min(), let last = years.max() else { continue }
            for year in first...last {
                let was = old.holidays(of: division, in: year)
                let now = new.holidays(of: division, in: year)
                added += now.filter { day in !was.contains { $0.date == day.date } }
                removed += was.filter { day in !now.contains { $0.date == day.date } }
                if (old.publishedYears[division]?.contains(year) == true)
                    != (new.publishedYears[division]?.contains(year) == true),
                    let january = CivilDate(year: year, month: 1, day: 1)
                {
                    firstDays.append(january)
                }
            }
        }
        added.sort { ($0.date, $0.division) < ($1.date, $1.division) }
        removed.sort { ($0.date, $0.division) < ($1.date, $1.division) }
        from = (added.map(\.date) + removed.map(\.date) + firstDays).min()
        if case .importGovUK = edit, !(added.isEmpty && removed.isEmpty) {
            let days = (added.map { "\($0.date) added" } + removed.map { "\($0.date) removed" })
            reason += " (\(days.prefix(3).joined(separator: ", "))\(days.count > 3 ? ", …" : ""))"
        }
    }
}
