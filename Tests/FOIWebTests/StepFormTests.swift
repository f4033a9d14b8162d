import FOIApp
import FOICommandLine
import FOIKit
import FOIStore
import FOITestSupport
import FOIViews
import FOIWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every step of the command line as a page and as an API call: the same options, checks and help, whichever front
/// end records the step; the cases page with `foi list`'s filters; the JSON API with its bearer token.
@Suite struct StepFormTests {
    let store: CaseStore
    let password = WebFixture.password
    let reference = CaseReference(rawValue: "FOI-1")

    init() async throws {
        store = try await WebFixture.store(users: [
            ("Ann Officer", "ann@council.example", .officer), ("Aud Auditor", "aud@council.example", .auditor),
        ])
        for (ref, subject) in [("FOI-1", "Gritting routes"), ("FOI-2", "Parking fines 2025")] {
            _ = try await Office(storage: store).log(
                NewCase(
                    reference: CaseReference(rawValue: ref), received: try CivilDate(iso: "2026-11-02"),
                    receipt: Receipt(regime: .foia, subject: subject), requester: Requester(name: "Rita Requester")),
                receiptConvention: nil, by: .system, today: try CivilDate(iso: "2026-11-02"))
        }
    }

    func application() throws -> some ApplicationProtocol { try WebFixture.application(store) }

    func history() async throws -> [String] {
        try await store.detail(reference, requester: false).events.map {
            "\($0.recorded.event.kind.rawValue) \($0.recorded.date)"
        }
    }

