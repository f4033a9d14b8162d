import FOIApp
import FOIKit
import FOIStore
import FOIWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// foi-server's guards, in process (HummingbirdTesting): `/healthz`; the board only to a signed-in user; sign-in
/// throttled; every unsafe request from this server's own pages only, a signed-in form with its form token; a strict
/// Content-Security-Policy on every response; every text escaped.
@Suite struct WebServerTests {
    let store: CaseStore
    let clock = Clock()
    let password = "correct horse battery staple"
    /// The router test framework asks for every page as `http://localhost`.
    static let origin = "http://localhost"

    /// The time the server sees, which a test moves.
    final class Clock: Sendable {
        let seconds = Mutex<Int64>(1_796_000_000)
        func now() -> Int64 { seconds.withLock { $0 } }
        func advance(by delta: Int64) { seconds.withLock { $0 += delta } }
    }

    init() async throws {
        store = try CaseStore.inMemory()
        _ = try await store.addUser(name: "Ann <Officer>", email: "ann@council.example", role: .officer)
        _ = try await Accounts(storage: store, cost: 4).setPassword(password, forUser: "ann@council.example", at: 0)
        _ = try await Office(storage: store).log(
            NewCase(
                reference: CaseReference(rawValue: "FOI-1"), received: try CivilDate(iso: "2026-11-02"),
                receipt: Receipt(regime: .foia, subject: "<script>alert(1)</script>"), requester: nil),
            receiptConvention: nil, by: .system, today: try CivilDate(iso: "2026-11-02"))
    }

