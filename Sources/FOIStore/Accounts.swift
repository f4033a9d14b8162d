import FOIKit
import GRDB

/// Signing in to foi-server: passwords as bcrypt's hashes, sessions by their tokens' SHA-256, and the attempts the
/// throttle counts (migration 0017). What is decided (the lockout, a session's expiry) is `SignInPolicy`'s.
extension CaseStore {
    public func setPasswordHash(_ hash: String, forUser email: String, at now: Int64) async throws -> User {
        try await write { db in
            guard let id = try Users.matching(email, db),
                let user = try Users.all(db).first(where: { $0.id == id && $0.active && $0.role != .system })
            else { throw StoreError.noUser(email) }
            try db.execute(
                sql: """
                    INSERT INTO passwords (user_id, hash, set_at) VALUES (?, ?, ?)
                    ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at
                    """, arguments: [id.rawValue, hash, now])
            // A new password signs the user out everywhere.
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [id.rawValue])
            return user
        }
    }

    public func passwordHash(of email: String) async throws -> (user: User, hash: String)? {
        try await read { db in
            guard let id = try Users.matching(email, db),
                let user = try Users.all(db).first(where: { $0.id == id && $0.active }),
                let hash = try String.fetchOne(
                    db, sql: "SELECT hash FROM passwords WHERE user_id = ?", arguments: [id.rawValue])
            else { return nil }
            return (user, hash)
        }
    }

    public func recordSignIn(_ email: String, succeeded: Bool, at now: Int64) async throws -> Int64? {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO sign_in_attempts (email, at, succeeded) VALUES (?, ?, ?)",
                arguments: [email, now, succeeded])
            // What the throttle no longer looks at is forgotten.
            try db.execute(
                sql: "DELETE FROM sign_in_attempts WHERE at < ?",
                arguments: [now - SignInPolicy.window - SignInPolicy.lockout])
            return try Self.lockedUntil(email, now, db)
        }
    }

    public func signInLockedUntil(_ email: String, at now: Int64) async throws -> Int64? {
        try await read { db in try Self.lockedUntil(email, now, db) }
    }

    static func lockedUntil(_ email: String, _ now: Int64, _ db: Database) throws -> Int64? {
        let failures = try Int64.fetchAll(
            db, sql: "SELECT at FROM sign_in_attempts WHERE email = ? AND succeeded = 0 AND at > ?",
            arguments: [email, now - SignInPolicy.window - SignInPolicy.lockout])
        return SignInPolicy.lockedUntil(failedAt: failures, now: now)
    }

    public func startSession(tokenHash: String, for user: UserID, at now: Int64) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO sessions (token_hash, user_id, created_at, seen_at) VALUES (?, ?, ?, ?)",
                arguments: [tokenHash, user.rawValue, now, now])
        }
    }

    /// Read first: a live session seen within `SignInPolicy.seenEvery` writes nothing, so that pages read side by
    /// side.
    public func session(tokenHash: String, at now: Int64) async throws -> User? {
        let found = try await read { db -> (user: User?, created: Int64, seen: Int64)? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT user_id, created_at, seen_at FROM sessions WHERE token_hash = ?",
                    arguments: [tokenHash])
            else { return nil }
            let userID: Int64 = row[0]
            return (try Users.all(db).first { $0.id.rawValue == userID && $0.active }, row[1], row[2])
        }
        guard let found else { return nil }
        guard let user = found.user, SignInPolicy.isLive(created: found.created, seen: found.seen, now: now) else {
            try await write { db in
                try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
            }
            return nil
        }
        if now - found.seen >= SignInPolicy.seenEvery {
            try await write { db in
                try db.execute(
                    sql: "UPDATE sessions SET seen_at = ? WHERE token_hash = ?", arguments: [now, tokenHash])
            }
        }
        return user
    }

    public func addAPIToken(hash: String, label: String, forUser email: String, at now: Int64) async throws -> User {
        try await write { db in
            guard let id = try Users.matching(email, db),
                let user = try Users.all(db).first(where: { $0.id == id && $0.active && $0.role != .system })
            else { throw StoreError.noUser(email) }
            try db.execute(
                sql: "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)",
                arguments: [hash, id.rawValue, label, now])
            return user
        }
    }

    public func apiTokenUser(hash: String) async throws -> User? {
        try await read { db in
            guard
                let userID = try Int.fetchOne(
                    db, sql: "SELECT user_id FROM api_tokens WHERE token_hash = ?", arguments: [hash])
            else { return nil }
            return try Users.all(db).first { $0.id.rawValue == userID && $0.active }
        }
    }

    public func endSession(tokenHash: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }
}
