/// A request for clarification and, once it arrives, the answer.
public struct Clarification: Hashable, Sendable, Codable {
    /// The day the authority asked (needed for a SAR, whose clock stops from that day).
    public var requested: CivilDate?
    /// The day the answer was received; nil while the authority is still waiting.
    public var received: CivilDate?

    public init(requested: CivilDate? = nil, received: CivilDate?) {
        self.requested = requested
        self.received = received
    }
}

/// A fees notice and, once it arrives, the payment.
public struct FeePeriod: Hashable, Sendable, Codable {
    public var notice: CivilDate
    /// The day the fee was received; nil while unpaid.
    public var paid: CivilDate?

    public init(notice: CivilDate, paid: CivilDate?) {
        self.notice = notice
        self.paid = paid
    }
}

/// Everything the response clock of one request depends on.
public struct ResponseClockInput: Hashable, Sendable {
    public var regime: Regime
    /// The London civil date the request was received.
    public var received: CivilDate
    public var convention: ReceiptConvention
    public var clarifications: [Clarification]
    public var fees: [FeePeriod]
    /// SAR: the day evidence of identity was received, which moves the start (Art 12A "relevant time").
    public var identityConfirmed: CivilDate?
    /// FOIA s.10(3): further working days for the public interest test, beyond the 20-day s.17(1) notice.
    public var publicInterestExtension: Int?
    /// The regime's own extension: EIR and EIR(S) reg 7 (40 working days in all), SAR two further months.
    public var statutoryExtension: Bool
    public var rule: ComplianceRule
    /// SAR: the division whose bank holidays roll a due date forward.
    public var rollForwardDivision: Division

    public init(
        regime: Regime, received: CivilDate, convention: ReceiptConvention = .statutory,
        clarifications: [Clarification] = [], fees: [FeePeriod] = [], identityConfirmed: CivilDate? = nil,
        publicInterestExtension: Int? = nil, statutoryExtension: Bool = false, rule: ComplianceRule = .standard,
        rollForwardDivision: Division = .englandAndWales
    ) {
        self.regime = regime
        self.received = received
        self.convention = convention
        self.clarifications = clarifications
        self.fees = fees
        self.identityConfirmed = identityConfirmed
        self.publicInterestExtension = publicInterestExtension
        self.statutoryExtension = statutoryExtension
        self.rule = rule
        self.rollForwardDivision = rollForwardDivision
    }
}

/// Whether a clock is counting, and if not, what it waits for.
public enum ClockState: Hashable, Sendable {
    case running
    /// Stopped until the requester's clarification arrives.
    case awaitingClarification(since: CivilDate)
    /// Stopped until the fee is paid; the request lapses after `lapses` (nil where no lapse applies).
    case awaitingFee(since: CivilDate, lapses: CivilDate?)
}

/// Working days disregarded while a fee was awaited (both end days included, FOIA s.10(2)).
public struct DisregardedPeriod: Hashable, Sendable {
    public var notice: CivilDate
    public var paid: CivilDate
    public var workingDays: Int

    public init(notice: CivilDate, paid: CivilDate, workingDays: Int) {
        self.notice = notice
        self.paid = paid
        self.workingDays = workingDays
    }
}

/// Something the officer should know about a deadline that does not stop it being computed.
public enum DeadlineWarning: Hashable, Sendable, CustomStringConvertible {
    /// A public interest extension past the ICO's expected 20 further working days.
    case publicInterestBeyondGuidance(Int)
    /// A fees notice given after the deadline had passed, which does not extend it.
    case feeNoticeAfterDeadline(CivilDate)

    public var description: String {
        switch self {
        case .publicInterestBeyondGuidance(let days):
            "a public interest extension of \(days) working days is beyond the ICO's guidance of at most 20 further "
                + "working days; record why it is exceptional"
        case .feeNoticeAfterDeadline(let notice):
            "the fees notice of \(notice) was given after the deadline had passed, so it does not extend the time"
        }
    }
}

/// The response clock of one request, as computed, with what is needed to explain it.
public struct ResponseDeadline: Hashable, Sendable {
    public let input: ResponseClockInput
    /// The day the count runs from: receipt, the last clarification, or the next working day (convention B).
    public let dayZero: CivilDate
    public let state: ClockState
    /// The last day to respond (the s.17(1) notice where a public interest extension applies); nil while stopped.
    public let due: CivilDate?
    /// The working days counted (nil for a SAR).
    public let workingDays: Int?
    /// The provision that sets the period.
    public let citation: String
    public let disregarded: [DisregardedPeriod]
    /// SAR: calendar days added for clarification (stop the clock).
    public let pausedCalendarDays: Int
    /// SAR: the corresponding date before pauses and roll-forward.
    public let correspondingDate: CivilDate?
    /// Schools: the 20th school working day and the 60th working day, the earlier of which is due.
    public let schoolLimits: SchoolLimits?
    /// FOIA s.10(3): the day by which the public interest decision is estimated.
    public let extendedDue: CivilDate?
    /// Whether the period relies on holidays generated from the rules rather than published data.
    public let provisional: Bool
    public let warnings: [DeadlineWarning]

