/// RFC 4180 CSV: comma-separated fields, double quotes around fields that hold commas, quotes or line breaks,
/// `""` for a quote inside one; LF or CRLF line ends; a UTF-8 byte-order mark is ignored.
public enum CSV {
    /// One record with the line it starts on (the header is line 1), for error messages.
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
    }

    /// Why a CSV file could not be read.
    public struct SyntaxError: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Every non-blank record of `bytes`.
    public static func records(_ bytes: [UInt8]) throws(SyntaxError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false

        func endRecord() {
            if fields.isEmpty && field.isEmpty && !fieldWasQuoted { return }
            fields.append(String(decoding: field, as: UTF8.self))
            records.append(Record(line: recordLine, fields: fields))
            fields = []
            field = []
            fieldWasQuoted = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
                fieldWasQuoted = false
            case UInt8(ascii: "\""):
                guard field.isEmpty else {
                    throw SyntaxError(
                        line: line,
                        reason: "a quote inside an unquoted field; quote the whole field and double the quote")
                }
                inQuotes = true
                fieldWasQuoted = true
            case 0x0D:
                continue
            case 0x0A:
                endRecord()
                line += 1
                recordLine = line
            default:
                if fieldWasQuoted { throw SyntaxError(line: line, reason: "text after a closing quote") }
                field.append(byte)
            }
        }
        if inQuotes { throw SyntaxError(line: recordLine, reason: "a quoted field is never closed") }
        endRecord()
        return records
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
        guard let first = value.utf8.first,
            [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
        else { return false }
        let rest = value.utf8.dropFirst()
        let isNumber =
            (first == UInt8(ascii: "-") || first == UInt8(ascii: "+")) && !rest.isEmpty
            && rest.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }
            && rest.filter { $0 == UInt8(ascii: ".") }.count <= 1 && rest.first != UInt8(ascii: ".")
        return !isNumber
    }

    /// One CSV line (with its line feed) of `values`.
    public static func line(_ values: [String]) -> String {
        values.map(field).joined(separator: ",") + "\n"
    }
}
