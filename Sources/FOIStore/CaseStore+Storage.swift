import FOIKit
import Foundation
import GRDB

/// The protocol's reads and writes are the store's own methods: each waits for the database without holding a
/// thread, so that any number of tasks can share one store.
extension CaseStore: CaseStorage {
    public var address: String { path }

    public func rules() async throws -> CaseRules {
        try await read { db in try rules(db) }
    }

    public func load(_ reference: CaseReference) async throws -> LoadedCase {
        try await read { db in
            LoadedCase(file: try self.loadCase(reference, db).1, rules: try self.rules(db))
        }
    }

    public func loadDetail(_ reference: CaseReference) async throws -> LoadedDetail {
        try await read { db in
            let (detail, rules) = try self.detail(reference, requester: true, db)
            return LoadedDetail(detail: detail, rules: rules, profile: try Self.profile(db))
        }
    }

    public func append(_ step: CaseStep, keeping apart: KeptApart, actor: Actor) async throws -> RecordedStep {
        try await write { db in
            if !apart.requester.isEmpty { try Self.correct(apart.requester, of: step.state.file.reference, db) }
            let recorded = try Self.append(step, actor: try Users.column(for: actor, db), db)
            if case .answerRecorded(let answer) = step.event.event {
                try Self.keep(answer.enclosures, bytes: apart.enclosures, of: step.state.file.reference, db)
            }
            _ = try Outbox.queue(apart.messages, at: Int64(Date().timeIntervalSince1970), db)
            return recorded
        }
    }

    public func append(_ steps: [CaseStep], sending messages: [OutgoingMessage], actor: Actor) async throws
        -> [RecordedStep]
    {
        try await write { db in
            let actor = try Users.column(for: actor, db)
            let recorded = try steps.map { try Self.append($0, actor: actor, db) }
            _ = try Outbox.queue(messages, at: Int64(Date().timeIntervalSince1970), db)
            return recorded
        }
    }

    /// Keeps beside the case each of `enclosures` it does not hold yet, from `bytes`.
    private static func keep(
        _ enclosures: [Enclosure], bytes: [String: [UInt8]], of reference: CaseReference, _ db: Database
    ) throws {
        let caseID = try caseID(reference, db)
        for enclosure in enclosures {
            let held = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM enclosures WHERE case_id = ? AND digest = ?",
                arguments: [caseID, enclosure.digest])
            guard held == nil else { continue }
            guard let content = bytes[enclosure.digest] else { throw StoreError.enclosureMissing(enclosure.name) }
            try db.execute(
                sql:
                    "INSERT INTO enclosures (case_id, digest, name, size, content, personal) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    caseID, enclosure.digest, enclosure.name, enclosure.size, Data(content), enclosure.personal,
                ])
        }
    }

    /// Puts the requester's details right: in the case's requester, or a requester made for it from the name given.
    private static func correct(_ fields: [RequesterField: String], of reference: CaseReference, _ db: Database)
        throws
    {
        let caseID = try caseID(reference, db)
        let row = try Row.fetchOne(
            db,
            sql: "SELECT r.id, r.anonymised_on FROM cases c JOIN requesters r ON r.id = c.requester_id WHERE c.id = ?",
            arguments: [caseID])
        if let anonymised = row?[1] as CivilDate? { throw StoreError.alreadyAnonymised(reference, on: anonymised) }
        let requesterID: Int64
        if let id = row?[0] as Int64? {
            requesterID = id
        } else {
            guard let name = fields[.name] else { throw StoreError.noRequester(reference) }
            requesterID = try insert(Requester(name: name), db)
            try db.execute(sql: "UPDATE cases SET requester_id = ? WHERE id = ?", arguments: [requesterID, caseID])
        }
        for (field, value) in fields.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            // The column is the field's name: `RequesterField` names no other.
            try db.execute(
                sql: "UPDATE requesters SET \(field.rawValue) = ? WHERE id = ?", arguments: [value, requesterID])
        }
    }

    public func enclosure(_ reference: CaseReference, named: String) async throws -> (Enclosure, [UInt8]?) {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.name, e.size, e.digest, e.personal, e.content FROM enclosures e
                    JOIN cases c ON c.id = e.case_id WHERE c.ref = ? ORDER BY e.name
                    """, arguments: [reference.rawValue])
            if rows.isEmpty { _ = try Self.caseID(reference, db) }
            let isDigest = named.count >= 8 && named.allSatisfy(\.isHexDigit)
            let matching = rows.filter { row in
                row[0] as String == named || (isDigest && (row[2] as String).hasPrefix(named.lowercased()))
            }
            guard matching.count == 1, let row = matching.first else {
                throw StoreError.noEnclosure(
                    reference, named: named,
                    known: rows.map { "\($0[0] as String) (\(($0[2] as String).prefix(8)))" })
            }
            return (
                Enclosure(name: row[0], size: row[1], digest: row[2], personal: row[3]),
                (row[4] as Data?).map { [UInt8]($0) }
            )
        }
    }

    public func nextReference(for year: Int) async throws -> ReferenceClaim {
        try await read { db in try Self.nextClaim(for: year, db) }
    }

    public func open(_ opened: CaseState, requester: Requester?, claim: ReferenceClaim?, actor: Actor) async throws
        -> CaseSummary
    {
        try await write { db in
            try Self.take(opened.file.reference, claim: claim, db)
            let requesterID = try requester.map { try Self.insert($0, db) }
            return try Projection.summary(
                caseID: try Projection.insert(
                    opened, requesterID: requesterID, actor: try Users.column(for: actor, db), db), db)
        }
    }

    public func split(_ step: CaseStep, off part: CaseState, claim: ReferenceClaim?, actor: Actor) async throws
        -> (original: RecordedStep, part: CaseSummary)
    {
        try await write { db in
            let actor = try Users.column(for: actor, db)
            let caseID = try Self.caseID(step.state.file.reference, db)
            try Self.take(part.file.reference, claim: claim, db)
            // Each case's personal data is removed on its own retention date, so the part has a copy of its own.
            try db.execute(
                sql: """
                    INSERT INTO requesters (name, email, address, anonymised_on)
                    SELECT r.name, r.email, r.address, r.anonymised_on FROM requesters r
                    JOIN cases c ON c.requester_id = r.id WHERE c.id = ?
                    """, arguments: [caseID])
            let requesterID = db.changesCount == 1 ? db.lastInsertedRowID : nil
            let partID = try Projection.insert(part, requesterID: requesterID, actor: actor, db)
            return (try Self.append(step, actor: actor, db), try Projection.summary(caseID: partID, db))
        }
    }

    /// Appends `step` and rewrites the case's projection, refused where the case took another step since the one
    /// `step` was decided on.
    private static func append(_ step: CaseStep, actor: String, _ db: Database) throws -> RecordedStep {
        let reference = step.state.file.reference
        let caseID = try caseID(reference, db)
        let step = try step.resolvingAssignee { try Users.id(named: $0, db) }
        // The step was decided on the case with one event fewer than it now holds; the store's own guard
        // (UNIQUE(case_id, sequence) and the trigger that keeps events from being replaced) backs this up.
        let stored = try Int.fetchOne(db, sql: "SELECT event_count FROM cases WHERE id = ?", arguments: [caseID])
        guard stored == step.state.file.history.count - 1 else { throw StoreError.caseMoved(reference) }
        try Projection.update(
            to: step.state, appending: [step.event], exemptionsChanged: step.exemptionsChanged,
            receiptChanged: step.receiptChanged, caseID: caseID, actor: actor, db)
        return RecordedStep(summary: try Projection.summary(caseID: caseID, db), event: step.event)
    }
}
