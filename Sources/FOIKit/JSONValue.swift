/// A JSON value, written and read by FOIKit itself so that the permanent event format depends on no library's
/// choices (key order, escaping, number style) and reads the same in ten years.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// Whole numbers only: the event format has no fractions but hours, kept as `number`.
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The canonical text: no white space, object keys in byte order, strings escaped minimally, so that equal
    /// values always give equal bytes (what a hash of an event's content needs).
    public var canonicalText: String {
        String(decoding: canonicalBytes, as: UTF8.self)
    }

    /// `canonicalText` as UTF-8, written as bytes: the hash chain reads it so, for every event.
    public var canonicalBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        write(to: &bytes)
        return bytes
    }

    private func write(to bytes: inout [UInt8]) {
        switch self {
        case .null: bytes += "null".utf8
        case .bool(let value): bytes += (value ? "true" : "false").utf8
        case .integer(let value): bytes += String(value).utf8
        case .number(let value):
            // Whole numbers keep a `.0`, so that a reader knows the field is a number with a fraction.
            bytes += (value.rounded() == value && abs(value) < 1e15 ? "\(Int(value)).0" : "\(value)").utf8
        case .string(let value): Self.writeString(value, to: &bytes)
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                value.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            bytes.append(UInt8(ascii: "{"))
            let sorted = fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, field) in sorted.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.writeString(field.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                field.value.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string with only the escapes JSON requires, the runs between them copied whole (a payload, which is
    /// full of quotes, is written into the hash of every event).
    static func writeString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
                case ..<0x20:
                    let hex = String(byte, radix: 16)
                    bytes += ("u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                default: bytes.append(byte)
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether the canonical text `canonical` holds a string with the NUL character. The writer escapes it as
    /// `\u0000` and a typed backslash as `\\`, so the escape is the one with an odd run of backslashes before it.
    public static func canonicalTextHoldsNUL(_ canonical: String) -> Bool {
        var canonical = canonical
        return canonical.withUTF8 { bytes in
            var backslashes = 0
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: "\\") {
                    backslashes += 1
                    continue
                }
                if backslashes % 2 == 1 && bytes[index] == UInt8(ascii: "u") && index + 4 < bytes.count
                    && bytes[index + 1] == 0x30 && bytes[index + 2] == 0x30 && bytes[index + 3] == 0x30
                    && bytes[index + 4] == 0x30
                {
                    return true
                }
                backslashes = 0
            }
            return false
        }
    }

    // MARK: - Reading

    /// Parses JSON text (RFC 8259).
    public init(parsing text: String) throws(JSONSyntaxError) {
        try self.init(parsing: Array(text.utf8))
    }

    /// Parses JSON text (RFC 8259) given as bytes, which must be UTF-8. Stricter than the RFC where a text could not
    /// be kept whole or the reader exhausted: no NUL character in a string (SQLite's texts end at one), and no value
    /// nested deeper than `JSONParser.maximumDepth`.
    public init(parsing bytes: [UInt8]) throws(JSONSyntaxError) {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        self = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw parser.error("text after the value") }
    }

}

/// The reader behind `JSONValue(parsing:)` and `JSONScanner`.
struct JSONParser {
    /// How deep arrays and objects may nest: far beyond any file read or written here (an event is three deep), and
    /// far short of what would exhaust a thread's stack.
    static let maximumDepth = 512

