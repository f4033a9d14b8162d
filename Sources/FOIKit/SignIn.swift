/// How signing in to foi-server is limited, decided here and kept by the store: times are seconds since 1970.
public enum SignInPolicy {
    /// Failed attempts at one address within `window` that refuse it for `lockout` (issue 24: five in fifteen
    /// minutes, refused for fifteen).
    public static let failures = 5
    public static let window: Int64 = 15 * 60
    public static let lockout: Int64 = 15 * 60
    /// A session ends after an hour unused, or twelve hours after it began, whichever comes first.
    public static let idle: Int64 = 60 * 60
    public static let absolute: Int64 = 12 * 60 * 60
    /// How often a session's last use is written down: once a minute at most, so that reading pages writes
    /// nothing; the idle hour is then counted from at most a minute early.
    public static let seenEvery: Int64 = 60

    /// Until when an address is refused, given the times of its failed attempts: the fifth failure within
    /// `window` refuses it for `lockout` from that failure; nil when it may try.
    public static func lockedUntil(failedAt failures: [Int64], now: Int64) -> Int64? {
        let recent = failures.filter { $0 <= now && $0 > now - window - lockout }.sorted()
        var locked: Int64?
        for (index, time) in recent.enumerated() where index + 1 >= Self.failures {
            // This failure and the four before it fell within the window.
            if time - recent[index + 1 - Self.failures] < window { locked = time + lockout }
        }
        return locked.flatMap { $0 > now ? $0 : nil }
    }

    /// Whether a session begun at `created` and last used at `seen` is still good at `now`.
    public static func isLive(created: Int64, seen: Int64, now: Int64) -> Bool {
        now - seen < idle && now - created < absolute && created <= now
    }
}
