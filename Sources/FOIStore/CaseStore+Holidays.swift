import FOIKit
import Foundation
import GRDB

extension HolidayAmendments {
    /// The amendments in `db`, read only once its migrations have run (the re-projection is the first to read them).
    /// The imported data is read only when its stamp is not `known`'s: every step reads the amendments, to see
    /// another officer's change.
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
        let stamp = try String.fetchOne(db, sql: "SELECT imported_at FROM imported_holidays WHERE id = 1")
        let imported =
            stamp != nil && stamp == known?.importedAt
            ? known?.imported
            : try Data.fetchOne(db, sql: "SELECT data FROM imported_holidays WHERE id = 1").map { [UInt8]($0) }
        return HolidayAmendments(
            imported: imported, importedAt: stamp, additions: additions,
            cancellations: try holidays("SELECT date, division, title FROM cancelled_holidays ORDER BY date, division"))
    }

}

extension CaseStore {
    public func holidayReading() async throws -> HolidayReading {
        try await read { db in
            let (rules, amendments) = try rulesAndAmendments(db)
            return HolidayReading(
                rules: rules, amendments: amendments, shipped: shipped, lastEvent: try Self.lastEvent(db))
        }
    }

    /// The cases are chosen by the clocks each keeps: a board clock or a date of the timeliness figures on or after
    /// `day`, or an answer recent enough for the requester's window to ask for a review (40 working days, at most
    /// about 60 calendar days) to reach it.
    public func decide<Decision: Sendable>(
        forCasesReaching day: CivilDate, among references: [CaseReference]?,
        _ decide: (Case) throws -> Decision?
    ) async throws -> [Decision] {
        try await keepingPagesInMemory()
        return try await read { db in
            var candidates: [Row] = []
            if let references {
                for chunk in chunked(references.map(\.rawValue)) {
                    candidates += try Row.fetchAll(
                        db, sql: "SELECT id, ref FROM cases WHERE ref IN (\(placeholders(chunk.count))) ORDER BY id",
                        arguments: StatementArguments(chunk))
                }
            } else {
                candidates = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.id, c.ref FROM cases c
                        WHERE c.id IN (SELECT case_id FROM case_clocks WHERE due_on >= ?)
                        OR (c.status = ? AND c.responded_on >= ?)
                        OR c.id IN (SELECT case_id FROM timeliness WHERE due_on >= ?) ORDER BY c.id
                        """,
                    arguments: [
                        day, CaseSelection.reviewWindowStatus.rawValue,
                        day.adding(days: -CaseSelection.reviewWindowReach), day,
                    ])
            }
            var decided: [Decision] = []
            try EventLog.forEachReplayed(candidates, catalogue: catalogue, db) { _, file in
                if let decision = try decide(file) { decided.append(decision) }
            }
            return decided
        }
    }

    public func keep(_ plan: HolidayPlan, actor: Actor) async throws {
        let kept = try await write { db in
            let actor = try Users.column(for: actor, db)
            let (rules, amendments) = try rulesAndAmendments(db)
            guard rules.policy == plan.before.policy, amendments == plan.amendments.before else {
                throw StoreError.holidaysChanged
            }
            if plan.from != nil {
                let changed = try String.fetchAll(
                    db,
                    sql: """
                        SELECT ref FROM cases WHERE id IN (SELECT case_id FROM events WHERE id > ?) ORDER BY id
                        """, arguments: [plan.decidedAfter])
                if !changed.isEmpty {
                    throw StoreError.casesChanged(
                        changed.map { CaseReference(rawValue: $0) }, lastEvent: try Self.lastEvent(db))
                }
            }
            let written = try write(plan.amendments.after, over: amendments, db)
            for move in plan.moves {
                try Projection.updateDates(
                    to: move.state, appending: move.events, caseID: try Self.caseID(move.state.file.reference, db),
                    actor: actor, db)
            }
            return CalendarCache(amendments: written, calendars: plan.after.calendars)
        }
        remember(kept)
    }

    /// The number of the last event recorded, 0 for none.
    private static func lastEvent(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM events") ?? 0
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
