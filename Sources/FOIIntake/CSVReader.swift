import FOIKit

/// RFC 4180 CSV as foi reads it: comma-separated fields, double quotes around fields that hold commas, quotes or
/// line breaks, `""` for a quote inside one; LF, CRLF or CR line ends; a UTF-8 byte-order mark is ignored.
public enum CSVReader {
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

        /// Whether field `index` may be one a spreadsheet would run as a formula (`SpreadsheetFormula` decides).
        public func mayBeFormula(_ index: Int) -> Bool {
            let field = fields[index]
            guard let first = field.range.first else { return false }
            return field.quoted
                ? SpreadsheetFormula.isFormula(string(index)) : SpreadsheetFormula.startsFormula(bytes[first])
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

}
