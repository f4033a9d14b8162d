import FOITestSupport
import Foundation
import Testing

/// `foi letter`: the five published responses of ../shared/seeds as tests. Each demo case holds the request and
/// the reasoning in the demo's own words; completed as published, its response letter has the published one's
/// structure: the reference, the request restated, the decision and the refusal-notice statement with the same
/// exemption citations and subsections, the NCND statement where the published one has one, the reasoning of each
/// exemption, the public interest test of each qualified one, and the rights with their dates.
@Suite struct LetterCommandTests {
    let workspace: Workspace
    let today = "2026-11-21"

    init() throws {
        workspace = try Workspace()
        try workspace.ok(["demo"], today: today)
    }

    func letter(_ ref: String, _ kind: String = "response", _ more: [String] = []) throws -> String {
        let result = try workspace.run(["letter", ref, kind, "--preview"] + more, today: today)
        #expect(result.status == 0, "\(ref) \(kind): \(result.stderr)")
        return result.stdout
    }

    /// The sections in order: each text must follow the one before.
    func expectInOrder(_ text: String, _ parts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        var rest = text[...]
        for part in parts {
            guard let found = rest.range(of: part) else {
                Issue.record("'\(part)' is missing, or out of order", sourceLocation: sourceLocation)
                return
            }
            rest = rest[found.upperBound...]
        }
    }