    func application(
        today: @escaping @Sendable () -> CivilDate = { CivilDate(year: 2026, month: 11, day: 27)! }
    ) throws -> some ApplicationProtocol {
        let clock = self.clock
        let server = WebServer(
            storage: store, accounts: Accounts(storage: store, cost: 4), eventWait: 2, now: { clock.now() },
            today: today)
        return Application(router: server.router())
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(
            string: fields.sorted { $0.key < $1.key }.map {
                "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }.joined(separator: "&"))
    }

    static func headers(origin: String? = WebServerTests.origin, cookie: String? = nil) -> HTTPFields {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let origin { headers[.origin] = origin }
        if let cookie { headers[.cookie] = "foi_session=\(cookie)" }
        return headers
    }

    /// Signs in; the session's token.
    static func signIn(
        _ client: some TestClientProtocol, as email: String = "ann@council.example", password: String
    ) async throws -> String? {
        try await client.execute(
            uri: "/signin", method: .post, headers: headers(), body: form(["email": email, "password": password])
        ) { response in
            guard response.status == .seeOther, let cookie = response.headers[.setCookie] else { return nil }
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            return cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1).last.map(String.init)
        }
    }

    @Test func healthAndTheHeadersOfEveryResponse() async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok && String(buffer: response.body) == "ok\n")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                // Scripts from this server only (the live pages' one file), none inline, none from elsewhere.
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self';") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe") == false)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(uri: "/no-such-page", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
        }
    }

    @Test func theBoardIsForASignedInUserAndEscapesWhatItShows() async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/signin")
            }
            let token = try #require(try await Self.signIn(client, password: password))
            try await client.execute(uri: "/", method: .get, headers: Self.headers(cookie: token)) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(
                    page.contains("<h2>Overdue (0)</h2>") && page.contains("<h2>Due in the next 5 working days (1)"))
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>"))
                #expect(page.contains("Signed in as Ann &lt;Officer&gt;"))
                #expect(page.contains("name=\"csrf\" value=\"\(Accounts.formToken(ofSession: token))\""))
            }
            // A made-up session is no session.
            try await client.execute(uri: "/", method: .get, headers: Self.headers(cookie: "forged")) { response in
                #expect(response.status == .seeOther)
            }
        }
    }

    /// The board is drawn once for everyone until a step is recorded (through the server, or by another process
    /// on the same database) or the day turns; then it is drawn afresh, on the page and in the API alike.
    @Test func theBoardIsDrawnAfreshAfterAStepOrOnANewDay() async throws {
        let day = Mutex(CivilDate(year: 2026, month: 11, day: 27)!)
        let (_, apiToken) = try await Accounts(storage: store, cost: 4).newAPIToken(
            forUser: "ann@council.example", label: "board", at: 0)
        try await application(today: { day.withLock { $0 } }).test(.router) { client in
            let token = try #require(try await Self.signIn(client, password: password))
            func board() async throws -> (page: String, api: String) {
                let page = try await client.execute(uri: "/", method: .get, headers: Self.headers(cookie: token)) {
                    String(buffer: $0.body)
                }
                let api = try await client.execute(
                    uri: "/api/board", method: .get, headers: [.authorization: "Bearer \(apiToken)"]
                ) { String(buffer: $0.body) }
                return (page, api)
            }
            var drawn = try await board()
            #expect(drawn.page.contains("<h2>Overdue (0)</h2>") && !drawn.api.contains("FOI-2"))
            // Logged by another process: received on 1 October, due on 29 October, overdue on the 27th.
            _ = try await Office(storage: store).log(
                NewCase(
                    reference: CaseReference(rawValue: "FOI-2"), received: try CivilDate(iso: "2026-10-01"),
                    receipt: Receipt(regime: .foia, subject: "Parking fines"), requester: nil),
                receiptConvention: nil, by: .system, today: try CivilDate(iso: "2026-10-01"))
            drawn = try await board()
            #expect(drawn.page.contains("<h2>Overdue (1)</h2>") && drawn.page.contains(">FOI-2</a>"))
            #expect(drawn.api.contains("FOI-2"))
            // FOI-1, received on Monday 2 November, is due on Tuesday 1 December (Monday 30 November is St Andrew's
            // Day, a bank holiday in Scotland): overdue on 2 December.
            day.withLock { $0 = CivilDate(year: 2026, month: 12, day: 2)! }
            drawn = try await board()
            #expect(drawn.page.contains("<h2>Overdue (2)</h2>") && drawn.page.contains("Wednesday 2 December 2026"))
            #expect(!drawn.api.contains("due-soon"))
        }
    }

    @Test func anUnsafeRequestFromElsewhereIsRefusedAndWritesNothing() async throws {
        try await application().test(.router) { client in
            for origin in [nil, "https://evil.example"] as [String?] {
                try await client.execute(
                    uri: "/signin", method: .post, headers: Self.headers(origin: origin),
                    body: Self.form(["email": "ann@council.example", "password": password])
                ) { response in
                    #expect(response.status == .forbidden && response.headers[.setCookie] == nil)
                }
            }
            #expect(try await store.signInLockedUntil("ann@council.example", at: clock.now()) == nil)
            let token = try #require(try await Self.signIn(client, password: password))
            // Signing out needs the form token: without it, the session stays.
            try await client.execute(
                uri: "/signout", method: .post, headers: Self.headers(cookie: token), body: Self.form(["csrf": "x"])
            ) { response in #expect(response.status == .forbidden) }
            try await client.execute(uri: "/", method: .get, headers: Self.headers(cookie: token)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/signout", method: .post, headers: Self.headers(cookie: token),
                body: Self.form(["csrf": Accounts.formToken(ofSession: token)])
            ) { response in #expect(response.status == .seeOther && response.headers[.location] == "/signin") }
            try await client.execute(uri: "/", method: .get, headers: Self.headers(cookie: token)) { response in
                #expect(response.status == .seeOther)
            }
        }
    }

    @Test func fiveWrongPasswordsRefuseTheAddressForFifteenMinutes() async throws {
        try await application().test(.router) { client in
            for attempt in 1...5 {
                try await client.execute(
                    uri: "/signin", method: .post, headers: Self.headers(),
                    body: Self.form(["email": "ann@council.example", "password": "wrong guess \(attempt)"])
                ) { response in
                    #expect(response.status == (attempt < 5 ? .unauthorized : .tooManyRequests))
                    #expect(String(buffer: response.body).contains(attempt < 5 ? "is not right" : "try again in 15"))
                }
                clock.advance(by: 60)
            }
            #expect(try await Self.signIn(client, password: password) == nil)
            clock.advance(by: 15 * 60)
            #expect(try await Self.signIn(client, password: password) != nil)
        }
    }

    /// `GET /api/board` is `foi board --format json`, for a script with a bearer token `foi user token` made; without
    /// one, or with one of a deactivated user, it is 401 with `{"error", "remedy"}`.
    @Test func theAPIBoardNeedsABearerToken() async throws {
        let (_, token) = try await Accounts(storage: store, cost: 4).newAPIToken(
            forUser: "ann@council.example", label: "nightly report", at: 0)
        #expect(token.hasPrefix("foi_"))
        try await application().test(.router) { client in
            for authorization in [nil, "Bearer foi_made_up", "Basic \(token)"] as [String?] {
                var headers: HTTPFields = [:]
                if let authorization { headers[.authorization] = authorization }
                try await client.execute(uri: "/api/board", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                    let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String]
                    #expect(
                        body?["error"] == "no valid bearer token" && body?["remedy"]?.contains("foi user token") == true
                    )
                }
            }
            try await client.execute(
                uri: "/api/board", method: .get, headers: [.authorization: "Bearer \(token)"]
            ) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/json")
                let rows = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
                #expect(rows?.count == 1)
                #expect(rows?.first?["ref"] as? String == "FOI-1" && rows?.first?["section"] as? String == "due-soon")
                #expect(rows?.first?["subject"] as? String == "<script>alert(1)</script>")
            }
            _ = try await store.deactivateUser("ann@council.example")
            try await client.execute(
                uri: "/api/board", method: .get, headers: [.authorization: "Bearer \(token)"]
            ) { response in #expect(response.status == .unauthorized) }
        }
    }

    /// A case's page, by its reference percent-encoded (`2026/7` as `2026%2F7`): the case as `foi show` gives it,
    /// escaped; the requester for an officer; a contributor, who sees only the cases they have a task on, sees none
    /// (tasks come with the team's workflow); 404 for no such case.
    @Test func aCasePageShowsTheCaseToItsReaders() async throws {
        _ = try await Office(storage: store).log(
            NewCase(
                reference: CaseReference(rawValue: "2026/7"), received: try CivilDate(iso: "2026-11-02"),
                receipt: Receipt(regime: .foia, subject: "Drones & <b>bold</b>"),
                requester: Requester(name: "Rita Requester")),
            receiptConvention: nil, by: .system, today: try CivilDate(iso: "2026-11-02"))
        _ = try await store.addUser(name: "Carl Contributor", email: "carl@council.example", role: .contributor)
        _ = try await Accounts(storage: store, cost: 4).setPassword(password, forUser: "carl@council.example", at: 0)
        try await application().test(.router) { client in
            try await client.execute(uri: "/cases/2026%2F7", method: .get) { response in
                #expect(response.status == .seeOther)
            }
            let token = try #require(try await Self.signIn(client, password: password))
            try await client.execute(uri: "/", method: .get, headers: Self.headers(cookie: token)) { response in
                #expect(String(buffer: response.body).contains("<a href=\"/cases/2026%2F7\">2026/7</a>"))
            }
            try await client.execute(uri: "/cases/2026%2F7", method: .get, headers: Self.headers(cookie: token)) {
                response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("<h1>2026/7: Drones &amp; &lt;b&gt;bold&lt;/b&gt;</h1>"))
                #expect(page.contains("<dt>Requester</dt><dd>Rita Requester</dd>"))
                #expect(page.contains("<dt>Due by</dt><dd>Tue 1 Dec 2026</dd>"))
                #expect(page.contains("Due by Tue 1 Dec 2026: the 20th working day (FOIA s.10(1))."))
            }
            try await client.execute(uri: "/cases/NOPE", method: .get, headers: Self.headers(cookie: token)) {
                response in #expect(response.status == .notFound)
            }
            let contributor = try #require(
                try await Self.signIn(client, as: "carl@council.example", password: password))
            // A contributor sees the cases they have a task on (TaskPageTests): none here, so no case, no board, no
            // list, only their tasks, of which there are none.
            try await client.execute(
                uri: "/cases/2026%2F7", method: .get, headers: Self.headers(cookie: contributor)
            ) { response in
                #expect(response.status == .notFound && !String(buffer: response.body).contains("Rita Requester"))
            }
            for page in ["/", "/cases", "/cases?matching=Drones"] {
                try await client.execute(uri: page, method: .get, headers: Self.headers(cookie: contributor)) {
                    let body = String(buffer: $0.body)
                    #expect(body.contains("You have no open tasks") && !body.contains("2026/7"), "\(page)")
                }
            }
        }
    }

    /// A step recorded through the case page's form: once, as the signed-in user, dated as typed (`3/11/2026`); a
    /// second click or a stale page records nothing (409), nor does a step the lifecycle refuses (409, saying why),
    /// a date foi cannot read (422), a form without its token, or a user whose role records no steps (403).
    @Test func aStepIsRecordedOnceThroughItsForm() async throws {
        _ = try await store.addUser(name: "Carl Contributor", email: "carl@council.example", role: .contributor)
        _ = try await Accounts(storage: store, cost: 4).setPassword(password, forUser: "carl@council.example", at: 0)
        @Sendable func history() async throws -> [String] {
            try await store.detail(CaseReference(rawValue: "FOI-1"), requester: false).events.map {
                "\($0.recorded.event.kind.rawValue) \($0.recorded.date)"
            }
        }
        try await application().test(.router) { client in
            let token = try #require(try await Self.signIn(client, password: password))
            let csrf = Accounts.formToken(ofSession: token)
            try await client.execute(uri: "/cases/FOI-1", method: .get, headers: Self.headers(cookie: token)) {
                response in
                let page = String(buffer: response.body)
                #expect(
                    page.contains("action=\"/cases/FOI-1/acknowledge\"") && page.contains("name=\"steps\" value=\"1\""))
            }
            func post(_ step: String, _ fields: [String: String], cookie: String? = nil) async throws -> TestResponse {
                try await client.execute(
                    uri: "/cases/FOI-1/\(step)", method: .post, headers: Self.headers(cookie: cookie ?? token),
                    body: Self.form(fields)
                ) { $0 }
            }
            let acknowledged = try await post("acknowledge", ["csrf": csrf, "steps": "1", "on": "3/11/2026"])
            #expect(acknowledged.status == .seeOther && acknowledged.headers[.location] == "/cases/FOI-1")
            #expect(try await history() == ["received 2026-11-02", "acknowledged 2026-11-03"])
            let detail = try await store.detail(CaseReference(rawValue: "FOI-1"), requester: false)
            #expect(detail.events.last?.actorName(detail.names) == "Ann <Officer>")
            // The same form again: the page was drawn with one step, the case has two.
            let again = try await post("acknowledge", ["csrf": csrf, "steps": "1", "on": "3/11/2026"])
            #expect(again.status == .conflict && String(buffer: again.body).contains("has moved on since this page"))
            let early = try await post("acknowledge", ["csrf": csrf, "steps": "2", "on": "2026-10-01"])
            #expect(early.status == .conflict)
            #expect(String(buffer: early.body).contains("the request was received on 2026-11-02"))
            let unreadable = try await post("note", ["csrf": csrf, "steps": "2", "text": " "])
            #expect(unreadable.status == .unprocessableContent)
            let badDate = try await post("acknowledge", ["csrf": csrf, "steps": "2", "on": "next week"])
            #expect(badDate.status == .unprocessableContent)
            #expect(try await post("note", ["steps": "2", "text": "no token"]).status == .forbidden)
            let carl = try #require(try await Self.signIn(client, as: "carl@council.example", password: password))
            let refused = try await post(
                "note", ["csrf": Accounts.formToken(ofSession: carl), "steps": "2", "text": "x"], cookie: carl)
            #expect(refused.status == .forbidden)
            #expect(try await history() == ["received 2026-11-02", "acknowledged 2026-11-03"])
            let noted = try await post("note", ["csrf": csrf, "steps": "2", "text": "Chased Legal"])
            #expect(noted.status == .seeOther)
            #expect(try await history().last == "note 2026-11-27")
        }
    }

    /// A live page: the board and a case are drawn with the last event and ask `/events` for a newer one, which
    /// comes as soon as a step is recorded (by anyone, in any process), or the stream ends and is asked again.
    @Test func aLivePageHearsOfAStepRecordedElsewhere() async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/events", method: .get) { #expect($0.status == .unauthorized) }
            let token = try #require(try await Self.signIn(client, password: password))
            let last = try await store.lastEventID(of: nil)
            #expect(last > 0)
            try await client.execute(uri: "/", method: .get, headers: Self.headers(cookie: token)) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<main id=\"main\" data-live=\"/events\" data-version=\"\(last)\">"))
                #expect(page.contains("<script src=\"/static/live.js\" defer></script>"))
            }
            try await client.execute(uri: "/cases/FOI-1", method: .get, headers: Self.headers(cookie: token)) {
                #expect(String(buffer: $0.body).contains("data-live=\"/events?case=FOI%2D1\" data-version=\"\(last)\""))
            }
            try await client.execute(uri: "/static/live.js", method: .get) { response in
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(String(buffer: response.body).contains("new EventSource("))
            }
            // A page drawn before the last step hears of it at once.
            try await client.execute(uri: "/events?since=0", method: .get, headers: Self.headers(cookie: token)) {
                #expect(String(buffer: $0.body) == "retry: 2000\nid: \(last)\ndata: \(last)\n\n")
            }
            // Nothing new: the stream ends, to be asked again.
            try await client.execute(
                uri: "/events?case=FOI-1&since=\(last)", method: .get, headers: Self.headers(cookie: token)
            ) { #expect(String(buffer: $0.body) == ": no step yet\n\n") }
            // A step recorded while it waits.
            var waiting = Self.headers(cookie: token)
            waiting[Self.lastEventIDHeader] = "\(last)"
            async let heard = client.execute(uri: "/events?case=FOI-1", method: .get, headers: waiting) {
                String(buffer: $0.body)
            }
            try await Task.sleep(for: .milliseconds(300))
            _ = try await Casework(storage: store).record(
                RecordedEvent(date: try CivilDate(iso: "2026-11-03"), event: .acknowledged),
                for: CaseReference(rawValue: "FOI-1"), by: .system, today: try CivilDate(iso: "2026-11-27"))
            #expect(try await heard == "retry: 2000\nid: \(last + 1)\ndata: \(last + 1)\n\n")
        }
    }

    static let lastEventIDHeader = HTTPField.Name("Last-Event-ID")!
}
