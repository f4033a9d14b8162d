/// How a request (or an internal review) stands for the timeliness figures the ICO judges an authority by (FOI
/// self-assessment toolkit, Topic 1, "Timeliness": the share answered in time, with a permitted extension counted as
/// in time; Good at 95% or more, Adequate from 90%, Unsatisfactory below).
public enum TimelinessStanding: String, CaseIterable, Hashable, Sendable, Codable {
    /// Answered by the statutory date (20 working days, or the review's own period).
    case inTime = "in-time"
    /// Answered after it, within a permitted extension (FOIA s.10(3), EIR and EIR(S) reg 7; a FOIA review extended
    /// under the s.45 Code).
    case withinExtension = "within-extension"
    /// Answered after the last permitted date, or still unanswered once it has passed.
    case late
    /// Not answered, and not yet due.
    case pending
}

/// One request or review in the figures: when it falls due and when it was answered.
public struct TimelinessEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case request, review
    }

    public var reference: CaseReference
    public var regime: Regime
    public var kind: Kind
    /// The statutory date, before any extension.
    public var statutoryDue: CivilDate
    /// The last permitted date: the extended one where there is an extension. The entry counts in the period this
    /// falls in.
    public var due: CivilDate
    /// The first response (a reopened case counts by it), or the review's decision.
    public var answered: CivilDate?

    public init(
        reference: CaseReference, regime: Regime, kind: Kind, statutoryDue: CivilDate, due: CivilDate,
        answered: CivilDate?
    ) {
        self.reference = reference
        self.regime = regime
        self.kind = kind
        self.statutoryDue = statutoryDue
        self.due = due
        self.answered = answered
    }

    /// How it stood at the end of `asAt` (its answer, if it had one by then, is the one recorded).
    public func standing(asAt: CivilDate) -> TimelinessStanding {
        TimelinessStanding(answered: answered, statutoryDue: statutoryDue, due: due, asAt: asAt)
    }
}

extension TimelinessStanding {
    /// How a request or review answered on `answered` (nil: not yet) stands as at `asAt`, against its statutory
    /// date and the last date an extension permits.
    public init(answered: CivilDate?, statutoryDue: CivilDate, due: CivilDate, asAt: CivilDate) {
        self =
            switch answered {
            case let answered? where answered <= statutoryDue: .inTime
            case let answered? where answered <= due: .withinExtension
            case .some: .late
            case nil: asAt > due ? .late : .pending
            }
    }
}

/// The ICO's band for a share answered in time.
public enum TimelinessBand: String, Hashable, Sendable, Codable {
    case good = "Good"
    case adequate = "Adequate"
    case unsatisfactory = "Unsatisfactory"

    public init(percent: Double) {
        self = percent >= 95 ? .good : percent >= 90 ? .adequate : .unsatisfactory
    }
}

extension Case {
    /// The request and each review in the timeliness figures, with their dates. Left out: subject access requests
    /// (not FOI figures), and a request no response is owed for, or whose clock is stopped (withdrawn, transferred,
    /// lapsed, awaiting a clarification or a fee); a declined review, or one of a failure to respond. A reopened case
    /// counts by its first response (RULES.md §5.1). For the figures as at a date, the case is the fold of the events
    /// dated by then.
    public func timelinessEntries(calendars: Calendars) throws(DeadlineError) -> [TimelinessEntry] {
        guard regime.isInFOIFigures else { return [] }
        var entries: [TimelinessEntry] = []
        if let request = try requestTimeliness(calendars: calendars) { entries.append(request) }
        for review in reviews where !review.isDeclined && review.subject == .response {
            var unextended = review
            unextended.extendedTo = nil
            entries.append(
                TimelinessEntry(
                    reference: reference, regime: regime, kind: .review,
                    statutoryDue: try reviewDue(unextended, calendars: calendars).due,
                    due: try reviewDue(review, calendars: calendars).due, answered: review.decided))
        }
        return entries
    }

    private func requestTimeliness(calendars: Calendars) throws(DeadlineError) -> TimelinessEntry? {
        let first = responses.first
        guard first != nil || status.isOpen else { return nil }
        let deadline = try ResponseClock.deadline(for: clockInput, calendars: calendars)
        var unextended = clockInput
        unextended.publicInterestExtension = nil
        unextended.statutoryExtension = false
        guard let due = deadline.finalDate,
            let statutory = try ResponseClock.deadline(for: unextended, calendars: calendars).due
        else { return nil }
        return TimelinessEntry(
            reference: reference, regime: regime, kind: .request, statutoryDue: statutory, due: due,
            answered: first?.on)
    }
}

/// The ICO's own measure of timeliness (its "Assessing the level of your compliance with FOIA and EIR timescales",
/// 2023, and the self-assessment toolkit): the requests (or reviews) closed in the period, whenever received, how
/// many of them within the time allowed (a permitted extension counting), and how many were open past their date at
/// its end. The ICO's regimes only, FOIA and the EIR: the SIC regulates FOISA and the EIR(S).
public struct ClosedInPeriodFigures: Hashable, Sendable {
    public var kind: TimelinessEntry.Kind
    public var closed = 0
    public var closedInTime = 0
    public var overdueAtEnd = 0

    /// How far either side of the period the entries read for it reach, in days: a request closed in the period
    /// fell due within a year of it (one overdue longer is left out).
    public static let reach = 366