    /// Leicestershire 004078/20: NCND in full under s.23(5), s.24(2) and s.31(3); answered on 5 Jan 2021, so the
    /// review may be asked for until 2 Mar 2021 (40 working days: Jan 6–29 (18), Feb 1–26 (38), Mar 1–2).
    @Test func leicestershireNeitherConfirmsNorDenies() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let text = try letter("004078/20")
        expectInOrder(
            text,
            [
                "Our reference: 004078/20", "Date: 5 January 2021", "received on 8 December 2020",
                "> How many planned terrorist attacks", "## Our decision",
                "can neither confirm nor deny whether it holds the information you asked for",
                "refusal notice under section 17", "- Section 23(5)", "- Section 24(2)", "- Section 31(3)",
                "does, or does not, exist", "### Section 23(5)", "absolute exemption",
                "### Section 24(2)", "**Factors favouring confirming or denying**",
                "**Factors against confirming or denying**",
                "**Balance test**", "### Section 31(3)", "**Balance test**", "by 2 March 2021",
                "Information Commissioner's Office", "Yours sincerely",
            ])
        #expect(!text.contains("any other information"))
        #expect(!text.contains("MISSING"))
    }

    /// MPS 01.FOI.23.028767: partly disclosed, investigations withheld under s.24(1) and s.31(1)(a)(b).
    @Test func counterTerrorismFiguresPartlyWithheld() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(
            ["respond", "01.FOI.23.028767", "--outcome", "partially-withheld", "--on", today], today: today)
        expectInOrder(
            try letter("01.FOI.23.028767"),
            [
                "Our reference: 01.FOI.23.028767", "> 1. How many investigations", "> 2. How many times",
                "I have decided to disclose some of it",
                "refusal notice under section 17 of the Freedom of Information",
                "- Section 24(1) – National security", "- Section 31(1)(a)(b) – Law enforcement",
                "released to the world", "### Section 24(1)", "**Factors favouring disclosure**",
                "**Factors against disclosure**", "**Balance test**", "### Section 31(1)(a)(b)", "**Balance test**",
                "If you are not satisfied",
            ])
    }

    /// MPS 01.FOI.23.034376: partly disclosed under s.24(1), s.27(1)(a)(c), s.31(1)(a)(b), and NCND for "any other
    /// information" under s.23(5) and s.24(2).
    @Test func overseasDeploymentsWithNCNDForAnyOtherInformation() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(
            ["respond", "01.FOI.23.034376", "--outcome", "partially-withheld", "--on", today], today: today)
        let text = try letter("01.FOI.23.034376")
        expectInOrder(
            text,
            [
                "> For the period 1 January 2023", "> 1) Which countries", "> 3) Why was each deployment made?",
                "I have decided to disclose some of it", "- Section 24(1)",
                "- Section 27(1)(a)(c) – International relations",
                "- Section 31(1)(a)(b)",
                "In addition, Demo Police Service can neither confirm nor deny whether it holds any "
                    + "other information", "- Section 23(5)", "- Section 24(2)", "### Section 24(1)",
                "### Section 27(1)(a)(c)", "### Section 31(1)(a)(b)", "### Section 23(5)", "(neither confirm nor deny)",
                "### Section 24(2)", "**Factors favouring confirming or denying**",
            ])
        #expect(!text.contains("whether it holds the information you asked for"))
    }

    /// MPS 01.FOI.21.022343: clarified, then part A withheld under s.31(1)(a)(b); reasoning recorded from files.
    @Test func specialistOperationsAfterClarification() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let ref = "01.FOI.21.022343"
        let files = workspace.directory
        try Data("Rank-by-rank numbers for each unit would show where protection is thin.\n".utf8)
            .write(to: files.appendingPathComponent("engaged.txt"))
        try Data("Openness about how policing is organised.\n\nAccountability for resources.\n".utf8)
            .write(to: files.appendingPathComponent("for.txt"))
        try Data("Criminals could target the weakest units.\n".utf8).write(
            to: files.appendingPathComponent("against.txt"))
        try workspace.ok(["clarify", ref, "--received", "2026-11-16"], today: today)
        try workspace.ok(["exempt", ref, "--section", "31(1)(a)(b)", "--public-interest", "maintain"], today: today)
        try workspace.ok(
            [
                "reason", ref, "--section", "s.31(1)(a)(b)", "--engaged-file",
                files.appendingPathComponent("engaged.txt").path,
                "--for-file", files.appendingPathComponent("for.txt").path, "--against-file",
                files.appendingPathComponent("against.txt").path, "--balance",
                "The balance favours withholding part A.", "--request-part", "A",
            ], today: today)
        try workspace.ok(["respond", ref, "--outcome", "partially-withheld"], today: today)
        expectInOrder(
            try letter(ref),
            [
                "> Further to an earlier request", "> A. How many officers", "> B. What is the chain",
                "> C. Which portfolios",
                "- Section 31(1)(a)(b)", "### Section 31(1)(a)(b)", "Rank-by-rank numbers",
                "This applies to part A of your request.", "- Openness about how policing is organised.",
                "- Accountability for resources.",
                "- Criminals could target the weakest units.", "The balance favours withholding part A.",
            ])
    }

    /// A s.12 refusal states the estimate of the whole job at £25 an hour against the authority's own limit (the
    /// demo force is outside Schedule 1 Part I: £450), its basis, and the s.16 advice.
    @Test func aCostLimitRefusalGivesTheEstimateAndAdvice() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let request = workspace.directory.appendingPathComponent("request.txt")
        try Data("Every email sent by the force since 2010 that mentions drones.\n".utf8).write(to: request)
        try workspace.ok(
            ["log", "--subject", "Drone emails", "--received", "2026-11-02", "--request-file", request.path],
            today: today)
        let ref = "FOI-2026-000001"
        try workspace.ok(["search", ref, "--location", "Email archive", "--held", "--hours", "30.5"], today: today)
        try workspace.ok(
            [
                "respond", ref, "--outcome", "refused-s12", "--advice", "A request for 2025 alone could be answered.",
                "--estimate-hours", "30.5", "--estimate-basis", "searching 1,220 mailboxes at 90 seconds each",
            ], today: today)
        expectInOrder(
            try letter(ref),
            [
                "> Every email sent by the force since 2010", "(£450, with staff time at £25 an hour)",
                "(section 12 of the Act)",
                "Our estimate is 30.5 hours of work, £763: searching 1,220 mailboxes at 90 seconds each.",
                "## Advice and assistance",
                "A request for 2025 alone could be answered.", "If you are not satisfied",
            ])
    }

    /// MPS 01.FOI.22.024312: two documents disclosed with redactions under s.24(1), s.31(1)(a)(b) and
    /// s.40(2)(3A)(a), the last absolute (the first condition, s.40(3A)(a)).
    @Test func metBatsDocumentsRedacted() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(
            ["respond", "01.FOI.22.024312", "--outcome", "partially-withheld", "--on", today], today: today)
        expectInOrder(
            try letter("01.FOI.22.024312"),
            [
                "> 1. Please send me any policies", "> 2. Please send me a copy", "- Section 24(1)",
                "- Section 31(1)(a)(b) –",
                "- Section 40(2)(3A)(a) – Personal information", "### Section 40(2)(3A)(a)", "absolute exemption",
                "first data protection principle",
            ])
    }

    /// A letter with parts missing is refused with each one and the command that records it, and writes nothing;
    /// --draft marks the gaps; issuing one records a letter-issued event with its digest.
    @Test func missingPartsDraftsAndIssuing() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["log", "--subject", "Bins", "--received", "2026-11-02"], today: today)
        let ref = "FOI-2026-000001"
        try workspace.ok(["exempt", ref, "--section", "31(1)(a)", "--public-interest", "maintain"], today: today)
        try workspace.ok(["respond", ref, "--outcome", "withheld-in-full"], today: today)
        let events = try workspace.eventCount()
        let refused = try workspace.run(["letter", ref, "response"], today: today)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(
            refused.stderr.hasPrefix(
                "Error: cannot write the response letter: missing the request's text "
                    + "(foi request FOI-2026-000001 --file FILE); why 31(1)(a) is engaged, and its public interest "
                    + "test (foi reason FOI-2026-000001 --section 31(1)(a) --engaged-file FILE --for-file FILE"))
        #expect(try workspace.eventCount() == events)
        let draft = try workspace.run(["letter", ref, "response", "--draft"], today: today)
        #expect(draft.status == 0)
        #expect(draft.stdout.contains("> [MISSING: the request's text]"))
        #expect(try workspace.eventCount() == events)

        let request = workspace.directory.appendingPathComponent("request.txt")
        try Data("1) <script>alert(1)</script> & *everything*\n2) The rest\n".utf8).write(to: request)
        try workspace.ok(["request", ref, "--file", request.path], today: today)
        let acknowledgement = try workspace.run(["letter", ref, "acknowledgement"], today: today)
        #expect(acknowledgement.status == 0, "\(acknowledgement.stderr)")
        // Received Mon 2 Nov 2026: Nov 3–27 (19), St Andrew's Day Mon 30 Nov skipped (FOIA counts every part of
        // the UK), Tue 1 Dec (20).
        #expect(acknowledgement.stdout.contains("no later than 1 December 2026"))
        #expect(acknowledgement.stdout.contains(#"> 1) \<script>alert(1)\</script> & \*everything\*"#))
        let history = try #require(try workspace.json(["history", ref]) as? [[String: Any]])
        let issued = try #require(history.last?["event"] as? [String: Any])
        #expect(history.last?["kind"] as? String == "letter-issued")
        #expect(issued["letter"] as? String == "acknowledgement")
        #expect((issued["digest"] as? String)?.count == 64)
        let html = try workspace.run(["letter", ref, "acknowledgement", "--format", "html", "--preview"], today: today)
        #expect(html.stdout.contains("<blockquote><p>1) &lt;script&gt;alert(1)&lt;/script&gt; &amp; *everything*<br>"))
        #expect(!html.stdout.contains("<script>"))

        for (arguments, status, message) in [
            (["letter", ref, "review-outcome"], 1, "no internal review has been decided"),
            (["letter", ref, "fees-notice"], 1, "no fees notice has been issued"),
            (["letter", ref, "thank-you"], 64, "thank-you"),
            (["letter", "NO-SUCH", "response"], 1, "no case 'NO-SUCH'"),
        ] {
            let result = try workspace.run(arguments, today: today)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("Error: ") && result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }
}

