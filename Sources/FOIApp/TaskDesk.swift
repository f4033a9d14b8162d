import FOIKit

/// Contributor tasks: a question put to someone in another department on the case's clock, and the listings of who
/// owes what. Giving one is a `Casework` step, decided by FOIKit; an answer or a refusal is a step like any other.
public struct TaskDesk: Sendable {
    public let storage: any CaseStorage

    public init(storage: any CaseStorage) {
        self.storage = storage
    }

    /// When a task is due: a count of working days in the case's calendar, or a date (the working days to it).
    public enum Due: Hashable, Sendable {
        case workingDays(Int)
        case date(CivilDate)
    }

    /// Who a task is given to, as people name them.
    public enum Contributor: Hashable, Sendable {
        /// An active user, by e-mail address or name.
        case user(String)
        /// A team, by name: any member of it, or of a team under it, answers.
        case team(String)
    }

    /// Puts `ask` to `contributor` on the case `reference`, given `date`, due as `due` says (default: the
    /// `task-days` setting).
    public func give(
        _ reference: CaseReference, to contributor: Contributor, ask: String, due: Due?, on date: CivilDate,
        by actor: Actor, today: CivilDate
    ) async throws -> RecordedStep {
        let party: Party
        switch contributor {
        case .user(let name):
            guard let user = try await storage.user(.named(name)), user.active, user.role != .system else {
                throw CaseworkError.noSuchUser(name)
            }
            party = .user(user.id)
        case .team(let name): party = .team(try await Allocating.team(named: name, storage).id)
        }
        let defaultDays = try TaskRequest.workingDays(setting: try await storage.setting(.taskDays))
        return try await Casework(storage: storage).record(
            on: date, for: reference, by: actor, today: today,
            notifying: try await Notifier(storage: storage, actor: actor).messages
        ) {
            file, rules in
            let workingDays =
                switch due {
                case .workingDays(let days): days
                case .date(let day): try file.taskWorkingDays(given: date, due: day, calendars: rules.calendars)
                case nil: defaultDays
                }
            return .taskGiven(
                TaskRequest(number: file.tasks.count + 1, contributor: party, ask: ask, workingDays: workingDays))
        }
    }

    /// The tasks `filter` selects; `mine`: only those of the user `actor` is (none where the store has no such user).
    public func list(_ filter: TaskFilter, mine actor: Actor?, today: CivilDate) async throws -> [TaskSummary] {
        var filter = filter
        if let actor {
            guard let user = try await storage.user(actor) else { return [] }
            filter.contributor = user.id
        }
        return try await storage.tasks(filter, today: today)
    }
}
