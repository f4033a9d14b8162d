import FOIApp
import FOIKit
import FOIStore
import Foundation
import GRDB
import Testing

private func date(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }

/// The record put right through the use cases and the store: the projection, the figures and the requester follow
/// the correction from its day on, and the figures as at an earlier day stand as they were.
@Suite struct CorrectionUseCaseTests {
    let store: CaseStore
    let reference = CaseReference(rawValue: "FOI-1")
    let officer = Actor.named("officer")
    let today = date("2026-03-02")
    let february = date("2026-02-01")...date("2026-02-28")

    /// A FOIA request logged as received Mon 5 Jan 2026 (due Mon 2 Feb) and answered Tue 3 Feb, a day late.
    init() async throws {
        store = try CaseStore.inMemory()
        _ = try await Office(storage: store).log(
            NewCase(
                reference: reference, received: date("2026-01-05"),
                receipt: Receipt(regime: .foia, subject: "Road repairs"), requester: Requester(name: "Ann Smith")),
            receiptConvention: nil, by: officer, today: today)
        _ = try await Casework(storage: store).record(
            RecordedEvent(date: date("2026-02-03"), event: .responded(.grantedInFull)), for: reference, by: officer,
            today: today)
    }

    /// Corrected on Tue 10 Feb to Thu 8 Jan (due Thu 5 Feb): on time as at any day from the correction, late as at
    /// Mon 9 Feb, before it; the requester's address is kept with the requester, the event names only the field.
    @Test func aCorrectedReceiptMovesTheFiguresFromItsDayOn() async throws {
        let step = try await Casework(storage: store).correct(
            reference, Correction(received: date("2026-01-08"), reason: "keyed as 5 January"),
            requester: [.address: "1 High Street, Anytown"], on: date("2026-02-10"), by: officer, today: today)
        #expect(step.summary.received == date("2026-01-08"))
        #expect(step.summary.due == date("2026-02-05"))
        guard case .corrected(let correction) = step.event.event else {
            Issue.record("not a correction")
            return
        }
        #expect(correction.requester == [.address])
        #expect(!EventFormat.payload(of: step.event.event).contains("High Street"))
        let detail = try await store.detail(reference)
        #expect(detail.requester?.address == "1 High Street, Anytown")
        #expect(detail.requester?.name == "Ann Smith")

        func standing(asAt: String) async throws -> [TimelinessStanding] {
            try await store.timeliness(dueIn: february, asAt: date(asAt), today: today).map {
                $0.standing(asAt: date(asAt))
            }
        }
        #expect(try await standing(asAt: "2026-02-09") == [.late])
        #expect(try await standing(asAt: "2026-02-10") == [.inTime])
        #expect(try await standing(asAt: "2026-03-02") == [.inTime])
        #expect(try await store.verify().isSound)
    }

    /// The response voided (recorded on the wrong case): the case is open and late, its row and figures without it,
    /// and the event stays in the history.
    @Test func aVoidedResponseLeavesTheFigures() async throws {
        let step = try await Casework(storage: store).record(
            RecordedEvent(date: date("2026-02-04"), event: .voided(VoidedStep(number: 2, reason: "wrong case"))),
            for: reference, by: officer, today: today)
        #expect(step.summary.status == .open)
        #expect(step.summary.outcome == nil)
        let entries = try await store.timeliness(dueIn: february, asAt: today, today: today)
        #expect(entries.map(\.answered) == [nil])
        #expect(try await store.detail(reference).events.count == 3)
        #expect(try await store.verify().isSound)
    }

    /// A requester's detail for a case with no requester needs the name; refused, nothing is written.
    @Test func aRequesterIsMadeOnlyFromAName() async throws {
        _ = try await Office(storage: store).log(
            NewCase(
                reference: CaseReference(rawValue: "FOI-2"), received: date("2026-01-05"),
                receipt: Receipt(regime: .foia, subject: "Anonymous")),
            receiptConvention: nil, by: officer, today: today)
        let anonymous = CaseReference(rawValue: "FOI-2")
        let refused = await #expect(throws: StoreError.self) {
            try await Casework(storage: store).correct(
                anonymous, Correction(reason: "e-mail given later"), requester: [.email: "a@example.org"],
                on: today, by: officer, today: today)
        }
        guard case .noRequester(anonymous)? = refused else {
            Issue.record("not refused for want of a name")
            return
        }
        #expect(try await store.detail(anonymous).events.count == 1)
        _ = try await Casework(storage: store).correct(
            anonymous, Correction(reason: "name given later"), requester: [.name: "B Jones", .email: "b@example.org"],
            on: today, by: officer, today: today)
        #expect(try await store.detail(anonymous).requester == Requester(name: "B Jones", email: "b@example.org"))
    }
}

