import ArgumentParser
import FOIKit
import FOIStore
import Foundation

/// `foi show`: one case in full.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a case: its status, due date and how it was reached, exemptions and history.")

    @Argument(help: "The case reference.") var ref: String
    @OptionGroup var store: StoreOptions
    @Option(help: "Output format.") var format: OutputFormat = .table

    func run() throws {
        let caseStore = try store.open()
        let today = try store.todayDate()
        let detail = try perform { try caseStore.detail(CaseReference(rawValue: ref)) }
        let left = detail.summary.status.isOpen ? try perform { try caseStore.workingDaysLeft(detail.summary, today: today) } : nil
        var output = OutputBuffer()
        switch format {
        case .json:
            let object = ShowJSON(case: CaseJSON(detail.summary, workingDaysLeft: left), requester: detail.requester,
                                  explanation: detail.deadline.explanation(calendars: caseStore.calendars),
                                  events: detail.events.map(EventJSON.init))
            output.line(String(decoding: try JSONEncoder.output.encode(object), as: UTF8.self))
        case .csv:
            output.write(CSV.line(CaseOutput.columns))
            output.write(CSV.line(CaseOutput.csvRow(CaseJSON(detail.summary, workingDaysLeft: left))))
        case .table:
            let summary = detail.summary
            output.line("\(summary.ref)  \(summary.regime.shortName)  \(summary.status.phrase) since \(summary.statusSince.longDescription)")
            output.line("Subject:    \(summary.subject)")
            output.line("Received:   \(summary.received.longDescription) by \(summary.channel.rawValue)")
            if let requester = detail.requester { output.line("Requester:  \(requester.name)\(requester.email.map { " <\($0)>" } ?? "")") }
            if let due = summary.due {
                let leftText = left.map { $0 < 0 ? " (\(-$0) working days late)" : " (\($0) working days left)" } ?? ""
                output.line("Due by:     \(due.longDescription)\(summary.provisional ? " (provisional)" : "")\(leftText)")
            }
            if let extendedFrom = summary.extendedFrom { output.line("Extended:   from \(extendedFrom.longDescription) (FOIA s.10(3))") }
            if let outcome = summary.outcome, let on = summary.respondedOn { output.line("Response:   \(outcome.label), \(on.longDescription)") }
            if !summary.exemptions.isEmpty {
                output.line("Exemptions: " + summary.exemptions.map { exemption in
                    let label = caseStore.catalogue.exemption(citing: exemption.citation, in: exemption.part)?.title ?? ""
                    return "\(exemption.citation)\(exemption.neitherConfirmNorDeny ? " (NCND)" : "") \(label)"
                }.joined(separator: "; "))
            }
            output.line()
            output.line("How the date was reached:")
            for step in detail.deadline.explanation(calendars: caseStore.calendars) { output.line("  - \(step)") }
            output.line()
            output.write(HistoryCommand.table(detail.events))
        }
        output.flush()
    }
}

/// `foi history`: the events of a case, in order.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List every event of a case, in order.")

    @Argument(help: "The case reference.") var ref: String
    @OptionGroup var store: StoreOptions
    @Option(help: "Output format.") var format: OutputFormat = .table

    func run() throws {
        let detail = try perform { try store.open().detail(CaseReference(rawValue: ref)) }
        var output = OutputBuffer()
        switch format {
        case .json:
            output.line(String(decoding: try JSONEncoder.output.encode(detail.events.map(EventJSON.init)), as: UTF8.self))
        case .csv:
            output.write(CSV.line(["sequence", "date", "kind", "details", "actor", "recorded_at"]))
            for event in detail.events {
                output.write(CSV.line([String(event.sequence), event.recorded.date.description, event.recorded.event.kind,
                                       EventJSON.details(event.recorded.event), event.actor ?? "", event.recordedAt]))
            }
        case .table:
            output.write(Self.table(detail.events))
        }
        output.flush()
    }

    static func table(_ events: [StoredEvent]) -> String {
        Table.render(header: ["#", "date", "event", "details", "by"], rows: events.map {
            [String($0.sequence), $0.recorded.date.longDescription, $0.recorded.event.kind, EventJSON.details($0.recorded.event), $0.actor ?? ""]
        }, maxWidth: 90)
    }
}

