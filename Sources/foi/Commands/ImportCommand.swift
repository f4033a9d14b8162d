import ArgumentParser
import FOIKit
import FOIStore
import FOIViews
import Foundation

/// `foi import`: a tracker's spreadsheet as cases.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring in the cases of a tracking spreadsheet (CSV or Excel), with an audit of its due dates.",
        discussion: """
            Columns are found by the names trackers give them, whatever their case, spaces or punctuation: the \
            reference (Ref, FOI ref, Our ref), the date received (Received, Date received, Date of request), the \
            due date (Due, Deadline, Target date), the response date (Date responded, Date of reply, Closed), the \
            subject (Subject, Title, Summary), the request's words (Request, Wording), the requester (Name, \
            Requester; Email; Address), the regime (Type: FOI, EIR, FOISA, EIR(S), SAR), the channel, the outcome \
            (the spellings of real systems: 'Granted in full', 'Refused in part', 'Information not held', 'Exceeded \
            cost limit', 'NCND' …), the exemptions ('s.40(2); 31(1)(a)') and the handler (Officer, Assigned to). \
            The report lists the columns used and those that are not. Dates are read day-first (7/5/2024, 07/05/24, \
            7 May 2024, ISO; an Excel date by its cell's format); one that reads only month-first is an error.

            Each row becomes a case whose history is rebuilt as events (received, assigned, each exemption — a \
            qualified one withheld records the public interest as maintained — and the response), recorded by \
            'import'; the requester goes to the requester store only. The deadline audit compares each due date \
            of the sheet with the statutory one and names the holidays between them, without changing what is \
            imported. A reference already in the database is skipped, and said so.

            All or nothing: a bad row stops the import with its line (an Excel sheet's row) and column named, \
            exit 65, and nothing written. --dry-run prints the whole report and writes nothing.

            Given the JSON Lines of 'foi export', it restores them whole into a database that holds no case: the \
            organisation's settings, holidays and paragraphs, every case from its events as they were recorded (their \
            actors and times), and the requesters if the export has them. --templates-dir DIR writes the export's \
            edited letter templates into a new directory and points the templates-dir setting there.
            """)
    @Argument(
        help: ArgumentHelp(
            "The spreadsheet (a .csv or .xlsx file) or an export of foi (- for standard input).", valueName: "file"))
    var file: String
    @Option(help: ArgumentHelp("Excel: the sheet to read (default: the first).", valueName: "name")) var sheet: String?
    @Flag(help: "Print the report and write nothing.") var dryRun = false
    @Option(
        help: ArgumentHelp(
            "An export: a new directory to write its edited letter templates into (the templates-dir setting).",
            valueName: "dir"))
    var templatesDir: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let bytes = try readInput(file)
        if CaseStore.isExport(bytes) { return try restore(bytes) }
        if templatesDir != nil { throw Failure.usage("--templates-dir goes with an export of foi ('foi export')") }
        let rows = try perform { try Self.rows(bytes, sheet: sheet) }
        // A dry run before there is a database checks the file against an empty one, made in memory.
        let caseStore =
            dryRun && !FileManager.default.fileExists(atPath: store.path)
            ? try perform { try CaseStore.inMemory() }
            : try store.open(dryRun ? .read : .create)
        let plan = try perform { try SpreadsheetImport.plan(rows, catalogue: caseStore.catalogue) }
        var report: [String] = ["Read \(file.printable): \(plan.rows.count) row\(plan.rows.count == 1 ? "" : "s")."]
        report.append(
            "Columns: "
                + plan.columns.compactMap { column in column.field.map { "'\(column.header)' as \($0.rawValue)" } }
                .joined(separator: "; ") + ".")
        let unused = plan.columns.filter { $0.field == nil }.map { "'\($0.header)'" }
        if !unused.isEmpty { report.append("Not used: \(unused.joined(separator: ", ")).") }
        let forms = plan.dateForms.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }
        if !forms.isEmpty {
            report.append("Dates read: \(forms.joined(separator: ", ")) (day-first is the convention).")
        }
        report += try audit(plan.rows, calendars: caseStore.calendars)

        let known = try perform { try caseStore.existing(plan.rows.compactMap(\.new.reference)) }
        var fresh: [SpreadsheetImport.Row] = []
        var existing: [String] = []
        for row in plan.rows {
            if let reference = row.new.reference, known.contains(reference) {
                existing.append(reference.rawValue)
            } else {
                fresh.append(row)
            }
        }
        if !existing.isEmpty {
            report.append(
                "Already in the database, skipped: \(existing.count) (\(existing.prefix(10).joined(separator: ", "))"
                    + (existing.count > 10 ? ", …" : "") + ").")
        }
        if !dryRun {
            try perform {
                try caseStore.importCases(
                    fresh.map { ($0.new, $0.steps) }, actor: "import", today: store.todayDate)
            }
        }
        report.append(
            dryRun
                ? "Dry run: nothing written; \(fresh.count) case\(fresh.count == 1 ? "" : "s") would be imported."
                : "Imported \(fresh.count) case\(fresh.count == 1 ? "" : "s").")
        for line in report { say(line.printable) }
    }

    /// Restores an export of foi into a new database: its organisation's tables, every case from its events, its
    /// requesters if it has them, and with --templates-dir its edited templates.
    func restore(_ bytes: [UInt8]) throws {
        if sheet != nil { throw Failure.usage("--sheet goes with an Excel workbook (.xlsx), not an export") }
        try NewOutput.check(templatesDir, "directory")
        if dryRun && FileManager.default.fileExists(atPath: store.path) {
            // The restore's first check, made without writing: the database must hold no case.
            let cases = try perform { try store.open(.read).caseCount() }
            if cases > 0 { throw Failure.refused("\(StoreError.restoreNeedsNewDatabase(cases: cases))") }
        }
        let caseStore = dryRun ? try perform { try CaseStore.inMemory() } : try store.open(.create)
        let restoration = try perform {
            try caseStore.restore(export: bytes, today: store.todayDate) { templates in
                guard let templatesDir, !dryRun, !templates.isEmpty else { return nil }
                try LetterCommand.Templates.Export.write(templates, into: templatesDir)
                return URL(fileURLWithPath: templatesDir).standardizedFileURL.path
            }
        }
        var report = ["Read \(file.printable): an export of foi (schema \(restoration.schema ?? "not given"))."]
        let tables = restoration.rows.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        if !tables.isEmpty { report.append("Organisation rows: \(tables.joined(separator: ", ")).") }
        if restoration.removedTexts > 0 {
            report.append(
                "Personal texts not in the export (removed, or exported without --include-requesters), stored as "
                    + "removed: \(restoration.removedTexts).")
        }
        let names = restoration.templates.map(\.name).joined(separator: ", ")
        switch (restoration.templates.isEmpty, templatesDir) {
        case (true, _): break
        case (false, let directory?) where !dryRun:
            report.append("Edited letter templates (\(names)) written to \(directory.printable), the templates-dir.")
        case (false, _):
            report.append(
                "The export holds edited letter templates (\(names)): --templates-dir DIR writes them out and points "
                    + "the templates-dir setting there.")
        }
        let cases = "\(restoration.cases) case\(restoration.cases == 1 ? "" : "s")"
        let requesters = "\(restoration.requesters) requester\(restoration.requesters == 1 ? "" : "s")"
        report.append(
            dryRun
                ? "Dry run: nothing written; \(cases) (\(requesters)) would be restored."
                : "Restored \(cases) with their events, and \(requesters).")
        for line in report { say(line.printable) }
    }

    /// The rows of a CSV file or an Excel sheet, each with its line (the sheet's row).
    static func rows(_ bytes: [UInt8], sheet: String?) throws -> [(line: Int, cells: [String])] {
        if XLSX.isPackage(bytes) {
            return try XLSX.sheet(bytes, named: sheet).rows.map { ($0.number, $0.cells) }
        }
        if sheet != nil { throw Failure.usage("--sheet goes with an Excel workbook (.xlsx)") }
        var rows: [(line: Int, cells: [String])] = []
        do {
            try CSV.scan(bytes) { record in rows.append((record.line, record.fields.indices.map(record.string))) }
        } catch {
            throw InputError("\(error)")
        }
        return rows
    }

    /// Where the sheet's due date is not the statutory one: the line, both dates, and the holidays between them
    /// (the usual cause: a bank holiday a hand count missed).
    func audit(_ rows: [SpreadsheetImport.Row], calendars: Calendars) throws -> [String] {
        var findings: [String] = []
        var checked = 0
        for row in rows {
            guard let sheetDue = row.sheetDue else { continue }
            checked += 1
            let query = DeadlineQuery(received: row.new.received, regime: row.new.receipt.regime)
            guard let due = try? ResponseClock.deadline(for: try query.clockInput(), calendars: calendars).due,
                due != sheetDue
            else { continue }
            let divisions = row.new.receipt.regime.calendarKind.divisions
            var holidays: [String] = []
            var day = row.new.received.adding(days: 1)
            while day <= max(due, sheetDue) {
                if let holiday = divisions.lazy.compactMap({ calendars.holidays.holiday(on: day, in: $0) }).first {
                    holidays.append("\(day.longDescription) is \(holiday.title)")
                }
                day = day.adding(days: 1)
            }
            findings.append(
                "  line \(row.line)\(row.new.reference.map { " (\($0))" } ?? ""): the sheet's \(sheetDue), the "
                    + "statutory date \(due) (20 working days from \(row.new.received)"
                    + (holidays.isEmpty ? ")" : "; \(holidays.joined(separator: ", ")))"))
        }
        guard checked > 0 else { return [] }
        return [
            "Deadline audit: \(findings.count) of \(checked) due dates differ from the statutory date"
                + (findings.isEmpty ? "." : ":")
        ] + findings
    }
}
