import FOIKit
import GRDB

extension CaseStore {
    /// The tasks `filter` selects from the projection (`case_tasks`, migrations 0020 and 0026), the earliest date
    /// first and those without one last: each with its case's reference and subject, never its requester. A
    /// contributor's are those given to them and those given to a team they are in or a team above it.
    public func tasks(_ filter: TaskFilter, today: CivilDate) async throws -> [TaskSummary] {
        var conditions = ["t.state IN (\(placeholders(filter.standings.count)))"]
        var arguments = StatementArguments(filter.standings.map(\.rawValue).sorted())
        if let contributor = filter.contributor {
            conditions.append("(t.user_id = ? OR t.team_id IN (\(Teams.includingMember)))")
            arguments += [contributor.rawValue, contributor.rawValue]
        }
        if let team = filter.team {
            conditions.append(
                "(t.user_id IN (SELECT user_id FROM team_members WHERE team_id IN (\(Teams.subtree))) "
                    + "OR t.team_id IN (\(Teams.subtree)))")
            arguments += [team.rawValue, team.rawValue]
        }
        if let reference = filter.reference {
            conditions.append("c.ref = ?")
            arguments += [reference.rawValue]
        }
        if filter.overdue {
            conditions.append("t.due_on < ?")
            arguments += [today]
        }
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.ref, c.subject, t.task, t.user_id, coalesce(u.name, 'the team ' || g.name), t.state,
                           t.given_on, t.due_on, t.closed_on, t.hours, t.activity, t.case_id, c.regime, t.team_id
                    FROM case_tasks t JOIN cases c ON c.id = t.case_id
                    LEFT JOIN users u ON u.id = t.user_id LEFT JOIN teams g ON g.id = t.team_id
                    WHERE \(conditions.joined(separator: " AND "))
                    ORDER BY t.due_on IS NULL, t.due_on, c.ref, t.task
                    """, arguments: arguments
            ).map { row in
                guard let standing = TaskStanding(rawValue: row[5]), let given: CivilDate = row[6],
                    let regime = Regime(rawValue: row[12]), let name: String = row[4]
                else {
                    throw StoreError.unreadableCase(id: row[11])
                }
                return TaskSummary(
                    reference: CaseReference(rawValue: row[0]), subject: row[1], regime: regime, number: row[2],
                    contributor: (row[13] as Int?).map { .team(TeamID(rawValue: $0)) }
                        ?? .user(UserID(rawValue: row[3])),
                    contributorName: name, standing: standing, given: given,
                    due: row[7], closed: row[8], hours: row[9],
                    activity: (row[10] as String?).flatMap(CostActivity.init))
            }
        }
    }

    /// The user `actor` names, if there is one: nothing is made.
    public func user(_ actor: Actor) async throws -> User? {
        try await read { db in
            let id: UserID?
            switch actor {
            case .user(let user): id = user
            case .localAccount(let login):
                id = try Int.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: ["os:" + login])
                    .map(UserID.init(rawValue:))
            case .named(let text): id = try Users.matching(text, db)
            }
            return try id.flatMap { id in try Users.all(db).first { $0.id == id } }
        }
    }
}
