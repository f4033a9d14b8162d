import FOIApp
import FOIKit
import FOIStore
import FOITestSupport
import FOIViews
import Synchronization
import Testing

@testable import FOIWeb

/// The board's drawings: made once for however many ask at once, again after a newer event, never kept from an
/// older event's reader or from a failure.
@Suite struct BoardCacheTests {
    struct Failure: Error {}

    let key = BoardCache<Int>.Key(today: CivilDate(year: 2026, month: 11, day: 27)!, horizon: 5, limit: 50)
    final class Tally: Sendable {
        let count = Atomic<Int>(0)
    }
    let tally = Tally()

    func draw(_ value: Int) -> @Sendable () async throws -> Int {
        { [tally] in
            tally.count.add(1, ordering: .relaxed)
            try await Task.sleep(for: .milliseconds(50))
            return value
        }
    }

    @Test func manyRequestsAtOnceDrawOnce() async throws {
        let cache = BoardCache<Int>()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.drawing(key, after: 7, draw: draw(1)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: 1, count: 20))
        #expect(tally.count.load(ordering: .relaxed) == 1)
        #expect(try await cache.drawing(key, after: 7, draw: draw(2)) == 1)
        #expect(tally.count.load(ordering: .relaxed) == 1)
    }

    @Test func aNewerEventRedrawsAndAnOlderReaderDrawsForItself() async throws {
        let cache = BoardCache<Int>()
        #expect(try await cache.drawing(key, after: 7, draw: draw(1)) == 1)
        #expect(try await cache.drawing(key, after: 8, draw: draw(2)) == 2)
        #expect(try await cache.drawing(key, after: 7, draw: draw(3)) == 3)
        #expect(try await cache.drawing(key, after: 8, draw: draw(4)) == 2)
        var tomorrow = key
        tomorrow.today = key.today.adding(days: 1)
        #expect(try await cache.drawing(tomorrow, after: 8, draw: draw(5)) == 5)
        #expect(tally.count.load(ordering: .relaxed) == 4)
    }

    @Test func aFailureIsNotKeptAndAFullCacheDrawsForTheRequest() async throws {
        let cache = BoardCache<Int>(capacity: 1)
        await #expect(throws: Failure.self) {
            try await cache.drawing(key, after: 7) { throw Failure() }
        }
        #expect(try await cache.drawing(key, after: 7, draw: draw(1)) == 1)
        var other = key
        other.limit = nil
        #expect(try await cache.drawing(other, after: 7, draw: draw(2)) == 2)
        #expect(try await cache.drawing(other, after: 7, draw: draw(3)) == 3)
        #expect(try await cache.drawing(key, after: 7, draw: draw(4)) == 1)
    }
}

/// The API's whole board drawn again after each step from the rows kept and the cases that changed: always the
/// bytes `foi board --format json` writes from the whole board read afresh, as steps move cases between sections,
/// off the board and onto it, and as the day turns.
@Suite struct BoardRowsTests {
    @Test func aBoardDrawnAgainIsTheWholeBoard() async throws {
        let store = try CaseStore.inMemory()
        let office = Office(storage: store)
        let casework = Casework(storage: store)
        for number in 1...20 {
            _ = try await office.log(
                NewCase(
                    reference: CaseReference(rawValue: "FOI-\(number)"),
                    received: CivilDate(year: 2026, month: 10, day: 1)!.adding(days: 2 * number),
                    receipt: Receipt(regime: number.isMultiple(of: 3) ? .eir : .foia, subject: "Request \(number)"),
                    requester: nil),
                receiptConvention: nil, by: .system, today: CivilDate(year: 2026, month: 11, day: 20)!)
        }
        let rows = BoardRows()
        var today = CivilDate(year: 2026, month: 11, day: 20)!
        func expectTheWholeBoard() async throws {
            let whole = try BoardView.render(
                try await store.board(today: today, horizon: 5, limit: nil, handler: nil), horizon: 5,
                calendars: store.calendars, format: .json, listingAll: { _ in "" })
            let drawn = try await rows.json(storage: store, today: today, horizon: 5, handler: nil)
            #expect(String(decoding: drawn, as: UTF8.self) == String(decoding: whole.bytes, as: UTF8.self))
        }
        try await expectTheWholeBoard()
        var random = SplitMix64(seed: 24)
        // Steps that change a row where it stands (its exemptions, its date, its stage) come often; those that take
        // a case off the board, seldom.
        let exempt = CaseEvent.exemptionApplied(
            ExemptionDecision(citation: "31(1)(a)", part: .foia, publicInterest: .maintain))
        let extend = CaseEvent.extended(workingDays: 20, reason: "The public interest test")
        let steps: [(Int) -> CaseEvent] = [
            { .note("Note \($0)") }, { _ in .acknowledged }, { _ in .clarificationRequested(note: nil) },
            { _ in .clarificationReceived }, { _ in exempt }, { _ in exempt }, { _ in extend }, { _ in extend },
            { _ in .clarificationReceived }, { _ in .responded(.grantedInFull) }, { _ in .withdrawn(reason: nil) },
        ]
        var recorded = 0
        for round in 0..<80 {
            let reference = CaseReference(rawValue: "FOI-\(Int.random(in: 1...20, using: &random))")
            let event = steps[Int.random(in: 0..<steps.count, using: &random)](round)
            // A step the case's state refuses is no step: the board stays as drawn.
            if (try? await casework.record(
                RecordedEvent(date: today, event: event), for: reference, by: .system, today: today)) != nil
            {
                recorded += 1
            }
            if round.isMultiple(of: 10) { today = today.adding(days: 1) }
            try await expectTheWholeBoard()
        }
        #expect(recorded >= 30)
    }
}
