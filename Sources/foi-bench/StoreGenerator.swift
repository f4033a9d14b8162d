import FOIKit
import FOIStore
import FOITestSupport

/// Fills a database with `count` cases received over the ten years before `today`, about 10% of them open:
/// most open cases received in the last four weeks, a twentieth of them older and overdue, some waiting on the
/// requester. Closed cases were answered about three to four weeks after receipt, a fifth citing exemptions;
/// one in twenty was reviewed, one in a hundred went on to the regulator, one in a thousand to the Tribunal.
/// Every step is dated no later than `today`, so the recent ones are still under way. With `tasksPerCase`, each
/// case puts that many questions to the 200 contributors (`contributor1@example.org` and on) the day after it was
/// received, 3 working days each: answered two days later in a closed case, still open in an open one; and each
/// case is handled by one of 20 officers (`officer1@example.org` and on), assigned the day it was received.
func generateStore(path: String, count: Int, today: CivilDate, tasksPerCase: Int = 0) async throws {
    let store = try CaseStore(path: path, access: .create)
    var contributors: [UserID] = []
    var officers: [UserID] = []
    for number in 1...(tasksPerCase > 0 ? 200 : 0) {
        contributors.append(
            try await store.addUser(
                name: "Contributor \(number)", email: "contributor\(number)@example.org", role: .contributor
            ).id)
    }
    for number in 1...(tasksPerCase > 0 ? 20 : 0) {
        officers.append(
            try await store.addUser(name: "Officer \(number)", email: "officer\(number)@example.org", role: .officer).id
        )
    }
    func handled(_ index: Int, received: CivilDate) -> [RecordedEvent] {
        officers.isEmpty
            ? [] : [RecordedEvent(date: received, event: .assigned(to: .user(officers[index % officers.count])))]
    }
    func tasks(_ index: Int, received: CivilDate, answered: Bool) -> [RecordedEvent] {
        guard tasksPerCase > 0 else { return [] }
        return (1...tasksPerCase).flatMap { number in
            let given = RecordedEvent(
                date: received.adding(days: 1),
                event: .taskGiven(
                    TaskRequest(
                        number: number, contributor: .user(contributors[(index / 10 * tasksPerCase + number) % 200]),
                        ask: "What do you hold?", workingDays: 3)))
            let done = RecordedEvent(
                date: received.adding(days: 3), event: .taskDone(TaskAnswer(number: number, answer: "Found it.")))
            return answered ? [given, done] : [given]
        }
    }
    var random = SplitMix64(seed: 1_000_003)
    let tenYears = 3652
    let outcomes: [Outcome] = [
        .grantedInFull, .grantedInFull, .partiallyWithheld, .notHeld, .withheldInFull, .refusedCost,
    ]
    let subjects = [
        "Overtime spending by department", "Use of drones by the force", "Vehicle fleet fuel costs",
        "Complaints about noise in the borough", "Contracts with a named supplier", "Staff sickness absence",
    ]
    let regimes: [Regime] = Array(repeating: .foia, count: 16) + [.eir, .eir, .foisa, .sar]
    var batch: [(new: NewCase, steps: [RecordedEvent])] = []
    for index in 0..<count {
        let open = index % 10 == 0
        let regime = regimes[Int(random.next() % UInt64(regimes.count))]
        let received: CivilDate
        var steps: [RecordedEvent] = []
        if open {
            received =
                index % 200 == 0
                // Received at least three days ago: a clarification or fee notice a day or two after it has happened.
                ? today.adding(days: -35 - Int(random.next() % 35)) : today.adding(days: -3 - Int(random.next() % 25))
            steps += handled(index, received: received) + tasks(index, received: received, answered: false)
            if index % 300 == 10 {
                steps.append(
                    RecordedEvent(date: received.adding(days: 1), event: .clarificationRequested(note: "which period?"))
                )
            } else if index % 1000 == 20, regime != .sar {
                steps.append(RecordedEvent(date: received.adding(days: 2), event: .feeNoticeIssued(amount: "£25")))
            }
        } else {
            received = today.adding(days: -35 - Int(random.next() % UInt64(tenYears - 35)))
            let drawn = outcomes[Int(random.next() % UInt64(outcomes.count))]
            // The s.12 cost limit is FOIA's and FOISA's: environmental information and personal data are not
            // refused on cost.
            let outcome = drawn == .refusedCost && (regime == .eir || regime == .sar) ? .grantedInFull : drawn
            let answered = received.adding(days: 14 + Int(random.next() % 16))
            steps += handled(index, received: received) + tasks(index, received: received, answered: true)
            steps.append(
                RecordedEvent(
                    date: received.adding(days: 5),
                    event: .searchRecorded(Search(location: "Records management", held: outcome != .notHeld, hours: 2)))
            )
            if outcome.citesExemptions {
                let citation = regime == .eir ? "12(5)(b)" : regime == .foisa ? "35(1)(a)" : "31(1)(a)"
                steps.append(
                    RecordedEvent(
                        date: answered,
                        event: .exemptionApplied(
                            ExemptionDecision(
                                citation: citation, part: regime == .sar ? .foia : regime,
                                neitherConfirmNorDeny: outcome == .neitherConfirmNorDeny, publicInterest: .maintain))))
            }
            steps.append(RecordedEvent(date: answered, event: .responded(outcome)))
            if index % 20 == 1 {
                steps += afterResponse(index: index, regime: regime, answered: answered, today: today, random: &random)
            }
        }
        let sarSafe =
            regime == .sar && steps.contains { if case .exemptionApplied = $0.event { true } else { false } }
            ? Regime.foia : regime
        batch.append(
            (
                NewCase(
                    received: received,
                    receipt: Receipt(regime: sarSafe, subject: subjects[index % subjects.count], channel: .email),
                    requester: Requester(name: "Requester \(index)", email: "r\(index)@example.org")), steps
            ))
        if batch.count == 20_000 {
            try await store.importCases(batch, today: today)
            batch.removeAll(keepingCapacity: true)
        }
    }
    if !batch.isEmpty { try await store.importCases(batch, today: today) }
}

