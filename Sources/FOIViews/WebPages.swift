import FOIKit
import Foundation

/// The pages of foi-server: plain, accessible HTML (a skip link, landmarks, headings in order, labelled inputs),
/// with no script and no inline style, so that the strict Content-Security-Policy holds; every text escaped.
public enum WebPages {
    /// The style sheet every page links to (served at `/static/foi.css`): high contrast, a visible focus.
    public static let styleSheet = """
        body { font-family: Arial, Helvetica, sans-serif; font-size: 1.1875rem; line-height: 1.4; color: #0b0c0c;
          margin: 0; }
        .skip { position: absolute; left: -999em; }
        .skip:focus { left: 1em; top: 1em; background: #fd0; color: #0b0c0c; padding: 0.5em; }
        header { background: #0b0c0c; color: #fff; padding: 0.75em 1.5em; display: flex; gap: 1em; align-items: center;
          justify-content: space-between; }
        header form { margin: 0; }
        main { max-width: 72em; margin: 0 auto; padding: 1em 1.5em 3em; }
        h1 { font-size: 2rem; } h2 { font-size: 1.5rem; margin-top: 1.5em; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 0.4em 0.8em 0.4em 0; border-bottom: 1px solid #b1b4b6;
          vertical-align: top; }
        label { display: block; font-weight: bold; margin-top: 1em; }
        input[type=email], input[type=password], input[type=text], textarea { font-size: 1.1875rem; padding: 0.3em;
          width: 20em; max-width: 100%; border: 2px solid #0b0c0c; font-family: inherit; }
        textarea { width: 40em; }
        button { font-size: 1.1875rem; margin-top: 1em; padding: 0.4em 1em; background: #00703c; color: #fff;
          border: 0; box-shadow: 0 2px 0 #002d18; cursor: pointer; }
        header button { background: #fff; color: #0b0c0c; margin: 0; }
        header nav a { color: #fff; margin-right: 1em; font-weight: bold; }
        a:focus, button:focus, input:focus, textarea:focus { outline: 3px solid #fd0; outline-offset: 0;
          box-shadow: 0 0 0 5px #0b0c0c; }
        dt { font-weight: bold; } dd { margin: 0 0 0.6em 0; }
        .error { border-left: 5px solid #d4351c; padding-left: 1em; color: #d4351c; font-weight: bold; }
        .overdue { color: #d4351c; font-weight: bold; }
        .hint { color: #505a5f; margin: 0.2em 0 0.3em; }
        .letter { border: 1px solid #b1b4b6; padding: 1em 2em; max-width: 45em; }
        .notice { border-left: 5px solid #00703c; padding-left: 1em; font-weight: bold; }
        td form { margin: 0; } td button { margin: 0; font-size: 1rem; padding: 0.2em 0.6em; }
        select { font-size: 1.1875rem; padding: 0.3em; border: 2px solid #0b0c0c; }
        select:focus { outline: 3px solid #fd0; outline-offset: 0; box-shadow: 0 0 0 5px #0b0c0c; }
        details { margin-top: 1em; } summary { cursor: pointer; color: #1d70b8; text-decoration: underline; }
        summary:focus { outline: 3px solid #fd0; box-shadow: 0 0 0 5px #0b0c0c; }
        .check { margin-top: 1em; } .check label { display: inline; margin-left: 0.4em; }
        input[type=checkbox] { width: 1.4em; height: 1.4em; vertical-align: middle; }
        input[type=checkbox]:focus { outline: 3px solid #fd0; box-shadow: 0 0 0 5px #0b0c0c; }
        """

    /// The links of a signed-in page's header.
    static func navigation(for user: User) -> String {
        let newRequest =
            user.role.recordsSteps ? " <a href=\"/cases/new\">New request</a> <a href=\"/import\">Import</a>" : ""
        let figures = user.role.seesRequesters ? " <a href=\"/figures\">Figures</a>" : ""
        let admin =
            user.role == .admin
            ? " <a href=\"/admin/users\">Users</a> <a href=\"/admin/teams\">Teams</a>"
                + " <a href=\"/admin/settings\">Settings</a>" : ""
        return
            "<nav aria-label=\"Main\"><a href=\"/\">Board</a> <a href=\"/cases\">Cases</a>"
            + "\(newRequest)\(figures)\(admin)</nav>"
    }

