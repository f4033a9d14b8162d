import FOIKit
import GRDB

/// The `ledger` table (migration 0012): every event of the database in the order it was appended, each position's
/// hash chained to the one before (`EventChain.ledgerHash`). Appended to in the same transaction as the event.
enum Ledger {
    /// Appends the event `eventID`, whose hash is `eventHash`, after the ledger's last position.
    static func append(eventID: Int64, eventHash: String, _ db: Database) throws {
        let last = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT position, hash FROM ledger ORDER BY position DESC LIMIT 1"))
        let position: Int64 = (last?[0] ?? 0) + 1
        try db.cachedStatement(sql: "INSERT INTO ledger (position, event_id, hash) VALUES (?, ?, ?)").execute(
            arguments: [position, eventID, EventChain.ledgerHash(after: last?[1], event: eventHash)])
    }

    /// Migration 0012: every event there is, in the order of its id (the order it was appended).
    static func appendEveryEvent(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, hash FROM events ORDER BY id")
        let insert = try db.makeStatement(sql: "INSERT INTO ledger (position, event_id, hash) VALUES (?, ?, ?)")
        var previous: String?
        var position: Int64 = 0
        while let row = try rows.next() {
            position += 1
            let hash = EventChain.ledgerHash(after: previous, event: row[1] ?? "")
            try insert.execute(arguments: [position, row[0] as Int64, hash])
            previous = hash
        }
    }

    /// The head: the last position and its hash (nil when the ledger is empty).
    static func head(_ db: Database) throws -> (position: Int64, hash: String)? {
        try Row.fetchOne(db, sql: "SELECT position, hash FROM ledger ORDER BY position DESC LIMIT 1").map {
            ($0[0], $0[1])
        }
    }

    /// Where the ledger does not chain every event: a position whose hash is not its event's and the hash before
    /// it, an event it does not hold, or one it holds that no longer exists.
    static func problems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT l.position, l.hash, e.hash FROM ledger l LEFT JOIN events e ON e.id = l.event_id
                ORDER BY l.position
                """)
        var previous: String?
        var expected: Int64 = 1
        while let row = try rows.next() {
            let position: Int64 = row[0]
            guard position == expected else {
                problems.append("the ledger has no position \(expected): an event was removed from it")
                break
            }
            guard let eventHash: String = row[2] else {
                problems.append("the ledger's position \(position) holds an event that no longer exists")
                break
            }
            let hash = EventChain.ledgerHash(after: previous, event: eventHash)
            guard hash == row[1] else {
                problems.append(
                    "the ledger breaks at position \(position): an event before it, or its own, was changed or "
                        + "removed after it was recorded")
                break
            }
            previous = hash
            expected += 1
        }
        let missing = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM ledger)")!
        if missing > 0 {
            problems.append("\(missing) event\(missing == 1 ? " is" : "s are") not in the ledger: written outside foi")
        }
        return problems
    }
}
