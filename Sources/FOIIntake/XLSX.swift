import FOIKit
import Foundation
import ZIPFoundation

/// One sheet of an Excel workbook (Office Open XML, `.xlsx`) as rows of text: shared and inline strings, numbers,
/// booleans, and dates by their cell's number format (a serial number in the 1900 or the 1904 date system, written
/// as `YYYY-MM-DD`). Empty cells are empty texts; rows keep their sheet numbers.
///
/// A workbook is an attachment from anyone, so it is read within stated limits (`Limits`), each refused in words
/// that say which: no part inflates past its limit or far past its compressed size, no sheet holds more cells than
/// Excel allows in twenty columns, and every part is read by `XMLReader`, which takes nothing that is not whole.
public enum XLSX {
    public struct Sheet: Sendable {
        public var name: String
        /// Each row that holds a cell, with its number in the sheet (1-based), its cells from column A.
        public var rows: [(number: Int, cells: [String])]
    }

    /// What a workbook may be: far beyond any tracker, and short of what would exhaust a desktop.
    public enum Limits {
        /// Its parts: one may inflate to Excel's largest sheet (1,048,576 rows of a few columns is ~120 MB), all
        /// of them read to 2 GB; a tracker has a few parts.
        static let package = OfficePackage.Limits(part: 1 << 30, ratio: 100, total: 2 << 30, entries: 10_000)
        /// Sheets: a tracker has a few.
        public static let sheets = 256
        /// Excel's last row and column (XFD).
        public static let rows = 1_048_576
        public static let columns = 16_384
        /// The cells of a sheet, counted to the last filled one of each row: Excel's rows, twenty columns wide.
        public static let cells = 20 * rows
        /// The elements of a workbook's smaller parts (its sheet list, relationships, styles), read whole.
        public static let elements = 1_000_000
    }

    /// Whether `bytes` begin as a ZIP package does.
    public static func isPackage(_ bytes: [UInt8]) -> Bool { OfficePackage.isPackage(bytes) }

    /// The sheet named `name` (default: the first).
    public static func sheet(_ bytes: [UInt8], named name: String?) throws(InputError) -> Sheet {
        try Workbook(bytes).sheet(named: name)
    }

    /// A workbook opened once: its sheets' names, and each sheet read when asked for, with the parts every sheet
    /// shares (the shared strings, the date styles) read only once.
    public final class Workbook {
        /// The names of its sheets, in order.
        public let sheetNames: [String]
        private let package: OfficePackage
        private let sheets: [XMLElement]
        private let relationships: [XMLElement]
        private let strings: SharedStrings
        private let dateStyles: Set<Int>
        private let epoch: Epoch
        /// The sheets read so far, by the part they are in.
        private var read: [String: [(number: Int, cells: [String])]] = [:]

        public init(_ bytes: [UInt8]) throws(InputError) {
            let package = try OfficePackage(bytes, limits: Limits.package, kind: .workbook)
            func part(_ path: String) throws(InputError) -> [UInt8]? { try package.part(path) }
            guard
                let workbook = try part("xl/workbook.xml").map({ bytes throws(InputError) in
                    try XMLElement.parse(bytes, "xl/workbook.xml")
                })
            else {
                throw InputError("it is not an Excel workbook")
            }
            sheets = workbook.all("sheet")
            guard sheets.count <= Limits.sheets else {
                throw InputError("it has \(sheets.count) sheets, more than any tracker (\(Limits.sheets) at most)")
            }
            sheetNames = sheets.compactMap { $0.attributes["name"] }
            relationships =
                try part("xl/_rels/workbook.xml.rels").map { bytes throws(InputError) in
                    try XMLElement.parse(bytes, "xl/_rels/workbook.xml.rels").all("Relationship")
                } ?? []
            strings =
                try part("xl/sharedStrings.xml").map { bytes throws(InputError) in
                    try SharedStrings(bytes)
                } ?? SharedStrings()
            dateStyles = dates(
                in: try part("xl/styles.xml").map { bytes throws(InputError) in
                    try XMLElement.parse(bytes, "xl/styles.xml")
                })
            let epoch1904 = workbook.all("workbookPr").first?.attributes["date1904"].map { $0 == "1" || $0 == "true" }
            epoch = epoch1904 == true ? .epoch1904 : .epoch1900
            self.package = package
        }

