import ArgumentParser
import FOIKit
import FOIStore
import FOIViews

/// `foi holidays`.
struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List bank holidays, or add one newly proclaimed.",
        subcommands: [List.self, Add.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the bank holidays of a year: published, generated (provisional) and added locally.")
        @Option(help: "The year (default: this year).") var year: Int?
        @Option(help: "Only this division.") var division: Division?
        @Option(help: "Output format.") var format: OutputFormat = .table
        @OptionGroup var store: StoreOptions

        func run() throws {
            let caseStore = try store.open(.read)
            let chosenYear = year ?? store.todayDate.year
            let supported = WorkingDayCalendar.supportedYears
            guard supported.contains(chosenYear) else {
                throw Failure.usage(
                    "--year: \(chosenYear) is outside the supported years "
                        + "\(supported.lowerBound)–\(supported.upperBound)"
                )
            }
            let holidays = (division.map { [$0] } ?? Division.allCases).flatMap {
                caseStore.calendars.holidays.holidays(of: $0, in: chosenYear)
            }
            .sorted { ($0.date, $0.division) < ($1.date, $1.division) }
            try perform { try ReferenceView.render(holidays, format: format) }.flush()
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a newly proclaimed bank holiday and move the deadlines it touches.",
            discussion: """
                A day proclaimed under the Banking and Financial Dealings Act 1971 s.1(3) is a non-working day for \
                FOIA and EIR wherever in the UK it falls, and for FOISA and EIR(S) if it is Scottish. Every running \
                clock whose period contains it is recomputed; each case that moves records a deadline-moved event with \
                the old and new date. Local office closures are working days (ICO LTT47): do not add them.
                """)
        @Argument(help: ArgumentHelp("The date.", valueName: "date")) var date: CivilDate
        @Option(help: "The division it is proclaimed for.") var division: Division
        @Option(help: ArgumentHelp("Its name, e.g. 'Bank holiday for the State Funeral'.", valueName: "text"))
        var title: String
        @OptionGroup var store: StoreOptions

        func validate() throws {
            try Check.nonBlank([(title, "--title")])
        }

        func run() throws {
            guard WorkingDayCalendar.supportedDates.contains(date) else {
                throw Failure.usage("date: \(DeadlineError.outOfRange(date))")
            }
            let caseStore = try store.open()
            let holiday = Holiday(date: date, division: division, title: title, source: .local)
            let change = try perform {
                try caseStore.addHoliday(holiday, today: store.todayDate, actor: store.actorName)
            }
            // Any running clock counts: a response, a review, a lapse date, an appeal window (issue 10, item 14).
            let moved = change.casesMoved
            say(
                "Added \(date.longDescription), \(title.printable) (\(division.name)). \(moved) "
                    + "case\(moved == 1 ? "" : "s") with a clock moved.")
        }
    }
}
