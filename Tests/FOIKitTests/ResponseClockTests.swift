import FOIKit
import Testing

/// Worked examples, each counted by hand on a calendar; the comment shows the count.
@Suite struct ResponseClockTests {
    @Test func leicestershireAnswerAcrossChristmasWasInTime() throws {
        // Received Tue 8 Dec 2020. Dec 9–11 (3), 14–18 (8), 21–24 (12); Fri 25 Christmas, Mon 28 Boxing Day
        // substitute; 29–31 (15); Fri 1 Jan; Mon 4 Jan, Scotland's substitute for Sat 2 Jan, is non-working under
        // FOIA too; 5–8 (19); Mon 11 Jan (20). The answer of Tue 5 Jan 2021 was in time.
        let deadline = try ResponseClock.deadline(
            for: .init(regime: .foia, received: d("2020-12-08")), calendars: shipped)
        #expect(deadline.due == d("2021-01-11"))
        #expect(d("2021-01-05") <= deadline.due!)
        let skipped = deadline.skippedDays(calendars: shipped)
        #expect(skipped.first { $0.date == d("2021-01-04") }?.reason == "2nd January, substitute day (Scotland)")
        #expect(skipped.map(\.date).contains(d("2020-12-28")))
        #expect(skipped.count == 14)  // five weekends (10 days) and 25, 28 Dec, 1, 4 Jan
    }

    @Test(arguments: [
        // St Patrick's Day (NI only), Mon 17 Mar 2025. FOIA: Mar 11–14 (4), 18–21 (8), 24–28 (13), 31 (14),
        // Apr 1–4 (18), 7 (19), 8 (20). FOISA counts 17 March, so is a day earlier.
        (Regime.foia, "2025-03-10", "2025-04-08"), (.foisa, "2025-03-10", "2025-04-07"),
        (.eir, "2025-03-10", "2025-04-08"),
        // St Andrew's Day (Scotland only), Mon 30 Nov 2026. Nov 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), Dec 1 (20).
        (.foia, "2026-11-02", "2026-12-01"), (.foisa, "2026-11-02", "2026-12-01"),
        // Scotland's one-off 15 June 2026 moves English deadlines too. Jun 1–5 (5), 8–12 (10), 16–19 (14), 22–26 (19),
        // 29 (20).
        (.foia, "2026-05-29", "2026-06-29"), (.eirs, "2026-05-29", "2026-06-29"),
        // Easter 2026: Good Friday 3 Apr, Easter Monday 6 Apr (not a Scottish holiday). Mar 23–27 (5), 30–Apr 2 (9),
        // Apr 7–10 (13), 13–17 (18), 20 (19), 21 (20); FOISA counts Easter Monday.
        (.foia, "2026-03-20", "2026-04-21"), (.foisa, "2026-03-20", "2026-04-20"),
        // Battle of the Boyne (NI only), Mon 12 Jul 2027. Jun 29–Jul 2 (4), 5–9 (9), 13–16 (13), 19–23 (18), 26 (19),
        // 27 (20).
        (.foia, "2027-06-28", "2027-07-27"), (.foisa, "2027-06-28", "2027-07-26"),
        // State Funeral, Mon 19 Sep 2022. Sep 2 (1), 5–9 (6), 12–16 (11), 20–23 (15), 26–30 (20).
        (.foia, "2022-09-01", "2022-09-30"), (.foisa, "2022-09-01", "2022-09-30"),
        // Coronation, Mon 8 May 2023 after the early May holiday of Mon 1 May. Apr 25–28 (4), May 2–5 (8), 9–12 (12),
        // 15–19 (17), 22–24 (20).
        (.foia, "2023-04-24", "2023-05-24"),
        // Royal Wedding, Fri 29 Apr 2011, between Easter Monday 25 Apr and early May 2 May. Apr 26–28 (3), May 3–6 (7),
        // 9–13 (12), 16–20 (17), 23–25 (20).
        (.foia, "2011-04-25", "2011-05-25"),
        // Platinum Jubilee, Thu 2 and Fri 3 Jun 2022. May 24–27 (4), 30–Jun 1 (7), 6–10 (12), 13–17 (17), 20–22 (20).
        (.foia, "2022-05-23", "2022-06-22"),
        // Christmas 2026 (Fri 25, Boxing Day substitute Mon 28), New Year (Fri 1), Scotland's 2 Jan substitute Mon 4.
        // Dec 15–18 (4), 21–24 (8), 29–31 (11), Jan 5–8 (15), 11–15 (20).
        (.foia, "2026-12-14", "2027-01-15"), (.foisa, "2026-12-14", "2027-01-15"),
        // A Saturday receipt has Friday's deadline under the statutory convention: Jan 12–16 (5) ... Feb 2–6 (20).
        (.foia, "2026-01-10", "2026-02-06"), (.foia, "2026-01-09", "2026-02-06"),
    ])
    func workedExamples(regime: Regime, received: String, expected: String) throws {
        #expect(try due(.init(regime: regime, received: d(received))) == d(expected))
    }

