import FOIApp
import FOICommandLine
import FOIKit
import FOIViews
import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// foi-server's routes: the pages and `/healthz`, over any store, every one behind the same guards: a session
/// (a cookie holding a random token whose hash the store keeps), on every unsafe request an `Origin` (or
/// `Sec-Fetch-Site`) of this server and, once signed in, the session's form token; a strict Content-Security-Policy
/// and no script on every response. Time is a parameter, so that tests can move it.
public struct WebServer: Sendable {
    public let storage: any CaseStorage
    public let accounts: Accounts
    /// Seconds since 1970, now.
    public let now: @Sendable () -> Int64
    /// Today's date in London.
    public let today: @Sendable () -> CivilDate
    /// Whether the cookie is sent over HTTPS only: true when foi-server serves TLS or sits behind a proxy that does.
    public let secureCookies: Bool
    /// One step at a time on each case.
    let gate = StepGate()
    /// The board page's sections and the API's boards, as drawn after the last event.
    let boardPages = BoardCache<String>()
    let boardDocuments = BoardCache<ByteBuffer>()
    /// The JSON of every row of the API's board: a step changes one case, so the board drawn again reads one case.
    let boardRows = BoardRows()
    /// How many seconds an event stream waits for a step before it ends (the browser then asks again).
    let eventWait: Int

