import Foundation
import ZIPFoundation

/// A letter as a Word document (Office Open XML, ECMA-376): the officer opens it, edits it and sends it. Headings
/// use Word's own heading styles, items a bulleted list, the restated request the Quote style, and bold runs stay
/// bold, so that the document edits like one typed in Word. Every page's footer gives the reference and the page.
/// With the authority's letterhead, the letter is its body in the letterhead's package: the letterhead's styles,
/// headers and footers (a logo included) and page setup stay, the styles and list the letter needs are added where
/// the letterhead lacks them, and the reference and page number join its footers.
extension LetterDocument {
    /// The `.docx` package's bytes of `documents` (each with its language's tag), each after the first on a new
    /// page. The same letter on the same letterhead always gives the same bytes (the entries carry a fixed date).
    static func docx(
        _ documents: [(document: LetterDocument, language: String)], title: String, footer: LetterFooter,
        letterhead: WordLetterhead?
    ) throws -> Data {
        var package = letterhead ?? WordLetterhead.plain
        let bullets = package.addNumbering(Self.bulletList)
        package.addMissingStyles(Self.styleDefinitions)
        let section = package.sectionWithFooter(Self.footerParagraph(footer))
        let body = documents.map { $0.document.body(bullets: bullets, language: $0.language) }
            .joined(separator: "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n")
        package.replace(
            "word/document.xml",
            with: package.documentStart + "<w:body>\n" + body + section + "</w:body></w:document>")
        package.replace("docProps/core.xml", with: Self.coreProperties(title: title))
        let archive = try Archive(accessMode: .create)
        for (path, data) in package.parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.entryDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// 1 January 1980, the earliest date a ZIP entry holds.
    private static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The letter's blocks as the body's XML, its items in the list numbered `bullets`, its text marked as in
    /// `language` where that is not English (for Word's proofing).
    private func body(bullets: Int, language: String) -> String {
        var body = ""
        let languageProperty = language == "en-GB" ? "" : "<w:lang w:val=\"\(language)\"/>"
        func runs(_ runs: [Run]) -> String {
            runs.map { run in
                let inner = (run.bold ? "<w:b/>" : "") + languageProperty
                let properties = inner.isEmpty ? "" : "<w:rPr>\(inner)</w:rPr>"
                return "<w:r>\(properties)<w:t xml:space=\"preserve\">\(Self.xml(run.text))</w:t></w:r>"
            }.joined()
        }
        func lines(_ lines: [[Run]]) -> String {
            lines.map(runs).joined(separator: "<w:r><w:br/></w:r>")
        }
        func paragraph(style: String?, _ content: String, list: Bool = false) -> String {
            var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
            if list { properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(bullets)\"/></w:numPr>" }
            return "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")\(content)</w:p>\n"
        }
        for block in blocks {
            switch block {
            case .heading(let level, let content): body += paragraph(style: "Heading\(level)", runs(content))
            case .paragraph(let content): body += paragraph(style: nil, lines(content))
            case .bullets(let items):
                for item in items { body += paragraph(style: "ListBullet", runs(item), list: true) }
            case .quotation(let content): body += paragraph(style: "Quote", lines(content))
            case .table(let header, let rows):
                // A grid of single lines, the header bold and repeated on each page the table runs over.
                let border = ["top", "left", "bottom", "right", "insideH", "insideV"]
                    .map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>" }.joined()
                func row(_ cells: [[Run]], header: Bool) -> String {
                    "<w:tr>" + (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
                        + cells.map { cell in
                            let content = header ? runs(cell.map { Run(text: $0.text, bold: true) }) : runs(cell)
                            return "<w:tc><w:p>\(content)</w:p></w:tc>"
                        }.joined() + "</w:tr>"
                }
                body +=
                    "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>\(border)</w:tblBorders>"
                    + "<w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/>"
                    + "</w:tblCellMar></w:tblPr>"
                    + row(header, header: true) + rows.map { row($0, header: false) }.joined() + "</w:tbl>\n"
                    // Word needs a paragraph between a table and what follows it.
                    + "<w:p/>\n"
            }
        }
        return body
    }

    /// The footer's line, right-aligned: the reference, then the page and the pages as Word's fields.
    static func footerParagraph(_ footer: LetterFooter) -> String {
        func text(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(xml(text))</w:t></w:r>" }
        func field(_ name: String) -> String {
            "<w:fldSimple w:instr=\" \(name) \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
        }
        return "<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr>" + text("\(footer.reference) · \(footer.page) ")
            + field("PAGE") + text(" \(footer.of) ") + field("NUMPAGES") + "</w:p>"
    }

    /// Text as XML character data: the markup characters escaped, and the control characters XML cannot hold
    /// left out.
    static func xml(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\t": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(xml(title))</dc:title></cp:coreProperties>
        """
    }

    /// The styles the letter uses, by Word's built-in names, so that the officer's own Normal and heading styles
    /// apply when they paste or restyle; each is added only where the letterhead has no style of its id.
    private static let styleDefinitions: [(id: String, xml: String)] = [
        (
            "Normal",
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        ),
        heading(1, before: 360, after: 160, size: 28), heading(2, before: 280, after: 120, size: 24),
        heading(3, before: 240, after: 80, size: nil),
        (
            "Quote",
            "<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:pPr><w:ind w:left=\"567\" w:right=\"567\"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>"
        ),
        (
            "ListBullet",
            "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/></w:pPr></w:style>"
        ),
    ]

    /// Word's heading style of `level`: bold, kept with what follows, `size` in half-points (default: Normal's).
    private static func heading(_ level: Int, before: Int, after: Int, size: Int?) -> (id: String, xml: String) {
        (
            "Heading\(level)",
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/>"
                + "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\"/>"
                + "<w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr>"
                + "<w:rPr><w:b/>\(size.map { "<w:sz w:val=\"\($0)\"/>" } ?? "")</w:rPr></w:style>"
        )
    }

    /// The bulleted list's definition: an abstract list and its instance, each id written where `{id}` stands.
    private static let bulletList = (
        abstract: "<w:abstractNum w:abstractNumId=\"{id}\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
            + "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr>"
            + "<w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>",
        instance: "<w:num w:numId=\"{id}\"><w:abstractNumId w:val=\"{abstract}\"/></w:num>"
    )
}

/// The words of a Word letter's footer: `Our reference: 004078/20 · Page 1 of 2`.
struct LetterFooter {
    var reference: String
    var page: String
    var of: String
}
