import FOIKit
import FOITestSupport
import FOIStore

/// Fills a database with `count` cases received over the ten years before `today`, about 10% of them open:
/// most open cases received in the last four weeks, a twentieth of them older and overdue, some waiting on the
/// requester. Closed cases were answered about three to four weeks after receipt, a fifth citing exemptions.
func generateStore(path: String, count: Int, today: CivilDate) throws {
    let store = try CaseStore(path: path)
    var random = SplitMix64(seed: 1_000_003)
    let tenYears = 3652
    let outcomes: [Outcome] = [.grantedInFull, .grantedInFull, .partiallyWithheld, .notHeld, .withheldInFull, .refusedCost]
    let subjects = ["Overtime spending by department", "Use of drones by the force", "Vehicle fleet fuel costs",
                    "Complaints about noise in the borough", "Contracts with a named supplier", "Staff sickness absence"]
    let regimes: [Regime] = Array(repeating: .foia, count: 16) + [.eir, .eir, .foisa, .sar]
    var batch: [(new: NewCase, steps: [RecordedEvent])] = []
    for index in 0..<count {
        let open = index % 10 == 0
        let regime = regimes[Int(random.next() % UInt64(regimes.count))]
        let received: CivilDate
        var steps: [RecordedEvent] = []
        if open {
            received = index % 200 == 0 ? today.adding(days: -35 - Int(random.next() % 35)) : today.adding(days: -Int(random.next() % 28))
            if index % 300 == 10 {
                steps.append(RecordedEvent(date: received.adding(days: 1), event: .clarificationRequested(note: "which period?")))
            } else if index % 1000 == 20, regime != .sar {
                steps.append(RecordedEvent(date: received.adding(days: 2), event: .feeNoticeIssued(amount: "£25")))
            }
        } else {
            received = today.adding(days: -35 - Int(random.next() % UInt64(tenYears - 35)))
            let outcome = outcomes[Int(random.next() % UInt64(outcomes.count))]
            let answered = received.adding(days: 14 + Int(random.next() % 16))
            steps.append(RecordedEvent(date: received.adding(days: 5), event: .searchRecorded(Search(location: "Records management", held: outcome != .notHeld, hours: 2))))
            if outcome.citesExemptions {
                let citation = regime == .eir ? "12(5)(b)" : regime == .foisa ? "35(1)(a)" : "31(1)(a)"
                steps.append(RecordedEvent(date: answered, event: .exemptionApplied(ExemptionDecision(
                    citation: citation, part: regime == .sar ? .foia : regime, neitherConfirmNorDeny: outcome == .neitherConfirmNorDeny, publicInterest: .maintain))))
            }
            steps.append(RecordedEvent(date: answered, event: .responded(outcome)))
        }
        let sarSafe = regime == .sar && steps.contains { if case .exemptionApplied = $0.event { true } else { false } } ? Regime.foia : regime
        batch.append((NewCase(received: received, receipt: Receipt(regime: sarSafe, subject: subjects[index % subjects.count], channel: .email),
                              requester: Requester(name: "Requester \(index)", email: "r\(index)@example.org")), steps))
        if batch.count == 20_000 {
            try store.importCases(batch, actor: "generator")
            batch.removeAll(keepingCapacity: true)
        }
    }
    if !batch.isEmpty { try store.importCases(batch, actor: "generator") }
}