    /// The page around `body`: the header names the user and offers to sign out (a form carrying `formToken`).
    /// `live`: where the page asks whether a step was recorded since it was drawn, and the last event it was drawn
    /// with (`liveScript`).
    public static func page(
        title: String, body: String, user: User? = nil, formToken: String? = nil,
        live: (events: String, version: Int64)? = nil
    ) -> String {
        let liveAttributes = live.map { " data-live=\"\(escape($0.events))\" data-version=\"\($0.version)\"" } ?? ""
        let script = live == nil ? "" : "<script src=\"/static/live.js\" defer></script>\n"
        let signOut =
            user.map { user in
                """
                <p>Signed in as \(escape(user.name))</p>
                <form method="post" action="/signout">\
                <input type="hidden" name="csrf" value="\(escape(formToken ?? ""))">\
                <button type="submit">Sign out</button></form>
                """
            } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) – foi</title>
            <link rel="stylesheet" href="/static/foi.css">
            \(script)</head>
            <body>
            <a class="skip" href="#main">Skip to main content</a>
            <header><strong>foi</strong>\(user.map(navigation) ?? "")\(signOut)</header>
            <main id="main"\(liveAttributes)>
            \(body)</main>
            </body>
            </html>

            """
    }

    /// The sign-in form, with `message` (why the last attempt was refused) above it.
    public static func signIn(message: String? = nil, email: String = "") -> String {
        let error = message.map { "<p class=\"error\" role=\"alert\">\(escape($0))</p>\n" } ?? ""
        return page(
            title: "Sign in",
            body: """
                <h1>Sign in</h1>
                \(error)<form method="post" action="/signin">
                <label for="email">E-mail address</label>
                <input type="email" id="email" name="email" autocomplete="username" required value="\(escape(email))">
                <label for="password">Password</label>
                <input type="password" id="password" name="password" autocomplete="current-password" required>
                <div><button type="submit">Sign in</button></div>
                </form>