extension LetterCommandTests {
    /// The built-in templates written out, edited and used: an edit shows in the letter and the event names the
    /// directory; a misspelt variable or a missing partial is refused with its file and line, exit 65, nothing
    /// written; exporting over templates is refused.
    @Test func editedTemplates() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let directory = workspace.directory.appendingPathComponent("templates")
        #expect(try foi(["letter", "templates", "export", directory.path]).status == 0)
        let exported = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        // Twelve in English and their twelve in Welsh.
        #expect(exported.count == 24)
        let again = try foi(["letter", "templates", "export", directory.path])
        #expect(again.status == 1 && again.stderr.contains("exists; write into a new or empty directory"))

        let signoff = directory.appendingPathComponent("signoff.mustache")
        try Data("With best wishes from {{authority.name}},\n".utf8).write(to: signoff)
        try workspace.ok(["settings", "templates-dir", directory.path], today: today)
        let events = try workspace.json(["history", "004078/20"]) as? [[String: Any]]
        let letter = try workspace.run(["letter", "004078/20", "response"], today: today)
        #expect(letter.stdout.contains("\nWith best wishes from Demo Police Service,\n"), "\(letter.stderr)")
        // The case's searches found information, but a response neither confirming nor denying never says so.
        #expect(!letter.stdout.contains("we searched") && !letter.stdout.contains("was found"))
        let history = try #require(try workspace.json(["history", "004078/20"]) as? [[String: Any]])
        #expect(history.count == (events?.count ?? 0) + 1)
        #expect((history.last?["event"] as? [String: Any])?["template"] as? String == directory.path)

