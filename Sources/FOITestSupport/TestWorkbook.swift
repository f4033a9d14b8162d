import Foundation
import ZIPFoundation

/// A workbook made part by part, as a hand-made or hostile one can be: the smallest package the reader accepts,
/// with any part replaced.
public struct TestWorkbook {
    public static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    public static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A sheet of `rows` (already XML), under a header of a reference and a date received.
    public static func sheet(_ rows: String) -> String {
        """
        <worksheet xmlns="\(main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Our ref</t></is></c>\
        <c r="B1" t="inlineStr"><is><t>Date received</t></is></c></row>\(rows)</sheetData></worksheet>
        """
    }

    /// Row `number` of a case `reference` received on serial day 46300 (4 October 2026), and `extra` cells.
    public static func row(_ number: Int, _ reference: String, extra: String = "") -> String {
        "<row r=\"\(number)\"><c r=\"A\(number)\" t=\"inlineStr\"><is><t>\(reference)</t></is></c>"
            + "<c r=\"B\(number)\" s=\"1\"><v>46300</v></c>\(extra)</row>"
    }

    public var sheetCount = 1
    public var parts: [(path: String, bytes: [UInt8])] = []

    public init(sheet: String = TestWorkbook.sheet(TestWorkbook.row(2, "A-1")), sheets: Int = 1) {
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
    public func bytes(generated: (path: String, size: Int, provider: (Int, Int) -> Data)? = nil) throws -> [UInt8] {
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
