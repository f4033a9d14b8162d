/// A calendar date with no time of day and no time zone: the unit every statutory period is counted in.
///
/// Stored as a day number (days since 1970-01-01) so that day arithmetic and comparison are integer operations;
/// deadlines never go near Foundation's `Date`, so daylight saving cannot shift them.
public struct CivilDate: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int

    /// The date with the given day number.
    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// The date with the given year, month (1–12) and day, or nil when no such date exists (2023-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(month, of: year) else { return nil }
        dayNumber = CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// Parses an ISO-8601 calendar date, `YYYY-MM-DD`.
    public init(iso text: String) throws(CivilDateError) {
        if let date = text.utf8.withContiguousStorageIfAvailable(CivilDate.init(isoBytes:)), let date {
            self = date
            return
        }
        var utf8 = text.utf8[...]
        guard let parsed = CivilDate.parseISO(&utf8), utf8.isEmpty else {
            throw .malformed(text)
        }
        guard let date = CivilDate(year: parsed.year, month: parsed.month, day: parsed.day) else {
            throw .impossible(text, CivilDate.impossibilityReason(parsed.year, parsed.month, parsed.day))
        }
        self = date
    }

    /// The date the ten bytes `YYYY-MM-DD` name, or nil for anything else: the quick way in for dates read by the
    /// thousand from a database (`init(iso:)` says why a text is not a date).
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 0x30
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// A date the caller knows exists (a fixed holiday, the first of January): no check, no optional.
    static func known(year: Int, month: Int, day: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber(year: year, month: month, day: day))
    }

    // MARK: - Fields

    /// Year, month and day (Howard Hinnant's civil_from_days, exact for the proleptic Gregorian calendar).
    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday, index 3 with Monday as 0.
        Weekday.allCases[((dayNumber + 3) % 7 + 7) % 7]
    }

    /// Whether the date is a Saturday or a Sunday.
    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    // MARK: - Arithmetic

    /// The date `days` calendar days later (earlier when negative).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The corresponding date `months` calendar months later, or the last day of that month when it has no
    /// corresponding date (31 January + 1 month = 28 or 29 February).
    public func addingMonthsClamped(_ months: Int) -> CivilDate {
        let (year, month, day) = components
        let monthIndex = year * 12 + (month - 1) + months
        let newYear = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        let newMonth = monthIndex - newYear * 12 + 1
        let newDay = min(day, CivilDate.daysInMonth(newMonth, of: newYear))
        return CivilDate(dayNumber: CivilDate.dayNumber(year: newYear, month: newMonth, day: newDay))
    }

    /// Whether `months` calendar months later has a day with this date's number (31 January + 1 month has none).
    public func hasCorrespondingDate(addingMonths months: Int) -> Bool {
        addingMonthsClamped(months).day == day
    }

    /// Calendar days from this date to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    // MARK: - Calendar facts

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    public static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The last `weekday` of `month` in `year`.
    static func last(_ weekday: Weekday, of month: Int, in year: Int) -> CivilDate {
        let lastDay = CivilDate(dayNumber: dayNumber(year: year, month: month, day: daysInMonth(month, of: year)))
        return lastDay.adding(days: -((lastDay.weekday.rawValue - weekday.rawValue + 7) % 7))
    }

    /// The first `weekday` of `month` in `year`.
    static func first(_ weekday: Weekday, of month: Int, in year: Int) -> CivilDate {
        let firstDay = CivilDate(dayNumber: dayNumber(year: year, month: month, day: 1))
        return firstDay.adding(days: (weekday.rawValue - firstDay.weekday.rawValue + 7) % 7)
    }

    // MARK: - ISO 8601

    /// Reads `YYYY-MM-DD` from the front of `utf8`, leaving the rest; nil when the shape is wrong.
    static func parseISO(_ utf8: inout Substring.UTF8View) -> (year: Int, month: Int, day: Int)? {
        func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let byte = utf8.first, byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                utf8.removeFirst()
            }
            return value
        }
        func dash() -> Bool {
            guard utf8.first == 0x2D else { return false }
            utf8.removeFirst()
            return true
        }
        guard let year = digits(4), dash(), let month = digits(2), dash(), let day = digits(2) else { return nil }
        return (year, month, day)
    }

    static func impossibilityReason(_ year: Int, _ month: Int, _ day: Int) -> String {
        guard (1...12).contains(month) else { return "there is no month \(month)" }
        let name = Month.name(month)
        return "\(name) \(year) has \(daysInMonth(month, of: year)) days"
    }
}