    /// The last date this clock reaches: the extended date where there is one, else the due date.
    public var finalDate: CivilDate? { extendedDue ?? due }

    /// With a public interest extension, the statutory date the refusal notice was due by; else nil.
    public var extendedFrom: CivilDate? { extendedDue == nil ? nil : due }
}

extension ResponseDeadline {
    /// A clock that is not counting: no due date until what it waits for arrives.
    static func stopped(
        _ input: ResponseClockInput, dayZero: CivilDate, state: ClockState, workingDays: Int?, citation: String,
        calendar: WorkingDayCalendar, warnings: [DeadlineWarning] = []
    ) -> ResponseDeadline {
        ResponseDeadline(
            input: input, dayZero: dayZero, state: state, due: nil, workingDays: workingDays, citation: citation,
            disregarded: [], pausedCalendarDays: 0, correspondingDate: nil, schoolLimits: nil, extendedDue: nil,
            provisional: calendar.isProvisional(from: input.received, through: dayZero), warnings: warnings)
    }
}

/// The two limits of the schools rule (SI 2004/3364 reg 3): the earlier is due.
public struct SchoolLimits: Hashable, Sendable {
    public var twentiethSchoolDay: CivilDate
    public var sixtiethWorkingDay: CivilDate

    public init(twentiethSchoolDay: CivilDate, sixtiethWorkingDay: CivilDate) {
        self.twentiethSchoolDay = twentiethSchoolDay
        self.sixtiethWorkingDay = sixtiethWorkingDay
    }
}

/// The response clock of every regime (RULES.md §§4, 6, 7, 8): a pure function from what happened to the dates.
public enum ResponseClock {
    /// The response deadline for `input`, or a typed error naming what is inconsistent.
    public static func deadline(for input: ResponseClockInput, calendars: Calendars) throws(DeadlineError)
        -> ResponseDeadline
    {
        try validate(input)
        if input.regime == .sar { return try subjectAccessDeadline(input, calendars) }
        return try workingDayDeadline(input, calendars.calendar(input.regime.calendarKind))
    }

    // MARK: - Working-day regimes

    /// Also a contributor task's count (`Case.taskClock`), with the rule giving its working days.
    static func workingDayDeadline(_ input: ResponseClockInput, _ calendar: WorkingDayCalendar)
        throws(DeadlineError) -> ResponseDeadline
    {
        let regime = input.regime
        var dayZero = input.clarifications.compactMap(\.received).max() ?? input.received
        if input.convention == .nextWorkingDay { dayZero = try calendar.workingDay(onOrAfter: dayZero) }

        let period: Int
        var citation = regime.responseCitation
        switch input.rule {
        case .standard:
            if input.statutoryExtension, let regimeExtension = regime.statutoryExtension,
                let days = regimeExtension.workingDays
            {
                period = days
                citation = regimeExtension.citation
            } else {
                period = 20
            }
        case .workingDays(let days, let ruleCitation):
            period = days
            citation = ruleCitation
        case .school:
            period = 20
            citation = "SI 2004/3364 reg 3 (schools: 20 school days or 60 working days)"
        }

        if let pending = input.clarifications.last(where: { $0.received == nil }) {
            return .stopped(
                input, dayZero: dayZero, state: .awaitingClarification(since: pending.requested ?? dayZero),
                workingDays: period, citation: citation, calendar: calendar)
        }

        let workingDays = DayCounter.workingDays(calendar)
        let count: FeeAdjustedCount
        var schoolLimits: SchoolLimits?
        switch input.rule {
        case .school(let nonSchoolDays):
            let schoolCount = try countWithFees(
                20, from: dayZero, fees: input.fees, counter: .schoolDays(calendar, nonSchoolDays), regime: regime,
                calendar: calendar)
            let capCount = try countWithFees(
                60, from: dayZero, fees: input.fees, counter: workingDays, regime: regime, calendar: calendar)
            if let schoolDue = schoolCount.due, let capDue = capCount.due {
                schoolLimits = SchoolLimits(twentiethSchoolDay: schoolDue, sixtiethWorkingDay: capDue)
                count = schoolDue <= capDue ? schoolCount : capCount
            } else {
                count = schoolCount
            }
        case .standard, .workingDays:
            count = try countWithFees(
                period, from: dayZero, fees: input.fees, counter: workingDays, regime: regime, calendar: calendar)
        }
        guard let due = count.due else {
            return .stopped(
                input, dayZero: dayZero, state: count.state, workingDays: period, citation: citation,
                calendar: calendar, warnings: count.warnings)
        }

        var extendedDue: CivilDate?
        var warnings = count.warnings
        if let extra = input.publicInterestExtension {
            extendedDue = try calendar.date(adding: extra, workingDaysTo: due)
            if extra > 20 { warnings.append(.publicInterestBeyondGuidance(extra)) }
        }
        return ResponseDeadline(
            input: input, dayZero: dayZero, state: .running, due: due, workingDays: period, citation: citation,
            disregarded: count.disregarded, pausedCalendarDays: 0, correspondingDate: nil, schoolLimits: schoolLimits,
            extendedDue: extendedDue,
            provisional: calendar.isProvisional(from: input.received, through: extendedDue ?? due),
            warnings: warnings)
    }

