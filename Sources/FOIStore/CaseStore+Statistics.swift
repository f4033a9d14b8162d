import FOIKit
import GRDB

extension CaseStore {
    /// Every request and review in the timeliness figures that falls due in `period` (its last permitted date), as
    /// the cases stood at the end of `asAt`: each case replayed from the events dated by then, so that steps taken
    /// later never change an earlier as-at date's figures. (A step recorded late but dated before it, a correction
    /// or an import, does change them: it happened by then; the history shows when it was recorded.)
    ///
    /// The cases read are those received from 120 days before the period to its end, and those with a
    /// clarification, a payment, an extension, a reopening or a review from a year before it: a request due in the
    /// period and not among them would have been extended, paused or reviewed more than a year before it.
    ///
    /// As at `today` or later, the case as it stands is the case as at the date (no step is dated after the day it is
    /// recorded), so the entries are read from the projection by date rather than replayed. With `handler`, only
    /// the cases it selects as they are handled now.
    public func timeliness(
        dueIn period: ClosedRange<CivilDate>, asAt: CivilDate, today: CivilDate, handler: HandlerFilter? = nil
    ) async throws -> [TimelinessEntry] {
        let (selected, selectedArguments) = handler.map { Self.handled(by: $0, column: "id") } ?? ("1", [])
        if asAt >= today {
            return try await read { db in try Self.projectedTimeliness(dueIn: period, handler: handler, db) }
        }
        return try await read { db in
            let rules = try rules(db)
            let regimes = Regime.inFOIFigures.map(\.rawValue)
            let steps = CaseSelection.stepsMovingDueDates.map(\.rawValue)
            let candidates = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, ref FROM cases WHERE regime IN (\(placeholders(regimes.count)))
                        AND (received_on BETWEEN ? AND ? OR id IN (SELECT case_id FROM events
                            WHERE occurred_on BETWEEN ? AND ? AND kind IN (\(placeholders(steps.count)))))
                        AND \(selected)
                    ORDER BY id
                    """,
                arguments: StatementArguments(
                    regimes.map(\.databaseValue)
                        + [
                            period.lowerBound.adding(days: -CaseSelection.receiptReach), min(period.upperBound, asAt),
                            period.lowerBound.adding(days: -CaseSelection.dueDateStepReach),
                            min(period.upperBound, asAt),
                        ].map(\.databaseValue) + steps.map(\.databaseValue)) + selectedArguments)
            var entries: [TimelinessEntry] = []
            try EventLog.forEachReplayed(candidates, catalogue: catalogue, asAt: asAt, db) { _, file in
                do {
                    entries += try file.timelinessEntries(calendars: rules.calendars).filter { period.contains($0.due) }
                } catch let error as DeadlineError {
                    throw StoreError.deadline(error)
                }
            }
            return entries.sorted { ($0.due, $0.reference) < ($1.due, $1.reference) }
        }
    }

    /// The entries falling due in `period` of the cases `handler` selects, from the projection (`timeliness`,
    /// migration 0009).
    private static func projectedTimeliness(
        dueIn period: ClosedRange<CivilDate>, handler: HandlerFilter?, _ db: Database
    ) throws -> [TimelinessEntry] {
        let (selected, selectedArguments) = handler.map { handled(by: $0, column: "t.case_id") } ?? ("1", [])
        return try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.ref, t.kind, t.regime, t.statutory_due_on, t.due_on, t.answered_on
                FROM timeliness t JOIN cases c ON c.id = t.case_id WHERE t.due_on BETWEEN ? AND ? AND \(selected)
                ORDER BY t.due_on, c.ref
                """, arguments: [period.lowerBound, period.upperBound] + selectedArguments
        ).map { row in
            // Columns by position: a name is looked up (case-insensitively) on every access.
            guard let kind = TimelinessEntry.Kind(rawValue: row[2]), let regime = Regime(rawValue: row[3]),
                let statutory: CivilDate = row[4], let due: CivilDate = row[5]
            else { throw StoreError.unreadableCase(id: row[0]) }
            return TimelinessEntry(
                reference: CaseReference(rawValue: row[1]), regime: regime, kind: kind, statutoryDue: statutory,
                due: due, answered: row[6])
        }
    }

