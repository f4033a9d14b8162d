import FOIKit
import Foundation

/// The letters of a case in foi-server: each previewed in the page, downloaded as Markdown, HTML or Word, and
/// recorded as issued.
extension WebPages {
    /// `response` as `Response`, `fees-notice` as `Fees notice`.
    static func title(of kind: LetterKind) -> String {
        StepField.words(kind.rawValue)
    }

    /// The path of a letter's page (`format`: a download, as `md`, `html` or `docx`), a draft's with `?draft=yes`.
    public static func letterPath(_ reference: CaseReference, _ kind: LetterKind, format: String? = nil, draft: Bool)
        -> String
    {
        casePath(reference) + "/letters/\(kind.rawValue)" + (format.map { "/\($0)" } ?? "")
            + (draft ? "?draft=yes" : "")
    }

    /// The section of a case's page that lists its letters.
    static func lettersSection(_ reference: CaseReference) -> String {
        "<h2>Letters</h2>\n<ul>\n"
            + LetterKind.allCases.map {
                "<li><a href=\"\(escape(letterPath(reference, $0, draft: false)))\">\(escape(title(of: $0)))</a></li>\n"
            }.joined() + "</ul>\n"
    }

    /// A letter's page: the letter as it would go out (`draft`: with its gaps marked), links to download it, and,
    /// where `issuing` (a user who records steps, a letter that is not a draft), a form to record it as issued,
    /// carrying the form token and the case's `steps`.
    public static func letterPage(
        _ letter: Letter, on summary: CaseSummary, draft: Bool, issuing: Bool, steps: Int, notice: String? = nil,
        user: User, formToken: String
    ) -> String {
        let reference = summary.ref
        let name = title(of: letter.kind)
        var body = "<p><a href=\"\(escape(casePath(reference)))\">Back to \(escape(reference.rawValue))</a></p>\n"
        body += outcome(notice: notice, message: nil)
        body += "<h1>\(escape(name)) letter\(draft ? " (draft)" : ""): \(escape(reference.rawValue))</h1>\n"
        let downloads = [("markdown", "md"), ("HTML", "html"), ("Word", "docx")].map { label, format in
            "<a href=\"\(escape(letterPath(reference, letter.kind, format: format, draft: draft)))\" download>"
                + "\(label)</a>"
        }
        body += "<p>Download: \(downloads.joined(separator: " · "))</p>\n"
        if issuing && !draft {
            body += """
                <form method="post" action="\(escape(letterPath(reference, letter.kind, draft: false)))">\
                \(hiddenFields(steps: steps, formToken: formToken))
                <p class="hint">Record that this letter was sent: the case's history keeps its SHA-256.</p>
                <div><button type="submit">Record the \(escape(name.lowercased())) letter as issued</button></div>
                </form>

                """
        }
        body +=
            "<article class=\"letter\" aria-label=\"The letter\">\n\(headingsUnderThePage(letter.bodyHTML))</article>\n"
        return page(title: "\(name) letter – \(reference.rawValue)", body: body, user: user, formToken: formToken)
    }

    /// Where what a letter misses is given, in the pages' words.
    static func whereRecorded(_ fix: LetterGap.Fix) -> String {
        switch fix {
        case .setting(let field): "an admin sets it, as \(field.rawValue), on the Settings page"
        case .requestText: "give it with the Request step"
        case .reasoning, .publicInterest, .completion: "give it with the Reason step"
        case .refusalReasons, .narrowingAdvice, .costEstimate:
            "it is recorded with the response: reopen the case, then respond again with it"
        case .reviewAction: "it is recorded with the review's outcome (the Review step)"
        }
    }

    /// A letter's HTML with each heading one level down, so that the page's own heading stays its only first one.
    static func headingsUnderThePage(_ html: String) -> String {
        (1...5).reversed().reduce(html) { html, level in
            html.replacing("<h\(level)", with: "<h\(level + 1)").replacing("</h\(level)>", with: "</h\(level + 1)>")
        }
    }

    /// Why a letter cannot be written yet: `reason`, and, where parts are missing (`gaps`), each of them and a link
    /// to the draft that marks them.
    public static func letterRefusalPage(
        _ kind: LetterKind, on reference: CaseReference, reason: String, gaps: [LetterGap], user: User,
        formToken: String
    ) -> String {
        var body = "<p><a href=\"\(escape(casePath(reference)))\">Back to \(escape(reference.rawValue))</a></p>\n"
        body += "<h1>\(escape(title(of: kind))) letter: \(escape(reference.rawValue))</h1>\n"
        body += "<p class=\"error\" role=\"alert\">\(escape(reason))</p>\n"
        if !gaps.isEmpty {
            body +=
                "<ul>\n" + gaps.map { "<li>\(escape("\($0.description): \(whereRecorded($0.fix))"))</li>\n" }.joined()
                + "</ul>\n"
            body +=
                "<p><a href=\"\(escape(letterPath(reference, kind, draft: true)))\">See the draft with each gap "
                + "marked</a></p>\n"
        }
        return page(
            title: "\(title(of: kind)) letter – \(reference.rawValue)", body: body, user: user, formToken: formToken)
    }
}