    private struct FeeAdjustedCount {
        var due: CivilDate?
        var state: ClockState = .running
        var disregarded: [DisregardedPeriod] = []
        var warnings: [DeadlineWarning] = []
    }

    /// Counts `period` days after `dayZero`, disregarding every working day from each fees notice to its payment,
    /// both inclusive (FOIA s.10(2); FOISA s.10(3); EIR reg 8).
    private static func countWithFees(
        _ period: Int, from dayZero: CivilDate, fees: [FeePeriod], counter: DayCounter, regime: Regime,
        calendar: WorkingDayCalendar
    ) throws(DeadlineError) -> FeeAdjustedCount {
        var result = FeeAdjustedCount()
        var cursor = dayZero
        var remaining = period
        for fee in fees {
            let usedBeforeNotice = try counter.count(after: cursor, through: fee.notice.adding(days: -1))
            if usedBeforeNotice >= remaining {
                result.warnings.append(.feeNoticeAfterDeadline(fee.notice))
                break
            }
            remaining -= usedBeforeNotice
            guard let paid = fee.paid else {
                result.state = .awaitingFee(
                    since: fee.notice,
                    lapses: try Clocks.feeLapse(notice: fee.notice, regime: regime, calendar: calendar)?.due)
                return result
            }
            let disregarded = try calendar.workingDays(after: fee.notice.adding(days: -1), through: paid)
            result.disregarded.append(DisregardedPeriod(notice: fee.notice, paid: paid, workingDays: disregarded))
            cursor = max(cursor, paid)
        }
        result.due = try counter.advance(remaining, from: cursor)
        return result
    }

    /// What counts as a day of the period: every working day, or (schools) a working day that is a school day.
    private enum DayCounter {
        case workingDays(WorkingDayCalendar)
        case schoolDays(WorkingDayCalendar, Set<CivilDate>)

        func count(after start: CivilDate, through end: CivilDate) throws(DeadlineError) -> Int {
            switch self {
            case .workingDays(let calendar):
                return try calendar.workingDays(after: start, through: end)
            case .schoolDays(let calendar, let closed):
                guard end > start else { return 0 }
                var count = 0
                var date = start.adding(days: 1)
                while date <= end {
                    if try calendar.isWorkingDay(date), !closed.contains(date) { count += 1 }
                    date = date.adding(days: 1)
                }
                return count
            }
        }

        func advance(_ n: Int, from start: CivilDate) throws(DeadlineError) -> CivilDate {
            switch self {
            case .workingDays(let calendar):
                return try calendar.date(adding: n, workingDaysTo: start)
            case .schoolDays(let calendar, let closed):
                var found = 0
                var date = start
                while found < n {
                    date = date.adding(days: 1)
                    if try calendar.isWorkingDay(date), !closed.contains(date) { found += 1 }
                }
                return date
            }
        }
    }

    // MARK: - Subject access

