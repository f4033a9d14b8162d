import FOIKit
import Foundation
import Mustache

/// The letters an FOI office sends, each made from the case by a template.
public enum LetterKind: String, CaseIterable, Sendable {
    case acknowledgement
    /// FOIA s.1(3), EIR reg 9, FOISA s.1(3): what is unclear, with advice; the clock has stopped.
    case clarification
    /// FOIA s.9, FOISA s.9, EIR reg 8: the amount and the last day to pay; UK GDPR Art. 12(5)(a), 15(3): the
    /// reasonable fee, from whose receipt the month runs.
    case feesNotice = "fees-notice"
    /// FOIA s.10(3) and s.17(2), EIR and EIR(S) reg 7, UK GDPR Art. 12(3): more time, and until when.
    case `extension`
    /// The answer, whatever the outcome: with the refusal notice where anything is refused.
    case response
    case reviewAcknowledgement = "review-acknowledgement"
    case reviewOutcome = "review-outcome"
}

extension LetterKind {
    /// The day of the step the letter gives notice of, where it is recorded: the acknowledgement's, the
    /// extension's (the s.17(1) notice is dated the day it was given, which decides whether it was in time), the
    /// response's, the request for review's, the review decision's.
    public func defaultDate(of file: Case) -> CivilDate? {
        switch self {
        case .acknowledgement: file.acknowledgedOn
        case .extension: file.extendedOn
        case .response: file.responses.last?.on
        case .reviewAcknowledgement: file.review?.requested
        case .reviewOutcome: file.review?.decided
        case .clarification: file.clarifications.last?.requested
        case .feesNotice: file.fees.last?.notice
        }
    }
}

/// Something a letter needs that the case or the profile does not hold yet, and how to record it.
public struct LetterGap: Hashable, Sendable, CustomStringConvertible {
    public enum Fix: Hashable, Sendable {
        case setting(AuthorityProfile.Field)
        case requestText
        /// Why the exemption is engaged.
        case reasoning(citation: String, part: Regime)
        /// The public interest factors and the balance of a qualified exemption.
        case publicInterest(citation: String, part: Regime)
        /// A refusal on cost's estimate of the whole job, how it was reached, and the advice on what could be
        /// provided within the limit: recorded with the response.
        case costEstimate
        /// The advice on narrowing a request refused as manifestly unreasonable (EIR reg 9), recorded with the
        /// response.
        case narrowingAdvice
        /// Who is preparing unfinished material, and when it will be finished (EIR reg 14(4)).
        case completion(citation: String, part: Regime)
        /// Why a subject access request is refused as manifestly unfounded or excessive, recorded with the response.
        case refusalReasons
        /// What an EIR or EIR(S) review that found a failure will do about it, and by when.
        case reviewAction
    }

    public var fix: Fix

    public var description: String {
        switch fix {
        case .setting(let field): field.meaning
        case .requestText: "the request's text"
        case .reasoning(let citation, _): "why \(citation) is engaged"
        case .publicInterest(let citation, _): "why \(citation) is engaged, and its public interest test"
        case .costEstimate: "the estimate of the whole job, its basis, and the advice on what the limit allows"
        case .reviewAction: "what the review decided to do about the failure it found, and by when"
        case .narrowingAdvice: "the advice on narrowing the request (regulation 9)"
        case .completion(let citation, _):
            "who is preparing the material \(citation) covers, and when it will be finished"
        case .refusalReasons: "why the request is manifestly unfounded or excessive (UK GDPR Article 12(4))"
        }
    }
}

/// Why a letter cannot be written.
public enum LetterError: Error, Equatable, Sendable {
    /// The case has no such step to write about (a review outcome with no review decided): what is missing.
    case doesNotFit(LetterKind, reason: String)
    /// Parts the letter needs are missing; `--draft` writes it with the gaps marked.
    case missing(LetterKind, [LetterGap])
    /// A template that cannot be read or rendered: its name, and why (with the line).
    case template(name: String, reason: String)
    /// Welsh was asked for, and the request is under a regime of Scotland (FOISA, the EIR(S)), which Welsh letters
    /// do not cover: it is answered in English.
    case notInWelsh(LetterKind, Regime)
}

/// A letter written: its Markdown text, and the gaps a draft marks.
public struct Letter: Sendable {
    public var kind: LetterKind
    public var reference: CaseReference
    /// The letter in each language it is written in: one, or (bilingual) the Welsh then the English.
    var versions: [(language: LetterVocabulary, markdown: String)]
    public var gaps: [LetterGap]

