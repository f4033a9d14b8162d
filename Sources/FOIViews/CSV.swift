import FOIKit

/// RFC 4180 CSV as foi writes it: comma-separated fields, double quotes around fields that hold commas, quotes or line
/// breaks, `""` for a quote inside one, LF line ends. (`CSVReader`, in FOIIntake, reads it.)
public enum CSV {
    /// `value` as a CSV field, quoted only where it must be. A text a spreadsheet would run as a formula (one that
    /// begins with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading `'`, as OWASP
    /// advises, so that opening the file runs nothing; a number such as `-3` stays a number.
    public static func field(_ value: String) -> String {
        let value = SpreadsheetFormula.isFormula(value) ? "'" + value : value
        guard
            value.utf8.contains(where: {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
            })
        else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV line (with its line feed) of `values`.
    public static func line(_ values: [String]) -> String {
        values.map(field).joined(separator: ",") + "\n"
    }
}
