import FOIKit
import FOIViews

/// foi's use cases over one store of cases: each is one call, the same from the command line, a web page or a mail
/// poller, taking the identity that acts. A use case reads, lets FOIKit decide and has the store keep the decision;
/// it holds no rule of the law and no SQL.
public struct Casework: Sendable {
    public let storage: any StepStorage

    public init(storage: any StepStorage) {
        self.storage = storage
    }

    /// Records on the case `reference` the step `event` makes from the case as it stands (e.g. an exemption whose
    /// part defaults to the case's regime), dated `date`, if the lifecycle allows it on `today`. The step is decided
    /// outside the write; if another step reached the case meanwhile, it is decided again, once, on the case as it
    /// then stands.
    /// `apart`: what the step keeps apart from its event (`KeptApart`), in the same transaction.
    /// `notifying`: the messages the step sends (`Notifier`), queued in its transaction.
    public func record(
        on date: CivilDate, for reference: CaseReference, keeping apart: KeptApart = KeptApart(), by actor: Actor,
        today: CivilDate, notifying: (CaseStep) throws -> [OutgoingMessage] = { _ in [] },
        building event: (Case, CaseRules) throws -> CaseEvent
    ) async throws -> RecordedStep {
        try await decidingAgain {
            let loaded = try await storage.load(reference)
            let recorded = RecordedEvent(date: date, event: try event(loaded.file, loaded.rules))
            let step = try loaded.file.step(recorded, rules: loaded.rules, today: today)
            var apart = apart
            apart.messages = try notifying(step)
            return try await storage.append(step, keeping: apart, actor: actor)
        }
    }

    /// Records `recorded` on the case `reference`, if the lifecycle allows it on `today`.
    public func record(_ recorded: RecordedEvent, for reference: CaseReference, by actor: Actor, today: CivilDate)
        async throws -> RecordedStep
    {
        try await record(on: recorded.date, for: reference, by: actor, today: today) { _, _ in recorded.event }
    }
}

extension Casework {
    /// A letter of `kind` about the case `reference`, dated `date` (default: its step's own date, else `today`),
    /// written with `templates` (named as the letter-issued event records them, `templateOrigin`). A letter that
    /// goes out (neither a draft nor a preview) is handed to `deliver` and, once delivered, recorded as issued on the
    /// case it was written from: if another step reached the case meanwhile, the letter is written again from the
    /// case as it now stands and delivered again (`deliver` replaces what it delivered before), once.
    public func issueLetter(
        _ kind: LetterKind, about reference: CaseReference, date: CivilDate?, templates: [String: String],
        templateOrigin: String, draft: Bool, recording: Bool, approvalRequiredFor: Set<CaseFlag> = [], by actor: Actor,
        today: CivilDate, deliver: (Letter) throws -> Void
    ) async throws -> Letter {
        try await decidingAgain {
            let loaded = try await storage.loadDetail(reference)
            let date = date ?? kind.defaultDate(of: loaded.detail.file) ?? today
            let source = LetterSource(
                detail: loaded.detail, profile: loaded.profile, calendars: loaded.rules.calendars,
                catalogue: loaded.rules.catalogue, date: date)
            let letter = try LetterWriter.write(kind, from: source, templates: templates, draft: draft)
            guard recording else {
                try deliver(letter)
                return letter
            }
            // A flagged case's response waits for sign-off where the office says so (`require-approval`).
            let file = loaded.detail.file
            let flagged = file.flags.filter(approvalRequiredFor.contains)
            if kind == .response, file.approval == nil, !flagged.isEmpty {
                throw CaseworkError.approvalRequired(flagged)
            }
            // The response goes out as its approvers saw it, or not at all.
            if kind == .response, let standing = loaded.detail.file.approvalStanding(draft: letter.digest),
                let unsigned = CaseworkError.unsigned(standing, names: loaded.detail.names)
            {
                throw unsigned
            }
            let issued = LetterRecord(letter: kind.rawValue, template: templateOrigin, digest: letter.digest)
            let step = try loaded.detail.file.step(
                RecordedEvent(date: date, event: .letterIssued(issued)), rules: loaded.rules, today: today)
            // Delivered before it is recorded as issued: a letter that could not be written was not issued.
            try deliver(letter)
            _ = try await storage.append(step, actor: actor)
            return letter
        }
    }
}

extension Casework {
    /// Puts right what the receipt of the case `reference` recorded (`correction`), and the requester's details
    /// given in `requester` (kept with the requester, never in the event), dated `date`: refused, writing nothing,
    /// where the history as it would then stand is not lawful (a step before the corrected receipt, an outcome the
    /// corrected regime does not have).
    public func correct(
        _ reference: CaseReference, _ correction: Correction, requester: [RequesterField: String],
        on date: CivilDate, by actor: Actor, today: CivilDate
    ) async throws -> RecordedStep {
        var correction = correction
        correction.requester = RequesterField.allCases.filter { requester[$0] != nil }
        return try await record(
            on: date, for: reference, keeping: KeptApart(requester: requester), by: actor, today: today
        ) { _, _ in .corrected(correction) }
    }
}

