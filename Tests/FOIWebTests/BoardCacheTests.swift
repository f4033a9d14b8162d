import FOIKit
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