    public init(
        storage: any CaseStorage, accounts: Accounts, secureCookies: Bool = false, eventWait: Int = 25,
        now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) },
        today: @escaping @Sendable () -> CivilDate = {
            ReceiptTime.londonDate(atUTCSeconds: Int(Date().timeIntervalSince1970))
        }
    ) {
        self.storage = storage
        self.accounts = accounts
        self.secureCookies = secureCookies
        self.eventWait = eventWait
        self.now = now
        self.today = today
    }

    /// The most cases the cases page lists.
    static let casesShown = 200

    /// The session cookie's name.
    static let cookie = "foi_session"
    /// The most a form's body may be: a step's form may carry a request's text or a review's findings.
    static let formLimit = 1 << 20
    /// The most a form with files may be: the largest document a response may enclose, and the form's fields.
    static let uploadLimit = Enclosure.maximumSize + formLimit

    /// The router of every route, with its middleware.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: SecurityHeaders())
        router.add(middleware: SameOrigin())
        router.get("healthz") { _, _ in "ok\n" }
        router.get("static/foi.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: WebPages.styleSheet)))
        }
        router.get("static/live.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: WebPages.liveScript)))
        }
        router.get("events") { request, _ in try await events(request) }
        // Browsers ask for it of every site; foi has none to give.
        router.get("favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("signin") { _, _ in Self.html(WebPages.signIn()) }
        router.post("signin") { request, context in try await signIn(request, context) }
        router.get("/") { request, _ in
            guard let (user, token) = try await signedIn(request) else { return Self.redirect("/signin") }
            guard user.role.seesEveryCase else { return try await tasksPage(user, token) }
            let key = BoardCache<String>.Key(today: today(), horizon: 5, limit: 50)
            // Read before the board: a step recorded in between redraws the page once more, never misses it.
            let version = try await storage.lastEventID(of: nil)
            let body = try await boardPages.drawing(key, after: version) { [storage] in
                WebPages.boardBody(
                    try await storage.board(today: key.today, horizon: key.horizon, limit: key.limit, handler: nil),
                    horizon: key.horizon)
            }
            return Self.html(
                WebPages.board(
                    boardBody: body, version: version, user: user, formToken: Accounts.formToken(ofSession: token)))
        }
        router.get("cases/:ref") { request, context in
            guard let (user, token) = try await signedIn(request) else { return Self.redirect("/signin") }
            let reference = Self.reference(context)
            guard user.role.seesEveryCase else {
                return try await contributorCase(
                    reference, user: user, formToken: Accounts.formToken(ofSession: token))
            }
            let detail: CaseDetail
            let version = try await storage.lastEventID(of: reference)
            do {
                // A contributor never sees the requester: not read at all.
                detail = try await storage.detail(reference, requester: user.role.seesRequesters)
            } catch StoreError.caseNotFound {
                return Self.noCase(reference)
            }
            let seen = try await storage.markSeen(
                reference, by: user.id, upTo: detail.events.last?.sequence ?? 0)
            return Self.html(
                try WebPages.casePage(
                    detail, calendars: storage.calendars, catalogue: storage.catalogue, today: today(), user: user,
                    formToken: Accounts.formToken(ofSession: token), seen: seen,
                    steps: user.role.recordsSteps ? StepCommands.forms : [],
                    signOff: user.role == .approver
                        ? StepCommands.forms.filter { StepCommands.approverSteps.contains($0.name) } : [],
                    version: version))
        }
        router.get("cases/new") { request, _ in
            try await asStepRecorder(request) { user, formToken in
                Self.html(WebPages.newCasePage(StepCommands.logForm, user: user, formToken: formToken))
            }
        }
        router.post("cases/new") { request, context in
            let form = try await Self.form(request, context)
            return try await asStepRecorder(request, form: form) { user, formToken in
                let message: String
                do {
                    let reference = try await StepCommands.log(
                        values: form.values(of: StepCommands.logForm), storage: storage, actor: .user(user.id),
                        today: today())
                    return Self.redirect(WebPages.casePath(reference))
                } catch let refusal as StepCommands.Refusal {
                    message = refusal.message
                } catch let error as StoreError {
                    message = error.description
                }
                return Self.html(
                    WebPages.newCasePage(
                        StepCommands.logForm, values: form.byName, message: Self.sentence(message), user: user,
                        formToken: formToken), status: .unprocessableContent)
            }
        }
        router.get("cases/:ref/steps/:step") { request, context in
            try await asStepRecorder(request) { user, formToken in
                guard let form = StepCommands.form(named: context.parameters.get("step") ?? "") else {
                    return Self.noStep
                }
                let reference = Self.reference(context)
                do {
                    let loaded = try await storage.loadDetail(reference).detail
                    return Self.html(
                        WebPages.stepPage(
                            form, on: loaded.summary, steps: loaded.events.count, user: user, formToken: formToken))
                } catch StoreError.caseNotFound {
                    return Self.noCase(reference)
                }
            }
        }
        router.post("cases/:ref/:step") { request, context in try await recordStep(request, context) }
        router.get("cases/:ref/enclosures/:digest") { request, context in
            guard let (user, _) = try await signedIn(request) else { return Self.redirect("/signin") }
            let reference = Self.reference(context)
            guard user.role.seesEveryCase else { return Self.noCase(reference) }
            return try await enclosure(context.parameters.get("digest") ?? "", of: reference, for: user)
        }
        router.get("cases") { request, _ in
            guard let (user, token) = try await signedIn(request) else { return Self.redirect("/signin") }
            guard user.role.seesEveryCase else { return try await tasksPage(user, token) }
            let query = FormFields(encoded: request.uri.query ?? "")
            let form = StepCommands.listForm
            var cases: [CaseSummary] = []
            var message: String?
            do {
                var filter = try await StepCommands.caseFilter(values: query.values(of: form), storage: storage)
                filter.limit = Self.casesShown + 1
                cases = try await storage.list(filter, today: today())
            } catch let refusal as StepCommands.Refusal {
                message = Self.sentence(refusal.message)
            }
            return Self.html(
                try WebPages.casesPage(
                    Array(cases.prefix(Self.casesShown)), more: cases.count > Self.casesShown, filters: form,
                    values: query.byName, message: message, calendars: storage.calendars, today: today(), user: user,
                    formToken: Accounts.formToken(ofSession: token)),
                status: message == nil ? .ok : .unprocessableContent)
        }
        addAPIRoutes(to: router)
        addAdminRoutes(to: router)
        addLetterRoutes(to: router)
        addFigureRoutes(to: router)
        addImportRoutes(to: router)
        router.post("signout") { request, context in
            guard let (_, token) = try await signedIn(request) else { return Self.redirect("/signin") }
            let form = try await Self.form(request, context)
            guard form["csrf"] == Accounts.formToken(ofSession: token) else {
                return Self.html(
                    WebPages.refusal(
                        title: "Refused", message: "The form was not one this server gave you; sign out again."),
                    status: .forbidden)
            }
            try await accounts.signOut(token)
            var response = Self.redirect("/signin")
            response.setCookie(
                Cookie(
                    name: Self.cookie, value: "", maxAge: 0, path: "/", secure: secureCookies,
                    httpOnly: true, sameSite: .strict))
            return response
        }
        return router
    }

    private func signIn(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let form = try await Self.form(request, context)
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let (_, token) = try await accounts.signIn(email: email, password: form["password"] ?? "", at: now())
            var response = Self.redirect("/")
            response.setCookie(
                Cookie(
                    name: Self.cookie, value: token, maxAge: Int(SignInPolicy.absolute), path: "/",
                    secure: secureCookies, httpOnly: true, sameSite: .strict))
            return response
        } catch Accounts.Refusal.lockedOut(let until) {
            let minutes = max(1, (until - now() + 59) / 60)
            return Self.html(
                WebPages.signIn(
                    message: "Too many attempts to sign in as this address: try again in \(minutes) minutes.",
                    email: email), status: .tooManyRequests)
        } catch Accounts.Refusal.wrongPassword {
            return Self.html(
                WebPages.signIn(message: "The e-mail address or the password is not right.", email: email),
                status: .unauthorized)
        }
    }

    /// Records the step a form asks for, as the signed-in user, once: refused (and nothing written) without the
    /// form token, for a user who does not record steps, from a page the case has moved on since, or where the
    /// step's checks or the lifecycle refuse it (the step's form again, with what was typed, saying why and what to
    /// do).
    private func recordStep(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let form = try await Self.form(request, context)
        return try await asSignedIn(
            request, form: form, allowed: \.role.recordsAnyStep, refusal: "Your role does not record steps on cases."
        ) { user, formToken in
            let reference = Self.reference(context)
            guard let stepForm = StepCommands.form(named: context.parameters.get("step") ?? "") else {
                return Self.noStep
            }
            if user.role == .approver {
                // An approver decides on the draft; the use case checks the chain waits for them.
                guard StepCommands.approverSteps.contains(stepForm.name) else {
                    return Self.html(
                        WebPages.refusal(title: "Refused", message: "You approve or reject drafts."),
                        status: .forbidden)
                }
            } else if !user.role.recordsSteps {
                // A contributor answers or declines an open task given to them, and records nothing else.
                let mine = try await storage.tasks(
                    TaskFilter(contributor: user.id, reference: reference), today: today())
                guard StepCommands.contributorSteps.contains(stepForm.name),
                    mine.contains(where: { $0.number == Int(form["task"] ?? "") })
                else {
                    return Self.html(
                        WebPages.refusal(title: "Refused", message: "You answer or decline the tasks given to you."),
                        status: .forbidden)
                }
            }
            switch await record(
                stepForm.name, on: reference, values: form.values(of: stepForm), uploads: form.uploads,
                drawnWith: Int(form["steps"] ?? ""), by: user)
            {
            case .recorded:
                return Self.redirect(WebPages.casePath(reference))
            case .refused(let message, let status):
                if user.role == .contributor {
                    return try await contributorCase(
                        reference, user: user, formToken: formToken, message: message, status: status)
                }
                guard let detail = try? await storage.loadDetail(reference).detail else {
                    return Self.html(WebPages.refusal(title: "Not recorded", message: message), status: status)
                }
                return Self.html(
                    WebPages.stepPage(
                        stepForm, on: detail.summary, steps: detail.events.count, values: form.byName,
                        message: message, user: user, formToken: formToken), status: status)
            }
        }
    }

    /// The document enclosed with the case's response whose digest is `digest`, as it was uploaded (a download,
    /// under its own name); 404 for none, or one holding personal data to a user who does not see it; 410 once
    /// removed with the case's personal data.
    private func enclosure(_ digest: String, of reference: CaseReference, for user: User) async throws -> Response {
        let none = Self.html(
            WebPages.refusal(title: "No such document", message: "The case encloses no such document."),
            status: .notFound)
        // A digest is hex: a name would find a document by what it is called, which the page never links.
        guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else { return none }
        let found: (Enclosure, [UInt8]?)
        do {
            found = try await storage.enclosure(reference, named: digest)
        } catch StoreError.noEnclosure, StoreError.caseNotFound {
            return none
        }
        let (enclosure, bytes) = found
        guard !enclosure.personal || user.role.seesRequesters else { return none }
        guard let bytes else {
            return Self.html(
                WebPages.refusal(
                    title: "Removed", message: "The document held personal data, removed with the case's."),
                status: .gone)
        }
        // The name as it is (RFC 6266's filename*), and a plain one for a browser that reads only that.
        let plain = enclosure.name.replacing(try Regex("[^A-Za-z0-9._ -]"), with: "_")
        let encoded = enclosure.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? plain
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/octet-stream",
                .contentDisposition: "attachment; filename=\"\(plain)\"; filename*=UTF-8''\(encoded)",
            ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static var noStep: Response {
        html(WebPages.refusal(title: "No such step", message: "foi records no such step."), status: .notFound)
    }

    /// Answers `request` with `body` for a signed-in user who records steps (and its form token), once `form`, if
    /// it is a form posted, carries the token: else to sign in, or refused (403) and nothing written.
    func asStepRecorder(
        _ request: Request, form: FormFields? = nil, _ body: (User, String) async throws -> Response
    ) async throws -> Response {
        try await asSignedIn(
            request, form: form, allowed: \.role.recordsSteps, refusal: "Your role does not record steps on cases."
        ) { try await body($0, $1) }
    }

    /// Answers `request` with `body` for a signed-in user whom `allowed` lets in (else 403 saying `refusal`), with
    /// their form token, once `form`, if posted, carries it (else 403): without a session, to sign in.
    func asSignedIn(
        _ request: Request, form: FormFields?, allowed: (User) -> Bool, refusal: String,
        _ body: (User, String) async throws -> Response
    ) async throws -> Response {
        guard let (user, token) = try await signedIn(request) else { return Self.redirect("/signin") }
        let formToken = Accounts.formToken(ofSession: token)
        if let form, form["csrf"] != formToken {
            return Self.html(
                WebPages.refusal(title: "Refused", message: "The form was not one this server gave you."),
                status: .forbidden)
        }
        guard allowed(user) else {
            return Self.html(WebPages.refusal(title: "Refused", message: refusal), status: .forbidden)
        }
        return try await body(user, formToken)
    }

    /// What came of asking for a step: the steps recorded, or why nothing was, with the HTTP status of its kind.
    enum StepResult: Sendable {
        case recorded([CaseReference])
        case refused(String, HTTPResponse.Status)
    }

    /// Records the step `name` on the case `reference` with `values`, as `user`, on today, if the case still has
    /// the `drawn` steps it had when the form was drawn (nil: whatever it has): one step at a time on a case, so
    /// that of two clicks on one form the second finds the case moved on and records nothing.
    func record(
        _ name: String, on reference: CaseReference, values: [(name: String, value: String)],
        uploads: [StepCommands.Upload] = [], drawnWith drawn: Int?, by user: User
    ) async -> StepResult {
        await once(on: reference, drawnWith: drawn) {
            .recorded(
                try await StepCommands.record(
                    name, on: reference, values: values, uploads: uploads, storage: storage, actor: .user(user.id),
                    today: today()))
        }
    }

    /// Runs `body` on the case `reference` if it still has the `drawn` steps it had when the form was drawn (nil:
    /// whatever it has), one at a time on a case; a refusal of the step's checks, the lifecycle or the store as
    /// `.refused` with its status.
    func once(on reference: CaseReference, drawnWith drawn: Int?, _ body: @Sendable () async throws -> StepResult) async
        -> StepResult
    {
        await gate.one(reference) {
            do {
                if let drawn, try await storage.stepCount(of: reference) != drawn {
                    return .refused(
                        "The case has moved on since this page was drawn, and nothing was recorded: read it again.",
                        .conflict)
                }
                return try await body()
            } catch {
                return Self.refusal(error, on: reference)
            }
        }
    }

    /// Why a step (or a letter) was refused, as a sentence with the HTTP status of its kind.
    static func refusal(_ error: any Error, on reference: CaseReference) -> StepResult {
        switch error {
        case let refusal as StepCommands.Refusal: .refused(sentence(refusal.message), .unprocessableContent)
        case StoreError.caseNotFound: .refused("There is no case \(reference.rawValue).", .notFound)
        case let error as LifecycleError: .refused(sentence(error.description), .conflict)
        case let error as DeadlineError: .refused(sentence(error.description), .conflict)
        case let error as CaseworkError: .refused(sentence(error.description), .conflict)
        case let error as StoreError:
            .refused(sentence(error.description), error.isBadInput ? .unprocessableContent : .conflict)
        default: .refused(sentence("\(error)"), .unprocessableContent)
        }
    }

    /// A library's message as a sentence: a capital first, a full stop last.
    static func sentence(_ message: String) -> String {
        let text = message.prefix(1).uppercased() + message.dropFirst()
        return text.hasSuffix(".") ? text : text + "."
    }

    /// The case reference of a route's path, percent-decoded (references contain `/`).
    static func reference(_ context: BasicRequestContext) -> CaseReference {
        let raw = context.parameters.get("ref") ?? ""
        return CaseReference(rawValue: raw.removingPercentEncoding ?? raw)
    }

    /// What a contributor sees in place of the board and the cases: their open tasks.
    func tasksPage(_ user: User, _ token: String) async throws -> Response {
        let tasks = try await storage.tasks(TaskFilter(contributor: user.id), today: today())
        return Self.html(
            try WebPages.tasksPage(
                tasks, calendars: storage.calendars, today: today(), user: user,
                formToken: Accounts.formToken(ofSession: token)))
    }

    /// A case as a contributor sees it: only if a task on it was given to them or their team (else, to them, no case),
    /// with its
    /// reference, subject and their tasks; the requester is not read at all. `message`: why a step was refused.
    func contributorCase(
        _ reference: CaseReference, user: User, formToken: String, message: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let mine = TaskFilter(contributor: user.id, reference: reference, standings: Set(TaskStanding.allCases))
        let yours = Set(try await storage.tasks(mine, today: today()).map(\.number))
        guard !yours.isEmpty,
            let answer = StepCommands.form(named: "answer-task"), let decline = StepCommands.form(named: "decline-task")
        else { return Self.noCase(reference) }
        let detail = try await storage.detail(reference, requester: false)
        return Self.html(
            try WebPages.contributorCasePage(
                detail, yours: yours, calendars: storage.calendars, today: today(), answer: answer, decline: decline,
                user: user, formToken: formToken, message: message),
            status: status)
    }

    static func noCase(_ reference: CaseReference) -> Response {
        html(
            WebPages.refusal(title: "No such case", message: "There is no case \(reference.rawValue)."),
            status: .notFound)
    }

    /// The user a request's bearer token acts as, if it has a valid one.
    func apiUser(_ request: Request) async throws -> User? {
        guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") else {
            return nil
        }
        return try await accounts.user(ofAPIToken: String(authorization.dropFirst("Bearer ".count)))
    }

    /// An API error: `{"error": …, "remedy": …}`.
    static func apiError(_ error: String, remedy: String, status: HTTPResponse.Status) -> Response {
        let body = (try? JSONEncoder().encode(["error": error, "remedy": remedy])) ?? Data()
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: Array(body))))
    }

    static let lastEventID = HTTPField.Name("Last-Event-ID")!

    /// Server-sent events for a live page: one event, `id` and `data` the last event recorded (of the case `case`,
    /// or any), as soon as it is not the one the page was drawn with (`Last-Event-ID`, else `since`); after
    /// `eventWait` seconds without one, the stream ends and the browser asks again. For a signed-in user.
    private func events(_ request: Request) async throws -> Response {
        guard try await signedIn(request) != nil else { return Response(status: .unauthorized) }
        let query = FormFields(encoded: request.uri.query ?? "")
        let reference = query["case"].map(CaseReference.init(rawValue:))
        let since = (request.headers[Self.lastEventID] ?? query["since"]).flatMap { Int64($0) }
        let storage = storage
        let eventWait = eventWait
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                // A server stopping ends the wait within a second, not after all of it: the browser asks again.
                for _ in 0..<eventWait where !Task.isShuttingDownGracefully {
                    let last = try await storage.lastEventID(of: reference)
                    if last != since {
                        try await writer.write(ByteBuffer(string: "retry: 2000\nid: \(last)\ndata: \(last)\n\n"))
                        return try await writer.finish(nil)
                    }
                    try await Task.sleep(for: .seconds(1))
                }
                try await writer.write(ByteBuffer(string: ": no step yet\n\n"))
                try await writer.finish(nil)
            })
    }

    /// The user and token of the request's live session, if it has one.
    private func signedIn(_ request: Request) async throws -> (User, String)? {
        guard let token = request.cookies[Self.cookie]?.value, !token.isEmpty,
            let user = try await accounts.user(ofSession: token, at: now())
        else { return nil }
        return (user, token)
    }

    /// A form's fields (`application/x-www-form-urlencoded`), read within `formLimit`; or its fields and files
    /// (`multipart/form-data`), within `uploadLimit` (413 beyond). A body of parts that do not parse is 400.
    static func form(_ request: Request, _ context: BasicRequestContext) async throws -> FormFields {
        let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(ofContentType:))
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: boundary == nil ? formLimit : uploadLimit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw FormRefusal(
                status: .contentTooLarge,
                message: boundary == nil
                    ? "The form holds more text than foi takes (1 MB): shorten it, or enclose the document as a file."
                    : "The form is larger than foi takes (50 MB a document, and 1 MB of text): enclose fewer or "
                        + "smaller documents at a time.")
        }
        guard let boundary else { return FormFields(encoded: String(buffer: body)) }
        do {
            return FormFields(try MultipartForm(body: Array(buffer: body), boundary: boundary))
        } catch let malformed as MultipartForm.Malformed {
            throw FormRefusal(
                status: .badRequest, message: "The form did not arrive whole (\(malformed.reason)): send it again.")
        }
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// A form that could not be read, said on a page of its own: nothing is written.
struct FormRefusal: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        WebServer.html(WebPages.refusal(title: "Not recorded", message: message), status: status)
    }
}

