/// Why a deadline cannot be computed from what was given. Each case says what to change.
public enum DeadlineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A date (or a period it needs) falls outside the years the calendars cover.
    case outOfRange(CivilDate)
    /// A count of working days that runs past the last day the calendars cover.
    case beyondCalendars(workingDays: Int, after: CivilDate)
    /// A clarification was received before the request itself.
    case clarificationBeforeReceipt(clarified: CivilDate, received: CivilDate)
    /// A clarification was requested before the request was received.
    case clarificationRequestedBeforeReceipt(requested: CivilDate, received: CivilDate)
    /// A clarification's answer is dated before the request for it.
    case clarificationAnsweredBeforeAsked(requested: CivilDate, answered: CivilDate)
    /// A SAR pauses from the day clarification is asked for, so that date is needed.
    case clarificationRequestDateNeeded
    /// A fee notice dated before the request was received.
    case feeNoticeBeforeReceipt(notice: CivilDate, received: CivilDate)
    /// A fee recorded as paid before its notice was given.
    case feePaidBeforeNotice(notice: CivilDate, paid: CivilDate)
    /// A fee paid with no notice to pay it against.
    case feePaidWithoutNotice
    /// Two fee periods overlap.
    case overlappingFeePeriods(CivilDate, CivilDate)
    /// The identity evidence of a SAR is dated before the request.
    case identityBeforeReceipt(identity: CivilDate, received: CivilDate)
    /// The regime has no such extension.
    case extensionNotAvailable(Regime, reason: String, remedy: Remedy?)
    /// A working-day count outside what any rule allows.
    case workingDaysOutOfRange(Int, allowed: ClosedRange<Int>)
    /// A time-for-compliance rule that the regime does not have.
    case ruleNotAvailable(Regime, String)

    /// What to do instead, where the fix is an input to add or drop.
    public var remedy: Remedy? {
        switch self {
        case .clarificationRequestDateNeeded: .giveClarificationRequestDate
        case .feePaidWithoutNotice: .giveFeeNoticeDate
        case .extensionNotAvailable(_, _, let remedy): remedy
        default: nil
        }
    }

    public var description: String { message { $0.description } }

    /// The message with the remedy worded by `wording`: FOIKit's plain words, or the option to give.
    public func message(wording: (Remedy) -> String) -> String {
        switch self {
        case .outOfRange(let date):
            let range = WorkingDayCalendar.supportedDates
            return "\(date) is outside the calendars, which cover \(range.lowerBound) to \(range.upperBound)"
        case .beyondCalendars(let workingDays, let start):
            return
                "\(workingDays) working days after \(start) runs past \(WorkingDayCalendar.supportedDates.upperBound), "
                + "the last day the calendars cover"
        case .clarificationBeforeReceipt(let clarified, let received):
            return
                "the clarification (\(clarified)) cannot come before the request was received (\(received)); check "
                + "both dates"
        case .clarificationRequestedBeforeReceipt(let requested, let received):
            return
                "clarification cannot be requested (\(requested)) before the request was received (\(received)); "
                + "check both dates"
        case .clarificationAnsweredBeforeAsked(let requested, let answered):
            return
                "the clarification was received (\(answered)) before it was requested (\(requested)); check both dates"
        case .clarificationRequestDateNeeded:
            return "a subject access request's clock stops from the day clarification is requested: "
                + wording(.giveClarificationRequestDate)
        case .feeNoticeBeforeReceipt(let notice, let received):
            return
                "the fees notice (\(notice)) cannot come before the request was received (\(received)); check both "
                + "dates"
        case .feePaidBeforeNotice(let notice, let paid):
            return "the fee cannot be paid (\(paid)) before the fees notice was given (\(notice)); check both dates"
        case .feePaidWithoutNotice:
            return "a fee payment has no fees notice: \(wording(.giveFeeNoticeDate))"
        case .overlappingFeePeriods(let first, let second):
            return
                "the fee period from \(second) starts before the one from \(first) was paid; record one fee at a time"
        case .identityBeforeReceipt(let identity, let received):
            return
                "identity evidence (\(identity)) dated before the request (\(received)) does not move the start; "
                + "leave it out"
        case .extensionNotAvailable(let regime, let reason, let remedy):
            return "\(regime.shortName) has no such extension: \(reason)" + (remedy.map { "; \(wording($0))" } ?? "")
        case .workingDaysOutOfRange(let days, let allowed):
            return
                "\(days) working days is outside what the rules allow (\(allowed.lowerBound) to \(allowed.upperBound))"
        case .ruleNotAvailable(let regime, let rule):
            return "\(rule) does not apply to \(regime.shortName) requests"
        }
    }
}
