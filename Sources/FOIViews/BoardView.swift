import FOIKit

/// The board: every running clock in three sections, overdue, due soon, and waiting on the requester.
public enum BoardView {
    /// The board as a table (with each section's count, and `listingAll` of a section's key saying how to see the
    /// rows past the limit), JSON or CSV.
    public static func render(
        _ board: Board, horizon: Int, calendars: Calendars, format: OutputFormat, listingAll: (String) -> String
    ) throws -> TextOutput {
        let today = board.today
        let sections: [(String, String, BoardSection)] = [
            (sectionKeys[0], "Overdue", board.overdue),
            (sectionKeys[1], "Due in the next \(horizon) working days", board.dueSoon),
            (
                sectionKeys[2], "Waiting on the requester (response clock stopped; the date the request lapses)",
                board.awaiting
            ),
        ]
        var output = TextOutput()
        switch format {
        case .json:
            output.jsonArray(try jsonRows(board, calendars: calendars).map(\.json))
        case .csv:
            output.write(CSV.line(["section", "clock", "clock_due", "clock_left"] + CaseView.columns))
            for (key, _, section) in sections {
                for row in section.rows {
                    let view = try CaseView(row.summary, calendars: calendars, today: today)
                    output.write(
                        CSV.line(
                            [key, row.clock.rawValue, row.due.description, String(row.workingDaysLeft)] + view.csvRow))
                }
            }
        case .table:
            output.line("Board for \(today.fullDescription)")
            output.line(TimelinessReport.warningLine(quarter: ReportingPeriod.quarter(of: today), board.quarter))
            for (key, title, section) in sections {
                output.line()
                output.line("\(title) (\(section.count))")
                if section.rows.isEmpty { continue }
                output.write(
                    Table.render(
                        header: ["ref", "regime", "clock", "date", "left", "stage", "subject"],
                        rows: section.rows.map { row in
                            let summary = row.summary
                            return [
                                summary.ref.rawValue, summary.regime.shortName, row.clock.title,
                                row.due.longDescription + (row.provisional ? " (provisional)" : ""),
                                CaseView.left(row.workingDaysLeft),
                                summary.stage.rawValue, summary.subject,
                            ]
                        }))
                if section.count > section.rows.count {
                    output.line("… and \(section.count - section.rows.count) more: \(listingAll(key))")
                }
            }
            // Only where there are some: an office without contributors has no such section.
            let (count, rows) = board.tasksAndSignOff
            guard count > 0 else { return output }
            output.line()
            output.line("\(tasksAndSignOffTitle(horizon: horizon)) (\(count))")
            if !rows.isEmpty {
                output.write(
                    Table.render(
                        header: ["ref", "waiting for", "on", "date", "left", "subject"],
                        rows: rows.map { row in
                            [
                                row.reference.rawValue, DelayView.phrase(row.kind), row.onName, row.due.longDescription,
                                CaseView.left(row.workingDaysLeft), row.subject,
                            ]
                        }))
            }
            if count > rows.count { output.line("… and \(count - rows.count) more: \(listingAll(tasksKey))") }
        }
        return output
    }

    /// The heading of the board's section of tasks and stages of sign-off.
    public static func tasksAndSignOffTitle(horizon: Int) -> String {
        "Tasks and sign-off overdue or due in the next \(horizon) working days"
    }

    /// The key `listingAll` is given for the section of tasks and sign-off.
    public static let tasksKey = "tasks"
}

extension BoardView {
    /// The sections' keys in JSON and CSV, in the board's order: overdue, due soon, awaiting the requester.
    public static let sectionKeys = ["overdue", "due-soon", "awaiting"]

    /// The board's rows in order, each with its section's number (in `sectionKeys`) and its JSON as an element of
    /// the board's array (for `TextOutput.jsonArray`): encoded at once, and kept row by row by a server that draws
    /// the board again after each step.
    public static func jsonRows(_ board: Board, calendars: Calendars) throws -> [(
        section: Int, row: BoardRow, json: [UInt8]
    )] {
        let rows = [board.overdue, board.dueSoon, board.awaiting].enumerated().flatMap { number, section in
            section.rows.map { (section: number, row: $0) }
        }
        let elements = try TextOutput.jsonElements(
            rows.map { number, row in
                BoardJSON(
                    section: sectionKeys[number], clock: ClockJSON(row),
                    case: try CaseView(row.summary, calendars: calendars, today: board.today))
            })
        return zip(rows, elements).map { ($0.section, $0.row, $1) }
    }
}

/// A board row in JSON: the case object with the board section it is in and the clock that put it there.
struct BoardJSON: Encodable, Sendable {
    var section: String
    var clock: ClockJSON
    var `case`: CaseView

    func encode(to encoder: any Encoder) throws {
        try `case`.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(section, forKey: .section)
        try container.encode(clock, forKey: .clock)
    }

    enum CodingKeys: String, CodingKey { case section, clock }
}

/// The clock of a board row: `name`, `title`, `due`, `workingDaysLeft`, `provisional`.
struct ClockJSON: Encodable, Sendable {
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
