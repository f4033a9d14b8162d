import FOIApp
import FOIKit
import FOIStore
import Foundation
import GRDB
import Synchronization
import Testing

private func date(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }

/// "Today" for tests about something other than dates: after every step they record.
private let later = date("2030-01-01")
private let officer = Actor.named("officer")

private func newCase(_ received: String, ref: String) -> NewCase {
    NewCase(
        reference: CaseReference(rawValue: ref), received: date(received),
        receipt: Receipt(regime: .foia, subject: "Test request"), requester: Requester(name: "A Requester"))
}

/// A store where another officer records `meanwhile` between a use case's read and each of its first `times`
/// appends: the race of two officers on one case, made to happen every time.
private final class Interleaving: StepStorage {
    let inner: CaseStore
    let meanwhile: RecordedEvent
    let remaining: Mutex<Int>

    init(_ inner: CaseStore, meanwhile: RecordedEvent, times: Int) {
        self.inner = inner
        self.meanwhile = meanwhile
        remaining = Mutex(times)
    }

    func load(_ reference: CaseReference) async throws -> LoadedCase { try await inner.load(reference) }

    func loadDetail(_ reference: CaseReference) async throws -> LoadedDetail { try await inner.loadDetail(reference) }

    func append(_ step: CaseStep, keeping apart: KeptApart, actor: Actor) async throws -> RecordedStep {
        let interrupt = remaining.withLock { count in
            defer { count -= 1 }
            return count > 0
        }
        if interrupt {
            _ = try await Casework(storage: inner).record(
                meanwhile, for: step.state.file.reference, by: .named("colleague"), today: later)
        }
        return try await inner.append(step, keeping: apart, actor: actor)
    }
}

/// The use cases on an in-memory database: each decides outside the write and appends only onto the case it
/// decided on.
@Suite struct CaseworkTests {
    let store: CaseStore
    let reference = CaseReference(rawValue: "FOI-1")

    init() async throws {
        store = try CaseStore.inMemory()
        _ = try await Office(storage: store).log(
            newCase("2026-11-02", ref: "FOI-1"), receiptConvention: nil, by: .system, today: later)
    }

    @Test func aStepRecordsItsEventAndTheIdentityThatMadeIt() async throws {
        let step = try await Casework(storage: store).record(
            RecordedEvent(date: date("2026-11-03"), event: .acknowledged), for: reference, by: officer, today: later)
        #expect(step.event.event == .acknowledged)
        #expect(step.summary.status == .open)
        let detail = try await store.detail(reference)
        #expect(detail.events.map(\.recorded.event.kind) == [.received, .acknowledged])
        // Format 3: the actor is a user, made the first time they record something.
        #expect(detail.events.last?.actorName(detail.names) == "officer")
        #expect(detail.events.last?.actorID.map(detail.names.user) == "officer")
    }

    /// Another step reached the case after it was read: the step is decided again on the case as it then stands and
    /// appended after the other, as event 3.
    @Test func aCaseThatMovedIsDecidedAgainOnce() async throws {
        let storage = Interleaving(
            store, meanwhile: RecordedEvent(date: date("2026-11-03"), event: .note("Called the requester")), times: 1)
        _ = try await Casework(storage: storage).record(
            RecordedEvent(date: date("2026-11-04"), event: .acknowledged), for: reference, by: officer, today: later)
        let detail = try await store.detail(reference)
        #expect(detail.events.map(\.recorded.event.kind) == [.received, .note, .acknowledged])
        #expect(detail.events.map { $0.actorName(detail.names) } == ["foi", "colleague", "officer"])
        #expect(try await store.verify().isSound)
    }

    /// Decided again means the lifecycle judges the case as it now stands: once answered, it cannot be
    /// acknowledged, and nothing of the refused step is written.
    @Test func theSecondDecisionSeesTheOtherStep() async throws {
        let storage = Interleaving(
            store, meanwhile: RecordedEvent(date: date("2026-11-03"), event: .responded(.grantedInFull)), times: 1)
        await #expect(throws: LifecycleError.self) {
            try await Casework(storage: storage).record(
                RecordedEvent(date: date("2026-11-04"), event: .acknowledged), for: reference, by: officer,
                today: later)
        }
        #expect(try await store.detail(reference).events.map(\.recorded.event.kind) == [.received, .responded])
    }

    /// Moved twice: refused with the reason, rather than retried for ever.
    @Test func aCaseThatMovesTwiceIsRefused() async throws {
        let storage = Interleaving(
            store, meanwhile: RecordedEvent(date: date("2026-11-03"), event: .note("Again")), times: 2)
        let error = await #expect(throws: StoreError.self) {
            try await Casework(storage: storage).record(
                RecordedEvent(date: date("2026-11-04"), event: .acknowledged), for: reference, by: officer,
                today: later)
        }
        guard case .caseMoved(let moved)? = error else {
            Issue.record("refused for another reason: \(String(describing: error))")
            return
        }
        #expect(moved == reference)
        #expect(try await store.detail(reference).events.map(\.recorded.event.kind) == [.received, .note, .note])
    }
}

/// One store shared by many tasks, as a web server's handlers share it: over a pool of connections to a file,
/// steps on many cases at once, two of them on one case, all recorded and every chain sound.
@Suite struct SharedStoreTests {
    @Test func tasksShareOneStore() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("foi-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pool = try DatabasePool(
            path: directory.appendingPathComponent("cases.sqlite").path, configuration: CaseStore.configuration)
        let store = try CaseStore(writer: pool)
        let references = (1...12).map { CaseReference(rawValue: "FOI-\($0)") }
        let office = Office(storage: store)
        // Eight requests logged at once, each given the next reference: none lost, none given twice.
        let logged = try await withThrowingTaskGroup(of: CaseReference.self) { group in
            for _ in 1...8 {
                group.addTask {
                    try await office.log(
                        NewCase(received: date("2026-11-02"), receipt: Receipt(regime: .foia, subject: "Test request")),
                        receiptConvention: nil, by: officer, today: later
                    ).ref
                }
            }
            return try await group.reduce(into: Set()) { $0.insert($1) }
        }
        #expect(logged == Set((1...8).map { CaseReference(rawValue: String(format: "FOI-2026-%06d", $0)) }))
        for reference in references {
            _ = try await office.log(
                newCase("2026-11-02", ref: reference.rawValue), receiptConvention: nil, by: officer, today: later)
        }
        let casework = Casework(storage: store)
        try await withThrowingTaskGroup(of: RecordedStep.self) { group in
            for reference in references {
                group.addTask {
                    try await casework.record(
                        RecordedEvent(date: date("2026-11-03"), event: .acknowledged), for: reference, by: officer,
                        today: later)
                }
            }
            // A second step on one case at the same moment: one of the two is decided again, after the other.
            group.addTask {
                try await casework.record(
                    RecordedEvent(date: date("2026-11-04"), event: .note("Called")), for: references[0], by: officer,
                    today: later)
            }
            for try await _ in group {}
        }
        #expect(try await store.detail(references[0]).events.count == 3)
        for reference in references.dropFirst() {
            #expect(try await store.detail(reference).events.map(\.recorded.event.kind) == [.received, .acknowledged])
        }
        #expect(try await store.verify().isSound)
    }
}
