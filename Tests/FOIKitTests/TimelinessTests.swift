import FOIKit
import Testing

@Suite struct TimelinessTests {
    /// Entries due by 1 Dec (extended to 31 Dec) in each standing as at 10 Dec.
    func entries(_ standings: [TimelinessStanding]) -> [TimelinessEntry] {
        standings.enumerated().map { index, standing in
            let answered: CivilDate? =
                switch standing {
                case .inTime: d("2026-11-30")
                case .withinExtension: d("2026-12-07")
                case .late: d("2027-01-04")
                case .pending: nil
                }
            return TimelinessEntry(
                reference: CaseReference(rawValue: "R\(index)"), regime: .foia, kind: .request,
                statutoryDue: d("2026-12-01"), due: d("2026-12-31"), answered: answered)
        }
    }

    /// 91 in time (one within an extension) and 9 late of 100 decided, with 14 still due: 91.0%, Adequate. Keeping
    /// 90% of 114 needs 103 in time (102.6 rounded up): 12 of the 14 must be, so 2 can be late; 95% needs 109 (108.3
    /// rounded up), 18 more than 91, more than the 14 left: -4.
    @Test func theShareItsBandAndHowManyCanStillBeLate() {
        let figures = TimelinessFigures(
            entries(
                Array(repeating: .inTime, count: 90) + [.withinExtension] + Array(repeating: .late, count: 9)
                    + Array(repeating: .pending, count: 14)), asAt: d("2026-12-10"))
        #expect(figures.decided == 100)
        #expect(figures.percentInTime == 91)
        #expect(figures.percentWithinStatutoryDate == 90)
        #expect(figures.band == .adequate)
        #expect(figures.lateAllowed(keeping: 90) == 2)
        #expect(figures.lateAllowed(keeping: 95) == -4)
        #expect(figures.projectedPercent.map { ($0 * 10).rounded() / 10 } == 92.1)
        #expect(TimelinessFigures(entries([]), asAt: d("2026-12-10")).percentInTime == nil)
        // Unanswered once its last permitted date has passed, a request is late.
        #expect(entries([.pending])[0].standing(asAt: d("2027-01-01")) == .late)
        #expect(TimelinessBand(percent: 95) == .good)
        #expect(TimelinessBand(percent: 94.9) == .adequate)
        #expect(TimelinessBand(percent: 89.9) == .unsatisfactory)
    }

    @Test func reportingPeriods() throws {
        let quarter = try #require(ReportingPeriod(parsing: "2026q3"))
        #expect(quarter.dates == d("2026-07-01")...d("2026-09-30"))
        #expect(quarter.months.map(\.description) == ["2026-07", "2026-08", "2026-09"])
        #expect(ReportingPeriod(parsing: "2024-02")?.dates == d("2024-02-01")...d("2024-02-29"))
        #expect(ReportingPeriod(parsing: "2026")?.dates == d("2026-01-01")...d("2026-12-31"))
        #expect(ReportingPeriod.quarter(of: d("2026-11-21")).description == "2026Q4")
        for bad in ["2026Q5", "2026Q0", "2026-13", "26", "Q3", "2026-1", ""] {
            #expect(ReportingPeriod(parsing: bad) == nil)
        }
    }
}
