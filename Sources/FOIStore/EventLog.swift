import FOIKit
import Foundation
import GRDB

/// The `events` table: each case's history in the permanent event format, appended and never changed, each event
/// chained to the one before by its hash; personal texts beside it in `event_texts`.
enum EventLog {
    /// An event sealed into its case's chain, ready to write: its payload, its personal texts salted, its hash.
    struct Sealed: Sendable {
        var link: EventChain.Link
        var texts: [(field: String, text: String?, salt: String, digest: String)]
        var hash: String
        /// The day its removed texts were removed (a restored event's).
        var removedOn: CivilDate?
        /// Its hash in the ledger, given when its place in the database's order is known (`Ledger.Tail.place`).
        var ledger = ""
    }

    /// Appends `recorded` as event number `sequence` of the case `caseID` (`reference`), after the event whose
    /// hash is `previous` (nil for the first); returns its hash.
    @discardableResult
    static func append(
        _ recorded: RecordedEvent, sequence: Int, caseID: Int64, reference: CaseReference, previous: String?,
        actor: String?, ledger: inout Ledger.Tail, _ db: Database
    ) throws -> String {
        var sealed = try seal(
            recorded, sequence: sequence, reference: reference, previous: previous, actor: actor,
            recordedAt: timestamp())
        sealed.ledger = ledger.next(sealed.hash)
        try write(sealed, caseID: caseID, db)
        return sealed.hash
    }

    /// `recorded` sealed as event number `sequence` of the case `reference` after the event whose hash is
    /// `previous`: pure, so that many can be sealed at once before they are written. `restoring`: the event as an
    /// export recorded it (its actor and time instead of `actor` and `recordedAt`; the personal texts already
    /// removed, stored as removed on `removedOn`).
    static func seal(
        _ recorded: RecordedEvent, sequence: Int, reference: CaseReference, previous: String?, actor: String?,
        recordedAt: String, restoring: (event: StoredEvent, removedOn: CivilDate)? = nil
    ) throws(StoreError) -> Sealed {
        let (payload, texts) = EventFormat.sealed(recorded.event)
        // SQLite's texts end at a NUL: a text cut there would no longer be the one the hash covers. Every way in
        // refuses it; this is the last line.
        if JSONValue.canonicalTextHoldsNUL(payload) || texts.values.contains(where: { $0.utf8.contains(0) })
            || reference.rawValue.utf8.contains(0)
        {
            throw .textHoldsNUL(reference)
        }
        var salted: [(field: String, text: String?, salt: String, digest: String)] = []
        for (field, text) in texts.sorted(by: { $0.key < $1.key }) {
            let salt = randomSalt()
            let removed = restoring?.event.removedTexts.contains(field) == true
            salted.append((field, removed ? nil : text, salt, EventChain.digest(of: text, salt: salt)))
        }
        let link = EventChain.Link(
            caseReference: reference, sequence: sequence, kind: recorded.event.kind.rawValue, date: recorded.date,
            // A restored event keeps its format (from 2, the oldest this foi writes): before 3, its actor and any
            // handler it names are names, which format 3 does not hold.
            format: restoring.map { max(2, $0.event.format) } ?? EventFormat.version, payload: payload,
            actor: restoring.map(\.event.actor) ?? actor,
            recordedAt: restoring?.event.recordedAt ?? recordedAt,
            textDigests: Dictionary(uniqueKeysWithValues: salted.map { ($0.field, $0.digest) }))
        return Sealed(
            link: link, texts: salted, hash: EventChain.hash(of: link, after: previous), removedOn: restoring?.removedOn
        )
    }

