import FOIApp
import FOIKit
import FOIViews
import Foundation
import HTTPTypes
import Hummingbird

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

    public init(
        storage: any CaseStorage, accounts: Accounts, secureCookies: Bool = false,
        now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) },
        today: @escaping @Sendable () -> CivilDate = {
            ReceiptTime.londonDate(atUTCSeconds: Int(Date().timeIntervalSince1970))
        }
    ) {
        self.storage = storage
        self.accounts = accounts
        self.secureCookies = secureCookies
        self.now = now
        self.today = today
    }

    /// The session cookie's name.
    static let cookie = "foi_session"
    /// The most a form's body may be: sign-in and step forms are a few hundred bytes.
    static let formLimit = 64 << 10

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
        router.get("signin") { _, _ in Self.html(WebPages.signIn()) }
        router.post("signin") { request, context in try await signIn(request, context) }
        router.get("/") { request, _ in
            guard let (user, token) = try await signedIn(request) else { return Self.redirect("/signin") }
            let horizon = 5
            let board = try await storage.board(today: today(), horizon: horizon, limit: 50, handler: nil)
            return Self.html(
                WebPages.board(board, horizon: horizon, user: user, formToken: Accounts.formToken(ofSession: token)))
        }
        router.get("cases/:ref") { request, context in
            guard let (user, token) = try await signedIn(request) else { return Self.redirect("/signin") }
            let raw = context.parameters.get("ref") ?? ""
            let reference = CaseReference(rawValue: raw.removingPercentEncoding ?? raw)
            let detail: CaseDetail
            do {
                // A contributor never sees the requester: not read at all.
                detail = try await storage.detail(reference, requester: user.role != .contributor)
            } catch StoreError.caseNotFound {
                return Self.html(
                    WebPages.refusal(title: "No such case", message: "There is no case \(reference.rawValue)."),
                    status: .notFound)
            }
            return Self.html(
                try WebPages.casePage(
                    detail, calendars: storage.calendars, catalogue: storage.catalogue, today: today(), user: user,
                    formToken: Accounts.formToken(ofSession: token), recordsSteps: Self.recordsSteps(user)))
        }
        router.post("cases/:ref/:step") { request, context in try await recordStep(request, context) }
        router.get("api/board") { request, _ in
            guard try await apiUser(request) != nil else {
                return Self.apiError(
                    "no valid bearer token",
                    remedy: "send 'Authorization: Bearer TOKEN' with a token 'foi user token' made",
                    status: .unauthorized)
            }
            let board = try await storage.board(today: today(), horizon: 5, limit: nil, handler: nil)
            let json = try BoardView.render(
                board, horizon: 5, calendars: storage.calendars, format: .json, listingAll: { _ in "" })
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: json.bytes)))
        }
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

    /// Whether `user` may record steps: officers and coordinators, and admins; not contributors, approvers or
    /// auditors.
    static func recordsSteps(_ user: User) -> Bool {
        [.officer, .coordinator, .admin].contains(user.role)
    }

    /// A stale form: the case has `now` steps where the page was drawn with `drawn`.
    struct StaleForm: Error {}

    /// Records the step a case page's form asks for, as the signed-in user, once: refused (and nothing written)
    /// without the form token, for a user who does not record steps, from a page the case has moved on since, or
    /// where the lifecycle refuses it (the page again, saying why and what to do).
    private func recordStep(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let (user, token) = try await signedIn(request) else { return Self.redirect("/signin") }
        let raw = context.parameters.get("ref") ?? ""
        let reference = CaseReference(rawValue: raw.removingPercentEncoding ?? raw)
        let form = try await Self.form(request, context)
        guard form["csrf"] == Accounts.formToken(ofSession: token) else {
            return Self.html(
                WebPages.refusal(title: "Refused", message: "The form was not one this server gave you."),
                status: .forbidden)
        }
        guard Self.recordsSteps(user) else {
            return Self.html(
                WebPages.refusal(title: "Refused", message: "Your role does not record steps on cases."),
                status: .forbidden)
        }
        func page(_ message: String, _ status: HTTPResponse.Status) async throws -> Response {
            let detail = try await storage.detail(reference, requester: true)
            return Self.html(
                try WebPages.casePage(
                    detail, calendars: storage.calendars, catalogue: storage.catalogue, today: today(), user: user,
                    formToken: Accounts.formToken(ofSession: token), recordsSteps: true,
                    message: message), status: status)
        }
        let event: CaseEvent
        var date = today()
        switch context.parameters.get("step") {
        case "acknowledge":
            guard let typed = form["on"].flatMap(Self.date) else {
                return try await page(
                    "The date is not one foi reads: type it as 2026-12-03 or 3/12/2026.", .unprocessableContent)
            }
            date = typed
            event = .acknowledged
        case "note":
            let text = (form["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return try await page("The note is empty.", .unprocessableContent) }
            event = .note(text)
        default:
            return Self.html(
                WebPages.refusal(title: "No such step", message: "foi records no such step."), status: .notFound)
        }
        let drawn = Int(form["steps"] ?? "") ?? -1
        do {
            _ = try await Casework(storage: storage).record(
                on: date, for: reference, by: .user(user.id), today: today()
            ) {
                file, _ in
                guard file.history.count == drawn else { throw StaleForm() }
                return event
            }
        } catch is StaleForm {
            return try await page(
                "The case has moved on since this page was drawn, and nothing was recorded: read it again below.",
                .conflict)
        } catch let error as LifecycleError {
            return try await page(error.description, .conflict)
        } catch StoreError.lifecycle(let error) {
            return try await page(error.description, .conflict)
        }
        return Self.redirect(WebPages.casePath(reference))
    }

    /// A date as people type it: `2026-12-03`, or day first, `3/12/2026`.
    static func date(_ text: String) -> CivilDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = try? CivilDate(iso: trimmed) { return iso }
        let parts = trimmed.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3, parts[2] >= 1_000 else { return nil }
        return CivilDate(year: parts[2], month: parts[1], day: parts[0])
    }

    /// The user a request's bearer token acts as, if it has a valid one.
    private func apiUser(_ request: Request) async throws -> User? {
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

    /// The user and token of the request's live session, if it has one.
    private func signedIn(_ request: Request) async throws -> (User, String)? {
        guard let token = request.cookies[Self.cookie]?.value, !token.isEmpty,
            let user = try await accounts.user(ofSession: token, at: now())
        else { return nil }
        return (user, token)
    }

    /// A form's fields (`application/x-www-form-urlencoded`), read within `formLimit`.
    static func form(_ request: Request, _ context: BasicRequestContext) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: formLimit)
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                String(text).replacing("+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first else { continue }
            fields[decoded(name)] = parts.count > 1 ? decoded(parts[1]) : ""
        }
        return fields
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

/// On every response: a Content-Security-Policy with no inline script or style and nothing from elsewhere, no
/// framing, no sniffing, no referrer outside the site.
struct SecurityHeaders: RouterMiddleware {
    static let policy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
        + "base-uri 'none'"
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
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "same-origin"
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
        return response
    }
}

/// Refuses an unsafe request (anything but GET and HEAD) that does not come from this server's own pages: its
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