    /// The requests falling due in `period` counted by how they stand today, from the projection: the line the
    /// board opens with.
    /// The requests are read by their dates, each set of dates once with how many share it, so that the board of
    /// an office with thousands of open requests reads a few hundred rows; FOIKit says how each set stands.
    static func requestTimeliness(
        dueIn period: ClosedRange<CivilDate>, today: CivilDate, handler: HandlerFilter?, _ db: Database
    ) throws -> TimelinessFigures {
        let (selected, selectedArguments) = handler.map { handled(by: $0, column: "case_id") } ?? ("1", [])
        var counts: [TimelinessStanding: Int] = [:]
        // Grouped in the order of the index that holds them (migration 0019): read from it alone.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT due_on, statutory_due_on, answered_on, count(*) FROM timeliness
                WHERE kind = 'request' AND due_on BETWEEN ? AND ? AND \(selected)
                GROUP BY due_on, statutory_due_on, answered_on
                """, arguments: [period.lowerBound, period.upperBound] + selectedArguments)
        while let row = try rows.next() {
            guard let due: CivilDate = row[0], let statutory: CivilDate = row[1] else {
                let damaged = try Int64.fetchOne(
                    db, sql: "SELECT case_id FROM timeliness WHERE kind = 'request' AND due_on = ?", arguments: [row[0]]
                )
                throw StoreError.unreadableCase(id: damaged ?? 0)
            }
            let standing = TimelinessStanding(answered: row[2], statutoryDue: statutory, due: due, asAt: today)
            counts[standing, default: 0] += row[3] as Int
        }
        return TimelinessFigures(counts: counts)
    }
}

extension CaseStore {
    /// The disclosure log of the requests first answered in `period`, and the cases held back from it with their
    /// reasons, read from the projection of first responses (`first_responses`, migration 0010) by date. The query
    /// never reads the requesters table, so no requester's name, address or reference can reach it.
    public func disclosureLog(respondedIn period: ClosedRange<CivilDate>) async throws -> (
        entries: [DisclosureLogEntry], heldBack: [(CaseReference, String)]
    ) {
        try await read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.id, c.ref, c.regime, c.received_on, c.subject, f.responded_on, f.outcome, f.exemptions,
                           f.title, f.held_back
                    FROM first_responses f JOIN cases c ON c.id = f.case_id
                    WHERE f.responded_on BETWEEN ? AND ?
                    ORDER BY f.responded_on, c.ref
                    """, arguments: [period.lowerBound, period.upperBound])
            var entries: [DisclosureLogEntry] = []
            var heldBack: [(CaseReference, String)] = []
            // Columns by position: a name is looked up (case-insensitively) on every access.
            while let row = try rows.next() {
                let reference = CaseReference(rawValue: row[1])
                guard let regime = Regime(rawValue: row[2]), let received: CivilDate = row[3],
                    let responded: CivilDate = row[5], let outcome = Outcome(rawValue: row[6]),
                    let exemptions = FirstResponseExemptions.decisions(row[7])
                else { throw StoreError.unreadableCase(id: row[0]) }
                let record = FirstResponseRecord(
                    responded: responded, outcome: outcome, exemptions: exemptions, title: row[8], heldBack: row[9])
                if let entry = record.logEntry(
                    reference: reference, regime: regime, received: received, subject: row[4])
                {
                    entries.append(entry)
                } else if let reason = record.heldBack {
                    heldBack.append((reference, reason))
                }
            }
            // Information released on review is published too: the cases with a review answered in the period.
            try Self.forEachCaseWithReviewAnswered(in: period, catalogue: catalogue, db) { file in
                entries += file.reviewReleases(in: period)
            }
            entries.sort { ($0.responded, $0.reference.rawValue) < ($1.responded, $1.reference.rawValue) }
            return (entries, heldBack)
        }
    }
}

