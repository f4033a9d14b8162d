import FOIKit
import GRDB

/// The ledger (migration 0012): every event of the database in the order it was appended (the order of the events'
/// ids), each one's `ledger` column chained to the one before it (`EventChain.ledgerHash`). Written with the event.
enum Ledger {
    /// The ledger's last hash as a write goes on: read once when the write begins, then carried from one event to
    /// the next (an import appends a few hundred thousand).
    struct Tail {
        private(set) var hash: String?

        init(_ db: Database) throws {
            hash = try String.fetchOne(
                db.cachedStatement(sql: "SELECT ledger FROM events ORDER BY id DESC LIMIT 1"))
        }

        /// The ledger hash of an event whose hash is `eventHash`, appended now.
        mutating func next(_ eventHash: String) -> String {
            let next = EventChain.ledgerHash(after: hash, event: eventHash)
            hash = next
            return next
        }

        /// Gives each of `events`, appended now in their order, its ledger hash.
        mutating func place(_ events: inout [EventLog.Sealed]) {
            for index in events.indices { events[index].ledger = next(events[index].hash) }
        }
    }

    /// A tail that the thread preparing a bulk write's cases carries from one run of them to the next: the runs are
    /// prepared one after another, in the order they are written, so the events get their ledger hashes there and
    /// the writing thread only writes them.
    final class RunningTail: @unchecked Sendable {
        // Used by one preparing thread at a time: the next run is begun only after the one before is finished.
        private var tail: Tail

        init(_ tail: Tail) { self.tail = tail }

        func place(_ events: inout [EventLog.Sealed]) { tail.place(&events) }
    }

    /// Migration 0012: every event there is, in the order of its id.
    static func fill(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, hash FROM events ORDER BY id")
        let update = try db.makeStatement(sql: "UPDATE events SET ledger = ? WHERE id = ?")
        var previous: String?
        while let row = try rows.next() {
            let hash = EventChain.ledgerHash(after: previous, event: row[1] ?? "")
            try update.execute(arguments: [hash, row[0] as Int64])
            previous = hash
        }
    }

    /// The head: the last event's id and its ledger hash (nil when there is no event).
    static func head(_ db: Database) throws -> (eventID: Int64, hash: String)? {
        try Row.fetchOne(db, sql: "SELECT id, ledger FROM events ORDER BY id DESC LIMIT 1").flatMap { row in
            (row[1] as String?).map { (row[0], $0) }
        }
    }

    /// Where the ledger breaks: an event whose ledger hash is not the one of its own hash and of the event before.
    static func problems(_ db: Database) throws -> [String] {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, hash, ledger FROM events ORDER BY id")
        var previous: Digest?
        while let row = try rows.next() {
            let eventID: Int64 = row[0]
            let hash = EventChain.ledgerDigest(after: previous, event: row[1] ?? Digest())
            guard hash == row[2] else {
                return [
                    "the ledger breaks at event \(eventID): an event before it, or its own, was changed or removed "
                        + "after it was recorded"
                ]
            }
            previous = hash
        }
        return []
    }
}
