import FOIKit
import Foundation
import GRDB

extension CaseStore {
    /// Checks the whole database: each case's hash chain and personal-text digests, its projection against a replay
    /// of its history, and SQLite's integrity (`thorough`: the full check of every index; otherwise the quick check
    /// of the file's structure) and foreign keys. The SQLite check runs beside the rest on a second connection.
    public func verify(thorough: Bool = false) throws -> VerificationReport {
        let pragma = thorough ? "PRAGMA integrity_check" : "PRAGMA quick_check"
        var report = VerificationReport()
        // SQLite's check reads the whole file: on a second connection, on the other core, while the cases are
        // checked here (an in-memory database has no second connection, and is small).
        let fileCheck = path == ":memory:" ? nil : FileCheck(path: path, pragma: pragma)
        if fileCheck == nil {
            report.integrity = try writer.read { db in try String.fetchAll(db, sql: pragma).filter { $0 != "ok" } }
        }
        try writer.read { db in
            report.foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                let table: String = row[0]
                let parent: String = row[2]
                return "a row of \(table) (rowid \(row[1] as Int64? ?? 0)) points at a missing row of \(parent)"
            }
            try verifyCases(into: &report, db)
        }
        if let fileCheck { report.integrity = try fileCheck.findings() }
        return report
    }

    /// The problems of one case, for `show`: its chain and its projection (empty when it is sound).
    public func problems(of reference: CaseReference) throws -> [String] {
        try writer.read { db in
            guard
                let caseID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM cases WHERE ref = ?", arguments: [reference.rawValue])
            else { throw StoreError.caseNotFound(reference) }
            var report = VerificationReport()
            try verifyCases(into: &report, only: caseID, db)
            return report.failures.first?.problems ?? []
        }
    }

    /// Walks the cases, their events, clocks and exemptions together in case order, one case at a time.
    private func verifyCases(into report: inout VerificationReport, only: Int64? = nil, _ db: Database) throws {
        let rules = try rules(db)
        let filter = only.map { "WHERE case_id = \($0)" } ?? ""
        let texts = try storedTexts(filter: only.map { "WHERE e.case_id = \($0)" } ?? "", db)
        let cases = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, ref, regime, status, status_since, received_on, due_on, extended_from_on, provisional,
                       subject, outcome, responded_on, event_count, stage, closed_on
                FROM cases \(only.map { "WHERE id = \($0)" } ?? "") ORDER BY id
                """)
        var events = PeekingCursor(
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT case_id, id, sequence, kind, occurred_on, payload, format, actor, recorded_at, hash
                    FROM events \(filter) ORDER BY case_id, sequence
                    """))
        var clocks = PeekingCursor(
            try Row.fetchCursor(
                db, sql: "SELECT case_id, clock, due_on, provisional FROM case_clocks \(filter) ORDER BY case_id"))
        var exemptions = PeekingCursor(
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT case_id, citation, part, ncnd, public_interest FROM case_exemptions \(filter)
                    ORDER BY case_id
                    """))
        while let row = try cases.next() {
            let caseID: Int64 = row[0]
            let reference = CaseReference(rawValue: row[1])
            report.orphanEvents += try events.skip { $0[0] < caseID }
            _ = try clocks.skip { $0[0] < caseID }
            _ = try exemptions.skip { $0[0] < caseID }
            let caseEvents = try events.take { $0[0] == caseID }
            report.cases += 1
            report.events += caseEvents.count
            var problems = Self.chainProblems(caseEvents, reference: reference, texts: texts)
            let stored = (
                clocks: Set(
                    try clocks.take { $0[0] == caseID }.map { "\($0[1] as String) \($0[2] as String) \($0[3] as Bool)" }
                ),
                exemptions: Set(
                    try exemptions.take { $0[0] == caseID }.map {
                        "\($0[1] as String) \($0[2] as String) \($0[3] as Bool) \($0[4] as String? ?? "")"
                    })
            )
            problems += projectionProblems(
                row, events: caseEvents, texts: texts, clocks: stored.clocks, exemptions: stored.exemptions,
                rules: rules)
            if !problems.isEmpty { report.failures.append(CaseFailure(reference: reference, problems: problems)) }
        }
        report.orphanEvents += try events.skip { _ in true }
    }

    /// The personal texts of the events `filter` selects: event id → field → (text, salt, digest).
    private func storedTexts(filter: String, _ db: Database) throws -> [Int64: [String: StoredText]] {
        var texts: [Int64: [String: StoredText]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT t.event_id, t.field, t.text, t.salt, t.digest FROM event_texts t
                JOIN events e ON e.id = t.event_id \(filter)
                """)
        while let row = try rows.next() {
            texts[row[0], default: [:]][row[1]] = StoredText(text: row[2], salt: row[3], digest: row[4])
        }
        return texts
    }

    /// Where the chain of a case's events breaks: a missing event, a changed one, a text that is not its digest's.
    private static func chainProblems(_ events: [Row], reference: CaseReference, texts: [Int64: [String: StoredText]])
        -> [String]
    {
        var problems: [String] = []
        var previous: String?
        for (index, row) in events.enumerated() {
            let sequence: Int = row[2]
            guard sequence == index + 1 else {
                problems.append("event \(index + 1) is missing: the history was cut")
                break
            }
            let eventTexts = texts[row[1]] ?? [:]
            for (field, text) in eventTexts.sorted(by: { $0.key < $1.key }) {
                if let body = text.text, let salt = text.salt, EventChain.digest(of: body, salt: salt) != text.digest {
                    problems.append("event \(sequence)'s \(field) was changed after it was recorded")
                }
            }
            guard let date: CivilDate = row[4] else {
                problems.append("event \(sequence)'s date is not a date")
                break
            }
            let link = EventChain.Link(
                caseReference: reference, sequence: sequence, kind: row[3], date: date, format: row[6],
                payload: row[5], actor: row[7], recordedAt: row[8], textDigests: eventTexts.mapValues(\.digest))
            let hash = EventChain.hash(of: link, after: previous)
            guard hash == row[9] as String? else {
                problems.append(
                    "event \(sequence) does not match its hash: it, or the case's reference, was changed after it was "
                        + "recorded")
                break
            }
            previous = hash
        }
        return problems
    }

    /// Where the projection row, clocks and exemptions differ from what a replay of the events gives.
    private func projectionProblems(
        _ row: Row, events: [Row], texts: [Int64: [String: StoredText]], clocks: Set<String>,
        exemptions: Set<String>, rules: CaseRules
    ) -> [String] {
        let reference = CaseReference(rawValue: row[1])
        let state: CaseState
        do {
            let history = try events.map { event in
                let stored = (texts[event[1]] ?? [:]).mapValues(\.text)
                guard let date: CivilDate = event[4] else { throw StoreError.unreadableEvent(id: event[1], reason: "") }
                return StoredEvent(
                    sequence: event[2],
                    recorded: RecordedEvent(
                        date: date,
                        event: try EventFormat.event(
                            kind: event[3], payload: event[5], version: event[6], texts: stored)),
                    actor: nil, recordedAt: "")
            }
            state = try deciding { try EventLog.replay(reference, events: history, catalogue: catalogue).state(rules) }
        } catch {
            return ["its history cannot be replayed: \(error)"]
        }
        let file = state.file
        var problems: [String] = []
        func compare(_ column: String, _ stored: String?, _ replayed: String?) {
            if stored != replayed {
                problems.append(
                    "the projection's \(column) is \(stored.map { "'\($0)'" } ?? "empty"), its history gives "
                        + (replayed.map { "'\($0)'" } ?? "none"))
            }
        }
        compare("regime", row[2], file.regime.rawValue)
        compare("status", row[3], file.status.rawValue)
        compare("status_since", row[4], file.statusSince.description)
        compare("received_on", row[5], file.received.description)
        compare("due_on", row[6], state.deadline.finalDate?.description)
        compare("extended_from_on", row[7], state.deadline.extendedFrom?.description)
        compare("provisional", (row[8] as Bool).description, state.deadline.provisional.description)
        compare("subject", row[9], file.receipt.subject)
        compare("outcome", row[10], file.outcome?.rawValue)
        compare("responded_on", row[11], file.respondedOn?.description)
        compare("event_count", (row[12] as Int).description, file.history.count.description)
        compare("stage", row[13], file.stage.rawValue)
        compare("closed_on", row[14], file.closedOn?.description)
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

/// SQLite's check of the file on its own connection and thread.
private final class FileCheck: @unchecked Sendable {
    // Written once by the thread before it signals `done`, read after waiting for it.
    private var result: Result<[String], any Error> = .success([])
    private let done = DispatchSemaphore(value: 0)

    init(path: String, pragma: String) {
        DispatchQueue.global().async { [self] in
            result = Result {
                var configuration = CaseStore.configuration
                configuration.readonly = true
                return try DatabaseQueue(path: path, configuration: configuration).read { db in
                    try String.fetchAll(db, sql: pragma).filter { $0 != "ok" }
                }
            }
            done.signal()
        }
    }

    /// What the check found, once it is done.
    func findings() throws -> [String] {
        done.wait()
        return try result.get()
    }
}

/// A personal text of an event as stored: nil text and salt once removed.
struct StoredText {
    var text: String?
    var salt: String?
    var digest: String
}

/// A cursor whose next row can be looked at before it is taken, to walk several tables in step by case.
struct PeekingCursor {
    private let cursor: RowCursor
    private var peeked: Row?

    init(_ cursor: RowCursor) {
        self.cursor = cursor
    }

    private mutating func peek() throws -> Row? {
        if peeked == nil { peeked = try cursor.next()?.copy() }
        return peeked
    }

    /// Takes the rows from here on that satisfy `belongs`.
    mutating func take(while belongs: (Row) -> Bool) throws -> [Row] {
        var rows: [Row] = []
        while let row = try peek(), belongs(row) {
            rows.append(row)
            peeked = nil
        }
        return rows
    }

    /// Skips the rows from here on that satisfy `before`; returns how many.
    mutating func skip(while before: (Row) -> Bool) throws -> Int {
        try take(while: before).count
    }
}