                """)
    }

    /// The board: the same three sections, counts and rows as `foi board`.
    public static func board(boardBody: String, version: Int64, user: User, formToken: String) -> String {
        page(title: "Board", body: boardBody, user: user, formToken: formToken, live: ("/events", version))
    }

    /// The board's sections, the same for every user who sees the board: drawn once for all of them.
    public static func boardBody(_ board: Board, horizon: Int) -> String {
        let sections: [(String, BoardSection)] = [
            ("Overdue", board.overdue), ("Due in the next \(horizon) working days", board.dueSoon),
            ("Waiting on the requester", board.awaiting),
        ]
        var body = "<h1>Board for \(escape(board.today.fullDescription))</h1>\n"
        for (title, section) in sections {
            body += "<h2>\(escape(title)) (\(section.count))</h2>\n"
            guard !section.rows.isEmpty else {
                body += "<p>None.</p>\n"
                continue
            }
            body +=
                "<table>\n<thead><tr>"
                + ["Reference", "Regime", "Clock", "Date", "Left", "Stage", "Subject"].map {
                    "<th scope=\"col\">\($0)</th>"
                }
                .joined() + "</tr></thead>\n<tbody>\n"
            for row in section.rows {
                let summary = row.summary
                let left = CaseView.left(row.workingDaysLeft)
                let cells = [
                    "<th scope=\"row\"><a href=\"\(escape(casePath(summary.ref)))\">"
                        + "\(escape(summary.ref.rawValue))</a></th>",
                    "<td>\(escape(summary.regime.shortName))</td>",
                    "<td>\(escape(row.clock.title))</td>",
                    "<td>\(escape(row.due.longDescription + (row.provisional ? " (provisional)" : "")))</td>",
                    row.workingDaysLeft < 0
                        ? "<td class=\"overdue\">\(escape(left))</td>" : "<td>\(escape(left))</td>",
                    "<td>\(escape(summary.stage.rawValue))</td>", "<td>\(escape(summary.subject))</td>",
                ]
                body += "<tr>" + cells.joined() + "</tr>\n"
            }
            body += "</tbody>\n</table>\n"
            if section.count > section.rows.count {
                body += "<p>… and \(section.count - section.rows.count) more.</p>\n"
            }
        }
        let (count, rows) = board.tasksAndSignOff
        guard count > 0 else { return body }
        body += "<h2>\(escape(BoardView.tasksAndSignOffTitle(horizon: horizon))) (\(count))</h2>\n"
        body +=
            "<table>\n<thead><tr>"
            + ["Reference", "Waiting for", "On", "Date", "Left", "Subject"].map { "<th scope=\"col\">\($0)</th>" }
            .joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            let left = CaseView.left(row.workingDaysLeft)
            let cells = [
                "<th scope=\"row\"><a href=\"\(escape(casePath(row.reference)))\">"
                    + "\(escape(row.reference.rawValue))</a></th>",
                "<td>\(escape(DelayView.phrase(row.kind)))</td>", "<td>\(escape(row.onName))</td>",
                "<td>\(escape(row.due.longDescription))</td>",
                row.workingDaysLeft < 0 ? "<td class=\"overdue\">\(escape(left))</td>" : "<td>\(escape(left))</td>",
                "<td>\(escape(row.subject))</td>",
            ]
            body += "<tr>" + cells.joined() + "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        if count > rows.count { body += "<p>… and \(count - rows.count) more.</p>\n" }
        return body
    }

    /// The cases page: the filters of `foi list` (`filters`, with what was given, `values`) as a form that asks
    /// again by GET, then the cases they select, at most `shown` of them (`more`: whether there were more).
    public static func casesPage(
        _ cases: [CaseSummary], more: Bool, filters: StepForm, values: [String: [String]], message: String?,
        calendars: Calendars, today: CivilDate, user: User, formToken: String
    ) throws -> String {
        var body = "<h1>Cases</h1>\n"
        if let message { body += "<p class=\"error\" role=\"alert\">\(escape(message))</p>\n" }
        body += "<form method=\"get\" action=\"/cases\">\n<h2>Filters</h2>\n"
        // The search box first, then what an officer asks most; the rest folded away until used.
        let first = ["matching", "overdue", "status", "officer"]
        let rest = filters.fields.filter { !first.contains($0.name) && $0.name != "limit" }
        for name in first {
            guard let field = filters.fields.first(where: { $0.name == name }) else { continue }
            body += fieldHTML(field, values: values[field.name] ?? [])
        }
        let open = rest.contains { !(values[$0.name] ?? []).allSatisfy(\.isEmpty) } ? " open" : ""
        body += "<details\(open)><summary>More filters</summary>\n"
        body += rest.map { fieldHTML($0, values: values[$0.name] ?? []) }.joined() + "</details>\n"
        body += "<div><button type=\"submit\">Show the cases</button></div>\n</form>\n"
        body += "<h2>\(cases.count)\(more ? " or more" : "") case\(cases.count == 1 && !more ? "" : "s")</h2>\n"
        guard !cases.isEmpty else {
            return page(title: "Cases", body: body + "<p>None.</p>\n", user: user, formToken: formToken)
        }
        body +=
            "<table>\n<thead><tr>"
            + ["Reference", "Regime", "Status", "Received", "Due by", "Left", "Handler", "Subject"].map {
                "<th scope=\"col\">\($0)</th>"
            }.joined() + "</tr></thead>\n<tbody>\n"
        for summary in cases {
            let left = try calendars.workingDaysLeft(summary, today: today)
            let due = summary.due.map { $0.longDescription + (summary.provisional ? " (provisional)" : "") } ?? "–"
            let cells = [
                "<th scope=\"row\"><a href=\"\(escape(casePath(summary.ref)))\">"
                    + "\(escape(summary.ref.rawValue))</a></th>",
                "<td>\(escape(summary.regime.shortName))</td>", "<td>\(escape(summary.status.phrase))</td>",
                "<td>\(escape(summary.received.longDescription))</td>", "<td>\(escape(due))</td>",
                (left ?? 0) < 0
                    ? "<td class=\"overdue\">\(escape(left.map(CaseView.left) ?? ""))</td>"
                    : "<td>\(escape(left.map(CaseView.left) ?? ""))</td>",
                "<td>\(escape(summary.handler ?? ""))</td>", "<td>\(escape(summary.subject))</td>",
            ]
            body += "<tr>" + cells.joined() + "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        if more { body += "<p>Only the first \(cases.count) are shown: narrow the filters to see the rest.</p>\n" }
        return page(title: "Cases", body: body, user: user, formToken: formToken)
    }

    /// The path of a case's page: its reference percent-encoded, `/` included (references contain it).
    public static func casePath(_ reference: CaseReference) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return "/cases/" + (reference.rawValue.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }

    /// A case's page: its status and dates, the request, exemptions, every clock with how it was derived, and its
    /// history with who did what (a voided step struck through). The requester only where `detail` was read with
    /// them.
    /// `message`, where the last step was refused, says why above the forms; `steps`: the steps the user may
    /// record (none for a user who records no steps); `version`: the case's last event, read before `detail`.
    /// The team's comments on the case, those after step `seen` marked new (in words, not by colour alone).
    static func commentsSection(_ detail: CaseDetail, seen: Int) -> String {
        let comments = detail.events.compactMap { stored -> (StoredEvent, String)? in
            guard case .commented(let text, _) = stored.recorded.event else { return nil }
            return (stored, text)
        }
        guard !comments.isEmpty else { return "" }
        let new = comments.filter { $0.0.sequence > seen }.count
        return "<h2 id=\"comments\">Comments" + (new > 0 ? " <strong class=\"new\">(\(new) new)</strong>" : "")
            + "</h2>\n<ol class=\"comments\">\n"
            + comments.map { stored, text in
                "<li>" + (stored.sequence > seen ? "<strong class=\"new\">New:</strong> " : "")
                    + "<strong>\(escape(stored.actorName(detail.names) ?? ""))</strong>, "
                    + "\(escape(stored.recorded.date.longDescription))\n" + paragraphs(text) + "</li>\n"
            }.joined() + "</ol>\n"
    }

    public static func casePage(
        _ detail: CaseDetail, calendars: Calendars, catalogue: ExemptionCatalogue, today: CivilDate, user: User,
        formToken: String, seen: Int = 0, steps: [StepForm] = [], signOff: [StepForm] = [], version: Int64 = 0,
        message: String? = nil
    ) throws -> String {
        let summary = detail.summary
        var body = "<p><a href=\"/\">Back to the board</a></p>\n"
        if let message { body += "<p class=\"error\" role=\"alert\">\(escape(message))</p>\n" }
        body += "<h1>\(escape(summary.ref.rawValue)): \(escape(summary.subject))</h1>\n<dl>\n"
        var facts: [(String, String)] = [
            ("Regime", summary.regime.title),
            (
                "Status",
                "\(summary.status.phrase) since \(summary.statusSince.longDescription) (\(summary.stage.rawValue))"
            ),
            ("Received", "\(summary.received.longDescription) by \(summary.channel.rawValue)"),
        ]
        if let requester = detail.requester { facts.append(("Requester", requester.name)) }
        if let handler = summary.handler { facts.append(("Handler", handler)) }
        if let allocation = CaseDetailView.allocation(detail) { facts.append(("Allocation", allocation)) }
        if !detail.file.flags.isEmpty {
            facts.append(("Flags", detail.file.flags.map(\.rawValue).joined(separator: ", ")))
        }
        if let due = summary.due {
            facts.append(("Due by", due.longDescription + (summary.provisional ? " (provisional)" : "")))
        }
        if let outcome = summary.outcome, let on = summary.respondedOn {
            facts.append(("Response", "\(outcome.label), \(on.longDescription)"))
        }
        if !summary.exemptions.isEmpty {
            facts.append(
                (
                    "Exemptions",
                    summary.exemptions.map {
                        let title = catalogue.exemption(citing: $0.citation, in: $0.part)?.title ?? ""
                        return "\($0.citation)\($0.neitherConfirmNorDeny ? " (NCND)" : "") \(title)"
                    }.joined(separator: "; ")
                ))
        }
        body += facts.map { "<dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd>\n" }.joined() + "</dl>\n"
        if let request = detail.file.requestText { body += "<h2>The request</h2>\n" + paragraphs(request) }
        body += commentsSection(detail, seen: seen)
        body +=
            "<h2>How the date was reached</h2>\n<ul>\n"
            + detail.deadline.explanation(calendars: calendars).map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        let clocks = try detail.clocks.map {
            try CaseClockJSON($0, calendars: calendars, regime: summary.regime, today: today)
        }
        body +=
            "<h2>Clocks</h2>\n<table>\n<thead><tr>"
            + ["Clock", "Started", "Date", "Status", "Left", "How"].map { "<th scope=\"col\">\($0)</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for clock in clocks {
            let due = clock.due.map { $0.longDescription + (clock.provisional ? " (provisional)" : "") } ?? "–"
            let left = clock.workingDaysLeft.map { CaseView.left($0) } ?? ""
            let how = clock.derivation.map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")
            body +=
                "<tr><th scope=\"row\">\(escape(clock.title))</th><td>\(escape(clock.started.longDescription))</td>"
                + "<td>\(escape(due))</td><td>\(escape(clock.status.rawValue))</td><td>\(escape(left))</td>"
                + "<td>\(escape(how))</td></tr>\n"
        }
        body +=
            "</tbody>\n</table>\n<h2>History</h2>\n<table>\n<thead><tr>"
            + ["#", "Date", "Step", "Details", "By"].map { "<th scope=\"col\">\($0)</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        let voided = VoidedStep.voids(in: detail.events.map(\.recorded))
        for stored in detail.events {
            let details = EventJSON.details(stored.recorded.event, names: detail.names)
            let step = escape(stored.recorded.event.kind.rawValue)
            let void = voided[stored.sequence]
            body +=
                "<tr><td>\(stored.sequence)</td><td>\(escape(stored.recorded.date.longDescription))</td>"
                + (void == nil
                    ? "<td>\(step)</td><td>\(escape(details))</td>"
                    : "<td><del>\(step)</del></td><td><del>\(escape(details))</del> (voided by step \(void!.by): "
                        + "\(escape(void!.reason)))</td>")
                + "<td>\(escape(stored.actorName(detail.names) ?? ""))</td></tr>\n"
        }
        body += "</tbody>\n</table>\n"
        body += try tasksSection(detail, calendars: calendars, today: today)
        body += enclosuresSection(detail.file, personalShown: user.role.seesRequesters)
        if user.role.seesRequesters { body += lettersSection(summary.ref) }
        if !steps.isEmpty { body += stepForms(detail, steps: steps, today: today, formToken: formToken) }
        if !signOff.isEmpty {
            // An approver's decisions, on the response letter as it would go out now (Letters, above).
            let hidden = hiddenFields(steps: detail.events.count, formToken: formToken)
            body +=
                "<h2>Sign-off</h2>\n"
                + signOff.map { form in
                    var shown = form
                    // A bypass and its reason are a coordinator's; the day is the day it is decided.
                    shown.fields.removeAll {
                        $0.name == "on" || $0.name == "bypass" || (form.name == "approve" && $0.name == "reason")
                    }
                    return "<h3>\(escape(form.summary))</h3>\n"
                        + formHTML(
                            shown, action: "\(casePath(summary.ref))/\(form.name)", hidden: hidden, values: [:],
                            idPrefix: "\(form.name)-", button: form.title)
                }.joined()
        }
        let events =
            "/events?case=" + (summary.ref.rawValue.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        return page(
            title: summary.ref.rawValue, body: body, user: user, formToken: formToken,
            live: (events, version))
    }

    /// The documents the response encloses, part by part, each to download (by its digest, which names it
    /// whatever its name holds); those holding personal data only where `personalShown`.
    static func enclosuresSection(_ file: Case, personalShown: Bool) -> String {
        let listed = file.answers.flatMap { answer in
            answer.enclosures.filter { personalShown || !$0.personal }.map { (answer.part, $0) }
        }
        guard !listed.isEmpty else { return "" }
        let items = listed.map { part, enclosure in
            "<li><a href=\"\(escape(enclosurePath(file.reference, enclosure)))\">\(escape(enclosure.name))</a> ("
                + "\(part.map { "part \(escape($0)), " } ?? "")\(LetterVocabulary.english.size(enclosure.size))"
                + "\(enclosure.personal ? ", personal data" : ""))</li>\n"
        }
        return "<h2>Enclosed documents</h2>\n<ul>\n\(items.joined())</ul>\n"
    }

    /// Where a document enclosed with the case `reference`'s response is downloaded: by its digest.
    public static func enclosurePath(_ reference: CaseReference, _ enclosure: Enclosure) -> String {
        "\(casePath(reference))/enclosures/\(enclosure.digest)"
    }

    /// The page of one step's form on the case `summary`, drawn when the case had `steps` steps; `values`: what
    /// was typed (a refused form is drawn again with it, `message` saying why).
    public static func stepPage(
        _ form: StepForm, on summary: CaseSummary, steps: Int, values: [String: [String]] = [:],
        message: String? = nil, user: User, formToken: String
    ) -> String {
        let path = escape(casePath(summary.ref))
        var body = "<p><a href=\"\(path)\">Back to \(escape(summary.ref.rawValue))</a></p>\n"
        if let message { body += "<p class=\"error\" role=\"alert\">\(escape(message))</p>\n" }
        body += """
            <h1>\(escape(form.title)): \(escape(summary.ref.rawValue))</h1>
            <p>\(escape(form.summary)) The case: \(escape(summary.subject)), \(escape(summary.status.phrase)) since \
            \(escape(summary.statusSince.longDescription)).</p>

