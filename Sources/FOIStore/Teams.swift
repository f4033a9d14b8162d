import FOIKit
import GRDB

/// The office's teams (`teams`, `team_members`, migration 0022).
enum Teams {
    static func all(_ db: Database) throws -> [Team] {
        var members: [Int: [Team.Member]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT team_id, user_id, role FROM team_members ORDER BY team_id, user_id")
        {
            guard let role = Team.Role(rawValue: row[2]) else { throw StoreError.unreadableCase(id: row[0]) }
            members[row[0], default: []].append(Team.Member(user: UserID(rawValue: row[1]), role: role))
        }
        return try Row.fetchAll(db, sql: "SELECT id, name, parent_id FROM teams ORDER BY id").map { row in
            Team(
                id: TeamID(rawValue: row[0]), name: row[1], parent: (row[2] as Int?).map(TeamID.init(rawValue:)),
                members: members[row[0]] ?? [])
        }
    }

    /// The team named `name` (without regard to case); refused, naming the teams there are, where there is none.
    static func named(_ name: String, _ db: Database) throws -> Team {
        try all(db).team(named: name)
    }

    /// The SQL of the ids of the team `id` and every team under it.
    static let subtree = """
        WITH RECURSIVE subtree(id) AS (
            SELECT ?
            UNION SELECT t.id FROM teams t JOIN subtree s ON t.parent_id = s.id
        ) SELECT id FROM subtree
        """

    /// The SQL of the ids of the teams whose members include the user `?`: those they are in and every team above.
    static let includingMember = """
        WITH RECURSIVE above(id) AS (
            SELECT team_id FROM team_members WHERE user_id = ?
            UNION SELECT t.parent_id FROM teams t JOIN above a ON t.id = a.id WHERE t.parent_id IS NOT NULL
        ) SELECT id FROM above
        """
}

extension CaseStore {
    public func teams() async throws -> [Team] {
        try await read(Teams.all)
    }

    public func addTeam(named name: String, parent: String?) async throws -> Team {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM teams WHERE name = ?", arguments: [name]) == true {
                throw StoreError.teamExists(name)
            }
            let parentID = try parent.map { try Teams.named($0, db).id }
            try db.execute(
                sql: "INSERT INTO teams (name, parent_id) VALUES (?, ?)", arguments: [name, parentID?.rawValue])
            return Team(id: TeamID(rawValue: Int(db.lastInsertedRowID)), name: name, parent: parentID, members: [])
        }
    }

    public func setMembership(of email: String, in team: String, as role: Team.Role?) async throws -> Team {
        try await write { db in
            let teamID = try Teams.named(team, db).id
            guard let user = try Users.matching(email, db) else { throw StoreError.noUser(email) }
            if let role {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO team_members (team_id, user_id, role) VALUES (?, ?, ?)",
                    arguments: [teamID.rawValue, user.rawValue, role.rawValue])
            } else {
                try db.execute(
                    sql: "DELETE FROM team_members WHERE team_id = ? AND user_id = ?",
                    arguments: [teamID.rawValue, user.rawValue])
            }
            return try Teams.named(team, db)
        }
    }
}
