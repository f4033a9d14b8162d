import FOIKit
import FOITestSupport
import Testing

/// Properties over every receipt date the published data covers, and beyond into generated years.
@Suite struct DeadlinePropertyTests {
    static let receipts = (d("2007-01-01").dayNumber...d("2030-12-31").dayNumber).map(CivilDate.init(dayNumber:))

    @Test(arguments: [Regime.foia, .eir, .foisa, .eirs])
    func dueIsAWorkingDayTwentyWorkingDaysOnAndMonotonic(regime: Regime) throws {
        let calendar = shipped.calendar(regime.calendarKind)
        var previousDue: CivilDate?
        for received in Self.receipts {
            let due = try #require(
                try ResponseClock.deadline(for: .init(regime: regime, received: received), calendars: shipped).due)
            #expect(try calendar.isWorkingDay(due), "\(received) → \(due)")
            #expect(try calendar.workingDays(after: received, through: due) == 20, "\(received) → \(due)")
            if let previousDue { #expect(previousDue <= due, "a later receipt (\(received)) gave an earlier due date") }
            previousDue = due
        }
    }

    @Test func scottishDeadlinesAreNeverLaterThanFOIAOnes() throws {
        for received in Self.receipts {
            let foia = try ResponseClock.deadline(for: .init(regime: .foia, received: received), calendars: shipped)
                .due!
            let foisa = try ResponseClock.deadline(for: .init(regime: .foisa, received: received), calendars: shipped)
                .due!
            #expect(foisa <= foia, "\(received): FOISA \(foisa) after FOIA \(foia)")
        }
    }

    /// The O(1) tables against the plain day-by-day count they replace, over the holiday data itself (the
    /// divisions' holidays, Christmas Day, and Good Friday under FOIA), not the calendar's own answers.
    @Test(arguments: [WorkingDayCalendar.Kind.unitedKingdom, .scotland, .division(.northernIreland)])
    func tablesAgreeWithADayByDayCount(kind: WorkingDayCalendar.Kind) throws {
        let calendar = shipped.calendar(kind)
        var closed: Set<CivilDate> = []
        for year in WorkingDayCalendar.supportedYears {
            for division in kind.divisions {
                closed.formUnion(shipped.holidays.holidays(of: division, in: year).map(\.date))
            }
            if kind != .division(.northernIreland) { closed.insert(CivilDate(year: year, month: 12, day: 25)!) }
            if kind == .unitedKingdom { closed.insert(HolidayRules.easterSunday(year).adding(days: -2)) }
        }
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<20_000 {
            let start = CivilDate(dayNumber: d("1996-01-01").dayNumber + Int(generator.next() % 55_000))
            let n = Int(generator.next() % 120)
            let fast = try calendar.date(adding: n, workingDaysTo: start)
            var slow = start
            var counted = 0
            while counted < n {
                slow = slow.adding(days: 1)
                if !slow.isWeekend && !closed.contains(slow) { counted += 1 }
            }
            #expect(fast == slow, "\(start) + \(n)")
            #expect(
                try calendar.workingDays(after: start, through: fast) == n, "counting back from \(fast) to \(start)")
        }
    }

    @Test func clarificationAndFeesNeverMakeTheDeadlineEarlier() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            let received = CivilDate(dayNumber: d("2008-01-01").dayNumber + Int(generator.next() % 7_000))
            let plain = try due(.init(regime: .foia, received: received))!
            let notice = received.adding(days: Int(generator.next() % 40))
            let paid = notice.adding(days: Int(generator.next() % 30))
            let withFee = try due(.init(regime: .foia, received: received, fees: [.init(notice: notice, paid: paid)]))!
            #expect(withFee >= plain)
            let clarified = received.adding(days: Int(generator.next() % 40))
            let restarted = try due(
                .init(regime: .foia, received: received, clarifications: [.init(received: clarified)]))!
            #expect(restarted >= plain)
        }
    }
}

/// FOIKit is total: a count of working days too large for the calendars is an error, never an overflow.
@Suite struct CalendarLimitTests {
    @Test(arguments: [Int.max, Int.max / 2, 60_000])
    func aCountPastTheCalendarsIsRefused(workingDays: Int) {
        #expect(throws: DeadlineError.beyondCalendars(workingDays: workingDays, after: d("2026-11-20"))) {
            try shipped.unitedKingdom.date(adding: workingDays, workingDaysTo: d("2026-11-20"))
        }
    }

    @Test func theLastWorkingDayIsReachedExactly() throws {
        let calendar = shipped.unitedKingdom
        let start = d("2150-12-01")
        let left = try calendar.workingDays(after: start, through: d("2150-12-31"))
        #expect(try calendar.date(adding: left, workingDaysTo: start) <= d("2150-12-31"))
        #expect(throws: DeadlineError.beyondCalendars(workingDays: left + 1, after: start)) {
            try calendar.date(adding: left + 1, workingDaysTo: start)
        }
    }
}
