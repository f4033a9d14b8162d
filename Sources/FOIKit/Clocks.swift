/// A date set by one of the regimes' other clocks, with its source.
public struct ClockDate: Hashable, Sendable {
    /// The last day, by the end of which the step is due.
    public var due: CivilDate
    /// The provision or guidance that sets it.
    public var citation: String
    /// Guidance or practice rather than statute: shown as a target, never as a breach.
    public var isGuidance: Bool
    /// Whether it relies on holidays generated from the rules rather than published data.
    public var provisional: Bool
}

/// The clocks besides the response: fees, review, the regulator and the Tribunal (RULES.md §§4.3, 5, 6, 7).
public enum Clocks {
    /// The last day a fee can be paid before the request lapses. FOIA s.9(2) and FOISA s.9(4): three months
    /// beginning with the day the notice is given, read strictly (the day before the corresponding date, or the
    /// month's last day where there is none); EIR reg 8 and EIR(S): 60 working days after the notice. Nil for a
    /// subject access request: its fee moves the start of the month (the relevant time) and no law lapses it.
    public static func feeLapse(notice: CivilDate, regime: Regime, calendar: WorkingDayCalendar) throws(DeadlineError)
        -> ClockDate?
    {
        switch regime {
        case .sar:
            return nil
        case .foia, .foisa:
            let lastDay =
                notice.hasCorrespondingDate(addingMonths: 3)
                ? notice.addingMonthsClamped(3).adding(days: -1)
                : notice.addingMonthsClamped(3)
            let citation =
                regime == .foisa
                ? "FOISA s.9(4): three months beginning with the notice"
                : "FOIA s.9(2): three months beginning with the notice"
            return ClockDate(due: lastDay, citation: citation, isGuidance: false, provisional: false)
        case .eir, .eirs:
            let due = try calendar.date(adding: 60, workingDaysTo: notice)
            return ClockDate(
                due: due, citation: "\(regime.shortName) reg 8: unpaid 60 working days after the notice",
                isGuidance: false, provisional: calendar.isProvisional(from: notice, through: due))
        }
    }

    /// The last day the requester may ask for a review: FOIA (s.45 Code) and EIR reg 11(2), 40 working days from
    /// the response; FOISA s.20(5), 40 working days from the later of the response and the expiry of the s.10
    /// period; EIR(S) reg 16(2), 40 working days. With no `response`, the window of a review of the failure to
    /// respond, from the deadline (FOISA, EIR, EIR(S)). Nil where there is none: a subject access request has no
    /// statutory review, and FOIA none of a failure to respond.
    public static func reviewRequestWindow(
        response: CivilDate?, responseDue: CivilDate?, regime: Regime, calendars: Calendars
    ) throws(DeadlineError) -> ClockDate? {
        guard regime != .sar, response != nil || regime.reviewsFailureToRespond,
            let start = response.map({ max($0, regime == .foisa ? responseDue ?? $0 : $0) }) ?? responseDue
        else { return nil }
        let calendar = calendars.calendar(regime.calendarKind)
        let due = try calendar.date(adding: 40, workingDaysTo: start)
        let (citation, guidance) =
            switch (regime, response == nil) {
            case (.foia, _), (.sar, _): ("s.45 Code of Practice: 40 working days after the response", true)
            case (.eir, false): ("EIR reg 11(2): 40 working days", false)
            case (.eir, true): ("EIR reg 11(2): 40 working days after the date the decision was due", false)
            case (.foisa, false): ("FOISA s.20(5): 40 working days after the response or the s.10 deadline", false)
            case (.foisa, true): ("FOISA s.20(5)(a): 40 working days after the s.10 deadline (no response)", false)
            case (.eirs, false): ("EIR(S) reg 16(2): 40 working days", false)
            case (.eirs, true): ("EIR(S) reg 16(2): 40 working days after the date the decision was due", false)
            }
        return ClockDate(
            due: due, citation: citation, isGuidance: guidance,
            provisional: calendar.isProvisional(from: start, through: due))
    }

    /// The review's own deadline from receipt of the request for review: FOIA 20 working days (s.45 Code,
    /// `extendedTo` at most 40); EIR reg 11(4) 40; FOISA s.21(1) 20 (Keeper s.21(2) 30); EIR(S) reg 16(4) 20.
    public static func reviewDue(
        requested: CivilDate, regime: Regime, calendars: Calendars, keeper: Bool = false, extendedTo: Int? = nil
    ) throws(DeadlineError) -> ClockDate {
        let calendar = calendars.calendar(regime.calendarKind)
        let days: Int
        let citation: String
        var guidance = false
        switch regime {
        case .sar:
            days = 20
            citation =
                "no statutory review of a subject access request: the authority's own, 20 working days as a target"
            guidance = true
        case .foia:
            if let extended = extendedTo {
                guard (20...40).contains(extended) else { throw .workingDaysOutOfRange(extended, allowed: 20...40) }
                days = extended
                citation = "s.45 Code of Practice: extended to \(extended) working days (at most 40)"
            } else {
                days = 20
                citation = "s.45 Code of Practice: 20 working days"
            }
            guidance = true
        case .eir:
            days = 40
            citation = "EIR reg 11(4): 40 working days"
        case .foisa:
            days = keeper ? 30 : 20
            citation = keeper ? "FOISA s.21(2): 30 working days (Keeper)" : "FOISA s.21(1): 20 working days"
        case .eirs:
            days = 20
            citation = "EIR(S) reg 16(4): 20 working days"
        }
        if extendedTo != nil, regime != .foia {
            throw .extensionNotAvailable(regime, reason: "its review period is fixed by statute", remedy: nil)
        }
        let due = try calendar.date(adding: days, workingDaysTo: requested)
        return ClockDate(
            due: due, citation: citation, isGuidance: guidance,
            provisional: calendar.isProvisional(from: requested, through: due))
    }