    public init(
        _ entries: some Sequence<TimelinessEntry>, kind: TimelinessEntry.Kind, period: ClosedRange<CivilDate>,
        asAt: CivilDate
    ) {
        self.kind = kind
        let end = min(period.upperBound, asAt)
        for entry in entries where entry.kind == kind && (entry.regime == .foia || entry.regime == .eir) {
            if let answered = entry.answered, answered <= end, answered >= period.lowerBound {
                closed += 1
                if answered <= entry.due { closedInTime += 1 }
            } else if entry.due < end, entry.answered.map({ $0 > end }) ?? true {
                overdueAtEnd += 1
            }
        }
    }

    /// The share closed in time; nil with none closed.
    public var percentInTime: Double? { closed == 0 ? nil : Double(closedInTime) * 100 / Double(closed) }
    public var band: TimelinessBand? { percentInTime.map(TimelinessBand.init(percent:)) }

    /// The days the entries for `period` are read over (`reach` either side).
    public static func readingDays(for period: ClosedRange<CivilDate>) -> ClosedRange<CivilDate> {
        period.lowerBound.adding(days: -reach)...period.upperBound.adding(days: reach)
    }
}

/// The figures of one period for requests or reviews.
public struct TimelinessFigures: Hashable, Sendable {
    public var counts: [TimelinessStanding: Int] = [:]

    public init(_ entries: some Sequence<TimelinessEntry>, asAt: CivilDate) {
        for entry in entries { counts[entry.standing(asAt: asAt), default: 0] += 1 }
    }

    /// Figures counted elsewhere (by the store, from its projection).
    public init(counts: [TimelinessStanding: Int]) {
        self.counts = counts
    }

    public subscript(standing: TimelinessStanding) -> Int { counts[standing] ?? 0 }

    /// Answered or overdue: the ones the share is taken of.
    public var decided: Int { self[.inTime] + self[.withinExtension] + self[.late] }
    /// The share in time, a permitted extension counting as in time; nil with nothing decided.
    public var percentInTime: Double? {
        decided == 0 ? nil : Double(self[.inTime] + self[.withinExtension]) * 100 / Double(decided)
    }
    /// The share answered by the statutory date.
    public var percentWithinStatutoryDate: Double? {
        decided == 0 ? nil : Double(self[.inTime]) * 100 / Double(decided)
    }
    public var band: TimelinessBand? { percentInTime.map(TimelinessBand.init(percent:)) }

    /// How many of the pending ones can still be late with the share staying at `threshold` percent or more once
    /// every one is answered; negative when even answering all in time falls short.
    public func lateAllowed(keeping threshold: Double) -> Int {
        let total = decided + self[.pending]
        let inTime = self[.inTime] + self[.withinExtension]
        // In time needed: the smallest whole number n with n * 100 >= threshold * total.
        let needed = Int((threshold * Double(total) / 100).rounded(.up))
        return inTime + self[.pending] - needed
    }

    /// The share if every pending one is answered on its date.
    public var projectedPercent: Double? {
        let total = decided + self[.pending]
        return total == 0 ? nil : Double(self[.inTime] + self[.withinExtension] + self[.pending]) * 100 / Double(total)
    }
}

/// A reporting period: a month (`2026-10`), a quarter (`2026Q3`, calendar quarters as the Cabinet Office and the
/// ICO count them) or a calendar year (`2026`).
public struct ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    public enum Length: Hashable, Sendable {
        case month, quarter, year
    }

    public let length: Length
    public let year: Int
    /// The month or quarter within the year (1-based); 1 for a year.
    public let index: Int

    public init?(parsing text: String) {
        let upper = text.uppercased()
        if let q = upper.firstIndex(of: "Q"), let year = Int(upper[..<q]),
            let quarter = Int(upper[upper.index(after: q)...]),
            (1...4).contains(quarter), (1900...2200).contains(year)
        {
            self.init(.quarter, year: year, index: quarter)
        } else if upper.count == 7, let dash = upper.firstIndex(of: "-"), let year = Int(upper[..<dash]),
            let month = Int(upper[upper.index(after: dash)...]), (1...12).contains(month), (1900...2200).contains(year)
        {
            self.init(.month, year: year, index: month)
        } else if upper.count == 4, let year = Int(upper), (1900...2200).contains(year) {
            self.init(.year, year: year, index: 1)
        } else {
            return nil
        }
    }

    public init(_ length: Length, year: Int, index: Int) {
        self.length = length
        self.year = year
        self.index = index
    }

    /// The quarter `date` falls in.
    public static func quarter(of date: CivilDate) -> ReportingPeriod {
        ReportingPeriod(.quarter, year: date.year, index: (date.month - 1) / 3 + 1)
    }

    public var firstMonth: Int {
        switch length {
        case .month: index
        case .quarter: (index - 1) * 3 + 1
        case .year: 1
        }
    }

    public var monthCount: Int {
        switch length {
        case .month: 1
        case .quarter: 3
        case .year: 12
        }
    }

    /// Its first and last days.
    public var dates: ClosedRange<CivilDate> {
        let first = CivilDate(year: year, month: firstMonth, day: 1)!
        let lastMonth = firstMonth + monthCount - 1
        return first...CivilDate(year: year, month: lastMonth, day: CivilDate.daysInMonth(lastMonth, of: year))!
    }

    /// Its months, in order.
    public var months: [ReportingPeriod] {
        (firstMonth..<firstMonth + monthCount).map { ReportingPeriod(.month, year: year, index: $0) }
    }

    public var description: String {
        switch length {
        case .month: "\(year)-\(index < 10 ? "0" : "")\(index)"
        case .quarter: "\(year)Q\(index)"
        case .year: "\(year)"
        }
    }
}
