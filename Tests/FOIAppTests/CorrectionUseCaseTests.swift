import FOIApp
import FOIKit
import FOIStore
import Testing

private func date(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }

/// The record put right through the use cases and the store: the projection, the figures and the requester follow
/// the correction from its day on, and the figures as at an earlier day stand as they were.
@Suite struct CorrectionUseCaseTests {
    let store: CaseStore
    let reference = CaseReference(rawValue: "FOI-1")
    let officer = Actor.named("officer")
    let today = date("2026-03-02")
    let february = date("2026-02-01")...date("2026-02-28")

    /// A FOIA request logged as received Mon 5 Jan 2026 (due Mon 2 Feb) and answered Tue 3 Feb, a day late.
    init() async throws {
        store = try CaseStore.inMemory()
        _ = try await Office(storage: store).log(
            NewCase(
                reference: reference, received: date("2026-01-05"),
                receipt: Receipt(regime: .foia, subject: "Road repairs"), requester: Requester(name: "Ann Smith")),
            receiptConvention: nil, by: officer, today: today)
        _ = try await Casework(storage: store).record(
            RecordedEvent(date: date("2026-02-03"), event: .responded(.grantedInFull)), for: reference, by: officer,
            today: today)
    }

    /// Corrected on Tue 10 Feb to Thu 8 Jan (due Thu 5 Feb): on time as at any day from the correction, late as at
    /// Mon 9 Feb, before it; the requester's address is kept with the requester, the event names only the field.
    @Test func aCorrectedReceiptMovesTheFiguresFromItsDayOn() async throws {
        let step = try await Casework(storage: store).correct(
            reference, Correction(received: date("2026-01-08"), reason: "keyed as 5 January"),
            requester: [.address: "1 High Street, Anytown"], on: date("2026-02-10"), by: officer, today: today)
        #expect(step.summary.received == date("2026-01-08"))
        #expect(step.summary.due == date("2026-02-05"))
        guard case .corrected(let correction) = step.event.event else {
            Issue.record("not a correction")
            return
        }
        #expect(correction.requester == [.address])
        #expect(!EventFormat.payload(of: step.event.event).contains("High Street"))
        let detail = try await store.detail(reference)
        #expect(detail.requester?.address == "1 High Street, Anytown")
        #expect(detail.requester?.name == "Ann Smith")

        func standing(asAt: String) async throws -> [TimelinessStanding] {
            try await store.timeliness(dueIn: february, asAt: date(asAt), today: today).map {
                $0.standing(asAt: date(asAt))
            }
        }
        #expect(try await standing(asAt: "2026-02-09") == [.late])
        #expect(try await standing(asAt: "2026-02-10") == [.inTime])
        #expect(try await standing(asAt: "2026-03-02") == [.inTime])
        #expect(try await store.verify().isSound)
    }

    /// The response voided (recorded on the wrong case): the case is open and late, its row and figures without it,
    /// and the event stays in the history.
    @Test func aVoidedResponseLeavesTheFigures() async throws {
        let step = try await Casework(storage: store).record(
            RecordedEvent(date: date("2026-02-04"), event: .voided(VoidedStep(number: 2, reason: "wrong case"))),
            for: reference, by: officer, today: today)
        #expect(step.summary.status == .open)
        #expect(step.summary.outcome == nil)
        let entries = try await store.timeliness(dueIn: february, asAt: today, today: today)
        #expect(entries.map(\.answered) == [nil])
        #expect(try await store.detail(reference).events.count == 3)
        #expect(try await store.verify().isSound)
    }

    /// A requester's detail for a case with no requester needs the name; refused, nothing is written.
    @Test func aRequesterIsMadeOnlyFromAName() async throws {
        _ = try await Office(storage: store).log(
            NewCase(
                reference: CaseReference(rawValue: "FOI-2"), received: date("2026-01-05"),
                receipt: Receipt(regime: .foia, subject: "Anonymous")),
            receiptConvention: nil, by: officer, today: today)
        let anonymous = CaseReference(rawValue: "FOI-2")
        let refused = await #expect(throws: StoreError.self) {
            try await Casework(storage: store).correct(
                anonymous, Correction(reason: "e-mail given later"), requester: [.email: "a@example.org"],
                on: today, by: officer, today: today)
        }
        guard case .noRequester(anonymous)? = refused else {
            Issue.record("not refused for want of a name")
            return
        }
        #expect(try await store.detail(anonymous).events.count == 1)
        _ = try await Casework(storage: store).correct(
            anonymous, Correction(reason: "name given later"), requester: [.name: "B Jones", .email: "b@example.org"],
            on: today, by: officer, today: today)
        #expect(try await store.detail(anonymous).requester == Requester(name: "B Jones", email: "b@example.org"))
    }
}
