import ArgumentParser
import FOIApp
import FOIKit
import FOIViews

/// `foi stats`: the figures an authority is judged by, derived from the events.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "The figures an authority is judged by, derived from the case histories.",
        subcommands: [Timeliness.self, Delays.self, CabinetOffice.self, SectionFortyFive.self, SIC.self])

    struct Timeliness: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeliness",
            abstract: "The ICO's view: the share of requests and reviews answered in time, with the early warning.",
            discussion: """
                For each month of the period and the whole of it: the FOI, EIR, FOISA and EIR(S) requests, and the \
                internal reviews, falling due in it (their last permitted date), each in time (by the statutory \
                date), within a permitted extension (FOIA s.10(3), EIR reg 7, a FOIA review extended under the s.45 \
                Code), late (answered after it, or unanswered once it passed) or pending; the share in time (an \
                extension counting as in time) and the ICO's band: Good at 95% or more, Adequate from 90%, \
                Unsatisfactory below (ICO FOI self-assessment toolkit, Timeliness). A reopened case counts by its \
                first response. Subject access requests are not in these figures.

                The early warning, for the quarter of the as-at date: the share so far, how many of the requests \
                still due in it can be late before it falls under 90% (and 95%), the share if each is answered on its \
                date, and those due within 5 working days with no response.

                --as-at DATE gives the figures as they stood at the end of that day: only the steps dated by then \
                count, so steps taken later never change them (a step recorded late but dated earlier, a correction \
                or an import, does: it happened by then).
                """)

        @OptionGroup var figures: FigureOptions
        @Option(help: "Output format: table, json, or csv (a row per period and kind).") var format: OutputFormat =
            .table
        @OptionGroup var handler: HandlerOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (period, asAt) = figures.chosen(today: store.todayDate)
            let caseStore = try store.open(.read)
            let report = try await perform {
                try await Office(storage: caseStore).timeliness(
                    period, asAt: asAt, today: store.todayDate, handler: try await handler.filter(in: caseStore))
            }
            if format == .table, let scope = handler.scope { say(scope) }
            try perform {
                try TimelinessView.render(report, calendars: caseStore.calendars, format: format)
            }.flush()
        }
    }

    struct Delays: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delays",
            abstract: "Where the late days went: what each late response waited on, and on whom.",
            discussion: """
                For each request falling due in the period (as 'foi stats timeliness' counts it) that was late as \
                at the end of the --as-at day: the working days it spent waiting on each contributor's task (from \
                the day it was given to its answer or refusal) and on each stage of sign-off (from the day the \
                stage was reached to its decision), in the case's calendar, up to its response; then each person \
                or team waited on, the most days first. A chain of sign-off that starts again after a rejection \
                counts from the rejection, so the redraft is in the first approver's span. The same days can be \
                spent waiting on two people at once (two tasks in parallel): each of them counts those days.
                """)

        @OptionGroup var figures: FigureOptions
        @Option(help: "Output format: table, json, or csv (a row per wait).") var format: OutputFormat = .table
        @OptionGroup var handler: HandlerOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (period, asAt) = figures.chosen(today: store.todayDate)
            let caseStore = try store.open(.read)
            let (report, names) = try await perform {
                (
                    try await Office(storage: caseStore).delays(
                        period, asAt: asAt, today: store.todayDate, handler: try await handler.filter(in: caseStore)),
                    Names(users: try await caseStore.users(), teams: try await caseStore.teams())
                )
            }
            if format == .table, let scope = handler.scope { say(scope) }
            try perform { try DelayView.render(report, names: names, format: format) }.flush()
        }
    }

    struct CabinetOffice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cabinet-office",
            abstract: "The Cabinet Office return: the FOIA and EIR requests received in a period, as at a date.",
            discussion: """
                The quarterly (or annual) return of a central government body, under the published data file's \
                column names: status at the time of monitoring, timeliness, initial outcomes and "resolvable" \
                requests, fully refused by reason, one column per FOIA exemption and EIR exception, the s.21 block, \
                internal reviews and ICO complaints by outcome, and the lengths of public interest extensions and \
                of reviews in working days (an annual return adds those carried over from the year before), for \
                the requests received in the period as they stood at the end of the as-at date (default: today). \
                docs/STATISTICS.md gives every definition and the choices where the notes are silent. \
                CSV is one row under the return's own column names, to paste into the template.
                """)

        @Option(help: ArgumentHelp("A quarter (2026Q3) or year (2026).", valueName: "period")) var period: String
        @OptionGroup var options: ReturnOptions

        func validate() throws {
            guard let chosen = ReportingPeriod(parsing: period), chosen.length != .month else {
                throw ValidationError("--period '\(period)' is not a quarter (2026Q3) or a year (2026)")
            }
        }

        func run() async throws {
            guard let chosen = ReportingPeriod(parsing: period) else { return }
            let asAt = options.asAt ?? options.store.todayDate
            let caseStore = try options.store.open(.read)
            let figures = try await perform {
                try await Office(storage: caseStore).cabinetOfficeReturn(chosen, asAt: asAt)
            }
            try perform {
                try StatisticsReturnView.render(
                    figures.columns, title: "Cabinet Office return", periodColumn: "Quarter", period: chosen,
                    asAt: asAt,
                    format: options.format)
            }.flush()
        }
    }

    struct SectionFortyFive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "s45",
            abstract:
                "The s.45 Code's performance figures: the FOIA and EIR requests received in a period, as at a date.",
            discussion: """
                What the s.45 Code of Practice (2018, paras 8.5-8.6) asks an authority of over 100 staff to publish, \
                for the requests received in the period as they stood at the end of the as-at date (default: today; \
                authorities publish a month after the quarter ends): received, not yet processed, processed, \
                suspended, closed without a response, granted, partly refused, not held, refused, not provided by \
                the deadline, given an extended deadline, referred for review, and the clarification and fee pauses.
                """)

        @Option(help: ArgumentHelp("A month (2026-10), quarter (2026Q3) or year (2026).", valueName: "period"))
        var period: String
        @OptionGroup var options: ReturnOptions

        func validate() throws {
            _ = try ReportingPeriod.option(period)
        }

        func run() async throws {
            guard let chosen = ReportingPeriod(parsing: period) else { return }
            let asAt = options.asAt ?? options.store.todayDate
            let caseStore = try options.store.open(.read)
            let figures = try await perform {
                try await Office(storage: caseStore).sectionFortyFiveReturn(chosen, asAt: asAt)
            }
            try perform {
                try StatisticsReturnView.render(
                    figures.columns, title: "s.45 Code performance figures", period: chosen, asAt: asAt,
                    format: options.format)
            }.flush()
        }
    }

    struct SIC: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sic",
            abstract: "The Scottish Information Commissioner's quarterly return: the quarter's activity.",
            discussion: """
                The activity of the quarter, as the Commissioner's form counts it (not a received cohort): FOISA and \
                EIR(S) requests received, closed for want of clarification or withdrawn, fees notices and \
                payments, responses sent on time or late, failures to respond (due in the quarter, unanswered), \
                the EIR(S) extensions, refusals by reason and releases in full, in part or not at all, not held and \
                neither confirmed nor denied; reviews received, answered on time or late, unanswered, upheld, \
                overturned or deciding for the first time; subject access requests received; and the times each \
                FOISA exemption and EIR(S) exception was applied in the responses sent. As at the end of the as-at \
                date (default: today).
                """)

        @Option(help: ArgumentHelp("The quarter, e.g. 2026Q3.", valueName: "quarter")) var quarter: String
        @OptionGroup var options: ReturnOptions

        func validate() throws {
            guard let chosen = ReportingPeriod(parsing: quarter), chosen.length == .quarter else {
                throw ValidationError("--quarter '\(quarter)' is not a quarter, e.g. 2026Q3")
            }
        }

        func run() async throws {
            guard let chosen = ReportingPeriod(parsing: quarter) else { return }
            let asAt = options.asAt ?? options.store.todayDate
            let caseStore = try options.store.open(.read)
            let figures = try await perform { try await Office(storage: caseStore).sicReturn(chosen, asAt: asAt) }
            try perform {
                try StatisticsReturnView.render(
                    figures.columns, title: "Scottish Information Commissioner's return", periodColumn: "Quarter",
                    counting: .activity, period: chosen, asAt: asAt, format: options.format)
            }.flush()
        }
    }
}

/// What the statistics returns share: the as-at date, the format, the database.
/// The period of a figure (default: the quarter of the as-at day) and the day it is counted as at.
struct FigureOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A month (2026-10), quarter (2026Q3) or year (2026); default: this quarter.", valueName: "period"))
    var period: String?
    @Option(
        help: ArgumentHelp("The figures as they stood at the end of this day (default: today).", valueName: "date"))
    var asAt: CivilDate?

    func validate() throws {
        if let period { _ = try ReportingPeriod.option(period) }
    }

    /// The period and the as-at day, `today` unless given.
    func chosen(today: CivilDate) -> (period: ReportingPeriod, asAt: CivilDate) {
        let asAt = asAt ?? today
        return (period.flatMap(ReportingPeriod.init(parsing:)) ?? ReportingPeriod.quarter(of: asAt), asAt)
    }
}

struct ReturnOptions: ParsableArguments {
    @Option(help: ArgumentHelp("As it stood at the end of this day (default: today).", valueName: "date"))
    var asAt: CivilDate?
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions
}
