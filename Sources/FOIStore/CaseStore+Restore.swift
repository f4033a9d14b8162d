import FOIKit
import Foundation
import GRDB

extension CaseStore {
    /// Whether `bytes` are an export: the first line is its `foi-export` header.
    public static func isExport(_ bytes: [UInt8]) -> Bool {
        let firstLine = bytes.prefix { $0 != 0x0A }
        guard firstLine.first == UInt8(ascii: "{"),
            case .object(let header)? = try? JSONValue(parsing: Array(firstLine))
        else { return false }
        return header["type"] == .string("foi-export")
    }

    /// Restores `export`'s JSON Lines into this database, which must hold no case: the organisation's tables row by
    /// row, then each case replayed from its events through the lifecycle under the restored rules and stored with
    /// the events as they were recorded (their actors and times; the personal texts the export lacks stored as
    /// removed; the chain sealed anew), its projection, and its requester if the export has it. One transaction: a
    /// bad line writes nothing (`StoreError.badExport` names it).
    /// `writeTemplates` is given the export's edited letter templates before the transaction commits (a failure
    /// there writes nothing) and returns the directory the templates-dir setting is to name, if it wrote them.
    public func restore(
        export bytes: [UInt8], today: CivilDate,
        writeTemplates: ([(name: String, text: String)]) throws -> String? = { _ in nil }
    ) async throws -> Restoration {
        try await keepingPagesInMemory()
        return try await write { db in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0
            guard existing == 0 else { throw StoreError.restoreNeedsNewDatabase(cases: existing) }
            var restoration = Restoration()
            // The cases come after the tables, and are restored under the rules the tables make: their lines are
            // read on another thread while the ones before are written.
            var caseLines: [(line: Int, bytes: Range<Int>)] = []
            let caseSuffix = Array(",\"type\":\"case\"}".utf8)
            // Each table's columns with their declared types.
            var columns: [String: [String: String]] = [:]
            var lineNumber = 0
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                lineNumber += 1
                func fail(_ reason: String) -> StoreError { .badExport(line: lineNumber, reason: reason) }
                if line.isEmpty && lineNumber > 1 { continue }
                // A case as `export` writes it (canonical JSON: "type" is its last key), left to parse later.
                if lineNumber > 1 && line.reversed().starts(with: caseSuffix.reversed()) {
                    caseLines.append((lineNumber, line.startIndex..<line.endIndex))
                    continue
                }
                let value: JSONValue
                do throws(RestoreFailure) { value = try Self.parse(line) } catch { throw fail(error.description) }
                guard case .object(var fields) = value, case .string(let type)? = fields.removeValue(forKey: "type")
                else { throw fail("not a JSON object with a \"type\"") }
                if lineNumber == 1 {
                    guard type == "foi-export" else { throw fail("the first line is not the export's header") }
                    guard fields["eventFormat"] == .integer(1) else {
                        throw fail("events in a format other than 1 (docs/EVENTS.md); this foi reads format 1")
                    }
                    if case .string(let schema)? = fields["schema"] { restoration.schema = schema }
                    continue
                }
                switch type {
                case _ where Self.exportedTables.contains(type):
                    guard caseLines.isEmpty else {
                        throw fail("a \(type) row after the cases: the tables come first")
                    }
                    do {
                        try Self.insert(fields, into: type, columns: &columns, db)
                    } catch let reason as RestoreFailure {
                        throw fail(reason.description)
                    }
                    restoration.rows[type, default: 0] += 1
                case "template":
                    guard case .string(let name)? = fields["name"], case .string(let text)? = fields["text"] else {
                        throw fail("a template needs its name and text")
                    }
                    restoration.templates.append((name, text))
                case "case":
                    caseLines.append((lineNumber, line.startIndex..<line.endIndex))
                default:
                    throw fail("no record of type '\(type)' in an export")
                }
            }
            let rules = try rules(db)
            let cases = caseLines
            let ledger = Ledger.RunningTail(try Ledger.Tail(db))
            try Self.indexingAfter(cases.count > 1000, db) {
                try pipelined(count: cases.count) { offset in
                    do {
                        guard case .object(let fields) = try Self.parse(bytes[cases[offset].bytes]) else {
                            throw RestoreFailure("not a JSON object with a \"type\"")
                        }
                        var restored = try Self.restoredCase(fields, rules: rules, today: today)
                        ledger.place(&restored.sealed)
                        return restored
                    } catch let reason as RestoreFailure {
                        throw StoreError.badExport(line: cases[offset].line, reason: reason.description)
                    }
                } write: { offset, restored in
                    do {
                        try Self.write(restored, into: &restoration, db)
                    } catch let reason as RestoreFailure {
                        throw StoreError.badExport(line: cases[offset].line, reason: reason.description)
                    }
                }
            }
            if let templatesDirectory = try writeTemplates(restoration.templates) {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                    arguments: [Settings.Key.templatesDirectory.rawValue, templatesDirectory])
            }
            return restoration
        }
    }

    /// One line of an export as JSON; why it is not, as the line's failure.
    private static func parse(_ line: ArraySlice<UInt8>) throws(RestoreFailure) -> JSONValue {
        do {
            return try JSONValue(parsing: Array(line))
        } catch {
            throw RestoreFailure("\(error)")
        }
    }

    /// A row of an organisation table, as the export wrote it. `columns`: each table's columns with their declared
    /// types, read once.
    private static func insert(
        _ fields: [String: JSONValue], into table: String, columns: inout [String: [String: String]], _ db: Database
    ) throws {
        let known =
            try columns[table]
            ?? Dictionary(
                db.columns(in: table).map { ($0.name, $0.type.uppercased()) }, uniquingKeysWith: { a, _ in a })
        columns[table] = known
        let names = fields.keys.sorted()
        if let unknown = names.first(where: { known[$0] == nil }) {
            throw RestoreFailure("the table \(table) has no column '\(unknown)'")
        }
        do {
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO \(table) (\(names.joined(separator: ", ")))
                    VALUES (\(placeholders(names.count)))
                    """,
                arguments: StatementArguments(
                    try names.map { try databaseValue(fields[$0]!, blob: known[$0] == "BLOB") }))
        } catch let error as DatabaseError {
            throw RestoreFailure("a \(table) row foi cannot store: \(error.message ?? "\(error.resultCode)")")
        } catch let reason as RestoreFailure {
            throw RestoreFailure("a \(table) row: \(reason)")
        }
    }

    /// A case of an export, replayed and sealed: what `write` stores.
    private struct RestoredCase: Sendable {
        var state: CaseState
        var sealed: [EventLog.Sealed]
        var requester: Requester?
        /// The day its personal data was removed, if it was.
        var anonymised: CivilDate?
        var removedTexts: Int
        /// The enclosures kept beside it, with their bytes where the export has them, and the day those without
        /// them count as removed (their case's anonymisation, else the restore).
        var enclosures: [(enclosure: Enclosure, content: Data?)]
        var enclosuresRemovedOn: CivilDate
    }

    /// A case line's fields replayed through the lifecycle under `rules` and sealed into its chain as its events
    /// were recorded. Pure, so that it runs on another thread.
    private static func restoredCase(_ fields: [String: JSONValue], rules: CaseRules, today: CivilDate) throws
        -> RestoredCase
    {
        guard case .string(let ref)? = fields["ref"] else { throw RestoreFailure("a case needs its ref") }
        let reference: CaseReference
        do {
            reference = try CaseReference(validating: ref)
        } catch {
            throw RestoreFailure("the case '\(ref)': \(error)")
        }
        guard case .array(let objects)? = fields["events"] else { throw RestoreFailure("\(ref) has no events") }
        let events = try objects.enumerated().map { index, object in
            try Self.storedEvent(object, number: index + 1, of: ref)
        }
        let state: CaseState
        do {
            state = try Case(reference: reference, history: events.map(\.recorded), catalogue: rules.catalogue)
                .state(rules)
        } catch {
            throw RestoreFailure("\(ref)'s history does not replay: \(error)")
        }
        let anonymised = events.last { if case .anonymised = $0.recorded.event { true } else { false } }?.recorded.date
        var requester: Requester?
        if case .object(let fields)? = fields["requester"] {
            guard case .string(let name)? = fields["name"] else {
                throw RestoreFailure("\(ref)'s requester has no name")
            }
            func text(_ key: String) -> String? { if case .string(let text)? = fields[key] { text } else { nil } }
            requester = Requester(name: name, email: text("email"), address: text("address"))
        }
        var enclosures: [(enclosure: Enclosure, content: Data?)] = []
        if case .array(let objects)? = fields["enclosures"] {
            for object in objects { enclosures.append(try Self.enclosure(object, of: ref)) }
        }
        return RestoredCase(
            state: state,
            sealed: try Projection.sealedHistory(
                state, actor: nil, recordedAt: "", restoring: (events, anonymised ?? today)),
            requester: requester, anonymised: anonymised,
            removedTexts: events.reduce(0) { $0 + $1.removedTexts.count }, enclosures: enclosures,
            enclosuresRemovedOn: anonymised ?? today)
    }

    /// An enclosure of the case `ref` as the export wrote it; its bytes, where given, must have its digest.
    private static func enclosure(_ object: JSONValue, of ref: String) throws -> (enclosure: Enclosure, content: Data?)
    {
        guard case .object(let fields) = object, case .string(let digest)? = fields["digest"],
            case .string(let name)? = fields["name"], case .integer(let size)? = fields["size"],
            case .bool(let personal)? = fields["personal"]
        else { throw RestoreFailure("\(ref) has an enclosure without its digest, name, size and personal flag") }
        var content: Data?
        if case .string(let base64)? = fields["content"] {
            guard let bytes = Data(base64Encoded: base64), SHA256.hex(Array(bytes)) == digest else {
                throw RestoreFailure("\(ref)'s enclosure \(name) does not have the digest it is listed with")
            }
            content = bytes
        }
        return (Enclosure(name: name, size: size, digest: digest, personal: personal), content)
    }

    /// Stores a restored case: its requester, its row, events and projection.
    private static func write(_ restored: RestoredCase, into restoration: inout Restoration, _ db: Database) throws {
        var requesterID: Int64?
        if let requester = restored.requester {
            try db.cachedStatement(
                sql: "INSERT INTO requesters (name, email, address, anonymised_on) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [requester.name, requester.email, requester.address, restored.anonymised])
            requesterID = db.lastInsertedRowID
            restoration.requesters += 1
        }
        let caseID: Int64
        do {
            caseID = try Projection.insert(restored.state, requesterID: requesterID, sealed: restored.sealed, db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw RestoreFailure("\(restored.state.file.reference) is in the export twice")
        }
        if let anonymised = restored.anonymised {
            try db.cachedStatement(sql: "UPDATE cases SET anonymised_on = ? WHERE id = ?")
                .execute(arguments: [anonymised, caseID])
        }
        for (enclosure, content) in restored.enclosures {
            try db.execute(
                sql: """
                    INSERT INTO enclosures (case_id, digest, name, size, content, personal, removed_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    caseID, enclosure.digest, enclosure.name, enclosure.size, content, enclosure.personal,
                    content == nil ? restored.enclosuresRemovedOn : nil,
                ])
        }
        restoration.cases += 1
        restoration.removedTexts += restored.removedTexts
    }

    /// Event number `number` of the case `ref`, as the export wrote it.
    private static func storedEvent(_ value: JSONValue, number: Int, of ref: String) throws -> StoredEvent {
        guard case .object(let fields) = value else {
            throw RestoreFailure("\(ref)'s event \(number) is not an object")
        }
        func fail(_ reason: String) -> RestoreFailure { RestoreFailure("\(ref)'s event \(number): \(reason)") }
        guard fields["sequence"] == .integer(number) else { throw fail("its sequence is not \(number)") }
        guard case .string(let kind)? = fields["kind"], let event = fields["event"] else {
            throw fail("it needs its kind and event")
        }
        guard case .string(let day)? = fields["date"], let date = try? CivilDate(iso: day) else {
            throw fail("its date is not a date (YYYY-MM-DD)")
        }
        guard case .string(let recordedAt)? = fields["recordedAt"] else { throw fail("it needs its recordedAt") }
        let actor: String?
        switch fields["actor"] {
        case .string(let name)?: actor = name
        case .null?, nil: actor = nil
        default: throw fail("its actor is not text")
        }
        // An export from before format 3 gives no format: its actors are names.
        let format: Int
        switch fields["format"] {
        case .integer(let number)? where (1...EventFormat.version).contains(number): format = number
        case nil: format = 2
        default: throw fail("its format is not one this foi reads (1 to \(EventFormat.version))")
        }
        var removed: [String] = []
        if case .array(let names)? = fields["removed"] {
            let personal = EventKind(rawValue: kind).flatMap { EventFormat.personalFields[$0] } ?? []
            for case .string(let name) in names where personal.contains(name) { removed.append(name) }
        }
        do {
            return StoredEvent(
                sequence: number,
                recorded: RecordedEvent(date: date, event: try EventFormat.event(kind: kind, object: event)),
                actor: actor, recordedAt: recordedAt, removedTexts: removed, format: format)
        } catch {
            throw fail("\(error)")
        }
    }

    /// A cell of an exported table row as SQLite stores it (the export writes a `blob` column's bytes as text).
    private static func databaseValue(_ value: JSONValue, blob: Bool) throws -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .number(let number): number.databaseValue
        case .string(let text) where blob: Data(text.utf8).databaseValue
        case .string(let text): text.databaseValue
        case .bool(let flag): flag.databaseValue
        default: throw RestoreFailure("a table's value is not text, a number or null")
        }
    }
}

/// Why one line of an export cannot be restored.
private struct RestoreFailure: Error, CustomStringConvertible, Sendable {
    var description: String
    init(_ description: String) { self.description = description }
}
