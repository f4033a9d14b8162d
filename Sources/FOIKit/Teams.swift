// Teams and allocation: a case is offered to a team or to an officer, who accepts it or gives it back with a reason.
// Who belongs to which team is the office's own record (like its users), not the case's; what happened to the case
// (offered, accepted, given back) is its history.

/// A team by the number the store gave it: allocation events keep the number, so renaming a team changes no chain.
public struct TeamID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public var description: String { String(rawValue) }
}

/// A team of the office (a directorate, a department, the FOI unit itself), in a tree.
public struct Team: Hashable, Sendable {
    public var id: TeamID
    public var name: String
    public var parent: TeamID?
    public var members: [Member]

    public init(id: TeamID, name: String, parent: TeamID?, members: [Member]) {
        self.id = id
        self.name = name
        self.parent = parent
        self.members = members
    }

    /// A user in a team, with what they do there.
    public struct Member: Hashable, Sendable {
        public var user: UserID
        public var role: Role

        public init(user: UserID, role: Role) {
            self.user = user
            self.role = role
        }
    }

    /// A coordinator allocates the team's cases and is the one a chaser escalates to; a member does the work.
    public enum Role: String, CaseIterable, Codable, Hashable, Sendable {
        case coordinator, member
    }

    /// The longest name a team can have: a heading on the board.
    public static let longestName = 80
}

/// Where the allocation of a case stands, as its events leave it.
public enum Allocation: Hashable, Sendable {
    /// Offered to the case's team or handler, who has not answered yet.
    case offered(on: CivilDate)
    case accepted(on: CivilDate, by: UserID)
    /// Given back, with the reason: the case is with no one until it is allocated again.
    case rejected(on: CivilDate, by: UserID, reason: String)

    /// The word the projection and the listings keep: `offered`, `accepted`, `rejected`.
    public var word: String {
        switch self {
        case .offered: "offered"
        case .accepted: "accepted"
        case .rejected: "rejected"
        }
    }
}

/// Why an allocation cannot be accepted or given back.
public enum AllocationProblem: Hashable, Sendable, CustomStringConvertible {
    /// Nothing is offered: the case was never allocated, or its allocation was answered on that day.
    case nothingOffered(Allocation?)
    case blankReason

    public var description: String {
        switch self {
        case .nothingOffered(nil): "the case has not been allocated to anyone: allocate it first"
        case .nothingOffered(.accepted(let on, _)?): "the allocation was accepted on \(on)"
        case .nothingOffered(.rejected(let on, _, _)?): "the allocation was given back on \(on): allocate it again"
        case .nothingOffered(.offered?): "the allocation is offered"
        case .blankReason: "giving a case back needs a reason"
        }
    }
}

extension Case {
    /// Offered to `team`: no one in it handles the case until someone accepts it.
    mutating func allocate(to team: TeamID, on date: CivilDate) {
        self.team = team
        handler = nil
        allocation = .offered(on: date)
    }

    /// Handled by `handler` from now on (nil: no one), who is offered it.
    mutating func assign(to handler: Assignee?, on date: CivilDate) {
        self.handler = handler
        allocation = handler == nil ? nil : .offered(on: date)
    }

    /// The offer answered by `user`: accepting makes them the handler where the offer was to a team.
    mutating func answerAllocation(by user: UserID, rejecting reason: String?, on date: CivilDate)
        throws(LifecycleError)
    {
        guard case .offered = allocation else { throw .allocation(.nothingOffered(allocation)) }
        guard let reason else {
            if handler == nil { handler = .user(user) }
            allocation = .accepted(on: date, by: user)
            return
        }
        guard !reason.allSatisfy(\.isWhitespace) else { throw .allocation(.blankReason) }
        handler = nil
        team = nil
        allocation = .rejected(on: date, by: user, reason: reason)
    }

    /// Open task `number` passed to `user`, who answers it from now on (in place of a user or a team).
    mutating func reassign(task number: Int, to user: UserID) throws(LifecycleError) {
        guard tasks.indices.contains(number - 1) else { throw .task(.unknown(number: number, count: tasks.count)) }
        if case .done(let closed, _) = tasks[number - 1].state { throw .task(.closed(number: number, on: closed)) }
        if case .declined(let closed, _) = tasks[number - 1].state { throw .task(.closed(number: number, on: closed)) }
        tasks[number - 1].request.contributor = .user(user)
    }
}

extension Array where Element == Team {
    /// The team `id` and every team under it.
    public func subtree(of id: TeamID) -> Set<TeamID> {
        var found: Set<TeamID> = [id]
        var grew = true
        while grew {
            grew = false
            for team in self where !found.contains(team.id) {
                if let parent = team.parent, found.contains(parent) {
                    found.insert(team.id)
                    grew = true
                }
            }
        }
        return found
    }

    /// Whether `user` is in the team `id` or a team under it (as `role` only, where given).
    public func has(_ user: UserID, in id: TeamID, as role: Team.Role? = nil) -> Bool {
        let teams = subtree(of: id)
        return contains { team in
            teams.contains(team.id) && team.members.contains { $0.user == user && (role == nil || $0.role == role) }
        }
    }

    /// The users a message to `party` goes to: the user, or each member of the team (not of the teams under it, whose
    /// own members answer to them).
    public func recipients(_ party: Party) -> [UserID] {
        switch party {
        case .user(let id): [id]
        case .team(let id): (first { $0.id == id }?.members ?? []).map(\.user)
        }
    }

    /// The team named `name`, matched without regard to case; refused, naming the teams there are, where there is
    /// none.
    public func team(named name: String) throws(StoreError) -> Team {
        guard let team = first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw .noTeam(name, known: map(\.name))
        }
        return team
    }
}

/// Who a stage of sign-off waits on (or a late response waited on): one user, or a team, any member of which (or of
/// a team under it) may act for it.
public enum Party: Hashable, Sendable {
    case user(UserID)
    case team(TeamID)

    /// As the event log stores it: a user by number, a team as `{"team": number}`.
    var jsonValue: JSONValue {
        switch self {
        case .user(let id): .integer(id.rawValue)
        case .team(let id): .object(["team": .integer(id.rawValue)])
        }
    }

    /// The user's number or the team's, the other nil: as tables and JSON keep a party in two columns.
    public var numbers: (user: Int?, team: Int?) {
        switch self {
        case .user(let id): (id.rawValue, nil)
        case .team(let id): (nil, id.rawValue)
        }
    }

    /// Whether `user` may act for it, by the office's `teams`.
    public func includes(_ user: UserID, teams: [Team]) -> Bool {
        switch self {
        case .user(let id): id == user
        case .team(let team): teams.has(user, in: team)
        }
    }
}

extension Names {
    /// For people: the user's name, or `the team Legal`.
    public func party(_ party: Party) -> String {
        switch party {
        case .user(let id): user(id)
        case .team(let id): "the team \(team(id))"
        }
    }
}
