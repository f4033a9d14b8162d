import FOIKit

/// `foi team list`: the office's teams and who is in each, as a table, JSON or CSV.
public enum TeamView {
    public static func render(_ teams: [Team], names: Names, format: OutputFormat) throws -> TextOutput {
        var output = TextOutput()
        let teamNames = Names(
            users: names.users, teams: Dictionary(uniqueKeysWithValues: teams.map { ($0.id, $0.name) }))
        func people(_ team: Team, _ role: Team.Role) -> String {
            team.members.filter { $0.role == role }.map { teamNames.user($0.user) }.joined(separator: ", ")
        }
        let rows = teams.map { team in
            [
                team.id.description, team.name, team.parent.map(teamNames.team) ?? "", people(team, .coordinator),
                people(team, .member),
            ]
        }
        switch format {
        case .json:
            try output.json(teams.map { TeamJSON($0, names: teamNames) })
        case .csv:
            output.write(CSV.line(["id", "name", "parent", "coordinators", "members"]))
            for row in rows { output.write(CSV.line(row)) }
        case .table:
            output.write(Table.render(header: ["ID", "NAME", "PARENT", "COORDINATORS", "MEMBERS"], rows: rows))
        }
        return output
    }

    private struct TeamJSON: Encodable {
        var id: Int
        var name: String
        @NullWhenAbsent var parent: String?
        var members: [MemberJSON]

        struct MemberJSON: Encodable {
            var user: Int
            var name: String
            var role: String
        }

        init(_ team: Team, names: Names) {
            id = team.id.rawValue
            name = team.name
            parent = team.parent.map(names.team)
            members = team.members.map {
                MemberJSON(user: $0.user.rawValue, name: names.user($0.user), role: $0.role.rawValue)
            }
        }
    }
}
