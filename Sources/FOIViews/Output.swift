import Foundation

/// How a command prints what it shows: an aligned table for people, JSON or CSV for scripts.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv
}

/// Text built up for one write, so that large outputs are one write and a failure part-way leaves nothing printed.
public struct TextOutput: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func line(_ text: String = "") {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
    }

    /// A line for a terminal, its control characters shown escaped (`printable`).
    public mutating func printableLine(_ text: String = "") {
        line(text.printable)
    }

    /// `value` as JSON on its own line: stable key order, readable, ISO dates (CivilDate encodes itself).
    public mutating func json(_ value: some Encodable) throws {
        line(String(decoding: try Self.encoder.encode(value), as: UTF8.self))
    }

    /// Each of `values` as `json` writes it in an array of them (indented as its element), for `jsonArray` to
    /// write with others: the array is encoded at once, being much faster so, and cut between its elements.
    public static func jsonElements(_ values: [some Encodable]) throws -> [[UInt8]] {
        let array = [UInt8](try encoder.encode(values))
        // "[\n  A,\n  B\n]": a string's line breaks are escaped, and an element's own lines are indented further,
        // so every ",\n" followed by exactly two spaces is between elements.
        guard array.count > 4, array.starts(with: "[\n  ".utf8) else { return [] }
        var elements: [[UInt8]] = []
        var start = 4
        var index = 4
        let end = array.count - 2
        while index < end {
            if array[index] == 0x2C, array[index + 1] == 0x0A, index + 4 < end, array[index + 2] == 0x20,
                array[index + 3] == 0x20, array[index + 4] != 0x20
            {
                elements.append(Array(array[start..<index]))
                start = index + 4
                index = start
            } else {
                index += 1
            }
        }
        elements.append(Array(array[start..<end]))
        return elements
    }

    /// An array of `elements` (each from `jsonElements`) on its own line, as `json` writes an array of them.
    public mutating func jsonArray(_ elements: [[UInt8]]) {
        guard !elements.isEmpty else { return line("[\n\n]") }
        bytes.append(contentsOf: "[\n".utf8)
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
            bytes.append(contentsOf: [0x20, 0x20])
            bytes.append(contentsOf: element)
        }
        bytes.append(contentsOf: "\n]\n".utf8)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// An optional JSON field that is always present, `null` when absent: scripts can rely on every documented key.
// swift-format-ignore: UseSynthesizedInitializer
@propertyWrapper
public struct NullWhenAbsent<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    // Written out: without it, an enclosing type's memberwise init would take a `NullWhenAbsent`, not the value.
    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

/// Plain aligned columns for people; the last column is not padded.
public enum Table {
    /// The rows under an upper-case header, each cell clipped to `maxWidth` characters.
    public static func render(header: [String], rows: [[String]], maxWidth: Int = 60) -> String {
        // Each cell's width counted once and the text written as bytes into one buffer: a listing can have
        // thousands of rows.
        let cells = ([header.map { $0.uppercased() }] + rows).map { row in
            row.map { raw -> (text: String, width: Int) in
                let cell = raw.printable
                let width = cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
                return width > maxWidth ? (String(cell.prefix(maxWidth - 1)) + "…", maxWidth) : (cell, width)
            }
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.width) } }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cells.count * (widths.reduce(0, +) + 2 * widths.count + 1))
        for row in cells {
            for (index, cell) in row.enumerated() {
                bytes.append(contentsOf: cell.text.utf8)
                if index < row.count - 1 {
                    bytes.append(contentsOf: repeatElement(0x20, count: widths[index] - cell.width + 2))
                }
            }
            bytes.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// The text with its control characters shown as escapes (`\n`, `\t`, `\u{1B}`), for a terminal or a table:
    /// a value typed with a line break cannot forge a row, nor an escape sequence retitle the terminal.
    public var printable: String {
        guard unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return self }
        var text = ""
        for scalar in unicodeScalars {
            guard scalar.properties.generalCategory == .control else {
                text.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default: text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return text
    }
}
