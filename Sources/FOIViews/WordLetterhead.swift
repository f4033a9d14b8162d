import Foundation

/// The package a Word letter is written into: the authority's own letterhead (a `.docx` or a `.dotx` saved from
/// Word or LibreOffice), whose styles, headers, footers, pictures and page setup the letter keeps, or, without one,
/// a plain A4 page. Its parts are spliced as text where the letter joins them (the body, a footer's last line, a
/// style or a list it lacks); everything else is copied byte for byte.
public struct WordLetterhead: Sendable {
    /// Every part, in the package's order.
    private(set) var parts: [(path: String, data: Data)]
    /// The main part's XML declaration and `<w:document …>` start tag, with the letterhead's namespaces (and the
    /// relationships' one, which a footer's reference needs).
    let documentStart: String
    /// The body's section properties: the page's size and margins, and the headers and footers each page has.
    private let section: String

    private init(parts: [(path: String, data: Data)], documentStart: String, section: String) {
        self.parts = parts
        self.documentStart = documentStart
        self.section = section
    }

    /// The letterhead in `parts` (each part's path in the package and its bytes), refused where it is not a Word
    /// document or template foi can write a letter into.
    public init(parts: [(path: String, bytes: [UInt8])]) throws(LetterheadError) {
        var parts = parts.map { (path: $0.path, data: Data($0.bytes)) }
        func text(of path: String) -> String? {
            parts.first { $0.path == path }.flatMap { String(data: $0.data, encoding: .utf8) }
        }
        guard let types = text(of: Self.contentTypesPath) else {
            throw LetterheadError("it is not a Word document (it has no list of its parts' types)")
        }
        if types.contains("macroEnabled") {
            throw LetterheadError("it holds macros (.docm, .dotm); save the letterhead as a Word document (.docx)")
        }
        guard types.contains(Self.documentType) || types.contains(Self.templateType),
            let document = text(of: Self.documentPath)
        else {
            throw LetterheadError("it is not a Word document (it has no word/document.xml)")
        }
        guard let rootStart = document.range(of: "<w:document"),
            let rootEnd = document[rootStart.upperBound...].firstIndex(of: ">")
        else {
            throw LetterheadError("its word/document.xml is not a Word document's body; save it again from Word")
        }
        // A template (.dotx) is a document once its main part says so.
        if let index = parts.firstIndex(where: { $0.path == Self.contentTypesPath }) {
            parts[index].data = Data(types.replacing(Self.templateType, with: Self.documentType).utf8)
        }
        if text(of: Self.relationshipsPath) == nil {
            parts.append((Self.relationshipsPath, Data(Self.emptyRelationships.utf8)))
        }
        var start = String(document[..<rootEnd])
        if !start.contains("xmlns:r=") { start += " xmlns:r=\"\(Self.relationshipsNamespace)\"" }
        self.init(
            parts: parts, documentStart: start + ">", section: Self.bodySection(of: document) ?? Self.plainSection)
    }