    /// One calendar month (three when extended) from the relevant time to the corresponding date, clamped to the
    /// month's end, plus the days stopped for clarification, rolled forward to a working day (RULES.md §8).
    private static func subjectAccessDeadline(_ input: ResponseClockInput, _ calendars: Calendars) throws(DeadlineError)
        -> ResponseDeadline
    {
        let calendar = calendars.calendar(.division(input.rollForwardDivision))
        let paidFees = input.fees.compactMap(\.paid)
        let relevantTime = ([input.identityConfirmed].compactMap { $0 } + paidFees).reduce(input.received, max)
        let months = input.statutoryExtension ? 3 : 1
        let citation =
            input.statutoryExtension
            ? (Regime.sar.statutoryExtension?.citation ?? Regime.sar.responseCitation) : Regime.sar.responseCitation

        if let unpaid = input.fees.first(where: { $0.paid == nil }) {
            return .stopped(
                input, dayZero: relevantTime, state: .awaitingFee(since: unpaid.notice, lapses: nil),
                workingDays: nil, citation: citation, calendar: calendar)
        }
        var paused = 0
        for clarification in input.clarifications {
            guard let requested = clarification.requested else { throw .clarificationRequestDateNeeded }
            guard let answered = clarification.received else {
                return .stopped(
                    input, dayZero: relevantTime, state: .awaitingClarification(since: requested),
                    workingDays: nil, citation: citation, calendar: calendar)
            }
            paused += requested.days(to: answered) + 1
        }
        let corresponding = relevantTime.addingMonthsClamped(months)
        let due = try calendar.workingDay(onOrAfter: corresponding.adding(days: paused))
        return ResponseDeadline(
            input: input, dayZero: relevantTime, state: .running, due: due, workingDays: nil, citation: citation,
            disregarded: [], pausedCalendarDays: paused, correspondingDate: corresponding, schoolLimits: nil,
            extendedDue: nil, provisional: calendar.isProvisional(from: input.received, through: due), warnings: [])
    }

    // MARK: - Validation

    private static func validate(_ input: ResponseClockInput) throws(DeadlineError) {
        let regime = input.regime
        let received = input.received
        guard WorkingDayCalendar.supportedDates.contains(received) else { throw .outOfRange(received) }
        for clarification in input.clarifications {
            if let requested = clarification.requested, requested < received {
                throw .clarificationRequestedBeforeReceipt(requested: requested, received: received)
            }
            if let answered = clarification.received {
                if answered < received { throw .clarificationBeforeReceipt(clarified: answered, received: received) }
                if let requested = clarification.requested, answered < requested {
                    throw .clarificationAnsweredBeforeAsked(requested: requested, answered: answered)
                }
            }
        }
        var previousPaid: (notice: CivilDate, paid: CivilDate?)?
        for fee in input.fees {
            if fee.notice < received { throw .feeNoticeBeforeReceipt(notice: fee.notice, received: received) }
            if let paid = fee.paid, paid < fee.notice { throw .feePaidBeforeNotice(notice: fee.notice, paid: paid) }
            if let previous = previousPaid, previous.paid.map({ fee.notice <= $0 }) ?? true {
                throw .overlappingFeePeriods(previous.notice, fee.notice)
            }
            previousPaid = (fee.notice, fee.paid)
        }
        if let identity = input.identityConfirmed {
            if regime != .sar { throw .ruleNotAvailable(regime, "identity evidence (a subject access rule)") }
            if identity < received { throw .identityBeforeReceipt(identity: identity, received: received) }
        }
        if let extra = input.publicInterestExtension {
            guard regime == .foia else {
                throw regime.statutoryExtension == nil
                    ? .extensionNotAvailable(
                        regime, reason: "FOISA allows no extension of its 20 working days", remedy: nil)
                    : .extensionNotAvailable(
                        regime, reason: "the public interest extension is FOIA's s.10(3)", remedy: .useRegimeExtension)
            }
            guard (1...200).contains(extra) else { throw .workingDaysOutOfRange(extra, allowed: 1...200) }
        }
        if input.statutoryExtension {
            guard regime.statutoryExtension != nil else {
                throw regime == .foia
                    ? .extensionNotAvailable(
                        regime, reason: "FOIA's only extension is the s.10(3) public interest test",
                        remedy: .givePublicInterestDays)
                    : .extensionNotAvailable(
                        regime, reason: "FOISA allows no extension of its 20 working days", remedy: nil)
            }
            guard input.rule == .standard else {
                throw .extensionNotAvailable(
                    regime,
                    reason: "the extension replaces the standard period; give the whole count as working days instead",
                    remedy: nil)
            }
        }
        switch input.rule {
        case .standard:
            break
        case .workingDays(let days, _):
            if regime == .sar { throw .ruleNotAvailable(regime, "a working-day period") }
            guard (1...200).contains(days) else { throw .workingDaysOutOfRange(days, allowed: 1...200) }
        case .school:
            if regime != .foia { throw .ruleNotAvailable(regime, "the schools rule of SI 2004/3364 reg 3") }
        }
    }
}