            """
        body += formHTML(
            form, action: "\(casePath(summary.ref))/\(form.name)",
            hidden: hiddenFields(steps: steps, formToken: formToken),
            values: values, button: "Record: \(form.title.lowercased())")
        return page(title: "\(form.title) – \(summary.ref.rawValue)", body: body, user: user, formToken: formToken)
    }

    /// The page to log a new request with `form` (`foi log`'s options); `values` and `message` as `stepPage`.
    public static func newCasePage(
        _ form: StepForm, values: [String: [String]] = [:], message: String? = nil, user: User, formToken: String
    ) -> String {
        var body = "<h1>Log a new request</h1>\n"
        if let message { body += "<p class=\"error\" role=\"alert\">\(escape(message))</p>\n" }
        body += "<p>\(escape(form.summary))</p>\n"
        body += formHTML(
            form, action: "/cases/new",
            hidden: "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(formToken))\">", values: values,
            button: "Log the request")
        return page(title: "Log a new request", body: body, user: user, formToken: formToken)
    }

    /// A form posting `form`'s fields (with `values`) and the `hidden` fields to `action`.
    /// `extra`: inputs of the page's own after the form's fields.
    static func formHTML(
        _ form: StepForm, action: String, method: String = "post", hidden: String, values: [String: [String]],
        idPrefix: String = "field-", extra: String = "", button: String
    ) -> String {
        // Files go up as they are, in parts: a form of text fields stays the plain encoding.
        let encoding = form.fields.contains { $0.kind == .upload } ? " enctype=\"multipart/form-data\"" : ""
        return "<form method=\"\(method)\" action=\"\(escape(action))\"\(encoding)>\(hidden)\n"
            + form.fields.map { fieldHTML($0, values: values[$0.name] ?? [], idPrefix: idPrefix) }.joined() + extra
            + "<div><button type=\"submit\">\(escape(button))</button></div>\n</form>\n"
    }

    /// One field with what was given for it: its label, its hint (what to give, how to type it) tied to the
    /// input, and the input for its kind (of several choices, a list to pick several from).
    static func fieldHTML(_ field: StepField, values: [String], idPrefix: String = "field-") -> String {
        let id = "\(escape(idPrefix))\(escape(field.name))"
        let name = escape(field.name)
        let value = values.joined(separator: ", ")
        var hint = field.hint
        if let byDefault = field.defaultValue { hint += " Default: \(byDefault)." }
        if field.kind == .date { hint += " For example 3/12/2026 or 2026-12-03." }
        let pickSeveral = field.repeating && field.kind != .line && field.kind != .text
        if field.repeating && !pickSeveral { hint += " Separate several with commas." }
        let required = field.required ? " required" : ""
        let described = "aria-describedby=\"\(id)-hint\""
        let hintHTML = "<p class=\"hint\" id=\"\(id)-hint\">\(escape(hint))</p>\n"
        let label = "<label for=\"\(id)\">\(escape(field.label))\(field.required ? " (required)" : "")</label>\n"
        switch field.kind {
        case .flag:
            let checked = values.contains(where: StepForm.isYes) ? " checked" : ""
            return "<div class=\"check\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(name)\" value=\"yes\" "
                + "\(described)\(checked)><label for=\"\(id)\">\(escape(field.label))</label></div>\n" + hintHTML
        case .choice, .yesOrNo:
            let choices = if case .choice(let values) = field.kind { values } else { ["yes", "no"] }
            let chosen = values.isEmpty ? field.defaultValue.map { [$0] } ?? [] : values
            let options = (pickSeveral || field.defaultValue != nil ? choices : [""] + choices).map { choice in
                let selected = chosen.contains(choice) ? " selected" : ""
                return
                    "<option value=\"\(escape(choice))\"\(selected)>\(choice.isEmpty ? "–" : escape(choice))</option>"
            }
            let multiple = pickSeveral ? " multiple size=\"\(min(choices.count, 6))\"" : ""
            return label + hintHTML
                + "<select id=\"\(id)\" name=\"\(name)\"\(multiple) \(described)\(required)>\(options.joined())"
                + "</select>\n"
        case .text:
            return label + hintHTML
                + "<textarea id=\"\(id)\" name=\"\(name)\" rows=\"4\" cols=\"60\" \(described)\(required)>"
                + "\(escape(value))</textarea>\n"
        case .upload:
            return label + hintHTML
                + "<input type=\"file\" id=\"\(id)\" name=\"\(name)\"\(field.repeating ? " multiple" : "") "
                + "\(described)\(required)>\n"
        case .date, .number, .line:
            let mode = field.kind == .number ? " inputmode=\"decimal\"" : ""
            return label + hintHTML
                + "<input type=\"text\" id=\"\(id)\" name=\"\(name)\" value=\"\(escape(value))\"\(mode) "
                + "\(described)\(required)>\n"
        }
    }

    /// The hidden fields of every step's form: the session's form token, and the number of steps the case had when
    /// the page was drawn, so that a stale page or a second click records nothing.
    static func hiddenFields(steps: Int, formToken: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(formToken))\">"
            + "<input type=\"hidden\" name=\"steps\" value=\"\(steps)\">"
    }

    /// The steps to record on the case: the two of every day as forms here (each carrying the form token and the
    /// number of steps the page was drawn with), and a link to every step's own form.
    static func stepForms(_ detail: CaseDetail, steps: [StepForm], today: CivilDate, formToken: String) -> String {
        let path = escape(casePath(detail.summary.ref))
        let hidden = hiddenFields(steps: detail.events.count, formToken: formToken)
        let links = steps.map {
            "<li><a href=\"\(path)/steps/\(escape($0.name))\">\(escape($0.title))</a>: \(escape($0.summary))</li>\n"
        }
        return """
            <h2>Record a step</h2>
            <ul>
            \(links.joined())</ul>
            <h3>Acknowledge or add a note</h3>
            <form method="post" action="\(path)/acknowledge">\(hidden)
            <label for="acknowledged-on">Acknowledged on (e.g. \(escape(today.description)) or \
            \(today.day)/\(today.month)/\(today.year))</label>
            <input type="text" id="acknowledged-on" name="on" value="\(escape(today.description))" required>
            <div><button type="submit">Record the acknowledgement</button></div>
            </form>
            <form method="post" action="\(path)/note">\(hidden)
            <label for="note">A note on the case</label>
            <textarea id="note" name="text" rows="3" cols="60" required></textarea>
            <div><button type="submit">Add the note</button></div>
            </form>

            """
    }

    /// A page saying why a request was refused.
    public static func refusal(title: String, message: String) -> String {
        page(title: title, body: "<h1>\(escape(title))</h1>\n<p>\(escape(message))</p>\n")
    }

    static func escape(_ text: String) -> String { HTMLPage.escape(text) }
}