    /// A plain A4 page with 2.5 cm margins, for a letter without a letterhead.
    static let plain = WordLetterhead(
        parts: [
            (
                contentTypesPath,
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/word/document.xml" ContentType="\(documentType)"/>\
                <Override PartName="/word/styles.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
                <Override PartName="/docProps/core.xml" \
                ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
                </Types>
                """
            ),
            (
                "_rels/.rels",
                """
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
            ),
            ("docProps/core.xml", ""),
            (
                relationshipsPath,
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationshipType)/styles" Target="styles.xml"/></Relationships>
                """
            ),
            (
                "word/styles.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:styles xmlns:w="\(wordNamespace)">\
                <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>\
                <w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>\
                <w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
                </w:docDefaults></w:styles>
                """
            ),
            (documentPath, ""),
        ].map { ($0.0, Data($0.1.utf8)) },
        documentStart: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(wordNamespace)" xmlns:r="\(relationshipsNamespace)">
            """,
        section: plainSection)

    /// The body's section properties: the last `<w:sectPr>`, where it is the body's last element.
    private static func bodySection(of document: String) -> String? {
        guard let start = document.range(of: "<w:sectPr", options: .backwards)?.lowerBound,
            let startEnd = document[start...].firstIndex(of: ">")
        else { return nil }
        let end: String.Index
        if document[document.index(before: startEnd)] == "/" {
            end = document.index(after: startEnd)
        } else {
            guard let close = document.range(of: "</w:sectPr>", range: startEnd..<document.endIndex) else { return nil }
            end = close.upperBound
        }
        guard document[end...].drop(while: \.isWhitespace).hasPrefix("</w:body>") else { return nil }
        return String(document[start..<end])
    }

    /// The text of the part at `path`, if the package has it and it is UTF-8.
    func text(of path: String) -> String? {
        parts.first { $0.path == path }.flatMap { String(data: $0.data, encoding: .utf8) }
    }

    /// Replaces the part at `path`, where the package has one.
    mutating func replace(_ path: String, with text: String) {
        guard let index = parts.firstIndex(where: { $0.path == path }) else { return }
        parts[index].data = Data(text.utf8)
    }

    /// Adds a part the main document refers to: its type, and a relationship to it, whose id is returned.
    private mutating func add(_ path: String, _ content: String, type: String, relationship: String) -> String {
        parts.append((path, Data(content.utf8)))
        if var types = text(of: Self.contentTypesPath), !types.contains("PartName=\"/\(path)\"") {
            types.insert(
                contentsOf: "<Override PartName=\"/\(path)\" ContentType=\"\(type)\"/>",
                at: types.range(of: "</Types>", options: .backwards)?.lowerBound ?? types.endIndex)
            replace(Self.contentTypesPath, with: types)
        }
        var relationships = text(of: Self.relationshipsPath) ?? Self.emptyRelationships
        var number = 1
        while relationships.contains("Id=\"rIdFoi\(number)\"") { number += 1 }
        let id = "rIdFoi\(number)"
        relationships.insert(
            contentsOf: "<Relationship Id=\"\(id)\" Type=\"\(Self.relationshipType)/\(relationship)\" "
                + "Target=\"\(path.dropFirst("word/".count))\"/>",
            at: relationships.range(of: "</Relationships>", options: .backwards)?.lowerBound
                ?? relationships.endIndex)
        replace(Self.relationshipsPath, with: relationships)
        return id
    }

    /// Adds the letter's bulleted list to the letterhead's lists (or a list part of its own), under ids no list of
    /// the letterhead has; the id its items name.
    mutating func addNumbering(_ list: (abstract: String, instance: String)) -> Int {
        let path = relatedPath(ofType: "numbering") ?? "word/numbering.xml"
        guard var numbering = text(of: path) else {
            let abstract = list.abstract.replacing("{id}", with: "1")
            let instance = list.instance.replacing("{id}", with: "1").replacing("{abstract}", with: "1")
            _ = add(
                path,
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<w:numbering xmlns:w=\"\(Self.wordNamespace)\">\(abstract)\(instance)</w:numbering>",
                type: "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
                relationship: "numbering")
            return 1
        }
        let abstractId = Self.largest("w:abstractNumId=\"", in: numbering) + 1
        let instanceId = Self.largest("w:numId=\"", in: numbering) + 1
        let end =
            numbering.range(of: "<w:numIdMacAtCleanup")?.lowerBound
            ?? numbering.range(of: "</w:numbering>", options: .backwards)?.lowerBound ?? numbering.endIndex
        // Every abstract list comes before every list that uses one.
        let firstInstance = numbering.range(of: "<w:num ")?.lowerBound ?? numbering.range(of: "<w:num>")?.lowerBound
        numbering.insert(
            contentsOf: list.instance.replacing("{id}", with: "\(instanceId)")
                .replacing("{abstract}", with: "\(abstractId)"), at: end)
        numbering.insert(
            contentsOf: list.abstract.replacing("{id}", with: "\(abstractId)"), at: firstInstance ?? end)
        replace(path, with: numbering)
        return instanceId
    }

    /// Adds each style the letterhead has no style of its id for (a letterhead's own Heading1 stays its own).
    mutating func addMissingStyles(_ styles: [(id: String, xml: String)]) {
        let path = relatedPath(ofType: "styles") ?? "word/styles.xml"
        guard var sheet = text(of: path) else {
            _ = add(
                path,
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<w:styles xmlns:w=\"\(Self.wordNamespace)\">\(styles.map(\.xml).joined())</w:styles>",
                type: "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
                relationship: "styles")
            return
        }
        let missing = styles.filter { !sheet.contains("w:styleId=\"\($0.id)\"") }.map(\.xml).joined()
        sheet.insert(
            contentsOf: missing,
            at: sheet.range(of: "</w:styles>", options: .backwards)?.lowerBound
                ?? sheet.endIndex)
        replace(path, with: sheet)
    }

    /// The body's section properties with `paragraph` as the last line of every footer they name; where they name
    /// none, a footer of that line is added.
    mutating func sectionWithFooter(_ paragraph: String) -> String {
        let references = Self.tags("<w:footerReference", in: section).compactMap { Self.attribute("r:id", of: $0) }
        let paths = references.compactMap(relatedPath(id:))
        if paths.isEmpty {
            let id = add(
                "word/footer-foi.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<w:ftr xmlns:w=\"\(Self.wordNamespace)\">\(paragraph)</w:ftr>",
                type: "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
                relationship: "footer")
            // The references come first among the section's properties.
            let reference = "<w:footerReference w:type=\"default\" r:id=\"\(id)\"/>"
            guard let startEnd = section.firstIndex(of: ">") else { return section }
            if section[section.index(before: startEnd)] == "/" {
                return Self.appending(reference, to: section, element: "w:sectPr")
            }
            return section[...startEnd] + reference + section[section.index(after: startEnd)...]
        }
        for path in Set(paths) {
            guard let footer = text(of: path) else { continue }
            replace(path, with: Self.appending(paragraph, to: footer, element: "w:ftr"))
        }
        return section
    }

    /// `xml` with `content` as the last child of its `element` (`w:ftr`), an empty one (`<w:ftr/>`) opened for it.
    private static func appending(_ content: String, to xml: String, element: String) -> String {
        if let end = xml.range(of: "</\(element)>", options: .backwards) {
            return xml[..<end.lowerBound] + content + xml[end.lowerBound...]
        }
        guard let start = xml.range(of: "<\(element)"), let close = xml[start.upperBound...].range(of: "/>") else {
            return xml
        }
        return xml[..<close.lowerBound] + ">" + content + "</\(element)>" + xml[close.upperBound...]
    }

    /// The part the main document's relationship `id` points to.
    private func relatedPath(id: String) -> String? {
        relationships.first { $0.id == id }.map(\.path)
    }

    /// The part of the main document's relationship of `type` (`styles`, `numbering`).
    private func relatedPath(ofType type: String) -> String? {
        relationships.first { $0.type == "\(Self.relationshipType)/\(type)" }.map(\.path)
    }

    /// The main document's relationships to parts of the package, each with its part's path.
    private var relationships: [(id: String, type: String, path: String)] {
        Self.tags("<Relationship ", in: text(of: Self.relationshipsPath) ?? "").compactMap { tag in
            guard let id = Self.attribute("Id", of: tag), let type = Self.attribute("Type", of: tag),
                let target = Self.attribute("Target", of: tag), Self.attribute("TargetMode", of: tag) == nil
            else { return nil }
            return (id, type, target.hasPrefix("/") ? String(target.dropFirst()) : "word/" + target)
        }
    }

    /// Every start tag in `text` that begins with `opening`.
    private static func tags(_ opening: String, in text: String) -> [Substring] {
        var tags: [Substring] = []
        var rest = text[...]
        while let start = rest.range(of: opening) {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            tags.append(rest[start.lowerBound...end])
            rest = rest[rest.index(after: end)...]
        }
        return tags
    }

    /// The value of the attribute `name` in a start tag.
    private static func attribute(_ name: String, of tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") ?? tag.range(of: "\n\(name)=\""),
            let end = tag[start.upperBound...].firstIndex(of: "\"")
        else { return nil }
        return String(tag[start.upperBound..<end])
    }

    /// The largest number written after `prefix` in `text`, or 0.
    private static func largest(_ prefix: String, in text: String) -> Int {
        text.components(separatedBy: prefix).dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }.max() ?? 0
    }

    private static let contentTypesPath = "[Content_Types].xml"
    private static let documentPath = "word/document.xml"
    private static let relationshipsPath = "word/_rels/document.xml.rels"
    private static let documentType =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    private static let templateType =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
    private static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let relationshipsNamespace =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let relationshipType = relationshipsNamespace
    private static let emptyRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>
        """
    /// A4, with margins of 2.5 cm at the top and bottom and 2.2 cm at the sides.
    private static let plainSection = """
        <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1247" w:bottom="1418" \
        w:left="1247" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>
        """
}

/// Why a letterhead cannot be used.
public struct LetterheadError: Error, Equatable, Sendable {
    public var reason: String

    init(_ reason: String) { self.reason = reason }
}
