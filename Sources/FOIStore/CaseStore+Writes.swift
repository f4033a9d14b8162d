import FOIKit
import GRDB

extension CaseStore {
    /// Imports whole cases (a spreadsheet's history, generated data, the demo) in one transaction: each is
    /// replayed through the lifecycle on `today`, so an illegal history is refused and nothing of the batch is
    /// written.
    /// `progress` is told how many are done, every thousand.
    /// `updating`: cases imported before, to which what their rows have since is added first, in the same
    /// transaction; returns how many steps each of those gained. A refused case is named by its index
    /// among `updating` then `cases`.
    @discardableResult
    public func importCases(
        _ cases: [(new: NewCase, steps: [RecordedEvent])], updating: [CaseUpdate] = [],
        actor: Actor = .importer, today: CivilDate, progress: (Int) -> Void = { _ in }
    ) async throws -> ImportResult {
        try await keepingPagesInMemory()
        return try await write { db in
            let rules = try rules(db)
            let actorColumn = try Users.column(for: actor, db)
            // The handlers a sheet names, as the users of those names (made where there are none), before the
            // cases are replayed on other threads, which give each its user.
            var handlers: [String: UserID] = [:]
            for row in cases {
                for step in row.steps {
                    guard case .assigned(.named(let name)?) = step.event, handlers[name] == nil else { continue }
                    handlers[name] = try Users.id(named: name, db)
                }
            }
            let users = handlers
            // The cases brought up to date first, while their indexes are there to find their rows.
            let gained = try bringUpToDate(updating, in: db, rules: rules, actor: actor, today: today, record: true)
            // The references first: a generated one is part of each event's hash.
            let references = try cases.map { try $0.new.reference ?? Self.nextReference(for: $0.new.received.year, db) }
            let recordedAt = EventLog.timestamp()
            let bulk = try cases.count > 1000 && Int.fetchOne(db, sql: "SELECT count(*) FROM cases")! < cases.count
            let ledger = Ledger.RunningTail(try Ledger.Tail(db))
            var deadlines: [ImportResult.Deadline] = []
            deadlines.reserveCapacity(cases.count)
            try Self.indexingAfter(bulk, db) {
                try pipelined(count: cases.count, progress: progress) { offset in
                    // Every name was resolved above; the importer stands for none.
                    let steps = cases[offset].steps.map { $0.resolvingAssignee { users[$0] ?? .importer } }
                    let state = try Self.imported(
                        cases[offset].new, steps, as: references[offset], row: updating.count + offset, rules: rules,
                        today: today)
                    do throws(StoreError) {
                        var sealed = try Projection.sealedHistory(state, actor: actorColumn, recordedAt: recordedAt)
                        ledger.place(&sealed)
                        return (state, sealed)
                    } catch {
                        throw StoreError.importRefused(row: updating.count + offset, reason: error.description)
                    }
                } write: { offset, prepared in
                    let requesterID = try cases[offset].new.requester.map { try Self.insert($0, db) }
                    deadlines.append(ImportResult.Deadline(prepared.0.deadline))
                    do {
                        _ = try Projection.insert(prepared.0, requesterID: requesterID, sealed: prepared.1, db)
                    } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                        throw StoreError.duplicateReference(references[offset])
                    }
                }
            }
            return ImportResult(gained: gained, deadlines: deadlines)
        }
    }

    /// A large write's pages kept in memory (128 MB) rather than spilled and read again.
    func keepingPagesInMemory() async throws {
        try await writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -131072") }
    }

    /// Runs `body`, with the indexes built once after it when `bulk`: a write of many new cases into a database
    /// with fewer builds them at the end rather than row by row (the same statements, so the schema is as its
    /// migrations wrote it).
    static func indexingAfter<T>(_ bulk: Bool, _ db: Database, _ body: () throws -> T) throws -> T {
        let rebuilt = bulk ? try dropIndexes(db) : []
        let result = try body()
        for statement in rebuilt { try db.execute(sql: statement) }
        return result
    }

    /// Adds to each case of `updating` what `stepsSince` gives for it as it stands; returns how many steps each
    /// gained.
    private func bringUpToDate(
        _ updating: [CaseUpdate], in db: Database, rules: CaseRules, actor: Actor, today: CivilDate, record: Bool
    ) throws -> [Int] {
        try addSteps(
            to: updating.map(\.reference), in: db, rules: rules, actor: actor, today: today, record: record
        ) { offset, current in
            do {
                return try updating[offset].stepsSince(current) { try Users.matching($0, db) }
            } catch {
                throw StoreError.importRefused(row: offset, reason: "\(error)")
            }
        }
    }

    /// Records on cases already in the database the steps of a sheet of later steps (an internal review tracker)
    /// that each does not have yet. Returns how many steps each case gained. One transaction; a dry run checks each
    /// step in a read.
    public func addLaterSteps(
        _ rows: [(reference: CaseReference, steps: [RecordedEvent])], actor: Actor = .importer, today: CivilDate,
        dryRun: Bool = false
    ) async throws -> [Int] {
        let adding = { (db: Database) in
            try self.addSteps(
                to: rows.map(\.reference), in: db, rules: try self.rules(db), actor: actor, today: today,
                record: !dryRun
            ) { offset, current in
                rows[offset].steps.filter { !current.history.contains($0) }
            }
        }
        return dryRun ? try await read(adding) : try await write(adding)
    }

    /// Records on each case of `references` the steps `choosing` gives for it (from its index and the case as it
    /// stands) — or, without `record`, only checks that the lifecycle allows them; a refusal names the case's
    /// index. Returns how many steps each gained.
    private func addSteps(
        to references: [CaseReference], in db: Database, rules: CaseRules, actor: Actor, today: CivilDate,
        record: Bool, choosing: (Int, Case) throws -> [RecordedEvent]
    ) throws -> [Int] {
        // Who recorded them, resolved only when they are recorded: a check makes no user.
        let actorColumn = record ? try Users.column(for: actor, db) : ""
        var gained: [Int] = []
        for (offset, reference) in references.enumerated() {
            let caseID: Int64
            let current: Case
            do {
                (caseID, current) = try loadCase(reference, db)
            } catch StoreError.caseNotFound {
                throw StoreError.importRefused(
                    row: offset, reason: "no case '\(reference)' in the database: import its request first")
            }
            let added = try choosing(offset, current)
            let steps: [CaseStep]
            do { steps = try current.steps(added, rules: rules, today: today) } catch {
                throw StoreError.importRefused(row: offset, reason: "\(reference): \(error)")
            }
            if record {
                for step in steps {
                    let step = try step.resolvingAssignee { try Users.id(named: $0, db) }
                    try Projection.update(
                        to: step.state, appending: [step.event], exemptionsChanged: step.exemptionsChanged,
                        caseID: caseID, actor: actorColumn, db)
                }
            }
            gained.append(steps.count)
        }
        return gained
    }

    /// Drops the indexes foi's schema made (not those behind a UNIQUE or PRIMARY KEY constraint), returning the
    /// statements that make them again.
    private static func dropIndexes(_ db: Database) throws -> [String] {
        let indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name
                """)
        for index in indexes { try db.execute(sql: "DROP INDEX \"\(index[0] as String)\"") }
        return indexes.map { $0[1] }
    }

    /// Checks that each of `cases` could be imported on `today`, and `updating` brought up to date
    /// (`importCases`), writing nothing; returns how many steps each of `updating` would gain.
    public func checkImport(
        _ cases: [(new: NewCase, steps: [RecordedEvent])], updating: [CaseUpdate] = [],
        today: CivilDate
    ) async throws -> ImportResult {
        try await read { db in
            let rules = try rules(db)
            let gained = try bringUpToDate(updating, in: db, rules: rules, actor: .system, today: today, record: false)
            let deadlines = try cases.enumerated().map { offset, row in
                let state = try Self.imported(
                    row.new, row.steps, as: row.new.reference ?? CaseReference(rawValue: "-"),
                    row: updating.count + offset, rules: rules, today: today)
                return ImportResult.Deadline(state.deadline)
            }
            return ImportResult(gained: gained, deadlines: deadlines)
        }
    }

    /// Case number `row` of an import, replayed through the lifecycle.
    private static func imported(
        _ new: NewCase, _ steps: [RecordedEvent], as reference: CaseReference, row: Int, rules: CaseRules,
        today: CivilDate
    ) throws -> CaseState {
        do {
            return try new.opened(as: reference, then: steps, rules: rules, today: today)
        } catch {
            throw StoreError.importRefused(row: row, reason: error.description)
        }
    }

    /// The row id of the case `reference`.
    static func caseID(_ reference: CaseReference, _ db: Database) throws -> Int64 {
        guard
            let caseID = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM cases WHERE ref = ?"), arguments: [reference.rawValue])
        else { throw StoreError.caseNotFound(reference) }
        return caseID
    }

    /// The case with `reference`, replayed from its events, with its id.
    func loadCase(_ reference: CaseReference, _ db: Database) throws -> (Int64, Case) {
        let caseID = try Self.caseID(reference, db)
        return (
            caseID,
            try EventLog.replay(reference, events: try EventLog.events(ofCase: caseID, db), catalogue: catalogue)
        )
    }

    static func insert(_ requester: Requester, _ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: "INSERT INTO requesters (name, email, address) VALUES (?, ?, ?)")
            .execute(arguments: [requester.name, requester.email, requester.address])
        return db.lastInsertedRowID
    }

    /// The next reference of `year` under the organisation's pattern that no case has (one imported under its own
    /// reference may have taken a number of the sequence).
    static func nextClaim(for year: Int, _ db: Database) throws -> ReferenceClaim {
        let pattern = try setting(.referencePattern, db)
        var sequence = try lastSequence(of: year, db) ?? 0
        while true {
            sequence += 1
            let reference = try ReferencePattern.expand(pattern, year: year, sequence: sequence)
            if try !isTaken(reference, db) {
                return ReferenceClaim(reference: reference, year: year, sequence: sequence)
            }
        }
    }

    /// Takes the reference `claim` names, or one from the pattern where there is no claim: refused where another
    /// case took it since it was claimed (or has it, where it was given).
    static func take(_ reference: CaseReference, claim: ReferenceClaim?, _ db: Database) throws {
        guard let claim else {
            if try isTaken(reference, db) { throw StoreError.duplicateReference(reference) }
            return
        }
        guard try lastSequence(of: claim.year, db) ?? 0 < claim.sequence, try !isTaken(claim.reference, db) else {
            throw StoreError.referenceTaken(claim.reference)
        }
        try advanceSequence(to: claim, db)
    }

    private static func advanceSequence(to claim: ReferenceClaim, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO reference_sequences (year, last) VALUES (?, ?)
                ON CONFLICT (year) DO UPDATE SET last = excluded.last
                """
        ).execute(arguments: [claim.year, claim.sequence])
    }

    private static func lastSequence(of year: Int, _ db: Database) throws -> Int? {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT last FROM reference_sequences WHERE year = ?"), arguments: [year])
    }

    static func isTaken(_ reference: CaseReference, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM cases WHERE ref = ?"), arguments: [reference.rawValue]) == true
    }

    /// The reference the next case of `year` takes, taken now: a case of an import that brings none.
    private static func nextReference(for year: Int, _ db: Database) throws -> CaseReference {
        let claim = try nextClaim(for: year, db)
        try advanceSequence(to: claim, db)
        return claim.reference
    }
}
