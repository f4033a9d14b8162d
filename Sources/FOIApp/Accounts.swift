import FOIKit
import Foundation
import HummingbirdBcrypt

/// Signing in to foi-server, and setting passwords from the command line: bcrypt hashes the password (cost 12), a
/// session is a random token the browser keeps in a cookie while the store keeps only its SHA-256, and the form
/// token that guards each of the session's forms is derived from the session's token, so that nothing else needs
/// keeping.
public struct Accounts: Sendable {
    public let storage: any CaseStorage
    /// bcrypt's cost: 12 in use; tests lower it, since each step doubles the time.
    let cost: UInt8

    public init(storage: any CaseStorage, cost: UInt8 = 12) {
        self.storage = storage
        self.cost = cost
    }

    /// bcrypt reads at most 72 bytes: a longer password would be cut silently, so it is refused.
    public static let longestPassword = 72
    /// A password shorter than this is refused: twelve characters, as the NCSC's three random words give.
    public static let shortestPassword = 12

    /// Why a password cannot be set, or a sign-in was refused.
    public enum Refusal: Error, Equatable, Sendable {
        case passwordTooLong
        case passwordTooShort
        /// The address or the password is wrong (which, is not said).
        case wrongPassword
        /// Too many failures: refused until then (seconds since 1970).
        case lockedOut(until: Int64)
    }

    /// Sets the password of the user of `email`, ending their sessions.
    public func setPassword(_ password: String, forUser email: String, at now: Int64) async throws -> User {
        if password.utf8.count > Self.longestPassword { throw Refusal.passwordTooLong }
        if password.count < Self.shortestPassword { throw Refusal.passwordTooShort }
        return try await storage.setPasswordHash(Bcrypt.hash(password, cost: cost), forUser: email, at: now)
    }

    /// A session for the user of `email` if `password` is theirs, recording the attempt: its token, for the cookie.
    public func signIn(email: String, password: String, at now: Int64) async throws -> (user: User, token: String) {
        if let until = try await storage.signInLockedUntil(email, at: now) { throw Refusal.lockedOut(until: until) }
        let account = try await storage.passwordHash(of: email)
        // Verified against some hash even for an unknown address, so that the time taken does not tell.
        let matches =
            password.utf8.count <= Self.longestPassword
            && Bcrypt.verify(password, hash: account?.hash ?? Self.unknownAddressHash)
        guard let account, matches else {
            if let until = try await storage.recordSignIn(email, succeeded: false, at: now) {
                throw Refusal.lockedOut(until: until)
            }
            throw Refusal.wrongPassword
        }
        _ = try await storage.recordSignIn(email, succeeded: true, at: now)
        let token = Self.newToken()
        try await storage.startSession(tokenHash: Self.hash(token), for: account.user.id, at: now)
        return (account.user, token)
    }

    /// The user of the live session `token`, nil for none.
    public func user(ofSession token: String, at now: Int64) async throws -> User? {
        try await storage.session(tokenHash: Self.hash(token), at: now)
    }

    public func signOut(_ token: String) async throws {
        try await storage.endSession(tokenHash: Self.hash(token))
    }

    /// A new API token acting as the user of `email`, labelled with what uses it: shown once, kept only as its hash.
    public func newAPIToken(forUser email: String, label: String, at now: Int64) async throws -> (
        user: User, token: String
    ) {
        let token = "foi_" + Self.newToken()
        let user = try await storage.addAPIToken(hash: Self.hash(token), label: label, forUser: email, at: now)
        return (user, token)
    }

    /// The user a bearer token acts as, nil for none.
    public func user(ofAPIToken token: String) async throws -> User? {
        try await storage.apiTokenUser(hash: Self.hash(token))
    }

    /// The token the session's forms carry (a hidden `csrf` input): derived from the session's own token, which
    /// only the signed-in browser has.
    public static func formToken(ofSession token: String) -> String {
        SHA256.hex(Array("foi form token:\(token)".utf8))
    }

    /// 32 random bytes, base64url.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacing("+", with: "-").replacing("/", with: "_")
            .replacing("=", with: "")
    }

    static func hash(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }

    /// A hash no password matches, verified against for an address with no password.
    private static let unknownAddressHash = "$2b$12$" + String(repeating: "A", count: 53)
}
