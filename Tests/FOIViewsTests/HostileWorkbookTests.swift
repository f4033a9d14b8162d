import FOIKit
import Foundation
import Testing
import ZIPFoundation

@testable import FOIViews

/// A workbook made part by part, as a hand-made or hostile one can be: the smallest package the reader accepts,
/// with any part replaced.
struct TestWorkbook {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A sheet of `rows` (already XML), under a header of a reference and a date received.
    static func sheet(_ rows: String) -> String {
        """
        <worksheet xmlns="\(main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Our ref</t></is></c>\
        <c r="B1" t="inlineStr"><is><t>Date received</t></is></c></row>\(rows)</sheetData></worksheet>
        """
    }

    /// Row `number` of a case `reference` received on serial day 46300 (4 October 2026), and `extra` cells.
    static func row(_ number: Int, _ reference: String, extra: String = "") -> String {
        "<row r=\"\(number)\"><c r=\"A\(number)\" t=\"inlineStr\"><is><t>\(reference)</t></is></c>"
            + "<c r=\"B\(number)\" s=\"1\"><v>46300</v></c>\(extra)</row>"
    }

    var sheetCount = 1
    var parts: [(path: String, bytes: [UInt8])] = []

    init(sheet: String = TestWorkbook.sheet(TestWorkbook.row(2, "A-1")), sheets: Int = 1) {
        sheetCount = sheets
        let names = (0..<sheets).map { "<sheet name=\"S\($0)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }
        let targets = (0..<sheets).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(Self.relationships)/worksheet\" "
                + "Target=\"worksheets/sheet1.xml\"/>"
        }
        parts = [
            (
                "xl/workbook.xml",
                "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><sheets>\(names.joined())"
                    + "</sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "\(targets.joined())</Relationships>"
            ),
            (
                "xl/styles.xml",
                "<styleSheet xmlns=\"\(Self.main)\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>"
                    + "</styleSheet>"
            ),
            ("xl/worksheets/sheet1.xml", sheet),
        ].map { ($0.0, Array($0.1.utf8)) }
    }

    /// The package's bytes; each part's content given by `provider` where it is generated rather than held.
    func bytes(generated: (path: String, size: Int, provider: (Int, Int) -> Data)? = nil) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(part.bytes.count), compressionMethod: .deflate
            ) { position, size in Data(part.bytes[Int(position)..<Int(position) + size]) }
        }
        if let generated {
            try archive.addEntry(
                with: generated.path, type: .file, uncompressedSize: Int64(generated.size), compressionMethod: .deflate
            ) { position, size in generated.provider(Int(position), size) }
        }
        return [UInt8](archive.data!)
    }
}

/// Workbooks as an attacker or a damaged disk makes them: each is refused whole, in words, within a bounded time
/// and memory, or read whole; none is read in part, and none crashes foi.
@Suite struct HostileWorkbookTests {
    func read(_ workbook: TestWorkbook) throws -> XLSX.Sheet {
        try XLSX.sheet(try workbook.bytes(), named: nil)
    }

    func refusal(_ workbook: TestWorkbook) throws -> String {
        do {
            let sheet = try read(workbook)
            return "read: \(sheet.rows.count) rows"
        } catch let error as InputError {
            return error.description
        }
    }