        let before = history.count
        for (text, message) in [
            (
                "Line one\nYours, {{authority.nmae}}\n",
                "signoff.mustache' cannot be used: line 2: 'authority.nmae' is "
                    + "not a letter variable"
            ),
            ("{{> footer}}\n", "signoff.mustache' cannot be used: line 1: there is no partial 'footer'"),
            ("{{#authority}}\nunclosed\n", "signoff.mustache' cannot be used: line 3: a section"),
        ] {
            try Data(text.utf8).write(to: signoff)
            let refused = try workspace.run(["letter", "004078/20", "response"], today: today)
            #expect(refused.status == 65, "\(text)")
            #expect(refused.stdout.isEmpty)
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
        }
        #expect(try #require(try workspace.json(["history", "004078/20"]) as? [[String: Any]]).count == before)
    }
}

extension LetterCommandTests {
    /// The paragraph library: a shipped paragraph copied into a case's reasoning, the authority's own replacing it
    /// for later cases only, and a paragraph for another section or role refused with nothing written.
    @Test func paragraphLibrary() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let ref = "01.FOI.23.028767"
        let listed = try workspace.run(["paragraphs", "--section", "31", "--format", "csv"])
        #expect(listed.stdout.hasPrefix("name,section,role,source,text\ns31-against,31,against,shipped,"))
        let shipped = try workspace.run(["paragraphs", "show", "s31-harm"]).stdout
        try workspace.ok(
            [
                "reason", ref, "--section", "31(1)(a)(b)", "--engaged-paragraph", "s31-harm", "--for-paragraph",
                "s31-for", "--against-paragraph", "s31-against", "--balance", "Withhold the investigations.",
            ], today: today)
        func reasoning() throws -> [String: Any]? {
            let shown = try workspace.show(ref, today: today)
            return (shown["reasoning"] as? [[String: Any]])?.first { $0["citation"] as? String == "31(1)(a)(b)" }
        }
        #expect(try reasoning()?["engaged"] as? String == String(shipped.dropLast()))
        #expect((try reasoning()?["factorsFor"] as? [String])?.count == 1)

        let own = workspace.directory.appendingPathComponent("own.txt")
        try Data("Our force's own words on law enforcement.\n".utf8).write(to: own)
        try workspace.ok(
            ["paragraphs", "add", "s31-harm", "--section", "31", "--role", "engaged", "--file", own.path], today: today)
        #expect(
            try workspace.run(["paragraphs", "show", "s31-harm"]).stdout
                == "Our force's own words on law enforcement.\n")
        #expect(try reasoning()?["engaged"] as? String == String(shipped.dropLast()))

        let events = try workspace.json(["history", ref]) as? [[String: Any]]
        for (arguments, message) in [
            (["--section", "24(1)", "--engaged-paragraph", "s31-harm"], "is engaged reasoning for section 31"),
            (["--section", "31(1)(a)(b)", "--engaged-paragraph", "s31-for"], "is for reasoning for section 31"),
            (["--section", "24(1)", "--engaged-paragraph", "nope"], "no paragraph 'nope' in the library"),
            (["--section", "24(1)"], "say why it is engaged"),
        ] {
            let result = try workspace.run(["reason", ref] + arguments, today: today)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect((try workspace.json(["history", ref]) as? [[String: Any]])?.count == events?.count)
    }
}

