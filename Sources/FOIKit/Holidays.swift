/// The three divisions of the UK whose bank holidays differ under the Banking and Financial Dealings Act 1971.
public enum Division: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case englandAndWales = "england-and-wales"
    case scotland
    case northernIreland = "northern-ireland"

    /// `England and Wales`, `Scotland`, `Northern Ireland`.
    public var name: String {
        switch self {
        case .englandAndWales: "England and Wales"
        case .scotland: "Scotland"
        case .northernIreland: "Northern Ireland"
        }
    }

    public static func < (lhs: Division, rhs: Division) -> Bool {
        lhs.order < rhs.order
    }

    /// The order GOV.UK's data and the tables list the divisions in.
    private var order: Int {
        switch self {
        case .englandAndWales: 0
        case .scotland: 1
        case .northernIreland: 2
        }
    }
}

/// Where a holiday date came from, which decides whether a deadline that depends on it can be trusted.
public enum HolidaySource: String, Codable, Hashable, Sendable {
    /// Published data (GOV.UK's bank-holidays.json, as shipped under `seeds/`).
    case published
    /// Computed from the statutory rules for a year the published data does not cover: provisional.
    case generated
    /// Added by the authority for a newly proclaimed day not yet in the published data.
    case local
}

/// One bank holiday in one division.
public struct Holiday: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var division: Division
    public var title: String
    public var source: HolidaySource

    public init(date: CivilDate, division: Division, title: String, source: HolidaySource) {
        self.date = date
        self.division = division
        self.title = title
        self.source = source
    }
}

/// The bank holidays of every division: published data for the years it covers, the statutory rules for the
/// years around them, and any local additions.
public struct HolidaySet: Sendable {
    /// The years the published data covers, per division; other years are generated and provisional.
    public private(set) var publishedYears: [Division: ClosedRange<Int>]
    /// Published and local holidays by division and year.
    private var byDivisionAndYear: [Division: [Int: [Holiday]]]
    /// Days of generated years that are not holidays after all: cancelled or moved by proclamation.
    private var cancelled: [Division: Set<CivilDate>] = [:]

    /// A set from published holidays; years outside each division's published range come from the rules.
    public init(published: [Holiday], localAdditions: [Holiday] = []) {
        var years: [Division: ClosedRange<Int>] = [:]
        for holiday in published {
            let year = holiday.date.year
            years[holiday.division] =
                years[holiday.division].map { min($0.lowerBound, year)...max($0.upperBound, year) }
                ?? year...year
        }
        publishedYears = years
        byDivisionAndYear = [:]
        // Appended in place: the published data names each day once.
        for holiday in published {
            byDivisionAndYear[holiday.division, default: [:]][holiday.date.year, default: []].append(holiday)
        }
        for holiday in localAdditions { add(holiday) }
    }

    /// Loads GOV.UK's `bank-holidays.json` shape: `{"england-and-wales": {"division": ..., "events": [{"title",
    /// "date", "notes", "bunting"}]}, "scotland": ..., "northern-ireland": ...}`.
    public init(govUKJSON data: some Collection<UInt8>, localAdditions: [Holiday] = []) throws(HolidayDataError) {
        var holidays: [Holiday] = []
        var found: Set<Division> = []
        var scanner = JSONScanner(Array(data))
        do {
            try scanner.forEachField { key, scanner in
                guard let division = Division(rawValue: key) else { return try scanner.skipValue() }
                found.insert(division)
                try scanner.forEachField { key, scanner in
                    guard key == "events" else { return try scanner.skipValue() }
                    try scanner.forEachElement { scanner in
                        var title: String?
                        var isoDate: String?
                        var notes = ""
                        try scanner.forEachField { key, scanner in
                            switch key {
                            case "title": title = try scanner.string()
                            case "date": isoDate = try scanner.string()
                            case "notes": notes = try scanner.string()
                            default: try scanner.skipValue()
                            }
                        }
                        guard let title, let isoDate else {
                            throw HolidayDataError.unreadable("an event of \(division.rawValue) has no title or date")
                        }
                        let fullTitle = notes.isEmpty ? title : "\(title), \(notes.lowercased())"
                        do throws(CivilDateError) {
                            let date = try CivilDate(iso: isoDate)
                            holidays.append(
                                Holiday(date: date, division: division, title: fullTitle, source: .published))
                        } catch {
                            throw HolidayDataError.badDate(division.rawValue, error)
                        }
                    }
                }
            }
        } catch let error as HolidayDataError {
            throw error
        } catch let error as JSONSyntaxError {
            throw .unreadable(error.description)
        } catch {
            throw .unreadable("\(error)")
        }
        if let missing = Division.allCases.first(where: { !found.contains($0) }) {
            throw .missingDivision(missing.rawValue)
        }
        self.init(published: holidays, localAdditions: localAdditions)
    }

