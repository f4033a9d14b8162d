import ArgumentParser
import FOIKit
import FOIResources
import FOIStore
import Foundation

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
        @OptionGroup var store: StoreOptions
        @Option(help: "Output format.") var format: OutputFormat = .table

        func run() throws {
            let caseStore = try store.open()
            let chosenYear = try year ?? store.todayDate().year
            guard WorkingDayCalendar.supportedYears.contains(chosenYear) else {
                throw Failure.usage(
                    "--year: \(chosenYear) is outside the supported years \(WorkingDayCalendar.supportedYears.lowerBound)–\(WorkingDayCalendar.supportedYears.upperBound)"
                )
            }
            let holidays = (division.map { [$0] } ?? Division.allCases).flatMap {
                caseStore.calendars.holidays.holidays(of: $0, in: chosenYear)
            }
            .sorted { ($0.date, $0.division) < ($1.date, $1.division) }
            var output = OutputBuffer()
            switch format {
            case .json:
                output.line(String(decoding: try JSONEncoder.output.encode(holidays), as: UTF8.self))
            case .csv:
                output.write(CSV.line(["date", "division", "title", "source"]))
                for holiday in holidays {
                    output.write(
                        CSV.line([
                            holiday.date.description, holiday.division.rawValue, holiday.title, holiday.source.rawValue,
                        ]))
                }
            case .table:
                output.write(
                    Table.render(
                        header: ["date", "division", "source", "title"],
                        rows: holidays.map {
                            [$0.date.longDescription, $0.division.name, $0.source.rawValue, $0.title]
                        }))
            }
            output.flush()
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a newly proclaimed bank holiday and move the deadlines it touches.",
            discussion: """
                A day proclaimed under the Banking and Financial Dealings Act 1971 s.1(3) is a non-working day for FOIA \
                and EIR wherever in the UK it falls, and for FOISA and EIR(S) if it is Scottish. Every open case whose \
                period contains it is recomputed; each case that moves records a deadline-moved event with its old and \
                new date. Local office closures are working days (ICO LTT47): do not add them.
                """)
        @Argument(help: "The date.") var date: String
        @Option(help: "The division it is proclaimed for.") var division: Division
        @Option(help: ArgumentHelp("Its name, e.g. 'Bank holiday for the State Funeral'.", valueName: "text"))
        var title: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let day = try parseDate(date, option: "date")
            guard WorkingDayCalendar.supportedDates.contains(day) else {
                throw Failure.usage("date: \(DeadlineError.outOfRange(day))")
            }
            let caseStore = try store.open()
            let holiday = Holiday(date: day, division: division, title: title, source: .local)
            let change = try perform {
                try caseStore.addHoliday(holiday, today: try store.todayDate(), actor: store.actorName)
            }
            say(
                "Added \(day.longDescription), \(title) (\(division.name)). \(change.casesMoved) open case\(change.casesMoved == 1 ? "" : "s") moved."
            )
        }
    }
}

/// `foi exemptions`.
struct ExemptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exemptions",
        abstract: "List the exemption catalogue: section, title, absolute or qualified, NCND provision.")
    @Option(help: "Only this regime.") var regime: Regime?
    @Option(help: "Output format.") var format: OutputFormat = .table

    func run() throws {
        let catalogue = try perform { try ExemptionCatalogue(json: Seeds.exemptionsJSON) }
        let entries = catalogue.exemptions.filter { regime == nil || $0.regime == regime }
        var output = OutputBuffer()
        switch format {
        case .json:
            output.line(String(decoding: try JSONEncoder.output.encode(entries), as: UTF8.self))
        case .csv:
            output.write(CSV.line(["regime", "section", "title", "kind", "ncnd", "note"]))
            for entry in entries {
                output.write(
                    CSV.line([
                        entry.regime.rawValue, entry.section, entry.title, entry.kind.rawValue, entry.ncnd ?? "",
                        entry.note ?? "",
                    ]))
            }
        case .table:
            output.write(
                Table.render(
                    header: ["regime", "section", "kind", "ncnd", "title"],
                    rows: entries.map {
                        [
                            $0.regime.shortName, $0.section, $0.kind.rawValue, $0.ncnd ?? "-",
                            $0.title + ($0.note.map { " (\($0))" } ?? ""),
                        ]
                    }, maxWidth: 120))
        }
        output.flush()
    }
}

/// `foi settings`.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the organisation's settings.",
        discussion: """
            reference-pattern: how generated references look, with {YYYY}, {YY} and {SEQ:n} (a yearly sequence padded \
            to n digits). Default FOI-{YYYY}-{SEQ:6}; the Metropolitan Police style is 01.FOI.{YY}.{SEQ:6}. \
            receipt-convention: statutory (default) or next-working-day, for new cases.
            """)
    @Argument(help: "The setting to change.") var key: String?
    @Argument(help: "Its new value.") var value: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if key != nil && value == nil { throw ValidationError("give the new value after the setting's name") }
    }

    func run() throws {
        let caseStore = try store.open()
        if let key, let value {
            guard let settingKey = Settings.Key(rawValue: key) else {
                throw Failure.usage("\(StoreError.unknownSetting(key))")
            }
            try perform { try caseStore.setSetting(settingKey, to: value) }
        }
        for settingKey in Settings.Key.allCases {
            say("\(settingKey.rawValue) = \(try perform { try caseStore.setting(settingKey) })")
        }
    }
}
