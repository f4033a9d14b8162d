import FOIKit
import Foundation
import GRDB

extension CaseStore {
    /// The tables `export` writes whole, row by row, under their own names: the organisation's users (whom events
    /// of format 3 name by number), its settings, its holiday changes, the GOV.UK data it imported, and its own
    /// paragraphs.
    static let exportedTables = [
        "users", "settings", "holidays", "cancelled_holidays", "imported_holidays", "paragraphs",
        "reference_sequences",
    ]

    /// Everything the database holds, as JSON objects in order: a header (`type` `foi-export`, the event format and
    /// the schema), each row of `exportedTables` (`type` the table), then each case (`type` `case`): its reference
    /// and every event in the permanent format (docs/EVENTS.md: `sequence`, `date`, `kind`, `event`, `actor`,
    /// `recordedAt`, and `removed`: the personal fields whose texts are not in it), with its requester and the
    /// events' personal texts only when `requesters` is set. Read in one transaction, so the export is the database
    /// at one moment.
    public func export(requesters: Bool, _ write: (JSONValue) throws -> Void) async throws {
        try await read { db in
            let schema = try String.fetchOne(
                db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier DESC LIMIT 1")
            try write(
                .object([
                    "type": .string("foi-export"), "eventFormat": .integer(1),
                    "schema": schema.map(JSONValue.string) ?? .null,
                ]))
            for table in Self.exportedTables where try db.tableExists(table) {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") {
                    var fields: [String: JSONValue] = ["type": .string(table)]
                    for (column, value) in row { fields[column] = Self.json(value) }
                    try write(.object(fields))
                }
            }
            let cases = try Row.fetchAll(
                db,
                sql: requesters
                    ? """
                    SELECT c.id, c.ref, r.name, r.email, r.address FROM cases c
                    LEFT JOIN requesters r ON r.id = c.requester_id ORDER BY c.id
                    """
                    // Without them, the requesters table is not read at all.
                    : "SELECT id, ref, NULL, NULL, NULL FROM cases ORDER BY id")
            for chunk in chunked(cases) {
                let events = try EventLog.events(ofCases: chunk.map { $0[0] }, db)
                let enclosures = try Self.exportedEnclosures(ofCases: chunk.map { $0[0] }, personal: requesters, db)
                for row in chunk {
                    var fields: [String: JSONValue] = [
                        "type": .string("case"), "ref": .string(row[1]),
                        "events": .array(
                            (events[row[0]] ?? []).map { stored in Self.exported(stored, texts: requesters) }),
                    ]
                    if let enclosures = enclosures[row[0]] { fields["enclosures"] = .array(enclosures) }
                    if requesters, let name: String = row[2] {
                        fields["requester"] = .object([
                            "name": .string(name), "email": (row[3] as String?).map(JSONValue.string) ?? .null,
                            "address": (row[4] as String?).map(JSONValue.string) ?? .null,
                        ])
                    }
                    try write(.object(fields))
                }
            }
        }
    }

    /// The enclosures kept beside `cases`, by case, as the export writes them: name, size, digest, whether personal,
    /// and the bytes in base64 where they are kept (a personal one's only with `personal`).
    private static func exportedEnclosures(ofCases cases: [Int64], personal: Bool, _ db: Database) throws
        -> [Int64: [JSONValue]]
    {
        var enclosures: [Int64: [JSONValue]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT case_id, digest, name, size, personal, content FROM enclosures
                WHERE case_id IN (\(placeholders(cases.count))) ORDER BY case_id, name
                """, arguments: StatementArguments(cases))
        while let row = try rows.next() {
            let isPersonal: Bool = row[4]
            let content = (personal || !isPersonal) ? (row[5] as Data?) : nil
            enclosures[row[0], default: []].append(
                .object([
                    "digest": .string(row[1]), "name": .string(row[2]), "size": .integer(row[3]),
                    "personal": .bool(isPersonal),
                    "content": content.map { .string($0.base64EncodedString()) } ?? .null,
                ]))
        }
        return enclosures
    }

    /// An event as the export writes it; without `texts`, its personal texts read as removed.
    private static func exported(_ stored: StoredEvent, texts: Bool) -> JSONValue {
        var event = EventFormat.object(of: stored.recorded.event)
        var removed = stored.removedTexts
        if !texts, case .object(var fields) = event {
            for field in EventFormat.personalFields[stored.recorded.event.kind] ?? [] where fields[field] != nil {
                fields[field] = .string(EventFormat.removedText)
                if !removed.contains(field) { removed.append(field) }
            }
            event = .object(fields)
        }
        var object: [String: JSONValue] = [
            "sequence": .integer(stored.sequence), "date": .string(stored.recorded.date.description),
            "kind": .string(stored.recorded.event.kind.rawValue), "event": event,
            "actor": stored.actor.map(JSONValue.string) ?? .null, "recordedAt": .string(stored.recordedAt),
            "format": .integer(stored.format),
        ]
        if !removed.isEmpty { object["removed"] = .array(removed.sorted().map(JSONValue.string)) }
        return .object(object)
    }

    private static func json(_ value: DatabaseValue) -> JSONValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(Int(number))
        case .double(let number): .number(number)
        case .string(let text): .string(text)
        case .blob(let data): .string(String(decoding: data, as: UTF8.self))
        }
    }
}
