import FOIKit
import GRDB

extension CaseStore {
    // MARK: - Settings

    /// The value of a setting, or its default.
    public func setting(_ key: Settings.Key) async throws -> String {
        try await read { db in try Self.setting(key, db) }
    }

    static func setting(_ key: Settings.Key, _ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key.rawValue])
            ?? key.defaultValue
    }

    /// Changes a setting after checking its value.
    public func setSetting(_ key: Settings.Key, to value: String) async throws {
        try key.check(value)
        try await write { db in
            try db.execute(
                sql:
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                    + "excluded.value",
                arguments: [key.rawValue, value])
        }
    }

    /// The authority's profile, as the settings hold it.
    public func profile() async throws -> AuthorityProfile {
        try await read(Self.profile)
    }

    static func profile(_ db: Database) throws -> AuthorityProfile {
        var profile = AuthorityProfile()
        for key in Settings.Key.allCases {
            guard let field = key.profileField else { continue }
            let value = try setting(key, db).trimmingCharacters(in: .whitespacesAndNewlines)
            profile[field] = value.isEmpty ? nil : value
        }
        return profile
    }

    /// How long closed cases keep personal data.
    static func retentionPolicy(_ db: Database) throws -> RetentionPolicy {
        let value = try setting(.retentionYears, db)
        do { return try RetentionPolicy(parsing: value) } catch {
            throw StoreError.unreadableSetting(.retentionYears, value: value)
        }
    }

    /// The organisation's choices for clocks the law leaves open.
    static func clockPolicy(_ db: Database) throws -> ClockPolicy {
        let value = try setting(.clarificationLapseDays, db)
        do { return try ClockPolicy(clarificationLapseDays: value) } catch {
            throw StoreError.unreadableSetting(.clarificationLapseDays, value: value)
        }
    }

}
