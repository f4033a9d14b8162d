import FOICommandLine
import FOIKit
import FOIViews
import Foundation
import HTTPTypes
import Hummingbird

/// The office's figures: the report (the page `foi report` writes) and the statistical returns (`foi stats`), each
/// the command line's own command; for every role that sees the cases as a whole (not contributors).
extension WebServer {
    static let figures: [WebPages.Figure] = [
        (StepCommands.Figures.report, "Report", "The quarter's timeliness and activity, as a page to publish."),
        (.timeliness, "Timeliness", "Requests and reviews answered in time, by period and kind."),
        (.delays, "Late days", "Where the late days went: what each late response waited on, and on whom."),
        (.cabinetOffice, "Cabinet Office return", "The figures of the Cabinet Office's quarterly FOI statistics."),
        (.s45, "Section 45 return", "The figures the s.45 Code of Practice asks authorities to publish."),
        (.sic, "Scottish Information Commissioner return", "The quarterly statistics the SIC collects."),
    ].map {
        WebPages.Figure(
            name: $0.0.rawValue, title: $0.1, summary: $0.2, form: StepCommands.form(of: $0.0), isTable: $0.0 != .report
        )
    }

    /// The report's own style is inline (it is a page to publish on its own): allowed there, and nothing else.
    static let reportPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

    func addFigureRoutes(to router: Router<BasicRequestContext>) {
        router.get("figures") { request, _ in
            try await asFigureReader(request) { user, formToken in
                Self.html(WebPages.figuresPage(Self.figures, user: user, formToken: formToken))
            }
        }
        router.get("figures/:name") { request, context in
            try await asFigureReader(request) { user, formToken in
                guard let kind = StepCommands.Figures(rawValue: context.parameters.get("name") ?? ""),
                    let figure = Self.figures.first(where: { $0.name == kind.rawValue })
                else {
                    return Self.html(
                        WebPages.refusal(title: "No such figures", message: "foi makes no such figures."),
                        status: .notFound)
                }
                let query = FormFields(encoded: request.uri.query ?? "")
                let format = figure.isTable ? OutputFormat(rawValue: query["format"] ?? "table") ?? .table : nil
                let output: Data
                do {
                    output = try await StepCommands.figures(
                        kind, values: query.values(of: figure.form), format: format, storage: storage, today: today())
                } catch let refusal as StepCommands.Refusal {
                    return Self.html(
                        WebPages.figuresPage(
                            Self.figures, message: "\(figure.title): \(Self.sentence(refusal.message))", user: user,
                            formToken: formToken), status: .unprocessableContent)
                }
                var headers: HTTPFields = [:]
                switch format {
                case nil:
                    headers[.contentType] = "text/html; charset=utf-8"
                    headers[.contentSecurityPolicy] = Self.reportPolicy
                case .json?:
                    headers[.contentType] = "application/json"
                case .csv?:
                    headers[.contentType] = "text/csv; charset=utf-8"
                    headers[.contentDisposition] = "attachment; filename=\"\(figure.name).csv\""
                default:
                    return Self.html(
                        WebPages.figureTablePage(
                            figure, text: String(decoding: output, as: UTF8.self), user: user, formToken: formToken))
                }
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: output)))
            }
        }
    }

    func asFigureReader(_ request: Request, _ body: (User, String) async throws -> Response) async throws -> Response {
        try await asSignedIn(
            request, form: nil, allowed: \.role.seesRequesters,
            refusal: "The figures are the office's; your role sees the cases it has tasks on."
        ) { try await body($0, $1) }
    }
}
