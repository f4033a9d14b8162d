import FOIKit

/// Sign-off before release: a chain of approvers asked for on the draft response letter, each approving or
/// rejecting the exact draft they saw (its SHA-256, `Letter.digest`), and a coordinator's bypass. Each is a step,
/// decided by FOIKit; who may decide a stage (its approver) is checked here, against the user the store knows.
public struct SignOff: Sendable {
    public let storage: any CaseStorage

    public init(storage: any CaseStorage) {
        self.storage = storage
    }

    /// Asks the active users `chain` (e-mail addresses or names), in order, to sign off the draft response of the
    /// case `reference`; each has the `approval-days` setting's working days.
    public func request(
        _ reference: CaseReference, chain: [String], on date: CivilDate, by actor: Actor, today: CivilDate
    ) async throws -> RecordedStep {
        var approvers: [UserID] = []
        for name in chain {
            guard let user = try await storage.user(.named(name)), user.active, user.role != .system else {
                throw CaseworkError.noSuchUser(name)
            }
            approvers.append(user.id)
        }
        let days = try ApprovalRequest.workingDays(setting: try await storage.setting(.approvalDays))
        return try await Casework(storage: storage).record(
            on: date, for: reference, by: actor, today: today,
            notifying: try await Notifier(storage: storage, actor: actor).messages
        ) { _, _ in .approvalRequested(ApprovalRequest(chain: approvers, workingDays: days)) }
    }

    /// The approval (or, not `approving`, the rejection, with its reason as `note`) of the draft whose SHA-256 is
    /// `draft` by the approver the chain waits for, who must be the user `actor` is.
    public func decide(
        _ reference: CaseReference, approving: Bool, note: String?, draft: String, on date: CivilDate,
        by actor: Actor, today: CivilDate
    ) async throws -> RecordedStep {
        let user = try await storage.user(actor)
        let names = try await storage.users().names
        return try await Casework(storage: storage).record(
            on: date, for: reference, by: actor, today: today,
            notifying: try await Notifier(storage: storage, actor: actor).messages
        ) {
            file, _ in
            let stage = try Self.waitingStage(file, draft: draft, names: names)
            guard stage.approver == user?.id else {
                throw CaseworkError.awaitingSignOff(
                    stage: stage.number, approver: names.user(stage.approver),
                    since: stage.since)
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
        number: Int, approver: UserID, since: CivilDate
    ) {
        switch file.approvalStanding(draft: draft) {
        case nil: throw LifecycleError.approval(.noChain)
        case .complete?: throw CaseworkError.signedOff
        case .waiting(let stage, let approver, let since)?: return (stage, approver, since)
        case let standing?: throw CaseworkError.unsigned(standing, names: names) ?? CaseworkError.signedOff
        }
    }
}
