import FOITestSupport
import Testing

@testable import FOIKit

/// Five failed sign-ins at an address within fifteen minutes refuse it for fifteen minutes from the fifth (issue
/// 24); a session ends after an hour unused or twelve hours after it began.
@Suite struct SignInPolicyTests {
    @Test func theFifthFailureInFifteenMinutesLocksTheAddress() {
        let minute: Int64 = 60
        let four = [0, 1, 2, 3].map { $0 * minute }
        #expect(SignInPolicy.lockedUntil(failedAt: four, now: 4 * minute) == nil)
        let five = four + [4 * minute]
        #expect(SignInPolicy.lockedUntil(failedAt: five, now: 5 * minute) == 19 * minute)
        #expect(SignInPolicy.lockedUntil(failedAt: five, now: 19 * minute) == nil)
        // Five failures spread over more than fifteen minutes lock nothing.
        let spread = [0, 4, 8, 12, 16].map { $0 * minute }
        #expect(SignInPolicy.lockedUntil(failedAt: spread, now: 16 * minute) == nil)
        // Property: whatever the failures, a lock never outlasts fifteen minutes from now.
        for seed in 0..<200 {
            var generator = SplitMix64(seed: UInt64(seed))
            let times = (0..<Int(generator.next() % 12)).map { _ in Int64(generator.next() % 3_600) }
            let now = Int64(generator.next() % 3_600) + 1_800
            if let until = SignInPolicy.lockedUntil(failedAt: times, now: now) {
                #expect(until > now && until <= now + SignInPolicy.lockout)
                #expect(
                    times.filter { $0 <= now && $0 > until - SignInPolicy.lockout - SignInPolicy.window }.count >= 5)
            }
        }
    }

    @Test func aSessionEndsIdleOrOld() {
        let hour: Int64 = 3_600
        #expect(SignInPolicy.isLive(created: 0, seen: 0, now: hour - 1))
        #expect(!SignInPolicy.isLive(created: 0, seen: 0, now: hour))
        #expect(SignInPolicy.isLive(created: 0, seen: 11 * hour + 1_800, now: 12 * hour - 1))
        #expect(!SignInPolicy.isLive(created: 0, seen: 11 * hour + 1_800, now: 12 * hour))
    }
}
