import FOIApp
import FOIKit
import FOIStore
import Foundation
import Testing

/// `holidays add` decides its moves while reading and writes them later: what happens in between is decided again.
@Suite struct HolidayPlanTests {
    @Test func aCaseThatChangesBetweenThePlanAndTheWriteIsDecidedAgain() async throws {
        try await withStore { store, _ in
            // Received Tue 1 June 2027: due Tue 29 June; a Northern Ireland holiday on Mon 14 June moves it to the
            // 30th.
            let stopped = try await store.log(newCase("2027-06-01"), today: later).ref
            let untouched = try await store.log(newCase("2027-06-01"), today: later).ref
            let holiday = Holiday(
                date: date("2027-06-14"), division: .northernIreland, title: "Proclaimed day", source: .local)
            let office = Office(storage: store)
            let plan = try await office.planHolidays(.add(holiday), today: date("2027-06-10"))
            #expect(plan.moves.count == 2)
            // Meanwhile another officer stops one clock and logs a new request (received Thu 10 June: 20 working
            // days to Thu 8 July, one more with the holiday).
            try await store.record(
                RecordedEvent(date: date("2027-06-09"), event: .clarificationRequested(note: nil)), for: stopped,
                today: date("2027-06-10"))
            let logged = try await store.log(newCase("2027-06-10"), today: date("2027-06-10")).ref
            let change = try await office.keep(plan, by: .system)
            #expect(change.casesMoved == 3)
            #expect(try await store.detail(untouched).summary.due == date("2027-06-30"))
            #expect(try await store.detail(logged).summary.due == date("2027-07-09"))
            // The stopped case moved its lapse clock, not the response date it no longer has.
            let moved = try await store.detail(stopped).events.last?.recorded.event
            guard case .deadlineMoved(_, _, let reason)? = moved else {
                Issue.record("no move recorded: \(String(describing: moved))")
                return
            }
            #expect(reason.hasPrefix("clarification"))
            #expect(try await store.verify().isSound)
        }
    }

    /// Another change of the holidays kept between the plan and the write: the plan is made again over it, and both
    /// days count.
    @Test func aChangeOfTheHolidaysMeanwhileIsPlannedAgain() async throws {
        try await withStore { store, _ in
            // Received Tue 1 June 2027: due Tue 29 June; with two Northern Ireland holidays, Thu 1 July.
            let open = try await store.log(newCase("2027-06-01"), today: later).ref
            let office = Office(storage: store)
            let plan = try await office.planHolidays(
                .add(Holiday(date: date("2027-06-14"), division: .northernIreland, title: "First", source: .local)),
                today: date("2027-06-10"))
            try await store.changeHolidays(
                .add(Holiday(date: date("2027-06-15"), division: .northernIreland, title: "Second", source: .local)),
                today: date("2027-06-10"))
            #expect(try await office.keep(plan, by: .system).casesMoved == 1)
            #expect(try await store.detail(open).summary.due == date("2027-07-01"))
            #expect(
                try await store.detail(open).events.map(\.recorded.event.kind).suffix(2) == [
                    .deadlineMoved, .deadlineMoved,
                ])
            #expect(try await store.verify().isSound)
        }
    }

    /// An officer whose command opened the database before another added a holiday, and records after: the step is
    /// decided with the holiday (it was not, when the calendars were read only at opening).
    @Test func aStoreOpenedBeforeAHolidayWasAddedRecordsWithIt() async throws {
        try await withStore { opened, path in
            let other = try CaseStore(path: path)
            _ = try await other.changeHolidays(
                .add(
                    Holiday(
                        date: date("2027-06-14"), division: .northernIreland, title: "Proclaimed day", source: .local)),
                today: date("2027-06-01"))
            // Received Tue 1 June 2027: due Tue 29 June, Wed 30 June with the holiday.
            #expect(try await opened.log(newCase("2027-06-01"), today: date("2027-06-01")).due == date("2027-06-30"))
            #expect(try await opened.verify().isSound)
        }
    }
}
