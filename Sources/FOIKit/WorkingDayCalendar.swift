import Synchronization

/// Which days count as working days for a statutory period, with O(1) "add n working days" and "count working
/// days between" from precomputed tables. A class so that the tables are shared, never copied or retained per use.
public final class WorkingDayCalendar: Sendable {
    /// The rule that decides which days are not working days.
    public enum Kind: Hashable, Sendable {
        /// FOIA s.10(6), EIR reg 2(1): weekends, Christmas Day, Good Friday and a bank holiday in any part of the UK.
        case unitedKingdom
        /// FOISA s.73, EIR(S) reg 2(1): weekends, Christmas Day and Scotland's bank holidays.
        case scotland
        /// Weekends and one division's bank holidays: the roll-forward calendar of a subject access request.
        case division(Division)

        /// The divisions whose holidays make a day non-working.
        public var divisions: [Division] {
            switch self {
            case .unitedKingdom: Division.allCases
            case .scotland: [.scotland]
            case .division(let division): [division]
            }
        }

        /// A name for people: `UK (any division)`.
        public var name: String {
            switch self {
            case .unitedKingdom: "UK (bank holidays in any division)"
            case .scotland: "Scotland"
            case .division(let division): division.name
            }
        }
    }

    /// The years every calendar covers; dates outside are refused rather than guessed.
    public static let supportedYears = 1995...2150

    /// The first and last date this calendar can answer for.
    public static let supportedDates =
        CivilDate.known(
            year: supportedYears.lowerBound, month: 1, day: 1)...CivilDate.known(
            year: supportedYears.upperBound, month: 12, day: 31)

    public let kind: Kind
    /// The years whose holidays all come from published data; a period reaching outside them is provisional.
    public let publishedYears: ClosedRange<Int>?
    /// `publishedYears` as day numbers, for a check with two comparisons.
    private let publishedDayNumbers: ClosedRange<Int>?
    private let firstDayNumber: Int
    /// `workingDaysThrough[i]`: the working days from the first supported date to the i-th day, inclusive.
    private let workingDaysThrough: [Int32]
    /// The day numbers of every working day, ascending: the k-th working day is `workingDayNumbers[k]`.
    private let workingDayNumbers: [Int32]
    /// The holidays, for saying why a day is not a working day (looked up only when a date is explained).
    private let holidays: HolidaySet

    /// Builds the tables for `kind` from `holidays`.
    public convenience init(_ kind: Kind, holidays: HolidaySet) {
        self.init(kind, holidays: holidays) { Self.holidayOffsets(of: $0, in: holidays) }
    }

    /// Builds the tables for `kind` from `holidays`, each division's holidays given by `offsets` (which
    /// `Calendars` computes once for all the calendars that share a division).
    init(_ kind: Kind, holidays: HolidaySet, offsets: (Division) -> [Int32]) {
        self.kind = kind
        self.holidays = holidays
        let divisions = kind.divisions
        let first = Self.supportedDates.lowerBound.dayNumber
        let last = Self.supportedDates.upperBound.dayNumber
        var holidayFlags = [Bool](repeating: false, count: last - first + 1)
        for division in divisions {
            for offset in offsets(division) { holidayFlags[Int(offset)] = true }
        }
        for year in Self.supportedYears {
            for (date, _) in Self.statutoryDays(kind, in: year) { holidayFlags[date.dayNumber - first] = true }
        }
        var through: [Int32] = []
        var workingDays: [Int32] = []
        through.reserveCapacity(last - first + 1)
        workingDays.reserveCapacity((last - first + 1) * 5 / 7)
        var count: Int32 = 0
        var weekday = Self.supportedDates.lowerBound.weekday.rawValue
        for dayNumber in first...last {
            if weekday < 5 && !holidayFlags[dayNumber - first] {
                count += 1
                workingDays.append(Int32(dayNumber))
            }
            through.append(count)
            weekday = weekday == 6 ? 0 : weekday + 1
        }
        self.firstDayNumber = first
        self.workingDaysThrough = through
        self.workingDayNumbers = workingDays
        publishedYears = holidays.publishedYears(of: divisions)
        publishedDayNumbers = publishedYears.map {
            CivilDate.known(year: $0.lowerBound, month: 1, day: 1)
                .dayNumber...CivilDate.known(year: $0.upperBound, month: 12, day: 31).dayNumber
        }
    }

