import FOIKit
import FOIResources
import Testing

@Suite struct HolidayTests {
    @Test(arguments: [2000, 2008, 2011, 2016, 2019, 2024, 2025, 2026, 2038, 2285])
    func computesEasterSunday(year: Int) {
        let known = [
            2000: "2000-04-23", 2008: "2008-03-23", 2011: "2011-04-24", 2016: "2016-03-27", 2019: "2019-04-21",
            2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2038: "2038-04-25", 2285: "2285-03-22",
        ]
        #expect(HolidayRules.easterSunday(year) == d(known[year]!))
    }

    @Test func loadsEveryDivisionOfTheShippedData() {
        let holidays = shipped.holidays
        for division in Division.allCases {
            #expect(holidays.publishedYears[division] == 2007...2028)
        }
        #expect(holidays.holidays(of: .scotland, in: 2026).contains { $0.date == d("2026-06-15") })
        #expect(holidays.holidays(of: .englandAndWales, in: 2026).allSatisfy { $0.source == .published })
        #expect(holidays.holidays(of: .englandAndWales, in: 2029).allSatisfy { $0.source == .generated })
    }

    /// A day cancelled by proclamation leaves a published year and a generated one alike, and comes back when added
    /// again: the early May bank holiday, Mon 3 May 2027 (published) and Mon 6 May 2030 (generated).
    @Test func aCancelledDayIsNoLongerAHoliday() {
        var holidays = shipped.holidays
        for day in [d("2027-05-03"), d("2030-05-06")] {
            #expect(holidays.holiday(on: day, in: .scotland) != nil)
            holidays.cancel(day, in: .scotland)
            #expect(holidays.holiday(on: day, in: .scotland) == nil)
            #expect(!holidays.holidayDates(of: .scotland, in: day.year).contains(day))
            #expect(holidays.holiday(on: day, in: .englandAndWales) != nil)
            holidays.add(Holiday(date: day, division: .scotland, title: "Restored", source: .local))
            #expect(holidays.holiday(on: day, in: .scotland)?.title == "Restored")
        }
    }

