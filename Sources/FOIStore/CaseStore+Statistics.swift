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
    public func timeliness(dueIn period: ClosedRange<CivilDate>, asAt: CivilDate) throws -> [TimelinessEntry] {
        try writer.read { db in
            let rules = try rules(db)
            let candidates = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, ref FROM cases WHERE regime != 'sar' AND (received_on BETWEEN ? AND ?
                        OR id IN (SELECT case_id FROM events WHERE occurred_on BETWEEN ? AND ? AND kind IN (
                            'review-requested', 'clarification-received', 'fee-paid', 'extended', 'reopened')))
                    ORDER BY id
                    """,
                arguments: [
                    period.lowerBound.adding(days: -Self.plainReach), min(period.upperBound, asAt),
                    period.lowerBound.adding(days: -Self.timelinessReach), min(period.upperBound, asAt),
                ])
            var entries: [TimelinessEntry] = []
            for chunk in chunked(candidates) {
                let events = try EventLog.events(ofCases: chunk.map { $0[0] }, db)
                for row in chunk {
                    // A history replays only in its order: the case as at the date is its events up to the first
                    // dated after it (a step recorded after that one but dated earlier waits for it).
                    let known = (events[row[0]] ?? []).prefix { $0.recorded.date <= asAt }
                    guard !known.isEmpty else { continue }
                    let file = try EventLog.replay(
                        CaseReference(rawValue: row[1]), events: Array(known), catalogue: catalogue)
                    do {
                        entries += try file.timeliness(asAt: asAt, calendars: rules.calendars).filter {
                            period.contains($0.due)
                        }
                    } catch let error as DeadlineError {
                        throw StoreError.deadline(error)
                    }
                }
            }
            return entries.sorted { ($0.due, $0.reference) < ($1.due, $1.reference) }
        }
    }

    /// Calendar days before a period that a request with no pause or extension falls due in it can have been
    /// received: 60 working days (a school, a day the ICO specifies) and the holidays between, with room to spare.
    static let plainReach = 120
    /// Calendar days before a period that the step which set a later date can have been taken: a clarification, a
    /// payment, an extension (FOIA s.10(3) allows up to 200 further working days here), a reopening, a review.
    static let timelinessReach = 366
}