    // MARK: - Queries

    /// Whether `date` is a working day.
    public func isWorkingDay(_ date: CivilDate) throws(DeadlineError) -> Bool {
        let index = try self.index(of: date)
        return index == 0 ? workingDaysThrough[0] == 1 : workingDaysThrough[index] != workingDaysThrough[index - 1]
    }

    /// The `n`th working day after `start` (`start` itself when n is 0); `start` need not be a working day.
    public func date(adding n: Int, workingDaysTo start: CivilDate) throws(DeadlineError) -> CivilDate {
        let index = try self.index(of: start)
        guard n > 0 else { return start }
        // Compared before adding, so that no count, however large, overflows.
        guard n <= workingDayNumbers.count - Int(workingDaysThrough[index]) else {
            throw .beyondCalendars(workingDays: n, after: start)
        }
        let target = Int(workingDaysThrough[index]) + n - 1
        return CivilDate(dayNumber: Int(workingDayNumbers[target]))
    }

    /// The working days `d` with `start < d ≤ end`; 0 when `end` is not after `start`.
    public func workingDays(after start: CivilDate, through end: CivilDate) throws(DeadlineError) -> Int {
        guard end > start else { return 0 }
        let startIndex = try index(of: start)
        let endIndex = try index(of: end)
        return Int(workingDaysThrough[endIndex] - workingDaysThrough[startIndex])
    }

    /// `date` if it is a working day, else the next one.
    public func workingDay(onOrAfter date: CivilDate) throws(DeadlineError) -> CivilDate {
        if try isWorkingDay(date) { return date }
        return try self.date(adding: 1, workingDaysTo: date)
    }

    /// Every day `d` with `start < d ≤ end` that is not a working day, with the reason.
    public func nonWorkingDays(after start: CivilDate, through end: CivilDate) throws(DeadlineError) -> [NonWorkingDay]
    {
        guard end > start else { return [] }
        _ = try index(of: start)
        _ = try index(of: end)
        var result: [NonWorkingDay] = []
        var date = start.adding(days: 1)
        while date <= end {
            if let reason = reasonNotWorking(date) { result.append(NonWorkingDay(date: date, reason: reason)) }
            date = date.adding(days: 1)
        }
        return result
    }

    /// Each holiday of `division` in every supported year, as days after the first supported date.
    static func holidayOffsets(of division: Division, in holidays: HolidaySet) -> [Int32] {
        let first = supportedDates.lowerBound.dayNumber
        return supportedYears.flatMap { year in
            holidays.holidayDates(of: division, in: year).map { Int32($0.dayNumber - first) }
        }
    }

    /// The days the statutes name themselves, whatever the holiday data says: Christmas Day (and for FOIA and the
    /// EIR Good Friday).
    private static func statutoryDays(_ kind: Kind, in year: Int) -> [(CivilDate, String)] {
        let christmas = CivilDate.known(year: year, month: 12, day: 25)
        return switch kind {
        case .unitedKingdom:
            [(christmas, "Christmas Day"), (HolidayRules.easterSunday(year).adding(days: -2), "Good Friday")]
        case .scotland: [(christmas, "Christmas Day")]
        case .division: []
        }
    }

