import FOIKit
import Testing

@Suite struct CivilDateTests {
    @Test(arguments: [
        ("2021-01-05", Weekday.tuesday), ("2020-12-08", .tuesday), ("1970-01-01", .thursday),
        ("2000-02-29", .tuesday), ("2026-11-21", .saturday), ("1969-12-31", .wednesday),
    ])
    func weekdays(iso: String, weekday: Weekday) {
        #expect(d(iso).weekday == weekday)
    }

    @Test func roundTripsEveryDayOverFourCenturies() throws {
        for dayNumber in stride(from: -146_097, through: 146_097, by: 1) {
            let date = CivilDate(dayNumber: dayNumber)
            let (year, month, day) = date.components
            #expect(CivilDate(year: year, month: month, day: day) == date)
            if dayNumber % 997 == 0 { #expect(try CivilDate(iso: date.description) == date) }
        }
    }

    @Test(arguments: ["2023-02-30", "2023-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00"])
    func refusesImpossibleDates(iso: String) {
        #expect(throws: CivilDateError.self) { try CivilDate(iso: iso) }
    }

    @Test func explainsWhyADateIsImpossible() {
        #expect(throws: CivilDateError.impossible("2023-02-30", "February 2023 has 28 days")) {
            try CivilDate(iso: "2023-02-30")
        }
    }

    @Test(arguments: ["2026-1-5", "05/01/2026", "2026-01-05 ", "", "20260105", "2026-01-05T10:00"])
    func refusesMalformedDates(iso: String) {
        #expect(throws: CivilDateError.malformed(iso)) { try CivilDate(iso: iso) }
    }

    @Test func acceptsLeapDays() throws {
        #expect(try CivilDate(iso: "2024-02-29").description == "2024-02-29")
        #expect(try CivilDate(iso: "2000-02-29").weekday == .tuesday)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2026-03-10", 1, "2026-04-10"),
        ("2026-11-30", 3, "2027-02-28"), ("2026-12-15", 1, "2027-01-15"), ("2026-03-31", -1, "2026-02-28"),
        ("2026-08-31", 6, "2027-02-28"),
    ])
    func addsCalendarMonthsClampedToTheMonthEnd(start: String, months: Int, expected: String) {
        #expect(d(start).addingMonthsClamped(months) == d(expected))
    }
}

@Suite struct ReceiptTimeTests {
    /// The audit columns' and iCalendar's UTC time: 1,795,342,539 seconds after the epoch is 10:15:39 on
    /// 22 November 2026; the epoch itself is midnight.
    @Test func utcTimestamps() {
        #expect(ReceiptTime.utcTimestamp(atUTCSeconds: 0) == "1970-01-01T00:00:00Z")
        #expect(ReceiptTime.utcTimestamp(atUTCSeconds: 1_795_342_539) == "2026-11-22T10:15:39Z")
    }

    @Test(arguments: [
        // 23:30 BST on 1 June is still 1 June in London, though 22:30 UTC.
        ("2026-06-01T23:30:00+01:00", "2026-06-01"),
        ("2026-06-01T22:30:00Z", "2026-06-01"),
        // 23:30 UTC in June is 00:30 BST the next day.
        ("2026-06-01T23:30:00Z", "2026-06-02"),
        // In winter London is on UTC.
        ("2026-01-15T23:30:00Z", "2026-01-15"),
        ("2026-01-15T23:59:59.999+00:00", "2026-01-15"),
        // Summer time starts at 01:00 UTC on the last Sunday of March (29 March 2026).
        ("2026-03-28T23:30:00Z", "2026-03-28"),
        ("2026-03-29T23:30:00Z", "2026-03-30"),
        // It ends at 01:00 UTC on the last Sunday of October (25 October 2026).
        ("2026-10-24T23:30:00Z", "2026-10-25"),
        ("2026-10-25T23:30:00Z", "2026-10-25"),
        // An offset from elsewhere is converted, not copied.
        ("2026-06-01T20:00:00-05:00", "2026-06-02"),
        ("2026-06-01", "2026-06-01"),
    ])
    func convertsToTheLondonCivilDate(timestamp: String, expected: String) throws {
        #expect(try ReceiptTime.londonDate(from: timestamp) == d(expected))
    }

    @Test(arguments: ["2026-06-01T23:30:00", "2026-06-01T25:00Z", "2026-06-01T10:00+1", "2026-06-01X"])
    func refusesTimestampsWithoutAZoneOrWithBadFields(text: String) {
        #expect(throws: CivilDateError.self) { try ReceiptTime.londonDate(from: text) }
    }
}