    /// Adds (or replaces) a holiday, e.g. a day proclaimed after the data was published.
    public mutating func add(_ holiday: Holiday) {
        byDivisionAndYear[holiday.division, default: [:]][holiday.date.year, default: []].removeAll {
            $0.date == holiday.date
        }
        byDivisionAndYear[holiday.division, default: [:]][holiday.date.year, default: []].append(holiday)
        cancelled[holiday.division]?.remove(holiday.date)
    }

    /// Takes a day out of `division`'s holidays: one cancelled, or moved by proclamation (in 2020 the early May bank
    /// holiday moved from Monday 4 to Friday 8 May, the 75th anniversary of VE Day).
    public mutating func cancel(_ date: CivilDate, in division: Division) {
        byDivisionAndYear[division]?[date.year]?.removeAll { $0.date == date }
        cancelled[division, default: []].insert(date)
    }

    /// The holiday of `division` on `date`, if it is one.
    public func holiday(on date: CivilDate, in division: Division) -> Holiday? {
        holidays(of: division, in: date.year).first { $0.date == date }
    }

    /// This set's data refreshed by `newer` published data (a later GOV.UK file): for each division, `newer`'s
    /// holidays for the years it covers, this set's for the others.
    public func refreshed(by newer: HolidaySet) -> HolidaySet {
        var refreshed = self
        for division in Division.allCases {
            guard let newYears = newer.publishedYears[division] else { continue }
            let newHolidays = newer.byDivisionAndYear[division] ?? [:]
            for year in newYears { refreshed.byDivisionAndYear[division, default: [:]][year] = newHolidays[year] ?? [] }
            // The years published by either, where they meet; a gap between them is left to the newer alone.
            refreshed.publishedYears[division] =
                publishedYears[division].flatMap { old in
                    old.upperBound + 1 < newYears.lowerBound || newYears.upperBound + 1 < old.lowerBound
                        ? nil : min(old.lowerBound, newYears.lowerBound)...max(old.upperBound, newYears.upperBound)
                } ?? newYears
        }
        return refreshed
    }

    /// The holidays of `division` in `year`: published where the data covers the year, else generated.
    public func holidays(of division: Division, in year: Int) -> [Holiday] {
        let published = byDivisionAndYear[division]?[year] ?? []
        if publishedYears[division]?.contains(year) == true {
            return published.sorted { $0.date < $1.date }
        }
        let generated = HolidayRules.holidays(of: division, in: year)
        let local = published.filter { $0.source == .local }
        let replaced = Set(local.map(\.date)).union(cancelled[division] ?? [])
        return (generated.filter { !replaced.contains($0.date) } + local).sorted { $0.date < $1.date }
    }

    /// The dates of `holidays(of:in:)`, for a calendar's tables: no titles are made for generated years.
    public func holidayDates(of division: Division, in year: Int) -> [CivilDate] {
        let stored = byDivisionAndYear[division]?[year] ?? []
        if publishedYears[division]?.contains(year) == true { return stored.map(\.date) }
        // Only local additions are stored for a generated year; they replace a generated day of the same date.
        let cancelledDates = cancelled[division] ?? []
        return HolidayRules.dates(of: division, in: year).filter { !cancelledDates.contains($0) } + stored.map(\.date)
    }

    /// The years where every one of `divisions` has published data, or nil where they share none.
    public func publishedYears(of divisions: [Division]) -> ClosedRange<Int>? {
        let ranges = divisions.compactMap { publishedYears[$0] }
        guard ranges.count == divisions.count,
            let lower = ranges.map(\.lowerBound).max(), let upper = ranges.map(\.upperBound).min(), lower <= upper
        else { return nil }
        return lower...upper
    }
}

