import FOIKit
import GRDB

/// The organisation's settings.
public enum Settings {
    public enum Key: String, CaseIterable, Sendable {
        /// How generated references look: `FOI-{YYYY}-{SEQ:6}` by default.
        case referencePattern = "reference-pattern"
        /// Day 0 for requests received on a non-working day, for new cases: `statutory` or `next-working-day`.
        case receiptConvention = "receipt-convention"
        /// Working days to wait for clarification before the request may be closed (no statute sets it).
        case clarificationLapseDays = "clarification-lapse-days"
        /// Years after a case closes that its requester's personal data is kept: `3`, or `3, sar=6`.
        case retentionYears = "retention-years"
        // The authority's profile, which letters print: unset until the authority gives it.
        case authorityName = "authority-name"
        case authorityAddress = "authority-address"
        case foiContact = "foi-contact"
        case foiEmail = "foi-email"
        case reviewContact = "review-contact"
        case signature
        case reuseParagraph = "reuse-paragraph"
        /// A directory of edited letter templates; unset: the built-in ones.
        case templatesDirectory = "templates-dir"

        public var defaultValue: String {
            switch self {
            case .referencePattern: "FOI-{YYYY}-{SEQ:6}"
            case .receiptConvention: ReceiptConvention.statutory.rawValue
            case .clarificationLapseDays: String(ClockPolicy.defaultClarificationLapseWorkingDays)
            case .retentionYears: RetentionPolicy().description
            case .authorityName, .authorityAddress, .foiContact, .foiEmail, .reviewContact, .signature,
                .reuseParagraph, .templatesDirectory:
                ""
            }
        }

        /// The profile field the setting holds, if it is one (they share their names).
        var profileField: AuthorityProfile.Field? { AuthorityProfile.Field(rawValue: rawValue) }
    }
}

extension CaseStore {
    // MARK: - Settings

    /// The value of a setting, or its default.
    public func setting(_ key: Settings.Key) throws -> String {
        try writer.read { db in try Self.setting(key, db) }
    }

    static func setting(_ key: Settings.Key, _ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key.rawValue])
            ?? key.defaultValue
    }

    /// Changes a setting after checking its value.
    public func setSetting(_ key: Settings.Key, to value: String) throws {
        switch key {
        case .referencePattern:
            // Checked by the same parser that will use it.
            _ = try ReferencePattern.expand(value, year: 2026, sequence: 1)
        case .receiptConvention:
            guard ReceiptConvention(rawValue: value) != nil else {
                throw StoreError.badSetting(
                    key: key.rawValue, value: value, reason: "use statutory or next-working-day")
            }
        case .retentionYears:
            do { _ = try RetentionPolicy(parsing: value) } catch {
                throw StoreError.badSetting(key: key.rawValue, value: value, reason: error.advice)
            }
        case .clarificationLapseDays:
            guard let days = Int(value), (1...250).contains(days) else {
                throw StoreError.badSetting(
                    key: key.rawValue, value: value, reason: "give a number of working days from 1 to 250")
            }
        case .authorityName, .authorityAddress, .foiContact, .foiEmail, .reviewContact, .signature, .reuseParagraph,
            .templatesDirectory:
            // Any text; a blank one unsets it. (A templates directory is read when a letter is written.)
            break
        }
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                    + "excluded.value",
                arguments: [key.rawValue, value])
        }
    }

    /// The authority's profile, as the settings hold it.
    public func profile() throws -> AuthorityProfile {
        try writer.read { db in
            var profile = AuthorityProfile()
            for key in Settings.Key.allCases {
                guard let field = key.profileField else { continue }
                let value = try Self.setting(key, db).trimmingCharacters(in: .whitespacesAndNewlines)
                profile[field] = value.isEmpty ? nil : value
            }
            return profile
        }
    }

    /// How long closed cases keep personal data.
    static func retentionPolicy(_ db: Database) throws -> RetentionPolicy {
        (try? RetentionPolicy(parsing: try setting(.retentionYears, db))) ?? RetentionPolicy()
    }

    /// The organisation's choices for clocks the law leaves open.
    static func clockPolicy(_ db: Database) throws -> ClockPolicy {
        ClockPolicy(
            clarificationLapseWorkingDays: Int(try setting(.clarificationLapseDays, db))
                ?? ClockPolicy.defaultClarificationLapseWorkingDays)
    }

}

/// Generated references: `{YYYY}`, `{YY}` and `{SEQ:n}` (the yearly sequence, zero-padded to n digits).
public enum ReferencePattern {
    /// The reference the pattern gives the `sequence`-th request of `year`. Parsed by hand: a regular expression
    /// here cost every `foi log` a few milliseconds of ICU start-up.
    public static func expand(_ pattern: String, year: Int, sequence: Int) throws -> CaseReference {
        guard let start = pattern.firstRange(of: "{SEQ") else { throw StoreError.badReferencePattern(pattern) }
        var rest = pattern[start.upperBound...]
        var width = 0
        if rest.first == ":" {
            let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            // A sequence padded to more digits than any office will issue is a typo, not a pattern.
            guard !digits.isEmpty, let number = Int(digits), number <= 12 else {
                throw StoreError.badReferencePattern(pattern)
            }
            width = number
            rest = rest[digits.endIndex...]
        }
        guard rest.first == "}" else { throw StoreError.badReferencePattern(pattern) }
        func padded(_ number: Int, to width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let text = (pattern[..<start.lowerBound] + padded(sequence, to: width) + rest.dropFirst())
            .replacing("{YYYY}", with: String(year))
            .replacing("{YY}", with: padded(year % 100, to: 2))
        return CaseReference(rawValue: String(text))
    }
}
