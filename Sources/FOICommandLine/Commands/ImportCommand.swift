import ArgumentParser
import FOIApp
import FOIIntake
import FOIKit
import FOIResources
import FOIViews
import Foundation

/// `foi import`: a tracker's spreadsheet as cases.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring in the cases of a tracking spreadsheet (CSV or Excel), with an audit of its due dates.",
        discussion: """
            Columns are found by the names trackers give them, whatever their case, spaces or punctuation: the \
            reference (Ref, FOI ref, Reference number), the date received (Received, Date received, Date of \
            request), the due date (Due, Deadline), the response or closing date (Date responded, Date of reply, \
            Date closed), the subject (Subject, Summary), the request's words (Request, Wording), the requester \
            (Name; Email; Address), the regime (Type, FOI or EIR: FOI, EIR, FOISA, EIR(S), SAR), the channel, the \
            status (Status, Stage), the outcome, the exemptions ('s.40(2); 31(1)(a)'), the handler (Officer, \
            Assigned to), the dates of a clarification asked and received, a fees notice and its payment, a public \
            interest extension (PIT, with Extension days), an internal review asked and decided (IR date, IR \
            response date, IR outcome), and a complaint (ICO ref, ICO date, Decision notice, ICO outcome). The \
            header may sit under title rows; an Excel workbook's first sheet with such a header is read unless \
            --sheet names one. The report lists the columns used and those that are not. Dates are read day-first \
            (7/5/2024, 07/05/24, 7 May 2024, ISO; an Excel date by its cell's format); one that reads only \
            month-first is an error naming its cell.

            Statuses and outcomes are mapped from the spellings of real systems ('FOI Clarification Required', \
            'Fees Due', 'Withdrawn - By Requestor', 'Granted in full', 'Refused in part', 'NCND' …); an unmapped \
            one is an error naming what it can map to. --mapping FILE adds to the built-in names, a JSON object: \
            {"columns": {"Logged": "received", "Notes": null}, "outcomes": {"Released": "granted-in-full"}, \
            "statuses": {"With legal": "open"}} (a column mapped to null is left out; the values are the fields the \
            report prints, the outcomes of 'foi respond', and open, awaiting-clarification, awaiting-fee, extended, \
            responded, withdrawn, transferred or lapsed: what lapsed is the clarification or fee the row awaits).

            Each row becomes a case whose history is rebuilt as events in the order they happened (received, \
            assigned, clarification, fees, the exemptions — a qualified one withheld records the public interest as \
            maintained — the extension, the response or the withdrawal, review, complaint), recorded by 'import \
            by' the officer (--actor, else the login name); the requester goes to the requester store only. The \
            deadline audit compares each due date of the sheet \
            with the statutory one of the row's history and names the holidays between them, without changing what \
            is imported. A reference already in the database is skipped, and said so; with --update, what its row \
            has since (a later step, another handler) is added to it, and a row whose earlier history differs is \
            refused, since a history is only ever added to. A sheet with a reference and review or complaint \
            columns but no date received (the ICO template's internal review tracker) adds those steps to the cases \
            already in the database, each once.

            All or nothing: a bad row stops the import with its line and column named (in a workbook, its cell: B17), \
            exit 65, and nothing written. --dry-run prints the whole report, checks every row, and writes nothing. \
            A large import shows its progress on standard error when that is a terminal.

            Given the JSON Lines of 'foi export', it restores them whole into a database that holds no case: the \
            organisation's settings, holidays and paragraphs, every case from its events as they were recorded (their \
            actors and times), and the requesters if the export has them. --templates-dir DIR writes the export's \
            edited letter templates into a new directory and points the templates-dir setting there.
            """)
    @Argument(
        help: ArgumentHelp(
            "The spreadsheet (a .csv or .xlsx file) or an export of foi (- for standard input).", valueName: "file"))
    var file: String
    @Option(help: ArgumentHelp("Excel: the sheet to read (default: the first that is a tracker).", valueName: "name"))
    var sheet: String?
    @Flag(help: "Print the report and write nothing.") var dryRun = false
    @Option(
        help: ArgumentHelp(
            "An export: a new directory to write its edited letter templates into (the templates-dir setting).",
            valueName: "dir"))
    var templatesDir: String?
    @Option(
        help: ArgumentHelp(
            "A JSON file of column names, outcome and status spellings to add to the built-in ones.",
            valueName: "file"))
    var mapping: String?
    @Flag(help: "Add to cases already imported what their rows have since (the sheet's later steps).")
    var update = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        try Check.nonBlank([(sheet, "--sheet"), (mapping, "--mapping"), (templatesDir, "--templates-dir")])
    }

    func run() async throws {
        var bytes = try readInput(file, limit: InputLimit.spreadsheet)
        if !XLSX.isPackage(bytes) { bytes = try utf8Text(bytes, from: file) }
        if Stores.isExport(bytes) { return try await restore(bytes) }
        if templatesDir != nil { throw Failure.usage("--templates-dir goes with an export of foi ('foi export')") }
        let mapping =
            try mapping.map { path in try perform { try SpreadsheetImport.Mapping(parsing: readTextInput(path)) } }
            ?? .init()
        let rows = try perform { try Self.rows(bytes, sheet: sheet, mapping: mapping) }
        if !SpreadsheetImport.holdsTracker(rows, mapping: mapping),
            let later = try perform({
                try SpreadsheetImport.laterSteps(rows, mapping: mapping, inSheet: XLSX.isPackage(bytes))
            })
        {
            return try await addLaterSteps(later)
        }
        // The report is printed once the import is in place: a database another officer made meanwhile refuses it.
        let report = try await withStore { caseStore in
            try await importRows(rows, mapping: mapping, into: caseStore, inSheet: XLSX.isPackage(bytes))
        }
        for line in report { say(line.printable) }
    }

    /// Runs `body` on the database, or where there is none yet on a new one that takes its place only if `body`
    /// succeeds (a dry run: on an empty one in memory). A refused import leaves no database behind, and never removes
    /// one another officer made meanwhile. `restoring`: a dry run of a restore checks that the database holds no
    /// case, then restores into an empty one in memory.
    func withStore<T>(restoring: Bool = false, _ body: (any CaseStorage) async throws -> T) async throws -> T {
        let exists = try store.databaseExists()
        if exists && restoring && dryRun {
            let cases = try await perform { try await store.open(.read).caseCount() }
            if cases > 0 { throw Failure.refused(StoreError.restoreNeedsNewDatabase(cases: cases).commandLine) }
        } else if exists {
            return try await body(store.open(dryRun ? .read : .write))
        }
        if dryRun { return try await body(perform { try Stores.inMemory() }) }
        return try await perform { try await Stores.buildingNew(at: store.path, body) }
    }

    /// Imports the tracker's `rows` into `caseStore`, or with --dry-run checks them against it; returns the report.
    func importRows(
        _ rows: [(line: Int, cells: [String])], mapping: SpreadsheetImport.Mapping, into caseStore: any CaseStorage,
        inSheet: Bool
    ) async throws -> [String] {
        let progress = Progress(total: rows.count, noun: "cases")
        defer { progress.finish() }
        let result = try await perform {
            do {
                return try await TrackerImport.run(
                    rows, mapping: mapping, inSheet: inSheet, into: caseStore, update: update, dryRun: dryRun,
                    today: store.todayDate, progress: progress.update)
            } catch let refused as TrackerImport.RowRefused {
                throw Failure.badInput(
                    "line \(refused.line)\(refused.reference.map { " (\($0))" } ?? ""): \(refused.reason)")
            }
        }
        var report: [String] = ["Read \(file.printable): \(result.rows) row\(result.rows == 1 ? "" : "s")."]
        report += Self.describe(result.columns, result.dateForms)
        report += Self.describe(result.audit)
        if let gained = result.gained, !result.existing.isEmpty {
            let steps = gained.reduce(0, +)
            report.append(
                "\(dryRun ? "Would update" : "Updated") \(gained.filter { $0 > 0 }.count) of \(result.existing.count) "
                    + "cases already in the database with \(steps) step\(steps == 1 ? "" : "s") from their rows.")
        } else if !result.existing.isEmpty {
            let references = result.existing.map(\.rawValue)
            let listed = references.prefix(10).joined(separator: ", ") + (references.count > 10 ? ", …" : "")
            report.append(
                "Already in the database, skipped: \(references.count) (\(listed)); --update adds what their rows have "
                    + "since.")
        }
        let cases = "\(result.imported) case\(result.imported == 1 ? "" : "s")"
        report.append(dryRun ? "Dry run: nothing written; \(cases) would be imported." : "Imported \(cases).")
        return report
    }

    /// The report's lines on the columns used and not, and the forms of the dates read.
    static func describe(
        _ columns: [(header: String, field: SpreadsheetImport.Field?)], _ dateForms: [SpreadsheetDate.Form: Int]
    )
        -> [String]
    {
        var lines = [
            "Columns: "
                + columns.compactMap { column in column.field.map { "'\(column.header)' as \($0.rawValue)" } }
                .joined(separator: "; ") + "."
        ]
        let unused = columns.filter { $0.field == nil }.map(\.header)
        if !unused.isEmpty { lines.append("Not used: \(SpreadsheetImport.listed(unused)).") }
        let forms = dateForms.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }
        if !forms.isEmpty {
            lines.append("Dates read: \(forms.joined(separator: ", ")) (day-first is the convention).")
        }
        return lines
    }

    /// A sheet of later steps (an internal review tracker): each row's review and complaint recorded on its case,
    /// where the case does not have them yet.
    func addLaterSteps(_ later: SpreadsheetImport.LaterSteps) async throws {
        let caseStore = try store.open(dryRun ? .read : .write)
        var report = [
            "Read \(file.printable): \(later.rows.count) row\(later.rows.count == 1 ? "" : "s") of later steps (no "
                + "date received: reviews and complaints of cases already in the database)."
        ]
        report += Self.describe(later.columns, later.dateForms)
        let gained = try await perform {
            do {
                return try await TrackerImport.addLaterSteps(
                    later, into: caseStore, dryRun: dryRun, today: store.todayDate)
            } catch let refused as TrackerImport.RowRefused {
                throw Failure.badInput("line \(refused.line): \(refused.reason)")
            }
        }
        let steps = gained.reduce(0, +)
        report.append(
            "\(dryRun ? "Dry run: nothing written; would add" : "Added") \(steps) step\(steps == 1 ? "" : "s") to "
                + "\(gained.filter { $0 > 0 }.count) of \(gained.count) cases (steps a case has already are left).")
        for line in report { say(line.printable) }
    }

    /// Restores an export of foi into a new database: its organisation's tables, every case from its events, its
    /// requesters if it has them, and with --templates-dir its edited templates.
    func restore(_ bytes: [UInt8]) async throws {
        if sheet != nil || mapping != nil || update {
            throw Failure.usage("--sheet, --mapping and --update go with a spreadsheet, not an export")
        }
        try NewOutput.check(templatesDir, "directory", option: "--templates-dir")
        let restoration = try await withStore(restoring: true) { caseStore in
            try await perform {
                try await Office(storage: caseStore).restore(export: bytes, today: store.todayDate) { templates in
                    guard let templatesDir, !dryRun, !templates.isEmpty else { return nil }
                    // Checked as the letters will use them, with the built-in ones they do not replace.
                    let merged = Seeds.letterTemplates.merging(templates.map { ($0.name, $0.text) }) { $1 }
                    do throws(LetterError) {
                        try LetterTemplateCheck.check(merged)
                    } catch {
                        guard case .template(let name, let reason) = error else { throw error }
                        throw Failure.badInput("the export's letter template '\(name)' cannot be used: \(reason)")
                    }
                    try LetterCommand.Templates.Export.write(templates, into: templatesDir)
                    return URL(fileURLWithPath: templatesDir).standardizedFileURL.path
                }
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
    /// Without `sheet`, a workbook's first sheet that is a tracker (the ICO's template begins with instructions).
    static func rows(_ bytes: [UInt8], sheet: String?, mapping: SpreadsheetImport.Mapping = .init()) throws
        -> [(line: Int, cells: [String])]
    {
        if XLSX.isPackage(bytes) {
            let workbook = try XLSX.Workbook(bytes)
            if let sheet { return try workbook.sheet(named: sheet).rows.map { ($0.number, $0.cells) } }
            func lines(_ rows: some Collection<(number: Int, cells: [String])>) -> [(line: Int, cells: [String])] {
                rows.map { ($0.number, $0.cells) }
            }
            var first: XLSX.Sheet?
            for name in workbook.sheetNames {
                let sheet = try workbook.sheet(named: name)
                // A tracker's header is among its first rows: the rest are read only from the sheet chosen.
                if SpreadsheetImport.holdsTracker(lines(sheet.rows.prefix(10)), mapping: mapping) {
                    return lines(sheet.rows)
                }
                first = first ?? sheet
            }
            return first.map { lines($0.rows) } ?? []
        }
        if sheet != nil { throw Failure.usage("--sheet goes with an Excel workbook (.xlsx)") }
        var rows: [(line: Int, cells: [String])] = []
        do {
            try CSVReader.scan(bytes) { record in rows.append((record.line, record.fields.indices.map(record.string))) }
        } catch {
            throw InputError("\(error)")
        }
        return rows
    }

    /// The audit's lines: each due date that differs from the statutory date, with the holidays between them.
    static func describe(_ audit: DeadlineAudit) -> [String] {
        guard audit.checked > 0 else { return [] }
        let findings = audit.findings.map { finding in
            let count = finding.workingDays.map { "\($0) working days" } ?? "the period"
            let from = finding.restarted ? " (the clock restarted)" : ""
            let paused = finding.paused ? ", days awaiting a fee left out" : ""
            let holidays = finding.holidays.map { "\($0.date.longDescription) is \($0.title)" }
            return "  line \(finding.line)\(finding.reference.map { " (\($0))" } ?? ""): the sheet's "
                + "\(finding.sheetDue), the statutory date \(finding.due) (\(count) from \(finding.dayZero)\(from)"
                + "\(paused)" + (holidays.isEmpty ? ")" : "; \(holidays.joined(separator: ", ")))")
        }
        return [
            "Deadline audit: \(findings.count) of \(audit.checked) due dates differ from the statutory date"
                + (findings.isEmpty ? "." : ":")
        ] + findings
    }
}
