import FOIKit
import FOIResources
import Foundation
import Testing

@testable import FOIViews

/// The letter machinery below the command: Markdown escaping, the Markdown read back for HTML, and the templates.
@Suite struct LetterTests {
    /// What a requester typed prints as typed: formatting characters are escaped, and a line that would start a
    /// heading, a list item or a quotation is escaped at its start.
    @Test func typedTextCannotBecomeMarkdown() {
        let escape = MarkdownText().escapeText
        #expect(escape("a *b* _c_ `d` <e> \\f") == #"a \*b\* \_c\_ \`d\` \<e> \\f"#)
        #expect(
            escape("# not a heading\n- not an item\n> not a quote\n1. a numbered line") == """
                \\# not a heading
                \\- not an item
                \\> not a quote
                1. a numbered line
                """)
        let document = LetterDocument(markdown: "Text: " + escape("**<b>** & #1") + "\n")
        #expect(document.blocks == [.paragraph([[.init(text: "Text: **<b>** & #1", bold: false)]])])
        #expect(document.html(title: "t").contains("<p>Text: **&lt;b&gt;** &amp; #1</p>"))
    }

    @Test func theTemplatesSubsetOfMarkdownIsRead() {
        let document = LetterDocument(
            markdown: "# Title\n\nLine one\nLine **two**\n\n- a\n- b\n\n> quoted\n>\n> again\n\n### Small\n")
        #expect(
            document.blocks == [
                .heading(level: 1, [.init(text: "Title", bold: false)]),
                .paragraph([
                    [.init(text: "Line one", bold: false)],
                    [.init(text: "Line ", bold: false), .init(text: "two", bold: true)],
                ]),
                .bullets([[.init(text: "a", bold: false)], [.init(text: "b", bold: false)]]),
                .quotation([[.init(text: "quoted", bold: false)], [], [.init(text: "again", bold: false)]]),
                .heading(level: 3, [.init(text: "Small", bold: false)]),
            ])
    }

    /// Every file of `templates/` is compiled in under its name, as it is on disk.
    @Test func everyTemplateFileIsBuiltIn() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".mustache") }
        #expect(Set(files.map { String($0.dropLast(9)) }) == Set(Seeds.letterTemplates.keys))
        for file in files {
            #expect(
                Seeds.letterTemplates[String(file.dropLast(9))]
                    == (try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)))
        }
        for kind in LetterKind.allCases { #expect(Seeds.letterTemplates[kind.rawValue] != nil) }
    }

    /// A template that does not parse is refused with its name and line.
    @Test func aMalformedTemplateNamesItsLine() throws {
        let file = Case(
            reference: CaseReference(rawValue: "X"), received: d("2026-11-02"),
            receipt: Receipt(regime: .foia, subject: "Bins"))
        let detail = CaseDetail(
            summary: open, events: [], deadline: try file.deadline(calendars: calendars), file: file, clocks: [])
        let source = LetterSource(
            detail: detail, profile: AuthorityProfile(), calendars: calendars,
            catalogue: try ExemptionCatalogue(json: Seeds.exemptionsJSON), date: d("2026-11-03"))
        var templates = Seeds.letterTemplates
        templates["acknowledgement"] = "Dear {{name}},\n{{#open}}\nnever closed\n"
        #expect(throws: LetterError.self) {
            try LetterWriter.write(.acknowledgement, from: source, templates: templates, draft: true)
        }
        do {
            _ = try LetterWriter.write(.acknowledgement, from: source, templates: templates, draft: true)
        } catch {
            guard case .template(let name, let reason) = error else { throw error }
            #expect(name == "acknowledgement")
            // The parser stops where the section should have ended: at the end of the template.
            #expect(reason == "line 4: a section ({{#name}} or {{^name}}) is never closed ({{/name}})")
        }
    }

    /// Every value a letter can hold is named in the list templates are checked against (and docs/LETTERS.md): a
    /// case with a response, exemptions of each kind with their reasoning, a search and a decided review.
    @Test func everyValueIsAKnownName() throws {
        let catalogue = try ExemptionCatalogue(json: Seeds.exemptionsJSON)
        let rules = CaseRules(catalogue: catalogue, calendars: calendars)
        let steps: [(String, CaseEvent)] = [
            ("2026-11-02", .requestRecorded(text: "1. Everything")),
            ("2026-11-03", .searchRecorded(Search(location: "Files", held: true, hours: 1))),
            (
                "2026-11-04",
                .exemptionApplied(ExemptionDecision(citation: "31(1)(a)", part: .foia, publicInterest: .maintain))
            ),
            (
                "2026-11-04",
                .exemptionApplied(ExemptionDecision(citation: "23(5)", part: .foia, neitherConfirmNorDeny: true))
            ),
            (
                "2026-11-05",
                .reasoningRecorded(
                    ExemptionReasoning(
                        citation: "31(1)(a)", part: .foia, engaged: "Harm", factorsFor: ["For"], factorsAgainst: ["No"],
                        balance: "Kept"))
            ),
            ("2026-11-20", .responded(.partiallyWithheld, ResponseDetails(advice: "Ask for less"))),
            ("2026-11-23", .reviewRequested(ReviewRequest())),
            ("2026-12-01", .reviewDecided(ReviewDecision(outcome: .upheld, withdrawnExemptions: ["23(5)"]))),
        ]
        let file = try Case(
            reference: CaseReference(rawValue: "X"), received: d("2026-11-02"),
            receipt: Receipt(regime: .foia, subject: "Bins")
        ).replaying(steps.map { RecordedEvent(date: d($0.0), event: $0.1) }, rules: rules, today: d("2026-12-02"))
        let detail = CaseDetail(
            summary: answered, requester: Requester(name: "A"), events: [],
            deadline: try file.deadline(calendars: calendars), file: file, clocks: try file.clocks(calendars: calendars)
        )
        let profile = AuthorityProfile(
            Dictionary(uniqueKeysWithValues: AuthorityProfile.Field.allCases.map { ($0, "x") }))
        func keys(_ value: Any) -> Set<String> {
            switch value {
            case let object as [String: Any]: Set(object.keys).union(object.values.flatMap(keys))
            case let array as [Any]: array.reduce(into: []) { $0.formUnion(keys($1)) }
            default: []
            }
        }
        for kind in LetterKind.allCases {
            var context = LetterContext(
                source: LetterSource(
                    detail: detail, profile: profile, calendars: calendars, catalogue: catalogue,
                    date: d("2026-12-02")),
                kind: kind)
            let unknown = keys(context.build()).subtracting(LetterContext.names)
            #expect(unknown.isEmpty, "\(kind): \(unknown.sorted())")
        }
    }
}