extension Casework {
    /// A document to enclose: its file name and bytes, and whether it holds personal data.
    public struct EnclosedFile: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public var personal: Bool

        public init(name: String, bytes: [UInt8], personal: Bool) {
            self.name = name
            self.bytes = bytes
            self.personal = personal
        }
    }

    /// Records on the case `reference` what the response gives for a part of the request (`answer`, its enclosures
    /// made from `files`: each named with its size and SHA-256, its bytes kept beside the case), dated `date`.
    public func answer(
        _ reference: CaseReference, _ answer: PartAnswer, enclosing files: [EnclosedFile], on date: CivilDate,
        by actor: Actor, today: CivilDate
    ) async throws -> RecordedStep {
        var answer = answer
        var bytes: [String: [UInt8]] = [:]
        for file in files {
            let digest = SHA256.hex(file.bytes)
            bytes[digest] = file.bytes
            answer.enclosures.append(
                Enclosure(name: file.name, size: file.bytes.count, digest: digest, personal: file.personal))
        }
        return try await record(
            on: date, for: reference, keeping: KeptApart(enclosures: bytes), by: actor, today: today
        ) { [answer] _, _ in .answerRecorded(answer) }
    }
}

/// Runs `decide` (read, decide, keep) again where what it read changed before it was kept: once where another step
/// reached the case; where other cases took the reference it generated, as long as they do, up to ten times (each
/// such refusal is another request logged, so a busy office's burst lands, and a store that always refuses does
/// not hold the caller for ever).
func decidingAgain<T>(_ decide: () async throws -> T) async throws -> T {
    var movedBefore = false
    var taken = 0
    while true {
        do {
            return try await decide()
        } catch StoreError.caseMoved where !movedBefore {
            movedBefore = true
        } catch StoreError.referenceTaken where taken < 10 {
            taken += 1
        }
    }
}

/// Why a use case of one case did nothing.
public enum CaseworkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The case is handled already as asked (`handler` nil: by no one).
    case unchanged(CaseReference, handler: String?)
    /// No active user of that e-mail address or name to give a task or a stage of sign-off to.
    case noSuchUser(String)
    /// Someone's work passed on to themselves.
    case reassignedToThemselves(String)
    /// The response letter cannot go out, or a stage be decided, while the chain waits for `approver` (stage
    /// `stage`, since `since`) on this draft.
    case awaitingSignOff(stage: Int, approver: String, since: CivilDate)
    /// A chain names someone who is neither an active user nor a team (the teams there are).
    case noSuchApprover(String, teams: [String])
    /// The approver of `stage` rejected this very draft: it must change first.
    case draftRejected(stage: Int, approver: String, on: CivilDate, reason: String)
    /// The draft is signed off already: there is nothing to decide.
    case signedOff
    /// Only a coordinator (or an admin) lets a draft go without sign-off.
    case notCoordinator
    /// The case is flagged so that its response needs sign-off (the `require-approval` setting), and none was asked.
    case approvalRequired([CaseFlag])
    /// The case is offered to someone else (an officer, or a team the user is not in): only they answer.
    case offeredToAnother(String)

    public var description: String {
        switch self {
        case .unchanged(let reference, let handler):
            handler.map { "\(reference) is already assigned to \($0)" } ?? "\(reference) is not assigned to anyone"
        case .noSuchUser(let name): "no active user '\(name)'"
        case .reassignedToThemselves(let name): "\(name) cannot pass their work to themselves: name someone else"
        case .awaitingSignOff(let stage, let approver, let since):
            "the draft response waits for sign-off by \(approver) (stage \(stage), since \(since))"
        case .noSuchApprover(let name, let teams):
            "'\(name)' is neither an active user nor a team"
                + (teams.isEmpty ? " (there are no teams)" : " (the teams: \(teams.joined(separator: ", ")))")
        case .draftRejected(let stage, let approver, let on, let reason):
            "\(approver) rejected this draft response at stage \(stage) on \(on) (\(reason)); change it, and the "
                + "chain starts again"
        case .signedOff: "the draft response is signed off already"
        case .notCoordinator: "only a coordinator lets a draft go without sign-off"
        case .approvalRequired(let flags):
            "the case is flagged \(flags.map(\.rawValue).joined(separator: ", ")), so its response needs sign-off "
                + "before it goes out: ask for it first"
        case .offeredToAnother(let name): "the case is offered to \(name): only they accept it or give it back"
        }
    }
}

extension CaseworkError {
    /// Why the chain does not let the draft go, with its approvers' names: nil where it does.
    static func unsigned(_ standing: ApprovalStanding, names: Names) -> CaseworkError? {
        switch standing {
        case .complete: nil
        case .waiting(let stage, let approver, let since):
            .awaitingSignOff(stage: stage, approver: names.party(approver), since: since)
        case .rejected(let stage, let approver, let on, let reason):
            .draftRejected(stage: stage, approver: names.party(approver), on: on, reason: reason)
        }
    }
}
