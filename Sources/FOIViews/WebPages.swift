import FOIKit

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
        input[type=email], input[type=password] { font-size: 1.1875rem; padding: 0.3em; width: 20em; max-width: 100%;
          border: 2px solid #0b0c0c; }
        button { font-size: 1.1875rem; margin-top: 1em; padding: 0.4em 1em; background: #00703c; color: #fff;
          border: 0; box-shadow: 0 2px 0 #002d18; cursor: pointer; }
        header button { background: #fff; color: #0b0c0c; margin: 0; }
        a:focus, button:focus, input:focus { outline: 3px solid #fd0; outline-offset: 0;
          box-shadow: 0 0 0 5px #0b0c0c; }
        .error { border-left: 5px solid #d4351c; padding-left: 1em; color: #d4351c; font-weight: bold; }
        .overdue { color: #d4351c; font-weight: bold; }
        """

    /// The page around `body`: the header names the user and offers to sign out (a form carrying `formToken`).
    public static func page(title: String, body: String, user: User? = nil, formToken: String? = nil) -> String {
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
            </head>
            <body>
            <a class="skip" href="#main">Skip to main content</a>
            <header><strong>foi</strong>\(signOut)</header>
            <main id="main">
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
    public static func board(_ board: Board, horizon: Int, user: User, formToken: String) -> String {
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
                    "<th scope=\"row\">\(escape(summary.ref.rawValue))</th>",
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
        return page(title: "Board", body: body, user: user, formToken: formToken)
    }

    /// A page saying why a request was refused.
    public static func refusal(title: String, message: String) -> String {
        page(title: title, body: "<h1>\(escape(title))</h1>\n<p>\(escape(message))</p>\n")
    }

    static func escape(_ text: String) -> String { HTMLPage.escape(text) }
}
