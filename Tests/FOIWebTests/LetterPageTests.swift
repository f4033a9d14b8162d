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
    let password = WebFixture.password

    init() async throws {
        store = try await WebFixture.store(users: [
            ("Ann Officer", "ann@council.example", .officer), ("Cal Contributor", "cal@council.example", .contributor),
        ])
        _ = try await Office(storage: store).log(
            NewCase(
                reference: CaseReference(rawValue: "FOI-1"), received: try CivilDate(iso: "2026-11-02"),
                receipt: Receipt(regime: .foia, subject: "Gritting routes"),
                requester: Requester(name: "Rita <Requester>"), requestText: "Please send the gritting routes."),
            receiptConvention: nil, by: .system, today: try CivilDate(iso: "2026-11-02"))
    }

    func application() throws -> some ApplicationProtocol { try WebFixture.application(store) }

    @Test func aLetterIsPreviewedDownloadedAndIssued() async throws {
        try await application().test(.router) { client in
            let token = try #require(try await WebServerTests.signIn(client, password: password))
            func get(_ uri: String, as cookie: String? = nil) async throws -> TestResponse {
                try await WebFixture.get(client, uri, as: cookie ?? token)
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

    /// The figures: the report as the page `foi report` writes (its inline style allowed there alone), a return as a
    /// table in the page or CSV to download, a period foi cannot read said on the form (422); not for contributors.
    @Test func theFiguresAsTheCommandLineMakesThem() async throws {
        try await application().test(.router) { client in
            let token = try #require(try await WebServerTests.signIn(client, password: password))
            func get(_ uri: String, as cookie: String? = nil) async throws -> TestResponse {
                try await WebFixture.get(client, uri, as: cookie ?? token)
            }
            let page = try await get("/figures")
            #expect(page.status == .ok && String(buffer: page.body).contains("<label for=\"s45-period\">Period"))
            let report = try await get("/figures/report?period=2026Q4")
            #expect(report.status == .ok && String(buffer: report.body).contains("FOI performance, 2026Q4"))
            #expect(report.headers[.contentSecurityPolicy]?.contains("style-src 'unsafe-inline'") == true)
            #expect(report.headers[.contentSecurityPolicy]?.contains("script") == false)
            let table = try await get("/figures/timeliness?period=2026-11&format=table")
            #expect(table.status == .ok && String(buffer: table.body).contains("<pre>"))
            #expect(table.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
            let csv = try await get("/figures/s45?period=2026Q4&format=csv")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"s45.csv\"")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let spring = try await get("/figures/s45?period=spring")
            #expect(spring.status == .unprocessableContent && String(buffer: spring.body).contains("“Period”"))
            #expect(try await get("/figures/horoscope").status == .notFound)
            let cal = try #require(
                try await WebServerTests.signIn(client, as: "cal@council.example", password: password))
            #expect(try await get("/figures/report", as: cal).status == .forbidden)
        }
    }
}
