import ArgumentParser
import FOIKit
import FOIStore
import Foundation

/// `foi list`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List cases, in due-date order, with filters.")

    @Option(help: "Only cases with this status (repeatable).") var status: [CaseStatus] = []
    @Option(
        help: ArgumentHelp(
            "Only cases at this stage (repeatable): request, responded, review, regulator (with the ICO or SIC), tribunal, closed.",
            valueName: "stage"))
    var stage: [CaseStage] = []
    @Option(help: "Only cases under this regime.") var regime: Regime?
    @Option(
        help: ArgumentHelp(
            "Only cases with this clock running: response, review, submissions, compliance, appeal-window, hearing, clarification-lapse, fee-lapse. With --overdue or --due-within, that clock's date.",
            valueName: "clock"))
    var clock: ClockName?
    @Option(
        help: ArgumentHelp(
            "Only cases with a clock due within N working days (the authority's overdue ones included).", valueName: "n"
        )) var dueWithin: Int?
    @Flag(
        help: "Only cases with one of the authority's clocks (response, review, submissions, compliance) past its date."
    ) var overdue = false
    @Option(help: ArgumentHelp("Only cases received on or after this date.", valueName: "date")) var receivedFrom:
        String?
    @Option(help: ArgumentHelp("Only cases received on or before this date.", valueName: "date")) var receivedTo:
        String?
    @Option(help: ArgumentHelp("At most N cases (0: all).", valueName: "n")) var limit: Int = 0
    @OptionGroup var store: StoreOptions
    @Option(help: "Output format.") var format: OutputFormat = .table

    func validate() throws {
        if let dueWithin, dueWithin < 0 { throw ValidationError("--due-within must be zero or more") }
        if limit < 0 { throw ValidationError("--limit must be zero or more") }
        if let clock, !clock.isOnBoard {
            throw ValidationError(
                "\(clock.rawValue) is the requester's window, shown on the case ('foi show'); --clock takes "
                    + ClockName.allCases.filter(\.isOnBoard).map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        let today = try store.todayDate()
        var filter = CaseFilter()
        filter.statuses = status
        filter.stages = stage
        filter.regime = regime
        filter.clock = clock
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
        abstract:
            "Today's view of every running clock: what is overdue, what is due in the next five working days, and what waits on the requester.",
        discussion: """
            Each row is one clock of a case: the response, an internal review, the regulator's date for submissions, \
            the steps a decision notice ordered, the last day to appeal, a tribunal hearing, or (for cases waiting on \
            the requester) the day the request lapses for want of clarification or a fee. Overdue lists only the \
            authority's own clocks; working days are counted in the case's regime calendar.
            """)

    @Option(help: ArgumentHelp("How many working days ahead counts as due soon.", valueName: "n")) var horizon: Int = 5
    @Option(
        help: ArgumentHelp(
            "At most N cases a section, the most urgent first (0: all). Default: 50 in a table, all in JSON and CSV.",
            valueName: "n")) var limit: Int?
    @OptionGroup var store: StoreOptions
    @Option(help: "Output format (json and csv add a section field).") var format: OutputFormat = .table

    func validate() throws {
        if horizon < 0 { throw ValidationError("--horizon must be zero or more") }
        if let limit, limit < 0 { throw ValidationError("--limit must be zero or more") }
    }

    func run() throws {
        let caseStore = try store.open()
        let rowsPerSection = limit ?? (format == .table ? 50 : 0)
        try Self.show(
            caseStore, today: try store.todayDate(), horizon: horizon,
            limit: rowsPerSection == 0 ? nil : rowsPerSection, format: format)
    }

    static func show(_ caseStore: CaseStore, today: CivilDate, horizon: Int, limit: Int?, format: OutputFormat) throws {
        let board = try perform { try caseStore.board(today: today, horizon: horizon, limit: limit) }
        let sections: [(String, String, BoardSection, String)] = [
            ("overdue", "Overdue", board.overdue, "foi list --overdue"),
            ("due-soon", "Due in the next \(horizon) working days", board.dueSoon, "foi list --due-within \(horizon)"),
            (
                "awaiting", "Waiting on the requester (response clock stopped; the date the request lapses)",
                board.awaiting,
                "foi list --status awaiting-clarification --status awaiting-fee"
            ),
        ]
        var output = OutputBuffer()
        switch format {
        case .json:
            let rows = try sections.flatMap { key, _, section, _ in
                try section.rows.map {
                    BoardJSON(
                        section: key, clock: ClockJSON($0),
                        case: CaseJSON(
                            $0.summary, workingDaysLeft: try caseStore.workingDaysLeft($0.summary, today: today)))
                }
            }
            output.line(String(decoding: try JSONEncoder.output.encode(rows), as: UTF8.self))
        case .csv:
            output.write(CSV.line(["section", "clock", "clock_due", "clock_left"] + CaseOutput.columns))
            for (key, _, section, _) in sections {
                for row in section.rows {
                    let json = CaseJSON(
                        row.summary, workingDaysLeft: try caseStore.workingDaysLeft(row.summary, today: today))
                    output.write(
                        CSV.line(
                            [key, row.clock.rawValue, row.due.description, String(row.workingDaysLeft)]
                                + CaseOutput.csvRow(json)))
                }
            }
        case .table:
            output.line("Board for \(today.fullDescription)")
            for (_, title, section, fullList) in sections {
                output.line()
                output.line("\(title) (\(section.count))")
                if section.rows.isEmpty { continue }
                output.write(
                    Table.render(
                        header: ["ref", "regime", "clock", "date", "left", "stage", "subject"],
                        rows: section.rows.map { row in
                            let summary = row.summary
                            let left =
                                row.workingDaysLeft < 0 ? "\(-row.workingDaysLeft) late" : "\(row.workingDaysLeft)"
                            return [
                                summary.ref.rawValue, summary.regime.shortName, row.clock.title,
                                row.due.longDescription + (row.provisional ? " (provisional)" : ""), left,
                                summary.stage.rawValue, summary.subject,
                            ]
                        }))
                if section.count > section.rows.count {
                    output.line("… and \(section.count - section.rows.count) more: \(fullList)")
                }
            }
        }
        output.flush()
    }
}

/// A board row in JSON: the case object with the board section it is in and the clock that put it there.
struct BoardJSON: Encodable {
    var section: String
    var clock: ClockJSON
    var `case`: CaseJSON

    func encode(to encoder: any Encoder) throws {
        try `case`.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(section, forKey: .section)
        try container.encode(clock, forKey: .clock)
    }

    enum CodingKeys: String, CodingKey { case section, clock }
}

/// The clock of a board row: `name`, `title`, `due`, `workingDaysLeft`, `provisional`.
struct ClockJSON: Encodable {
    var name: ClockName
    var title: String
    var due: CivilDate
    var workingDaysLeft: Int
    var provisional: Bool

    init(_ row: BoardRow) {
        name = row.clock
        title = row.clock.title
        due = row.due
        workingDaysLeft = row.workingDaysLeft
        provisional = row.provisional
    }
}