/// What a person sees: the HTML letter printed by headless Chromium, and the Word letter converted by LibreOffice,
/// each into a PDF whose text (pdftotext) carries the reference, the exemptions and the dates. Needs Debian's
/// `chromium`, `libreoffice-writer-nogui` and `poppler-utils` (`.ci/run` installs them).
@Suite struct LetterRenderingTests {
    static let expected = [
        "Our reference: 004078/20", "Section 23(5)", "Section 24(2)", "Section 31(3)", "by 2 March 2021",
        "Factors against confirming or denying", "Balance test",
    ]

    /// Runs `tool` with `arguments`, its output discarded; true if it succeeded.
    static func run(_ tool: String, _ arguments: [String]) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// The PDF's text, every run of white space as one space (lines wrap where the page ends them).
    static func text(ofPDF pdf: URL, pdftotext: String) throws -> String {
        try pages(ofPDF: pdf, pdftotext: pdftotext).joined(separator: " ")
    }

    /// Each page's text, every run of white space as one space (pdftotext ends each page with a form feed).
    static func pages(ofPDF pdf: URL, pdftotext: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdftotext)
        process.arguments = [pdf.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\u{0C}").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    /// LibreOffice and pdftotext, or nil (with the issue recorded) where they are missing.
    static func printingTools() -> (soffice: String, pdftotext: String)? {
        guard let soffice = ExternalTools.program("soffice"), let pdftotext = ExternalTools.program("pdftotext") else {
            Issue.record("install libreoffice-writer-nogui and poppler-utils to run this test")
            return nil
        }
        return (soffice, pdftotext)
    }

    /// The pages of the Word letter `docx` as LibreOffice prints it (with a profile of its own in `directory`).
    static func printed(_ docx: URL, in directory: URL, soffice: String, pdftotext: String) throws -> [String] {
        #expect(
            try run(
                soffice,
                [
                    "-env:UserInstallation=\(directory.appendingPathComponent("lo").absoluteString)", "--headless",
                    "--convert-to", "pdf", "--outdir", directory.path, docx.path,
                ]))
        let pdf = directory.appendingPathComponent(docx.deletingPathExtension().lastPathComponent + ".pdf")
        return try pages(ofPDF: pdf, pdftotext: pdftotext)
    }

    @Test(
        .tags(.externalTool),
        ExternalTools.needed(
            programs: ["soffice", "pdftotext"], install: "apt-get install libreoffice-writer-nogui poppler-utils"))
    func theWordLetterConvertsWithLibreOffice() throws {
        guard let (soffice, pdftotext) = Self.printingTools() else { return }
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["demo"], today: "2026-11-21")
        let docx = workspace.directory.appendingPathComponent("letter.docx")
        try workspace.ok(
            ["letter", "004078/20", "response", "--format", "docx", "--output", docx.path], today: "2026-11-21")
        let printed = try Self.printed(
            docx, in: workspace.directory, soffice: soffice, pdftotext: pdftotext
        ).joined(separator: " ")
        for expected in Self.expected { #expect(printed.contains(expected), "the Word letter lacks '\(expected)'") }
        // The same letter gives the same bytes.
        let again = workspace.directory.appendingPathComponent("again.docx")
        try workspace.ok(
            ["letter", "004078/20", "response", "--format", "docx", "--output", again.path, "--preview"],
            today: "2026-11-21")
        #expect(try Data(contentsOf: docx) == Data(contentsOf: again))
    }

