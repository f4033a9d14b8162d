import FOIApp
import FOIKit
import FOIStore
import FOIWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Contributor tasks in the browser: an officer gives one from the case's page; the contributor finds it in place of
/// the board, reads the question on a page that shows the case's reference and subject and never its requester, and
/// answers it; another contributor, and any other step, are refused.
@Suite struct TaskPageTests {
    let store: CaseStore
    let password = WebFixture.password

    init() async throws {
        store = try await WebFixture.store(users: [
            ("Ann Officer", "ann@council.example", .officer), ("Cal Contributor", "cal@council.example", .contributor),
            ("Dee Contributor", "dee@council.example", .contributor),
        ])
        _ = try await Office(storage: store).log(
            NewCase(
                reference: CaseReference(rawValue: "FOI-1"), received: try CivilDate(iso: "2026-11-02"),
                receipt: Receipt(regime: .foia, subject: "Gritting routes"),
                requester: Requester(name: "Rita <Requester>"), requestText: "Please send the gritting routes."),
            receiptConvention: nil, by: .system, today: try CivilDate(iso: "2026-11-02"))
    }

    func post(
        _ client: some TestClientProtocol, _ uri: String, _ fields: [String: String], as cookie: String
    ) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post, headers: WebServerTests.headers(cookie: cookie), body: WebServerTests.form(fields)
        ) { $0 }
    }

    /// The sessions of Ann (the officer), Cal and Dee (contributors).
    func signInEveryone(_ client: some TestClientProtocol) async throws -> (String, String, String) {
        (
            try #require(try await WebServerTests.signIn(client, password: password)),
            try #require(try await WebServerTests.signIn(client, as: "cal@council.example", password: password)),
            try #require(try await WebServerTests.signIn(client, as: "dee@council.example", password: password))
        )
    }

    func steps() async throws -> String {
        String(try await store.detail(CaseReference(rawValue: "FOI-1"), requester: false).events.count)
    }

    /// Given Mon 23 Nov for 3 working days: due Thu 26 Nov, a day overdue on Fri 27 Nov (the fixture's today).
    @Test func fromTheOfficersQuestionToTheContributorsAnswer() async throws {
        try await WebFixture.application(store).test(.router) { client in
            let (ann, cal, dee) = try await signInEveryone(client)
            let casePage = String(buffer: try await WebFixture.get(client, "/cases/FOI-1", as: ann).body)
            #expect(casePage.contains("href=\"/cases/FOI-1/steps/give-task\">Give task</a>"))
            let given = try await post(
                client, "/cases/FOI-1/give-task",
                [
                    "csrf": Accounts.formToken(ofSession: ann), "steps": try await steps(),
                    "to": "cal@council.example", "ask": "Which <b>routes</b> were gritted?", "days": "3",
                    "on": "23/11/2026",
                ], as: ann)
            #expect(given.status == .seeOther, "\(String(buffer: given.body))")

            // The contributor's first page is their tasks; the case's page, their question and no requester.
            let home = String(buffer: try await WebFixture.get(client, "/", as: cal).body)
            #expect(home.contains("href=\"/cases/FOI-1\">FOI-1</a>") && home.contains("Thu 26 Nov 2026"))
            #expect(home.contains("1 late"))
            let page = try await WebFixture.get(client, "/cases/FOI-1", as: cal)
            let text = String(buffer: page.body)
            #expect(page.status == .ok)
            #expect(text.contains("Which &lt;b&gt;routes&lt;/b&gt; were gritted?") && text.contains("Gritting routes"))
            #expect(!text.contains("Rita") && !text.contains("Please send") && !text.contains("History"))
            #expect(text.contains("action=\"/cases/FOI-1/answer-task\"") && text.contains("<label for=\"task-1-"))
            // A form's text is typed: no file to name.
            #expect(!text.contains("UTF-8 text file") && !text.contains("standard input"))
            #expect(String(buffer: try await WebFixture.get(client, "/", as: dee).body).contains("no open tasks"))
            #expect(try await WebFixture.get(client, "/cases/FOI-1", as: dee).status == .notFound)

            // Refused, nothing written: another's task, a step that is not an answer, a form without its token.
            let count = try await steps()
            let deeToken = Accounts.formToken(ofSession: dee)
            let calToken = Accounts.formToken(ofSession: cal)
            for (cookie, path, fields) in [
                (dee, "answer-task", ["csrf": deeToken, "task": "1", "answer-file": "Mine now"]),
                (cal, "note", ["csrf": calToken, "text": "hello"]),
                (cal, "decline-task", ["task": "1", "reason": "no token"]),
            ] {
                let refused = try await post(
                    client, "/cases/FOI-1/\(path)", fields.merging(["steps": count]) { a, _ in a }, as: cookie)
                #expect(refused.status == .forbidden, "\(path)")
            }
            #expect(try await steps() == count)

            let blank = try await post(
                client, "/cases/FOI-1/answer-task",
                ["csrf": calToken, "steps": count, "task": "1", "answer-file": "", "hours": "x"], as: cal)
            #expect(blank.status == .unprocessableContent)
            #expect(
                String(buffer: blank.body).contains("role=\"alert\"") && !String(buffer: blank.body).contains("Rita"))

            let answered = try await post(
                client, "/cases/FOI-1/answer-task",
                [
                    "csrf": calToken, "steps": count, "task": "1", "answer-file": "The A-roads, every night.",
                    "hours": "1.5", "activity": "locating",
                ], as: cal)
            #expect(answered.status == .seeOther)
            let file = try await store.caseFile(CaseReference(rawValue: "FOI-1"))
            #expect(file.countedTaskHours == 1.5)
            #expect(String(buffer: try await WebFixture.get(client, "/", as: cal).body).contains("no open tasks"))
            let officers = String(buffer: try await WebFixture.get(client, "/cases/FOI-1", as: ann).body)
            #expect(officers.contains("<h2>Tasks</h2>") && officers.contains("The A-roads, every night."))
            #expect(officers.contains("1.5 h locating it"))
        }
    }

    /// A task given to a team from the officer's form: each member finds it among their own and may answer it; one
    /// outside the team neither sees the case nor answers.
    @Test func aTeamsTaskIsOnEachMembersPage() async throws {
        _ = try await store.addTeam(named: "Highways", parent: nil)
        _ = try await store.setMembership(of: "cal@council.example", in: "Highways", as: .member)
        try await WebFixture.application(store).test(.router) { client in
            let (ann, cal, dee) = try await signInEveryone(client)
            let given = try await post(
                client, "/cases/FOI-1/give-task",
                [
                    "csrf": Accounts.formToken(ofSession: ann), "steps": try await steps(), "team": "Highways",
                    "ask": "Which routes were gritted?", "days": "3", "on": "23/11/2026",
                ], as: ann)
            #expect(given.status == .seeOther, "\(String(buffer: given.body))")
            #expect(String(buffer: try await WebFixture.get(client, "/", as: cal).body).contains("the team Highways"))
            let page = String(buffer: try await WebFixture.get(client, "/cases/FOI-1", as: cal).body)
            #expect(page.contains("Which routes were gritted?") && page.contains("action=\"/cases/FOI-1/answer-task\""))
            #expect(try await WebFixture.get(client, "/cases/FOI-1", as: dee).status == .notFound)
            let count = try await steps()
            let refused = try await post(
                client, "/cases/FOI-1/answer-task",
                ["csrf": Accounts.formToken(ofSession: dee), "steps": count, "task": "1", "answer-file": "Mine"],
                as: dee)
            #expect(refused.status == .forbidden)
            let answered = try await post(
                client, "/cases/FOI-1/answer-task",
                [
                    "csrf": Accounts.formToken(ofSession: cal), "steps": count, "task": "1",
                    "answer-file": "The A-roads.",
                ],
                as: cal)
            #expect(answered.status == .seeOther)
            let officers = String(buffer: try await WebFixture.get(client, "/cases/FOI-1", as: ann).body)
            #expect(officers.contains("the team Highways") && officers.contains("The A-roads."))
        }
    }
}