        /// The sheet named `name` (default: the first).
        public func sheet(named name: String?) throws(InputError) -> Sheet {
            let found = name.map { name in sheets.first { $0.attributes["name"] == name } } ?? sheets.first
            guard let chosen = found else {
                let names = sheetNames.map { "'\($0)'" }.joined(separator: ", ")
                throw InputError("the workbook has no sheet '\(name ?? "")' (it has \(names))")
            }
            let sheetName = chosen.attributes["name"] ?? ""
            // The relationship's id, `r:id`: attributes are kept by their local names.
            let id = chosen.attributes["id"]
            guard let target = relationships.first(where: { $0.attributes["Id"] == id })?.attributes["Target"] else {
                throw InputError("the workbook does not say where sheet '\(sheetName)' is")
            }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            if let rows = read[path] { return Sheet(name: sheetName, rows: rows) }
            guard let worksheet = try package.part(path) else {
                throw InputError("the workbook's sheet '\(sheetName)' is missing")
            }
            let rows = try XLSX.rows(
                of: worksheet, named: sheetName, strings: strings, dateStyles: dateStyles, epoch: epoch)
            read[path] = rows
            return Sheet(name: sheetName, rows: rows)
        }
    }

    /// The workbook's shared strings, kept as one run of UTF-8 and where each ends: a million short strings take a
    /// few megabytes, not a string object each.
    struct SharedStrings {
        private var bytes: [UInt8] = []
        private var ends: [Int] = []

        init() {}

        /// The strings of `sharedStrings.xml`: each `si`'s text, its runs' `t` joined, its phonetic guides left out.
        init(_ part: [UInt8]) throws(InputError) {
            do {
                try part.withUnsafeBufferPointer { buffer throws(XMLError) in
                    var reader = try XMLReader(buffer)
                    var phonetic = 0
                    var inText = false
                    while let event = try reader.next() {
                        switch event {
                        case .start where reader.isNamed("rPh"): phonetic += 1
                        case .end where reader.isNamed("rPh"): phonetic -= 1
                        case .start where reader.isNamed("t"): inText = phonetic == 0
                        case .end where reader.isNamed("t"): inText = false
                        case .end where reader.isNamed("si"): ends.append(bytes.count)
                        case .text where inText: reader.appendText(to: &bytes)
                        default: break
                        }
                    }
                }
            } catch {
                throw InputError("its shared strings (xl/sharedStrings.xml) are not XML Excel writes: \(error)")
            }
        }

        var count: Int { ends.count }