    /// The holidays that make `date` non-working in this calendar: the divisions' own, else a day the statute
    /// names.
    private func holidays(on date: CivilDate) -> [Holiday] {
        let own = kind.divisions.flatMap { holidays.holidays(of: $0, in: date.year).filter { $0.date == date } }
        if !own.isEmpty || date.isWeekend { return own }
        return Self.statutoryDays(kind, in: date.year).filter { $0.0 == date }.map {
            Holiday(date: date, division: .englandAndWales, title: "\($0.1) (named in the statute)", source: .published)
        }
    }

    /// Why `date` is not a working day, or nil when it is one.
    public func reasonNotWorking(_ date: CivilDate) -> String? {
        if date.isWeekend { return date.weekday.name }
        // The table answers first; only a holiday is looked up, to be named.
        if (try? isWorkingDay(date)) ?? true { return nil }
        let holidays = holidays(on: date)
        guard !holidays.isEmpty else { return nil }
        var divisionsByTitle: [String: [Division]] = [:]
        var titles: [String] = []
        var provisional = false
        for holiday in holidays {
            if divisionsByTitle[holiday.title] == nil { titles.append(holiday.title) }
            divisionsByTitle[holiday.title, default: []].append(holiday.division)
            provisional = provisional || holiday.source == .generated
        }
        let parts = titles.map { title -> String in
            let divisions = divisionsByTitle[title, default: []].sorted()
            if title.hasSuffix("(named in the statute)") || divisions.count == Division.allCases.count { return title }
            return "\(title) (\(divisions.map(\.name).joined(separator: ", ")))"
        }
        let local = holidays.contains { $0.source == .local } ? ", added locally" : ""
        return parts.joined(separator: "; ")
            + (provisional ? " [generated from the statutory rules: provisional]" : local)
    }

    /// Whether a period from `start` to `end` relies on holidays that are generated rather than published.
    public func isProvisional(from start: CivilDate, through end: CivilDate) -> Bool {
        guard let days = publishedDayNumbers else { return true }
        return !days.contains(start.dayNumber) || !days.contains(end.dayNumber)
    }

    private func index(of date: CivilDate) throws(DeadlineError) -> Int {
        let index = date.dayNumber - firstDayNumber
        guard index >= 0, index < workingDaysThrough.count else { throw .outOfRange(date) }
        return index
    }
}

/// A day skipped by a working-day count, and why.
public struct NonWorkingDay: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var reason: String
}

/// The working-day calendars of every regime for one set of holidays, each built the first time it is needed.
public final class Calendars: Sendable {
    public let holidays: HolidaySet
    /// By `slot`: a calendar is asked for with every date computed, so it is found by position rather than hashed.
    private let built = Mutex<[WorkingDayCalendar?]>(Array(repeating: nil, count: 2 + Division.allCases.count))
    /// Each division's holidays, worked out once for every calendar that counts them (FOIA's counts all three).
    private let divisionOffsets = Mutex<[Division: [Int32]]>([:])

    public init(holidays: HolidaySet) {
        self.holidays = holidays
    }

    /// FOIA and EIR.
    public var unitedKingdom: WorkingDayCalendar { calendar(.unitedKingdom) }
    /// FOISA and EIR(S).
    public var scotland: WorkingDayCalendar { calendar(.scotland) }

    /// The calendar of `kind`.
    public func calendar(_ kind: WorkingDayCalendar.Kind) -> WorkingDayCalendar {
        let slot: Int =
            switch kind {
            case .unitedKingdom: 0
            case .scotland: 1
            case .division(let division): 2 + Division.allCases.firstIndex(of: division)!
            }
        return built.withLock { calendars in
            if let calendar = calendars[slot] { return calendar }
            let calendar = WorkingDayCalendar(kind, holidays: holidays) { division in
                divisionOffsets.withLock { cache in
                    if let offsets = cache[division] { return offsets }
                    let offsets = WorkingDayCalendar.holidayOffsets(of: division, in: holidays)
                    cache[division] = offsets
                    return offsets
                }
            }
            calendars[slot] = calendar
            return calendar
        }
    }
}
