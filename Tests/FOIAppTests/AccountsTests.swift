import FOIApp
import FOIKit
import FOIStore
import Testing

/// Signing in to foi-server (issue 24): bcrypt's hash kept, never the password; a session by its token's hash; five
/// failures in fifteen minutes refuse the address for fifteen; deactivating a user or setting their password signs
/// them out everywhere.
@Suite struct AccountsTests {
    let store: CaseStore
    let accounts: Accounts
    let password = "correct horse battery staple"

    init() async throws {
        store = try CaseStore.inMemory()
        // bcrypt's lowest cost: each step up doubles the time, and these tests hash a few times.
        accounts = Accounts(storage: store, cost: 4)
        _ = try await store.addUser(name: "Ann Officer", email: "ann@council.example", role: .officer)
        _ = try await accounts.setPassword(password, forUser: "ann@council.example", at: 1_000)
    }

    @Test func aPasswordSignsInAndItsSessionIsTheUsers() async throws {
        let stored = try #require(try await store.passwordHash(of: "ANN@council.example"))
        #expect(stored.hash.hasPrefix("$2b$04$") && !stored.hash.contains(password))
        let (user, token) = try await accounts.signIn(email: "ann@council.example", password: password, at: 2_000)
        #expect(user.name == "Ann Officer")
        #expect(try await accounts.user(ofSession: token, at: 2_100)?.id == user.id)
        // The store keeps the token's hash, not the token.
        #expect(try await store.session(tokenHash: token, at: 2_100) == nil)
        // An hour unused ends it.
        #expect(try await accounts.user(ofSession: token, at: 2_100 + SignInPolicy.idle) == nil)
        let (_, again) = try await accounts.signIn(email: "ann@council.example", password: password, at: 9_000)
        try await accounts.signOut(again)
        #expect(try await accounts.user(ofSession: again, at: 9_001) == nil)
    }

    @Test func fiveFailuresLockTheAddressForFifteenMinutes() async throws {
        for minute in 0..<4 {
            await #expect(throws: Accounts.Refusal.wrongPassword) {
                try await accounts.signIn(
                    email: "ann@council.example", password: "guess", at: 10_000 + 60 * Int64(minute))
            }
        }
        await #expect(throws: Accounts.Refusal.lockedOut(until: 10_240 + SignInPolicy.lockout)) {
            try await accounts.signIn(email: "ann@council.example", password: "guess", at: 10_240)
        }
        // Even the right password waits out the lock.
        await #expect(throws: Accounts.Refusal.lockedOut(until: 10_240 + SignInPolicy.lockout)) {
            try await accounts.signIn(email: "ann@council.example", password: password, at: 10_300)
        }
        _ = try await accounts.signIn(email: "ann@council.example", password: password, at: 10_240 + 15 * 60)
        // An unknown address is refused as a wrong password is, and counted alike.
        await #expect(throws: Accounts.Refusal.wrongPassword) {
            try await accounts.signIn(email: "nobody@council.example", password: password, at: 20_000)
        }
    }

    @Test func deactivatingOrANewPasswordSignsOutEverywhere() async throws {
        let (_, first) = try await accounts.signIn(email: "ann@council.example", password: password, at: 2_000)
        _ = try await accounts.setPassword("a brand new passphrase", forUser: "ann@council.example", at: 2_010)
        #expect(try await accounts.user(ofSession: first, at: 2_020) == nil)
        let (_, second) = try await accounts.signIn(
            email: "ann@council.example", password: "a brand new passphrase", at: 2_030)
        _ = try await store.deactivateUser("ann@council.example")
        #expect(try await accounts.user(ofSession: second, at: 2_040) == nil)
        await #expect(throws: Accounts.Refusal.wrongPassword) {
            try await accounts.signIn(email: "ann@council.example", password: "a brand new passphrase", at: 2_050)
        }
    }

    @Test func aPasswordIsTwelveCharactersToSeventyTwoBytes() async throws {
        await #expect(throws: Accounts.Refusal.passwordTooShort) {
            try await accounts.setPassword("short", forUser: "ann@council.example", at: 3_000)
        }
        await #expect(throws: Accounts.Refusal.passwordTooLong) {
            try await accounts.setPassword(String(repeating: "é", count: 37), forUser: "ann@council.example", at: 3_000)
        }
        let error = await #expect(throws: StoreError.self) {
            try await accounts.setPassword(password, forUser: "nobody@council.example", at: 3_000)
        }
        guard case .noUser("nobody@council.example")? = error else {
            Issue.record("expected noUser, got \(String(describing: error))")
            return
        }
    }
}
