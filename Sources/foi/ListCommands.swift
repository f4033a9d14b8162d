import ArgumentParser
import FOIKit
import FOIStore
import Foundation

/// `foi list`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases, in due-date order, with filters.")

    @Option(help: "Only cases with this status (repeatable).") var status: [CaseStatus] = []
    @Option(help: "Only cases under this regime.") var regime: Regime?
    @Option(help: ArgumentHelp("Only open cases due within N working days (overdue ones included).", valueName: "n")) var dueWithin: Int?
    @Flag(help: "Only open cases past their date.") var overdue = false
    @Option(help: ArgumentHelp("Only cases received on or after this date.", valueName: "date")) var receivedFrom: String?
    @Option(help: ArgumentHelp("Only cases received on or before this date.", valueName: "date")) var receivedTo: String?
    @Option(help: ArgumentHelp("At most N cases (0: all).", valueName: "n")) var limit: Int = 0
    @OptionGroup var store: StoreOptions
    @Option(help: "Output format.") var format: OutputFormat = .table

    func validate() throws {
        if let dueWithin, dueWithin < 0 { throw ValidationError("--due-within must be zero or more") }
        if limit < 0 { throw ValidationError("--limit must be zero or more") }
    }

    func run() throws {
        let today = try store.todayDate()
        var filter = CaseFilter()
        filter.statuses = status
        filter.regime = regime
        filter.dueWithinWorkingDays = dueWithin
        filter.overdue = overdue
        filter.receivedFrom = try receivedFrom.map { try parseDate($0, option: "--received-from") }
        filter.receivedTo = try receivedTo.map { try parseDate($0, option: "--received-to") }
        filter.limit = limit == 0 ? nil : limit
        let caseStore = try store.open()
        let cases = try perform { try caseStore.list(filter, today: today) }
        try CaseOutput.printCases(cases, store: caseStore, today: today, format: format)
    }
}

/// `foi board`.
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Today's view: overdue cases, cases due in the next five working days, and cases waiting on the requester.")

    @Option(help: ArgumentHelp("How many working days ahead counts as due soon.", valueName: "n")) var horizon: Int = 5
    @Option(help: ArgumentHelp("At most N cases a section, the most urgent first (0: all). Default: 50 in a table, all in JSON and CSV.", valueName: "n")) var limit: Int?
    @OptionGroup var store: StoreOptions
    @Option(help: "Output format (json and csv add a section field).") var format: OutputFormat = .table

    func validate() throws {
        if horizon < 0 { throw ValidationError("--horizon must be zero or more") }
        if let limit, limit < 0 { throw ValidationError("--limit must be zero or more") }
    }

    func run() throws {
        let caseStore = try store.open()
        let rowsPerSection = limit ?? (format == .table ? 50 : 0)
        try Self.show(caseStore, today: try store.todayDate(), horizon: horizon, limit: rowsPerSection == 0 ? nil : rowsPerSection, format: format)
    }

    static func show(_ caseStore: CaseStore, today: CivilDate, horizon: Int, limit: Int?, format: OutputFormat) throws {
        let board = try perform { try caseStore.board(today: today, horizon: horizon, limit: limit) }
        let sections: [(String, String, BoardSection, String)] = [
            ("overdue", "Overdue", board.overdue, "foi list --overdue"),
            ("due-soon", "Due in the next \(horizon) working days", board.dueSoon, "foi list --due-within \(horizon)"),
            ("awaiting", "Waiting on the requester (clock stopped)", board.awaiting, "foi list --status awaiting-clarification --status awaiting-fee"),
        ]
        var output = OutputBuffer()
        switch format {
        case .json:
            let rows = sections.flatMap { key, _, section, _ in section.rows.map { BoardJSON(section: key, case: CaseJSON($0.summary, workingDaysLeft: $0.workingDaysLeft)) } }
            output.line(String(decoding: try JSONEncoder.output.encode(rows), as: UTF8.self))
        case .csv:
            output.write(CSV.line(["section"] + CaseOutput.columns))
            for (key, _, section, _) in sections {
                for row in section.rows { output.write(CSV.line([key] + CaseOutput.csvRow(CaseJSON(row.summary, workingDaysLeft: row.workingDaysLeft)))) }
            }
        case .table:
            output.line("Board for \(today.fullDescription)")
            for (_, title, section, fullList) in sections {
                output.line()
                output.line("\(title) (\(section.count))")
                if section.rows.isEmpty { continue }
                output.write(Table.render(header: ["ref", "regime", "status", "due", "left", "subject"], rows: section.rows.map { row in
                    let summary = row.summary
                    let left = row.workingDaysLeft.map { $0 < 0 ? "\(-$0) late" : "\($0)" } ?? "since \(summary.statusSince)"
                    return [summary.ref.rawValue, summary.regime.shortName, summary.status.rawValue,
                            summary.due.map { $0.longDescription + (summary.provisional ? " (provisional)" : "") } ?? "-", left, summary.subject]
                }))
                if section.count > section.rows.count { output.line("… and \(section.count - section.rows.count) more: \(fullList)") }
            }
        }
        output.flush()
    }
}

/// A board row in JSON: the case object with the board section it is in.
struct BoardJSON: Encodable {
    var section: String
    var `case`: CaseJSON

    func encode(to encoder: any Encoder) throws {
        try `case`.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(section, forKey: .section)
    }

    enum CodingKeys: String, CodingKey { case section }
}
