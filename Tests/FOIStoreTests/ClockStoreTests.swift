import FOIKit
import FOIStore
import FOITestSupport
import Foundation
import GRDB
import Testing

@Suite struct ClockStoreTests {
    /// Logs a FOIA case received `received` and answered `responded`; returns its reference.
    func answered(_ store: CaseStore, received: String, responded: String, regime: Regime = .foia) async throws
        -> CaseReference
    {
        let ref = try await store.log(newCase(received, regime: regime), today: later).ref
        try await store.record(
            RecordedEvent(date: date(responded), event: .responded(.grantedInFull)), for: ref, today: later)
        return ref
    }

    /// The board holds every running clock: a response due, a review due, a regulator's date past, and a
    /// clarification's lapse date; each row names its clock, and list filters by clock and stage.
    @Test func boardAndListCoverEveryRunningClock() async throws {
        try await withStore { store, _ in
            let open = try await store.log(newCase("2026-11-02"), today: later).ref  // due Tue 1 Dec 2026
            let reviewed = try await answered(store, received: "2026-10-01", responded: "2026-10-28")
            // Review requested Mon 2 Nov: 20 working days skip St Andrew's Day (Mon 30 Nov): Tue 1 Dec 2026.
            let step = try await store.record(
                RecordedEvent(date: date("2026-11-02"), event: .reviewRequested(ReviewRequest(by: "A Requester"))),
                for: reviewed, today: later)
            #expect(step.summary.stage == .review)
            #expect(step.event.event.warning == nil)
            let complained = try await answered(store, received: "2026-06-01", responded: "2026-06-26")
            try await store.record(
                RecordedEvent(
                    date: date("2026-10-01"),
                    event: .complaintNotified(
                        ComplaintNotice(reference: "IC-123456-A1B2", submissionsDue: date("2026-11-16")))),
                for: complained, today: later)
            let waiting = try await store.log(newCase("2026-11-02"), today: later).ref
            // Clarification requested Tue 3 Nov; 60 working days (the default setting) end Thu 4 Feb 2027.
            try await store.record(
                RecordedEvent(date: date("2026-11-03"), event: .clarificationRequested(note: nil)), for: waiting,
                today: later)

            let board = try await store.board(today: date("2026-11-26"), horizon: 5)
            #expect(
                board.overdue.rows.map { "\($0.summary.ref) \($0.clock.rawValue) \($0.workingDaysLeft)" } == [
                    "\(complained) submissions -8"
                ])
            #expect(
                board.dueSoon.rows.map { "\($0.summary.ref) \($0.clock.rawValue) \($0.due)" }.sorted()
                    == ["\(open) response 2026-12-01", "\(reviewed) review 2026-12-01"].sorted())
            #expect(
                board.awaiting.rows.map { "\($0.summary.ref) \($0.clock.rawValue) \($0.due)" } == [
                    "\(waiting) clarification-lapse 2027-02-02"
                ])

            var filter = CaseFilter()
            filter.stages = [.review]
            #expect(try await store.list(filter, today: date("2026-11-26")).map(\.ref) == [reviewed])
            filter = CaseFilter()
            filter.stages = [.regulator]
            #expect(try await store.list(filter, today: date("2026-11-26")).map(\.ref) == [complained])
            filter = CaseFilter()
            filter.clock = .review
            #expect(try await store.list(filter, today: date("2026-11-26")).map(\.ref) == [reviewed])
            filter.overdue = true
            #expect(try await store.list(filter, today: date("2026-11-26")).isEmpty)
            filter = CaseFilter()
            filter.overdue = true
            #expect(try await store.list(filter, today: date("2026-11-26")).map(\.ref) == [complained])

            // The review decided, its clock leaves the board; the case keeps it, met, in its detail.
            try await store.record(
                RecordedEvent(date: date("2026-11-27"), event: .reviewDecided(ReviewDecision(outcome: .upheld))),
                for: reviewed, today: later)
            #expect(try await store.board(today: date("2026-11-27")).dueSoon.rows.map(\.summary.ref) == [open])
            let detail = try await store.detail(reviewed)
            #expect(detail.clocks.first { $0.name == .review }?.status(today: date("2026-11-27")) == .met)
            #expect(detail.file.review?.decision?.outcome == .upheld)
        }
    }

    /// A holiday proclaimed in Northern Ireland only moves a FOIA review's date, with an event saying which clock.
    @Test func aNewHolidayMovesAReviewClock() async throws {
        try await withStore { store, _ in
            let ref = try await answered(store, received: "2027-05-24", responded: "2027-06-21")
            try await store.record(
                RecordedEvent(date: date("2027-06-28"), event: .reviewRequested(ReviewRequest())), for: ref,
                today: later)
            #expect(try await store.board(today: date("2027-07-26")).dueSoon.rows.first?.due == date("2027-07-27"))
            let change = try await store.changeHolidays(
                .add(
                    Holiday(
                        date: date("2027-07-20"), division: .northernIreland, title: "Proclaimed day", source: .local)),
                today: date("2027-07-01"))
            #expect(change.casesMoved == 1)
            #expect(try await store.board(today: date("2027-07-26")).dueSoon.rows.first?.due == date("2027-07-28"))
            let moved = try #require(try await store.detail(ref).events.last)
            #expect(
                moved.recorded.event
                    == .deadlineMoved(
                        from: date("2027-07-27"), to: date("2027-07-28"),
                        reason: "internal review: bank holiday added: Proclaimed day (Northern Ireland) on 2027-07-20"))
        }
    }

    /// A holiday moves the requester's window to ask for a review too, with a deadline-moved event naming it. FOIA
    /// answered Mon 1 Jun 2026: 40 working days, skipping Scotland's Mon 15 Jun and NI's Mon 13 Jul: Jun 2–12 (9),
    /// 16–30 (20), Jul 1–10 (28), 14–24 (37), 27–29 (40), Wed 29 Jul. An NI holiday proclaimed for Wed 1 Jul moves it
    /// to Thu 30 Jul.
    @Test func aHolidayMovesTheRequestersReviewWindow() async throws {
        try await withStore { store, _ in
            let ref = try await answered(store, received: "2026-05-05", responded: "2026-06-01")
            func window() async throws -> CaseClock? {
                try await store.detail(ref).clocks.first { $0.name == .reviewWindow }
            }
            #expect(try await window()?.due == date("2026-07-29"))
            let change = try await store.changeHolidays(
                .add(
                    Holiday(
                        date: date("2026-07-01"), division: .northernIreland, title: "Proclaimed day", source: .local)),
                today: date("2026-06-10"))
            #expect(change.casesMoved == 1)
            #expect(try await window()?.due == date("2026-07-30"))
            #expect(
                try await store.detail(ref).events.last?.recorded.event
                    == .deadlineMoved(
                        from: date("2026-07-29"), to: date("2026-07-30"),
                        reason:
                            "requester may ask for review: bank holiday added: Proclaimed day (Northern Ireland) on "
                            + "2026-07-01"))
        }
    }

    /// The store runs on any GRDB writer: here an in-memory queue, as a server or a test would give it.
    @Test func aStoreOnAnInMemoryDatabase() async throws {
        let store = try CaseStore(writer: try DatabaseQueue(configuration: CaseStore.configuration))
        let ref = try await store.log(newCase("2026-11-02"), today: later).ref
        #expect(try await store.detail(ref).summary.due == date("2026-12-01"))
        #expect(try await store.board(today: date("2026-11-27")).dueSoon.rows.map(\.summary.ref) == [ref])
    }

    /// A database from before migration 0003 gets its clocks: the response's from SQL, the lapse date of a case
    /// waiting on the requester computed as foi migrates (replaying events still in the encoding before format 1).
    /// The database is the 2026-11-20 release's fixture taken back to its 0002 shape.
    @Test func migrationGivesExistingCasesTheirClocks() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("foi-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cases.sqlite").path
        try Fixtures.writeReleaseDatabase(to: path)
        try await DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: """
                    DROP TABLE case_clocks;
                    DROP INDEX cases_by_stage;
                    ALTER TABLE cases DROP COLUMN stage;
                    CREATE INDEX cases_open_by_due ON cases (due_on, ref) WHERE status IN ('open', 'extended');
                    CREATE INDEX cases_awaiting ON cases (status_since, ref)
                        WHERE status IN ('awaiting-clarification', 'awaiting-fee');
                    DELETE FROM grdb_migrations WHERE identifier = '0003_case_clocks';
                    """)
        }
        let migrated = try CaseStore(path: path)
        func rows(_ section: BoardSection) -> [String] {
            section.rows.map { "\($0.summary.ref) \($0.clock.rawValue) \($0.due)" }
        }
        let board = try await migrated.board(today: date("2026-11-20"))
        #expect(rows(board.overdue) == ["01.FOI.23.034376 response 2026-11-13"])
        // Migration 0006 replays the cases with steps after the response: the SAR's appeal window, from the decision
        // notice its history holds, comes back with them.
        #expect(
            rows(board.dueSoon) == [
                "01.FOI.22.024312 response 2026-11-26", "FOI-2026-000005 response 2026-11-26",
                "FOI-2026-000007 appeal-window 2026-11-27",
            ])
        #expect(rows(board.awaiting) == ["01.FOI.21.022343 clarification-lapse 2027-02-11"])
        #expect(try await migrated.detail(CaseReference(rawValue: "01.FOI.22.024312")).summary.stage == .request)
    }

    /// The organisation's clarification lapse setting sets the lapse clock; a bad value is refused.
    @Test func clarificationLapseIsAnOrganisationSetting() async throws {
        try await withStore { store, _ in
            try await store.setSetting(.clarificationLapseDays, to: "20")
            let waiting = try await store.log(newCase("2026-11-02"), today: later).ref
            try await store.record(
                RecordedEvent(date: date("2026-11-03"), event: .clarificationRequested(note: nil)), for: waiting,
                today: later)
            // 20 working days after Tue 3 Nov, St Andrew's Day skipped: Wed 2 Dec 2026.
            #expect(try await store.board(today: date("2026-11-20")).awaiting.rows.first?.due == date("2026-12-02"))
            await #expect(throws: SettingError.self) { try await store.setSetting(.clarificationLapseDays, to: "0") }
        }
    }
}
