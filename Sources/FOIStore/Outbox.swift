import FOIKit
import GRDB

/// The outbox (`outbox`, migration 0023): messages queued with the steps that cause them, claimed by the run that
/// delivers them, marked sent only once the mail server took them.
enum Outbox {
    /// How long a claim holds: a run that died with messages claimed leaves them to the next after this.
    static let claimSeconds: Int64 = 600

    static func queue(_ messages: [OutgoingMessage], at now: Int64, _ db: Database) throws -> Int {
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO outbox (message_key, user_id, kind, case_ref, subject, body, queued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        var queued = 0
        for message in messages {
            try insert.execute(arguments: [
                message.key, message.recipient.rawValue, message.kind.rawValue, message.reference?.rawValue,
                message.subject, message.body, now,
            ])
            queued += db.changesCount
        }
        return queued
    }
}

extension CaseStore {
    public func queue(_ messages: [OutgoingMessage], at now: Int64) async throws -> Int {
        try await write { db in try Outbox.queue(messages, at: now, db) }
    }

    public func claimPending(limit: Int, at now: Int64) async throws -> [PendingMessage] {
        try await write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.id, o.message_key, o.user_id, o.kind, o.case_ref, o.subject, o.body, o.attempts, u.name,
                           CASE WHEN u.active THEN u.email END
                    FROM outbox o JOIN users u ON u.id = o.user_id
                    WHERE o.sent_at IS NULL AND o.dropped IS NULL AND (o.claimed_at IS NULL OR o.claimed_at < ?)
                    ORDER BY o.id LIMIT ?
                    """, arguments: [now - Outbox.claimSeconds, limit])
            let claim = try db.cachedStatement(sql: "UPDATE outbox SET claimed_at = ? WHERE id = ?")
            return try rows.map { row in
                try claim.execute(arguments: [now, row[0]])
                guard let kind = MessageKind(rawValue: row[3]) else { throw StoreError.unreadableCase(id: row[0]) }
                let message = OutgoingMessage(
                    recipient: UserID(rawValue: row[2]), kind: kind,
                    reference: (row[4] as String?).map(CaseReference.init(rawValue:)), subject: row[5], body: row[6],
                    key: row[1])
                return PendingMessage(
                    id: row[0], message: message, recipientName: row[8], recipientEmail: row[9], attempts: row[7])
            }
        }
    }

    public func record(_ delivery: Delivery, of id: Int64, at now: Int64) async throws {
        try await write { db in
            switch delivery {
            case .sent:
                try db.execute(
                    sql: "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
                    arguments: [now, id])
            case .dropped(let reason):
                try db.execute(
                    sql: "UPDATE outbox SET dropped = ?, attempts = attempts + 1 WHERE id = ?", arguments: [reason, id])
            case .deferred(let reason):
                try db.execute(
                    sql: "UPDATE outbox SET claimed_at = NULL, attempts = attempts + 1, last_error = ? WHERE id = ?",
                    arguments: [reason, id])
            }
        }
    }

    public func outboxCounts() async throws -> OutboxCounts {
        try await read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) FILTER (WHERE sent_at IS NULL AND dropped IS NULL),
                           count(*) FILTER (WHERE sent_at IS NOT NULL), count(*) FILTER (WHERE dropped IS NOT NULL)
                    FROM outbox
                    """)
            return OutboxCounts(pending: row?[0] ?? 0, sent: row?[1] ?? 0, dropped: row?[2] ?? 0)
        }
    }
}

extension CaseStore {
    public func markSeen(_ reference: CaseReference, by user: UserID, upTo seen: Int) async throws -> Int {
        try await write { db in
            let caseID = try Self.caseID(reference, db)
            let before =
                try Int.fetchOne(
                    db, sql: "SELECT seen_sequence FROM comment_reads WHERE user_id = ? AND case_id = ?",
                    arguments: [user.rawValue, caseID]) ?? 0
            try db.execute(
                sql: "INSERT OR REPLACE INTO comment_reads (user_id, case_id, seen_sequence) VALUES (?, ?, ?)",
                arguments: [user.rawValue, caseID, max(before, seen)])
            return before
        }
    }
}
