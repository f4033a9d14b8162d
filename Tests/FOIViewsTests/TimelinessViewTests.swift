import FOIKit
import FOIViews
import Foundation
import Testing

@Suite struct TimelinessViewTests {
    /// Seen from Friday 22 December 2023, the FOIA working days are Wed 27, Thu 28 and Fri 29 December, then (New
    /// Year's Day in England and 2 January in Scotland being bank holidays) Wed 3 and Thu 4 January: a request due
    /// on Thursday 4 January has five working days left, thirteen calendar days away, and is at risk; one due on
    /// Friday 5 January has six and is not.
    @Test func atRiskCountsWorkingDaysOverTheNewYear() throws {
        func entry(_ number: Int, due: String) -> TimelinessEntry {
            TimelinessEntry(
                reference: CaseReference(rawValue: "FOI-2023-00000\(number)"), regime: .foia, kind: .request,
                statutoryDue: d(due), due: d(due), answered: nil)
        }
        let entries = [entry(1, due: "2024-01-03"), entry(2, due: "2024-01-04"), entry(3, due: "2024-01-05")]
        let report = TimelinessReport(
            period: ReportingPeriod(.quarter, year: 2023, index: 4), asAt: d("2023-12-22"), entries: entries,
            quarterEntries: entries)
        let output = try TimelinessView.render(report, calendars: calendars, format: .json)
        let document = try #require(JSONSerialization.jsonObject(with: Data(output.bytes)) as? [String: Any])
        let warning = try #require(document["earlyWarning"] as? [String: Any])
        let atRisk = try #require(warning["atRisk"] as? [[String: Any]])
        #expect(atRisk.map { $0["ref"] as? String } == ["FOI-2023-000001", "FOI-2023-000002"])
        #expect(atRisk.map { $0["workingDaysLeft"] as? Int } == [4, 5])
    }
}
