import FOIKit

/// The administration pages of foi-server: users and settings, for admins.
extension WebPages {
    /// What a page says above its forms: `notice`, what was just done; `message`, why it was refused.
    static func outcome(notice: String?, message: String?) -> String {
        (notice.map { "<p class=\"notice\" role=\"status\">\(escape($0))</p>\n" } ?? "")
            + (message.map { "<p class=\"error\" role=\"alert\">\(escape($0))</p>\n" } ?? "")
    }

    static func csrfField(_ formToken: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(formToken))\">"
    }

    /// The users: who they are, their role, whether active; a form to deactivate each active one, to set a password,
    /// and to add a user (`addForm`, `foi user add`'s, with `values` typed).
    public static func usersPage(
        _ users: [User], addForm: StepForm, values: [String: [String]] = [:], notice: String? = nil,
        message: String? = nil, user: User, formToken: String
    ) -> String {
        var body = "<h1>Users</h1>\n" + outcome(notice: notice, message: message)
        body +=
            "<table>\n<thead><tr>"
            + ["Name", "E-mail address", "Role", "Active", ""].map { "<th scope=\"col\">\($0)</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        let people = users.filter { $0.role != .system }
        for person in people {
            let deactivate =
                person.active && person.email != nil && person.id != user.id
                ? "<form method=\"post\" action=\"/admin/users/deactivate\">\(csrfField(formToken))"
                    + "<input type=\"hidden\" name=\"email\" value=\"\(escape(person.email ?? ""))\">"
                    + "<button type=\"submit\" aria-label=\"Deactivate \(escape(person.name))\">Deactivate</button>"
                    + "</form>"
                : ""
            body +=
                "<tr><th scope=\"row\">\(escape(person.name))</th>"
                + "<td>\(escape(person.email ?? person.login ?? ""))</td>"
                + "<td>\(escape(person.role.rawValue))</td><td>\(person.active ? "yes" : "no")</td>"
                + "<td>\(deactivate)</td></tr>\n"
        }
        body += "</tbody>\n</table>\n<h2>Set a password</h2>\n"
        let addresses = people.filter(\.active).compactMap(\.email)
        body += """
            <form method="post" action="/admin/users/password">\(csrfField(formToken))
            <label for="password-email">E-mail address</label>
            <select id="password-email" name="email">\
            \(addresses.map { "<option value=\"\(escape($0))\">\(escape($0))</option>" }.joined())</select>
            <label for="password-new">New password</label>
            <p class="hint" id="password-new-hint">12 characters at least; three random words are good. Their sessions \
            end.</p>
            <input type="password" id="password-new" name="password" autocomplete="new-password" \
            aria-describedby="password-new-hint" required>
            <div><button type="submit">Set the password</button></div>
            </form>
            <h2>Add a user</h2>

            """
        let password = """
            <label for="new-user-password">Password</label>
            <p class="hint" id="new-user-password-hint">Optional: the password they sign in with (12 characters at \
            least), or set one later.</p>
            <input type="password" id="new-user-password" name="password" autocomplete="new-password" \
            aria-describedby="new-user-password-hint">

            """
        body += formHTML(
            addForm, action: "/admin/users", hidden: csrfField(formToken), values: values, extra: password,
            button: "Add the user")
        return page(title: "Users", body: body, user: user, formToken: formToken)
    }

    /// The teams as a tree, with their members and roles; a form to add a team (`addForm`, `foi team add`'s) and one
    /// to put a user in a team, change their role there or take them out (`memberForm`, `foi team member`'s).
    public static func teamsPage(
        _ teams: [Team], names: Names, addForm: StepForm, memberForm: StepForm, values: [String: [String]] = [:],
        notice: String? = nil, message: String? = nil, user: User, formToken: String
    ) -> String {
        var body = "<h1>Teams</h1>\n" + outcome(notice: notice, message: message)
        if teams.isEmpty {
            body += "<p>No teams yet.</p>\n"
        } else {
            body +=
                "<table>\n<thead><tr>"
                + ["Team", "Under", "Members"].map { "<th scope=\"col\">\($0)</th>" }.joined()
                + "</tr></thead>\n<tbody>\n"
            for team in teams {
                let members = team.members.map { "\(names.user($0.user)) (\($0.role.rawValue))" }
                body +=
                    "<tr><th scope=\"row\">\(escape(team.name))</th>"
                    + "<td>\(escape(team.parent.map(names.team) ?? ""))</td>"
                    + "<td>\(escape(members.isEmpty ? "none" : members.joined(separator: ", ")))</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        body += "<h2>Add a team</h2>\n"
        body += formHTML(
            addForm, action: "/admin/teams", hidden: csrfField(formToken), values: values, button: "Add the team")
        body += "<h2>Put a user in a team</h2>\n"
        body += formHTML(
            memberForm, action: "/admin/teams/member", hidden: csrfField(formToken), values: values,
            button: "Change the membership")
        return page(title: "Teams", body: body, user: user, formToken: formToken)
    }

    /// The organisation's settings (`settings`, each with its value) and a form to change one of `editable`.
    public static func settingsPage(
        _ settings: [(key: Settings.Key, value: String)], editable: [Settings.Key], notice: String? = nil,
        message: String? = nil, user: User, formToken: String
    ) -> String {
        var body = "<h1>Settings</h1>\n" + outcome(notice: notice, message: message) + "<dl>\n"
        for (key, value) in settings {
            let shown = value.isEmpty ? "(not set)" : value
            body +=
                "<dt>\(escape(key.rawValue))</dt><dd>"
                + shown.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
                .joined(separator: "<br>") + "</dd>\n"
        }
        body += """
            </dl>
            <h2>Change a setting</h2>
            <form method="post" action="/admin/settings">\(csrfField(formToken))
            <label for="setting-key">Setting</label>
            <select id="setting-key" name="key">\
            \(editable.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined())</select>
            <label for="setting-value">New value</label>
            <p class="hint" id="setting-value-hint">Empty to go back to foi's default (or to unset a part of the \
            profile).</p>
            <textarea id="setting-value" name="value" rows="4" cols="60" aria-describedby="setting-value-hint">\
            </textarea>
            <div><button type="submit">Change the setting</button></div>
            </form>

            """
        return page(title: "Settings", body: body, user: user, formToken: formToken)
    }
}
