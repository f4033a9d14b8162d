import FOIKit

/// `foi user list`: the users events name, as a table, JSON or CSV.
public enum UserView {
    public static func render(_ users: [User], format: OutputFormat) throws -> TextOutput {
        var output = TextOutput()
        switch format {
        case .json:
            try output.json(users.map(UserJSON.init))
        case .csv:
            output.write(CSV.line(["id", "name", "email", "login", "role", "active"]))
            for user in users {
                output.write(
                    CSV.line([
                        user.id.description, user.name, user.email ?? "", user.login ?? "", user.role.rawValue,
                        user.active ? "true" : "false",
                    ]))
            }
        case .table:
            output.write(
                Table.render(
                    header: ["ID", "NAME", "EMAIL", "LOGIN", "ROLE", "ACTIVE"],
                    rows: users.map {
                        [
                            $0.id.description, $0.name, $0.email ?? "", $0.login ?? "", $0.role.rawValue,
                            $0.active ? "yes" : "no",
                        ]
                    }))
        }
        return output
    }

    private struct UserJSON: Encodable {
        var id: Int
        var name: String
        @NullWhenAbsent var email: String?
        @NullWhenAbsent var login: String?
        var role: String
        var active: Bool

        init(_ user: User) {
            id = user.id.rawValue
            name = user.name
            email = user.email
            login = user.login
            role = user.role.rawValue
            active = user.active
        }
    }
}
