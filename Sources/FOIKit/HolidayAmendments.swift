/// What a store changes of the bank holidays shipped with foi: a GOV.UK file taken in, days added, days cancelled.
public struct HolidayAmendments: Equatable, Sendable {
    /// GOV.UK's data as it was taken in.
    public var imported: [UInt8]?
    /// When it was taken in, which names it: nil for data not yet written. Two sets of amendments with the same
    /// stamp hold the same data, so only the stamp is compared and read on each write.
    public var importedAt: String?
    public var additions: [Holiday]
    public var cancellations: [Holiday]

    public static func == (lhs: HolidayAmendments, rhs: HolidayAmendments) -> Bool {
        (lhs.importedAt, lhs.additions, lhs.cancellations) == (rhs.importedAt, rhs.additions, rhs.cancellations)
            && (lhs.importedAt != nil || lhs.imported == rhs.imported)
    }

    public init(imported: [UInt8]? = nil, importedAt: String? = nil, additions: [Holiday], cancellations: [Holiday]) {
        self.imported = imported
        self.importedAt = importedAt
        self.additions = additions
        self.cancellations = cancellations
    }

    /// The bank holidays these amendments make of `shipped`.
    public func holidays(shipped: HolidaySet) throws -> HolidaySet {
        var holidays = shipped
        if let imported {
            do {
                holidays = shipped.refreshed(by: try HolidaySet(govUKJSON: imported))
            } catch {
                throw StoreError.badHolidayData(error.description)
            }
        }
        for addition in additions { holidays.add(addition) }
        for cancellation in cancellations { holidays.cancel(cancellation.date, in: cancellation.division) }
        return holidays
    }

    /// These amendments after `edit`, refused where it does not fit `holidays` (the holidays they make now), and
    /// the reason a moved deadline gives.
    public func applying(_ edit: HolidayEdit, to holidays: HolidaySet, shipped: HolidaySet) throws -> (
        HolidayAmendments, reason: String
    ) {
        var after = self
        switch edit {
        case .add(let holiday):
            try after.add(holiday, to: holidays)
            return (after, holiday.additionReason)
        case .cancel(let date, let division):
            let lost = try after.cancel(date, division, in: holidays, shipped: shipped)
            return (after, "bank holiday cancelled: \(lost.title) (\(division.name)) on \(date)")
        case .move(let from, let to, let division, let title):
            let lost = try after.cancel(from, division, in: holidays, shipped: shipped)
            var without = holidays
            without.cancel(from, in: division)
            try after.add(
                Holiday(date: to, division: division, title: title ?? lost.title, source: .local), to: without)
            return (after, "bank holiday moved: \(lost.title) (\(division.name)) from \(from) to \(to)")
        case .importGovUK(let data):
            let newer: HolidaySet
            do { newer = try HolidaySet(govUKJSON: data) } catch { throw StoreError.badHolidayData(error.description) }
            for division in Division.allCases {
                // Years between the two would be neither published nor generated.
                if let old = shipped.publishedYears[division], let new = newer.publishedYears[division],
                    new.lowerBound > old.upperBound + 1 || new.upperBound + 1 < old.lowerBound
                {
                    throw StoreError.badHolidayData(
                        "the data for \(division.name) covers \(new.lowerBound)–\(new.upperBound), which does not "
                            + "meet the years foi has (\(old.lowerBound)–\(old.upperBound)); download the whole file "
                            + "from https://www.gov.uk/bank-holidays.json")
                }
            }
            after.imported = data
            after.importedAt = nil
            // An addition the new data publishes, or a cancellation of a day it no longer has, is said by the data.
            let base = try HolidayAmendments(imported: data, importedAt: nil, additions: [], cancellations: [])
                .holidays(
                    shipped: shipped)
            after.additions.removeAll { newer.holiday(on: $0.date, in: $0.division)?.source == .published }
            after.cancellations.removeAll { base.holiday(on: $0.date, in: $0.division) == nil }
            return (after, "bank holidays refreshed from GOV.UK's data")
        }
    }

    private mutating func add(_ holiday: Holiday, to holidays: HolidaySet) throws {
        if holidays.holiday(on: holiday.date, in: holiday.division) != nil {
            throw StoreError.holidayExists(holiday.date, holiday.division)
        }
        if cancellations.contains(where: { $0.date == holiday.date && $0.division == holiday.division }) {
            cancellations.removeAll { $0.date == holiday.date && $0.division == holiday.division }
        }
        additions.append(holiday)
    }

    /// Takes the holiday of `division` on `date` out, and returns it.
    private mutating func cancel(
        _ date: CivilDate, _ division: Division, in holidays: HolidaySet, shipped: HolidaySet
    ) throws -> Holiday {
        guard let day = holidays.holiday(on: date, in: division) else {
            throw StoreError.notAHoliday(date, division)
        }
        additions.removeAll { $0.date == date && $0.division == division }
        // A day of the data (or of the rules) is kept out by a cancellation; an addition needed only removing.
        if try self.holidays(shipped: shipped).holiday(on: date, in: division) != nil {
            cancellations.append(Holiday(date: date, division: division, title: day.title, source: .local))
        }
        return day
    }
}

