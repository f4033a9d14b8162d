import FOIIntake
import FOIKit
import FOIViews

/// The deadline calculator over a spreadsheet: each row read (`CSVReader`), its dates decided (`ResponseClock`) and
/// the row written with them (`CSV`).
public enum DeadlineSheet {
    /// The columns written, replacing any of the same name.
    static let added = ["due", "extended_due", "status", "provisional"]

    /// The input rows with `due` (the response date), `extended_due` (the FOIA s.10(3) estimate, or empty), `status`
    /// (`running`, `awaiting-clarification`, `awaiting-fee`) and `provisional` (`true` where the date relies on
    /// holidays not yet published) added, as CSV bytes; throws on the first bad row, naming its line and column,
    /// before anything is written. Columns the calculator does not know are the spreadsheet's own and pass through:
    /// a row is copied as written unless one of its cells would run as a formula (`CSV.field` neutralises those).
    public static func process(_ bytes: [UInt8], calendars: Calendars) throws(InputError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var reader: RowReader?
        do {
            try CSVReader.scan(bytes) { record in
                guard let reader else {
                    let header = try RowReader(header: record.fields.indices.map(record.string))
                    output += Array(CSV.line(header.outputHeader).utf8)
                    reader = header
                    return
                }
                try reader.write(record, calendars: calendars, into: &output)
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("\(error)")
        }
        guard reader != nil else {
            throw InputError("the CSV is empty: it needs a header row with a 'received' column")
        }
        return output
    }

    /// A sheet as CSV text, each row on the line of its number in the sheet (so that an error names the sheet's
    /// row), every row as wide as the header (a sheet leaves trailing empty cells out).
    public static func csv(of sheet: XLSX.Sheet) -> [UInt8] {
        var output: [UInt8] = []
        let width = sheet.rows.first?.cells.count ?? 0
        var line = 1
        for row in sheet.rows {
            while line < row.number {
                output.append(0x0A)
                line += 1
            }
            let cells = row.cells + Array(repeating: "", count: max(0, width - row.cells.count))
            output += CSV.line(cells).utf8
            line += 1
        }
        return output
    }

    /// Reads each row's cells into the calculator's options and writes the row with its dates; an empty cell is an
    /// absent value. Dates are ISO or as spreadsheets write them, day-first (`SpreadsheetDate`).
    /// A class: it is used once per row, and a struct of arrays would be copied (retained) each time.
    private final class RowReader {
        let names: [String]
        let header: [String]
        let received: Int
        let regime, clarified, clarificationRequested, feeNotice, feePaid, identityReceived: Int?
        let extensionDays, extended, workingDays, convention, division: Int?
        /// Where each added column already is, if it is.
        let replaced: [Int?]

        init(header: [String]) throws(InputError) {
            self.header = header
            // Headers are matched as the import matches them: `Extension days` and `extension-days` name
            // extension_days.
            names = header.map(SpreadsheetImport.normalised)
            guard let received = names.firstIndex(of: "received") else {
                throw InputError(
                    "line 1: the header has no 'received' column (it has: \(SpreadsheetImport.listed(header)))")
            }
            self.received = received
            let names = names
            func index(_ name: String) -> Int? { names.firstIndex(of: SpreadsheetImport.normalised(name)) }
            regime = index("regime")
            clarified = index("clarified")
            clarificationRequested = index("clarification_requested")
            feeNotice = index("fee_notice")
            feePaid = index("fee_paid")
            identityReceived = index("id_received")
            extensionDays = index("extension_days")
            extended = index("extended")
            workingDays = index("working_days")
            convention = index("receipt_convention")
            division = index("division")
            replaced = DeadlineSheet.added.map(index)
        }

        /// Rows are copied as written, the dates appended, unless the dates replace columns of the file's.
        var copiesRows: Bool { replaced.allSatisfy { $0 == nil } }
        static let provisionalTrue = Array(",true\n".utf8)
        static let provisionalFalse = Array(",false\n".utf8)

        var outputHeader: [String] {
            header + zip(DeadlineSheet.added, replaced).compactMap { $1 == nil ? $0 : nil }
        }

        func write(_ record: CSVReader.Record, calendars: Calendars, into output: inout [UInt8]) throws(InputError) {
            guard record.fields.count == header.count else {
                throw InputError(
                    "line \(record.line): \(record.fields.count) fields where the header has \(header.count)")
            }
            let deadline: ResponseDeadline
            do {
                deadline = try ResponseClock.deadline(for: try options(record).clockInput(), calendars: calendars)
            } catch let error as InputError {
                throw error
            } catch {
                throw InputError("line \(record.line): \(error)")
            }
            let status: StaticString =
                switch deadline.state {
                case .running: "running"
                case .awaitingClarification: "awaiting-clarification"
                case .awaitingFee: "awaiting-fee"
                }
            if copiesRows && !record.fields.indices.contains(where: { record.mayBeFormula($0) }) {
                output += UnsafeBufferPointer(rebasing: record.bytes[record.raw])
                output.append(UInt8(ascii: ","))
                if let due = deadline.due { due.appendISO(to: &output) }
                output.append(UInt8(ascii: ","))
                if let extended = deadline.extendedDue { extended.appendISO(to: &output) }
                output.append(UInt8(ascii: ","))
                output += UnsafeBufferPointer(start: status.utf8Start, count: status.utf8CodeUnitCount)
                output += deadline.provisional ? Self.provisionalTrue : Self.provisionalFalse
                return
            }
            let values = [
                deadline.due?.description ?? "", deadline.extendedDue?.description ?? "", "\(status)",
                deadline.provisional ? "true" : "false",
            ]
            var fields = record.fields.indices.map(record.string)
            for (value, index) in zip(values, replaced) {
                if let index { fields[index] = value } else { fields.append(value) }
            }
            output += CSV.line(fields).utf8
        }

        func options(_ record: CSVReader.Record) throws(InputError) -> DeadlineQuery {
            func fail(_ index: Int, _ reason: String) -> InputError {
                InputError(
                    "line \(record.line), column '\(header[index].trimmingCharacters(in: .whitespaces))': \(reason)")
            }
            func text(_ index: Int?) -> String? {
                guard let index else { return nil }
                let value =
                    record.trimmedBytes(index).map { String(decoding: $0, as: UTF8.self) }
                    ?? record.string(index).trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            func date(_ index: Int?, receipt: Bool = false) throws(InputError) -> CivilDate? {
                guard let index else { return nil }
                if let bytes = record.trimmedBytes(index) {
                    if bytes.isEmpty { return nil }
                    if let parsed = SpreadsheetDate.parse(bytes) { return parsed.date }
                }
                guard let text = text(index) else { return nil }
                do {
                    // A timestamp with its zone, where the receipt's time decides its day.
                    if receipt && text.contains("T") { return try ReceiptTime.londonDate(from: text) }
                    return try SpreadsheetDate.parse(text).date
                } catch {
                    throw fail(index, "\(error)")
                }
            }
            func number(_ index: Int?) throws(InputError) -> Int? {
                guard let text = text(index) else { return nil }
                guard let value = Int(text) else { throw fail(index!, "'\(text)' is not a whole number") }
                return value
            }
            func choice<T: RawRepresentable & CaseIterable>(_ index: Int?, _: T.Type) throws(InputError) -> T?
            where T.RawValue == String {
                guard let text = text(index) else { return nil }
                guard let value = T(rawValue: text) ?? T(rawValue: text.lowercased()) else {
                    throw fail(index!, "'\(text)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return value
            }
            guard let receivedDate = try date(received, receipt: true) else {
                throw fail(received, "the date of receipt is empty")
            }
            var extendedFlag = false
            if let text = text(extended) {
                switch text.lowercased() {
                case "true", "yes", "y", "1": extendedFlag = true
                case "false", "no", "n", "0": extendedFlag = false
                default: throw fail(extended!, "'\(text)' is not true or false")
                }
            }
            return DeadlineQuery(
                received: receivedDate, regime: try choice(regime, Regime.self) ?? .foia,
                clarified: try date(clarified, receipt: true), clarificationRequested: try date(clarificationRequested),
                feeNotice: try date(feeNotice), feePaid: try date(feePaid),
                identityReceived: try date(identityReceived),
                extensionDays: try number(extensionDays), extended: extendedFlag, workingDays: try number(workingDays),
                nonSchoolDays: nil, convention: try choice(convention, ReceiptConvention.self) ?? .statutory,
                division: try choice(division, Division.self) ?? .englandAndWales)
        }
    }
}
