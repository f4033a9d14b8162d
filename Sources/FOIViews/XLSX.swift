import FOIKit
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One sheet of an Excel workbook (Office Open XML, `.xlsx`) as rows of text: shared and inline strings, numbers,
/// booleans, and dates by their cell's number format (a serial number in the 1900 or the 1904 date system, written
/// as `YYYY-MM-DD`). Empty cells are empty texts; rows keep their sheet numbers.
public enum XLSX {
    public struct Sheet: Sendable {
        public var name: String
        /// Each row that holds a cell, with its number in the sheet (1-based), its cells from column A.
        public var rows: [(number: Int, cells: [String])]
    }

    /// Whether `bytes` begin as a ZIP package does.
    public static func isPackage(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The sheet named `name` (default: the first).
    public static func sheet(_ bytes: [UInt8], named name: String?) throws(InputError) -> Sheet {
        try Workbook(bytes).sheet(named: name)
    }

    /// A workbook opened once: its sheets' names, and each sheet read when asked for, with the parts every sheet
    /// shares (the shared strings, the date styles) read only once.
    public struct Workbook {
        /// The names of its sheets, in order.
        public let sheetNames: [String]
        private let archive: Archive
        private let sheets: [XMLElement]
        private let relationships: [XMLElement]
        private let strings: [String]
        private let dateStyles: Set<Int>
        private let epoch: Epoch

        public init(_ bytes: [UInt8]) throws(InputError) {
            do {
                archive = try Archive(data: Data(bytes), accessMode: .read)
                guard let workbook = try Self.part("xl/workbook.xml", of: archive) else {
                    throw InputError("it is not an Excel workbook")
                }
                sheets = workbook.all("sheet")
                sheetNames = sheets.compactMap { $0.attributes["name"] }
                relationships = try Self.part("xl/_rels/workbook.xml.rels", of: archive)?.all("Relationship") ?? []
                strings = try Self.part("xl/sharedStrings.xml", of: archive)?.all("si").map(\.text) ?? []
                dateStyles = dates(in: try Self.part("xl/styles.xml", of: archive))
                let epoch1904 = workbook.all("workbookPr").first?.attributes["date1904"].map {
                    $0 == "1" || $0 == "true"
                }
                epoch = epoch1904 == true ? .epoch1904 : .epoch1900
            } catch let error as InputError {
                throw error
            } catch {
                throw InputError("it is not a workbook Excel could open: \(error)")
            }
        }

        /// The sheet named `name` (default: the first).
        public func sheet(named name: String?) throws(InputError) -> Sheet {
            let found = name.map { name in sheets.first { $0.attributes["name"] == name } } ?? sheets.first
            guard let chosen = found else {
                let names = sheetNames.map { "'\($0)'" }.joined(separator: ", ")
                throw InputError("the workbook has no sheet '\(name ?? "")' (it has \(names))")
            }
            let id = chosen.attributes.first { $0.key.hasSuffix(":id") }?.value
            guard let target = relationships.first(where: { $0.attributes["Id"] == id })?.attributes["Target"] else {
                throw InputError("the workbook does not say where sheet '\(chosen.attributes["name"] ?? "")' is")
            }
            do {
                guard let worksheet = try Self.part(target.hasPrefix("/") ? target : "xl/" + target, of: archive) else {
                    throw InputError("the workbook's sheet '\(chosen.attributes["name"] ?? "")' is missing")
                }
                return Sheet(
                    name: chosen.attributes["name"] ?? "",
                    rows: try rows(worksheet, strings: strings, dateStyles: dateStyles, epoch: epoch))
            } catch let error as InputError {
                throw error
            } catch {
                throw InputError("it is not a workbook Excel could open: \(error)")
            }
        }

        /// The XML part at `path` of the package, if it has one.
        private static func part(_ path: String, of archive: Archive) throws -> XMLElement? {
            guard let entry = archive[path.hasPrefix("/") ? String(path.dropFirst()) : path] else { return nil }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            return try XMLElement.parse(data)
        }
    }

    enum Epoch { case epoch1900, epoch1904 }

    /// The text of each cell of each row.
    private static func rows(_ worksheet: XMLElement, strings: [String], dateStyles: Set<Int>, epoch: Epoch) throws
        -> [(number: Int, cells: [String])]
    {
        var rows: [(number: Int, cells: [String])] = []
        for row in worksheet.all("row") {
            let number = row.attributes["r"].flatMap(Int.init) ?? (rows.last?.number ?? 0) + 1
            var cells: [String] = []
            for cell in row.children where cell.name == "c" {
                let reference = cell.attributes["r"] ?? ""
                let column = columnIndex(reference) ?? cells.count
                let value = cell.children.first { $0.name == "v" }?.text
                let text: String
                switch cell.attributes["t"] {
                case "s":
                    guard let index = value.flatMap(Int.init), strings.indices.contains(index) else {
                        throw InputError("cell \(reference): a shared string that is not in the workbook")
                    }
                    text = strings[index]
                case "inlineStr": text = cell.children.first { $0.name == "is" }?.text ?? ""
                case "b": text = value == "1" ? "TRUE" : "FALSE"
                case "str", "e": text = value ?? ""
                default:
                    guard let value else {
                        text = ""
                        break
                    }
                    if let style = cell.attributes["s"].flatMap(Int.init), dateStyles.contains(style) {
                        guard let serial = Double(value), let date = date(serial: serial, epoch: epoch) else {
                            throw InputError("cell \(reference): '\(value)' is not a date Excel writes")
                        }
                        text = date.description
                    } else {
                        text = value
                    }
                }
                if column >= cells.count { cells += Array(repeating: "", count: column - cells.count + 1) }
                cells[column] = text
            }
            rows.append((number, cells))
        }
        return rows
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

    /// `B17` → 1 (the column, from 0).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for character in reference.uppercased() {
            guard let ascii = character.asciiValue, (65...90).contains(ascii) else { break }
            index = index * 26 + Int(ascii - 64)
            letters += 1
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

/// A parsed XML element: its local name (namespace prefix dropped), attributes, children and text.
final class XMLElement {
    let name: String
    let attributes: [String: String]
    var children: [XMLElement] = []
    private var ownText = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The text inside, its descendants' included (a rich-text string's runs joined).
    var text: String { ownText + children.filter { $0.name != "rPh" }.map(\.text).joined() }

    /// Every descendant named `name`, in document order.
    func all(_ name: String) -> [XMLElement] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }

    static func parse(_ data: Data) throws -> XMLElement {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw InputError("a part of the workbook is not well-formed XML")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElement?
        var stack: [XMLElement] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let element = XMLElement(name: local, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            // Only a text element's characters count: white space between elements is layout.
            guard let current = stack.last, current.name == "t" || current.name == "v" else { return }
            current.ownText += string
        }
    }
}