/// Sign-off in the browser: the officer asks for it, the response letter cannot be issued until the approver has
/// approved it on the case's page, and an approver records nothing else.
@Suite struct SignOffPageTests {
    let store: CaseStore
    let password = WebFixture.password

    init() async throws {
        store = try await WebFixture.store(users: [
            ("Ann Officer", "ann@council.example", .officer), ("Lee Legal", "lee@council.example", .approver),
        ])
        let day = try CivilDate(iso: "2026-11-02")
        _ = try await Office(storage: store).log(
            NewCase(
                reference: CaseReference(rawValue: "FOI-1"), received: day,
                receipt: Receipt(regime: .foia, subject: "Gritting routes"),
                requester: Requester(name: "Rita Requester"), requestText: "Please send the gritting routes."),
            receiptConvention: nil, by: .system, today: day)
        for (key, value) in [
            (Settings.Key.authorityName, "Borsetshire County Council"), (.authorityAddress, "County Hall"),
            (.foiEmail, "foi@borsetshire.example"), (.reviewContact, "The Monitoring Officer"),
            (.signature, "The FOI Team"),
        ] {
            try await store.setSetting(key, to: value)
        }
        _ = try await Casework(storage: store).record(
            RecordedEvent(date: try CivilDate(iso: "2026-11-20"), event: .responded(.notHeld)),
            for: CaseReference(rawValue: "FOI-1"), by: .system, today: try CivilDate(iso: "2026-11-27"))
    }

