import FOIKit
import GRDB

extension CaseStore {
    /// Logs a new request on `today` (it cannot be received later): its received event and its projection, with a
    /// generated reference unless it brings one.
    @discardableResult
    public func log(_ new: NewCase, actor: String? = nil, today: CivilDate) throws -> CaseSummary {
        try write { db in
            let reference = try new.reference ?? Self.nextReference(for: new.received.year, db)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM cases WHERE ref = ?", arguments: [reference.rawValue]) == true
            {
                throw StoreError.duplicateReference(reference)
            }
            let rules = try rules(db)
            let opened = Case(reference: reference, received: new.received, receipt: new.receipt)
            let state = try deciding { try opened.replaying([], rules: rules, today: today).state(rules) }
            let requesterID = try new.requester.map { try Self.insert($0, db) }
            return try Projection.summary(
                caseID: try Projection.insert(state, requesterID: requesterID, actor: actor, db), db)
        }
    }

    /// Imports whole cases (a spreadsheet's history, generated data, the demo) in one transaction: each is
    /// replayed through the lifecycle on `today`, so an illegal history is refused and nothing of the batch is
    /// written.
    public func importCases(_ cases: [(new: NewCase, steps: [RecordedEvent])], actor: String? = nil, today: CivilDate)
        throws
    {
        try write { db in
            let rules = try rules(db)
            for (new, steps) in cases {
                let reference = try new.reference ?? Self.nextReference(for: new.received.year, db)
                let opened = Case(reference: reference, received: new.received, receipt: new.receipt)
                let state = try deciding { try opened.replaying(steps, rules: rules, today: today).state(rules) }
                let requesterID = try new.requester.map { try Self.insert($0, db) }
                do {
                    _ = try Projection.insert(state, requesterID: requesterID, actor: actor, db)
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                    throw StoreError.duplicateReference(reference)
                }
            }
        }
    }

    /// Records one step on a case on `today`, if the lifecycle allows it now.
    @discardableResult
    public func record(_ recorded: RecordedEvent, for reference: CaseReference, actor: String? = nil, today: CivilDate)
        throws -> RecordedStep
    {
        try record(on: recorded.date, for: reference, actor: actor, today: today, building: { _, _ in recorded.event })
    }

    /// Records the step `event` makes from the case as it stands (read once, in the same transaction), e.g. an
    /// exemption whose part defaults to the case's regime.
    @discardableResult
    public func record(
        on date: CivilDate, for reference: CaseReference, actor: String? = nil, today: CivilDate,
        building event: (Case, CaseRules) throws -> CaseEvent
    ) throws -> RecordedStep {
        try write { db in
            let (caseID, current) = try loadCase(reference, db)
            let rules = try rules(db)
            let recorded = RecordedEvent(date: date, event: try event(current, rules))
            let step = try deciding { try current.step(recorded, rules: rules, today: today) }
            try Projection.update(
                to: step.state, appending: [step.event], exemptionsChanged: step.exemptionsChanged, caseID: caseID,
                actor: actor, db)
            return RecordedStep(summary: try Projection.summary(caseID: caseID, db), event: step.event)
        }
    }

