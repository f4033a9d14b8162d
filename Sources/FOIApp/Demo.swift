import FOIKit
import Foundation

extension Office {
    /// Loads the demo (`demo`: the bytes of `seeds/demo-cases.json`): its cases, each in a transaction of its own and
    /// left as it is where a case of its reference is there already, with dates relative to `today` so that every
    /// clock shows; and its authority's profile where the store has none, so that a letter can be written at once.
    /// Returns how many cases were loaded and how many were there already.
    public func loadDemo(_ demo: [UInt8], by actor: Actor, today: CivilDate) async throws
        -> (loaded: Int, alreadyThere: Int)
    {
        let file: DemoFile
        do {
            file = try JSONDecoder().decode(DemoFile.self, from: Data(demo))
        } catch {
            throw DemoError("the demo cases cannot be read: \(error)")
        }
        // The letters' language has a default, English: it says nothing of whether a profile was given.
        let profile = try await storage.profile()
        if AuthorityProfile.Field.allCases.allSatisfy({ $0 == .letterLanguage || profile[$0] == nil }) {
            for (name, value) in file.profile.sorted(by: { $0.key < $1.key }) {
                guard let key = Settings.Key(rawValue: name) else { continue }
                try await storage.setSetting(key, to: value)
            }
        }
        var loaded = 0
        for demoCase in file.cases {
            let reference = CaseReference(rawValue: demoCase.ref)
            if try await storage.existing([reference]).contains(reference) { continue }
            let received = try demoCase.receivedDate(today: today)
            let new = NewCase(
                reference: reference, received: received,
                receipt: Receipt(regime: demoCase.regime, subject: demoCase.subject, channel: demoCase.channel),
                requester: Requester(name: demoCase.requester), requestText: demoCase.request)
            let steps = try demoCase.steps.map { step in
                RecordedEvent(date: received.adding(days: step.after), event: try step.event(regime: demoCase.regime))
            }
            _ = try await storage.importCases([(new, steps)], actor: actor, today: today)
            loaded += 1
        }
        return (loaded, file.cases.count - loaded)
    }
}

/// The shipped demo cannot be loaded: a fault of foi's own data, not of the officer's.
public struct DemoError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
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
        guard let daysAgo else { throw DemoError("demo case \(ref) has neither 'received' nor 'daysAgo'") }
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
            guard let outcome else { throw DemoError("a demo 'respond' step needs an outcome") }
            return .responded(outcome)
        default: throw DemoError("unknown demo step '\(kind)'")
        }
    }
}
