import FOIApp
import FOIKit
import FOIResources
import FOIStore
import Foundation
import GRDB
import Testing

/// A store on a fresh temporary file, removed after `body`.
func withStore(_ body: (CaseStore, String) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("foi-store-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("cases.sqlite").path
    try await body(try CaseStore(path: path, access: .create), path)
}

extension CaseStore {
    /// Records `recorded` as the use case does, by no one in particular.
    @discardableResult
    func record(_ recorded: RecordedEvent, for reference: CaseReference, today: CivilDate) async throws
        -> RecordedStep
    {
        try await Casework(storage: self).record(recorded, for: reference, by: .system, today: today)
    }

    /// Changes the bank holidays as the use case does.
    @discardableResult
    func changeHolidays(_ edit: HolidayEdit, today: CivilDate, actor: Actor = .system) async throws -> HolidayChange {
        try await Office(storage: self).changeHolidays(edit, by: actor, today: today)
    }

    /// Logs `new` as the use case does, on the day 0 convention it brings.
    @discardableResult
    func log(_ new: NewCase, actor: Actor = .system, today: CivilDate) async throws -> CaseSummary {
        try await Office(storage: self).log(
            new, receiptConvention: new.receipt.convention, by: actor, today: today)
    }
}

func date(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }

/// "Today" for tests about something other than dates: after every step they record.
let later = date("2030-01-01")

func newCase(_ received: String, regime: Regime = .foia, ref: String? = nil) -> NewCase {
    NewCase(
        reference: ref.map(CaseReference.init(rawValue:)), received: date(received),
        receipt: Receipt(regime: regime, subject: "Test request"),
        requester: Requester(name: "A Requester", email: "a@example.org"))
}

func count(_ path: String, _ sql: String) throws -> Int {
    try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: sql)! }
}

@Suite struct CaseStoreTests {
    @Test func logsACaseWithAGeneratedReferenceAndItsDueDate() async throws {
        try await withStore { store, path in
            let first = try await store.log(newCase("2020-12-08"), today: later)
            let second = try await store.log(newCase("2020-12-09"), today: later)
            #expect(first.ref.rawValue == "FOI-2020-000001")
            #expect(second.ref.rawValue == "FOI-2020-000002")
            #expect(first.due == date("2021-01-11"))
            #expect(first.status == .open)
            #expect(try count(path, "SELECT count(*) FROM events") == 2)
            #expect(try count(path, "SELECT count(*) FROM requesters") == 2)
        }
    }

