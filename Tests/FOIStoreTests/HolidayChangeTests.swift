import FOIKit
import FOIResources
import Foundation
import Testing

@testable import FOIStore

/// Bank holidays cancelled or moved by proclamation, and GOV.UK's data refreshed (issue 10, item 14): each change
/// recomputes the running clocks it touches, with a deadline-moved event where a date moves.
@Suite struct HolidayChangeTests {
    /// Received Tue 20 Apr 2027. FOISA (Scotland): Apr 21–23 (3), 26–30 (8), the early May holiday Mon 3 May
    /// skipped, May 4–7 (12), 10–14 (17), 17–19 (20): Wed 19 May. FOIA (any part of the UK) the same.
    /// Scotland's holiday moved to Fri 7 May: FOISA counts Mon 3 May (9), 4–6 (12), skips the 7th, and still ends on
    /// Wed 19 May; FOIA skips both (3 May is still a holiday in England, Wales and Northern Ireland): 4–6 (11),
    /// 10–14 (16), 17–20 (20), Thu 20 May. Cancelling the 7th: FOISA May 3–7 (13), 10–14 (18), Tue 18 May; FOIA back
    /// to Wed 19 May.
    @Test func aHolidayMovedAndThenCancelledByProclamation() async throws {
        try await withStore { store, _ in
            let scottish = try await store.log(newCase("2027-04-20", regime: .foisa), today: later).ref
            let english = try await store.log(newCase("2027-04-20"), today: later).ref
            func due(_ ref: CaseReference) async throws -> CivilDate? { try await store.detail(ref).summary.due }
            let today = date("2027-04-21")

            let moved = try await store.changeHolidays(
                .move(from: date("2027-05-03"), to: date("2027-05-07"), .scotland, title: nil), today: today)
            #expect(moved.added.map(\.date) == [date("2027-05-07")])
            #expect(moved.added.first?.title == "Early May bank holiday")
            #expect(moved.removed.map(\.date) == [date("2027-05-03")])
            #expect(moved.casesMoved == 1)
            #expect(try await due(scottish) == date("2027-05-19"))
            #expect(try await due(english) == date("2027-05-20"))
            #expect(
                try await store.detail(english).events.last?.recorded.event
                    == .deadlineMoved(
                        from: date("2027-05-19"), to: date("2027-05-20"),
                        reason: "bank holiday moved: Early May bank holiday (Scotland) from 2027-05-03 to 2027-05-07"))

            let cancelled = try await store.changeHolidays(.cancel(date("2027-05-07"), .scotland), today: today)
            #expect(cancelled.casesMoved == 2)
            #expect(try await due(scottish) == date("2027-05-18"))
            #expect(try await due(english) == date("2027-05-19"))
            #expect(try await store.verify().isSound)
            // The cancelled published day is kept out; the added day needed only removing.
            let amendments = try await store.writer.read { try HolidayAmendments.read($0) }
            #expect(amendments.additions.isEmpty)
            #expect(amendments.cancellations.map(\.date) == [date("2027-05-03")])

            let notAHoliday = await #expect(throws: StoreError.self) {
                try await store.changeHolidays(.cancel(date("2027-05-07"), .scotland), today: today)
            }
            #expect("\(notAHoliday!)".hasPrefix("2027-05-07 is not a bank holiday in Scotland"))
            let taken = await #expect(throws: StoreError.self) {
                try await store.changeHolidays(
                    .move(from: date("2027-08-02"), to: date("2027-05-31"), .scotland, title: nil), today: today)
            }
            #expect("\(taken!)" == "2027-05-31 is already a bank holiday in Scotland")
            #expect(try await CaseStore(path: store.path).detail(scottish).summary.due == date("2027-05-18"))
        }
    }

    /// A refreshed GOV.UK file: the spring bank holiday of Mon 31 May 2027 replaced by a one-off Fri 4 Jun in every
    /// division, and 2029 published. Received Tue 4 May 2027 (FOIA): May 5–7 (3), 10–28 (18), 31 May skipped, Jun 1
    /// (19), Wed 2 Jun (20); with the new data 31 May counts (19) and Tue 1 Jun is the 20th. A case due in January
    /// 2029 stops being provisional without a date moving. A day added here that the file now publishes is the
    /// file's.
    @Test func aRefreshedGOVUKFile() async throws {
        try await withStore { store, _ in
            let today = date("2027-05-05")
            let touched = try await store.log(newCase("2027-05-04"), today: today).ref
            let provisional = try await store.log(newCase("2028-12-20"), today: later).ref
            #expect(try await store.detail(provisional).summary.provisional)
            _ = try await store.changeHolidays(
                .add(Holiday(date: date("2027-06-04"), division: .scotland, title: "Proclaimed", source: .local)),
                today: today)

            let data = try Self.refreshedData()
            let change = try await store.changeHolidays(.importGovUK(data), today: today)
            #expect(change.removed.map(\.date) == Array(repeating: date("2027-05-31"), count: 3))
            #expect(change.added.map(\.date) == Array(repeating: date("2027-06-04"), count: 2))
            #expect(change.casesMoved == 1)
            #expect(try await store.detail(touched).summary.due == date("2027-06-01"))
            let reason =
                "bank holidays refreshed from GOV.UK's data (2027-06-04 added, 2027-06-04 added, "
                + "2027-05-31 removed, …)"
            #expect(
                try await store.detail(touched).events.last?.recorded.event
                    == .deadlineMoved(from: date("2027-06-02"), to: date("2027-06-01"), reason: reason))
            let waiting = try await store.detail(provisional)
            #expect(!waiting.summary.provisional)
            #expect(waiting.events.count == 1)
            let amendments = try await store.writer.read { try HolidayAmendments.read($0) }
            #expect(amendments.additions.isEmpty)
            #expect(amendments.imported == data)
            #expect(
                store.calendars.holidays.holiday(on: date("2027-06-04"), in: .scotland)?.source == .published)
            // The same file again changes nothing; a reopened store has it.
            let again = try await store.changeHolidays(.importGovUK(data), today: today)
            #expect(again.added.isEmpty && again.removed.isEmpty && again.casesMoved == 0)
            #expect(try await CaseStore(path: store.path).detail(touched).summary.due == date("2027-06-01"))
            #expect(try await store.verify().isSound)
        }
    }

    /// The shipped data with 31 May 2027 replaced by 4 Jun 2027 in every division, and 2029 as the rules make it.
    static func refreshedData() throws -> [UInt8] {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(Seeds.bankHolidaysJSON)) as? [String: [String: Any]])
        for division in Division.allCases {
            var events = try #require(object[division.rawValue]?["events"] as? [[String: Any]])
            events.removeAll { $0["date"] as? String == "2027-05-31" }
            events.append(["title": "Bank holiday", "date": "2027-06-04", "notes": "", "bunting": true])
            events += HolidayRules.holidays(of: division, in: 2029).map {
                ["title": $0.title, "date": $0.date.description, "notes": "", "bunting": true]
            }
            object[division.rawValue]?["events"] = events
        }
        return [UInt8](try JSONSerialization.data(withJSONObject: object))
    }
}
