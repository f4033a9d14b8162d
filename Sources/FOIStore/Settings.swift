import FOIKit
import Foundation
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

        public var defaultValue: String {
            switch self {
            case .referencePattern: "FOI-{YYYY}-{SEQ:6}"
            case .receiptConvention: ReceiptConvention.statutory.rawValue
            case .clarificationLapseDays: String(ClockPolicy.defaultClarificationLapseWorkingDays)
            }
        }
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
            guard value.contains("{SEQ") else { throw StoreError.badReferencePattern(value) }
        case .receiptConvention:
            guard ReceiptConvention(rawValue: value) != nil else {
                throw StoreError.badSetting(
                    key: key.rawValue, value: value, reason: "use statutory or next-working-day")
            }
        case .clarificationLapseDays:
            guard let days = Int(value), (1...250).contains(days) else {
                throw StoreError.badSetting(
                    key: key.rawValue, value: value, reason: "give a number of working days from 1 to 250")
            }
        }
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                    + "excluded.value",
                arguments: [key.rawValue, value])
        }
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
    public static func expand(_ pattern: String, year: Int, sequence: Int) throws -> CaseReference {
        guard let range = pattern.range(of: #"\{SEQ(:[0-9]+)?\}"#, options: .regularExpression) else {
            throw StoreError.badReferencePattern(pattern)
        }
        let token = pattern[range]
        let width = token.count > 5 ? Int(token.dropFirst(5).dropLast()) ?? 0 : 0
        let digits = String(sequence)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        let text = pattern.replacingCharacters(in: range, with: padded)
            .replacingOccurrences(of: "{YYYY}", with: String(year))
            .replacingOccurrences(of: "{YY}", with: String(format: "%02d", year % 100))
        return CaseReference(rawValue: text)
    }
}
