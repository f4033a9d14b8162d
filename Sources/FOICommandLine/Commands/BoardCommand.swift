import ArgumentParser
import FOIKit
import FOIViews

/// `foi board`.
struct BoardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract:
            "Today's view of every running clock: what is overdue, what is due in the next five working days, and "
            + "what waits on the requester.",
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
            valueName: "n"))
    var limit: Int?
    @Option(help: "Output format (json and csv add a section field).") var format: OutputFormat = .table
    @OptionGroup var handler: HandlerOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        try Check.within(horizon, 0...250, "--horizon", "working days")
        if let limit, limit < 0 { throw ValidationError("--limit must be zero or more") }
    }

    func run() async throws {
        let caseStore = try store.open(.read)
        let selected = try await perform { try await handler.filter(in: caseStore) }
        try await Self.show(
            caseStore, today: store.todayDate, horizon: horizon, limit: rowsPerSection, format: format,
            handler: selected)
    }

    /// At most how many rows a section shows (nil: all).
    var rowsPerSection: Int? {
        let rows = limit ?? (format == .table ? 50 : 0)
        return rows == 0 ? nil : rows
    }

    static func show(
        _ caseStore: any CaseStorage, today: CivilDate, horizon: Int, limit: Int?, format: OutputFormat,
        handler: HandlerFilter? = nil
    ) async throws {
        try await perform {
            let board = try await caseStore.board(today: today, horizon: horizon, limit: limit, handler: handler)
            return try BoardView.render(
                board, horizon: horizon, calendars: caseStore.calendars, format: format
            ) {
                switch $0 {
                case "overdue": "foi list --overdue"
                case "due-soon": "foi list --due-within \(horizon)"
                case BoardView.tasksKey: "foi task list"
                default: "foi list --status awaiting-clarification --status awaiting-fee"
                }
            }
        }.flush()
    }
}
