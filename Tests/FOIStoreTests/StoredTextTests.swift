import FOIKit
import FOIStore
import Testing

/// Texts are stored whole: what goes in comes out, byte for byte, and still verifies.
@Suite struct StoredTextTests {
    /// Every Unicode scalar but NUL, in order: every control character, combining mark, private-use and unassigned
    /// code point, and the ones SQLite and JSON treat specially (quotes, backslashes, U+2028).
    static let everyScalarButNUL = String(String.UnicodeScalarView((1...0x10FFFF).compactMap(Unicode.Scalar.init)))

    @Test func everyCodePointButNULRoundTrips() async throws {
        try await withStore { store, _ in
            let text = Self.everyScalarButNUL
            let new = NewCase(
                reference: CaseReference(rawValue: "ALL-1"), received: date("2026-01-05"),
                receipt: Receipt(regime: .foia, subject: text), requester: Requester(name: text, address: text),
                requestText: text)
            try await store.log(new, today: later)
            let reference = CaseReference(rawValue: "ALL-1")
            try await store.record(
                RecordedEvent(date: date("2026-01-06"), event: .note(text)), for: reference, today: later)
            let detail = try await store.detail(reference)
            #expect(detail.summary.subject.unicodeScalars.elementsEqual(text.unicodeScalars))
            #expect(detail.requester?.name.unicodeScalars.elementsEqual(text.unicodeScalars) == true)
            #expect(detail.file.requestText?.unicodeScalars.elementsEqual(text.unicodeScalars) == true)
            #expect(detail.events.last?.recorded.event == .note(text))
            #expect(try await store.verify().failures.isEmpty)
        }
    }

    /// Every way in refuses a NUL; were one to miss it, the store refuses it too, rather than keep a text cut at it
    /// that no longer matches the event's hash.
    @Test func theStoreRefusesANULThatGotPastTheEdge() async throws {
        try await withStore { store, _ in
            let first = CaseReference(rawValue: "NUL-1")
            try await store.log(newCase("2026-01-05", ref: first.rawValue), today: later)
            func expectRefused(_ reference: CaseReference, _ body: () async throws -> Void) async {
                do {
                    try await body()
                    Issue.record("not refused")
                } catch StoreError.textHoldsNUL(let named) {
                    #expect(named == reference)
                } catch {
                    Issue.record("not refused for its NUL: \(error)")
                }
            }
            for event in [CaseEvent.note("before\u{0}after"), .requestRecorded(text: "\u{0}")] {
                await expectRefused(first) {
                    try await store.record(
                        RecordedEvent(date: date("2026-01-06"), event: event), for: first, today: later)
                }
            }
            let second = CaseReference(rawValue: "NUL-2")
            let subject = NewCase(
                reference: second, received: date("2026-01-05"), receipt: Receipt(regime: .foia, subject: "a\u{0}b"))
            await expectRefused(second) { try await store.log(subject, today: later) }
            #expect(try await store.caseCount() == 1)
            #expect(try await store.detail(first).events.count == 1)
            #expect(try await store.verify().failures.isEmpty)
        }
    }
}