/// The JSON of `foi show`: the case object plus its requester, explanation and events.
struct ShowJSON: Encodable {
    var `case`: CaseJSON
    var requester: Requester?
    var explanation: [String]
    var events: [EventJSON]

    func encode(to encoder: any Encoder) throws {
        try `case`.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(requester, forKey: .requester)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(events, forKey: .events)
    }

    enum CodingKeys: String, CodingKey { case requester, explanation, events }
}

/// One event in JSON: `sequence`, `kind`, `date`, `details` (for people), `event` (the stored payload).
struct EventJSON: Encodable {
    var sequence: Int
    var kind: String
    var date: CivilDate
    var details: String
    @NullWhenAbsent var actor: String?
    var recordedAt: String
    var event: CaseEvent

    init(_ stored: StoredEvent) {
        sequence = stored.sequence
        kind = stored.recorded.event.kind
        date = stored.recorded.date
        details = Self.details(stored.recorded.event)
        actor = stored.actor
        recordedAt = stored.recordedAt
        event = stored.recorded.event
    }

    static func details(_ event: CaseEvent) -> String {
        switch event {
        case .received(let receipt): "\(receipt.regime.shortName) request by \(receipt.channel.rawValue): \(receipt.subject)"
        case .acknowledged, .clarificationReceived, .clarificationLapsed, .feePaid, .feeLapsed: ""
        case .clarificationRequested(let note): note ?? ""
        case .feeNoticeIssued(let amount): amount.map { "fee \($0)" } ?? ""
        case .transferred(let to): "to \(to)"
        case .withdrawn(let reason): reason ?? ""
        case .searchRecorded(let search): "\(search.location): \(search.held ? "held" : "not held"), \(search.hours) h"
        case .exemptionApplied(let decision):
            "\(decision.part.shortName) \(decision.citation)\(decision.neitherConfirmNorDeny ? " NCND" : "")\(decision.publicInterest.map { ", public interest: \($0.rawValue)" } ?? "")"
        case .extended(let days, let reason): (days.map { "\($0) further working days" } ?? "regime extension") + (reason.map { ": \($0)" } ?? "")
        case .responded(let outcome): outcome.label
        case .note(let text): text
        case .reopened(let reason): reason
        case .deadlineMoved(let from, let to, let reason): "\(from?.description ?? "none") → \(to?.description ?? "none"): \(reason)"
        case .reviewRequested(let request):
            [request.by.map { "by \($0)" }, request.outOfTime.map { "late (window closed \($0.lastDay)), \($0.accepted ? "accepted" : "declined")" }]
                .compactMap { $0 }.joined(separator: "; ")
        case .reviewExtended(let days, let reason): "to \(days) working days: \(reason)"
        case .reviewDecided(let decision):
            ([decision.outcome.label, decision.reviewer.map { "by \($0)" }]
                + decision.withdrawnExemptions.map { "withdrew \($0)" } + decision.addedExemptions.map { "added \($0.citation)" })
                .compactMap { $0 }.joined(separator: "; ")
        case .complaintNotified(let notice): notice.reference + (notice.submissionsDue.map { "; submissions due \($0)" } ?? "")
        case .submissionsRequested(let due): "submissions due \(due)"
        case .submissionsSent, .decisionNoticeComplied: ""
        case .decisionNoticeIssued(let notice):
            "\(notice.reference): \(notice.outcome.label)" + (notice.steps.map { "; steps: \($0)" } ?? "") + (notice.complyBy.map { "; comply by \($0)" } ?? "")
        case .appealLodged(let lodging):
            "\(lodging.reference) by the \(lodging.appellant.rawValue)" + (lodging.lastDay.map { "; late (last day \($0))" } ?? "")
        case .hearingListed(let on): "hearing on \(on)"
        case .appealDecided(let outcome): outcome.label
        }
    }
}
