import FOIKit
import FOITestSupport
import Foundation
import Testing

@testable import FOIIntake

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