extension CaseStore {
    /// The period's activity as the report charts it: requests received (from the cases), first responses and the
    /// exemptions relied on in them (from `first_responses`), and the reviews decided (their cases replayed: the
    /// outcome is in the history only).
    public func activity(in period: ClosedRange<CivilDate>) async throws -> PeriodActivity {
        try await read { db in
            var activity = PeriodActivity()
            let arguments: StatementArguments = [period.lowerBound, period.upperBound]
            let regimes = Regime.inFOIFigures.map(\.rawValue)
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT received_on, count(*) FROM cases WHERE received_on BETWEEN ? AND ?
                        AND regime IN (\(placeholders(regimes.count))) GROUP BY received_on
                    """, arguments: arguments + StatementArguments(regimes))
            {
                guard let day: CivilDate = row[0] else { continue }
                activity.receivedByDay[day] = row[1]
            }
            let responses = try Row.fetchCursor(
                db, sql: "SELECT case_id, outcome, exemptions FROM first_responses WHERE responded_on BETWEEN ? AND ?",
                arguments: arguments)
            // Most responses rely on one of a few sets of exemptions: each set's labels are found once.
            var labelsOf: [String: Set<String>] = [:]
            while let row = try responses.next() {
                let text: String = row[2]
                guard let outcome = Outcome(rawValue: row[1]) else { throw StoreError.unreadableCase(id: row[0]) }
                activity.outcomes[outcome, default: 0] += 1
                if let labels = labelsOf[text] {
                    for label in labels { activity.exemptions[label, default: 0] += 1 }
                    continue
                }
                guard let decisions = FirstResponseExemptions.decisions(text) else {
                    throw StoreError.unreadableCase(id: row[0])
                }
                let labels = Set(
                    decisions.map {
                        let label = catalogue.exemption(citing: $0.citation, in: $0.part)?.label ?? $0.citation
                        return "\($0.part.shortName) \(label)"
                    })
                labelsOf[text] = labels
                for label in labels { activity.exemptions[label, default: 0] += 1 }
            }
            try Self.forEachCaseWithReviewAnswered(in: period, catalogue: catalogue, db) { file in
                for review in file.reviews {
                    guard let decided = review.decided, period.contains(decided), let decision = review.decision
                    else { continue }
                    activity.reviewOutcomes[decision.outcome, default: 0] += 1
                }
            }
            return activity
        }
    }
}

extension CaseStore {
    /// The requests received in `period`, each replayed from its events dated by the end of `asAt` (cases received
    /// after `asAt` are not yet known then).
    public func casesReceived(in period: ClosedRange<CivilDate>, asAt: CivilDate) async throws -> [Case] {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, ref FROM cases WHERE received_on BETWEEN ? AND ? ORDER BY id",
                arguments: [period.lowerBound, min(period.upperBound, asAt)])
            var cases: [Case] = []
            try EventLog.forEachReplayed(rows, catalogue: catalogue, asAt: asAt, db) { _, file in cases.append(file) }
            return cases
        }
    }
}

extension CaseStore {
    /// Each case with a review answered in `period` (the timeliness projection says which), replayed: the review's
    /// outcome is in the history only.
    static func forEachCaseWithReviewAnswered(
        in period: ClosedRange<CivilDate>, catalogue: ExemptionCatalogue, _ db: Database, _ body: (Case) throws -> Void
    ) throws {
        let reviewed = try Row.fetchAll(
            db,
            sql: """
                SELECT id, ref FROM cases WHERE id IN (SELECT case_id FROM timeliness
                    WHERE kind = 'review' AND answered_on BETWEEN ? AND ?) ORDER BY id
                """, arguments: [period.lowerBound, period.upperBound])
        try EventLog.forEachReplayed(reviewed, catalogue: catalogue, db) { _, file in try body(file) }
    }
}