/// Why the holiday data could not be loaded.
public enum HolidayDataError: Error, CustomStringConvertible, Sendable {
    /// The file is not JSON of the GOV.UK shape.
    case unreadable(String)
    /// A division's key is absent.
    case missingDivision(String)
    /// An event's date is not a real ISO date.
    case badDate(String, CivilDateError)

    public var description: String {
        switch self {
        case .unreadable(let reason):
            "the bank holiday data is not GOV.UK bank-holidays.json: \(reason)"
        case .missingDivision(let key):
            "the bank holiday data has no '\(key)' division; refresh it from https://www.gov.uk/bank-holidays.json"
        case .badDate(let key, let error):
            "the bank holiday data for '\(key)' has a bad date: \(error)"
        }
    }
}

/// Bank holidays generated from the Banking and Financial Dealings Act 1971 Schedule 1 and the customary
/// proclamations, for years the published data does not reach. One-off proclaimed days cannot be predicted.
public enum HolidayRules {
    /// The holidays of `division` in `year`, substitute days included.
    public static func holidays(of division: Division, in year: Int) -> [Holiday] {
        days(of: division, in: year).map { day in
            Holiday(
                date: day.date, division: division, title: day.substitute ? "\(day.title), substitute day" : day.title,
                source: .generated)
        }
    }

    /// The dates alone, for a calendar's tables, which need no titles.
    public static func dates(of division: Division, in year: Int) -> [CivilDate] {
        days(of: division, in: year).map(\.date)
    }

    /// The holidays in date order, each with its title and whether it is a substitute for a weekend day.
    private static func days(of division: Division, in year: Int) -> [(
        date: CivilDate, title: String, substitute: Bool
    )] {
        let easter = easterSunday(year)
        var movable: [(CivilDate, String)] = [
            (easter.adding(days: -2), "Good Friday"),
            (CivilDate.first(.monday, of: 5, in: year), "Early May bank holiday"),
            (CivilDate.last(.monday, of: 5, in: year), "Spring bank holiday"),
        ]
        var fixed: [(month: Int, day: Int, title: String)] = [(1, 1, "New Year’s Day")]
        switch division {
        case .englandAndWales, .northernIreland:
            movable.append((easter.adding(days: 1), "Easter Monday"))
            movable.append((CivilDate.last(.monday, of: 8, in: year), "Summer bank holiday"))
        case .scotland:
            movable.append((CivilDate.first(.monday, of: 8, in: year), "Summer bank holiday"))
            fixed.append((1, 2, "2nd January"))
            fixed.append((11, 30, "St Andrew’s Day"))
        }
        if division == .northernIreland {
            fixed.append((3, 17, "St Patrick’s Day"))
            fixed.append((7, 12, "Battle of the Boyne (Orangemen’s Day)"))
        }
        fixed.append((12, 25, "Christmas Day"))
        fixed.append((12, 26, "Boxing Day"))

        // A dozen days at most: an array is quicker than hashing.
        var taken = movable.map(\.0)
        var result = movable.map { (date: $0.0, title: $0.1, substitute: false) }
        let fixedDates = fixed.map { (CivilDate.known(year: year, month: $0.month, day: $0.day), $0.title) }
        // Fixed days on weekdays keep their date; those on a weekend then take the next free weekday in date
        // order, which gives Christmas on a Sunday as Boxing Day Mon 26 and Christmas Tue 27.
        var weekendOrClashing: [(CivilDate, String)] = []
        for (date, title) in fixedDates {
            if date.isWeekend || taken.contains(date) {
                weekendOrClashing.append((date, title))
            } else {
                taken.append(date)
                result.append((date, title, false))
            }
        }
        for (date, title) in weekendOrClashing {
            var substitute = date
            while substitute.isWeekend || taken.contains(substitute) { substitute = substitute.adding(days: 1) }
            taken.append(substitute)
            result.append((substitute, title, true))
        }
        return result.sorted { $0.date < $1.date }
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus).
    public static func easterSunday(_ year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate.known(year: year, month: month, day: day)
    }
}