/// The review, complaint and appeal of a reviewed case, as far as `today` allows.
private func afterResponse(index: Int, regime: Regime, answered: CivilDate, today: CivilDate, random: inout SplitMix64)
    -> [RecordedEvent]
{
    var steps: [RecordedEvent] = []
    func step(_ date: CivilDate, _ event: CaseEvent) -> Bool {
        guard date <= today else { return false }
        steps.append(RecordedEvent(date: date, event: event))
        return true
    }
    let requested = answered.adding(days: 5 + Int(random.next() % 20))
    guard step(requested, .reviewRequested(ReviewRequest(by: "Requester \(index)"))) else { return steps }
    let decided = requested.adding(days: 18 + Int(random.next() % 14))
    let outcomes: [ReviewOutcome] = [.upheld, .upheld, .upheld, .partiallyUpheld, .overturned, .procedural]
    guard
        step(decided, .reviewDecided(ReviewDecision(outcome: outcomes[Int(random.next() % 6)], reviewer: "Reviewer"))),
        // The ICO ends a data protection complaint with an outcome, not a decision notice: no SAR goes on.
        index % 100 == 1, regime != .sar
    else { return steps }
    let notified = decided.adding(days: 20 + Int(random.next() % 20))
    guard
        step(
            notified,
            .complaintNotified(
                ComplaintNotice(reference: "IC-\(100_000 + index)-B3CH", submissionsDue: notified.adding(days: 28))))
    else { return steps }
    guard step(notified.adding(days: 20 + Int(random.next() % 10)), .submissionsSent) else { return steps }
    let notice = notified.adding(days: 90 + Int(random.next() % 60))
    let upheld = index % 300 == 1
    guard
        step(
            notice,
            .decisionNoticeIssued(
                DecisionNotice(
                    reference: "IC-\(100_000 + index)-B3CH", outcome: upheld ? .upheld : .notUpheld,
                    steps: upheld ? "Disclose the withheld information" : nil)))
    else { return steps }
    if upheld { _ = step(notice.adding(days: 30), .decisionNoticeComplied) }
    guard index % 1000 == 1,
        step(
            notice.adding(days: 21),
            .appealLodged(AppealLodging(appellant: .requester, reference: "EA/\(notice.year)/\(index % 10_000)")))
    else { return steps }
    _ = step(notice.adding(days: 120), .hearingListed(on: notice.adding(days: 200), appeal: nil))
    _ = step(notice.adding(days: 230), .appealDecided(AppealDecision(outcome: .dismissed)))
    return steps
}
