import FOIKit
import FOIResources
import GRDB

/// The migrations of `schema/`, applied in order and never edited, all that are pending in one transaction. Where a
/// migration needs what only FOIKit can compute, its SQL file says where (`-- foi: …` on a line of its own) and
/// the Swift step below runs there.
enum Migrations {
    /// The line of a schema file where its Swift step runs.
    static let swiftStepMarker = "-- foi: the Swift step of this migration runs here."

    static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        // Most opens find nothing to do, and take no lock to find it.
        if try writer.read({ db in try isCurrent(db, path: path) }) { return }
        // Checked again and applied in one IMMEDIATE transaction: officers opening a new or outdated database at
        // once queue here, and each migration runs exactly once.
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                for migration in try pending(db, path: path) {
                    let parts = migration.sql.components(separatedBy: swiftStepMarker)
                    try db.execute(sql: parts[0])
                    switch migration.identifier {
                    case "0003_case_clocks": try addLapseClocks(db)
                    case "0004_event_format": try rewriteLegacyPayloads(db)
                    default: break
                    }
                    if parts.count > 1 { try db.execute(sql: parts[1]) }
                    try db.execute(
                        sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
                }
                return .commit
            }
        }
    }

    /// Whether every migration is applied (a newer database is refused).
    static func isCurrent(_ db: Database, path: String) throws -> Bool {
        try pending(db, path: path).isEmpty
    }

    /// The migrations of `schema/` not yet applied, in order; refuses a database written by a newer foi. The table
    /// of applied migrations keeps the name GRDB's migrator gave it, which earlier releases used.
    private static func pending(_ db: Database, path: String) throws -> [(identifier: String, sql: String)] {
        let applied =
            try db.tableExists("grdb_migrations")
            ? try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations") : []
        let known = Set(Seeds.migrations.map(\.identifier))
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty { throw StoreError.newerDatabase(path: path, unknownMigrations: unknown.sorted()) }
        return Seeds.migrations.filter { !applied.contains($0.identifier) }
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
                catalogue: rules.catalogue)
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