    @Test func nextWorkingDayConventionMovesAWeekendReceipt() throws {
        // Received Sat 10 Jan 2026: counted as received Mon 12 Jan, so due 20 working days later, Mon 9 Feb.
        let deadline = try ResponseClock.deadline(
            for: .init(regime: .foia, received: d("2026-01-10"), convention: .nextWorkingDay), calendars: shipped)
        #expect(deadline.dayZero == d("2026-01-12"))
        #expect(deadline.due == d("2026-02-09"))
        // A weekday receipt is unaffected.
        #expect(
            try due(.init(regime: .foia, received: d("2026-01-09"), convention: .nextWorkingDay)) == d("2026-02-06"))
    }

    @Test func clarificationRestartsAFreshTwentyWorkingDays() throws {
        // Received 5 Jan 2026; clarification received Tue 20 Jan. Jan 21–23 (3), 26–30 (8), Feb 2–6 (13), 9–13 (18), 16
        // (19), 17 (20).
        let input = ResponseClockInput(
            regime: .foia, received: d("2026-01-05"),
            clarifications: [.init(requested: d("2026-01-07"), received: d("2026-01-20"))])
        let deadline = try ResponseClock.deadline(for: input, calendars: shipped)
        #expect(deadline.dayZero == d("2026-01-20"))
        #expect(deadline.due == d("2026-02-17"))
        #expect(
            deadline.explanation(calendars: shipped).contains { $0.contains("fresh period") && $0.contains("s.1(3)") })
    }

    @Test func awaitingClarificationStopsTheClock() throws {
        let input = ResponseClockInput(
            regime: .eir, received: d("2026-01-05"), clarifications: [.init(requested: d("2026-01-07"), received: nil)])
        let deadline = try ResponseClock.deadline(for: input, calendars: shipped)
        #expect(deadline.due == nil)
        #expect(deadline.state == .awaitingClarification(since: d("2026-01-07")))
    }

    @Test func feeDaysFromNoticeToPaymentInclusiveAreDisregarded() throws {
        // RULES.md §4.3: notice on working day 6, fee on working day 15, so 5 days used and 15 remain after it.
        // Received Mon 5 Jan 2026: WD6 is Tue 13 Jan, WD15 Mon 26 Jan; Jan 27–30 (4), Feb 2–6 (9), 9–13 (14), 16 (15).
        let input = ResponseClockInput(
            regime: .foia, received: d("2026-01-05"), fees: [.init(notice: d("2026-01-13"), paid: d("2026-01-26"))])
        let deadline = try ResponseClock.deadline(for: input, calendars: shipped)
        #expect(deadline.due == d("2026-02-16"))
        #expect(
            deadline.disregarded == [DisregardedPeriod(notice: d("2026-01-13"), paid: d("2026-01-26"), workingDays: 10)]
        )
        // Without the fee it would have been the 20th working day, Mon 2 Feb: the pause adds exactly 10.
        #expect(try due(.init(regime: .foia, received: d("2026-01-05"))) == d("2026-02-02"))
        #expect(try shipped.unitedKingdom.workingDays(after: d("2026-02-02"), through: d("2026-02-16")) == 10)
    }

    @Test func unpaidFeeStopsTheClockUntilTheLapseDate() throws {
        // Three months beginning with 15 March: the last day to pay is 14 June.
        let input = ResponseClockInput(
            regime: .foia, received: d("2026-03-02"), fees: [.init(notice: d("2026-03-15"), paid: nil)])
        #expect(
            try ResponseClock.deadline(for: input, calendars: shipped).state
                == .awaitingFee(since: d("2026-03-15"), lapses: d("2026-06-14")))
    }

    @Test func aFeeNoticeAfterTheDeadlineDoesNotExtendIt() throws {
        let input = ResponseClockInput(
            regime: .foia, received: d("2026-01-05"), fees: [.init(notice: d("2026-02-10"), paid: d("2026-02-12"))])
        let deadline = try ResponseClock.deadline(for: input, calendars: shipped)
        #expect(deadline.due == d("2026-02-02"))
        #expect(deadline.warnings == [.feeNoticeAfterDeadline(d("2026-02-10"))])
    }

    @Test func publicInterestExtensionKeepsTheRefusalNoticeAtDayTwenty() throws {
        // s.17(1) notice due Mon 2 Feb 2026; 20 further working days: Feb 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19),
        // Mar 2 (20).
        let deadline = try ResponseClock.deadline(
            for: .init(regime: .foia, received: d("2026-01-05"), publicInterestExtension: 20), calendars: shipped)
        #expect(deadline.due == d("2026-02-02"))
        #expect(deadline.extendedDue == d("2026-03-02"))
        #expect(deadline.warnings.isEmpty)
        let long = try ResponseClock.deadline(
            for: .init(regime: .foia, received: d("2026-01-05"), publicInterestExtension: 25), calendars: shipped)
        #expect(long.warnings == [.publicInterestBeyondGuidance(25)])
    }

    @Test func eirRegulationSevenAllowsFortyWorkingDays() throws {
        #expect(try due(.init(regime: .eir, received: d("2026-01-05"), statutoryExtension: true)) == d("2026-03-02"))
        #expect(try due(.init(regime: .eirs, received: d("2026-01-05"), statutoryExtension: true)) == d("2026-03-02"))
    }

    @Test func regimesWithoutAnExtensionRefuseOne() {
        #expect(throws: DeadlineError.self) {
            try due(.init(regime: .foisa, received: d("2026-01-05"), statutoryExtension: true))
        }
        #expect(throws: DeadlineError.self) {
            try due(.init(regime: .foisa, received: d("2026-01-05"), publicInterestExtension: 10))
        }
        #expect(throws: DeadlineError.self) {
            try due(.init(regime: .eir, received: d("2026-01-05"), publicInterestExtension: 10))
        }
        #expect(throws: DeadlineError.self) {
            try due(.init(regime: .foia, received: d("2026-01-05"), statutoryExtension: true))
        }
    }

    @Test func timeForComplianceRulesSetTheCount() throws {
        // Keeper of the Records of Scotland: 30 working days. Jan 5 2026 + 20 = Feb 2; + 10 more = Feb 16.
        #expect(try due(.init(regime: .foisa, received: d("2026-01-05"), rule: .keeperOfTheRecords)) == d("2026-02-16"))
        #expect(
            try due(.init(regime: .foia, received: d("2026-01-05"), rule: .transferredPublicRecords)) == d("2026-02-16")
        )
        // A day the ICO specifies, at most the 60th working day: Jan 5 + 40 = Mon 2 Mar; Mar 3–6 (44), 9–13 (49),
        // 16 (50), St Patrick's Day Tue 17 skipped, 18–20 (53), 23–27 (58), 30 (59), 31 (60).
        #expect(try due(.init(regime: .foia, received: d("2026-01-05"), rule: .icoSpecified(60))) == d("2026-03-31"))
    }

    @Test func schoolsTakeTheEarlierOfTwentySchoolDaysAndSixtyWorkingDays() throws {
        // Received Wed 1 Jul 2026; closed for summer 20 Jul – 1 Sep. School days Jul 2–3 (2), 6–10 (7), 14–17 (11;
        // Mon 13 Jul is Northern Ireland's substitute for 12 July), Sep 2–4 (14), 7–11 (19), 14 (20): Mon 14 Sep.
        // The 60th working day, skipping 13 Jul, Scotland's 3 Aug and E&W's 31 Aug, is Mon 28 Sep.
        let summer = Set((0...43).map { d("2026-07-20").adding(days: $0) })
        let deadline = try ResponseClock.deadline(
            for: .init(regime: .foia, received: d("2026-07-01"), rule: .school(nonSchoolDays: summer)),
            calendars: shipped)
        #expect(deadline.due == d("2026-09-14"))
        #expect(
            deadline.schoolLimits
                == SchoolLimits(twentiethSchoolDay: d("2026-09-14"), sixtiethWorkingDay: d("2026-09-28")))
        // Closed until the end of October: the 60th working day comes first.
        let longClosure = Set((0...116).map { d("2026-07-06").adding(days: $0) })
        #expect(
            try due(.init(regime: .foia, received: d("2026-07-01"), rule: .school(nonSchoolDays: longClosure)))
                == d("2026-09-28"))
    }

    @Test(arguments: [
        // ICO: the corresponding date next month.
        ("2026-03-10", false, "2026-04-10"),
        // No 31 February: the last day of the month, Sat 28 Feb 2026, rolled forward to Mon 2 Mar.
        ("2026-01-31", false, "2026-03-02"),
        // The corresponding date is Easter Monday 6 Apr 2026 (an England and Wales holiday): Tue 7 Apr.
        ("2026-03-06", false, "2026-04-07"),
        // Extended: three months from the original start, 30 Apr 2026 (Thursday).
        ("2026-01-31", true, "2026-04-30"),
    ])
    func subjectAccessCountsCalendarMonths(received: String, extended: Bool, expected: String) throws {
        #expect(try due(.init(regime: .sar, received: d(received), statutoryExtension: extended)) == d(expected))
    }

    @Test func subjectAccessClarificationStopsTheClockForTheDaysWaited() throws {
        // Asked 12 Mar, answered 16 Mar: 5 days inclusive. 10 Apr + 5 = Wed 15 Apr 2026.
        let input = ResponseClockInput(
            regime: .sar, received: d("2026-03-10"),
            clarifications: [.init(requested: d("2026-03-12"), received: d("2026-03-16"))])
        let deadline = try ResponseClock.deadline(for: input, calendars: shipped)
        #expect(deadline.due == d("2026-04-15"))
        #expect(deadline.pausedCalendarDays == 5)
        #expect(throws: DeadlineError.clarificationRequestDateNeeded) {
            try due(.init(regime: .sar, received: d("2026-03-10"), clarifications: [.init(received: d("2026-03-16"))]))
        }
    }

    @Test func subjectAccessStartsFromIdentityEvidence() throws {
        #expect(
            try due(.init(regime: .sar, received: d("2026-03-02"), identityConfirmed: d("2026-03-10")))
                == d("2026-04-10"))
    }

    @Test func subjectAccessRollsForwardOverTheChosenDivision() throws {
        // 17 March 2027 (Wed) is St Patrick's Day: a request of 17 Feb 2027 rolls to Thu 18 Mar in Northern Ireland
        // only.
        #expect(try due(.init(regime: .sar, received: d("2027-02-17"))) == d("2027-03-17"))
        #expect(
            try due(.init(regime: .sar, received: d("2027-02-17"), rollForwardDivision: .northernIreland))
                == d("2027-03-18"))
    }

    @Test func inconsistentInputsAreTypedErrors() {
        #expect(throws: DeadlineError.clarificationBeforeReceipt(clarified: d("2026-01-02"), received: d("2026-01-05")))
        {
            try due(.init(regime: .foia, received: d("2026-01-05"), clarifications: [.init(received: d("2026-01-02"))]))
        }
        #expect(throws: DeadlineError.feePaidBeforeNotice(notice: d("2026-01-10"), paid: d("2026-01-08"))) {
            try due(
                .init(
                    regime: .foia, received: d("2026-01-05"),
                    fees: [.init(notice: d("2026-01-10"), paid: d("2026-01-08"))]))
        }
        #expect(throws: DeadlineError.feeNoticeBeforeReceipt(notice: d("2026-01-01"), received: d("2026-01-05"))) {
            try due(.init(regime: .foia, received: d("2026-01-05"), fees: [.init(notice: d("2026-01-01"), paid: nil)]))
        }
        #expect(throws: DeadlineError.outOfRange(d("1990-01-05"))) {
            try due(.init(regime: .foia, received: d("1990-01-05")))
        }
        #expect(throws: DeadlineError.self) {
            try due(.init(regime: .eir, received: d("2026-01-05"), rule: .school(nonSchoolDays: [])))
        }
    }

    @Test func generatedYearsAreProvisional() throws {
        #expect(
            try ResponseClock.deadline(for: .init(regime: .foia, received: d("2028-12-20")), calendars: shipped)
                .provisional)
        #expect(
            try !ResponseClock.deadline(for: .init(regime: .foia, received: d("2028-11-20")), calendars: shipped)
                .provisional)
        // 2030's St Andrew's Day (Sat 30 Nov) is generated as Mon 2 Dec: FOISA, received Mon 18 Nov 2030. Nov 19–22
        // (4), 25–29 (9), Dec 3–6 (13), 9–13 (18), 16–17 (20).
        let deadline = try ResponseClock.deadline(
            for: .init(regime: .foisa, received: d("2030-11-18")), calendars: shipped)
        #expect(deadline.due == d("2030-12-17"))
        #expect(deadline.provisional)
        #expect(
            deadline.skippedDays(calendars: shipped).contains {
                $0.date == d("2030-12-02") && $0.reason.contains("provisional")
            })
    }
}