    /// Newer published data replaces the years it covers and extends the published years where they meet; a file
    /// that leaves a gap is taken alone.
    @Test func newerDataRefreshesTheYearsItCovers() throws {
        func data(_ events: [(String, String)]) -> [UInt8] {
            let list = events.map { #"{"title":"\#($0.1)","date":"\#($0.0)"}"# }.joined(separator: ",")
            let members = Division.allCases.map { #""\#($0.rawValue)":{"events":[\#(list)]}"# }
            return Array("{\(members.joined(separator: ","))}".utf8)
        }
        let newer = try HolidaySet(govUKJSON: data([("2028-06-02", "One-off"), ("2029-01-01", "New Year")]))
        let refreshed = shipped.holidays.refreshed(by: newer)
        #expect(refreshed.publishedYears[.scotland] == 2007...2029)
        #expect(refreshed.holidays(of: .scotland, in: 2028).map(\.title) == ["One-off"])
        #expect(refreshed.holidays(of: .scotland, in: 2027) == shipped.holidays.holidays(of: .scotland, in: 2027))
        let distant = try HolidaySet(govUKJSON: data([("2031-01-01", "New Year")]))
        #expect(shipped.holidays.refreshed(by: distant).publishedYears[.scotland] == 2031...2031)
    }

    /// The generator must reproduce the published data for every year it covers, except the days appointed by
    /// one-off proclamations, which no rule can predict.
    @Test(arguments: Division.allCases)
    func generatorReproducesThePublishedDataExceptOneOffDays(division: Division) {
        var onlyPublished: Set<CivilDate> = []
        var onlyGenerated: Set<CivilDate> = []
        for year in 2007...2028 {
            let published = Set(shipped.holidays.holidays(of: division, in: year).map(\.date))
            let generated = Set(HolidayRules.holidays(of: division, in: year).map(\.date))
            onlyPublished.formUnion(published.subtracting(generated))
            onlyGenerated.formUnion(generated.subtracting(published))
        }
        var expectedOnlyPublished: Set<CivilDate> = [
            d("2011-04-29"),  // Royal Wedding
            d("2012-06-04"), d("2012-06-05"),  // spring holiday moved; Diamond Jubilee
            d("2020-05-08"),  // VE Day (early May holiday moved)
            d("2022-06-02"), d("2022-06-03"),  // spring holiday moved; Platinum Jubilee
            d("2022-09-19"),  // State Funeral
            d("2023-05-08"),  // Coronation
        ]
        if division == .scotland { expectedOnlyPublished.insert(d("2026-06-15")) }
        let expectedOnlyGenerated: Set<CivilDate> = [d("2012-05-28"), d("2020-05-04"), d("2022-05-30")]
        #expect(onlyPublished == expectedOnlyPublished)
        #expect(onlyGenerated == expectedOnlyGenerated)
    }

    @Test func substitutesWeekendFixedDays() {
        // 2027: Christmas on Saturday, Boxing Day on Sunday: Mon 27 and Tue 28. 2 January 2027 is a Saturday,
        // so Scotland's pair is Mon 4 (New Year's Day falls on Friday 1).
        let ew2027 = Set(HolidayRules.holidays(of: .englandAndWales, in: 2027).map(\.date))
        #expect(ew2027.isSuperset(of: [d("2027-12-27"), d("2027-12-28")]))
        let scotland2027 = Set(HolidayRules.holidays(of: .scotland, in: 2027).map(\.date))
        #expect(scotland2027.isSuperset(of: [d("2027-01-01"), d("2027-01-04")]))
        // 2033: Christmas on Sunday: Boxing Day Mon 26, Christmas substitute Tue 27.
        let ew2033 = HolidayRules.holidays(of: .englandAndWales, in: 2033)
        #expect(ew2033.first { $0.date == d("2033-12-27") }?.title.hasPrefix("Christmas Day") == true)
        // 2032: St Patrick's Day on Wednesday stays; 2029: on Saturday, moves to Monday 19.
        #expect(HolidayRules.holidays(of: .northernIreland, in: 2029).contains { $0.date == d("2029-03-19") })
        // St Andrew's Day 2030 is a Saturday: Monday 2 December.
        #expect(HolidayRules.holidays(of: .scotland, in: 2030).contains { $0.date == d("2030-12-02") })
    }

    @Test func aLocalAdditionMakesADayNonWorking() throws {
        var holidays = shipped.holidays
        holidays.add(
            Holiday(date: d("2027-06-14"), division: .northernIreland, title: "Proclaimed day", source: .local))
        let calendar = WorkingDayCalendar(.unitedKingdom, holidays: holidays)
        #expect(try calendar.isWorkingDay(d("2027-06-14")) == false)
        #expect(try shipped.unitedKingdom.isWorkingDay(d("2027-06-14")) == true)
        #expect(calendar.reasonNotWorking(d("2027-06-14")) == "Proclaimed day (Northern Ireland), added locally")
        // Scotland's calendar ignores a Northern Ireland day.
        #expect(try WorkingDayCalendar(.scotland, holidays: holidays).isWorkingDay(d("2027-06-14")))
    }

    @Test func refusesDataWithoutADivision() {
        let json = Array(#"{"england-and-wales": {"division": "england-and-wales", "events": []}}"#.utf8)
        #expect(throws: HolidayDataError.self) { try HolidaySet(govUKJSON: json) }
    }

    /// The holiday data is read by a scanner: what is not GOV.UK's shape is refused, saying where.
    @Test(arguments: [
        #"{"england-and-wales": {"events": [{"title": "x", "date": "2026-13-01"}]}}"#,
        #"{"england-and-wales": {"events": [{"title": "x"}]}}"#,
        #"{"england-and-wales": {"events": [{"title": "x", "date": "2026-01-01"},]}}"#,
        #"{"england-and-wales": {"events": [{"title": "x" "date": "2026-01-01"}]}}"#,
        #"{"england-and-wales": {"events": "none"}}"#,
        "[]",
    ])
    func refusesDataOfAnotherShape(json: String) {
        #expect(throws: HolidayDataError.self) { try HolidaySet(govUKJSON: Array(json.utf8)) }
    }

    @Test func readsEveryFieldItNeedsAndSkipsTheRest() throws {
        let division =
            #"{"division": "x", "events": [{"title": "Day", "date": "2026-05-04", "notes": "Substitute day", "#
            + #""bunting": true}]}"#
        let json = #"{"england-and-wales": \#(division), "scotland": \#(division), "northern-ireland": \#(division)}"#
        let set = try HolidaySet(govUKJSON: Array(json.utf8))
        #expect(set.holidays(of: .scotland, in: 2026).map(\.title) == ["Day, substitute day"])
    }
}
