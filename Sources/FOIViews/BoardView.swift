import FOIKit
import Synchronization

/// The board: every running clock in three sections, overdue, due soon, and waiting on the requester.
public enum BoardView {
    /// The board as a table (with each section's count, and `listingAll` of a section's key saying how to see the
    /// rows past the limit), JSON or CSV.
    /// `rowDrawings` keeps the JSON of rows drawn before, for a server that draws the board after every step.
    public static func render(
        _ board: Board, horizon: Int, calendars: Calendars, format: OutputFormat, listingAll: (String) -> String,
        rowDrawings: BoardRowDrawings = BoardRowDrawings(capacity: 0)
    ) throws -> TextOutput {
        let today = board.today
        let sections: [(String, String, BoardSection)] = [
            ("overdue", "Overdue", board.overdue),
            ("due-soon", "Due in the next \(horizon) working days", board.dueSoon),
            (
                "awaiting", "Waiting on the requester (response clock stopped; the date the request lapses)",
                board.awaiting
            ),
        ]
        var output = TextOutput()
        switch format {
        case .json:
            output.jsonArray(
                try rowDrawings.json(
                    of: sections.flatMap { key, _, section in section.rows.map { (key, $0) } }, today: today,
                    calendars: calendars
                ) { rows in
                    try TextOutput.jsonElements(
                        rows.map { section, row in
                            BoardJSON(
                                section: section, clock: ClockJSON(row),
                                case: try CaseView(row.summary, calendars: calendars, today: today))
                        })
                })
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
        }
        return output
    }
}

/// The JSON of board rows drawn before, kept with the day and the calendars they were drawn with (a row's days left
/// change with either): a board drawn again after one step draws again only the rows that step changed. Holds at
/// most `capacity` rows, those of the latest drawings; any thread may share one.
public final class BoardRowDrawings: Sendable {
    struct Key: Hashable {
        var section: String
        var row: BoardRow
    }

    private let capacity: Int
    private let kept = Mutex<(today: CivilDate?, calendars: Calendars?, rows: [Key: [UInt8]])>((nil, nil, [:]))

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// The JSON of each row of `rows` (in its section) on `today` with `calendars`: as kept, or drawn by `draw`
    /// (given the rest).
    func json(
        of rows: [(section: String, row: BoardRow)], today: CivilDate, calendars: Calendars,
        draw: ([(section: String, row: BoardRow)]) throws -> [[UInt8]]
    ) throws -> [[UInt8]] {
        let keys = rows.map { Key(section: $0.section, row: $0.row) }
        var elements = kept.withLock { kept in
            kept.today == today && kept.calendars === calendars
                ? keys.map { kept.rows[$0] } : Array(repeating: nil, count: keys.count)
        }
        let missing = elements.indices.filter { elements[$0] == nil }
        if !missing.isEmpty {
            let drawnRows = try draw(missing.map { rows[$0] })
            precondition(drawnRows.count == missing.count, "a row drawn for each row asked")
            var drawn: [Key: [UInt8]] = [:]
            for (index, json) in zip(missing, drawnRows) {
                elements[index] = json
                drawn[keys[index]] = json
            }
            if drawn.count <= capacity {
                kept.withLock { kept in
                    // Another day or calendars, or too many rows: what this drawing drew is all that is kept.
                    if kept.today != today || kept.calendars !== calendars || kept.rows.count + drawn.count > capacity {
                        kept = (today, calendars, [:])
                    }
                    kept.rows.merge(drawn) { old, _ in old }
                }
            }
        }
        return elements.compactMap { $0 }
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
