extension ResponseDeadline {
    /// How each date was reached, one sentence a step, in order: receipt, restarts, pauses, the period, the due
    /// date, any extension, and whether the holidays behind it are provisional.
    public func explanation(calendars: Calendars) -> [String] {
        let regime = input.regime
        var steps: [String] = []
        let received = input.received
        if regime == .sar {
            steps.append(
                "Received \(received.longDescription): the month runs to the corresponding date "
                    + "(\(regime.responseCitation))."
            )
            if dayZero != received {
                steps.append(
                    "The relevant time moves to \(dayZero.longDescription), when identity evidence or the fee "
                        + "arrived (\(regime.feeCitation))."
                )
            }
        } else {
            steps.append(
                "Received \(received.longDescription): day 0; day 1 is the next working day "
                    + "(\(regime.responseCitation))."
            )
        }
        for clarification in input.clarifications {
            switch (clarification.requested, clarification.received) {
            case (let requested?, nil):
                steps.append(
                    "Clarification requested \(requested.longDescription): the clock is stopped until it arrives "
                        + "(\(regime.clarificationCitation))."
                )
            case (let requested, let answered?) where regime == .sar:
                let from = requested.map { " from \($0.longDescription)" } ?? ""
                steps.append(
                    "Clarification received \(answered.longDescription): the days\(from) to then, inclusive, do not "
                        + "count (\(regime.clarificationCitation))."
                )
            case (_, let answered?):
                steps.append(
                    "Clarification received \(answered.longDescription): a fresh period runs from this day and days "
                        + "used before are not carried over (\(regime.clarificationCitation))."
                )
            case (nil, nil):
                break
            }
        }
        let calendar = calendars.calendar(regime == .sar ? .division(input.rollForwardDivision) : regime.calendarKind)
        if input.convention == .nextWorkingDay, regime != .sar {
            let counted = input.clarifications.compactMap(\.received).max() ?? received
            if counted != dayZero {
                steps.append(
                    "\(counted.longDescription) is not a working day; under the next-working-day convention the "
                        + "request counts as received \(dayZero.longDescription)."
                )
            }
        }
        for period in disregarded {
            steps.append(
                "Fees notice given \(period.notice.longDescription), fee received \(period.paid.longDescription): "
                    + "\(plural(period.workingDays, "working day")) from notice to payment, both inclusive, are "
                    + "disregarded (\(regime.feeCitation))."
            )
        }
        for warning in warnings {
            steps.append("Note: \(warning).")
        }
        switch state {
        case .running:
            break
        case .awaitingClarification:
            steps.append("No due date while the clock is stopped.")
        case .awaitingFee(let since, let lapses):
            let lapse = lapses.map { "; the request lapses if it is unpaid after \($0.longDescription)" } ?? ""
            steps.append(
                "Fees notice given \(since.longDescription): the clock is stopped until the fee is received "
                    + "(\(regime.feeCitation))\(lapse)."
            )
        }
        if pausedCalendarDays > 0, let corresponding = correspondingDate {
            steps.append(
                "Corresponding date \(corresponding.longDescription), plus "
                    + "\(plural(pausedCalendarDays, "calendar day")) stopped for clarification."
            )
        } else if let corresponding = correspondingDate {
            steps.append("Corresponding date \(corresponding.longDescription) (\(citation)).")
        }
        if let limits = schoolLimits {
            steps.append(
                "Schools: the 20th working school day is \(limits.twentiethSchoolDay.longDescription) and the 60th "
                    + "working day \(limits.sixtiethWorkingDay.longDescription); the earlier applies."
            )
        }
        if let due {
            if let days = workingDays {
                steps.append("Due by \(due.longDescription): the \(ordinal(days)) working day (\(citation)).")
            } else if let corresponding = correspondingDate, due != corresponding.adding(days: pausedCalendarDays) {
                steps.append(
                    "Due by \(due.longDescription): rolled forward to the next working day in "
                        + "\(input.rollForwardDivision.name)."
                )
            } else {
                steps.append("Due by \(due.longDescription).")
            }
        }
        if let extendedDue, let extra = input.publicInterestExtension {
            steps.append(
                "Public interest extension of \(plural(extra, "further working day")) (FOIA s.10(3)): the decision "
                    + "is estimated by \(extendedDue.longDescription); the s.17(1) refusal notice is still due by "
                    + "\(due?.longDescription ?? "the date above")."
            )
        }
        if provisional {
            let years = calendar.publishedYears.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "none"
            steps.append(
                "Provisional: the period reaches beyond the published bank holiday data (\(years)); the holidays "
                    + "there were generated from the statutory rules and a proclamation may change them."
            )
        }
        return steps
    }

    /// Every non-working day the count passed over, with its reason: from day 0 to the last date for a
    /// working-day regime, the roll-forward days for a SAR.
    public func skippedDays(calendars: Calendars) -> [NonWorkingDay] {
        guard let last = finalDate else { return [] }
        if input.regime == .sar {
            guard let corresponding = correspondingDate else { return [] }
            let unrolled = corresponding.adding(days: pausedCalendarDays)
            return
                (try? calendars.calendar(.division(input.rollForwardDivision)).nonWorkingDays(
                    after: unrolled.adding(days: -1), through: last.adding(days: -1))) ?? []
        }
        return (try? calendars.calendar(input.regime.calendarKind).nonWorkingDays(after: dayZero, through: last)) ?? []
    }
}

/// `1 case`, `2 cases`: a count of a noun whose plural adds an s.
public func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

func ordinal(_ number: Int) -> String {
    let suffix =
        switch (number % 10, number % 100) {
        case (_, 11...13): "th"
        case (1, _): "st"
        case (2, _): "nd"
        case (3, _): "rd"
        default: "th"
        }
    return "\(number)\(suffix)"
}
