import FOIKit
import FOITestSupport
import Foundation
import Testing

@testable import FOIIntake

/// Workbooks from three producers (Tests/Fixtures/xlsx): openpyxl (inline strings, a date format of its own, the
/// requests on the second sheet), XlsxWriter (inline strings, the 1904 date system) and one written by hand in the
/// shape of a tracker (a namespace prefix on every element, shared strings with a rich-text run, a built-in date
/// format, a boolean, a row left out).
@Suite struct XLSXTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.directory.appendingPathComponent("xlsx/\(name)")))
    }

    static let requests = [
        ["Ref", "Received", "Regime", "Extension days", "Note"],
        ["A-1", "2026-01-05", "foia", "20", "Shared, with a comma"],
        ["A-2", "2026-11-02", "eir"],
        ["A-3", "05/01/2026", "foia", "", "typed as text"],
    ]

    @Test(arguments: [("openpyxl.xlsx", "Requests"), ("xlsxwriter-1904.xlsx", nil)] as [(String, String?)])
    func twoProducersGiveTheSameRows(file: String, sheet: String?) throws {
        let read = try XLSX.sheet(try Self.bytes(file), named: sheet)
        #expect(read.name == "Requests")
        #expect(read.rows.map(\.number) == [1, 2, 3, 4])
        #expect(read.rows.map(\.cells) == Self.requests)
    }

    @Test func aTrackerWithSharedStrings() throws {
        let read = try XLSX.sheet(try Self.bytes("shared-strings.xlsx"), named: nil)
        #expect(read.name == "Request tracker")
        #expect(read.rows.map(\.number) == [1, 2, 4])
        #expect(
            read.rows.map(\.cells) == [
                ["Reference", "Date received", "Type", "Note"], ["A-1", "2026-01-05", "foia", "Shared, rich & runs"],
                ["A-2", "2026-11-02", "", "TRUE"],
            ])
        #expect(throws: InputError.self) { try XLSX.sheet(try Self.bytes("openpyxl.xlsx"), named: "Nope") }
        #expect(throws: InputError.self) { try XLSX.sheet(Array("not a workbook".utf8), named: nil) }
    }

    /// Column letters as cell references write them, and back.
    @Test func columnNames() {
        #expect([0, 1, 25, 26, 27, 701, 702].map(XLSX.columnName) == ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"])
        for index in 0..<2_000 { #expect(XLSX.columnIndex(XLSX.columnName(index) + "7") == index) }
    }

    /// Serial numbers by hand: 1 is 1 January 1900, 59 the 28 February, 60 Lotus's 29 February that never was, 61
    /// 1 March 1900; 46027 is 5 January 2026; in the 1904 system 0 is 1 January 1904 and 44565 5 January 2026.
    @Test func serialNumbers() {
        #expect(XLSX.date(serial: 1, epoch: .epoch1900)?.description == "1900-01-01")
        #expect(XLSX.date(serial: 59, epoch: .epoch1900)?.description == "1900-02-28")
        #expect(XLSX.date(serial: 60, epoch: .epoch1900) == nil)
        #expect(XLSX.date(serial: 61, epoch: .epoch1900)?.description == "1900-03-01")
        #expect(XLSX.date(serial: 46027.75, epoch: .epoch1900)?.description == "2026-01-05")
        #expect(XLSX.date(serial: 0, epoch: .epoch1904)?.description == "1904-01-01")
        #expect(XLSX.date(serial: 44565, epoch: .epoch1904)?.description == "2026-01-05")
        #expect(XLSX.columnIndex("B17") == 1 && XLSX.columnIndex("AA3") == 26)
    }
}
