import FOIKit
import FOIResources
import GRDB

/// The migrations of `schema/`, applied in order and never edited, all that are pending in one transaction. Where a
/// migration changes stored events (their format, their chain), its SQL file says where (`-- foi: …` on a line of
/// its own) and the Swift step below runs there, pinned to the format it writes. What is derived from the events
/// (every projection table) is not a migration's: after the migrations, a database whose projection is older than
/// `Projection.version` (kept as SQLite's `user_version`) is re-projected whole, in the same transaction, with the
/// FOIKit of the foi that opens it, so a change of the law or a new projection table is one number to raise.
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
                    case "0004_event_format": try rewriteLegacyPayloads(db)
                    case "0005_trust": try sealEvents(db)
                    case "0012_ledger": try Ledger.fill(db)
                    case "0015_cases_without_lists": try removeListChecks(db)
                    default: break
                    }
                    if parts.count > 1 { try db.execute(sql: parts[1]) }
                    try db.execute(
                        sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
                }
                if try Int.fetchOne(db, sql: "PRAGMA user_version")! < Projection.version {
                    try reproject(db)
                    try db.execute(sql: "PRAGMA user_version = \(Projection.version)")
                }
                return .commit
            }
        }
    }

    /// The CHECKs that list a domain's values (`column IN ('a', 'b', …)`) taken out of the definitions of `cases`,
    /// `timeliness` and `paragraphs` as SQLite's documentation says a CHECK may be removed: the definitions rewritten
    /// in the schema table and its version raised, so that every connection reads the schema again.
    private static func removeListChecks(_ db: Database) throws {
        let list = /\s*CHECK \((regime|status|stage|kind|role) IN \([^)]*\)\)/
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version")!
        try db.execute(sql: "PRAGMA writable_schema = ON")
        for table in ["cases", "timeliness", "paragraphs"] {
            guard
                let sql = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
            else { continue }
            try db.execute(
                sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                arguments: [sql.replacing(list, with: ""), table])
        }
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
    }

    /// Whether the database is another program's: it has tables, and none of foi's. foi writes nothing into it.
    static let isForeignSQL = """
        SELECT NOT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'grdb_migrations')
            AND EXISTS (SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%')
        """

    /// Whether every migration is applied and the projection is this foi's (a newer database is refused).
    static func isCurrent(_ db: Database, path: String) throws -> Bool {
        try pending(db, path: path).isEmpty && Int.fetchOne(db, sql: "PRAGMA user_version")! >= Projection.version
    }

    /// The migrations of `schema/` not yet applied, in order; refuses a database written by a newer foi. The table
    /// of applied migrations keeps the name GRDB's migrator gave it, which earlier releases used.
    private static func pending(_ db: Database, path: String) throws -> [(identifier: String, sql: String)] {
        guard try db.tableExists("grdb_migrations") else {
            if try Bool.fetchOne(db, sql: isForeignSQL)! {
                throw StoreError.notADatabase(path: path, reason: "it is a SQLite database of another program")
            }
            return Seeds.migrations
        }
        let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = Set(Seeds.migrations.map(\.identifier))
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty { throw StoreError.newerDatabase(path: path, unknownMigrations: unknown.sorted()) }
        return Seeds.migrations.filter { !applied.contains($0.identifier) }
    }

    /// The rules as the database being migrated defines them.
    private static func migrationRules(_ db: Database) throws -> CaseRules {
        CaseRules(
            catalogue: try ExemptionCatalogue(json: Seeds.exemptionsJSON),
            calendars: Calendars(
                holidays: try HolidayAmendments.read(db).holidays(
                    shipped: try HolidaySet(govUKJSON: Seeds.bankHolidaysJSON))),
            policy: try CaseStore.clockPolicy(db))
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

    /// Every case's projection written again from its events under the rules as the database has them: its row,
    /// clocks, exemptions, timeliness entries, first response and handler. A case whose history does not replay
    /// (changed outside foi: `foi verify` names it) keeps what it had rather than keeping the database from opening.
    private static func reproject(_ db: Database) throws {
        let rules = try migrationRules(db)
        let rows = try Row.fetchAll(db, sql: "SELECT id, ref FROM cases ORDER BY id")
        try forEachReplayable(rows, catalogue: rules.catalogue, db) { caseID, file in
            guard let state = try? file.state(rules) else { return }
            try Projection.rewrite(state, caseID: caseID, exemptionsChanged: true, db)
            try Projection.rewriteReceipt(state.file, caseID: caseID, db)
        }
    }

    /// Each case of `rows` (id, ref) replayed from its events; one whose history does not replay is left out.
    private static func forEachReplayable(
        _ rows: [Row], catalogue: ExemptionCatalogue, _ db: Database, _ body: (Int64, Case) throws -> Void
    ) throws {
        for chunk in chunked(rows) {
            let events = try EventLog.events(ofCases: chunk.map { $0[0] }, db)
            for row in chunk {
                let caseID: Int64 = row[0]
                guard
                    let file = try? EventLog.replay(
                        CaseReference(rawValue: row[1]), events: events[caseID] ?? [], catalogue: catalogue)
                else { continue }
                try body(caseID, file)
            }
        }
    }

    /// Migration 0005: each event's personal texts moved beside it (format 2), every event given its hash in the
    /// chain of its case, and each case's closing day computed by replaying it.
    private static func sealEvents(_ db: Database) throws {
        let catalogue = try ExemptionCatalogue(json: Seeds.exemptionsJSON)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.id, e.case_id, c.ref, e.sequence, e.kind, e.occurred_on, e.payload, e.format, e.actor,
                       e.recorded_at
                FROM events e JOIN cases c ON c.id = e.case_id ORDER BY e.case_id, e.sequence
                """)
        let update = try db.makeStatement(sql: "UPDATE events SET payload = ?, format = ?, hash = ? WHERE id = ?")
        let insertText = try db.makeStatement(
            sql: "INSERT INTO event_texts (event_id, field, text, salt, digest) VALUES (?, ?, ?, ?, ?)")
        let close = try db.makeStatement(sql: "UPDATE cases SET closed_on = ? WHERE id = ?")
        var current: (id: Int64, reference: CaseReference, history: [RecordedEvent], hash: String?)?
        func closeCase() throws {
            guard let current else { return }
            let file = try EventLog.replay(
                current.reference,
                events: current.history.enumerated().map {
                    StoredEvent(sequence: $0.offset + 1, recorded: $0.element, actor: nil, recordedAt: "")
                }, catalogue: catalogue)
            try close.execute(arguments: [file.closedOn, current.id])
        }
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let caseID: Int64 = row[1]
            if current?.id != caseID {
                try closeCase()
                current = (caseID, CaseReference(rawValue: row[2]), [], nil)
            }
            var payload: String = row[6]
            var format: Int = row[7]
            let kind: String = row[4]
            let recorded = try EventLog.decode(
                id: id, kind: kind, date: row[5], payload: payload, version: format, texts: nil)
            let event = recorded.event
            var digests: [String: String] = [:]
            if EventFormat.personalFields[event.kind] != nil {
                let sealed = EventFormat.sealed(event)
                // Format 2 is what this migration makes, whatever the format of the day.
                (payload, format) = (sealed.payload, 2)
                for (field, text) in sealed.texts {
                    let salt = EventLog.randomSalt()
                    digests[field] = EventChain.digest(of: text, salt: salt)
                    try insertText.execute(arguments: [id, field, text, salt, digests[field]])
                }
            }
            let link = EventChain.Link(
                caseReference: current!.reference, sequence: row[3], kind: kind, date: recorded.date, format: format,
                payload: payload, actor: row[8], recordedAt: row[9], textDigests: digests)
            let hash = EventChain.hash(of: link, after: current!.hash)
            try update.execute(arguments: [payload, format, hash, id])
            current!.hash = hash
            current!.history.append(recorded)
        }
        try closeCase()
    }
}