    /// Splits part of the request `reference` into a case of its own under `regime` (a mixed FOIA/EIR request):
    /// the original records a split event naming the part, the part is a new case received the same day whose
    /// receipt names the original, with a copy of the requester (each case's personal data is removed on its own
    /// retention date). One transaction; refused, nothing is written.
    public func split(
        _ reference: CaseReference, into regime: Regime, subject: String?, partReference: CaseReference?,
        on date: CivilDate, actor: String? = nil, today: CivilDate
    ) throws -> (original: RecordedStep, part: CaseSummary) {
        try write { db in
            let (caseID, current) = try loadCase(reference, db)
            let rules = try rules(db)
            let partReference = try partReference ?? Self.nextReference(for: current.received.year, db)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM cases WHERE ref = ?", arguments: [partReference.rawValue])
                == true
            {
                throw StoreError.duplicateReference(partReference)
            }
            let recorded = RecordedEvent(date: date, event: .split(CaseSplit(into: partReference, regime: regime)))
            let step = try deciding { try current.step(recorded, rules: rules, today: today) }
            let part = Case(
                reference: partReference, received: current.received,
                receipt: current.receipt.part(regime: regime, subject: subject, splitFrom: reference))
            let partState = try deciding { try part.replaying([], rules: rules, today: today).state(rules) }
            try db.execute(
                sql: """
                    INSERT INTO requesters (name, email, address, anonymised_on)
                    SELECT r.name, r.email, r.address, r.anonymised_on FROM requesters r
                    JOIN cases c ON c.requester_id = r.id WHERE c.id = ?
                    """, arguments: [caseID])
            let requesterID = db.changesCount == 1 ? db.lastInsertedRowID : nil
            let partID = try Projection.insert(partState, requesterID: requesterID, actor: actor, db)
            try Projection.update(
                to: step.state, appending: [step.event], exemptionsChanged: false, caseID: caseID, actor: actor, db)
            return (
                RecordedStep(summary: try Projection.summary(caseID: caseID, db), event: step.event),
                try Projection.summary(caseID: partID, db)
            )
        }
    }

    /// Adds a newly proclaimed bank holiday and records, on every case with a clock whose date it moves, a
    /// deadline-moved event for each such clock (FOIKit decides which move and how the move is worded). On
    /// failure nothing is written and the store keeps its calendars.
    ///
    /// A holiday can move a hundred thousand cases. Deciding the moves takes most of the time, so it is done first,
    /// reading, while other officers go on recording steps; the holiday and every move are then written in one
    /// short transaction, in which each case that took a step meanwhile is decided again. Nobody sees half a
    /// change, and nobody waits long for the lock.
    public func addHoliday(_ holiday: Holiday, today: CivilDate, actor: String? = nil) throws -> HolidayChange {
        try add(try planHoliday(holiday, today: today), actor: actor)
    }

    /// The first half of adding a holiday: every move decided while reading, without the lock.
    func planHoliday(_ holiday: Holiday, today: CivilDate) throws -> HolidayPlan {
        // The moves read tens of thousands of cases: keep their pages in memory rather than spill and re-read.
        try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -131072") }
        return try writer.read { db in try planHoliday(holiday, today: today, db) }
    }

    /// The second half: the holiday and the planned moves written in one transaction, each case that took a step
    /// since the plan decided again (every case, if a holiday or a clock setting changed meanwhile).
    func add(_ plan: HolidayPlan, actor: String?) throws -> HolidayChange {
        let (holiday, today) = (plan.holiday, plan.today)
        let (moved, updated) = try write { db in
            let now = try planHoliday(holiday, today: today, db, readingMoves: false)
            var moves: [CalendarMove]
            if now.before.policy == plan.before.policy && now.local == plan.local {
                let changed = try Set(
                    Int64.fetchAll(
                        db, sql: "SELECT DISTINCT case_id FROM events WHERE id > ?", arguments: [plan.lastEvent]))
                moves = plan.moves.filter { !changed.contains($0.caseID) }
                moves += try decideMoves(
                    across: holiday, from: now.before, to: now.after, today: today, db, among: Array(changed))
            } else {
                moves = try decideMoves(across: holiday, from: now.before, to: now.after, today: today, db)
            }
            try db.execute(
                sql: "INSERT INTO holidays (date, division, title, added_at) VALUES (?, ?, ?, ?)",
                arguments: [holiday.date, holiday.division.rawValue, holiday.title, EventLog.timestamp()])
            for move in moves {
                try Projection.updateDates(
                    to: move.state, appending: move.events, caseID: move.caseID, actor: actor, db)
            }
            return (moves.count, (now.after.calendars, now.local + [holiday]))
        }
        (calendars, localHolidaysInCalendars) = updated
        return HolidayChange(holiday: holiday, casesMoved: moved)
    }

