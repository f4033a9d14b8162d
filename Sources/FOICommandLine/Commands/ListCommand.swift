import ArgumentParser
import FOIKit
import FOIViews

/// `foi list`.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List cases, in due-date order, with filters.")

    @Option(help: "Only cases with this status (repeatable).") var status: [CaseStatus] = []
    @Option(help: "Only cases at this stage (repeatable); regulator is a case with the ICO or SIC.")
    var stage: [CaseStage] = []
    @Option(help: "Only cases under this regime.") var regime: Regime?
    @Option(help: "Only cases with this clock running; with --overdue or --due-within, that clock's date.")
    var clock: ClockName?
    @Option(
        help: ArgumentHelp(
            "Only cases with a clock due within N working days (the authority's overdue ones included).",
            valueName: "n"))
    var dueWithin: Int?
    @Flag(
        help: "Only cases with one of the authority's clocks (response, review, submissions, compliance) past its date."
    )
    var overdue = false
    @Option(help: ArgumentHelp("Only cases received on or after this date.", valueName: "date"))
    var receivedFrom: CivilDate?
    @Option(help: ArgumentHelp("Only cases received on or before this date.", valueName: "date"))
    var receivedTo: CivilDate?
    @Option(help: ArgumentHelp("Only cases whose reference or subject holds this text.", valueName: "text"))
    var matching: String?
    @Option(help: "Only cases with this flag raised (foi flag).") var flag: CaseFlag?
    @Option(help: ArgumentHelp("At most N cases (0: all).", valueName: "n")) var limit: Int = 0
    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var handler: HandlerOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        try Check.nonBlank([(matching, "--matching")])
        try Check.within(dueWithin, 0...250, "--due-within", "working days")
        if limit < 0 { throw ValidationError("--limit must be zero or more") }
        if let clock, !clock.isOnBoard {
            throw ValidationError(
                "\(clock.rawValue) is shown on the case ('foi show'), not on the board; --clock takes "
                    + ClockName.allCases.filter(\.isOnBoard).map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() async throws {
        let today = store.todayDate
        let caseStore = try store.open(.read)
        try await perform {
            var filter = filter
            filter.handler = try await handler.filter(in: caseStore)
            return try CaseView.render(
                try await caseStore.list(filter, today: today), calendars: caseStore.calendars,
                today: today, format: format)
        }.flush()
    }

    /// The cases the options select, but for whose (`handler`, which needs the store).
    var filter: CaseFilter {
        var filter = CaseFilter()
        filter.statuses = status
        filter.stages = stage
        filter.regime = regime
        filter.clock = clock
        filter.dueWithinWorkingDays = dueWithin
        filter.overdue = overdue
        filter.receivedFrom = receivedFrom
        filter.receivedTo = receivedTo
        filter.matching = matching?.trimmingCharacters(in: .whitespaces)
        filter.flag = flag
        filter.limit = limit == 0 ? nil : limit
        return filter
    }
}