    /// Writes a sealed event of the case `caseID`, with its place in the ledger.
    static func write(_ sealed: Sealed, caseID: Int64, _ db: Database) throws {
        let link = sealed.link
        try db.cachedStatement(
            sql: """
                INSERT INTO events (case_id, sequence, kind, occurred_on, payload, format, actor, recorded_at, hash,
                                    ledger)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            caseID, link.sequence, link.kind, link.date, link.payload, link.format, link.actor, link.recordedAt,
            sealed.hash, sealed.ledger,
        ])
        let eventID = db.lastInsertedRowID
        for text in sealed.texts {
            // A removed text keeps only its digest, as anonymisation leaves it.
            try db.cachedStatement(
                sql: """
                    INSERT INTO event_texts (event_id, field, text, salt, digest, removed_on) VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                eventID, text.field, text.text, text.text == nil ? nil : text.salt, text.digest,
                text.text == nil ? sealed.removedOn : nil,
            ])
        }
    }

    /// The hash of the case's event number `sequence`.
    static func hash(caseID: Int64, sequence: Int, _ db: Database) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT hash FROM events WHERE case_id = ? AND sequence = ?"),
            arguments: [caseID, sequence])
    }

    /// 16 random bytes as hex: a personal text's salt.
    static func randomSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
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
            let list = "(\(placeholders(chunk.count)))"
            let texts =
                legacy ? [:] : try self.texts(where: "e.case_id IN \(list)", arguments: StatementArguments(chunk), db)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, case_id, sequence, kind, occurred_on, payload, \(format), actor, recorded_at FROM events
                    WHERE case_id IN \(list) ORDER BY case_id, sequence
                    """, arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                let id: Int64 = row[0]
                let recorded = try decode(
                    id: id, kind: row[3], date: row[4], payload: row[5], version: legacy ? 1 : row[6],
                    texts: texts[id], fromLegacy: legacy)
                byCase[row[1], default: []].append(
                    StoredEvent(
                        sequence: row[2], recorded: recorded, actor: row[7], recordedAt: row[8],
                        removedTexts: (texts[id] ?? [:]).filter { $0.value.text == nil }.keys.sorted(),
                        format: legacy ? 1 : row[6]))
            }
        }
        return byCase
    }

    /// The stored event `id` read back: its date checked, its payload decoded with its personal texts (`fromLegacy`:
    /// a payload still in the form before format 1, while migrating to it).
    static func decode(
        id: Int64, kind: String, date: CivilDate?, payload: String, version: Int, texts: [String: StoredText]?,
        fromLegacy: Bool = false
    ) throws -> RecordedEvent {
        guard let date else { throw StoreError.unreadableEvent(id: id, reason: "its date is not a date") }
        do {
            let payload = fromLegacy ? try EventFormat.versionOnePayload(fromLegacy: payload, kind: kind) : payload
            let event = try EventFormat.event(
                kind: kind, payload: payload, version: version, texts: texts?.mapValues(\.text) ?? [:])
            return RecordedEvent(date: date, event: event)
        } catch {
            throw StoreError.unreadableEvent(id: id, reason: error.description)
        }
    }

    /// The personal texts of the events `condition` selects (`e` is the events table), by event id and field.
    static func texts(where condition: String, arguments: StatementArguments = [], _ db: Database) throws
        -> [Int64: [String: StoredText]]
    {
        var texts: [Int64: [String: StoredText]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT t.event_id, t.field, t.text, t.salt, t.digest FROM event_texts t
                JOIN events e ON e.id = t.event_id WHERE \(condition)
                """, arguments: arguments)
        while let row = try rows.next() {
            texts[row[0], default: [:]][row[1]] = StoredText(text: row[2], salt: row[3], digest: row[4])
        }
        return texts
    }

    /// The case whose history is `events`, replayed through the lifecycle.
    static func replay(_ reference: CaseReference, events: [StoredEvent], catalogue: ExemptionCatalogue) throws -> Case
    {
        try deciding { try Case(reference: reference, history: events.map(\.recorded), catalogue: catalogue) }
    }

    /// The current UTC time as ISO 8601 (`2026-11-20T09:15:02Z`), for the audit column `recorded_at`.
    static func timestamp() -> String {
        ReceiptTime.utcTimestamp(atUTCSeconds: Int(Date().timeIntervalSince1970))
    }
}

/// `items` in runs short enough for one `IN (...)` list.
extension EventLog {
    /// Replays each of `cases` (rows of `id, ref`), a few hundred at a time with their events read in a few
    /// queries, and hands each to `body` with its id. With `asAt`, each as it stood at the end of that day: a
    /// history replays only in its order, so that is its events up to the first dated after the day (a step recorded
    /// after that one but dated earlier waits for it); a case with none by then is left out.
    static func forEachReplayed(
        _ cases: [Row], catalogue: ExemptionCatalogue, asAt: CivilDate? = nil, _ db: Database,
        _ body: (Int64, Case) throws -> Void
    ) throws {
        for chunk in chunked(cases) {
            let events = try events(ofCases: chunk.map { $0[0] }, db)
            for row in chunk {
                let caseID: Int64 = row[0]
                let all = events[caseID] ?? []
                let known = asAt.map { asAt in Array(all.prefix { $0.recorded.date <= asAt }) } ?? all
                if asAt != nil && known.isEmpty { continue }
                try body(caseID, try replay(CaseReference(rawValue: row[1]), events: known, catalogue: catalogue))
            }
        }
    }
}

func chunked<Item>(_ items: [Item]) -> [ArraySlice<Item>] {
    stride(from: 0, to: items.count, by: 500).map { items[$0..<min($0 + 500, items.count)] }
}

/// `?, ?, ?` for `count` arguments.
func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}

/// A personal text of an event as stored: nil text and salt once removed (the digest stays, in the chain).
struct StoredText {
    var text: String?
    var salt: String?
    var digest: String
}