    /// The whole letter's Markdown: a bilingual letter's versions with a thematic break (`---`) between them, where
    /// the page breaks in its other formats.
    public var markdown: String {
        versions.map(\.markdown).joined(separator: "\n---\n\n")
    }

    /// The title its HTML page and Word document carry: `004078/20 – response`.
    var title: String { "\(reference) – \(kind.rawValue.replacing("-", with: " "))" }

    /// The letter as one self-contained HTML page, in its language (a bilingual one's versions each in theirs).
    public var html: String {
        HTMLPage.wrap(title: title, body: bodyHTML, language: versions[0].language.tag)
    }

    /// The letter's text as HTML, without a page around it.
    public var bodyHTML: String {
        guard versions.count > 1 else { return LetterDocument(markdown: markdown).bodyHTML }
        return versions.map {
            "<div lang=\"\($0.language.tag)\">\n\(LetterDocument(markdown: $0.markdown).bodyHTML)</div>\n"
        }.joined(separator: "<hr class=\"page-break\">\n")
    }

    /// The letter as a Word document's bytes, on the authority's letterhead where there is one; each version in its
    /// proofing language, a bilingual letter's English on a new page.
    public func docx(letterhead: WordLetterhead? = nil) throws -> Data {
        let languages = versions.map(\.language)
        let footer =
            languages == [.welsh]
            ? LetterFooter(reference: "Ein cyfeirnod: \(reference)", page: "Tudalen", of: "o")
            : languages.count > 1
                ? LetterFooter(
                    reference: "Ein cyfeirnod / Our reference: \(reference)", page: "Tudalen / Page", of: "o / of")
                : LetterFooter(reference: "Our reference: \(reference)", page: "Page", of: "of")
        return try LetterDocument.docx(
            versions.map { (LetterDocument(markdown: $0.markdown), $0.language.tag) }, title: title, footer: footer,
            letterhead: letterhead)
    }

    /// The SHA-256 of the whole Markdown text, in hex: what the letter-issued event records.
    public var digest: String { SHA256.hex(Array(markdown.utf8)) }
}

/// Everything a letter is made from.
public struct LetterSource: Sendable {
    public var detail: CaseDetail
    public var profile: AuthorityProfile
    public var calendars: Calendars
    public var catalogue: ExemptionCatalogue
    /// The letter's date.
    public var date: CivilDate
    /// The copy published in the disclosure log: addressed to no one, and restating the request by its title for
    /// publication rather than in the requester's words (which can name people).
    public var forPublication: Bool

    public init(
        detail: CaseDetail, profile: AuthorityProfile, calendars: Calendars, catalogue: ExemptionCatalogue,
        date: CivilDate, forPublication: Bool = false
    ) {
        self.detail = detail
        self.profile = profile
        self.calendars = calendars
        self.catalogue = catalogue
        self.date = date
        self.forPublication = forPublication
    }
}

public enum LetterWriter {
    /// The profile fields every letter prints.
    static let requiredProfile: [AuthorityProfile.Field] = [.name, .address, .email, .reviewContact, .signature]