    /// The letterhead python-docx writes, as an authority's would be: a logo and the council's name in the header,
    /// its address in the footer, Georgia for Normal text, a 3 cm left margin.
    static let letterheadScript = """
        import docx, struct, sys, zlib
        from docx.shared import Cm, Pt
        def chunk(kind, data):
            return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
        rows = b''.join(b'\\x00' + b'\\x20\\x60\\xa0' * 40 for _ in range(20))
        logo = sys.argv[1] + '.png'
        header = struct.pack('>IIBBBBB', 40, 20, 8, 2, 0, 0, 0)
        open(logo, 'wb').write(b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', header)
            + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
        document = docx.Document()
        document.styles['Normal'].font.name = 'Georgia'
        document.styles['Normal'].font.size = Pt(12)
        section = document.sections[0]
        section.left_margin = Cm(3)
        header = section.header.paragraphs[0]
        header.add_run().add_picture(logo, width=Cm(2))
        header.add_run(' Borsetshire County Council')
        section.footer.paragraphs[0].text = 'County Hall, Borchester BC1 1AA'
        document.add_paragraph('The letterhead body, which a letter replaces')
        document.save(sys.argv[1])
        """

    /// What python-docx reads of a Word letter, as JSON.
    static let readerScript = """
        import docx, json, sys
        document = docx.Document(sys.argv[1])
        section = document.sections[0]
        print(json.dumps({
            'header': [p.text for p in section.header.paragraphs],
            'pictures': len(section.header.part.package.image_parts),
            'footer': [p.text for p in section.footer.paragraphs],
            'font': document.styles['Normal'].font.name,
            'leftMargin': round(section.left_margin.cm, 1),
            'body': [p.text for p in document.paragraphs],
            'bullets': [p.text for p in document.paragraphs if p.style.name == 'List Bullet'],
        }))
        """

    /// Python's output for `script` run with `arguments`.
    static func python(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 failed")
        return text
    }

