/// RFC 4180 CSV: comma-separated fields, double quotes around fields that hold commas, quotes or line breaks,
/// `""` for a quote inside one; LF, CRLF or CR line ends; a UTF-8 byte-order mark is ignored.
public enum CSV {
    /// One record as the file holds it: each field a range of the file's bytes, read as text only when asked (a
    /// hundred thousand rows are scanned without making a string of every cell). Valid only inside `scan`'s body.
    public struct Record {
        public struct Field {
            /// The field's bytes, without its quotes.
            public var range: Range<Int>
            public var quoted: Bool
            /// A doubled quote inside it stands for one.
            public var escaped: Bool
        }

        /// The line it starts on (the header is line 1), for error messages.
        public var line: Int
        public var fields: [Field] = []
        /// The record's bytes as written, without its line end.
        public var raw: Range<Int> = 0..<0
        public var bytes: UnsafeBufferPointer<UInt8>

        /// Field `index` as text, its doubled quotes undone.
        public func string(_ index: Int) -> String {
            let field = fields[index]
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[field.range]), as: UTF8.self)
            return field.escaped ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
        }

        /// Whether field `index` may be one a spreadsheet would run as a formula (`CSV.isFormula` decides).
        public func mayBeFormula(_ index: Int) -> Bool {
            let field = fields[index]
            guard let first = field.range.first else { return false }
            return field.quoted ? CSV.isFormula(string(index)) : CSV.startsFormula(bytes[first])
        }

        /// Field `index`'s bytes without the spaces around them; nil where it holds a doubled quote (read it with
        /// `string`).
        public func trimmedBytes(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
            let field = fields[index]
            guard !field.escaped else { return nil }
            var (start, end) = (field.range.lowerBound, field.range.upperBound)
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            return UnsafeBufferPointer(rebasing: bytes[start..<end])
        }
    }

    /// Why a CSV file could not be read.
    public struct SyntaxError: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Calls `body` with each non-blank record of `bytes` in order; stops at the first syntax error. A file whose
    /// lines end in CR alone (Excel for the Mac's "CSV (Macintosh)") is read with CR as the line end.
    public static func scan(_ bytes: [UInt8], _ body: (Record) throws -> Void) throws {
        let carriageReturnLines = !bytes.contains(0x0A) && bytes.contains(0x0D)
        let bytes = carriageReturnLines ? bytes.map { $0 == 0x0D ? 0x0A : $0 } : bytes
        try bytes.withUnsafeBufferPointer { buffer in
            try scan(
                UnsafeBufferPointer(rebasing: buffer[(buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)...]),
                firstLine: 1, body)
        }
    }

    /// Calls `body` with each non-blank record of `buffer`, whose first line is line `firstLine` of the file (a part
    /// of a file that starts where a record does).
    public static func scan(_ buffer: UnsafeBufferPointer<UInt8>, firstLine: Int, _ body: (Record) throws -> Void)
        throws
    {
        let (quote, comma, lineFeed, carriageReturn) = (UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(0x0A), UInt8(0x0D))
        do {
            let count = buffer.count
            var index = 0
            var line = firstLine
            var record = Record(line: line, bytes: buffer)
            while index < count {
                record.fields.removeAll(keepingCapacity: true)
                record.line = line
                let start = index
                var contentEnd = count
                var ended = false
                while !ended {
                    var field = Record.Field(range: index..<index, quoted: false, escaped: false)
                    if index < count && buffer[index] == quote {
                        index += 1
                        let fieldStart = index
                        while true {
                            guard index < count else {
                                throw SyntaxError(line: record.line, reason: "a quoted field is never closed")
                            }
                            if buffer[index] == quote {
                                guard index + 1 < count, buffer[index + 1] == quote else { break }
                                field.escaped = true
                                index += 2
                                continue
                            }
                            if buffer[index] == lineFeed { line += 1 }
                            index += 1
                        }
                        field.range = fieldStart..<index
                        field.quoted = true
                        index += 1
                        if index < count && buffer[index] == carriageReturn { index += 1 }
                        guard index >= count || buffer[index] == comma || buffer[index] == lineFeed else {
                            throw SyntaxError(line: line, reason: "text after a closing quote")
                        }
                    } else {
                        let fieldStart = index
                        while index < count && buffer[index] != comma && buffer[index] != lineFeed {
                            if buffer[index] == quote {
                                throw SyntaxError(
                                    line: line,
                                    reason:
                                        "a quote inside an unquoted field; quote the whole field and double the quote")
                            }
                            index += 1
                        }
                        var end = index
                        if end > fieldStart && buffer[end - 1] == carriageReturn { end -= 1 }
                        field.range = fieldStart..<end
                    }
                    record.fields.append(field)
                    if index >= count {
                        contentEnd = count
                        ended = true
                    } else if buffer[index] == comma {
                        index += 1
                        // A comma at the very end leaves one more field, empty.
                        if index >= count {
                            record.fields.append(Record.Field(range: count..<count, quoted: false, escaped: false))
                        }
                        ended = index >= count
                    } else {
                        contentEnd = index > start && buffer[index - 1] == carriageReturn ? index - 1 : index
                        index += 1
                        line += 1
                        ended = true
                    }
                }
                record.raw = start..<max(start, contentEnd)
                if record.fields.count == 1 && record.fields[0].range.isEmpty && !record.fields[0].quoted { continue }
                try body(record)
            }
        }
    }

    /// `value` as a CSV field, quoted only where it must be. A text a spreadsheet would run as a formula (one that
    /// begins with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading `'`, as OWASP
    /// advises, so that opening the file runs nothing; a number such as `-3` stays a number.
    public static func field(_ value: String) -> String {
        let value = isFormula(value) ? "'" + value : value
        guard
            value.utf8.contains(where: {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
            })
        else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a spreadsheet would take `value` as a formula rather than text or a number.
    static func isFormula(_ value: String) -> Bool {
        guard let first = value.utf8.first, startsFormula(first) else { return false }
        let rest = value.utf8.dropFirst()
        let isNumber =
            (first == UInt8(ascii: "-") || first == UInt8(ascii: "+")) && !rest.isEmpty
            && rest.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }
            && rest.filter { $0 == UInt8(ascii: ".") }.count <= 1 && rest.first != UInt8(ascii: ".")
        return !isNumber
    }

    /// Whether a field beginning with `byte` may be one a spreadsheet runs as a formula (`isFormula` decides).
    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }

    /// One CSV line (with its line feed) of `values`.
    public static func line(_ values: [String]) -> String {
        values.map(field).joined(separator: ",") + "\n"
    }
}
