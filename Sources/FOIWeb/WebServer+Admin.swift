import FOIApp
import FOICommandLine
import FOIIntake
import FOIKit
import FOIViews
import Hummingbird

/// The administration pages: users and settings, for admins only; each change runs the command line's own command
/// (`foi user add`, `foi user deactivate`, `foi settings`) or use case (a password), as the signed-in admin.
extension WebServer {
    /// Settings that name a file on the server: set there, with `foi settings`, never from a browser.
    static let serverPaths: Set<Settings.Key> = [.templatesDirectory, .letterheadDocx]

    func addAdminRoutes(to router: Router<BasicRequestContext>) {
        router.get("admin/users") { request, _ in
            try await asAdmin(request) { user, formToken in try await usersPage(user, formToken) }
        }
        router.post("admin/users") { request, context in
            let form = try await Self.form(request, context)
            return try await asAdmin(request, form: form) { user, formToken in
                let addForm = StepCommands.form(of: .addUser)
                let password = form["password"] ?? ""
                do {
                    let said = try await StepCommands.administer(
                        .addUser, values: form.values(of: addForm), storage: storage, actor: .user(user.id),
                        today: today())
                    var notice = said.joined(separator: " ")
                    if !password.isEmpty, let email = form["email"] {
                        _ = try await accounts.setPassword(password, forUser: email, at: now())
                        notice += " They can sign in with the password given."
                    }
                    return try await usersPage(user, formToken, notice: notice)
                } catch {
                    return try await usersPage(
                        user, formToken, values: form.byName, message: try Self.adminRefusal(error),
                        status: .unprocessableContent)
                }
            }
        }
        router.post("admin/users/deactivate") { request, context in
            let form = try await Self.form(request, context)
            return try await asAdmin(request, form: form) { user, formToken in
                do {
                    let said = try await StepCommands.administer(
                        .deactivateUser, values: form.values(of: StepCommands.form(of: .deactivateUser)),
                        storage: storage, actor: .user(user.id), today: today())
                    return try await usersPage(
                        user, formToken, notice: said.joined(separator: " ") + " Their sessions have ended.")
                } catch {
                    return try await usersPage(
                        user, formToken, message: try Self.adminRefusal(error), status: .unprocessableContent)
                }
            }
        }
        router.post("admin/users/password") { request, context in
            let form = try await Self.form(request, context)
            return try await asAdmin(request, form: form) { user, formToken in
                do {
                    let changed = try await accounts.setPassword(
                        form["password"] ?? "", forUser: form["email"] ?? "", at: now())
                    return try await usersPage(
                        user, formToken, notice: "Set the password of \(changed.name); their sessions have ended.")
                } catch {
                    return try await usersPage(
                        user, formToken, message: try Self.adminRefusal(error), status: .unprocessableContent)
                }
            }
        }
        router.get("admin/teams") { request, _ in
            try await asAdmin(request) { user, formToken in try await teamsPage(user, formToken) }
        }
        let teamChanges: [(String, StepCommands.Administration)] = [
            ("admin/teams", .addTeam), ("admin/teams/member", .setMembership),
        ]
        for (path, administration) in teamChanges {
            router.post(RouterPath(path)) { request, context in
                let form = try await Self.form(request, context)
                return try await asAdmin(request, form: form) { user, formToken in
                    do {
                        let said = try await StepCommands.administer(
                            administration, values: form.values(of: StepCommands.form(of: administration)),
                            storage: storage, actor: .user(user.id), today: today())
                        return try await teamsPage(user, formToken, notice: said.joined(separator: " "))
                    } catch {
                        return try await teamsPage(
                            user, formToken, values: form.byName, message: try Self.adminRefusal(error),
                            status: .unprocessableContent)
                    }
                }
            }
        }
        router.get("admin/settings") { request, _ in
            try await asAdmin(request) { user, formToken in try await settingsPage(user, formToken) }
        }
        router.post("admin/settings") { request, context in
            let form = try await Self.form(request, context)
            return try await asAdmin(request, form: form) { user, formToken in
                let key = form["key"] ?? ""
                if let setting = Settings.Key(rawValue: key), Self.serverPaths.contains(setting) {
                    return try await settingsPage(
                        user, formToken,
                        message: "\(key) names a file on the server: it is set there, where the file is.",
                        status: .unprocessableContent)
                }
                do {
                    // The value is always given: empty goes back to the default.
                    _ = try await StepCommands.administer(
                        .changeSetting, values: [("key", key), ("value", form["value"] ?? "")], storage: storage,
                        actor: .user(user.id), today: today(), emptyAllowed: true)
                    return try await settingsPage(user, formToken, notice: "Changed \(key).")
                } catch {
                    return try await settingsPage(
                        user, formToken, message: try Self.adminRefusal(error), status: .unprocessableContent)
                }
            }
        }
    }

