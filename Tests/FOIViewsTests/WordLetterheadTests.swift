import Foundation
import Testing

@testable import FOIViews

/// The letterhead's package spliced: what a letter adds joins what the letterhead has, under names and ids of its
/// own, and nothing of the letterhead's is lost.
@Suite struct WordLetterheadTests {
    static let word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A letterhead of the given parts over a minimal package: `mainType` its main part's content type.
    static func letterhead(
        mainType: String = "wordprocessingml.document.main+xml", section: String, extra: [(String, String)] = [],
        relations: String = ""
    ) throws(LetterheadError) -> WordLetterhead {
        let parts: [(String, String)] =
            [
                (
                    "[Content_Types].xml",
                    "<Types><Override PartName=\"/word/document.xml\" "
                        + "ContentType=\"application/vnd.openxmlformats-officedocument.\(mainType)\"/></Types>"
                ),
                (
                    "word/document.xml",
                    "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"\(word)\"><w:body><w:p/>\(section)</w:body>"
                        + "</w:document>"
                ),
                ("word/_rels/document.xml.rels", "<Relationships>\(relations)</Relationships>"),
            ] + extra
        return try WordLetterhead(parts: parts.map { ($0.0, Array($0.1.utf8)) })
    }

    @Test func aTemplateBecomesADocumentAndMacrosAreRefused() throws {
        let template = try Self.letterhead(mainType: "wordprocessingml.template.main+xml", section: "<w:sectPr/>")
        let types = try #require(template.text(of: "[Content_Types].xml"))
        #expect(types.contains("wordprocessingml.document.main+xml") && !types.contains("template.main"))
        // The relationships' namespace is declared for the footer's reference.
        #expect(
            template.documentStart.hasSuffix("<w:document xmlns:w=\"\(Self.word)\" xmlns:r=\"\(Self.relationships)\">"))
        #expect(
            throws: LetterheadError("it holds macros (.docm, .dotm); save the letterhead as a Word document (.docx)")
        ) {
            try Self.letterhead(mainType: "ms-word.document.macroEnabled.main+xml", section: "")
        }
        #expect(throws: LetterheadError("it is not a Word document (it has no list of its parts' types)")) {
            try WordLetterhead(parts: [("word/document.xml", Array("<w:document/>".utf8))])
        }
    }

    @Test func theLettersListAndStylesJoinTheLetterheadsUnderIdsOfTheirOwn() throws {
        var letterhead = try Self.letterhead(
            section: "<w:sectPr/>",
            extra: [
                (
                    "word/numbering.xml",
                    "<w:numbering><w:abstractNum w:abstractNumId=\"4\"/><w:num w:numId=\"7\"><w:abstractNumId "
                        + "w:val=\"4\"/></w:num></w:numbering>"
                ),
                (
                    "word/styles.xml",
                    "<w:styles><w:style w:styleId=\"Heading1\"><w:name w:val=\"Theirs\"/></w:style></w:styles>"
                ),
            ],
            relations: "<Relationship Id=\"rId1\" Type=\"\(Self.relationships)/numbering\" Target=\"numbering.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>")
        let list = (
            abstract: "<w:abstractNum w:abstractNumId=\"{id}\"/>",
            instance: "<w:num w:numId=\"{id}\"><w:abstractNumId w:val=\"{abstract}\"/></w:num>"
        )
        #expect(letterhead.addNumbering(list) == 8)
        #expect(
            letterhead.text(of: "word/numbering.xml")
                == "<w:numbering><w:abstractNum w:abstractNumId=\"4\"/><w:abstractNum w:abstractNumId=\"5\"/>"
                + "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"4\"/></w:num><w:num w:numId=\"8\"><w:abstractNumId "
                + "w:val=\"5\"/></w:num></w:numbering>")
        letterhead.addMissingStyles([("Heading1", "<ours1/>"), ("Quote", "<ours2/>")])
        #expect(
            letterhead.text(of: "word/styles.xml")
                == "<w:styles><w:style w:styleId=\"Heading1\"><w:name w:val=\"Theirs\"/></w:style><ours2/></w:styles>")
    }

    @Test func theReferenceJoinsEveryFooterOrHasOneOfItsOwn() throws {
        var withFooters = try Self.letterhead(
            section: "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/><w:footerReference "
                + "w:type=\"first\" r:id=\"rId4\"/><w:pgSz/></w:sectPr>",
            extra: [("word/footer1.xml", "<w:ftr><w:p>Theirs</w:p></w:ftr>"), ("word/footer2.xml", "<w:ftr/>")],
            relations: "<Relationship Id=\"rId3\" Type=\"\(Self.relationships)/footer\" Target=\"footer1.xml\"/>"
                + "<Relationship Id=\"rId4\" Type=\"\(Self.relationships)/footer\" Target=\"/word/footer2.xml\"/>")
        let section = withFooters.sectionWithFooter("<w:p>Ours</w:p>")
        #expect(section.hasPrefix("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>"))
        #expect(withFooters.text(of: "word/footer1.xml") == "<w:ftr><w:p>Theirs</w:p><w:p>Ours</w:p></w:ftr>")
        // A footer written as an empty element is opened for the line.
        #expect(withFooters.text(of: "word/footer2.xml") == "<w:ftr><w:p>Ours</w:p></w:ftr>")

        var withoutFooters = try Self.letterhead(section: "<w:sectPr w:rsidR=\"00A1\"/>")
        #expect(
            withoutFooters.sectionWithFooter("<w:p>Ours</w:p>")
                == "<w:sectPr w:rsidR=\"00A1\"><w:footerReference w:type=\"default\" r:id=\"rIdFoi1\"/></w:sectPr>")
        #expect(withoutFooters.text(of: "word/footer-foi.xml")?.hasSuffix("<w:p>Ours</w:p></w:ftr>") == true)
        #expect(
            withoutFooters.text(of: "word/_rels/document.xml.rels")
                == "<Relationships><Relationship Id=\"rIdFoi1\" Type=\"\(Self.relationships)/footer\" "
                + "Target=\"footer-foi.xml\"/></Relationships>")
        #expect(withoutFooters.text(of: "[Content_Types].xml")?.contains("PartName=\"/word/footer-foi.xml\"") == true)
    }
}
