import FOIApp
import FOICommandLine
import FOIKit
import FOIViews
import Foundation
import Hummingbird

/// A case's letters: previewed in the page, downloaded as Markdown, HTML or Word (never recorded), and recorded as
/// issued by a user who records steps; written as `foi letter` writes them. Not for contributors: a letter is
/// addressed to the requester.
extension WebServer {
    func addLetterRoutes(to router: Router<BasicRequestContext>) {
        router.get("cases/:ref/letters/:kind") { request, context in
            try await asLetterReader(request, context) { user, formToken, reference, kind in
                let draft = FormFields(encoded: request.uri.query ?? "")["draft"].flatMap(StepForm.yesOrNo) == true
                return try await letterPage(kind, on: reference, draft: draft, user: user, formToken: formToken)
            }
        }
        router.get("cases/:ref/letters/:kind/:format") { request, context in
            try await asLetterReader(request, context) { user, formToken, reference, kind in
                guard
                    let format = LetterFormat.allCases.first(where: {
                        $0.fileExtension == context.parameters.get("format")
                    })
                else {
                    return Self.html(
                        WebPages.refusal(title: "No such format", message: "foi writes letters as md, html or docx."),
                        status: .notFound)
                }
                let draft = FormFields(encoded: request.uri.query ?? "")["draft"].flatMap(StepForm.yesOrNo) == true
                do {
                    let (_, bytes) = try await StepCommands.letter(
                        kind, about: reference, in: format, draft: draft, recording: false, storage: storage,
                        actor: .user(user.id), today: today())
                    let name = "\(reference.rawValue)-\(kind.rawValue)\(draft ? "-draft" : "").\(format.fileExtension)"
                        .replacing(try Regex("[^A-Za-z0-9._-]"), with: "-")
                    return Response(
                        status: .ok,
                        headers: [
                            .contentType: format.mediaType,
                            .contentDisposition: "attachment; filename=\"\(name)\"",
                        ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
                } catch {
                    return try await letterRefusal(error, kind, on: reference, user: user, formToken: formToken)
                }
            }
        }
        router.post("cases/:ref/letters/:kind") { request, context in
            let form = try await Self.form(request, context)
            return try await asStepRecorder(request, form: form) { user, formToken in
                let reference = Self.reference(context)
                guard let kind = LetterKind(rawValue: context.parameters.get("kind") ?? "") else {
                    return Self.noLetter
                }
                let issued = await once(on: reference, drawnWith: Int(form["steps"] ?? "")) {
                    _ = try await StepCommands.letter(
                        kind, about: reference, in: .markdown, draft: false, recording: true, storage: storage,
                        actor: .user(user.id), today: today())
                    return .recorded([reference])
                }
                switch issued {
                case .recorded:
                    return try await letterPage(
                        kind, on: reference, draft: false, user: user, formToken: formToken,
                        notice: "Recorded as issued: the history keeps the letter's SHA-256.")
                case .refused(let message, let status):
                    return Self.html(WebPages.refusal(title: "Not recorded", message: message), status: status)
                }
            }
        }
    }

    static var noLetter: Response {
        html(WebPages.refusal(title: "No such letter", message: "foi writes no such letter."), status: .notFound)
    }

    /// Answers `request` for a signed-in user who sees requesters, with the case and the letter kind of its path.
    func asLetterReader(
        _ request: Request, _ context: BasicRequestContext,
        _ body: (User, String, CaseReference, LetterKind) async throws -> Response
    ) async throws -> Response {
        try await asSignedIn(
            request, form: nil, allowed: \.role.seesRequesters,
            refusal: "A letter is addressed to the requester, whom your role does not see."
        ) { user, formToken in
            guard let kind = LetterKind(rawValue: context.parameters.get("kind") ?? "") else { return Self.noLetter }
            return try await body(user, formToken, Self.reference(context), kind)
        }
    }

    func letterPage(
        _ kind: LetterKind, on reference: CaseReference, draft: Bool, user: User, formToken: String,
        notice: String? = nil
    ) async throws -> Response {
        do {
            let (letter, _) = try await StepCommands.letter(
                kind, about: reference, in: .markdown, draft: draft, recording: false, storage: storage,
                actor: .user(user.id), today: today())
            let detail = try await storage.loadDetail(reference).detail
            return Self.html(
                WebPages.letterPage(
                    letter, on: detail.summary, draft: draft, issuing: user.role.recordsSteps,
                    steps: detail.events.count, notice: notice, user: user, formToken: formToken))
        } catch {
            return try await letterRefusal(error, kind, on: reference, user: user, formToken: formToken)
        }
    }

    /// Why the letter `kind` cannot be written: what is missing (and the draft), or another refusal.
    func letterRefusal(
        _ error: any Error, _ kind: LetterKind, on reference: CaseReference, user: User, formToken: String
    ) async throws -> Response {
        let reason: String
        var gaps: [LetterGap] = []
        switch error {
        case LetterError.missing(_, let missing):
            reason = "The \(kind.rawValue.replacing("-", with: " ")) letter cannot be written yet: parts are missing."
            gaps = missing
        case LetterError.doesNotFit(_, let why): reason = Self.sentence(why)
        case LetterError.notInWelsh(_, let regime):
            reason =
                "Welsh letters are for FOIA, the EIR and UK GDPR; a request under \(regime.shortName) is "
                + "answered in English (the letter-language setting)."
        case LetterError.template(let name, let why): reason = "The letter template '\(name)' cannot be used: \(why)."
        default:
            guard case .refused(let message, let status) = Self.refusal(error, on: reference) else { throw error }
            return Self.html(WebPages.refusal(title: "No letter", message: message), status: status)
        }
        return Self.html(
            WebPages.letterRefusalPage(
                kind, on: reference, reason: reason, gaps: gaps, user: user, formToken: formToken), status: .conflict)
    }
}
