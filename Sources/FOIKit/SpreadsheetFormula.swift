/// What a spreadsheet runs as a formula when it opens a file: a text cell that begins with `=`, `+`, `-`, `@`, a tab
/// or a carriage return, unless it is a number such as `-3`. Such a text is written with a leading `'` (as OWASP
/// advises), and a row read is copied as it was only where none of its cells is one.
public enum SpreadsheetFormula {
    /// Whether a spreadsheet would take `value` as a formula rather than text or a number.
    public static func isFormula(_ value: String) -> Bool {
        guard let first = value.utf8.first, startsFormula(first) else { return false }
        let rest = value.utf8.dropFirst()
        let isNumber =
            (first == UInt8(ascii: "-") || first == UInt8(ascii: "+")) && !rest.isEmpty
            && rest.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }
            && rest.filter { $0 == UInt8(ascii: ".") }.count <= 1 && rest.first != UInt8(ascii: ".")
        return !isNumber
    }

    /// Whether a field beginning with `byte` may be one a spreadsheet runs as a formula (`isFormula` decides).
    public static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }
}
