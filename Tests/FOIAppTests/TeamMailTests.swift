import FOIApp
import FOIKit
import FOIMail
import FOIStore
import Foundation
import Testing

/// Messages to the team: queued with the step that causes them or not at all, and composed so that what an officer
/// typed (a case's subject) cannot become a header.
@Suite struct TeamMailTests {
    @Test func aSubjectCannotAddAHeader() throws {
        let mail = Mail.compose(
            from: ("foi", "foi@council.example"), to: ("Zoë \"Z\" Ng", "zoe@council.example"),
            subject: "Potholes\r\nBcc: everyone@example.org", text: "See the case.\n\nhttps://foi.example/cases/A-1\n",
            messageID: "foi-1.abc@council.example", sentAt: Date(timeIntervalSince1970: 1_796_000_000))
        let text = String(decoding: mail.data, as: UTF8.self)
        let headers = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(!headers.contains { $0.hasPrefix("Bcc:") })
        #expect(headers.contains("Subject: Potholes Bcc: everyone@example.org"))
        // A name that is not plain ASCII is an encoded word, not quoted text.
        #expect(headers.contains("To: =?UTF-8?B?Wm/DqyAiWiIgTmc=?= <zoe@council.example>"))
        #expect(headers.contains("Date: Mon, 30 Nov 2026 00:53:20 +0000"))
        #expect(mail.from == "foi@council.example" && mail.to == "zoe@council.example")
    }

    /// A task refused (it would be due after its case) queues nothing; one given queues its message, for the
    /// contributor, in the same transaction.
    @Test func aMessageIsQueuedWithItsStepOrNotAtAll() async throws {
        let store = try CaseStore.inMemory()
        let today = try CivilDate(iso: "2026-11-03")
        _ = try await Office(storage: store).log(
            NewCase(
                reference: CaseReference(rawValue: "FOI-1"), received: try CivilDate(iso: "2026-11-02"),
                receipt: Receipt(regime: .foia, subject: "Pothole repairs"), requester: Requester(name: "A Requester")),
            receiptConvention: nil, by: .system, today: today)
        _ = try await store.addUser(name: "Raj", email: "raj@council.example", role: .contributor)
        let desk = TaskDesk(storage: store)
        await #expect(throws: LifecycleError.self) {
            try await desk.give(
                CaseReference(rawValue: "FOI-1"), to: .user("raj@council.example"), ask: "All of it?",
                due: .workingDays(25),
                on: today, by: .named("officer"), today: today)
        }
        #expect(try await store.outboxCounts() == OutboxCounts(pending: 0, sent: 0, dropped: 0))
        _ = try await desk.give(
            CaseReference(rawValue: "FOI-1"), to: .user("raj@council.example"), ask: "Repairs?", due: nil, on: today,
            by: .named("officer"), today: today)
        let pending = try await store.claimPending(limit: 10, at: 0)
        #expect(pending.map(\.message.subject) == ["Task 1 on FOI-1"])
        #expect(pending.first?.recipientEmail == "raj@council.example")
        #expect(pending.first?.message.body.contains("A Requester") == false)
    }
}
