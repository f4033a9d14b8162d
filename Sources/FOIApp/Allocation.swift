import FOIKit

/// Allocation: a coordinator offers a case to a team or to an officer, who accepts it or gives it back with a
/// reason; and when someone leaves, every open case and task of theirs passes to another in one transaction. Each
/// is a step decided by FOIKit; who may answer an offer is checked here, against the teams the store keeps.
public struct Allocating: Sendable {
    public let storage: any CaseStorage

    public init(storage: any CaseStorage) {
        self.storage = storage
    }

    /// Makes the user of `name` (an e-mail address or a name; made where there is none) the handler of the case
    /// `reference`, who is offered it, or with nil leaves it with no one; refused where that is how it stands
    /// already.
    public func assign(
        _ reference: CaseReference, to name: String?, on date: CivilDate, by actor: Actor, today: CivilDate
    ) async throws -> RecordedStep {
        let current = try await storage.loadDetail(reference).detail.summary.handler
        guard current != name else { throw CaseworkError.unchanged(reference, handler: name) }
        return try await Casework(storage: storage).record(
            on: date, for: reference, by: actor, today: today,
            notifying: try await Notifier(storage: storage, actor: actor).messages
        ) { _, _ in .assigned(to: name.map(Assignee.named)) }
    }

    /// Offers the case `reference` to the team named `name`.
    public func allocate(
        _ reference: CaseReference, toTeam name: String, on date: CivilDate, by actor: Actor, today: CivilDate
    ) async throws -> RecordedStep {
        let team = try await Self.team(named: name, storage)
        return try await Casework(storage: storage).record(
            on: date, for: reference, by: actor, today: today,
            notifying: try await Notifier(storage: storage, actor: actor).messages
        ) {
            file, _ in
            if file.team == team.id, file.handler == nil, file.allocation != nil {
                throw CaseworkError.unchanged(reference, handler: team.name)
            }
            return .allocated(team: team.id)
        }
    }

    /// The offer of the case `reference` accepted (or, with `reason`, given back) by the user `actor` is: the
    /// officer it was offered to, or, offered to a team, a member of it or of a team under it.
    public func answer(
        _ reference: CaseReference, rejecting reason: String?, on date: CivilDate, by actor: Actor, today: CivilDate
    ) async throws -> RecordedStep {
        let user = try await storage.user(actor)
        let teams = try await storage.teams()
        let names = try await storage.users().names
        // An answer to an offer sends nothing: the one who made the offer sees it on the case.
        return try await Casework(storage: storage).record(on: date, for: reference, by: actor, today: today) {
            file, _ in
            // Where nothing is offered, FOIKit says so.
            if case .offered = file.allocation {
                let offeredTo: String? =
                    switch file.handler {
                    case .user(let id)?: id == user?.id ? nil : names.user(id)
                    case .named(let name)?: name == user?.name || name == user?.email ? nil : name
                    case nil:
                        file.team.flatMap { team in
                            user.map { teams.has($0.id, in: team) } == true
                                ? nil : teams.first { $0.id == team }?.name ?? "team \(team)"
                        }
                    }
                if let offeredTo { throw CaseworkError.offeredToAnother(offeredTo) }
            }
            let id = user?.id ?? .system
            return reason.map { .allocationRejected(by: id, reason: $0) } ?? .allocationAccepted(by: id)
        }
    }

    /// Every unfinished case the user `from` handles and every open task they hold, passed to the active user `to`
    /// (e-mail addresses or names), in one transaction: all or none. Returns the steps recorded.
    public func reassign(from: String, to: String, on date: CivilDate, by actor: Actor, today: CivilDate)
        async throws -> [RecordedStep]
    {
        guard let leaving = try await storage.user(.named(from)) else { throw CaseworkError.noSuchUser(from) }
        guard let taking = try await storage.user(.named(to)), taking.active, taking.role != .system else {
            throw CaseworkError.noSuchUser(to)
        }
        guard taking.id != leaving.id else { throw CaseworkError.reassignedToThemselves(leaving.name) }
        var filter = CaseFilter()
        filter.handler = .officer(leaving.email ?? leaving.name)
        var references = try await storage.list(filter, today: today).map(\.ref)
        let tasks = try await storage.tasks(TaskFilter(contributor: leaving.id), today: today)
        // A team's tasks stay with the team.
        for task in tasks where task.contributor == .user(leaving.id) && !references.contains(task.reference) {
            references.append(task.reference)
        }
        let notifier = try await Notifier(storage: storage, actor: actor)
        return try await decidingAgain {
            var steps: [CaseStep] = []
            for reference in references {
                let loaded = try await storage.load(reference)
                var file = loaded.file
                var events: [CaseEvent] = []
                if file.handler == .user(leaving.id), file.closedOn == nil {
                    events.append(.assigned(to: .user(taking.id)))
                }
                for task in file.tasks where task.isOpen && task.request.contributor == .user(leaving.id) {
                    events.append(.taskReassigned(number: task.number, to: taking.id))
                }
                for event in events {
                    let step = try file.step(RecordedEvent(date: date, event: event), rules: loaded.rules, today: today)
                    steps.append(step)
                    file = step.state.file
                }
            }
            return try await storage.append(steps, sending: steps.flatMap(notifier.messages), actor: actor)
        }
    }

    /// The team named `name`; refused, naming the teams there are, where there is none.
    public static func team(named name: String, _ storage: any CaseStorage) async throws -> Team {
        try await storage.teams().team(named: name)
    }
}