    @Test func aSheetThatIsNotWholeIsRefusedWhole() throws {
        let rows = (2..<2002).map { TestWorkbook.row($0, "T-\($0)") }.joined()
        let whole = TestWorkbook.sheet(rows)
        let cut = String(whole[..<whole.range(of: "<row r=\"1000\"")!.lowerBound])
        #expect(
            try refusal(TestWorkbook(sheet: cut)).hasSuffix(
                "it ends before its elements are closed: the file is cut short"))
        #expect(try refusal(TestWorkbook(sheet: whole + "<row/>")).hasSuffix("a second root element"))
        #expect(try refusal(TestWorkbook(sheet: whole + "garbage")).hasSuffix("text after the end of the document"))
        #expect(
            try refusal(TestWorkbook(sheet: whole.replacingOccurrences(of: "</sheetData>", with: "</sheetDat>")))
                .hasSuffix("an end tag that does not close the element open"))
        #expect(
            try refusal(
                TestWorkbook(sheet: whole.replacingOccurrences(of: "<c r=\"A5\"", with: "<c r=\"A5\" r=\"A5\""))
            )
            .hasSuffix("an element with two attributes of one name"))
        #expect(try read(TestWorkbook(sheet: whole)).rows.count == 2001)
    }

    @Test func entitiesAreXMLsOwnOrRefused() throws {
        let entity = TestWorkbook.row(2, "pre-&x;-post")
        let doctype = "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>" + TestWorkbook.sheet(entity)
        #expect(
            try refusal(TestWorkbook(sheet: doctype)).hasSuffix("a document type declaration, which Excel never writes")
        )
        #expect(try refusal(TestWorkbook(sheet: TestWorkbook.sheet(entity))).contains("not XML's ('&x;')"))
        for reference in ["&#0;", "&#x1B;", "&#xD800;", "&#99999999;", "&#;", "& "] {
            #expect(
                try refusal(TestWorkbook(sheet: TestWorkbook.sheet(TestWorkbook.row(2, "A\(reference)"))))
                    .contains("the sheet 'S0' is not XML Excel writes"), "\(reference)")
        }
        let escaped = try read(
            TestWorkbook(
                sheet: TestWorkbook.sheet(TestWorkbook.row(2, "R&amp;D &lt;1&gt; &#13;&#10;&#x1F600; <![CDATA[&x;]]>")))
        )
        #expect(escaped.rows.last?.cells.first == "R&D <1> \r\n😀 &x;")
    }

    @Test func aColumnBeyondXFDIsRefusedAndXFDIsRead() throws {
        for column in ["ZZZZZZZZZZZZZZZ", "ZZZZZZ", "AAAA", "XFE"] {
            let cell = "<c r=\"\(column)2\" t=\"inlineStr\"><is><t>x</t></is></c>"
            #expect(
                try refusal(TestWorkbook(sheet: TestWorkbook.sheet(TestWorkbook.row(2, "C-1", extra: cell))))
                    == "cell \(column)2: a column beyond XFD, the last Excel has")
        }
        let last = "<c r=\"XFD2\" t=\"inlineStr\"><is><t>last</t></is></c>"
        let sheet = try read(TestWorkbook(sheet: TestWorkbook.sheet(TestWorkbook.row(2, "C-1", extra: last))))
        #expect(sheet.rows.last?.cells.count == 16_384 && sheet.rows.last?.cells.last == "last")
        let beyond = "<row r=\"1048577\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>"
        #expect(try refusal(TestWorkbook(sheet: TestWorkbook.sheet(beyond))).hasPrefix("a row numbered '1048577'"))
    }

    /// A quarter of a megabyte that inflates to a quarter of a gigabyte is refused once it passes a hundred times
    /// its size, in a second or two and with the memory that takes.
    @Test(.timeLimit(.minutes(1))) func aDecompressionBombIsRefusedBeforeItIsInflated() throws {
        let size = 256 << 20
        let prefix = Array("<sst xmlns=\"\(TestWorkbook.main)\"><si><t>".utf8)
        let suffix = Array("</t></si></sst>".utf8)
        let total = prefix.count + size + suffix.count
        let bytes = try TestWorkbook().bytes(
            generated: (
                "xl/sharedStrings.xml", total,
                { position, count in
                    // The bytes of `position..<position + count` of prefix + "AAA…" + suffix.
                    var chunk = Data(repeating: 0x41, count: count)
                    let (end, suffixStart) = (position + count, total - suffix.count)
                    if position < min(end, prefix.count) {
                        for offset in position..<min(end, prefix.count) { chunk[offset - position] = prefix[offset] }
                    }
                    if max(position, suffixStart) < end {
                        for offset in max(position, suffixStart)..<end {
                            chunk[offset - position] = suffix[offset - suffixStart]
                        }
                    }
                    return chunk
                }
            ))
        #expect(bytes.count < 1 << 20)
        let started = ContinuousClock.now
        let error = #expect(throws: InputError.self) { try XLSX.Workbook(bytes) }
        #expect(
            error?.description.contains("more than 100 times its compressed size") == true,
            "\(String(describing: error))")
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func sheetsThatShareOnePartAreReadOnceAndAWorkbookOfManySheetsIsRefused() throws {
        let rows = (2..<20_002).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let started = ContinuousClock.now
        let workbook = try XLSX.Workbook(try TestWorkbook(sheet: TestWorkbook.sheet(rows), sheets: 200).bytes())
        for name in workbook.sheetNames { #expect(try workbook.sheet(named: name).rows.count == 20_001) }
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(try refusal(TestWorkbook(sheets: 257)) == "it has 257 sheets, more than any tracker (256 at most)")
    }

    @Test func twoPartsOfOneNameAreRefused() throws {
        var workbook = TestWorkbook()
        workbook.parts.append(("xl/worksheets/sheet1.xml", Array(TestWorkbook.sheet(TestWorkbook.row(2, "B-1")).utf8)))
        #expect(
            try refusal(workbook)
                == "it has two parts named 'xl/worksheets/sheet1.xml'; save it again from Excel")
    }

    @Test func aDamagedPackageIsDescribedInWords() throws {
        let bytes = try TestWorkbook().bytes()
        let cut = Array(bytes.prefix(bytes.count / 2))
        let error = #expect(throws: InputError.self) { try XLSX.Workbook(cut) }
        #expect(error?.description.contains("incomplete (cut short in copying or downloading?)") == true)
        #expect(error?.description.contains("missingEndOfCentralDirectoryRecord") == false)
    }
}