    /// The window to complain to the regulator: the ICO's practice of six weeks (42 days) from the review
    /// outcome (FOIA, EIR) or three months from the last meaningful contact for a data protection complaint (SAR);
    /// six months for an application to the SIC (FOISA s.47(4), EIR(S) reg 17), clamped, from the review's outcome
    /// or, `unanswered`, from the expiry of the s.21(1) period (s.47(4)(b)).
    public static func regulatorWindow(from start: CivilDate, regime: Regime, unanswered: Bool = false) -> ClockDate {
        switch regime {
        case .foisa, .eirs:
            ClockDate(
                due: start.addingMonthsClamped(6),
                citation: unanswered
                    ? "FOISA s.47(4)(b): six months from the end of the review period (the SIC may accept later)"
                    : "FOISA s.47(4)(a): six months (the SIC may accept later)",
                isGuidance: true, provisional: false)
        case .sar:
            ClockDate(
                due: start.addingMonthsClamped(3),
                citation: "ICO: a data protection complaint within three months of the last meaningful contact",
                isGuidance: true, provisional: false)
        case .foia, .eir:
            ClockDate(
                due: start.adding(days: 42), citation: "ICO practice: six weeks from the final response",
                isGuidance: true, provisional: false)
        }
    }

    /// The steps a decision notice orders: 35 calendar days from its date unless it says otherwise (the ICO's
    /// standard notice).
    public static func decisionNoticeCompliance(notice: CivilDate, days: Int = 35) -> ClockDate {
        ClockDate(
            due: notice.adding(days: days), citation: "decision notice: \(days) calendar days", isGuidance: false,
            provisional: false)
    }

    /// The steps ordered once the appeal is decided (`scottish`: by the Court of Session, FOISA s.56; else by the
    /// Tribunal): the date the officer gives (the court's, or the substituted notice's), else 35 calendar days from
    /// the decision, as the Commissioners' notices give (to confirm). After a `withdrawn` appeal the steps are due
    /// again from the withdrawal (FOIA s.50(6): "the determination or withdrawal of the appeal"; FOISA s.49(7)).
    public static func complianceAfterAppeal(
        decided: CivilDate, complyBy: CivilDate?, withdrawn: Bool = false, scottish: Bool = false
    ) -> ClockDate {
        let court = scottish ? "the Court of Session" : "the Tribunal"
        let suspension = scottish ? "FOISA s.49(7)" : "s.50(6)"
        return complyBy.map {
            ClockDate(
                due: $0, citation: "the date given with \(court)'s decision", isGuidance: false, provisional: false)
        }
            ?? ClockDate(
                due: decided.adding(days: 35),
                citation: withdrawn
                    ? "35 calendar days from the withdrawal of the appeal (\(suspension); to confirm)"
                    : "35 calendar days from \(court)'s decision (to confirm: the decision may set its own)",
                isGuidance: false, provisional: false)
    }

    /// The last day to ask the First-tier Tribunal for permission to appeal its decision to the Upper Tribunal:
    /// 28 days from the day the decision was sent (SI 2009/1976 r.42(2)), with r.12's roll-forward (to confirm).
    public static func permissionToAppeal(decisionSent: CivilDate, calendars: Calendars) throws(DeadlineError)
        -> ClockDate
    {
        try tribunalTwentyEightDays(from: decisionSent, rule: "r.42(2)", calendars: calendars)
    }

    /// The last day a notice of appeal can reach the First-tier Tribunal: 28 days from the day the decision
    /// notice was sent (SI 2009/1976 r.22(1)(b)), moved to the next working day when it falls on a non-working
    /// day (r.12, to confirm).
    public static func tribunalAppeal(noticeSent: CivilDate, calendars: Calendars) throws(DeadlineError) -> ClockDate {
        try tribunalTwentyEightDays(from: noticeSent, rule: "r.22(1)(b)", calendars: calendars)
    }

    /// 28 days from `sent` under the Tribunal's `rule`, rolled to the next working day of any part of the UK (r.12).
    private static func tribunalTwentyEightDays(from sent: CivilDate, rule: String, calendars: Calendars)
        throws(DeadlineError) -> ClockDate
    {
        let calendar = calendars.unitedKingdom
        let plain = sent.adding(days: 28)
        let due = try calendar.workingDay(onOrAfter: plain)
        let citation = "SI 2009/1976 \(rule): 28 days" + (due == plain ? "" : ", r.12 roll-forward (to confirm)")
        return ClockDate(
            due: due, citation: citation, isGuidance: false,
            provisional: calendar.isProvisional(from: sent, through: due))
    }
}
