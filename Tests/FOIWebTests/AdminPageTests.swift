import FOIApp
import FOIKit
import FOIStore
import FOIWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The administration pages: an admin adds users (who can then sign in), sets passwords, deactivates (their
/// sessions end) and changes settings; anyone else is refused (403) and nothing is written.
@Suite struct AdminPageTests {
    let store: CaseStore
    let password = WebFixture.password

    init() async throws {
        store = try await WebFixture.store(users: [
            ("Ada Admin", "ada@council.example", .admin), ("Ann Officer", "ann@council.example", .officer),
        ])
    }

    func application() throws -> some ApplicationProtocol { try WebFixture.application(store) }

    @Test func anAdminManagesTheUsers() async throws {
        try await application().test(.router) { client in
            let admin = try #require(
                try await WebServerTests.signIn(client, as: "ada@council.example", password: password))
            let officer = try #require(try await WebServerTests.signIn(client, password: password))
            func post(_ path: String, _ fields: [String: String], as cookie: String) async throws -> TestResponse {
                try await client.execute(
                    uri: path, method: .post, headers: WebServerTests.headers(cookie: cookie),
                    body: WebServerTests.form(fields.merging(["csrf": Accounts.formToken(ofSession: cookie)]) { $1 })
                ) { $0 }
            }
            try await client.execute(uri: "/admin/users", method: .get, headers: WebServerTests.headers(cookie: admin))
            {
                response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok && page.contains("<th scope=\"row\">Ann Officer</th>"))
                #expect(
                    page.contains("<label for=\"field-role\">Role")
                        && page.contains("<option value=\"officer\" selected>"))
                #expect(page.contains("<label for=\"new-user-password\">Password</label>"))
            }
            try await client.execute(
                uri: "/admin/users", method: .get, headers: WebServerTests.headers(cookie: officer)
            ) { response in #expect(response.status == .forbidden) }
            let newcomer = ["email": "cal@council.example", "name": "Cal <Contributor>", "role": "contributor"]
            #expect(try await post("/admin/users", newcomer, as: officer).status == .forbidden)
            let short = try await post("/admin/users", ["email": "not an address", "name": "X"], as: admin)
            #expect(short.status == .unprocessableContent)
            #expect(String(buffer: short.body).contains("is not an e-mail address"))
            let added = try await post(
                "/admin/users", newcomer.merging(["password": "three random words here"]) { $1 }, as: admin)
            #expect(added.status == .ok)
            #expect(String(buffer: added.body).contains("Cal &lt;Contributor&gt;"))
            let cal = try #require(
                try await WebServerTests.signIn(client, as: "cal@council.example", password: "three random words here"))
            let again = try await post("/admin/users", newcomer, as: admin)
            #expect(again.status == .unprocessableContent)
            let weak = try await post(
                "/admin/users/password", ["email": "cal@council.example", "password": "short"], as: admin)
            #expect(weak.status == .unprocessableContent && String(buffer: weak.body).contains("shorter than 12"))
            let deactivated = try await post("/admin/users/deactivate", ["email": "cal@council.example"], as: admin)
            #expect(deactivated.status == .ok && String(buffer: deactivated.body).contains("Their sessions have ended"))
            try await client.execute(uri: "/", method: .get, headers: WebServerTests.headers(cookie: cal)) {
                response in #expect(response.status == .seeOther)
            }
            #expect(try await store.users().first { $0.email == "cal@council.example" }?.active == false)
        }
    }

    /// `foi team add` and `foi team member` as forms: the tree and its members on one page, for admins only.
    @Test func anAdminKeepsTheTeams() async throws {
        try await application().test(.router) { client in
            let admin = try #require(
                try await WebServerTests.signIn(client, as: "ada@council.example", password: password))
            let officer = try #require(try await WebServerTests.signIn(client, password: password))
            func post(_ path: String, _ fields: [String: String], as cookie: String, csrf: Bool = true) async throws
                -> TestResponse
            {
                let token = csrf ? ["csrf": Accounts.formToken(ofSession: cookie)] : [:]
                return try await client.execute(
                    uri: path, method: .post, headers: WebServerTests.headers(cookie: cookie),
                    body: WebServerTests.form(fields.merging(token) { $1 })
                ) { $0 }
            }
            try await client.execute(uri: "/admin/teams", method: .get, headers: WebServerTests.headers(cookie: admin))
            { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok && page.contains("<p>No teams yet.</p>"))
                #expect(page.contains("action=\"/admin/teams/member\""))
            }
            try await client.execute(
                uri: "/admin/teams", method: .get, headers: WebServerTests.headers(cookie: officer)
            ) { response in #expect(response.status == .forbidden) }
            #expect(try await post("/admin/teams", ["name": "Legal"], as: officer).status == .forbidden)
            #expect(try await post("/admin/teams", ["name": "Legal"], as: admin, csrf: false).status == .forbidden)
            // Signed out, or from another site's page: nothing made.
            let signedOut = try await client.execute(
                uri: "/admin/teams", method: .post, headers: WebServerTests.headers(),
                body: WebServerTests.form(["name": "Legal"])
            ) { $0 }
            #expect(signedOut.status == .seeOther || signedOut.status == .forbidden)
            let foreign = try await client.execute(
                uri: "/admin/teams", method: .post,
                headers: WebServerTests.headers(origin: "https://evil.example", cookie: admin),
                body: WebServerTests.form(["name": "Legal", "csrf": Accounts.formToken(ofSession: admin)])
            ) { $0 }
            #expect(foreign.status == .forbidden)
            #expect(try await store.teams().isEmpty)
            let legal = try await post("/admin/teams", ["name": "Legal <&> Governance"], as: admin)
            #expect(legal.status == .ok)
            #expect(String(buffer: legal.body).contains("<th scope=\"row\">Legal &lt;&amp;&gt; Governance</th>"))
            // The same form sent twice makes one team; the second is refused, saying why.
            let twice = try await post("/admin/teams", ["name": "Legal <&> Governance"], as: admin)
            #expect(twice.status == .unprocessableContent && String(buffer: twice.body).contains("role=\"alert\""))
            let under = try await post(
                "/admin/teams", ["name": "Contracts", "parent": "legal <&> governance"], as: admin)
            #expect(String(buffer: under.body).contains("<th scope=\"row\">Contracts</th><td>Legal &lt;&amp;&gt;"))
            let member = try await post(
                "/admin/teams/member", ["team": "Contracts", "email": "ann@council.example", "role": "coordinator"],
                as: admin)
            #expect(member.status == .ok && String(buffer: member.body).contains("Ann Officer (coordinator)"))
            let unknown = try await post(
                "/admin/teams/member", ["team": "Bridges", "email": "ann@council.example"], as: admin)
            #expect(unknown.status == .unprocessableContent)
            #expect(String(buffer: unknown.body).contains("No team is named Bridges"))
            let teams = try await store.teams()
            #expect(teams.map(\.name) == ["Legal <&> Governance", "Contracts"])
            #expect(teams.last?.members.map(\.role) == [.coordinator])
        }
    }

    @Test func anAdminChangesTheSettings() async throws {
        try await application().test(.router) { client in
            let admin = try #require(
                try await WebServerTests.signIn(client, as: "ada@council.example", password: password))
            let officer = try #require(try await WebServerTests.signIn(client, password: password))
            func post(_ fields: [String: String], as cookie: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/admin/settings", method: .post, headers: WebServerTests.headers(cookie: cookie),
                    body: WebServerTests.form(fields.merging(["csrf": Accounts.formToken(ofSession: cookie)]) { $1 })
                ) { $0 }
            }
            let changed = try await post(["key": "authority-name", "value": "Borsetshire <County> Council"], as: admin)
            #expect(changed.status == .ok)
            #expect(String(buffer: changed.body).contains("<dd>Borsetshire &lt;County&gt; Council</dd>"))
            #expect(try await store.setting(.authorityName) == "Borsetshire <County> Council")
            #expect(try await post(["key": "authority-name", "value": "X"], as: officer).status == .forbidden)
            let bad = try await post(["key": "clarification-lapse-days", "value": "0"], as: admin)
            #expect(bad.status == .unprocessableContent)
            let path = try await post(["key": "templates-dir", "value": "/etc"], as: admin)
            #expect(path.status == .unprocessableContent && String(buffer: path.body).contains("file on the server"))
            #expect(try await store.setting(.templatesDirectory) == "")
            #expect(try await post(["key": "authority-name", "value": ""], as: admin).status == .ok)
            #expect(try await store.setting(.authorityName) == "")
        }
    }
}