    @Test func theLetterWaitsForTheApprover() async throws {
        try await WebFixture.application(store).test(.router) { client in
            let ann = try #require(try await WebServerTests.signIn(client, password: password))
            let lee = try #require(
                try await WebServerTests.signIn(client, as: "lee@council.example", password: password))
            func post(_ path: String, _ fields: [String: String], as cookie: String) async throws -> TestResponse {
                let steps = String(
                    try await store.detail(CaseReference(rawValue: "FOI-1"), requester: false).events.count)
                return try await client.execute(
                    uri: "/cases/FOI-1/\(path)", method: .post, headers: WebServerTests.headers(cookie: cookie),
                    body: WebServerTests.form(
                        fields.merging(["csrf": Accounts.formToken(ofSession: cookie), "steps": steps]) { a, _ in a })
                ) { $0 }
            }
            #expect(try await post("request-approval", ["chain": "lee@council.example"], as: ann).status == .seeOther)
            let blocked = try await post("letters/response", [:], as: ann)
            #expect(blocked.status == .conflict)
            #expect(String(buffer: blocked.body).contains("waits for sign-off by Lee Legal (stage 1"))

            let page = String(buffer: try await WebFixture.get(client, "/cases/FOI-1", as: lee).body)
            #expect(page.contains("<h2>Sign-off</h2>") && page.contains("action=\"/cases/FOI-1/approve\""))
            #expect(page.contains("href=\"/cases/FOI-1/letters/response\"") && !page.contains("Record a step"))
            #expect(try await post("note", ["text": "hello"], as: lee).status == .forbidden)
            #expect(try await post("approve", ["comment": "Fine."], as: ann).status == .conflict)
            #expect(try await post("approve", ["comment": "Fine."], as: lee).status == .seeOther)
            let issued = try await post("letters/response", [:], as: ann)
            #expect(issued.status == .ok && String(buffer: issued.body).contains("Recorded as issued"))
        }
    }
}

/// Comments in the browser: posted from the case's page, mentioning a colleague by address (who is sent a message),
/// shown to each reader with those they have not read yet marked new, until they have.
@Suite struct CommentPageTests {
    @Test func aCommentIsNewToEachReaderUntilTheyReadIt() async throws {
        let store = try await WebFixture.store(users: [
            ("Ann Officer", "ann@council.example", .officer), ("Bo Legal", "bo@council.example", .officer),
        ])
        _ = try await Office(storage: store).log(
            NewCase(
                reference: CaseReference(rawValue: "FOI-1"), received: try CivilDate(iso: "2026-11-02"),
                receipt: Receipt(regime: .foia, subject: "Gritting routes"), requester: Requester(name: "Rita")),
            receiptConvention: nil, by: .system, today: try CivilDate(iso: "2026-11-02"))
        try await WebFixture.application(store).test(.router) { client in
            let ann = try #require(try await WebServerTests.signIn(client, password: WebFixture.password))
            let bo = try #require(
                try await WebServerTests.signIn(client, as: "bo@council.example", password: WebFixture.password))
            _ = try await WebFixture.get(client, "/cases/FOI-1", as: bo)
            let posted = try await client.execute(
                uri: "/cases/FOI-1/comment", method: .post, headers: WebServerTests.headers(cookie: ann),
                body: WebServerTests.form([
                    "csrf": Accounts.formToken(ofSession: ann), "steps": "1",
                    "text": "bo@council.example is the <s.40> reasoning right?",
                ])
            ) { $0 }
            #expect(posted.status == .seeOther, "\(String(buffer: posted.body))")
            let first = String(buffer: try await WebFixture.get(client, "/cases/FOI-1", as: bo).body)
            #expect(first.contains("Comments <strong class=\"new\">(1 new)</strong>"))
            #expect(first.contains("<strong class=\"new\">New:</strong> <strong>Ann Officer</strong>"))
            #expect(first.contains("is the &lt;s.40&gt; reasoning right?"))
            let again = String(buffer: try await WebFixture.get(client, "/cases/FOI-1", as: bo).body)
            #expect(again.contains("<h2 id=\"comments\">Comments</h2>") && !again.contains("New:"))
            let pending = try await store.claimPending(limit: 10, at: 0)
            #expect(pending.map(\.message.subject) == ["Ann Officer mentioned you on FOI-1"])
        }
    }
}