    let bytes: [UInt8]
    var index = 0
    /// The arrays and objects open at `index`.
    private var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: index, reason: reason) }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    mutating func expect(_ word: String) throws(JSONSyntaxError) {
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { throw error("expected \(word)") }
            index += 1
        }
    }

    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "["):
            try enter()
            defer { depth -= 1 }
            index += 1
            var values: [JSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(values)
            }
            while true {
                skipSpace()
                values.append(try value())
                skipSpace()
                guard index < bytes.count else { throw error("unclosed array") }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "]") { return .array(values) }
                guard bytes[index - 1] == UInt8(ascii: ",") else { throw error("expected , or ]") }
            }
        case UInt8(ascii: "{"):
            try enter()
            defer { depth -= 1 }
            index += 1
            var fields: [String: JSONValue] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(fields)
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key") }
                let key = try string()
                skipSpace()
                try expect(":")
                skipSpace()
                fields[key] = try value()
                skipSpace()
                guard index < bytes.count else { throw error("unclosed object") }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "}") { return .object(fields) }
                guard bytes[index - 1] == UInt8(ascii: ",") else { throw error("expected , or }") }
            }
        default:
            return try number()
        }
    }

    /// One more level of nesting, refused past `maximumDepth`.
    private mutating func enter() throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else {
            throw error("arrays and objects nested deeper than \(Self.maximumDepth) levels")
        }
        depth += 1
    }

    mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        var isWhole = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                isWhole = false
            } else if !(byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || (0x30...0x39).contains(byte)) {
                break
            }
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isWhole, let value = Int(text) { return .integer(value) }
        guard let value = Double(text) else { throw error("'\(text)' is not a number") }
        return .number(value)
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        index += 1
        // The bytes of the string, escapes decoded; most strings have none and are one slice, and most are ASCII,
        // which needs no validating (every payload of a verify is parsed).
        var decoded: [UInt8] = []
        var run = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if !decoded.isEmpty { decoded.append(contentsOf: bytes[run..<index]) }
                let text: String?
                switch (ascii, decoded.isEmpty) {
                case (true, true): text = String(decoding: bytes[run..<index], as: UTF8.self)
                case (true, false): text = String(decoding: decoded, as: UTF8.self)
                case (false, true): text = String(validating: bytes[run..<index], as: UTF8.self)
                case (false, false): text = String(validating: decoded, as: UTF8.self)
                }
                guard let text else { throw error("a string that is not UTF-8") }
                index += 1
                return text
            }
            guard byte == UInt8(ascii: "\\") else {
                // The RFC's rule: a control character in a string is written as an escape. A raw NUL is the one
                // that matters most, for a text is cut at it when stored.
                guard byte >= 0x20 else { throw error("a control character (\(byte)) inside a string") }
                if byte >= 0x80 { ascii = false }
                index += 1
                continue
            }
            decoded.append(contentsOf: bytes[run..<index])
            var scalars = String.UnicodeScalarView()
            index += 1
            guard index < bytes.count else { break }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    try expect("\\u")
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("a lone surrogate") }
                guard scalar != "\u{0}" else { throw error("the NUL character (\\u0000), which is not kept") }
                scalars.append(scalar)
            default:
                throw error("an unknown escape")
            }
            decoded.append(contentsOf: String(scalars).utf8)
            run = index
        }
        throw error("unclosed string")
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw error("a bad \\u escape") }
        index += 4
        return code
    }
}

/// Why a text is not JSON.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The byte offset where reading stopped.
    public var offset: Int
    public var reason: String

    public var description: String { "not JSON at byte \(offset): \(reason)" }
}

extension JSONValue: Encodable {
    /// Encodes the value as itself, so that a view can embed a stored payload in its own JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let fields): try container.encode(fields)
        }
    }
}

/// Reads JSON front to back without building a tree of it: for a large input read once, such as the bank holiday
/// data every command loads, where a dictionary for each of a thousand small objects would cost more than the
/// rest of the reading.
struct JSONScanner {
    private var parser: JSONParser

    init(_ bytes: [UInt8]) {
        parser = JSONParser(bytes: bytes)
        parser.skipSpace()
    }

    /// Calls `body` with each key of the object here, which must read or skip its value.
    mutating func forEachField(_ body: (String, inout JSONScanner) throws -> Void) throws {
        try forEach(between: "{", and: "}") { scanner in
            guard try scanner.peek() == UInt8(ascii: "\"") else { throw scanner.parser.error("expected a key") }
            let key = try scanner.parser.string()
            scanner.parser.skipSpace()
            try scanner.parser.expect(":")
            scanner.parser.skipSpace()
            try body(key, &scanner)
        }
    }

    /// Calls `body` for each element of the array here, which must read or skip it.
    mutating func forEachElement(_ body: (inout JSONScanner) throws -> Void) throws {
        try forEach(between: "[", and: "]", body)
    }

    /// Calls `item` for each comma-separated item between `open` and `close`.
    private mutating func forEach(
        between open: Unicode.Scalar, and close: Unicode.Scalar, _ item: (inout JSONScanner) throws -> Void
    ) throws {
        try parser.expect(String(open))
        parser.skipSpace()
        if try peek() == UInt8(ascii: close) {
            parser.index += 1
            return
        }
        while true {
            parser.skipSpace()
            try item(&self)
            parser.skipSpace()
            let next = try peek()
            parser.index += 1
            if next == UInt8(ascii: close) { return }
            guard next == UInt8(ascii: ",") else { throw parser.error("expected , or \(close)") }
        }
    }

    /// The string here.
    mutating func string() throws -> String {
        guard try peek() == UInt8(ascii: "\"") else { throw parser.error("expected a string") }
        return try parser.string()
    }

    /// Reads past the value here.
    mutating func skipValue() throws {
        _ = try parser.value()
    }

    private func peek() throws(JSONSyntaxError) -> UInt8 {
        guard parser.index < parser.bytes.count else { throw parser.error("unexpected end") }
        return parser.bytes[parser.index]
    }
}
