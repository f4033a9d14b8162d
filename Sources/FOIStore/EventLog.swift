import FOIKit
import Foundation
import GRDB

/// The `events` table: each case's history in the permanent event format, appended and never changed.
enum EventLog {
    /// Appends `recorded` as the case's event number `sequence`.
    static func append(_ recorded: RecordedEvent, sequence: Int, caseID: Int64, actor: String?, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO events (case_id, sequence, kind, occurred_on, payload, format, actor, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            caseID, sequence, recorded.event.kind.rawValue, recorded.date, EventFormat.payload(of: recorded.event),
            EventFormat.version, actor, timestamp(),
        ])
    }

    /// The events of one case, in order. `legacy`: the payloads are still in the form before format 1 (only
    /// while migrating to it).
    static func events(ofCase caseID: Int64, _ db: Database, legacy: Bool = false) throws -> [StoredEvent] {
        try events(ofCases: [caseID], db, legacy: legacy)[caseID] ?? []
    }

    /// The events of each of these cases, in order, read in a few queries.
    static func events(ofCases ids: [Int64], _ db: Database, legacy: Bool = false) throws -> [Int64: [StoredEvent]] {
        var byCase: [Int64: [StoredEvent]] = [:]
        let format = legacy ? "0" : "format"
        for chunk in chunked(ids) {
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, case_id, sequence, kind, occurred_on, payload, \(format), actor, recorded_at FROM events
                    WHERE case_id IN (\(placeholders(chunk.count))) ORDER BY case_id, sequence
                    """, arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                let id: Int64 = row[0]
                let kind: String = row[3]
                var payload: String = row[5]
                guard let date: CivilDate = row[4] else {
                    throw StoreError.unreadableEvent(id: id, reason: "its date is not a date")
                }
                let event: CaseEvent
                do {
                    if legacy { payload = try EventFormat.versionOnePayload(fromLegacy: payload, kind: kind) }
                    event = try EventFormat.event(kind: kind, payload: payload, version: legacy ? 1 : row[6])
                } catch {
                    throw StoreError.unreadableEvent(id: id, reason: error.description)
                }
                byCase[row[1], default: []].append(
                    StoredEvent(
                        sequence: row[2], recorded: RecordedEvent(date: date, event: event), actor: row[7],
                        recordedAt: row[8]))
            }
        }
        return byCase
    }

    /// The case whose history is `events`, replayed through the lifecycle.
    static func replay(_ reference: CaseReference, events: [StoredEvent], catalogue: ExemptionCatalogue) throws -> Case
    {
        try deciding { try Case(reference: reference, history: events.map(\.recorded), catalogue: catalogue) }
    }

    /// The current UTC time as ISO 8601 (`2026-11-20T09:15:02Z`), for the audit column `recorded_at`.
    static func timestamp() -> String {
        let seconds = Int(Date().timeIntervalSince1970)
        let day = CivilDate(dayNumber: seconds / 86_400)
        let time = seconds % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day)T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }
}

/// `items` in runs short enough for one `IN (...)` list.
func chunked<Item>(_ items: [Item]) -> [ArraySlice<Item>] {
    stride(from: 0, to: items.count, by: 500).map { items[$0..<min($0 + 500, items.count)] }
}

/// `?, ?, ?` for `count` arguments.
func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}