    /// What adding `holiday` does, as the database stands in `db`: the rules before and after, the local holidays,
    /// the last event read, and (with `readingMoves`) the move of every case it moves. Refused if the day is a
    /// bank holiday of the division already.
    private func planHoliday(_ holiday: Holiday, today: CivilDate, _ db: Database, readingMoves: Bool = true) throws
        -> HolidayPlan
    {
        let isPublished = published.holidays(of: holiday.division, in: holiday.date.year).contains {
            $0.date == holiday.date && $0.source == .published
        }
        let before = try rules(db)
        let local = localHolidaysInCalendars
        if isPublished || local.contains(where: { $0.date == holiday.date && $0.division == holiday.division }) {
            throw StoreError.holidayExists(holiday.date, holiday.division)
        }
        var after = before
        after.calendars = Calendars(holidays: Self.holidays(published, adding: local + [holiday]))
        return HolidayPlan(
            holiday: holiday, today: today, before: before, after: after, local: local,
            lastEvent: try Int64.fetchOne(db, sql: "SELECT max(id) FROM events") ?? 0,
            moves: readingMoves ? try decideMoves(across: holiday, from: before, to: after, today: today, db) : [])
    }

    /// The moves of every case with a board clock due on or after the holiday, or answered recently enough for the
    /// requester's window to ask for a review (40 working days, at most about 60 calendar days) to reach it (or of
    /// the cases `among`): FOIKit says which clocks move.
    private func decideMoves(
        across holiday: Holiday, from before: CaseRules, to after: CaseRules, today: CivilDate, _ db: Database,
        among: [Int64]? = nil
    ) throws -> [CalendarMove] {
        var candidates: [Row] = []
        if let among {
            for chunk in chunked(among.sorted()) {
                candidates += try Row.fetchAll(
                    db, sql: "SELECT id, ref FROM cases WHERE id IN (\(placeholders(chunk.count))) ORDER BY id",
                    arguments: StatementArguments(chunk))
            }
        } else {
            candidates = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.ref FROM cases c WHERE c.id IN (SELECT case_id FROM case_clocks WHERE due_on >= ?)
                    OR (c.status = 'responded' AND c.responded_on >= ?) ORDER BY c.id
                    """, arguments: [holiday.date, holiday.date.adding(days: -Self.reviewWindowReach)])
        }
        var moves: [CalendarMove] = []
        try EventLog.forEachReplayed(candidates, catalogue: catalogue, db) { caseID, file in
            if let change = try deciding({
                try file.changingCalendars(from: before, to: after, because: holiday.additionReason, today: today)
            }) {
                moves.append(CalendarMove(caseID: caseID, events: change.moves, state: change.state))
            }
        }
        return moves
    }

    /// Calendar days before a holiday that a response can be and its review window still reach it: 40 working days
    /// and the FOISA deadline's own lead, with room for holidays.
    static let reviewWindowReach = 120

    /// The row id of the case `reference`.
    static func caseID(_ reference: CaseReference, _ db: Database) throws -> Int64 {
        guard
            let caseID = try Int64.fetchOne(
                db, sql: "SELECT id FROM cases WHERE ref = ?", arguments: [reference.rawValue])
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

    private static func insert(_ requester: Requester, _ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: "INSERT INTO requesters (name, email, address) VALUES (?, ?, ?)")
            .execute(arguments: [requester.name, requester.email, requester.address])
        return db.lastInsertedRowID
    }

    private static func nextReference(for year: Int, _ db: Database) throws -> CaseReference {
        let pattern = try setting(.referencePattern, db)
        while true {
            guard
                let sequence = try Int.fetchOne(
                    db,
                    sql: """
                        INSERT INTO reference_sequences (year, last) VALUES (?, 1)
                        ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last
                        """, arguments: [year])
            else { throw StoreError.badReferencePattern(pattern) }
            let reference = try ReferencePattern.expand(pattern, year: year, sequence: sequence)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM cases WHERE ref = ?", arguments: [reference.rawValue]) != true
            {
                return reference
            }
        }
    }
}

/// What adding a holiday does, decided before it is written.
struct HolidayPlan {
    var holiday: Holiday
    var today: CivilDate
    var before: CaseRules
    var after: CaseRules
    var local: [Holiday]
    /// The last event when the moves were decided: a case with a later one is decided again.
    var lastEvent: Int64
    var moves: [CalendarMove]
}

/// The deadline-moved events of one case and its state after them.
struct CalendarMove {
    var caseID: Int64
    var events: [RecordedEvent]
    var state: CaseState
}
