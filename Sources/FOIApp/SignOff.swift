import FOIKit

/// Sign-off before release: a chain of approvers asked for on the draft response letter, each approving or
/// rejecting the exact draft they saw (its SHA-256, `Letter.digest`), and a coordinator's bypass. Each is a step,
/// decided by FOIKit; who may decide a stage (its approver) is checked here, against the user the store knows.
public struct SignOff: Sendable {
    public let storage: any CaseStorage

    public init(storage: any CaseStorage) {
        self.storage = storage
    }

    /// Asks `chain`, in order, to sign off the draft response of the case `reference`: each an active user (by
    /// e-mail address or name) or else a team (by name: any of its members, or of a team under it, approves for it);
    /// each has the `approval-days` setting's working days.
    public func request(
        _ reference: CaseReference, chain: [String], on date: CivilDate, by actor: Actor, today: CivilDate
    ) async throws -> RecordedStep {
        var approvers: [Party] = []
        let teams = try await storage.teams()
        for name in chain {
            if let user = try await storage.user(.named(name)), user.active, user.role != .system {
                approvers.append(.user(user.id))
            } else if let team = try? teams.team(named: name) {
                approvers.append(.team(team.id))
            } else {
                throw CaseworkError.noSuchApprover(name, teams: teams.map(\.name))
            }
        }
        let days = try ApprovalRequest.workingDays(setting: try await storage.setting(.approvalDays))
        return try await Casework(storage: storage).record(
            on: date, for: reference, by: actor, today: today,
            notifying: try await Notifier(storage: storage, actor: actor).messages
        ) { _, _ in .approvalRequested(ApprovalRequest(chain: approvers, workingDays: days)) }
    }

    /// The approval (or, not `approving`, the rejection, with its reason as `note`) of the draft whose SHA-256 is
    /// `draft` by the approver the chain waits for: the user `actor` is, or a team they are a member of.
    public func decide(
        _ reference: CaseReference, approving: Bool, note: String?, draft: String, on date: CivilDate,
        by actor: Actor, today: CivilDate
    ) async throws -> RecordedStep {
        let user = try await storage.user(actor)
        let teams = try await storage.teams()
        let names = Names(users: try await storage.users(), teams: teams)
        return try await Casework(storage: storage).record(
            on: date, for: reference, by: actor, today: today,
            notifying: try await Notifier(storage: storage, actor: actor).messages
        ) {
            file, _ in
            let stage = try Self.waitingStage(file, draft: draft, names: names)
            guard let user, stage.approver.includes(user.id, teams: teams) else {
                throw CaseworkError.awaitingSignOff(
                    stage: stage.number, approver: names.party(stage.approver), since: stage.since)
            }
            let decision = ApprovalDecision(stage: stage.number, digest: draft, note: note)
            return approving ? .approved(decision) : .approvalRejected(decision)
        }
    }

    /// Lets the draft whose SHA-256 is `draft` go without the rest of the chain, for `reason`, whether it waits
    /// for an approver or one rejected it: a coordinator's (or an admin's) step alone.
    public func bypass(
        _ reference: CaseReference, reason: String, draft: String, on date: CivilDate, by actor: Actor,
        today: CivilDate
    ) async throws -> RecordedStep {
        guard let role = try await storage.user(actor)?.role, role == .coordinator || role == .admin else {
            throw CaseworkError.notCoordinator
        }
        return try await Casework(storage: storage).record(on: date, for: reference, by: actor, today: today) {
            file, _ in
            let stage: Int
            switch file.approvalStanding(draft: draft) {
            case nil: throw LifecycleError.approval(.noChain)
            case .complete?: throw CaseworkError.signedOff
            case .waiting(let waiting, _, _)?, .rejected(let waiting, _, _, _)?: stage = waiting
            }
            return .approvalBypassed(ApprovalDecision(stage: stage, digest: draft, note: reason))
        }
    }

    /// The stage the chain waits for with `draft`, or why none does.
    static func waitingStage(_ file: Case, draft: String, names: Names) throws -> (
        number: Int, approver: Party, since: CivilDate
    ) {
        switch file.approvalStanding(draft: draft) {
        case nil: throw LifecycleError.approval(.noChain)
        case .complete?: throw CaseworkError.signedOff
        case .waiting(let stage, let approver, let since)?: return (stage, approver, since)
        case let standing?: throw CaseworkError.unsigned(standing, names: names) ?? CaseworkError.signedOff
        }
    }
}
