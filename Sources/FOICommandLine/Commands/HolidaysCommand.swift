import ArgumentParser
import FOIApp
import FOIKit
import FOIViews

/// `foi holidays`.
struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List bank holidays; add, cancel or move one by proclamation; take in GOV.UK's refreshed data.",
        subcommands: [List.self, Add.self, Cancel.self, Move.self, Import.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the bank holidays of a year: published, generated (provisional) and added locally.")
        @Option(help: "The year (default: this year).") var year: Int?
        @Option(help: "Only this division.") var division: Division?
        @Option(help: "Output format.") var format: OutputFormat = .table
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let caseStore = try store.open(.read)
            let chosenYear = year ?? store.todayDate.year
            let supported = WorkingDayCalendar.supportedYears
            guard supported.contains(chosenYear) else {
                throw Failure.usage(
                    "--year: \(chosenYear) is outside the supported years "
                        + "\(supported.lowerBound)–\(supported.upperBound)"
                )
            }
            let calendars = caseStore.calendars
            let holidays = (division.map { [$0] } ?? Division.allCases).flatMap {
                calendars.holidays.holidays(of: $0, in: chosenYear)
            }
            .sorted { ($0.date, $0.division) < ($1.date, $1.division) }
            try perform { try ReferenceView.render(holidays, format: format) }.flush()
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
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

        func run() async throws {
            try await change(.add(Holiday(date: date, division: division, title: title, source: .local)), store: store)
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Record that a bank holiday was cancelled by proclamation, and move the deadlines it touches.",
            discussion: """
                The day becomes a working day in its division; every running clock whose period contains it is \
                recomputed, with a deadline-moved event on each case that moves. A day moved to another date is \
                'foi holidays move'.
                """)
        @Argument(help: ArgumentHelp("The date of the holiday.", valueName: "date")) var date: CivilDate
        @Option(help: "The division whose holiday it was.") var division: Division
        @OptionGroup var store: StoreOptions

        func run() async throws { try await change(.cancel(date, division), store: store) }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: "Record that a bank holiday was moved by proclamation to another day, and move the deadlines.",
            discussion: """
                E.g. 2020: the early May bank holiday moved from Monday 4 May to Friday 8 May (VE Day) in England, \
                Wales, Scotland and Northern Ireland: one move per division. The old day becomes a working day and the \
                new one a holiday; every running clock whose period contains either is recomputed, with a \
                deadline-moved event on each case that moves.
                """)
        @Argument(help: ArgumentHelp("The holiday's date.", valueName: "date")) var date: CivilDate
        @Option(help: ArgumentHelp("The day it moved to.", valueName: "date")) var to: CivilDate
        @Option(help: "The division it is moved in.") var division: Division
        @Option(help: ArgumentHelp("The new day's name (default: the old day's).", valueName: "text"))
        var title: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            try Check.nonBlank([(title, "--title")])
            if date == to { throw ValidationError("--to is the holiday's own date; give the day it moved to") }
        }

        func run() async throws { try await change(.move(from: date, to: to, division, title: title), store: store) }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Take in a refreshed GOV.UK bank-holidays.json, and move the deadlines it changes.",
            discussion: """
                Download https://www.gov.uk/bank-holidays.json and give its path (- for standard input). For each \
                division, its days replace the data foi was released with for the years it covers (later years stop \
                being provisional); days added, cancelled or moved here stay as recorded unless the file now says the \
                same. Every running clock the change touches is recomputed, with a deadline-moved event on each case \
                that moves. The days added and removed are listed.
                """)
        @Argument(help: ArgumentHelp("The bank-holidays.json file, or - for standard input.", valueName: "file"))
        var file: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let data = try readTextInput(file)
            // Checked before the store opens: a file that is not GOV.UK's data is bad input (65), not a refusal.
            do throws(HolidayDataError) {
                _ = try HolidaySet(govUKJSON: data)
            } catch {
                throw Failure.badInput("\(file == "-" ? "standard input" : file.printable): \(error)")
            }
            try await change(.importGovUK(data), store: store)
        }
    }
}

/// Makes `edit` and says what it did: each day added or removed, and how many cases had a clock moved.
private func change(_ edit: HolidayEdit, store: StoreOptions) async throws {
    for date in edit.dates where !WorkingDayCalendar.supportedDates.contains(date) {
        throw Failure.usage("date: \(DeadlineError.outOfRange(date))")
    }
    let caseStore = try store.open()
    let change = try await perform {
        try await Office(storage: caseStore).changeHolidays(edit, by: store.identity, today: store.todayDate)
    }
    var output = TextOutput()
    for (verb, days) in [("Added", change.added), ("Removed", change.removed)] {
        for day in days {
            output.printableLine("\(verb) \(day.date.longDescription), \(day.title) (\(day.division.name)).")
        }
    }
    if change.added.isEmpty && change.removed.isEmpty { output.printableLine("No bank holiday changed.") }
    // Any running clock counts: a response, a review, a lapse date, an appeal window (issue 10, item 14).
    let moved = change.casesMoved
    output.printableLine("\(moved) case\(moved == 1 ? "" : "s") with a clock moved.")
    output.flush()
}

extension HolidayEdit {
    /// The dates the officer named.
    var dates: [CivilDate] {
        switch self {
        case .add(let holiday): [holiday.date]
        case .cancel(let date, _): [date]
        case .move(let from, let to, _, _): [from, to]
        case .importGovUK: []
        }
    }
}
