import FOIKit

/// `foi deadline --input`: the due date of every row of a spreadsheet.
public enum DeadlineCSV {
    /// The input rows with a `due` column added (replacing one already there), as CSV bytes; throws on the first
    /// bad row, naming its line and column, before anything is written. Columns the calculator does not know are
    /// the spreadsheet's own and pass through untouched.
    public static func process(_ bytes: [UInt8], calendars: Calendars) throws(InputError) -> [UInt8] {
        let records: [CSV.Record]
        do {
            records = try CSV.records(bytes)
        } catch {
            throw InputError("\(error)")
        }
        guard let header = records.first else {
            throw InputError("the CSV is empty: it needs a header row with a 'received' column")
        }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let receivedIndex = columns.firstIndex(of: "received") else {
            throw InputError(
                "line 1: the header has no 'received' column (it has: \(header.fields.joined(separator: ", ")))")
        }
        let dueIndex = columns.firstIndex(of: "due")
        func index(_ name: String) -> Int? { columns.firstIndex(of: name) }
        let reader = RowReader(
            received: receivedIndex, regime: index("regime"), clarified: index("clarified"),
            clarificationRequested: index("clarification_requested"), feeNotice: index("fee_notice"),
            feePaid: index("fee_paid"), identityReceived: index("id_received"), extensionDays: index("extension_days"),
            extended: index("extended"), workingDays: index("working_days"), convention: index("receipt_convention"),
            division: index("division"), columns: columns)

        var output = TextOutput()
        output.write(CSV.line(dueIndex == nil ? header.fields + ["due"] : header.fields))
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw InputError(
                    "line \(record.line): \(record.fields.count) fields where the header has \(header.fields.count)")
            }
            let options = try reader.options(record)
            let due: CivilDate?
            do {
                due = try ResponseClock.deadline(for: try options.clockInput(), calendars: calendars).due
            } catch {
                throw InputError("line \(record.line): \(error)")
            }
            var fields = record.fields
            if let dueIndex { fields[dueIndex] = due?.description ?? "" } else { fields.append(due?.description ?? "") }
            output.write(CSV.line(fields))
        }
        return output.bytes
    }

    /// Reads one row's cells into the calculator's options; an empty cell is an absent value.
    private struct RowReader {
        var received: Int
        var regime, clarified, clarificationRequested, feeNotice, feePaid, identityReceived: Int?
        var extensionDays, extended, workingDays, convention, division: Int?
        var columns: [String]

        func options(_ record: CSV.Record) throws(InputError) -> DeadlineQuery {
            func cell(_ index: Int?) -> String? {
                guard let index else { return nil }
                let value = record.fields[index].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            func fail(_ index: Int, _ reason: String) -> InputError {
                InputError("line \(record.line), column '\(columns[index])': \(reason)")
            }
            func date(_ index: Int?, receipt: Bool = false) throws(InputError) -> CivilDate? {
                guard let index, let text = cell(index) else { return nil }
                do {
                    return receipt ? try ReceiptTime.londonDate(from: text) : try CivilDate(iso: text)
                } catch {
                    throw fail(index, "\(error)")
                }
            }
            func number(_ index: Int?) throws(InputError) -> Int? {
                guard let index, let text = cell(index) else { return nil }
                guard let value = Int(text) else { throw fail(index, "'\(text)' is not a whole number") }
                return value
            }
            func choice<T: RawRepresentable & CaseIterable>(_ index: Int?, _: T.Type) throws(InputError) -> T?
            where T.RawValue == String {
                guard let index, let text = cell(index) else { return nil }
                guard let value = T(rawValue: text.lowercased()) else {
                    throw fail(index, "'\(text)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return value
            }
            guard let receivedDate = try date(received, receipt: true) else {
                throw fail(received, "the date of receipt is empty")
            }
            var extendedFlag = false
            if let extended, let text = cell(extended) {
                switch text.lowercased() {
                case "true", "yes", "y", "1": extendedFlag = true
                case "false", "no", "n", "0": extendedFlag = false
                default: throw fail(extended, "'\(text)' is not true or false")
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

/// A malformed input file, with the line and column at fault (exit 65 on the command line).
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