    /// A reference generated for a new case is kept only if no other case took it between the read and the write;
    /// a reference of an imported case is skipped.
    @Test func aGeneratedReferenceIsRefusedWhereAnotherCaseTookIt() async throws {
        try await withStore { store, path in
            try await store.log(newCase("2026-11-02", ref: "FOI-2026-000001"), today: later)
            let claim = try await store.nextReference(for: 2026)
            #expect(claim.reference.rawValue == "FOI-2026-000002")
            let rules = try await store.rules()
            let opened = try Case(
                reference: claim.reference, received: date("2026-11-03"),
                receipt: Receipt(regime: .foia, subject: "Test")
            )
            .replaying([], rules: rules, today: later).state(rules)
            try await store.log(newCase("2026-11-02"), today: later)
            let refused = await #expect(throws: StoreError.self) {
                try await store.open(opened, requester: nil, claim: claim, actor: .system)
            }
            #expect(refused?.description.hasPrefix("another case was given the reference FOI-2026-000002") == true)
            #expect(try count(path, "SELECT count(*) FROM cases") == 2)
            #expect(try await store.nextReference(for: 2026).reference.rawValue == "FOI-2026-000003")
        }
    }

    @Test func referencePatternIsConfigurableAndReferencesAreUnique() async throws {
        try await withStore { store, _ in
            try await store.setSetting(.referencePattern, to: "01.FOI.{YY}.{SEQ:6}")
            #expect(try await store.log(newCase("2023-05-02"), today: later).ref.rawValue == "01.FOI.23.000001")
            #expect(
                try await store.log(newCase("2023-05-02", ref: "01.FOI.23.028767"), today: later).ref.rawValue
                    == "01.FOI.23.028767")
            let duplicate = await #expect(throws: StoreError.self) {
                try await store.log(newCase("2023-05-03", ref: "01.FOI.23.028767"), today: later)
            }
            #expect(duplicate?.description.hasPrefix("a case '01.FOI.23.028767' already exists") == true)
            for broken in ["FOI-{YYYY}", "FOI-{SEQ", "FOI-{SEQ:}", "FOI-{SEQ:2000000000}", "FOI-{SEQ:13}"] {
                await #expect(throws: SettingError.self, "\(broken)") {
                    try await store.setSetting(.referencePattern, to: broken)
                }
            }
            #expect(try await store.setting(.referencePattern) == "01.FOI.{YY}.{SEQ:6}")
        }
    }

    @Test func eventsAreAppendOnly() async throws {
        try await withStore { store, path in
            try await store.log(newCase("2026-01-05"), today: later)
            let queue = try DatabaseQueue(path: path)
            #expect(throws: DatabaseError.self) {
                try queue.write { try $0.execute(sql: "UPDATE events SET kind = 'x'") }
            }
            #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM events") } }
            #expect(try count(path, "SELECT count(*) FROM events WHERE kind = 'received'") == 1)
        }
    }

    @Test func aRefusedStepWritesNothing() async throws {
        try await withStore { store, path in
            let logged = try await store.log(newCase("2026-01-05"), today: later)
            try await store.record(
                RecordedEvent(date: date("2026-01-06"), event: .clarificationRequested(note: nil)), for: logged.ref,
                today: later)
            let before = try count(path, "SELECT count(*) FROM events")
            await #expect(throws: LifecycleError.self) {
                try await store.record(
                    RecordedEvent(date: date("2026-01-20"), event: .responded(.grantedInFull)), for: logged.ref,
                    today: later)
            }
            await #expect(throws: StoreError.self) {
                try await store.record(
                    RecordedEvent(date: date("2026-01-20"), event: .note("x")), for: CaseReference(rawValue: "NOPE"),
                    today: later)
            }
            #expect(try count(path, "SELECT count(*) FROM events") == before)
            #expect(try await store.caseFile(logged.ref).status == .awaitingClarification)
            // A form drawn before knows the case moved on by its count of steps, read without a replay.
            #expect(try await store.stepCount(of: logged.ref) == 2)
            #expect(try await store.caseFile(logged.ref).history.count == 2)
            await #expect {
                try await store.stepCount(of: CaseReference(rawValue: "NOPE"))
            } throws: { error in
                if case StoreError.caseNotFound(let reference) = error { return reference.rawValue == "NOPE" }
                return false
            }
        }
    }

    @Test func projectionFollowsEveryEvent() async throws {
        try await withStore { store, _ in
            let ref = try await store.log(newCase("2026-01-05"), today: later).ref
            func record(_ day: String, _ event: CaseEvent) async throws -> CaseSummary {
                try await store.record(RecordedEvent(date: date(day), event: event), for: ref, today: later).summary
            }
            #expect(try await record("2026-01-13", .feeNoticeIssued(amount: "£12")).due == nil)
            #expect(try await record("2026-01-26", .feePaid).due == date("2026-02-16"))
            let exempted = try await record(
                "2026-02-02",
                .exemptionApplied(ExemptionDecision(citation: "31(1)(a)", part: .foia, publicInterest: .maintain)))
            #expect(exempted.exemptions.map(\.citation) == ["31(1)(a)"])
            let extended = try await record("2026-02-03", .extended(workingDays: 10, reason: "public interest"))
            #expect(extended.status == .extended)
            #expect(extended.extendedFrom == date("2026-02-16"))
            #expect(extended.due == date("2026-03-02"))
            let responded = try await record("2026-02-27", .responded(.partiallyWithheld))
            #expect(responded.status == .responded)
            #expect(responded.outcome == .partiallyWithheld)
            let detail = try await store.detail(ref)
            #expect(
                detail.events.map(\.recorded.event.kind.rawValue) == [
                    "received", "fee-notice-issued", "fee-paid", "exemption-applied", "extended", "responded",
                ])
            #expect(detail.requester?.name == "A Requester")
        }
    }

    @Test func boardAndOverdueListUseWorkingDays() async throws {
        try await withStore { store, _ in
            let overdue = try await store.log(newCase("2026-10-01"), today: later).ref  // due Thu 29 Oct
            let soon = try await store.log(newCase("2026-10-26"), today: later).ref  // due Mon 23 Nov
            let afterwards = try await store.log(newCase("2026-11-16"), today: later).ref  // due Mon 14 Dec
            let waiting = try await store.log(newCase("2026-11-02"), today: later).ref
            try await store.record(
                RecordedEvent(date: date("2026-11-03"), event: .clarificationRequested(note: nil)), for: waiting,
                today: later)
            let board = try await store.board(today: date("2026-11-20"))
            #expect(board.overdue.rows.map(\.summary.ref) == [overdue])
            #expect(board.overdue.rows.first?.workingDaysLeft == -16)
            #expect(board.dueSoon.rows.map(\.summary.ref) == [soon])
            #expect(board.dueSoon.rows.first?.workingDaysLeft == 1)
            #expect(board.awaiting.rows.map(\.summary.ref) == [waiting])
            #expect(board.awaiting.count == 1)
            // A section keeps its full count when its rows are limited.
            let limited = try await store.board(today: date("2026-12-20"), limit: 1)
            #expect(limited.overdue.count == 3)
            #expect(limited.overdue.rows.map(\.summary.ref) == [overdue])
            var filter = CaseFilter()
            filter.overdue = true
            #expect(try await store.list(filter, today: date("2026-11-20")).map(\.ref) == [overdue])
            filter = CaseFilter()
            filter.dueWithinWorkingDays = 20
            #expect(try await store.list(filter, today: date("2026-11-20")).map(\.ref) == [overdue, soon, afterwards])
        }
    }

    @Test func addingAHolidayMovesTheOpenCasesItTouchesAndRecordsWhy() async throws {
        try await withStore { store, path in
            // Both due Tue 29 Jun 2027.
            let touched = try await store.log(newCase("2027-06-01"), today: later).ref
            let scottish = try await store.log(newCase("2027-06-01", regime: .foisa), today: later).ref
            let untouched = try await store.log(newCase("2027-07-01"), today: later).ref
            let closed = try await store.log(newCase("2027-06-02"), today: later).ref
            try await store.record(
                RecordedEvent(date: date("2027-06-03"), event: .withdrawn(reason: nil)), for: closed, today: later)
            let change = try await store.changeHolidays(
                .add(
                    Holiday(
                        date: date("2027-06-14"), division: .northernIreland, title: "Proclaimed day", source: .local)),
                today: date("2027-06-10"))
            #expect(change.casesMoved == 1)
            #expect(try await store.detail(touched).summary.due == date("2027-06-30"))
            #expect(
                try await store.detail(touched).events.last?.recorded.event
                    == .deadlineMoved(
                        from: date("2027-06-29"), to: date("2027-06-30"),
                        reason: "bank holiday added: Proclaimed day (Northern Ireland) on 2027-06-14"))
            #expect(try await store.detail(scottish).summary.due == date("2027-06-29"))
            #expect(try await store.detail(untouched).events.count == 1)
            #expect(try count(path, "SELECT count(*) FROM events WHERE kind = 'deadline-moved'") == 1)
            // A reopened store sees the holiday too.
            #expect(try await CaseStore(path: path).detail(touched).deadline.due == date("2027-06-30"))
            await #expect(throws: StoreError.self) {
                try await store.changeHolidays(
                    .add(Holiday(date: date("2027-06-14"), division: .northernIreland, title: "again", source: .local)),
                    today: date("2027-06-10"))
            }
        }
    }

    /// Only a command that starts a database creates one; a new one is its owner's alone (0600 in a 0700
    /// directory), whatever the umask, since it holds requesters' personal data.
    @Test func aDatabaseIsCreatedOnlyWhenAskedAndPrivately() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("foi-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("office/cases.sqlite").path
        #expect(throws: StoreError.self) { try CaseStore(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        let store = try CaseStore(path: path, access: .create)
        try await store.log(newCase("2026-11-02"), today: later)
        func mode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        #expect(try mode(path) == 0o600)
        #expect(try mode(path + "-wal") == 0o600)
        #expect(try mode(directory.appendingPathComponent("office").path) == 0o700)
        #expect(try await CaseStore(path: path).caseFile(CaseReference(rawValue: "FOI-2026-000001")).status == .open)
        // A command that only reads opens the file read-only: it reads, and cannot write.
        let reader = try CaseStore(path: path, access: .read)
        #expect(try await reader.caseFile(CaseReference(rawValue: "FOI-2026-000001")).status == .open)
        await #expect(throws: (any Error).self) { try await reader.log(newCase("2026-11-03"), today: later) }
    }

    /// When another officer's command holds the write lock past the busy timeout, the step fails with a message a
    /// person can act on, and writes nothing.
    @Test func aLockHeldElsewhereIsAHumanMessage() async throws {
        try await withStore { store, path in
            try await store.log(newCase("2026-11-02"), today: later)
            var configuration = CaseStore.configuration
            configuration.busyMode = .timeout(0.1)
            let impatient = try CaseStore(
                writer: try DatabaseQueue(path: path, configuration: configuration), path: path)
            // Another connection holds the write lock, as another officer's command would.
            var holding = Configuration()
            holding.allowsUnsafeTransactions = true
            let holder = try DatabaseQueue(path: path, configuration: holding)
            try holder.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
            let error = await #expect(throws: StoreError.self) {
                try await impatient.log(newCase("2026-11-03"), today: later)
            }
            #expect(error?.description.hasPrefix("another foi command is writing to \(path)") == true)
            try holder.inDatabase { try $0.execute(sql: "ROLLBACK") }
            #expect(try count(path, "SELECT count(*) FROM cases") == 1)
        }
    }

    @Test func refusesADatabaseFromANewerFoi() async throws {
        try await withStore { _, path in
            try DatabaseQueue(path: path).write {
                try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999_future')")
            }
            #expect(throws: StoreError.self) { try CaseStore(path: path) }
        }
    }

    @Test func everySchemaFileIsAMigrationInOrder() throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: schema.path).filter { $0.hasSuffix(".sql") }
            .sorted()
        #expect(Seeds.migrations.map(\.identifier) == files.map { String($0.dropLast(4)) })
        for (migration, file) in zip(Seeds.migrations, files) {
            #expect(migration.sql == (try String(contentsOf: schema.appendingPathComponent(file), encoding: .utf8)))
        }
    }

    /// A large import into a database with fewer cases builds its indexes once at the end: the schema after it is
    /// the migrations' own, and a refused case late in the batch (prepared on another thread) writes nothing, the
    /// indexes included.
    @Test func aLargeImportLeavesTheSchemaAsTheMigrationsMadeIt() async throws {
        try await withStore { store, path in
            func schema() throws -> [String] {
                try DatabaseQueue(path: path).read { db in
                    try String.fetchAll(
                        db, sql: "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master ORDER BY name"
                    )
                }
            }
            let before = try schema()
            let generated = (0..<1_500).map { number in
                (
                    new: newCase("2025-0\(number % 9 + 1)-1\(number % 10)"),
                    steps: [RecordedEvent(date: date("2025-10-01"), event: .responded(.notHeld))]
                )
            }
            var refused = generated
            refused[1_234].steps = [RecordedEvent(date: date("2031-01-01"), event: .responded(.notHeld))]
            await #expect(throws: StoreError.self) { try await store.importCases(refused, today: later) }
            #expect(try count(path, "SELECT count(*) FROM cases") == 0)
            #expect(try schema() == before)

            var reported: [Int] = []
            try await store.importCases(generated, today: later) { reported.append($0) }
            #expect(try count(path, "SELECT count(*) FROM cases") == 1_500)
            #expect(try count(path, "SELECT count(*) FROM events") == 3_000)
            #expect(try schema() == before)
            #expect(reported == [1_000])
            let references = try await DatabaseQueue(path: path).read {
                try String.fetchAll($0, sql: "SELECT ref FROM cases")
            }
            #expect(Set(references).count == 1_500)

            // Restored from its export into a new database: the same cases, the same schema, every chain sound.
            var export: [UInt8] = []
            try await store.export(requesters: true) { export += $0.canonicalBytes + [0x0A] }
            try await withStore { restored, restoredPath in
                let restoration = try await restored.restore(export: export, today: later)
                #expect(restoration.cases == 1_500 && restoration.requesters == 1_500)
                #expect(try count(restoredPath, "SELECT count(*) FROM events") == 3_000)
                let schemas = try [path, restoredPath].map { database in
                    try DatabaseQueue(path: database).read { db in
                        try String.fetchAll(db, sql: "SELECT ifnull(sql, name) FROM sqlite_master ORDER BY name")
                    }
                }
                #expect(schemas[0] == schemas[1])
                let report = try await restored.verify()
                #expect(report.cases == 1_500 && report.failures.isEmpty && report.integrity.isEmpty)
            }
        }
    }

    /// What is derived from the events is the re-projection's, not a migration's: a database whose projection is
    /// older than this foi's (`user_version`) is projected again whole when it is opened, and a projection row
    /// changed meanwhile is as the events give it again.
    @Test func anOlderProjectionIsMadeAgainFromTheEvents() async throws {
        try await withStore { store, path in
            let ref = try await store.log(newCase("2026-11-02"), today: later).ref
            try await store.record(
                RecordedEvent(date: date("2026-11-03"), event: .clarificationRequested(note: nil)), for: ref,
                today: later)
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "DELETE FROM case_clocks; UPDATE cases SET due_on = '2099-01-01'")
                try db.execute(sql: "PRAGMA user_version = 0")
            }
            #expect(try count(path, "SELECT count(*) FROM case_clocks") == 0)
            let reopened = try CaseStore(path: path)
            #expect(try await reopened.verify().isSound)
            #expect(try await DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 6)
            #expect(try count(path, "SELECT count(*) FROM case_clocks WHERE clock = 'clarification-lapse'") == 1)
        }
    }
}
