import FOIKit
import FOIResources
import GRDB

/// The migrations of `schema/`, applied in order and never edited. Where a migration needs what only FOIKit can
/// compute, its SQL file says where (`-- foi: …` on a line of its own) and the Swift step below runs there, in the
/// same transaction.
enum Migrations {
    /// The line of a schema file where its Swift step runs.
    static let swiftStepMarker = "-- foi: the Swift step of this migration runs here."

    static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        let upToDate = try writer.read { db in
            let known = Set(Seeds.migrations.map(\.identifier))
            let applied = try DatabaseMigrator().appliedIdentifiers(db)
            let unknown = applied.subtracting(known)
            if !unknown.isEmpty { throw StoreError.newerDatabase(path: path, unknownMigrations: unknown.sorted()) }
            return applied == known
        }
        // Most opens find nothing to do: they need neither the migrations nor the migrator's write lock.
        if !upToDate { try migrator.migrate(writer) }
    }

    /// Every migration of `schema/`, each with its Swift step where it has one.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in Seeds.migrations {
            let parts = migration.sql.components(separatedBy: swiftStepMarker)
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: parts[0])
                switch migration.identifier {
                case "0003_case_clocks": try addLapseClocks(db)
                case "0004_event_format": try rewriteLegacyPayloads(db)
                default: break
                }
                if parts.count > 1 { try db.execute(sql: parts[1]) }
            }
        }
        return migrator
    }

    /// Migration 0003: the clocks of cases waiting on the requester need the working-day calendar, so they are
    /// computed here by replaying each such case (its events still in the format before version 1).
    private static func addLapseClocks(_ db: Database) throws {
        let rules = CaseRules(
            catalogue: try ExemptionCatalogue(json: Seeds.exemptionsJSON),
            calendars: Calendars(
                holidays: CaseStore.holidays(
                    try HolidaySet(govUKJSON: Seeds.bankHolidaysJSON), adding: try CaseStore.localHolidays(db))),
            policy: try CaseStore.clockPolicy(db))
        let waiting = try Row.fetchAll(
            db, sql: "SELECT id, ref FROM cases WHERE status IN ('awaiting-clarification', 'awaiting-fee')")
        for row in waiting {
            let caseID: Int64 = row["id"]
            let file = try EventLog.replay(
                CaseReference(rawValue: row["ref"]), events: try EventLog.events(ofCase: caseID, db, legacy: true),
                rules: rules)
            try Projection.writeClocks(try deciding { try file.state(rules) }, caseID: caseID, db)
        }
    }

    /// Migration 0004: every payload rewritten in the permanent format, version 1, the one it had kept aside.
    private static func rewriteLegacyPayloads(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, kind, payload FROM events")
        let update = try db.makeStatement(sql: "UPDATE events SET payload = ?, format = 1 WHERE id = ?")
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            do {
                let payload = try EventFormat.versionOnePayload(fromLegacy: row["payload"], kind: row["kind"])
                try update.execute(arguments: [payload, id])
            } catch let error as EventFormatError {
                throw StoreError.unreadableEvent(id: id, reason: error.description)
            }
        }
    }
}
