import FOIApp
import FOICommandLine
import FOIKit
import FOIViews
import Foundation
import HTTPTypes
import Hummingbird

/// The JSON API beside the pages (described at `/openapi.json`): the same JSON as the command line's
/// `--format json`, and every step, asked with a bearer token from `foi user token`; a body's keys are the command
/// line's option names without their dashes. Errors are `{"error": …, "remedy": …}`.
extension WebServer {
    /// The most an API body may be: a request's text, a review's findings.
    static let bodyLimit = 1 << 20

    func addAPIRoutes(to router: Router<BasicRequestContext>) {
        let description = OpenAPI.document(
            steps: StepCommands.forms, log: StepCommands.logForm, list: StepCommands.listForm,
            board: StepCommands.boardForm)
        router.get("openapi.json") { _, _ in Self.json(description) }
        router.get("api/board") { request, _ in
            try await asAPIUser(request) { user in
                guard user.role.seesEveryCase else { return Self.json(Array("[]\n".utf8)) }
                let query = try await StepCommands.boardQuery(
                    values: FormFields(encoded: request.uri.query ?? "").pairs, storage: storage)
                let key = BoardCache<ByteBuffer>.Key(
                    today: today(), horizon: query.horizon, limit: query.limit, handler: query.handler)
                let version = try await storage.lastEventID(of: nil)
                let document = try await boardDocuments.drawing(key, after: version) { [storage, boardRows] in
                    guard key.limit != nil else {
                        return ByteBuffer(
                            bytes: try await boardRows.json(
                                storage: storage, today: key.today, horizon: key.horizon, handler: key.handler))
                    }
                    let board = try await storage.board(
                        today: key.today, horizon: key.horizon, limit: key.limit, handler: key.handler)
                    return ByteBuffer(
                        bytes: try BoardView.render(
                            board, horizon: key.horizon, calendars: storage.calendars, format: .json,
                            listingAll: { _ in "" }
                        ).bytes)
                }
                // The drawing is shared, not copied, by every response that sends it.
                return Response(
                    status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: document))
            }
        }
        router.get("api/cases") { request, _ in
            try await asAPIUser(request) { user in
                guard user.role.seesEveryCase else { return Self.json(Array("[]\n".utf8)) }
                let query = FormFields(encoded: request.uri.query ?? "")
                let filter = try await StepCommands.caseFilter(values: query.pairs, storage: storage)
                let cases = try await storage.list(filter, today: today())
                return Self.json(
                    try CaseView.render(cases, calendars: storage.calendars, today: today(), format: .json).bytes)
            }
        }
        router.get("api/cases/:ref") { request, context in
            try await asAPIUser(request) { user in try await caseJSON(Self.reference(context), for: user) }
        }
        router.post("api/cases") { request, _ in
            try await asAPIUser(request, writing: true) { user in
                let values = try await Self.body(request)
                let reference = try await StepCommands.log(
                    values: values, storage: storage, actor: .user(user.id), today: today())
                var response = try await caseJSON(reference, for: user)
                response.status = .created
                response.headers[.location] = "/api" + WebPages.casePath(reference)
                return response
            }
        }
        router.post("api/cases/:ref/:step") { request, context in
            try await asAPIUser(request, writing: true) { user in
                let reference = Self.reference(context)
                let name = context.parameters.get("step") ?? ""
                guard StepCommands.form(named: name) != nil else {
                    return Self.apiError(
                        "foi records no step called '\(name)'", remedy: "see /openapi.json for the steps",
                        status: .notFound)
                }
                switch await record(name, on: reference, values: try await Self.body(request), drawnWith: nil, by: user)
                {
                case .recorded: return try await caseJSON(reference, for: user)
                case .refused(let message, let status):
                    return Self.apiError(message, remedy: Self.remedy(for: status), status: status)
                }
            }
        }
    }

    /// The case `reference` as `foi show --format json` prints it; without the requester for a contributor, and
    /// for now none, as they have tasks on none.
    func caseJSON(_ reference: CaseReference, for user: User) async throws -> Response {
        guard user.role.seesEveryCase else { throw StoreError.caseNotFound(reference) }
        let detail = try await storage.detail(reference, requester: user.role.seesRequesters)
        return Self.json(
            try CaseDetailView.render(
                detail, calendars: storage.calendars, catalogue: storage.catalogue, today: today(), format: .json
            ).bytes)
    }

    /// Answers `request` as the user of its bearer token with `body`: 401 without a valid token, 403 for a write
    /// by a user whose role records no steps; a refusal as an API error.
    func asAPIUser(
        _ request: Request, writing: Bool = false, _ body: (User) async throws -> Response
    ) async throws -> Response {
        guard let user = try await apiUser(request) else {
            return Self.apiError(
                "no valid bearer token",
                remedy: "send 'Authorization: Bearer TOKEN' with a token 'foi user token' made",
                status: .unauthorized)
        }
        if writing && !user.role.recordsSteps {
            return Self.apiError(
                "your role (\(user.role.rawValue)) does not record steps on cases",
                remedy: "ask an officer or a coordinator", status: .forbidden)
        }
        do {
            return try await body(user)
        } catch let refusal as StepCommands.Refusal {
            return Self.apiError(
                Self.sentence(refusal.message), remedy: Self.remedy(for: .unprocessableContent),
                status: .unprocessableContent)
        } catch StoreError.caseNotFound(let reference) {
            return Self.apiError(
                "There is no case \(reference.rawValue).", remedy: Self.remedy(for: .notFound), status: .notFound)
        } catch let error as APIBodyError {
            return Self.apiError(error.message, remedy: Self.remedy(for: .badRequest), status: .badRequest)
        }
    }

    /// What to do about a refusal of its kind.
    static func remedy(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "check the reference: references are percent-encoded in paths (/ as %2F)"
        case .conflict: "read the case again (GET /api/cases/{ref}) and record what its state allows"
        case .badRequest: "send a JSON object whose keys are the step's fields (see /openapi.json)"
        default: "correct the value named and ask again"
        }
    }

    /// A JSON object's keys and values as a step's fields: a text as it is, a number as written, true or false
    /// for a flag, a list for a field given several times.
    static func body(_ request: Request) async throws -> [(name: String, value: String)] {
        let bytes = try await request.body.collect(upTo: bodyLimit)
        guard bytes.readableBytes > 0 else { return [] }
        let object: [String: APIValue]
        do {
            object = try JSONDecoder().decode([String: APIValue].self, from: Data(buffer: bytes))
        } catch {
            throw APIBodyError(message: "The body is not a JSON object of fields.")
        }
        return object.sorted { $0.key < $1.key }.flatMap { key, value in value.texts.map { (key, $0) } }
    }

    static func json(_ bytes: [UInt8]) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// A body that is not a JSON object of fields.
struct APIBodyError: Error {
    var message: String
}

/// A value of an API body's field.
enum APIValue: Decodable {
    case text(String)
    case number(Double)
    case yes(Bool)
    case list([APIValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let yes = try? container.decode(Bool.self) {
            self = .yes(yes)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .list(try container.decode([APIValue].self))
        }
    }

    /// The value as the texts a form would give.
    var texts: [String] {
        switch self {
        case .text(let text): [text]
        case .number(let number):
            [number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)]
        case .yes(let yes): [yes ? "true" : "false"]
        case .list(let values): values.flatMap(\.texts)
        }
    }
}