/// The store's changes to the bank holidays foi ships, with the rules they make and the last step recorded (an
/// event's number, 0 for none), read together: what a change to the holidays is planned from.
public struct HolidayReading: Sendable {
    public var rules: CaseRules
    public var amendments: HolidayAmendments
    public var shipped: HolidaySet
    public var lastEvent: Int64

    public init(rules: CaseRules, amendments: HolidayAmendments, shipped: HolidaySet, lastEvent: Int64) {
        self.rules = rules
        self.amendments = amendments
        self.shipped = shipped
        self.lastEvent = lastEvent
    }
}

/// The deadline-moved events a change of the calendars gives one case, and the case's state after them.
public struct CalendarMove: Sendable {
    public var events: [RecordedEvent]
    public var state: CaseState
}

/// What a change to the bank holidays does, decided before it is kept: the rules and the store's changes to the
/// shipped holidays before and after it, the days it adds and removes, and the move of each case it moves.
public struct HolidayPlan: Sendable {
    public let edit: HolidayEdit
    public let today: CivilDate
    public let before: CaseRules
    public let after: CaseRules
    public let amendments: (before: HolidayAmendments, after: HolidayAmendments)
    /// Why each moved deadline moved.
    public private(set) var reason: String
    /// The last step recorded when the moves were decided: a case with a later one is decided again.
    public var decidedAfter: Int64
    /// The days that became bank holidays, and those that no longer are, in date order.
    public private(set) var added: [Holiday] = []
    public private(set) var removed: [Holiday] = []
    /// The first day whose standing changed (a holiday, or a year now published rather than generated); nil when
    /// nothing did, and no case can move.
    public private(set) var from: CivilDate?
    public var moves: [CalendarMove] = []

    /// `edit` applied to the holidays as `reading` has them; refused where it does not fit them (a day that is a
    /// holiday already, one that is not, data that is not GOV.UK's or leaves a gap in the years).
    public init(_ edit: HolidayEdit, today: CivilDate, reading: HolidayReading) throws {
        let (amended, reason) = try reading.amendments.applying(
            edit, to: reading.rules.calendars.holidays, shipped: reading.shipped)
        var after = reading.rules
        after.calendars = Calendars(holidays: try amended.holidays(shipped: reading.shipped))
        self.edit = edit
        self.today = today
        before = reading.rules
        self.after = after
        amendments = (reading.amendments, amended)
        self.reason = reason
        decidedAfter = reading.lastEvent
        compare()
    }

    /// What the change does to `file`: its move, or nil where it moves nothing.
    public func move(of file: Case) throws(LifecycleError) -> CalendarMove? {
        try file.changingCalendars(from: before, to: after, because: reason, today: today).map {
            CalendarMove(events: $0.moves, state: $0.state)
        }
    }

    /// What the change did, once kept.
    public var change: HolidayChange {
        HolidayChange(added: added, removed: removed, casesMoved: moves.filter { !$0.events.isEmpty }.count)
    }

    /// Finds the days the change adds and removes, year by year over every year either calendar publishes or the
    /// change names.
    private mutating func compare() {
        let old = before.calendars.holidays
        let new = after.calendars.holidays
        var firstDays: [CivilDate] = []
        for division in Division.allCases {
            let published = [old.publishedYears[division], new.publishedYears[division]].compactMap { $0 }
            let touched =
                (amendments.before.additions + amendments.before.cancellations + amendments.after.additions
                + amendments.after.cancellations).filter { $0.division == division }.map(\.date.year)
            let years = published.flatMap { Array($0) } + touched
            guard let first = years.min(), let last = years.max() else { continue }
            for year in first...last {
                let was = old.holidays(of: division, in: year)
                let now = new.holidays(of: division, in: year)
                added += now.filter { day in !was.contains { $0.date == day.date } }
                removed += was.filter { day in !now.contains { $0.date == day.date } }
                if (old.publishedYears[division]?.contains(year) == true)
                    != (new.publishedYears[division]?.contains(year) == true),
                    let january = CivilDate(year: year, month: 1, day: 1)
                {
                    firstDays.append(january)
                }
            }
        }
        added.sort { ($0.date, $0.division) < ($1.date, $1.division) }
        removed.sort { ($0.date, $0.division) < ($1.date, $1.division) }
        from = (added.map(\.date) + removed.map(\.date) + firstDays).min()
        if case .importGovUK = edit, !(added.isEmpty && removed.isEmpty) {
            let days = (added.map { "\($0.date) added" } + removed.map { "\($0.date) removed" })
            reason += " (\(days.prefix(3).joined(separator: ", "))\(days.count > 3 ? ", …" : ""))"
        }
    }
}
