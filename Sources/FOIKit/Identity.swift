/// A user of foi, by the number the store gave it: the actor of every event of format 3, and the handler an
/// `assigned` event of format 3 names.
public struct UserID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// foi itself (a migration, a calendar change it made on its own).
    public static let system = UserID(rawValue: 1)
    /// Events brought in from a spreadsheet or another system: the facts are the sheet's.
    public static let importer = UserID(rawValue: 2)

    public var description: String { String(rawValue) }
}

/// Who handles a case: a user, or (in events written before format 3) a name as it was typed.
public enum Assignee: Hashable, Sendable, CustomStringConvertible {
    case user(UserID)
    /// A name typed before there were users (format 1 and 2), or one given now, which the store resolves to the
    /// user of that name when it keeps the event.
    case named(String)

    public var description: String {
        switch self {
        case .user(let id): "user \(id)"
        case .named(let name): name
        }
    }
}

/// Who does something, as a front end knows them before the store does: the store resolves each to a user in the
/// transaction that records what they did, making the user where there is none (the command line on a single-user
/// file), so that a refused command makes no user either.
public enum Actor: Hashable, Sendable {
    case user(UserID)
    /// The operating-system account running the command line (`os:` and the login name).
    case localAccount(String)
    /// A person named on the command line: the user of that e-mail address, or of that name.
    case named(String)

    public static let system = Actor.user(.system)
    public static let importer = Actor.user(.importer)
}

/// A user as the store keeps it.
public struct User: Hashable, Sendable {
    public var id: UserID
    public var name: String
    public var email: String?
    /// How the user is found without an e-mail address: `system`, `import`, `os:` and a login name.
    public var login: String?
    public var role: Role
    public var active: Bool

    public init(id: UserID, name: String, email: String?, login: String?, role: Role, active: Bool) {
        self.id = id
        self.name = name
        self.email = email
        self.login = login
        self.role = role
        self.active = active
    }

    /// What a user does in the office (the web edition gives each its pages).
    public enum Role: String, CaseIterable, Hashable, Sendable {
        case admin, coordinator, officer, contributor, approver, auditor
        /// foi itself and the importer.
        case system

        /// Whether the role records steps on cases: officers and coordinators, and admins; contributors, approvers
        /// and auditors read.
        public var recordsSteps: Bool { [.officer, .coordinator, .admin].contains(self) }

        /// Whether the role sees who asked (the requester, and the letters addressed to them): all but contributors,
        /// who search for information in other departments.
        public var seesRequesters: Bool { self != .contributor }

        /// Whether the role sees every case: all but contributors, who see the cases they have a task on.
        public var seesEveryCase: Bool { self != .contributor }

        /// Whether the role records any step: those who record steps, every one; contributors the answers to their
        /// tasks; approvers their decisions on a draft.
        public var recordsAnyStep: Bool { recordsSteps || self == .contributor || self == .approver }

        /// Whether the role manages the office: its users and settings.
        public var managesOffice: Bool { self == .admin }
    }
}

extension RecordedEvent {
    /// The event with a handler named by a name (`Assignee.named`) given as the user `resolve` finds for the name:
    /// what format 3 keeps.
    public func resolvingAssignee(_ resolve: (String) throws -> UserID) rethrows -> RecordedEvent {
        guard case .assigned(.named(let name)?) = event else { return self }
        return RecordedEvent(date: date, event: .assigned(to: .user(try resolve(name))))
    }
}

extension CaseStep {
    /// The step with the handler it names by a name given as the user `resolve` finds for it, in its event and in
    /// the case it leads to (whose handler it set).
    public func resolvingAssignee(_ resolve: (String) throws -> UserID) rethrows -> CaseStep {
        let resolved = try event.resolvingAssignee(resolve)
        guard resolved != event, case .assigned(let handler) = resolved.event else { return self }
        var file = state.file
        file.handler = handler
        file.history[file.history.count - 1] = resolved
        return CaseStep(
            event: resolved,
            state: CaseState(file: file, deadline: state.deadline, clocks: state.clocks, timeliness: state.timeliness),
            exemptionsChanged: exemptionsChanged, receiptChanged: receiptChanged)
    }
}

extension Names {
    /// The names of `users` and `teams` by their numbers.
    public init(users: [User], teams: [Team]) {
        self.init(
            users: users.names.users, teams: Dictionary(teams.map { ($0.id, $0.name) }) { first, _ in first })
    }
}

extension Array where Element == User {
    /// Each user's name by their number.
    public var names: Names {
        Names(users: Dictionary(map { ($0.id, $0.name) }) { first, _ in first })
    }
}