    /// Writes `kind` for the case with `templates` (name → Mustache source; each letter's template has the kind's
    /// name, and may use the partials `letterhead`, `rights` and `signoff`; a Welsh one's names end `-cy`), in the
    /// profile's letter language. Refused when the case has no such
    /// step, or (unless `draft`) when a part is missing; a draft marks each gap in the text.
    public static func write(
        _ kind: LetterKind, from source: LetterSource, templates: [String: String], draft: Bool
    ) throws(LetterError) -> Letter {
        try requireFit(kind, source.detail.file)
        let language = source.profile[.letterLanguage].flatMap(LetterLanguage.init(rawValue:)) ?? .english
        let vocabularies: [LetterVocabulary] =
            switch language {
            case .english: [.english]
            case .welsh: [.welsh]
            case .bilingual: [.welsh, .english]
            }
        let regime = source.detail.file.regime
        if vocabularies.contains(.welsh) && (regime == .foisa || regime == .eirs) {
            throw .notInWelsh(kind, regime)
        }
        var gaps: [LetterGap] = []
        var contexts: [(LetterVocabulary, [String: Any])] = []
        for vocabulary in vocabularies {
            var context = LetterContext(source: source, kind: kind, vocabulary: vocabulary)
            contexts.append((vocabulary, context.build()))
            gaps += context.gaps.filter { !gaps.contains($0) }
        }
        if !gaps.isEmpty && !draft { throw .missing(kind, gaps) }
        // A template nested deep enough to exhaust the parser's stack, or with tags enough to take it minutes, is
        // refused before the parser sees it.
        try LetterTemplateCheck.checkShape(templates)
        // Registered before the templates are read: each one names its content type in its first line.
        MustacheContentTypes.register(MarkdownText(), named: "MARKDOWN")
        var library = MustacheLibrary()
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register("{{% CONTENT_TYPE: MARKDOWN}}" + text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw .template(name: name, reason: "line \(error.context.lineNumber): \(Self.describe(error.error))")
            } catch {
                throw .template(name: name, reason: "\(error)")
            }
        }
        try LetterTemplateCheck.check(templates)
        var versions: [(language: LetterVocabulary, markdown: String)] = []
        for (vocabulary, values) in contexts {
            let name = kind.rawValue + vocabulary.templateSuffix
            guard let text = library.render(values, withTemplate: name) else {
                throw .template(name: name, reason: "there is no template of that name")
            }
            versions.append((vocabulary, tidy(text)))
        }
        return Letter(kind: kind, reference: source.detail.file.reference, versions: versions, gaps: gaps)
    }

    /// Refuses a letter about a step the case has not taken.
    static func requireFit(_ kind: LetterKind, _ file: Case) throws(LetterError) {
        switch kind {
        case .acknowledgement:
            return
        case .clarification where file.clarifications.last?.requested == nil:
            throw .doesNotFit(kind, reason: "no clarification has been requested")
        case .feesNotice where file.fees.isEmpty:
            throw .doesNotFit(kind, reason: "no fees notice has been issued")
        case .extension
        where file.status != .extended && file.publicInterestExtension == nil
            && !file.statutoryExtension:
            throw .doesNotFit(kind, reason: "the deadline has not been extended")
        case .response where file.responses.isEmpty:
            throw .doesNotFit(kind, reason: "no response has been recorded")
        case .response where file.responses.last?.outcome == .noResponseRequired:
            throw .doesNotFit(kind, reason: "s.17(6) needs no response: the earlier notice stands")
        case .reviewAcknowledgement where file.review == nil:
            throw .doesNotFit(kind, reason: "no internal review has been requested")
        case .reviewOutcome where file.review?.decision == nil:
            throw .doesNotFit(kind, reason: "no internal review has been decided")
        default:
            return
        }
    }

    /// A template's syntax error in words.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        return switch error {
        case .sectionCloseNameIncorrect: "a section is closed with another section's name"
        case .unfinishedName: "a tag is not closed with }}"
        case .expectedSectionEnd: "a section ({{#name}} or {{^name}}) is never closed ({{/name}})"
        case .invalidSetDelimiter: "a delimiter change ({{=...=}}) is malformed"
        case .unrecognisedConfigVariable, .invalidConfigVariableSyntax: "a {{% ...}} setting is not one foi knows"
        default: "\(error)"
        }
    }

    /// At most one blank line in a row, none at the start, one newline at the end: templates may leave gaps where
    /// a section is left out.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }.isEmpty ? "" : line
            if trimmed.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Text put into Markdown: the characters Markdown would read as formatting are escaped, so that what a requester
/// or officer typed prints as typed (and, converted to HTML or Word, can never become markup). That includes what
/// only a renderer elsewhere (a mail client, a wiki) would read: strikethrough (`~`), a table (`|`), the `]` that
/// makes a link, an image or a link's definition (`](`, `][`, `]:`) and the `&` of an entity (`&amp;`, `&#60;`). A
/// bracket or an ampersand that makes none of these stays as typed (`[MISSING: …]`, `Smith & Co`).
struct MarkdownText: MustacheContentType {
    func escapeText(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(Self.escapeLine).joined(separator: "\n")
    }

    static func escapeLine(_ line: Substring) -> String {
        var escaped = ""
        var rest = line[...]
        while let character = rest.popFirst() {
            let next = rest.first
            switch character {
            case "\\", "`", "*", "_", "<", "~", "|": escaped.append("\\")
            case "]" where next == "(" || next == "[" || next == ":": escaped.append("\\")
            case "&" where isEntity(rest): escaped.append("\\")
            default: break
            }
            escaped.append(character)
        }
        // A line that would start a heading, a list item or a quotation. (A numbered line, `1.`, is left as typed:
        // references such as 01.FOI.23.028767 start with digits and a dot, and a list is what such a line means.)
        if let first = escaped.first, "#-+>".contains(first) { return "\\" + escaped }
        return escaped
    }

    /// Whether `rest`, after an `&`, is an entity's name or number and its `;`.
    static func isEntity(_ rest: Substring) -> Bool {
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#") }
        return !name.isEmpty && rest.dropFirst(name.count).first == ";"
    }
}
