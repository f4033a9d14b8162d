import Foundation
import ZIPFoundation

/// A letter as a Word document (Office Open XML, ECMA-376): the officer opens it, edits it and sends it. Headings
/// use Word's own heading styles, items a bulleted list, the restated request the Quote style, and bold runs stay
/// bold, so that the document edits like one typed in Word.
extension LetterDocument {
    /// The `.docx` package's bytes. The same letter always gives the same bytes (the entries carry a fixed date).
    func docx(title: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.packageRelationships),
            ("docProps/core.xml", Self.coreProperties(title: title)),
            ("word/_rels/document.xml.rels", Self.documentRelationships), ("word/styles.xml", Self.styles),
            ("word/numbering.xml", Self.numbering), ("word/document.xml", wordDocument),
        ]
        for (path, xml) in parts {
            let data = Data(xml.utf8)
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

    private var wordDocument: String {
        var body = ""
        func runs(_ runs: [Run]) -> String {
            runs.map { run in
                let properties = run.bold ? "<w:rPr><w:b/></w:rPr>" : ""
                return "<w:r>\(properties)<w:t xml:space=\"preserve\">\(Self.xml(run.text))</w:t></w:r>"
            }.joined()
        }
        func lines(_ lines: [[Run]]) -> String {
            lines.map(runs).joined(separator: "<w:r><w:br/></w:r>")
        }
        func paragraph(style: String?, _ content: String, list: Bool = false) -> String {
            var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
            if list { properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" }
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
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            \(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1247" w:bottom="1418" \
            w:left="1247" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
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

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/numbering.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        <Override PartName="/docProps/core.xml" \
        ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/>\
        <Relationship Id="rId2" \
        Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
        Target="docProps/core.xml"/>\
        </Relationships>
        """

    private static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
        Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" \
        Target="numbering.xml"/>\
        </Relationships>
        """

    private static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(xml(title))</dc:title></cp:coreProperties>
        """
    }

    /// Word's built-in names, so that the officer's own Normal and heading styles apply when they paste or restyle.
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>\
        <w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
        </w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
        <w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="160"/><w:outlineLvl w:val="0"/>\
        </w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>\
        <w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="280" w:after="120"/><w:outlineLvl w:val="1"/>\
        </w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/>\
        <w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="2"/>\
        </w:pPr><w:rPr><w:b/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:ind w:left="567" w:right="567"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:spacing w:after="60"/></w:pPr></w:style>\
        </w:styles>
        """

    private static let numbering = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>\
        <w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>\
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>\
        </w:numbering>
        """
}
