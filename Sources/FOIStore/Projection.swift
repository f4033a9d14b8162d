import FOIKit
import Foundation
import GRDB

/// The projection tables (`cases`, `case_clocks`, `case_exemptions`): what FOIKit decided a case now is, written
/// in the same transaction as the event that made it so, and read back as `CaseSummary`.
enum Projection {
    /// The version of what is derived from the events: raised whenever FOIKit derives a projected value differently
    /// (a rule of the law, a clock) or a projection table is added, so that every database is re-projected once by
    /// the foi that first opens it (`Migrations`). 2: no permission window after a withdrawn appeal, no steps from
    /// the authority's partly successful appeal against a notice that ordered none (issue 23). 3: contributor tasks
    /// (`case_tasks`, issue 25). 4: the flags that route a case (`case_flags`). 5: allocation (`case_allocations`).
    /// 6: the stage of sign-off awaited (`case_signoffs`).
    static let version = 6

    /// Inserts a new case's row, its events, exemptions and clocks; returns the case's id.
    static func insert(_ state: CaseState, requesterID: Int64?, actor: String?, _ db: Database) throws -> Int64 {
        var sealed = try sealedHistory(state, actor: actor, recordedAt: EventLog.timestamp())
        var ledger = try Ledger.Tail(db)
        ledger.place(&sealed)
        return try insert(state, requesterID: requesterID, sealed: sealed, db)
    }

    /// The case's history sealed into its chain, as `insert` writes it. `restoring`: the events as an export
    /// recorded them, one for each of the history's (their actors and times, their removed texts).
    static func sealedHistory(
        _ state: CaseState, actor: String?, recordedAt: String,
        restoring: (events: [StoredEvent], removedOn: CivilDate)? = nil
    ) throws(StoreError) -> [EventLog.Sealed] {
        var previous: String?
        return try state.file.history.enumerated().map { index, recorded throws(StoreError) in
            let sealed = try EventLog.seal(
                recorded, sequence: index + 1, reference: state.file.reference, previous: previous, actor: actor,
                recordedAt: recordedAt, restoring: restoring.map { ($0.events[index], $0.removedOn) })
            previous = sealed.hash
            return sealed
        }
    }

    /// Inserts a new case's row, its sealed events (`sealedHistory`, with their places in the ledger), exemptions
    /// and clocks; returns its id.
    static func insert(_ state: CaseState, requesterID: Int64?, sealed: [EventLog.Sealed], _ db: Database) throws
        -> Int64
    {
        let file = state.file
        try db.cachedStatement(
            sql: """
                INSERT INTO cases (ref, regime, status, status_since, received_on, subject, channel, receipt_convention,
                                   requester_id, due_on, extended_from_on, provisional, outcome, responded_on,
                                   event_count, clock, stage, closed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                file.reference.rawValue, file.regime.rawValue, file.status.rawValue, file.statusSince, file.received,
                file.receipt.subject, file.receipt.channel.rawValue, file.receipt.convention.rawValue, requesterID,
            ] + columns(state))
        let caseID = db.lastInsertedRowID
        for event in sealed { try EventLog.write(event, caseID: caseID, db) }
        try writeExemptions(file.exemptions, caseID: caseID, replacing: false, db)
        try writeClocks(state, caseID: caseID, replacing: false, db)
        try writeTimeliness(state, caseID: caseID, replacing: false, db)
        try writeFirstResponse(file, caseID: caseID, replacing: false, db)
        try writeHandler(file, caseID: caseID, replacing: false, db)
        try writeTasks(state, caseID: caseID, replacing: false, db)
        try writeFlags(file, caseID: caseID, replacing: false, db)
        try writeAllocation(file, caseID: caseID, replacing: false, db)
        try writeSignOff(state, caseID: caseID, replacing: false, db)
        return caseID
    }

    /// Appends a step's events (the step and any that follow from it) and rewrites the case's projection.
    static func update(
        to state: CaseState, appending events: [RecordedEvent], exemptionsChanged: Bool, receiptChanged: Bool = false,
        caseID: Int64, actor: String?, _ db: Database
    ) throws {
        try appendEvents(events, of: state, caseID: caseID, actor: actor, db)
        try rewrite(state, caseID: caseID, exemptionsChanged: exemptionsChanged, db)
        if receiptChanged { try rewriteReceipt(state.file, caseID: caseID, db) }
    }

    /// Rewrites the row's receipt columns as the case's receipt now stands (after a correction, or its void).
    static func rewriteReceipt(_ file: Case, caseID: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE cases SET regime = ?, received_on = ?, subject = ?, channel = ?, receipt_convention = ?
                WHERE id = ?
                """,
            arguments: [
                file.regime.rawValue, file.received, file.receipt.subject, file.receipt.channel.rawValue,
                file.receipt.convention.rawValue, caseID,
            ])
    }