/// The answer's enclosures kept beside the case: named in the event by their SHA-256, their bytes in the store,
/// carried by an export and its restore, and a personal one's bytes removed with the case's personal data.
@Suite struct EnclosureTests {
    let store: CaseStore
    let reference = CaseReference(rawValue: "SAR-1")
    let officer = Actor.named("officer")
    let today = date("2026-03-02")
    let copy = Casework.EnclosedFile(name: "records.pdf", bytes: Array("her records".utf8), personal: true)
    let leaflet = Casework.EnclosedFile(name: "leaflet.pdf", bytes: Array("how we use data".utf8), personal: false)

    init() async throws {
        store = try CaseStore.inMemory()
        _ = try await Office(storage: store).log(
            NewCase(
                reference: reference, received: date("2026-01-05"), receipt: Receipt(regime: .sar, subject: "My file"),
                requester: Requester(name: "Ann Smith")),
            receiptConvention: nil, by: officer, today: today)
        _ = try await Casework(storage: store).answer(
            reference, PartAnswer(finding: .released), enclosing: [copy, leaflet], on: date("2026-01-20"), by: officer,
            today: today)
    }

    /// The export's enclosures: each with its digest, and its bytes where kept (a personal one's only with the
    /// personal data).
    func exported(requesters: Bool) async throws -> (lines: [UInt8], enclosures: [JSONValue]) {
        var lines: [UInt8] = []
        var enclosures: [JSONValue] = []
        try await store.export(requesters: requesters) { line in
            lines += line.canonicalBytes + [0x0A]
            if case .object(let fields) = line, case .array(let listed)? = fields["enclosures"] { enclosures += listed }
        }
        return (lines, enclosures)
    }

    func content(_ enclosure: JSONValue) -> JSONValue? {
        if case .object(let fields) = enclosure { fields["content"] } else { nil }
    }

    @Test func theEnclosuresAreKeptAndCarried() async throws {
        let file = try await store.caseFile(reference)
        let listed = try #require(file.answers.first?.enclosures)
        #expect(listed.map(\.digest) == [SHA256.hex(copy.bytes), SHA256.hex(leaflet.bytes)])
        #expect(listed.map(\.size) == [11, 15])
        let full = try await exported(requesters: true)
        #expect(full.enclosures.compactMap(content).filter { $0 != .null }.count == 2)
        // Without the personal data, the personal copy's bytes stay behind.
        #expect(try await exported(requesters: false).enclosures.compactMap(content).filter { $0 != .null }.count == 1)
        let restored = try CaseStore.inMemory()
        _ = try await restored.restore(export: full.lines, today: today)
        var again: [JSONValue] = []
        try await restored.export(requesters: true) { line in
            if case .object(let fields) = line, case .array(let listed)? = fields["enclosures"] { again += listed }
        }
        #expect(again == full.enclosures)
    }

    /// A file kept changed behind foi's back (its protective trigger dropped to do it) is found by verify.
    @Test func aChangedEnclosureIsFound() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("foi-enc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cases.sqlite").path
        let file = try CaseStore(path: path, access: .create)
        _ = try await Office(storage: file).log(
            NewCase(
                reference: reference, received: date("2026-01-05"), receipt: Receipt(regime: .sar, subject: "File")),
            receiptConvention: nil, by: officer, today: today)
        _ = try await Casework(storage: file).answer(
            reference, PartAnswer(finding: .released), enclosing: [leaflet], on: date("2026-01-20"), by: officer,
            today: today)
        #expect(try await file.verify().enclosures.isEmpty)
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TRIGGER enclosures_are_only_removed")
            try db.execute(sql: "UPDATE enclosures SET content = x'00'")
        }
        let report = try await file.verify()
        #expect(report.enclosures == ["SAR-1's leaflet.pdf is not the file its answer lists"])
        #expect(!report.isSound)
    }

    @Test func aPersonalEnclosureGoesWithThePersonalData() async throws {
        _ = try await Casework(storage: store).record(
            RecordedEvent(date: date("2026-01-21"), event: .responded(.grantedInFull)), for: reference, by: officer,
            today: today)
        _ = try await Office(storage: store).anonymise([reference], by: officer, today: today)
        let kept = try await exported(requesters: true).enclosures
        #expect(try await store.enclosure(reference, named: "leaflet.pdf").1 == leaflet.bytes)
        // Gone with the personal data, found by its digest all the same.
        let removed = try await store.enclosure(reference, named: String(SHA256.hex(copy.bytes).prefix(8)))
        #expect(removed.0.name == "records.pdf" && removed.1 == nil)
        await #expect(throws: StoreError.self) { try await store.enclosure(reference, named: "other.pdf") }
        #expect(kept.count == 2)
        #expect(kept.compactMap(content).filter { $0 != .null }.count == 1)
        #expect(try await store.verify().isSound)
    }
}