extension CivilDate: CustomStringConvertible {
    /// Appends `YYYY-MM-DD` to `bytes`: the quick way out for dates written by the hundred thousand.
    public func appendISO(to bytes: inout [UInt8]) {
        let (year, month, day) = components
        guard (0...9999).contains(year) else {
            bytes += description.utf8
            return
        }
        func digit(_ value: Int) { bytes.append(UInt8(ascii: "0") + UInt8(value % 10)) }
        digit(year / 1000)
        digit(year / 100)
        digit(year / 10)
        digit(year)
        bytes.append(UInt8(ascii: "-"))
        digit(month / 10)
        digit(month)
        bytes.append(UInt8(ascii: "-"))
        digit(day / 10)
        digit(day)
    }

    /// The ISO-8601 form, `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        guard (0...9999).contains(year) else { return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }
        // Written digit by digit: every event of a verified history and every row of a listing prints a date.
        return String(unsafeUninitializedCapacity: 10) { text in
            func digits(_ value: Int, _ count: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + count - 1, through: offset, by: -1) {
                    text[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            digits(year, 4, at: 0)
            text[4] = UInt8(ascii: "-")
            digits(month, 2, at: 5)
            text[7] = UInt8(ascii: "-")
            digits(day, 2, at: 8)
            return 10
        }
    }

    /// A form for people: `Tue 5 Jan 2021`.
    public var longDescription: String {
        let (year, month, day) = components
        return "\(weekday.shortName) \(day) \(Month.shortName(month)) \(year)"
    }

    /// The full form for letters and headlines: `Tuesday 5 January 2021`.
    public var fullDescription: String {
        let (year, month, day) = components
        return "\(weekday.name) \(day) \(Month.name(month)) \(year)"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try CivilDate(iso: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A day of the week, Monday first as in ISO 8601.
public enum Weekday: Int, CaseIterable, Sendable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// `Monday`, `Tuesday`, ...
    public var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue]
    }

    /// `Mon`, `Tue`, ...
    public var shortName: String { String(name.prefix(3)) }
}

enum Month {
    static func name(_ month: Int) -> String {
        [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ][month - 1]
    }

    static func shortName(_ month: Int) -> String { String(name(month).prefix(3)) }
}

/// Why a text is not a usable date.
public enum CivilDateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not in the form `YYYY-MM-DD` (or, where a time is allowed, an ISO-8601 timestamp).
    case malformed(String)
    /// The text has the right form but names a day that does not exist.
    case impossible(String, String)

    public var description: String {
        switch self {
        case .malformed(let text):
            return
                "'\(text)' is not a date: write it as YYYY-MM-DD (e.g. 2026-03-09) or as a timestamp such as "
                + "2026-03-09T23:30:00+00:00"
        case .impossible(let text, let reason):
            return "'\(text)' is not a real date: \(reason)"
        }
    }
}

/// Days written as `YYYY-MM-DD`, or an inclusive run `YYYY-MM-DD..YYYY-MM-DD`: a school's closures as an officer
/// lists them, and as the received event stores them.
public enum DayRuns {
    /// The days `run` names, in order.
    public static func days(in run: String) throws(DayRunError) -> ClosedRange<CivilDate> {
        let ends = run.split(separator: "..", omittingEmptySubsequences: false)
        guard ends.count <= 2 else { throw .notARun(run) }
        do {
            let first = try CivilDate(iso: String(ends[0]))
            let last = ends.count == 2 ? try CivilDate(iso: String(ends[1])) : first
            guard first <= last else { throw DayRunError.notARun(run) }
            return first...last
        } catch let error as DayRunError {
            throw error
        } catch let error as CivilDateError {
            throw .notADate(error)
        } catch {
            throw .notARun(run)
        }
    }

    /// `days` as the shortest list of single days and runs, in order.
    public static func runs(_ days: Set<CivilDate>) -> [String] {
        var runs: [ClosedRange<CivilDate>] = []
        for day in days.sorted() {
            if let last = runs.last, last.upperBound.adding(days: 1) == day {
                runs[runs.count - 1] = last.lowerBound...day
            } else {
                runs.append(day...day)
            }
        }
        return runs.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)..\($0.upperBound)" }
    }
}

extension ClosedRange<CivilDate> {
    /// Every day of the range.
    public var days: [CivilDate] {
        (lowerBound.dayNumber...upperBound.dayNumber).map(CivilDate.init(dayNumber:))
    }
}

/// Why a text is not a day or a run of days.
public enum DayRunError: Error, Equatable, Sendable, CustomStringConvertible {
    case notADate(CivilDateError)
    case notARun(String)

    public var description: String {
        switch self {
        case .notADate(let error): "\(error)"
        case .notARun(let text): "'\(text)' is not a date or a range FROM..TO (e.g. 2026-12-21..2027-01-01)"
        }
    }
}