    /// The authority's Word letterhead, written by python-docx, is the letter's page: its header with the logo,
    /// its footer, its Normal style and its margins stay, the body is the letter's, and every page's footer also
    /// gives the reference and the page (read back by python-docx, and in the PDF LibreOffice prints).
    @Test(
        .tags(.externalTool),
        ExternalTools.needed(
            programs: ["soffice", "pdftotext"], pythonModules: ["docx"],
            install: "apt-get install libreoffice-writer-nogui poppler-utils python3-docx"))
    func theLetterIsWrittenIntoTheAuthoritysLetterhead() throws {
        guard let (soffice, pdftotext) = Self.printingTools() else { return }
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["demo"], today: "2026-11-21")
        let letterhead = workspace.directory.appendingPathComponent("letterhead.docx")
        _ = try Self.python(Self.letterheadScript, [letterhead.path])
        try workspace.ok(["settings", "letterhead-docx", letterhead.path], today: "2026-11-21")
        let docx = workspace.directory.appendingPathComponent("letter.docx")
        try workspace.ok(
            ["letter", "004078/20", "response", "--format", "docx", "--output", docx.path], today: "2026-11-21")
        let read = try JSONSerialization.jsonObject(with: Data(Self.python(Self.readerScript, [docx.path]).utf8))
        let letter = try #require(read as? [String: Any])
        #expect(letter["header"] as? [String] == [" Borsetshire County Council"])
        #expect(letter["pictures"] as? Int == 1)
        #expect(
            letter["footer"] as? [String] == [
                "County Hall, Borchester BC1 1AA", "Our reference: 004078/20 · Page  of ",
            ])
        #expect(letter["font"] as? String == "Georgia")
        #expect(letter["leftMargin"] as? Double == 3.0)
        let body = letter["body"] as? [String] ?? []
        #expect(!body.contains("The letterhead body, which a letter replaces"))
        #expect(body.contains("Freedom of Information Act 2000: request 004078/20"))
        #expect(
            (letter["bullets"] as? [String]).map { Array($0.prefix(3)) } == [
                "Section 23(5) – Information supplied by, or relating to, bodies dealing with security matters",
                "Section 24(2) – National security", "Section 31(3) – Law enforcement",
            ])
        let printed = try Self.printed(
            docx, in: workspace.directory, soffice: soffice, pdftotext: pdftotext
        ).joined(separator: " ")
        for expected in Self.expected { #expect(printed.contains(expected), "the Word letter lacks '\(expected)'") }
        // Every page has the council's header and footer, the reference and its number.
        let pages = printed.components(separatedBy: "Our reference: 004078/20 · Page ").count - 1
        #expect(pages >= 2)
        for page in 1...max(pages, 1) {
            #expect(printed.contains("Our reference: 004078/20 · Page \(page) of \(pages)"))
        }
        #expect(printed.components(separatedBy: "County Hall, Borchester BC1 1AA").count - 1 == pages)
        #expect(printed.components(separatedBy: "Borsetshire County Council").count - 1 >= pages)
    }

    /// A bilingual Word letter (letter-language en+cy) prints the Welsh first and the English from a new page, each
    /// page's footer in both languages (pdftotext marks each page's end with a form feed).
    @Test(
        .tags(.externalTool),
        ExternalTools.needed(
            programs: ["soffice", "pdftotext"], install: "apt-get install libreoffice-writer-nogui poppler-utils"))
    func aBilingualWordLetterStartsTheEnglishOnANewPage() throws {
        guard let (soffice, pdftotext) = Self.printingTools() else { return }
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["demo"], today: "2026-11-21")
        try workspace.ok(["settings", "letter-language", "en+cy"], today: "2026-11-21")
        let docx = workspace.directory.appendingPathComponent("letter.docx")
        try workspace.ok(
            ["letter", "004078/20", "acknowledgement", "--format", "docx", "--output", docx.path, "--preview"],
            today: "2026-11-21")
        let pages = try Self.printed(docx, in: workspace.directory, soffice: soffice, pdftotext: pdftotext)
        #expect(pages.count == 2)
        #expect(pages.first?.contains("Annwyl Demo requester A,") == true)
        #expect(pages.first?.contains("Dear") == false)
        #expect(pages.last?.contains("Dear Demo requester A,") == true)
        for (number, page) in pages.enumerated() {
            #expect(page.contains("Ein cyfeirnod / Our reference: 004078/20 · Tudalen / Page \(number + 1) o / of 2"))
        }
    }

    /// A letterhead that is not a Word document is refused when set and when given, naming it, and nothing changes.
    @Test func aLetterheadThatIsNotAWordDocumentIsRefused() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["demo"], today: "2026-11-21")
        let notes = workspace.directory.appendingPathComponent("notes.docx")
        try Data("Dear colleague".utf8).write(to: notes)
        let set = try workspace.run(["settings", "letterhead-docx", notes.path])
        #expect(set.status == 65)
        #expect(set.stdout.isEmpty)
        #expect(
            set.stderr == "Error: the letterhead '\(notes.path)' cannot be used: it is not a Word document (.docx or "
                + ".dotx)\n")
        #expect(try workspace.run(["settings"]).stdout.contains("letterhead-docx = \n"))
        let output = workspace.directory.appendingPathComponent("letter.docx")
        let given = try workspace.run([
            "letter", "004078/20", "response", "--format", "docx", "--output", output.path, "--reference-docx",
            notes.path,
        ])
        #expect(given.status == 65)
        #expect(given.stderr.hasPrefix("Error: the letterhead"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let markdown = try workspace.run(["letter", "004078/20", "response", "--reference-docx", notes.path])
        #expect(markdown.status == 64)
        #expect(markdown.stderr.contains("--reference-docx is for a Word letter: give --format docx"))
    }

    @Test(
        .tags(.externalTool),
        ExternalTools.needed(
            programs: ["chromium", "pdftotext"], install: "apt-get install chromium poppler-utils"))
    func theHTMLLetterRendersInChromium() throws {
        guard let chromium = ExternalTools.program("chromium"), let pdftotext = ExternalTools.program("pdftotext")
        else {
            Issue.record("install chromium and poppler-utils (apt-get install chromium poppler-utils) to run this test")
            return
        }
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["demo"], today: "2026-11-21")
        let html = try workspace.run(["letter", "004078/20", "response", "--format", "html", "--preview"])
        let page = workspace.directory.appendingPathComponent("letter.html")
        let pdf = workspace.directory.appendingPathComponent("letter.pdf")
        try Data(html.stdout.utf8).write(to: page)
        #expect(
            try Self.run(
                chromium,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--user-data-dir=\(workspace.directory.appendingPathComponent("profile").path)",
                    "--print-to-pdf=\(pdf.path)", page.absoluteString,
                ]))
        let printed = try Self.text(ofPDF: pdf, pdftotext: pdftotext)
        for expected in Self.expected { #expect(printed.contains(expected), "the printed letter lacks '\(expected)'") }
    }
}