/// One step at a time on each case, within this server: a second click on a form waits for the first to be
/// recorded, then finds the case moved on.
actor StepGate {
    /// For each case a step is being recorded on, who waits their turn.
    private var queues: [CaseReference: [CheckedContinuation<Void, Never>]] = [:]

    func one<T: Sendable>(_ reference: CaseReference, _ body: @Sendable () async -> T) async -> T {
        if queues[reference] == nil {
            queues[reference] = []
        } else {
            await withCheckedContinuation { queues[reference]!.append($0) }
        }
        let result = await body()
        if let next = queues[reference]?.first {
            queues[reference]!.removeFirst()
            next.resume()
        } else {
            queues[reference] = nil
        }
        return result
    }
}

/// On every response: a Content-Security-Policy with no inline script or style and nothing from elsewhere, no
/// framing, no sniffing, no referrer outside the site.
struct SecurityHeaders: RouterMiddleware {
    static let policy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(
        _ request: Request, context: BasicRequestContext, next: (Request, BasicRequestContext) async throws -> Response
    )
        async throws -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        // A route may set a policy of its own (the report's inline style); every other response has this one.
        response.headers[.contentSecurityPolicy] = response.headers[.contentSecurityPolicy] ?? Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "same-origin"
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
        return response
    }
}

/// Refuses an unsafe request (anything but GET and HEAD) to a page that does not come from this server's own pages: its
/// `Origin` must be this server's (the `Host` it was asked for), or, without one, `Sec-Fetch-Site` must say
/// same-origin. Refused with 403 before the route runs, so that nothing is written.
struct SameOrigin: RouterMiddleware {
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!

    func handle(
        _ request: Request, context: BasicRequestContext, next: (Request, BasicRequestContext) async throws -> Response
    )
        async throws -> Response
    {
        guard request.method != .get && request.method != .head else { return try await next(request, context) }
        // The API is asked with a bearer token, which a browser never sends on its own: not a forgeable request.
        guard !request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let host = request.head.authority
        let sameOrigin: Bool
        if let origin = request.headers[.origin] {
            sameOrigin = host.map { origin == "http://\($0)" || origin == "https://\($0)" } ?? false
        } else {
            sameOrigin = request.headers[Self.fetchSite] == "same-origin"
        }
        guard sameOrigin else {
            return WebServer.html(
                WebPages.refusal(title: "Refused", message: "The request did not come from this server's own pages."),
                status: .forbidden)
        }
        return try await next(request, context)
    }
}