@Suite struct OtherClockTests {
    @Test(arguments: [
        (Regime.foia, "2026-03-15", "2026-06-14"), (.foia, "2025-11-30", "2026-02-28"),
        (.foia, "2025-11-28", "2026-02-27"),
        (.foisa, "2026-01-31", "2026-04-30"),
        // EIR reg 8: 60 working days after 5 Jan 2026, skipping St Patrick's Day, is Tue 31 Mar.
        (.eir, "2026-01-05", "2026-03-31"),
    ])
    func feeLapses(regime: Regime, notice: String, expected: String) throws {
        #expect(
            try Clocks.feeLapse(notice: d(notice), regime: regime, calendar: shipped.calendar(regime.calendarKind))?.due
                == d(expected))
    }

    @Test func reviewClocks() throws {
        // FOIA review request window: 40 WD after a response of Mon 2 Feb 2026. Feb 3–6 (4), 9–27 (19), Mar 2–13 (29),
        // 16 (30), St Patrick's Day skipped, 18–20 (33), 23–27 (38), 30–31 (40): Tue 31 Mar.
        #expect(
            try Clocks.reviewRequestWindow(
                response: d("2026-02-02"), responseDue: nil, regime: .foia, calendars: shipped
            )?.due == d("2026-03-31"))
        // FOISA s.20: from the s.10 deadline when the response came early: 40 WD after Mon 16 Feb 2026 is Mon 13 Apr
        // (Scotland: Good Friday 3 Apr counts as a holiday, Easter Monday does not). Feb 17–20 (4), 23–27 (9), Mar 2–27
        // (29), Mar 30–Apr 2 (33), Apr 6–10 (38), 13 (39), 14 (40).
        #expect(
            try Clocks.reviewRequestWindow(
                response: d("2026-02-02"), responseDue: d("2026-02-16"), regime: .foisa, calendars: shipped
            )?.due == d("2026-04-14"))
        // FOIA review: 20 WD, extendable to at most 40.
        #expect(
            try Clocks.reviewDue(requested: d("2026-01-05"), regime: .foia, calendars: shipped).due == d("2026-02-02"))
        #expect(
            try Clocks.reviewDue(requested: d("2026-01-05"), regime: .foia, calendars: shipped, extendedTo: 40).due
                == d("2026-03-02"))
        #expect(throws: DeadlineError.workingDaysOutOfRange(45, allowed: 20...40)) {
            try Clocks.reviewDue(requested: d("2026-01-05"), regime: .foia, calendars: shipped, extendedTo: 45)
        }
        #expect(
            try Clocks.reviewDue(requested: d("2026-01-05"), regime: .eir, calendars: shipped).due == d("2026-03-02"))
        #expect(
            try Clocks.reviewDue(requested: d("2026-01-05"), regime: .foisa, calendars: shipped, keeper: true).due
                == d("2026-02-16"))
    }

    @Test func regulatorDecisionNoticeAndTribunalClocks() throws {
        #expect(Clocks.regulatorWindow(from: d("2026-03-02"), regime: .foia).due == d("2026-04-13"))
        #expect(Clocks.regulatorWindow(from: d("2026-08-31"), regime: .foisa).due == d("2027-02-28"))
        #expect(Clocks.decisionNoticeCompliance(notice: d("2026-03-02")).due == d("2026-04-06"))
        // Sent Thu 5 Mar 2026: 28 days is Thu 2 Apr, a working day.
        #expect(try Clocks.tribunalAppeal(noticeSent: d("2026-03-05"), calendars: shipped).due == d("2026-04-02"))
        // Sent Fri 6 Mar 2026: 28 days is Good Friday 3 Apr; Easter Monday follows, so Tue 7 Apr.
        #expect(try Clocks.tribunalAppeal(noticeSent: d("2026-03-06"), calendars: shipped).due == d("2026-04-07"))
    }
}