        subscript(index: Int) -> String {
            String(decoding: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]], as: UTF8.self)
        }
    }

    enum Epoch { case epoch1900, epoch1904 }

    /// The text of each cell of each row of the sheet `name`, whose part is `worksheet`.
    private static func rows(
        of worksheet: [UInt8], named name: String, strings: SharedStrings, dateStyles: Set<Int>, epoch: Epoch
    ) throws(InputError) -> [(number: Int, cells: [String])] {
        try worksheet.withUnsafeBufferPointer { buffer throws(InputError) in
            func refused(_ error: XMLError) -> InputError {
                InputError("the sheet '\(name)' is not XML Excel writes: \(error)")
            }
            var reader: XMLReader
            do throws(XMLError) { reader = try XMLReader(buffer) } catch { throw refused(error) }
            var sheet = SheetReader(strings: strings, dateStyles: dateStyles, epoch: epoch)
            while true {
                let event: XMLReader.Event?
                do throws(XMLError) { event = try reader.next() } catch { throw refused(error) }
                guard let event else { return sheet.rows }
                try sheet.read(event, of: reader)
            }
        }
    }

    /// A sheet's rows, gathered from its part's XML events. A sheet has a million cells: its elements are told
    /// apart by their names' bytes, and a cell's attributes read as bytes too.
    private struct SheetReader {
        let strings: SharedStrings
        let dateStyles: Set<Int>
        let epoch: Epoch
        var rows: [(number: Int, cells: [String])] = []
        /// The cells gathered so far, counted to the last filled one of each row (`Limits.cells`).
        var cellCount = 0
        var row: (number: Int, cells: [String])?
        /// The cell being read, and the text of its value or its inline string.
        var cell: Cell?
        var value: [UInt8]?
        var inlineText: [UInt8]?
        var phonetic = 0
        var collecting = false

        struct Cell {
            /// Its reference as written (`B17`), for messages.
            var reference: String
            var column: Int
            var type: CellType
            var style: Int?
        }

        enum CellType {
            case number, sharedString, inlineString, boolean, string
        }

        /// The elements of a sheet that hold its values.
        enum Element {
            case row, cell, value, inlineString, text, phonetic, other

            init(_ name: UnsafeBufferPointer<UInt8>) {
                switch name.count {
                case 1 where name[0] == UInt8(ascii: "c"): self = .cell
                case 1 where name[0] == UInt8(ascii: "v"): self = .value
                case 1 where name[0] == UInt8(ascii: "t"): self = .text
                case 2 where XMLReader.matches(name, "is"): self = .inlineString
                case 3 where XMLReader.matches(name, "row"): self = .row
                case 3 where XMLReader.matches(name, "rPh"): self = .phonetic
                default: self = .other
                }
            }
        }

        mutating func read(_ event: XMLReader.Event, of reader: XMLReader) throws(InputError) {
            if event == .text {
                if collecting && inlineText != nil {
                    reader.appendText(to: &inlineText!)
                } else if collecting {
                    reader.appendText(to: &value!)
                }
                return
            }
            switch (event, Element(reader.nameBytes)) {
            case (.start, .row):
                var number = (rows.last?.number ?? 0) + 1
                if let text = reader.attribute("r") {
                    guard let given = Int(text), (1...Limits.rows).contains(given) else {
                        throw InputError("a row numbered '\(text.prefix(20))', beyond Excel's \(Limits.rows) rows")
                    }
                    number = given
                }
                row = (number, [])
            case (.end, .row):
                if let row { rows.append(row) }
                row = nil
            case (.start, .cell):
                cell = try Self.cell(reader, next: row?.cells.count ?? 0)
                (value, inlineText) = (nil, nil)
            case (.end, .cell):
                if let cell { try place(cell) }
                cell = nil
            case (.start, .value) where cell != nil:
                value = []
                collecting = true
            case (.start, .inlineString) where cell != nil:
                inlineText = []
            case (.start, .text) where inlineText != nil:
                collecting = phonetic == 0
            case (.end, .value), (.end, .text):
                collecting = false
            case (.start, .phonetic): phonetic += 1
            case (.end, .phonetic): phonetic -= 1
            default: break
            }
        }

        /// The cell whose `c` element `reader` has just started; `next`: its column when it gives no reference.
        private static func cell(_ reader: XMLReader, next: Int) throws(InputError) -> Cell {
            let reference = reader.attribute("r") ?? ""
            var column = next
            if !reference.isEmpty {
                guard let index = XLSX.columnIndex(reference), index < Limits.columns else {
                    throw InputError("cell \(reference.prefix(20)): a column beyond XFD, the last Excel has")
                }
                column = index
            }
            let type: CellType
            switch reader.attributeBytes("t").map({ String(decoding: $0, as: UTF8.self) }) {
            case "s": type = .sharedString
            case "inlineStr": type = .inlineString
            case "b": type = .boolean
            case "str", "e": type = .string
            default: type = .number
            }
            let style = reader.attributeBytes("s").flatMap { Int(String(decoding: $0, as: UTF8.self)) }
            return Cell(reference: reference, column: column, type: type, style: style)
        }

        /// The cell just read, at its column of the row.
        private mutating func place(_ cell: Cell) throws(InputError) {
            let value = value.map { String(decoding: $0, as: UTF8.self) }
            let text: String
            switch cell.type {
            case .sharedString:
                guard let index = value.flatMap({ Int($0) }), (0..<strings.count).contains(index) else {
                    throw InputError("cell \(cell.reference): a shared string that is not in the workbook")
                }
                text = strings[index]
            case .inlineString: text = inlineText.map { String(decoding: $0, as: UTF8.self) } ?? ""
            case .boolean: text = value == "1" ? "TRUE" : "FALSE"
            case .string: text = value ?? ""
            case .number:
                guard let value else {
                    text = ""
                    break
                }
                if let style = cell.style, dateStyles.contains(style) {
                    guard let serial = Double(value), let date = XLSX.date(serial: serial, epoch: epoch) else {
                        throw InputError("cell \(cell.reference): '\(value.prefix(40))' is not a date Excel writes")
                    }
                    text = date.description
                } else {
                    text = value
                }
            }
            guard row != nil else { throw InputError("cell \(cell.reference) outside a row") }
            if cell.column >= row!.cells.count {
                let added = cell.column - row!.cells.count + 1
                cellCount += added
                guard cellCount <= Limits.cells else {
                    throw InputError(
                        "the sheet holds more than \(Limits.cells) cells (rows times columns to the last filled "
                            + "one): more than foi reads of a tracker")
                }
                row!.cells += repeatElement("", count: added)
            }
            row!.cells[cell.column] = text
        }
    }

    /// 1 → `B`, 26 → `AA`: a column's letters (from 0), as a cell reference writes them.
    public static func columnName(_ index: Int) -> String {
        var letters: [Character] = []
        var number = index + 1
        while number > 0 {
            letters.insert(Character(UnicodeScalar(UInt8(65 + (number - 1) % 26))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }

    /// `B17` → 1 (the column, from 0); nil without letters, or with more than Excel's three (`XFD`, the last,
    /// is 16,383).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for character in reference.uppercased() {
            guard let ascii = character.asciiValue, (65...90).contains(ascii) else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            index = index * 26 + Int(ascii - 64)
        }
        return letters == 0 ? nil : index - 1
    }

    /// The day of a serial number: in the 1900 system day 1 is 1 January 1900 and day 60 the 29 February 1900 that
    /// never was (kept from Lotus 1-2-3); in the 1904 system day 0 is 1 January 1904. A time of day is dropped.
    static func date(serial: Double, epoch: Epoch) -> CivilDate? {
        guard serial >= 0, serial < 3_000_000 else { return nil }
        let day = Int(serial.rounded(.down))
        switch epoch {
        case .epoch1904: return CivilDate(year: 1904, month: 1, day: 1)!.adding(days: day)
        case .epoch1900:
            guard day != 60, day >= 1 else { return nil }
            return CivilDate(year: 1899, month: 12, day: day < 60 ? 31 : 30)!.adding(days: day)
        }
    }

    /// The cell styles (indexes into `cellXfs`) whose number format shows a date: the built-in date formats, and
    /// custom ones with a day or a year in them.
    static func dates(in styles: XMLElement?) -> Set<Int> {
        guard let styles else { return [] }
        var dateFormats = Set(Array(14...22) + Array(27...36) + Array(45...47) + Array(50...58))
        for format in styles.all("numFmt") {
            guard let id = format.attributes["numFmtId"].flatMap(Int.init), let code = format.attributes["formatCode"]
            else { continue }
            // Quoted text and [colour] or [h] sections say nothing of the date.
            var plain = ""
            var skipping: Character?
            for character in code {
                if let end = skipping {
                    if character == end { skipping = nil }
                } else if character == "\"" {
                    skipping = "\""
                } else if character == "[" {
                    skipping = "]"
                } else {
                    plain.append(character)
                }
            }
            let lower = plain.lowercased()
            if lower.contains("d") || lower.contains("y") { dateFormats.insert(id) } else { dateFormats.remove(id) }
        }
        let cellFormats = styles.all("cellXfs").first?.children.filter { $0.name == "xf" } ?? []
        return Set(
            cellFormats.indices.filter { index in
                cellFormats[index].attributes["numFmtId"].flatMap(Int.init).map(dateFormats.contains) ?? false
            })
    }
}

