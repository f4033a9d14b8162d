import ArgumentParser
import FOIKit
import FOIResources
import Foundation

/// `foi demo`: a database with cases drawn from published responses, then the board.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Load demo cases drawn from published police responses into the database (default: the default database), "
            + "then show the board.",
        discussion: "Cases already present (by reference) are left as they are, so running it twice changes nothing.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let caseStore = try store.open(.create)
        let today = store.todayDate
        let demo = try perform { try JSONDecoder().decode(DemoFile.self, from: Data(Seeds.demoCasesJSON)) }
        // The demo's profile where the authority has none, so that 'foi letter' works straight away.
        if try await perform({ try await caseStore.profile() }) == AuthorityProfile() {
            for (name, value) in demo.profile.sorted(by: { $0.key < $1.key }) {
                guard let key = Settings.Key(rawValue: name) else { continue }
                try await perform { try await caseStore.setSetting(key, to: value) }
            }
        }
        var loaded = 0
        for demoCase in demo.cases {
            let reference = CaseReference(rawValue: demoCase.ref)
            if (try? await caseStore.caseFile(reference)) != nil { continue }
            let received = try demoCase.receivedDate(today: today)
            let new = NewCase(
                reference: reference, received: received,
                receipt: Receipt(regime: demoCase.regime, subject: demoCase.subject, channel: demoCase.channel),
                requester: Requester(name: demoCase.requester), requestText: demoCase.request)
            let steps = try demoCase.steps.map { step in
                RecordedEvent(date: received.adding(days: step.after), event: try step.event(regime: demoCase.regime))
            }
            // One case, one transaction: a case is loaded whole or not at all.
            _ = try await perform(on: reference) {
                try await caseStore.importCases([(new, steps)], actor: "demo", today: today)
            }
            loaded += 1
        }
        say(
            "Demo database: \(caseStore.address) (\(loaded) case\(loaded == 1 ? "" : "s") loaded, "
                + "\(demo.cases.count - loaded) already there)")
        say()
        try await BoardCommand.show(caseStore, today: today, horizon: 5, limit: 50, format: .table)
    }
}

/// `seeds/demo-cases.json`.
private struct DemoFile: Decodable {
    /// The authority's profile, by setting name.
    var profile: [String: String]
    var cases: [DemoCase]
}

private struct DemoCase: Decodable {
    var ref: String
    var regime: Regime
    var received: CivilDate?
    var daysAgo: Int?
    var channel: Channel
    var subject: String
    var requester: String
    var request: String?
    var steps: [DemoStep]

    func receivedDate(today: CivilDate) throws -> CivilDate {
        if let received { return received }
        guard let daysAgo else { throw Failure.refused("demo case \(ref) has neither 'received' nor 'daysAgo'") }
        return today.adding(days: -daysAgo)
    }
}

private struct DemoStep: Decodable {
    var kind: String
    var after: Int
    var location: String?
    var held: Bool?
    var hours: Double?
    var citation: String?
    var ncnd: Bool?
    var publicInterest: PublicInterestConclusion?
    var outcome: Outcome?
    var days: Int?
    var reason: String?
    var note: String?
    var engaged: String?
    var `for`: [String]?
    var against: [String]?
    var balance: String?

    func event(regime: Regime) throws -> CaseEvent {
        switch kind {
        case "acknowledge": return .acknowledged
        case "search": return .searchRecorded(Search(location: location ?? "", held: held ?? true, hours: hours ?? 0))
        case "exempt":
            return .exemptionApplied(
                ExemptionDecision(
                    citation: citation ?? "", part: regime, neitherConfirmNorDeny: ncnd ?? false,
                    publicInterest: publicInterest))
        case "extend": return .extended(workingDays: days, reason: reason)
        case "clarify": return .clarificationRequested(note: note)
        case "reason":
            return .reasoningRecorded(
                ExemptionReasoning(
                    citation: citation ?? "", part: regime, engaged: engaged ?? "", factorsFor: self.for ?? [],
                    factorsAgainst: against ?? [], balance: balance))
        case "respond":
            guard let outcome else { throw Failure.refused("a demo 'respond' step needs an outcome") }
            return .responded(outcome)
        default: throw Failure.refused("unknown demo step '\(kind)'")
        }
    }
}