    /// Each step command of `foi` is a form, and nothing else is: a step added to the command line is a page the day
    /// it is added.
    @Test func everyStepOfTheCommandLineIsAForm() async throws {
        #expect(
            Set(StepCommands.forms.map(\.name)) == [
                "acknowledge", "clarify", "fee", "search", "exempt", "reason", "extend", "disclose", "respond",
                "withdraw", "transfer", "reopen", "request", "note", "assign", "publish", "review", "complaint",
                "decision-notice", "appeal", "split", "correct", "void", "give-task", "answer-task", "decline-task",
                "flag", "request-approval", "approve", "reject", "accept", "give-back", "comment",
                "qualified-person-opinion",
            ])
        let respond = try #require(StepCommands.form(named: "respond"))
        #expect(respond.fields.map(\.name).prefix(2) == ["outcome", "advice"])
        #expect(respond.fields.first?.required == true)
        guard case .choice(let outcomes) = respond.fields.first?.kind else {
            Issue.record("the outcome is not a choice")
            return
        }
        #expect(outcomes.contains("refused-s12") && outcomes.contains("granted-in-full"))
        // The terminal's options are the server's to decide, and a form names no option.
        for form in StepCommands.forms + [StepCommands.logForm, StepCommands.listForm] {
            #expect(!form.fields.contains { ["db", "today", "actor", "format"].contains($0.name) }, "\(form.name)")
            for field in form.fields {
                #expect(
                    !field.hint.contains("--") && !field.hint.contains("foi "),
                    "\(form.name) \(field.name): \(field.hint)")
            }
        }
        let search = try #require(StepCommands.form(named: "search"))
        #expect(search.fields.first { $0.name == "held" }?.kind == .yesOrNo)
        #expect(!search.fields.contains { $0.name == "no-held" })
        try await application().test(.router) { client in
            let token = try #require(try await WebServerTests.signIn(client, password: password))
            for form in StepCommands.forms {
                try await client.execute(
                    uri: "/cases/FOI-1/steps/\(form.name)", method: .get, headers: WebServerTests.headers(cookie: token)
                ) { response in
                    let page = String(buffer: response.body)
                    #expect(response.status == .ok, "\(form.name)")
                    #expect(page.contains("action=\"/cases/FOI-1/\(form.name)\""), "\(form.name)")
                    for field in form.fields {
                        #expect(page.contains("<label for=\"field-\(field.name)\""), "\(form.name) \(field.name)")
                    }
                }
            }
        }
    }

    /// Steps through their forms: dates as people type them, a yes-or-no question, a document's text where the
    /// command reads a file; a value the step's checks refuse is said with the field's label (422), and nothing is
    /// written.
    @Test func stepsThroughTheirForms() async throws {
        try await application().test(.router) { client in
            let token = try #require(try await WebServerTests.signIn(client, password: password))
            let csrf = Accounts.formToken(ofSession: token)
            func post(_ step: String, _ fields: [String: String]) async throws -> TestResponse {
                let steps = try await history().count
                return try await client.execute(
                    uri: "/cases/FOI-1/\(step)", method: .post, headers: WebServerTests.headers(cookie: token),
                    body: WebServerTests.form(fields.merging(["csrf": csrf, "steps": "\(steps)"]) { $1 })
                ) { $0 }
            }
            let costly = try await post("respond", ["outcome": "refused-s12", "on": "20/11/2026"])
            #expect(costly.status == .unprocessableContent)
            let page = String(buffer: costly.body)
            #expect(page.contains("give “Estimate hours”, “Estimate basis” and “Advice”"))
            #expect(!page.contains("--"))
            // What was typed is drawn again.
            #expect(page.contains("<option value=\"refused-s12\" selected>") && page.contains("value=\"20/11/2026\""))

            #expect(try await post("clarify", ["requested": "4/11/2026", "note": "Which routes?"]).status == .seeOther)
            #expect(try await post("clarify", ["received": "2026-11-09"]).status == .seeOther)
            let text = "Please send the gritting routes for 2025–26.\nAnd the maps."
            #expect(try await post("request", ["file": text]).status == .seeOther)
            #expect(
                try await post("search", ["location": "Highways", "held": "yes", "hours": "2"]).status == .seeOther)
            let exempt = try await post("exempt", ["section": "s.99", "public-interest": "maintain"])
            #expect(exempt.status == .conflict || exempt.status == .unprocessableContent)
            let steps = try await history()
            #expect(
                steps == [
                    "received 2026-11-02", "clarification-requested 2026-11-04", "clarification-received 2026-11-09",
                    "request-recorded 2026-11-27", "search-recorded 2026-11-27",
                ])
            let detail = try await store.detail(reference, requester: false)
            #expect(detail.file.requestText == text)
            #expect(detail.summary.status == .open)
            #expect(detail.events.last?.actorName(detail.names) == "Ann Officer")
        }
    }

    /// A step's documents uploaded through its form (`multipart/form-data`): each enclosed under the name it had on
    /// the user's computer, with its size and digest, personal when the box is ticked; the API's JSON carries no
    /// file (422, nothing written); a form cut short is 400 and writes nothing.
    @Test func documentsAreUploadedThroughTheDisclosureForm() async throws {
        let disclose = try #require(StepCommands.form(named: "disclose"))
        #expect(disclose.fields.first { $0.name == "attach" }?.kind == .upload)
        #expect(disclose.fields.first { $0.name == "personal" }?.kind == .flag)
        try await application().test(.router) { client in
            let token = try #require(try await WebServerTests.signIn(client, password: password))
            let page = try await WebFixture.get(client, "/cases/FOI-1/steps/disclose", as: token)
            #expect(String(buffer: page.body).contains("enctype=\"multipart/form-data\""))
            #expect(
                String(buffer: page.body).contains("<input type=\"file\" id=\"field-attach\" name=\"attach\" multiple"))
            let pdf: [UInt8] = Array("%PDF-1.7 the gritting routes".utf8) + [0x00, 0xFF, 0x0D, 0x0A, 0x2D, 0x2D]
            let parts: [MultipartBody.Part] = [
                .field("csrf", Accounts.formToken(ofSession: token)), .field("steps", "1"),
                .field("file", "The routes are enclosed."), .field("personal", "yes"),
                .file("attach", filename: "routes; 2025.pdf", bytes: pdf),
                .file("attach", filename: "C:\\Users\\ann\\map.png", bytes: Array("PNG".utf8)),
                .file("attach", filename: "", bytes: []),
            ]
            let cut = MultipartBody(parts)
            var cutShort = cut.bytes
            cutShort.removeLast(20)
            try await client.execute(
                uri: "/cases/FOI-1/disclose", method: .post, headers: cut.headers(cookie: token),
                body: ByteBuffer(bytes: cutShort)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("The form did not arrive whole"))
            }
            // A form beyond what foi takes is said on a page, and writes nothing.
            try await client.execute(
                uri: "/cases/FOI-1/note", method: .post, headers: WebServerTests.headers(cookie: token),
                body: WebServerTests.form([
                    "csrf": Accounts.formToken(ofSession: token),
                    "text": String(
                        repeating: "a", count: 1 << 20),
                ])
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(String(buffer: response.body).contains("more text than foi takes (1 MB)"))
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
            #expect(try await history().count == 1)
            try await client.execute(
                uri: "/cases/FOI-1/disclose", method: .post, headers: cut.headers(cookie: token),
                body: ByteBuffer(bytes: cut.bytes)
            ) { #expect($0.status == .seeOther) }
            let answer = try #require(try await store.detail(reference, requester: false).file.answers.first)
            #expect(answer.text == "The routes are enclosed.")
            #expect(answer.enclosures.map(\.name) == ["routes; 2025.pdf", "map.png"])
            #expect(answer.enclosures.map(\.size) == [pdf.count, 3])
            #expect(answer.enclosures.allSatisfy { $0.personal })
            let (_, kept) = try await store.enclosure(reference, named: "routes; 2025.pdf")
            #expect(kept == pdf)
            // The case's page lists them, each to download as it was uploaded, under its own name.
            let casePage = String(buffer: try await WebFixture.get(client, "/cases/FOI-1", as: token).body)
            let link = "/cases/FOI-1/enclosures/\(answer.enclosures[0].digest)"
            #expect(casePage.contains("<h2>Enclosed documents</h2>"))
            #expect(casePage.contains("<a href=\"\(link)\">routes; 2025.pdf</a> (34 bytes, personal data)"))
            let download = try await WebFixture.get(client, link, as: token)
            #expect(download.status == .ok && Array(buffer: download.body) == pdf)
            #expect(
                download.headers[.contentDisposition]
                    == "attachment; filename=\"routes_ 2025.pdf\"; filename*=UTF-8''routes%3B%202025%2Epdf")
            for missing in [
                "/cases/FOI-1/enclosures/\(String(repeating: "0", count: 64))", "/cases/FOI-1/enclosures/map.png",
            ] {
                #expect(try await WebFixture.get(client, missing, as: token).status == .notFound)
            }
            // The API's JSON names no file.
            let (_, apiToken) = try await Accounts(storage: store, cost: 4).newAPIToken(
                forUser: "ann@council.example", label: "script", at: 0)
            try await client.execute(
                uri: "/api/cases/FOI-1/disclose", method: .post,
                headers: [.authorization: "Bearer \(apiToken)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"attach": "/etc/passwd", "part": "2"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("is a file to upload"))
            }
            #expect(try await history().count == 2)
        }
    }

    /// A new request through its page: `foi log`'s options; refused without a subject (said by its label, 422) or the
    /// form token (403), or for a user who records no steps (403).
    @Test func aNewRequestIsLoggedThroughItsPage() async throws {
        try await application().test(.router) { client in
            let token = try #require(try await WebServerTests.signIn(client, password: password))
            let auditor = try #require(
                try await WebServerTests.signIn(client, as: "aud@council.example", password: password))
            func post(_ fields: [String: String], cookie: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/cases/new", method: .post, headers: WebServerTests.headers(cookie: cookie),
                    body: WebServerTests.form(fields.merging(["csrf": Accounts.formToken(ofSession: cookie)]) { $1 })
                ) { $0 }
            }
            try await client.execute(uri: "/cases/new", method: .get, headers: WebServerTests.headers(cookie: token)) {
                response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok && page.contains("<label for=\"field-subject\">Subject (required)"))
            }
            try await client.execute(
                uri: "/cases/new", method: .get, headers: WebServerTests.headers(cookie: auditor)
            ) { response in #expect(response.status == .forbidden) }
            #expect(try await post(["subject": "Bins"], cookie: auditor).status == .forbidden)
            let unnamed = try await post(["received": "20/11/2026"], cookie: token)
            #expect(unnamed.status == .unprocessableContent)
            #expect(String(buffer: unnamed.body).contains("“Subject”"))
            let logged = try await post(
                ["subject": "Bins & <b>recycling</b>", "received": "20/11/2026", "requester": "Bob"], cookie: token)
            #expect(logged.status == .seeOther)
            let location = try #require(logged.headers[.location])
            try await client.execute(uri: location, method: .get, headers: WebServerTests.headers(cookie: token)) {
                response in
                let page = String(buffer: response.body)
                #expect(page.contains("Bins &amp; &lt;b&gt;recycling&lt;/b&gt;") && page.contains("Fri 20 Nov 2026"))
            }
        }
    }

    /// The cases page: `foi list`'s filters as a form asked by GET, the search box first; a filter foi cannot read
    /// is said (422).
    @Test func theCasesPageFiltersAsTheListDoes() async throws {
        try await application().test(.router) { client in
            let token = try #require(try await WebServerTests.signIn(client, password: password))
            try await client.execute(
                uri: "/cases?matching=parking", method: .get, headers: WebServerTests.headers(cookie: token)
            ) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains(">FOI-2</a>") && !page.contains(">FOI-1</a>"))
                #expect(page.contains("<h2>1 case</h2>"))
            }
            try await client.execute(
                uri: "/cases?status=open&status=responded", method: .get, headers: WebServerTests.headers(cookie: token)
            ) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(">FOI-1</a>") && page.contains(">FOI-2</a>"))
                #expect(page.contains("<option value=\"responded\" selected>"))
            }
            try await client.execute(
                uri: "/cases?received-from=31/2/2026", method: .get, headers: WebServerTests.headers(cookie: token)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("“Received from”"))
            }
        }
    }

    /// The API: every step by its name with a JSON body of the command's option names, no form token (a bearer
    /// token is not sent by a browser on its own); the case as `foi show --format json` after; refusals as
    /// `{"error", "remedy"}` with their status; an auditor reads and writes nothing.
    @Test func theAPIRecordsEveryStepAsTheCommandLineDoes() async throws {
        let accounts = Accounts(storage: store, cost: 4)
        let (_, officer) = try await accounts.newAPIToken(forUser: "ann@council.example", label: "script", at: 0)
        let (_, auditor) = try await accounts.newAPIToken(forUser: "aud@council.example", label: "audit", at: 0)
        try await application().test(.router) { client in
            func call(
                _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, token: String? = nil
            ) async throws -> (HTTPResponse.Status, Any?) {
                var headers: HTTPFields = [.contentType: "application/json"]
                headers[.authorization] = "Bearer \(token ?? officer)"
                return try await client.execute(
                    uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    (response.status, try? JSONSerialization.jsonObject(with: Data(buffer: response.body)))
                }
            }
            let (status, shown) = try await call(.post, "/api/cases/FOI-1/acknowledge", #"{"on": "3/11/2026"}"#)
            #expect(status == .ok)
            #expect((shown as? [String: Any])?["ref"] as? String == "FOI-1")
            #expect(try await history().last == "acknowledged 2026-11-03")
            let (refused, error) = try await call(.post, "/api/cases/FOI-1/respond", #"{"outcome": "refused-s12"}"#)
            #expect(refused == .unprocessableContent)
            #expect((error as? [String: String])?["error"]?.contains("“Estimate hours”") == true)
            #expect((error as? [String: String])?["remedy"] != nil)
            let (impossible, why) = try await call(.post, "/api/cases/FOI-1/note", #"{"text": "x", "on": "31/2/2026"}"#)
            #expect(impossible == .unprocessableContent)
            #expect((why as? [String: String])?["error"]?.contains("'31/2/2026' is not a day of the calendar") == true)
            let (early, _) = try await call(.post, "/api/cases/FOI-1/note", #"{"text": "x", "on": "2026-10-01"}"#)
            #expect(early == .conflict)
            #expect(try await call(.post, "/api/cases/FOI-1/note", "[1]").0 == .badRequest)
            #expect(try await call(.post, "/api/cases/NOPE/note", #"{"text": "x"}"#).0 == .notFound)
            #expect(try await call(.post, "/api/cases/FOI-1/fly", "{}").0 == .notFound)
            #expect(try await call(.post, "/api/cases/FOI-1/note", #"{"text": "x"}"#, token: auditor).0 == .forbidden)
            #expect(try await call(.get, "/api/cases/FOI-1", token: auditor).0 == .ok)
            #expect(try await call(.get, "/api/cases/FOI-1", token: "foi_nope").0 == .unauthorized)
            // A contributor has tasks on no case yet: the API shows them none.
            _ = try await store.addUser(name: "Cal", email: "cal@council.example", role: .contributor)
            let (_, contributor) = try await accounts.newAPIToken(forUser: "cal@council.example", label: "c", at: 0)
            #expect(try await call(.get, "/api/cases/FOI-1", token: contributor).0 == .notFound)
            #expect((try await call(.get, "/api/cases", token: contributor).1 as? [Any])?.isEmpty == true)
            #expect((try await call(.get, "/api/board", token: contributor).1 as? [Any])?.isEmpty == true)
            #expect(try await history().count == 2)

            let (logged, made) = try await call(
                .post, "/api/cases", #"{"subject": "Bins", "received": "2026-11-20", "requester": "Bob"}"#)
            #expect(logged == .created)
            let newReference = try #require((made as? [String: Any])?["ref"] as? String)
            // 20 working days from Fri 20 Nov 2026, St Andrew's Day (Mon 30 Nov) not one of them.
            #expect((made as? [String: Any])?["due"] as? String == "2026-12-21")
            let (_, listed) = try await call(.get, "/api/cases?matching=bins")
            #expect((listed as? [[String: Any]])?.map { $0["ref"] as? String } == [newReference])
            #expect(try await call(.get, "/api/cases?bogus=1").0 == .unprocessableContent)

            let (described, document) = try await call(.get, "/openapi.json")
            #expect(described == .ok)
            let paths = try #require((document as? [String: Any])?["paths"] as? [String: Any])
            for form in StepCommands.forms {
                #expect(paths["/api/cases/{ref}/\(form.name)"] != nil, "\(form.name)")
            }
            #expect((document as? [String: Any])?["openapi"] as? String == "3.1.0")
        }
    }

    /// A tracker pasted as CSV: checked first (its report shown, nothing written), then imported, as `foi import`
    /// does; a sheet foi cannot read is said (422) and nothing is written.
    @Test func aTrackerIsCheckedThenImported() async throws {
        try await application().test(.router) { client in
            let token = try #require(try await WebServerTests.signIn(client, password: password))
            func post(_ fields: [String: String]) async throws -> TestResponse {
                try await client.execute(
                    uri: "/import", method: .post, headers: WebServerTests.headers(cookie: token),
                    body: WebServerTests.form(fields.merging(["csrf": Accounts.formToken(ofSession: token)]) { $1 })
                ) { $0 }
            }
            let sheet = "Ref,Date received,Subject,Status\nT-1,2/11/2026,Bins,Open\nT-2,3/11/2026,Potholes,Open\n"
            let checked = try await post(["file": sheet, "dry-run": "yes"])
            #expect(checked.status == .ok)
            #expect(String(buffer: checked.body).contains("Dry run: nothing written; 2 cases would be imported."))
            #expect(try await store.list(CaseFilter(), today: try CivilDate(iso: "2026-11-27")).count == 2)
            let imported = try await post(["file": sheet, "dry-run": "no"])
            #expect(imported.status == .ok && String(buffer: imported.body).contains("<h2>Imported</h2>"))
            let references = try await store.list(CaseFilter(), today: try CivilDate(iso: "2026-11-27")).map(\.ref)
            #expect(Set(references.map(\.rawValue)) == ["FOI-1", "FOI-2", "T-1", "T-2"])
            // A workbook chosen rather than pasted, checked and not written.
            let workbook = MultipartBody([
                .field("csrf", Accounts.formToken(ofSession: token)), .field("dry-run", "yes"),
                .field("file", ""),
                .file("file", filename: "tracker.xlsx", bytes: try TestWorkbook().bytes()),
            ])
            try await client.execute(
                uri: "/import", method: .post, headers: workbook.headers(cookie: token),
                body: ByteBuffer(bytes: workbook.bytes)
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("1 case would be imported"))
            }
            let unreadable = try await post(["file": "Ref,Date received\nT-3,2/31/2026\n", "dry-run": "no"])
            #expect(unreadable.status == .unprocessableContent)
            #expect(try await store.list(CaseFilter(), today: try CivilDate(iso: "2026-11-27")).count == 4)
        }
    }
}