/// A parsed XML element of a workbook's smaller parts: its local name (namespace prefix dropped), attributes and
/// children (their texts are not needed).
final class XMLElement {
    let name: String
    let attributes: [String: String]
    var children: [XMLElement] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every descendant named `name`, in document order.
    func all(_ name: String) -> [XMLElement] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }

    /// The part `bytes` (at `path`) as a tree, of at most `XLSX.Limits.elements` elements.
    static func parse(_ bytes: [UInt8], _ path: String) throws(InputError) -> XMLElement {
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(XMLError) in
                var reader = try XMLReader(buffer)
                var root: XMLElement?
                var stack: [XMLElement] = []
                var count = 0
                while let event = try reader.next() {
                    switch event {
                    case .start:
                        count += 1
                        guard count <= XLSX.Limits.elements else {
                            throw XMLError("more than \(XLSX.Limits.elements) elements")
                        }
                        var attributes: [String: String] = [:]
                        for attribute in reader.attributes {
                            attributes[String(decoding: buffer[attribute.name], as: UTF8.self)] = reader.value(
                                of: attribute)
                        }
                        let element = XMLElement(
                            name: String(decoding: buffer[reader.name], as: UTF8.self), attributes: attributes)
                        if let parent = stack.last { parent.children.append(element) } else { root = element }
                        stack.append(element)
                    case .end:
                        stack.removeLast()
                    case .text:
                        break
                    }
                }
                return root!
            }
        } catch {
            throw InputError("its part \(path) is not XML Excel writes: \(error)")
        }
    }
}