    /// Answers `request` with `body` for a signed-in admin (and its form token), once `form`, if posted, carries
    /// the token: else to sign in, or refused (403) and nothing written.
    func asAdmin(
        _ request: Request, form: FormFields? = nil, _ body: (User, String) async throws -> Response
    ) async throws -> Response {
        try await asSignedIn(
            request, form: form, allowed: \.role.managesOffice, refusal: "Only admins manage the office."
        ) { try await body($0, $1) }
    }

    func usersPage(
        _ user: User, _ formToken: String, values: [String: [String]] = [:], notice: String? = nil,
        message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        Self.html(
            WebPages.usersPage(
                try await storage.users(), addForm: StepCommands.form(of: .addUser), values: values, notice: notice,
                message: message, user: user, formToken: formToken), status: status)
    }

    func teamsPage(
        _ user: User, _ formToken: String, values: [String: [String]] = [:], notice: String? = nil,
        message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let teams = try await storage.teams()
        return Self.html(
            WebPages.teamsPage(
                teams, names: Names(users: try await storage.users(), teams: teams),
                addForm: StepCommands.form(of: .addTeam), memberForm: StepCommands.form(of: .setMembership),
                values: values, notice: notice, message: message, user: user, formToken: formToken), status: status)
    }

    func settingsPage(
        _ user: User, _ formToken: String, notice: String? = nil, message: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var settings: [(key: Settings.Key, value: String)] = []
        for key in Settings.Key.allCases {
            settings.append((key, try await storage.setting(key)))
        }
        return Self.html(
            WebPages.settingsPage(
                settings, editable: Settings.Key.allCases.filter { !Self.serverPaths.contains($0) }, notice: notice,
                message: message, user: user, formToken: formToken), status: status)
    }

    /// Why an administrative change was refused, as a sentence; an error of another kind is thrown on.
    static func adminRefusal(_ error: any Error) throws -> String {
        switch error {
        case let refusal as StepCommands.Refusal: sentence(refusal.message)
        case let error as StoreError: sentence(error.description)
        case let error as SettingError: sentence(error.description)
        case let error as ReferencePatternError: sentence(error.description)
        case let error as InputError: sentence(error.description)
        case Accounts.Refusal.passwordTooShort:
            "The password is shorter than \(Accounts.shortestPassword) characters; three random words are good."
        case Accounts.Refusal.passwordTooLong:
            "The password is longer than \(Accounts.longestPassword) bytes, all that bcrypt reads."
        default: throw error
        }
    }
}

/// Importing a tracker: `foi import`, its deadline audit shown before anything is written; for those who record
/// steps.
extension WebServer {
    func addImportRoutes(to router: Router<BasicRequestContext>) {
        router.get("import") { request, _ in
            try await asStepRecorder(request) { user, formToken in
                Self.html(
                    WebPages.importPage(StepCommands.form(of: .importTracker), user: user, formToken: formToken))
            }
        }
        router.post("import") { request, context in
            let form = try await Self.form(request, context)
            return try await asStepRecorder(request, form: form) { user, formToken in
                let importForm = StepCommands.form(of: .importTracker)
                let checking = form["dry-run"].flatMap(StepForm.yesOrNo) != false
                // A file chosen is the tracker, whatever was pasted.
                let chosen = form.uploads.filter { $0.field == WebPages.trackerField }
                let values = form.values(of: importForm).filter {
                    chosen.isEmpty || $0.name != WebPages.trackerField
                }
                do {
                    let report = try await StepCommands.administer(
                        .importTracker, values: values, uploads: chosen, storage: storage, actor: .user(user.id),
                        today: today())
                    return Self.html(
                        WebPages.importPage(
                            importForm, values: form.byName, report: report, imported: !checking, user: user,
                            formToken: formToken))
                } catch {
                    return Self.html(
                        WebPages.importPage(
                            importForm, values: form.byName, message: try Self.adminRefusal(error), user: user,
                            formToken: formToken), status: .unprocessableContent)
                }
            }
        }
    }
}
