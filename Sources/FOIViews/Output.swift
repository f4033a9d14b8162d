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

    /// `value` as JSON on its own line: stable key order, readable, ISO dates (CivilDate encodes itself).
    public mutating func json(_ value: some Encodable) throws {
        line(String(decoding: try Self.encoder.encode(value), as: UTF8.self))
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
        let clipped = rows.map { $0.map { $0.count > maxWidth ? String($0.prefix(maxWidth - 1)) + "…" : $0 } }
        var widths = header.map(\.count)
        for row in clipped { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                text += cell
                if index < cells.count - 1 { text += String(repeating: " ", count: widths[index] - cell.count + 2) }
            }
            return text + "\n"
        }
        return line(header.map { $0.uppercased() }) + clipped.map(line).joined()
    }
}
