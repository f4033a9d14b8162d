import FOIKit
import Foundation
import GRDB
import Synchronization

extension CaseStore {
    /// Checks the whole database: each case's hash chain and personal-text digests, its projection (every table the
    /// board, the figures and the disclosure log read) against a replay of its history, the ledger that chains
    /// every event in the order it was appended (and, given the `head` a verify printed before, that it is still
    /// there), the schema foi made (its protective triggers among it), that each requester belongs to one case, and
    /// SQLite's integrity (`thorough`: the full check of every index; otherwise the quick check of the file's
    /// structure) and foreign keys.
    ///
    /// A file's cases are checked in runs shared by two walkers on two connections and threads, beside SQLite's own
    /// check on a third: a million cases take seconds per core, and the machine has cores to spare.
    public func verify(thorough: Bool = false, head: LedgerHead? = nil) async throws -> VerificationReport {
        let pragma = thorough ? "PRAGMA integrity_check" : "PRAGMA quick_check"
        var report = VerificationReport()
        let onFile = path != ":memory:"
        let location = location
        // A damaged file can stop a walk or SQLite's own check part-way: that is a finding, not a reason to stop.
        /// `check` on a read-only connection of its own, beside the others, where the store is a file.
        @Sendable func besides<T: Sendable>(_ check: @escaping @Sendable (Database) throws -> T) async throws
            -> Checked<T>?
        {
            onFile ? try await Self.checked { try await Self.readOnlyQueue(path: location).read(check) } : nil
        }
        async let fileCheck = besides { try Self.findings(pragma, $0) }
        // The ledger and the requesters are checked on a connection of their own, beside the walks.
        let wholeChecks: @Sendable (Database) throws -> (ledger: [String], requesters: [String], enclosures: [String]) =
            { db in (try Ledger.problems(db), try Self.requesterProblems(db), try Self.enclosureProblems(db)) }
        async let wholeCheck = besides(wholeChecks)
        // The schema foi makes, made in memory by the same migrations.
        let fresh = try DatabaseQueue(configuration: Self.configuration)
        try Migrations.migrate(fresh, path: ":memory:")
        let expectedSchema = try await fresh.read(Self.schema(of:))
        let (rules, bounds): (CaseRules, (low: Int64, high: Int64)) = try await read { db in
            report.foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                let table: String = row[0]
                let parent: String = row[2]
                return "a row of \(table) (rowid \(row[1] as Int64? ?? 0)) points at a missing row of \(parent)"
            }
            if !onFile { report.integrity = try Self.findings(pragma, db) }
            report.schema = Self.schemaDifferences(try Self.schema(of: db), expected: expectedSchema)
            if !onFile { (report.ledger, report.requesters, report.enclosures) = try wholeChecks(db) }
            report.head = try Ledger.head(db).map { LedgerHead(event: $0.eventID, hash: $0.hash) }
            if let head {
                let kept = try String.fetchOne(
                    db, sql: "SELECT ledger FROM events WHERE id = ?", arguments: [head.event])
                if kept != head.hash {
                    report.ledger.append(
                        "the ledger's event \(head.event) is not the head kept (\(head)): what was recorded up to it "
                            + "has been \(kept == nil ? "cut" : "rewritten") since")
                }
            }
            let row = try Row.fetchOne(db, sql: "SELECT min(id), max(id) FROM cases")
            return (try self.rules(db), (low: row?[0] as Int64? ?? 0, high: row?[1] as Int64? ?? 0))
        }
        // Runs of cases, taken in turn by two walkers (this connection, and a read-only one on another thread) so
        // that both cores stay busy to the end.
        let runs = CaseRange.runs(from: bounds.low, to: bounds.high, count: onFile ? 32 : 1)
        let next = Mutex(0)
        let walk: @Sendable (Database) throws -> VerificationReport = { db in
            var found = VerificationReport()
            while let range = next.withLock({ index -> CaseRange? in
                defer { index += 1 }
                return index < runs.count ? runs[index] : nil
            }) {
                found.add(try Self.verifyCases(in: range, rules: rules, db))
            }
            return found
        }
        async let helper = besides(walk)
        var damage: [String] = []
        func finished<T>(_ checked: Checked<T>?) -> T? {
            switch checked {
            case .finished(let value): return value
            case .stopped(let reason): damage.append(reason)
            case nil: break
            }
            return nil
        }
        var found = [finished(try await Self.checked { try await read(walk) })].compactMap { $0 }
        if let part = finished(try await helper) { found.append(part) }
        for part in found { report.add(part) }
        report.failures.sort { $0.caseID < $1.caseID }
        if let integrity = finished(try await fileCheck) { report.integrity = integrity }
        if let whole = finished(try await wholeCheck) {
            report.ledger = whole.ledger + report.ledger
            report.requesters = whole.requesters
            report.enclosures = whole.enclosures
        }
        report.integrity += damage.prefix(1)
        return report
    }

    /// The problems of one case, for `show`: its chain and its projection (empty when it is sound).
    public func problems(of reference: CaseReference) async throws -> [String] {
        try await read { db in
            let caseID = try Self.caseID(reference, db)
            return try Self.verifyCases(in: .only(caseID), rules: try self.rules(db), db).failures.first?.problems ?? []
        }
    }

    /// SQLite's findings; a check that cannot finish on a damaged file is a finding too.
    private static func findings(_ pragma: String, _ db: Database) throws -> [String] {
        do {
            return try String.fetchAll(db, sql: pragma).filter { $0 != "ok" }
        } catch let error as DatabaseError where isDamage(error) {
            return [damage(error)]
        }
    }

    /// What a check came to: what it found, or the damage that stopped it.
    private enum Checked<T: Sendable>: Sendable {
        case finished(T)
        case stopped(String)
    }

    private static func checked<T>(_ check: () async throws -> T) async throws -> Checked<T> {
        do {
            return .finished(try await check())
        } catch let error as DatabaseError where isDamage(error) {
            return .stopped(damage(error))
        }
    }

    private static func damage(_ error: DatabaseError) -> String {
        "the check could not finish: the file is damaged (\(error.message ?? "SQLite error"))"
    }

    private static func isDamage(_ error: DatabaseError) -> Bool {
        [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode)
    }

    /// The tables, indexes and triggers of `db` as their SQL, by type and name (white space made single, for a
    /// database's tables carry the text they were made with); the table of applied migrations is the migrator's.
    private static func schema(of db: Database) throws -> [String: String] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT type, name, sql FROM sqlite_master
                WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' AND sql IS NOT NULL
                """)
        return Dictionary(
            rows.map { row in
                (
                    "\(row[0] as String) \(row[1] as String)",
                    (row[2] as String).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                )
            }, uniquingKeysWith: { first, _ in first })
    }

    /// How `schema` differs from the schema foi makes.
    private static func schemaDifferences(_ schema: [String: String], expected: [String: String]) -> [String] {
        var differences: [String] = []
        for (object, sql) in expected.sorted(by: { $0.key < $1.key }) where schema[object] != sql {
            differences.append(
                "the \(object) \(schema[object] == nil ? "is missing" : "differs from the one foi makes")")
        }
        for object in schema.keys.sorted() where expected[object] == nil {
            differences.append("the \(object) is not one foi makes")
        }
        return differences
    }

    /// Requester rows that several cases point at (each case has its own, a split part a copy), or none does.
    private static func requesterProblems(_ db: Database) throws -> [String] {
        var problems = try Row.fetchAll(
            db,
            sql: """
                SELECT group_concat(ref, ', ') FROM cases WHERE requester_id IS NOT NULL
                GROUP BY requester_id HAVING count(*) > 1
                """
        ).map { "the cases \($0[0] as String) point at one requester: a case's requester was changed outside foi" }
        let orphans = try Int.fetchOne(
            db,
            sql:
                """
                SELECT count(*) FROM requesters
                WHERE id NOT IN (SELECT requester_id FROM cases WHERE requester_id IS NOT NULL)
                """
        )!
        if orphans > 0 {
            problems.append("\(orphans) requester row\(orphans == 1 ? " belongs" : "s belong") to no case")
        }
        return problems
    }

    /// The documents kept beside cases whose bytes are not those their digest and size name (those removed with the
    /// personal data have none). Read one at a time: each is at most `Enclosure.maximumSize`.
    private static func enclosureProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.ref, e.name, e.digest, e.size, e.content FROM enclosures e JOIN cases c ON c.id = e.case_id
                WHERE e.content IS NOT NULL ORDER BY c.id, e.name
                """)
        while let row = try rows.next() {
            let content: Data = row[4]
            if content.count != row[3] as Int || SHA256.hex(Array(content)) != row[2] as String {
                problems.append("\(row[0] as String)'s \(row[1] as String) is not the file its answer lists")
            }
        }
        return problems
    }

    /// Which cases one walk checks: ids above `after` (nil: from the first) up to `through` (nil: to the last),
    /// so that runs from the first to the last take in events of no case too.
    private struct CaseRange: Sendable {
        var after: Int64?
        var through: Int64?

        static func only(_ id: Int64) -> CaseRange { CaseRange(after: id - 1, through: id) }

        /// `count` runs of about equal numbers of ids from `low` to `high`, the first and last open-ended.
        static func runs(from low: Int64, to high: Int64, count: Int) -> [CaseRange] {
            let size = max(1, (high - low + 1) / Int64(count))
            var runs: [CaseRange] = []
            var after: Int64? = nil
            for index in 1...count {
                let through: Int64? = index == count ? nil : low - 1 + size * Int64(index)
                runs.append(CaseRange(after: after, through: through))
                after = through
            }
            return runs
        }

        /// The condition on `column` (a case id).
        func condition(_ column: String) -> String {
            let bounds = [after.map { "\(column) > \($0)" }, through.map { "\(column) <= \($0)" }].compactMap { $0 }
            return bounds.isEmpty ? "1" : bounds.joined(separator: " AND ")
        }
    }

    /// Walks the cases in `range`, their events, clocks and exemptions together in case order, one case at a time.
    private static func verifyCases(in range: CaseRange, rules: CaseRules, _ db: Database) throws -> VerificationReport
    {
        var report = VerificationReport()
        let texts = try EventLog.texts(where: range.condition("e.case_id"), db)
        let cases = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, ref, regime, status, status_since, received_on, due_on, extended_from_on, provisional,
                       subject, outcome, responded_on, event_count, stage, closed_on, channel, anonymised_on,
                       requester_id
                FROM cases WHERE \(range.condition("id")) ORDER BY id
                """)
        var events = Peeking(
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT case_id, id, sequence, kind, occurred_on, payload, format, actor, recorded_at, hash
                    FROM events WHERE \(range.condition("case_id")) ORDER BY case_id, sequence
                    """), StoredEventRow.init)
        var clocks = Peeking(
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT case_id, clock, due_on, provisional FROM case_clocks WHERE \(range.condition("case_id"))
                    ORDER BY case_id
                    """)
        ) { row in (caseID: row[0] as Int64, clock: "\(row[1] as String) \(row[2] as String) \(row[3] as Bool)") }
        var exemptions = Peeking(
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT case_id, citation, part, ncnd, public_interest FROM case_exemptions
                    WHERE \(range.condition("case_id")) ORDER BY case_id
                    """)
        ) { row in
            (
                caseID: row[0] as Int64,
                exemption: "\(row[1] as String) \(row[2] as String) \(row[3] as Bool) \(row[4] as String? ?? "")"
            )
        }
        // The other projection tables, as rows after their case id, in the order the writer gives them.
        func projected(_ table: String, _ columns: String, order: String = "") throws -> Peeking<
            (Int64, [DatabaseValue])
        > {
            Peeking(
                try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT case_id, \(columns) FROM \(table) WHERE \(range.condition("case_id"))
                        ORDER BY case_id\(order)
                        """)
            ) { row in (row[0], Array(row.databaseValues.dropFirst())) }
        }
        var timeliness = try projected(
            "timeliness", "kind, ordinal, regime, statutory_due_on, due_on, answered_on", order: ", kind, ordinal")
        var firstResponses = try projected("first_responses", "responded_on, outcome, exemptions, title, held_back")
        var handlers = try projected("case_handlers", "handler, user_id")
        var flags = try projected("case_flags", "flag", order: ", flag")
        var allocations = try projected("case_allocations", "team_id, standing")
        var signOffs = try projected("case_signoffs", "stage, user_id, team_id, since_on, due_on")
        var tasks = try projected(
            "case_tasks", "task, user_id, team_id, state, given_on, due_on, closed_on, hours, activity", order: ", task"
        )
        while let row = try cases.next() {
            let caseID: Int64 = row[0]
            let reference = CaseReference(rawValue: row[1])
            report.orphanEvents += try events.take { $0.caseID < caseID }.count
            _ = try clocks.take { $0.caseID < caseID }
            _ = try exemptions.take { $0.caseID < caseID }
            _ = try timeliness.take { $0.0 < caseID }
            _ = try firstResponses.take { $0.0 < caseID }
            _ = try handlers.take { $0.0 < caseID }
            _ = try tasks.take { $0.0 < caseID }
            _ = try flags.take { $0.0 < caseID }
            _ = try allocations.take { $0.0 < caseID }
            _ = try signOffs.take { $0.0 < caseID }
            let caseEvents = try events.take { $0.caseID == caseID }
            report.cases += 1
            report.events += caseEvents.count
            var problems = Self.chainProblems(caseEvents, reference: reference, texts: texts)
            problems += projectionProblems(
                row, events: caseEvents, texts: texts,
                clocks: Set(try clocks.take { $0.caseID == caseID }.map(\.clock)),
                exemptions: Set(try exemptions.take { $0.caseID == caseID }.map(\.exemption)),
                tables: Tables(
                    timeliness: try timeliness.take { $0.0 == caseID }.map(\.1),
                    firstResponse: try firstResponses.take { $0.0 == caseID }.map(\.1).first,
                    handler: try handlers.take { $0.0 == caseID }.first?.1,
                    tasks: try tasks.take { $0.0 == caseID }.map(\.1),
                    flags: try flags.take { $0.0 == caseID }.compactMap {
                        $0.1.first.flatMap(String.fromDatabaseValue)
                    },
                    allocation: try allocations.take { $0.0 == caseID }.first?.1,
                    signOff: try signOffs.take { $0.0 == caseID }.first?.1
                ),
                rules: rules)
            if !problems.isEmpty {
                report.failures.append(CaseFailure(reference: reference, problems: problems, caseID: caseID))
            }
        }
        report.orphanEvents += try events.take { _ in true }.count
        return report
    }

    /// Where the chain of a case's events breaks: a missing event, a changed one, a text that is not its digest's.
    private static func chainProblems(
        _ events: [StoredEventRow], reference: CaseReference, texts: [Int64: [String: StoredText]]
    ) -> [String] {
        if events.isEmpty { return ["it has no events: its row was written outside foi"] }
        var problems: [String] = []
        var previous: String?
        for (index, event) in events.enumerated() {
            guard event.sequence == index + 1 else {
                problems.append("event \(index + 1) is missing: the history was cut")
                break
            }
            let eventTexts = texts[event.id] ?? [:]
            for (field, text) in eventTexts {
                if let body = text.text, let salt = text.salt, EventChain.digest(of: body, salt: salt) != text.digest {
                    problems.append("event \(event.sequence)'s \(field) was changed after it was recorded")
                }
            }
            guard let date = event.date else {
                problems.append("event \(event.sequence)'s date is not a date")
                break
            }
            let link = EventChain.Link(
                caseReference: reference, sequence: event.sequence, kind: event.kind, date: date,
                format: event.format, payload: event.payload, actor: event.actor, recordedAt: event.recordedAt,
                textDigests: eventTexts.isEmpty ? [:] : eventTexts.mapValues(\.digest))
            let hash = EventChain.hash(of: link, after: previous)
            guard hash == event.hash else {
                problems.append(
                    "event \(event.sequence) does not match its hash: it, or the case's reference, was changed after "
                        + "it was recorded")
                break
            }
            previous = hash
        }
        return problems
    }

    /// A case's rows of the projection tables the figures, the disclosure log and the listings read.
    private struct Tables {
        var timeliness: [[DatabaseValue]]
        var firstResponse: [DatabaseValue]?
        var handler: [DatabaseValue]?
        var tasks: [[DatabaseValue]]
        var flags: [String]
        var allocation: [DatabaseValue]?
        var signOff: [DatabaseValue]?
    }

    /// Where the projection row, clocks, exemptions and other tables differ from what a replay of the events gives,
    /// and where personal texts were removed without an anonymisation.
    private static func projectionProblems(
        _ row: Row, events: [StoredEventRow], texts: [Int64: [String: StoredText]], clocks: Set<String>,
        exemptions: Set<String>, tables: Tables, rules: CaseRules
    ) -> [String] {
        guard !events.isEmpty else { return [] }
        let reference = CaseReference(rawValue: row[1])
        let state: CaseState
        do {
            let history = try events.map { event in
                StoredEvent(
                    sequence: event.sequence,
                    recorded: try EventLog.decode(
                        id: event.id, kind: event.kind, date: event.date, payload: event.payload,
                        version: event.format, texts: texts[event.id]),
                    actor: nil, recordedAt: "")
            }
            state = try deciding {
                try EventLog.replay(reference, events: history, catalogue: rules.catalogue).state(rules)
            }
        } catch {
            return ["its history cannot be replayed: \(error)"]
        }
        let file = state.file
        var problems: [String] = []
        func compare<Value: Equatable & CustomStringConvertible>(_ column: String, _ stored: Value?, _ replayed: Value?)
        {
            if stored != replayed {
                problems.append(
                    "the projection's \(column) is \(stored.map { "'\($0)'" } ?? "empty"), its history gives "
                        + (replayed.map { "'\($0)'" } ?? "none"))
            }
        }
        compare("regime", row[2] as String, file.regime.rawValue)
        compare("status", row[3] as String, file.status.rawValue)
        compare("status_since", row[4] as CivilDate?, file.statusSince)
        compare("received_on", row[5] as CivilDate?, file.received)
        compare("due_on", row[6] as CivilDate?, state.deadline.finalDate)
        compare("extended_from_on", row[7] as CivilDate?, state.deadline.extendedFrom)
        compare("provisional", row[8] as Bool, state.deadline.provisional)
        compare("subject", row[9] as String, file.receipt.subject)
        compare("outcome", row[10] as String?, file.outcome?.rawValue)
        compare("responded_on", row[11] as CivilDate?, file.respondedOn)
        compare("event_count", row[12] as Int, file.history.count)
        compare("stage", row[13] as String, file.stage.rawValue)
        compare("closed_on", row[14] as CivilDate?, file.closedOn)
        compare("channel", row[15] as String, file.receipt.channel.rawValue)
        let anonymised = file.history.lastIndex { if case .anonymised = $0.event { true } else { false } }
        compare("anonymised_on", row[16] as CivilDate?, anonymised.map { file.history[$0].date })
        if tables.timeliness != Projection.timelinessRows(state) {
            problems.append("its rows of the timeliness figures differ from those its history gives")
        }
        if tables.firstResponse != Projection.firstResponseRow(file) {
            problems.append("its first response in the disclosure log differs from the one its history gives")
        }
        if tables.handler != Projection.handlerRow(file) {
            let stored = tables.handler.map { "'\($0[0].storage.value.map { "\($0)" } ?? "")'" } ?? "empty"
            problems.append(
                "the projection's handler (case_handlers) is \(stored), its history gives "
                    + (file.handler.map { "'\($0)'" } ?? "none"))
        }
        if tables.flags != file.flags.map(\.rawValue).sorted() {
            problems.append("its flags (case_flags) differ from those its history gives")
        }
        if tables.allocation != Projection.allocationRow(file) {
            problems.append("its allocation (case_allocations) differs from the one its history gives")
        }
        if tables.signOff != Projection.signOffRow(state) {
            problems.append("its stage of sign-off awaited (case_signoffs) differs from the one its history gives")
        }
        if tables.tasks != Projection.taskRows(state) {
            problems.append("its contributor tasks (case_tasks) differ from those its history gives")
        }
        // Personal texts are removed by an anonymisation, of the events before it; or, restored from an export
        // without the requesters, every one of a case that then has no requester.
        let removed = events.filter { event in texts[event.id]?.values.contains { $0.text == nil } == true }
        if let anonymised, let late = removed.first(where: { $0.sequence > anonymised + 1 }) {
            problems.append("event \(late.sequence)'s personal text was removed after the case was anonymised")
        } else if anonymised == nil && !removed.isEmpty {
            let all = events.allSatisfy { event in texts[event.id]?.values.allSatisfy { $0.text == nil } ?? true }
            if !all || row[17] as Int64? != nil {
                problems.append("a personal text was removed, though the case was never anonymised")
            }
        }
        let replayedClocks = Set(
            state.boardClocks.map { "\($0.name.rawValue) \($0.due?.description ?? "") \($0.provisional)" })
        if clocks != replayedClocks { problems.append("the projection's clocks differ from those its history gives") }
        let replayedExemptions = Set(
            file.exemptions.map {
                "\($0.citation) \($0.part.rawValue) \($0.neitherConfirmNorDeny) \($0.publicInterest?.rawValue ?? "")"
            })
        if exemptions != replayedExemptions {
            problems.append("the projection's exemptions differ from those its history gives")
        }
        return problems
    }
}

extension VerificationReport {
    /// Adds what another walk of the cases found.
    fileprivate mutating func add(_ other: VerificationReport) {
        cases += other.cases
        events += other.events
        failures += other.failures
        orphanEvents += other.orphanEvents
    }
}

/// One row of `events`, decoded once as it is read.
private struct StoredEventRow {
    var caseID: Int64
    var id: Int64
    var sequence: Int
    var kind: String
    var date: CivilDate?
    var payload: String
    var format: Int
    var actor: String?
    var recordedAt: String
    var hash: String?

    init(_ row: Row) {
        (caseID, id, sequence, kind, date) = (row[0], row[1], row[2], row[3], row[4])
        (payload, format, actor, recordedAt, hash) = (row[5], row[6], row[7], row[8], row[9])
    }
}

/// A cursor whose rows are decoded as they are read and whose next one can be looked at before it is taken, to walk
/// several tables in step by case.
private struct Peeking<Element> {
    private let cursor: RowCursor
    private let decode: (Row) -> Element
    private var peeked: Element?

    init(_ cursor: RowCursor, _ decode: @escaping (Row) -> Element) {
        self.cursor = cursor
        self.decode = decode
    }

    /// Takes the rows from here on that satisfy `belongs`.
    mutating func take(while belongs: (Element) -> Bool) throws -> [Element] {
        var taken: [Element] = []
        while true {
            if peeked == nil { peeked = try cursor.next().map(decode) }
            guard let element = peeked, belongs(element) else { return taken }
            taken.append(element)
            peeked = nil
        }
    }
}
