import FOIApp
import FOIKit
import FOIStore
import FOIWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A case's letters in the browser: what is missing said in words with a draft that marks it; the letter in the
/// page, downloaded as Markdown, HTML or Word (never recorded), and recorded as issued once; not for a contributor.
@Suite struct LetterPageTests {
    let store: CaseStore
    let password = "correct horse battery staple"

    init() async throws {
        store = try CaseStore.inMemory()
        for (name, email, role) in [
            ("Ann Officer", "ann@council.example", User.Role.officer),
            ("Cal Contributor", "cal@council.example", .contributor),
        ] {
            _ = try await store.addUser(name: name, email: email, role: role)
            _ = try await Accounts(storage: store, cost: 4).setPassword(password, forUser: email, at: 0)
        }
        _ = try await Office(storage: store).log(
            NewCase(
                reference: CaseReference(rawValue: "FOI-1"), received: try CivilDate(iso: "2026-11-02"),
                receipt: Receipt(regime: .foia, subject: "Gritting routes"),
                requester: Requester(name: "Rita <Requester>"), requestText: "Please send the gritting routes."),
            receiptConvention: nil, by: .system, today: try CivilDate(iso: "2026-11-02"))
    }

    func application() throws -> some ApplicationProtocol {
        let today = try CivilDate(iso: "2026-11-27")
        let server = WebServer(
            storage: store, accounts: Accounts(storage: store, cost: 4), now: { 1_796_000_000 }, today: { today })
        return Application(router: server.router())
    }

    @Test func aLetterIsPreviewedDownloadedAndIssued() async throws {
        try await application().test(.router) { client in
            let token = try #require(try await WebServerTests.signIn(client, password: password))
            func get(_ uri: String, as cookie: String? = nil) async throws -> TestResponse {
                try await client.execute(
                    uri: uri, method: .get, headers: WebServerTests.headers(cookie: cookie ?? token)
                ) { $0 }
            }
            let unwritten = try await get("/cases/FOI-1/letters/acknowledgement")
            #expect(unwritten.status == .conflict)
            let reasons = String(buffer: unwritten.body)
            #expect(reasons.contains("parts are missing"))
            #expect(reasons.contains("an admin sets it, as authority-name, on the Settings page"))
            #expect(reasons.contains("href=\"/cases/FOI-1/letters/acknowledgement?draft=yes\""))
            let draft = try await get("/cases/FOI-1/letters/acknowledgement?draft=yes")
            #expect(draft.status == .ok && String(buffer: draft.body).contains("MISSING"))
            #expect(!String(buffer: draft.body).contains("Record the acknowledgement letter as issued"))

            for (key, value) in [
                (Settings.Key.authorityName, "Borsetshire County Council"), (.authorityAddress, "County Hall"),
                (.foiEmail, "foi@borsetshire.example"), (.reviewContact, "The Monitoring Officer"),
                (.signature, "The FOI Team"),
            ] {
                try await store.setSetting(key, to: value)
            }
            let page = try await get("/cases/FOI-1/letters/acknowledgement")
            let letter = String(buffer: page.body)
            #expect(page.status == .ok)
            #expect(letter.contains("Rita &lt;Requester&gt;") && letter.contains("Borsetshire County Council"))
            #expect(letter.contains("Tue 1 December 2026") || letter.contains("1 December 2026"))
            let word = try await get("/cases/FOI-1/letters/acknowledgement/docx")
            #expect(word.status == .ok)
            #expect(word.headers[.contentDisposition] == "attachment; filename=\"FOI-1-acknowledgement.docx\"")
            #expect(Array(word.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            let markdown = try await get("/cases/FOI-1/letters/acknowledgement/md")
            #expect(markdown.headers[.contentType] == "text/markdown; charset=utf-8")
            #expect(String(buffer: markdown.body).contains("Dear Rita \\<Requester>,"))
            #expect(try await get("/cases/FOI-1/letters/acknowledgement/pdf").status == .notFound)
            #expect(try await get("/cases/FOI-1/letters/sonnet").status == .notFound)
            // Reading and downloading record nothing.
            #expect(try await store.detail(CaseReference(rawValue: "FOI-1"), requester: false).events.count == 2)

            let issue = [
                "csrf": Accounts.formToken(ofSession: token), "steps": "2",
            ]
            let issued = try await client.execute(
                uri: "/cases/FOI-1/letters/acknowledgement", method: .post,
                headers: WebServerTests.headers(cookie: token), body: WebServerTests.form(issue)
            ) { $0 }
            #expect(issued.status == .ok && String(buffer: issued.body).contains("Recorded as issued"))
            let again = try await client.execute(
                uri: "/cases/FOI-1/letters/acknowledgement", method: .post,
                headers: WebServerTests.headers(cookie: token), body: WebServerTests.form(issue)
            ) { $0 }
            #expect(again.status == .conflict)
            let events = try await store.detail(CaseReference(rawValue: "FOI-1"), requester: false).events
            #expect(events.map(\.recorded.event.kind.rawValue) == ["received", "request-recorded", "letter-issued"])

            let cal = try #require(
                try await WebServerTests.signIn(client, as: "cal@council.example", password: password))
            #expect(try await get("/cases/FOI-1/letters/acknowledgement", as: cal).status == .forbidden)
            #expect(try await get("/cases/FOI-1/letters/acknowledgement/md", as: cal).status == .forbidden)
            #expect(!String(buffer: try await get("/cases/FOI-1", as: cal).body).contains("/letters/"))
        }
    }
}
