import FOIKit
import GRDB

extension CaseStore {
    /// The retention setting.
    public func retentionPolicy() async throws -> RetentionPolicy {
        try await read { db in try Self.retentionPolicy(db) }
    }

    /// The closed cases whose personal data is due for removal by `today` under the retention setting, oldest
    /// first; with `all`, every closed case not yet anonymised, with the day it falls due.
    public func retention(today: CivilDate, all: Bool = false) async throws -> [RetentionDue] {
        try await read { db in try Self.retention(today: today, all: all, db) }
    }

    static func retention(today: CivilDate, all: Bool, _ db: Database) throws -> [RetentionDue] {
        let policy = try retentionPolicy(db)
        var due: [RetentionDue] = []
        for regime in Regime.allCases {
            // A case is due once its closing day plus the years has come: read through the closure index up to
            // that many years back (a day more, for a 29 February that counts to the 28th), then checked exactly.
            let latest = today.addingMonthsClamped(-12 * policy.years(for: regime)).adding(days: 1)
            let upTo = all ? "" : "AND closed_on <= ?"
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT ref, closed_on FROM cases INDEXED BY cases_by_closure
                    WHERE closed_on IS NOT NULL AND anonymised_on IS NULL AND regime = ? \(upTo)
                    ORDER BY closed_on, ref
                    """, arguments: all ? [regime.rawValue] : [regime.rawValue, latest])
            while let row = try rows.next() {
                guard let closed: CivilDate = row[1] else { continue }
                let entry = RetentionDue(
                    reference: CaseReference(rawValue: row[0]), regime: regime, closedOn: closed,
                    dueOn: policy.due(closedOn: closed, regime: regime))
                if all || entry.dueOn <= today { due.append(entry) }
            }
        }
        return due.sorted { ($0.dueOn, $0.reference) < ($1.dueOn, $1.reference) }
    }

    /// Removes the personal data of the cases `references` (nil: every case due by `today`) in one transaction: the
    /// requester's identity, and each personal text of their events (the text and its salt; the digest stays, so
    /// the chain still verifies). Records an anonymisation event on each. Dates, outcomes, exemptions and clocks
    /// are untouched. Refused, writing nothing, for a case that is not closed or is already anonymised.
    ///
    /// What is removed is erased from the file, not only unlinked: the connection overwrites the space it frees
    /// (SQLite's `secure_delete`, which not every build has on by default), and the write-ahead log, which holds
    /// the pages as they were, is checkpointed into the file and emptied (`logKept` when another connection
    /// prevents it).
    public func anonymise(_ references: [CaseReference]?, actor: Actor, today: CivilDate) async throws -> Anonymisation
    {
        try await keepingPagesInMemory()
        try await writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA secure_delete = ON") }
        var result = try await write { db in
            let chosen = try references ?? Self.retention(today: today, all: false, db).map(\.reference)
            var result = Anonymisation()
            let actor = try Users.column(for: actor, db)
            let personalKinds = EventFormat.personalFields.keys.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            for reference in chosen {
                guard
                    let row = try Row.fetchOne(
                        db.cachedStatement(
                            sql: """
                                SELECT c.id, c.event_count, c.closed_on, c.anonymised_on, c.requester_id, e.hash
                                FROM cases c LEFT JOIN events e ON e.case_id = c.id AND e.sequence = c.event_count
                                WHERE c.ref = ?
                                """), arguments: [reference.rawValue])
                else { throw StoreError.caseNotFound(reference) }
                let caseID: Int64 = row[0]
                if let anonymised: CivilDate = row[3] {
                    throw StoreError.alreadyAnonymised(reference, on: anonymised)
                }
                guard row[2] as CivilDate? != nil else { throw StoreError.notClosed(reference) }
                var removal = PersonalDataRemoval(requester: false, texts: 0)
                if let requesterID: Int64 = row[4] {
                    try db.cachedStatement(
                        sql: """
                            UPDATE requesters SET name = ?, email = NULL, address = NULL, anonymised_on = ?
                            WHERE id = ?
                            """
                    ).execute(arguments: [EventFormat.removedText, today, requesterID])
                    removal.requester = true
                }
                try db.cachedStatement(
                    sql: """
                        UPDATE event_texts SET text = NULL, salt = NULL, removed_on = ?
                        WHERE text IS NOT NULL AND event_id IN (SELECT id FROM events WHERE case_id = ?)
                        """
                ).execute(arguments: [today, caseID])
                removal.texts = db.changesCount
                // The documents enclosed that hold personal data; their names, sizes and digests stay.
                try db.cachedStatement(
                    sql: """
                        UPDATE enclosures SET content = NULL, removed_on = ?
                        WHERE case_id = ? AND personal AND content IS NOT NULL
                        """
                ).execute(arguments: [today, caseID])
                // The copies kept from before format 1 hold the same texts.
                try db.cachedStatement(
                    sql: """
                        UPDATE events_before_format_1 SET payload = '' WHERE payload <> '' AND event_id IN
                            (SELECT id FROM events WHERE case_id = ? AND kind IN (\(personalKinds)))
                        """
                ).execute(arguments: [caseID])
                // An anonymisation changes nothing of the case but its history (`CaseEvent.isRemark`): the event is
                // appended and counted, and the rest of the projection stands.
                let event = CaseEvent.anonymised(removal)
                precondition(event.isRemark)
                let sequence = (row[1] as Int) + 1
                var ledger = try Ledger.Tail(db)
                try EventLog.append(
                    RecordedEvent(date: today, event: event), sequence: sequence, caseID: caseID,
                    reference: reference, previous: row[5], actor: actor, ledger: &ledger, db
                )
                try db.cachedStatement(sql: "UPDATE cases SET event_count = ?, anonymised_on = ? WHERE id = ?")
                    .execute(arguments: [sequence, today, caseID])
                result.cases.append(reference)
                result.requesters += removal.requester ? 1 : 0
                result.texts += removal.texts
            }
            return result
        }
        result.logKept = try await !emptyLog()
        return result
    }

    /// Checkpoints the write-ahead log into the database file and truncates it; false when another connection's
    /// reading kept part of it (SQLite answers busy, or copies less than the log holds).
    func emptyLog() async throws -> Bool {
        try await writer.writeWithoutTransaction { db in
            guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") else { return true }
            let (busy, logged, copied): (Int, Int, Int) = (row[0], row[1], row[2])
            return busy == 0 && logged <= copied
        }
    }
}