    /// Rewrites the case's row and clocks (and its exemptions, if they changed) as `state` has them.
    static func rewrite(_ state: CaseState, caseID: Int64, exemptionsChanged: Bool = false, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE cases SET status = ?, status_since = ?, due_on = ?, extended_from_on = ?, provisional = ?,
                                 outcome = ?, responded_on = ?, event_count = ?, clock = ?, stage = ?, closed_on = ?
                WHERE id = ?
                """
        ).execute(arguments: [state.file.status.rawValue, state.file.statusSince] + columns(state) + [caseID])
        try writeClocks(state, caseID: caseID, replacing: true, db)
        try writeTimeliness(state, caseID: caseID, replacing: true, db)
        try writeFirstResponse(state.file, caseID: caseID, replacing: true, db)
        try writeHandler(state.file, caseID: caseID, replacing: true, db)
        try writeTasks(state, caseID: caseID, replacing: true, db)
        try writeFlags(state.file, caseID: caseID, replacing: true, db)
        try writeAllocation(state.file, caseID: caseID, replacing: true, db)
        try writeSignOff(state, caseID: caseID, replacing: true, db)
        if exemptionsChanged { try writeExemptions(state.file.exemptions, caseID: caseID, replacing: true, db) }
    }

    /// After a calendar change: appends its deadline-moved events and rewrites only what a calendar can change,
    /// the dates of the row and of its clocks and whether they are provisional (a holiday moves a hundred thousand
    /// cases; their status, stage and set of clocks stay as they were, and so do the indexes on them).
    static func updateDates(
        to state: CaseState, appending events: [RecordedEvent], caseID: Int64, actor: String?,
        _ db: Database
    ) throws {
        try appendEvents(events, of: state, caseID: caseID, actor: actor, db)
        try db.cachedStatement(
            sql: "UPDATE cases SET due_on = ?, extended_from_on = ?, provisional = ?, event_count = ? WHERE id = ?"
        ).execute(arguments: [
            state.deadline.finalDate, state.deadline.extendedFrom, state.deadline.provisional,
            state.file.history.count, caseID,
        ])
        try writeTimeliness(state, caseID: caseID, replacing: true, db)
        // A task's date moves with the calendar too; a case without tasks has no rows to rewrite.
        if !state.file.tasks.isEmpty { try writeTasks(state, caseID: caseID, replacing: true, db) }
        if state.file.approval != nil { try writeSignOff(state, caseID: caseID, replacing: true, db) }
        let update = try db.cachedStatement(
            sql: "UPDATE case_clocks SET due_on = ?, provisional = ? WHERE case_id = ? AND clock = ?")
        for clock in state.boardClocks {
            try update.execute(arguments: [clock.due, clock.provisional, caseID, clock.name.rawValue])
            // A clock the row did not have: the set changed after all, so it is written whole.
            if db.changesCount == 0 { return try writeClocks(state, caseID: caseID, replacing: true, db) }
        }
    }

    /// Appends `events`, the last of the case's history in `state`, to its chain.
    private static func appendEvents(
        _ events: [RecordedEvent], of state: CaseState, caseID: Int64, actor: String?, _ db: Database
    ) throws {
        let first = state.file.history.count - events.count + 1
        var previous = try EventLog.hash(caseID: caseID, sequence: first - 1, db)
        var ledger = try Ledger.Tail(db)
        for (offset, recorded) in events.enumerated() {
            previous = try EventLog.append(
                recorded, sequence: first + offset, caseID: caseID, reference: state.file.reference,
                previous: previous, actor: actor, ledger: &ledger, db)
        }
    }

    /// The columns from `due_on` to `closed_on`, in table order.
    private static func columns(_ state: CaseState) throws -> StatementArguments {
        let file = state.file
        return [
            state.deadline.finalDate, state.deadline.extendedFrom, state.deadline.provisional, file.outcome?.rawValue,
            file.respondedOn, file.history.count, storedClock(file), file.stage.rawValue, file.closedOn,
        ]
    }

    /// The `clock` column: the response clock's inputs beyond those in the row, as canonical JSON, for readers of
    /// the database (foi itself recomputes from the events). Absent values are left out.
    static func storedClock(_ file: Case) -> String {
        let input = file.clockInput
        func object(_ fields: [String: JSONValue?]) -> JSONValue { .object(fields.compactMapValues { $0 }) }
        func date(_ date: CivilDate?) -> JSONValue? { date.map { .string($0.description) } }
        return object([
            "convention": .string(input.convention.rawValue),
            "clarifications": .array(
                input.clarifications.map { object(["requested": date($0.requested), "received": date($0.received)]) }),
            "fees": .array(input.fees.map { object(["notice": date($0.notice), "paid": date($0.paid)]) }),
            "publicInterestExtension": input.publicInterestExtension.map(JSONValue.integer),
            "statutoryExtension": .bool(input.statutoryExtension),
        ]).canonicalText
    }

    /// Writes the case's entries in the timeliness figures (migration 0009).
    static func writeTimeliness(_ state: CaseState, caseID: Int64, replacing: Bool, _ db: Database) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM timeliness WHERE case_id = ?").execute(arguments: [caseID])
        }
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO timeliness (case_id, kind, ordinal, regime, statutory_due_on, due_on, answered_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for (ordinal, entry) in state.timeliness.enumerated() {
            try insert.execute(arguments: [
                caseID, entry.kind.rawValue, ordinal, entry.regime.rawValue, entry.statutoryDue, entry.due,
                entry.answered,
            ])
        }
    }

    /// The case's rows of `timeliness` as `writeTimeliness` writes them, after its id: kind, ordinal, regime,
    /// statutory_due_on, due_on, answered_on (what `verify` compares the table with).
    static func timelinessRows(_ state: CaseState) -> [[DatabaseValue]] {
        state.timeliness.enumerated().map { ordinal, entry in
            [
                entry.kind.rawValue.databaseValue, ordinal.databaseValue, entry.regime.rawValue.databaseValue,
                entry.statutoryDue.databaseValue, entry.due.databaseValue, entry.answered.databaseValue,
            ]
        }
    }

    /// Writes the case's first response as the disclosure log reads it (`first_responses`, migration 0010).
    static func writeFirstResponse(_ file: Case, caseID: Int64, replacing: Bool, _ db: Database) throws {
        try write(
            firstResponseRow(file).map { [$0] } ?? [], into: "first_responses",
            columns: ["responded_on", "outcome", "exemptions", "title", "held_back"], caseID: caseID,
            replacing: replacing, db)
    }

    /// The case's row of `first_responses`, after its id (none for a subject access request, or before a response):
    /// responded_on, outcome, exemptions, title, held_back. (What `verify` compares the table with, too.)
    static func firstResponseRow(_ file: Case) -> [DatabaseValue]? {
        guard let first = file.firstResponseRecord else { return nil }
        return [
            first.responded.databaseValue, first.outcome.rawValue.databaseValue,
            FirstResponseExemptions.text(first.exemptions).databaseValue, first.title.databaseValue,
            first.heldBack.databaseValue,
        ]
    }

    /// Writes `rows` (each after the case's id) as the case's rows of the projection table `table`, whose columns
    /// after `case_id` are `columns`; `replacing`: the case's rows there are removed first.
    private static func write(
        _ rows: [[DatabaseValue]], into table: String, columns: [String], caseID: Int64, replacing: Bool,
        _ db: Database
    ) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE case_id = ?").execute(arguments: [caseID])
        }
        guard !rows.isEmpty else { return }
        let placeholders = String(repeating: ", ?", count: columns.count)
        let insert = try db.cachedStatement(
            sql: "INSERT INTO \(table) (case_id, \(columns.joined(separator: ", "))) VALUES (?\(placeholders))")
        for row in rows { try insert.execute(arguments: StatementArguments([caseID.databaseValue] + row)) }
    }

    /// Writes the flags raised on the case (`case_flags`, migration 0021).
    static func writeFlags(_ file: Case, caseID: Int64, replacing: Bool, _ db: Database) throws {
        try write(
            file.flags.map { [$0.rawValue.databaseValue] }, into: "case_flags", columns: ["flag"], caseID: caseID,
            replacing: replacing, db)
    }

    /// Writes to whom the case is allocated (`case_allocations`, migration 0022).
    static func writeAllocation(_ file: Case, caseID: Int64, replacing: Bool, _ db: Database) throws {
        try write(
            allocationRow(file).map { [$0] } ?? [], into: "case_allocations", columns: ["team_id", "standing"],
            caseID: caseID, replacing: replacing, db)
    }

    /// The case's `case_allocations` row after its id (`team_id`, `standing`), or nil for a case never allocated.
    static func allocationRow(_ file: Case) -> [DatabaseValue]? {
        guard file.team != nil || file.allocation != nil else { return nil }
        return [file.team?.rawValue.databaseValue ?? .null, file.allocation?.word.databaseValue ?? .null]
    }

    /// Writes the case's tasks (`case_tasks`, migration 0020).
    static func writeTasks(_ state: CaseState, caseID: Int64, replacing: Bool, _ db: Database) throws {
        try write(
            taskRows(state), into: "case_tasks",
            columns: ["task", "user_id", "team_id", "state", "given_on", "due_on", "closed_on", "hours", "activity"],
            caseID: caseID, replacing: replacing, db)
    }

    /// The case's rows of `case_tasks` after its id, as `writeTasks` writes them (what `verify` compares with): task,
    /// user_id or team_id, state, given_on, due_on, closed_on, hours, activity.
    static func taskRows(_ state: CaseState) -> [[DatabaseValue]] {
        state.taskRecords.map { record in
            let (closed, hours, activity): (CivilDate?, Double?, CostActivity?) =
                switch record.task.state {
                case .open: (nil, nil, nil)
                case .done(let on, let answer): (on, answer.hours, answer.activity)
                case .declined(let on, _): (on, nil, nil)
                }
            let (user, team) = record.task.request.contributor.numbers
            return [
                record.task.number.databaseValue, user.databaseValue, team.databaseValue,
                record.standing.rawValue.databaseValue, record.task.given.databaseValue, record.due.databaseValue,
                closed.databaseValue, hours.databaseValue, activity?.rawValue.databaseValue ?? .null,
            ]
        }
    }

    /// Writes the stage of sign-off the case waits for (`case_signoffs`, migration 0025).
    static func writeSignOff(_ state: CaseState, caseID: Int64, replacing: Bool, _ db: Database) throws {
        try write(
            signOffRow(state).map { [$0] } ?? [], into: "case_signoffs",
            columns: ["stage", "user_id", "team_id", "since_on", "due_on"], caseID: caseID, replacing: replacing, db)
    }

    /// The case's `case_signoffs` row after its id (stage, user_id or team_id, since_on, due_on), or nil while no
    /// stage waits.
    static func signOffRow(_ state: CaseState) -> [DatabaseValue]? {
        guard let clock = state.clocks.first(where: { $0.name == .signOff }), let stage = clock.stage,
            let chain = state.file.approval?.request.chain, chain.indices.contains(stage - 1)
        else { return nil }
        let (user, team) = chain[stage - 1].numbers
        return [
            stage.databaseValue, user.databaseValue, team.databaseValue, clock.startedOn.databaseValue,
            clock.due.databaseValue,
        ]
    }

    /// Writes who handles the case (`case_handlers`, migrations 0011 and 0013).
    static func writeHandler(_ file: Case, caseID: Int64, replacing: Bool, _ db: Database) throws {
        try write(
            handlerRow(file).map { [$0] } ?? [], into: "case_handlers", columns: ["handler", "user_id"],
            caseID: caseID, replacing: replacing, db)
    }

    /// The case's `case_handlers` row after its id (`handler`, `user_id`), or nil while no one handles it: a user
    /// is kept by its number (as text too), a name typed before format 3 as it was typed.
    static func handlerRow(_ file: Case) -> [DatabaseValue]? {
        switch file.handler {
        case .user(let id)?: [String(id.rawValue).databaseValue, id.rawValue.databaseValue]
        case .named(let name)?: [name.databaseValue, .null]
        case nil: nil
        }
    }

    /// Writes the case's clocks that the board shows and that still wait for their step.
    static func writeClocks(_ state: CaseState, caseID: Int64, replacing: Bool = false, _ db: Database) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM case_clocks WHERE case_id = ?").execute(arguments: [caseID])
        }
        let insert = try db.cachedStatement(
            sql:
                "INSERT INTO case_clocks (case_id, clock, due_on, regime, watch, provisional) VALUES (?, ?, ?, ?, ?, ?)"
        )
        for clock in state.boardClocks {
            try insert.execute(arguments: [
                caseID, clock.name.rawValue, clock.due, state.file.regime.rawValue, clock.name.watch.rawValue,
                clock.provisional,
            ])
        }
    }

    private static func writeExemptions(
        _ decisions: [ExemptionDecision], caseID: Int64, replacing: Bool, _ db: Database
    )
        throws
    {
        if replacing { try db.execute(sql: "DELETE FROM case_exemptions WHERE case_id = ?", arguments: [caseID]) }
        for decision in decisions {
            try db.cachedStatement(
                sql: """
                    INSERT INTO case_exemptions (case_id, citation, part, ncnd, public_interest) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (case_id, citation, part) DO UPDATE SET ncnd = excluded.ncnd,
                                                                        public_interest = excluded.public_interest
                    """
            ).execute(arguments: [
                caseID, decision.citation, decision.part.rawValue, decision.neitherConfirmNorDeny,
                decision.publicInterest?.rawValue,
            ])
        }
    }

    // MARK: - Reading

    /// The columns `summaries` reads, in the order it reads them by index.
    static let summaryColumns = """
        id, ref, regime, status, status_since, received_on, due_on, extended_from_on, provisional, subject, channel, \
        outcome, responded_on, stage,
        (SELECT coalesce(u.name, h.handler) FROM case_handlers h LEFT JOIN users u ON u.id = h.user_id
         WHERE h.case_id = cases.id)
        """

    static func summary(caseID: Int64, _ db: Database) throws -> CaseSummary {
        guard
            let summary = try summaries(
                sql: "SELECT \(summaryColumns) FROM cases WHERE id = ?", arguments: [caseID], db
            ).first
        else { throw StoreError.unreadableCase(id: caseID) }
        return summary.summary
    }

    /// The summaries of the cases with these ids, by id.
    static func summaries(ofCases ids: [Int64], _ db: Database) throws -> [Int64: CaseSummary] {
        var byID: [Int64: CaseSummary] = [:]
        for chunk in chunked(ids) {
            for (id, summary) in try summaries(
                sql: "SELECT \(summaryColumns) FROM cases WHERE id IN (\(placeholders(chunk.count)))",
                arguments: StatementArguments(chunk), db)
            {
                byID[id] = summary
            }
        }
        return byID
    }

    /// The summaries `sql` selects (its columns `summaryColumns`), with their exemptions, in its order.
    static func summaries(sql: String, arguments: StatementArguments, _ db: Database) throws
        -> [(id: Int64, summary: CaseSummary)]
    {
        // A cursor's rows are read straight from the statement (no copy of each value), then the exemptions of
        // all of them in a few queries.
        var summaries: [(id: Int64, summary: CaseSummary)] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            guard let regime = Regime(rawValue: row[2]), let status = CaseStatus(rawValue: row[3]),
                let statusSince: CivilDate = row[4], let received: CivilDate = row[5]
            else { throw StoreError.unreadableCase(id: id) }
            summaries.append(
                (
                    id,
                    CaseSummary(
                        ref: CaseReference(rawValue: row[1]), regime: regime, status: status, statusSince: statusSince,
                        received: received, due: row[6], extendedFrom: row[7], provisional: row[8], subject: row[9],
                        channel: Channel(rawValue: row[10]) ?? .other,
                        outcome: (row[11] as String?).flatMap(Outcome.init(rawValue:)), respondedOn: row[12],
                        exemptions: [], stage: CaseStage(rawValue: row[13]) ?? .request, handler: row[14])
                ))
        }
        var exemptionsByCase: [Int64: [ExemptionDecision]] = [:]
        for chunk in chunked(summaries.map(\.id)) {
            for row in try Row.fetchAll(
                db,
                sql: "SELECT * FROM case_exemptions WHERE case_id IN (\(placeholders(chunk.count))) ORDER BY rowid",
                arguments: StatementArguments(chunk))
            {
                guard let part = Regime(rawValue: row["part"]) else {
                    throw StoreError.unreadableCase(id: row["case_id"])
                }
                exemptionsByCase[row["case_id"], default: []].append(
                    ExemptionDecision(
                        citation: row["citation"], part: part, neitherConfirmNorDeny: row["ncnd"],
                        publicInterest: (row["public_interest"] as String?).flatMap(
                            PublicInterestConclusion.init(rawValue:))))
            }
        }
        for index in summaries.indices {
            summaries[index].summary.exemptions = exemptionsByCase[summaries[index].id] ?? []
        }
        return summaries
    }
}

/// The exemptions of a first response as `first_responses.exemptions` stores them: one per line, `part citation`,
/// then ` ncnd` where the duty to confirm or deny is excluded and the public interest conclusion where there is one
/// (a citation is checked against the catalogue, so it holds no space or line break).
enum FirstResponseExemptions {
    static func text(_ decisions: [ExemptionDecision]) -> String {
        decisions.map { decision in
            ([decision.part.rawValue, decision.citation] + (decision.neitherConfirmNorDeny ? ["ncnd"] : [])
                + [decision.publicInterest?.rawValue].compactMap { $0 }).joined(separator: " ")
        }.joined(separator: "\n")
    }

    static func decisions(_ text: String) -> [ExemptionDecision]? {
        var decisions: [ExemptionDecision] = []
        for line in text.split(separator: "\n") {
            var words = line.split(separator: " ").map(String.init)[...]
            guard words.count >= 2, let part = Regime(rawValue: words.removeFirst()) else { return nil }
            var decision = ExemptionDecision(citation: words.removeFirst(), part: part)
            if words.first == "ncnd" {
                decision.neitherConfirmNorDeny = true
                words.removeFirst()
            }
            if let conclusion = words.first {
                guard let publicInterest = PublicInterestConclusion(rawValue: conclusion) else { return nil }
                decision.publicInterest = publicInterest
            }
            decisions.append(decision)
        }
        return decisions
    }
}
