import FOIKit

/// Contributor tasks in foi-server: a contributor's own tasks in place of the board, their case as a page that
/// shows only the reference, the subject and their questions (never the requester, the history or the letters), and
/// every case's tasks on the officers' page.
extension WebPages {
    /// What a contributor sees first: their open tasks (given to them or to a team of theirs), the earliest due first.
    public static func tasksPage(
        _ tasks: [TaskSummary], calendars: Calendars, today: CivilDate, user: User, formToken: String
    ) throws -> String {
        var body = "<h1>Your tasks</h1>\n"
        if tasks.isEmpty {
            body +=
                "<p>You have no open tasks. When the FOI team asks you to search for information, the case will be "
                + "here.</p>\n"
        } else {
            body +=
                "<table>\n<thead><tr>"
                + ["Case", "Task", "Given to", "Due", "Left", "Subject"].map { "<th scope=\"col\">\($0)</th>" }.joined()
                + "</tr></thead>\n<tbody>\n"
            for task in tasks {
                let left = try task.due.map {
                    CaseView.left(try calendars.workingDaysLeft(until: $0, regime: task.regime, today: today))
                }
                body +=
                    "<tr><th scope=\"row\"><a href=\"\(escape(casePath(task.reference)))\">"
                    + "\(escape(task.reference.rawValue))</a></th><td>\(task.number)</td>"
                    + "<td>\(task.contributor == .user(user.id) ? "you" : escape(task.contributorName))</td>"
                    + "<td>\(escape(task.due?.longDescription ?? "stopped: the case waits on the requester"))</td>"
                    + "<td>\(escape(left ?? ""))</td><td>\(escape(task.subject))</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        return page(title: "Your tasks", body: body, user: user, formToken: formToken)
    }

    /// A contributor's view of a case: its reference and subject and the tasks they answer (`yours`: given to them
    /// or to a team of theirs), each open one with a form to answer it (`answer`) and one to decline it (`decline`),
    /// the task's number a hidden field.
    public static func contributorCasePage(
        _ detail: CaseDetail, yours: Set<Int>, calendars: Calendars, today: CivilDate, answer: StepForm,
        decline: StepForm,
        user: User, formToken: String, message: String? = nil
    ) throws -> String {
        let summary = detail.summary
        var body = "<p><a href=\"/\">Back to your tasks</a></p>\n"
        if let message { body += "<p class=\"error\" role=\"alert\">\(escape(message))</p>\n" }
        body += "<h1>\(escape(summary.ref.rawValue)): \(escape(summary.subject))</h1>\n"
        let hidden = hiddenFields(steps: detail.events.count, formToken: formToken)
        let path = casePath(summary.ref)
        for task in detail.file.tasks where yours.contains(task.number) {
            body += try taskHTML(task, detail: detail, calendars: calendars, today: today, heading: "h2")
            guard task.isOpen, detail.summary.status.isOpen else { continue }
            let number = "<input type=\"hidden\" name=\"task\" value=\"\(task.number)\">"
            for (form, button) in [(answer, "Send the answer"), (decline, "Decline the task")] {
                var shown = form
                shown.fields.removeAll { $0.name == "task" || $0.name == "on" }
                body +=
                    "<h3>\(escape(button))</h3>\n"
                    + formHTML(
                        shown, action: "\(path)/\(form.name)", hidden: hidden + number, values: [:],
                        idPrefix: "task-\(task.number)-\(form.name)-", button: button)
            }
        }
        return page(title: summary.ref.rawValue, body: body, user: user, formToken: formToken)
    }

    /// The case's tasks, for the officers' page: to whom, when, where each stands, the question and the answer.
    static func tasksSection(_ detail: CaseDetail, calendars: Calendars, today: CivilDate) throws -> String {
        guard !detail.file.tasks.isEmpty else { return "" }
        return try "<h2>Tasks</h2>\n"
            + detail.file.tasks.map {
                try taskHTML($0, detail: detail, calendars: calendars, today: today, heading: "h3")
            }.joined()
    }

    private static func taskHTML(
        _ task: CaseTask, detail: CaseDetail, calendars: Calendars, today: CivilDate, heading: String
    ) throws -> String {
        let clock = try detail.clocks.first { $0.task == task.number }.map {
            try CaseClockJSON($0, calendars: calendars, regime: detail.summary.regime, today: today)
        }
        let to = detail.names.party(task.request.contributor)
        var facts = [
            ("Given to", "\(to), \(task.given.longDescription)"),
            (
                "Due by",
                (clock?.due?.longDescription ?? "stopped while the case's clock is stopped")
                    + (clock.map { " (\($0.status.rawValue))" } ?? "")
            ),
        ]
        switch task.state {
        case .open: break
        case .done(let on, let answer):
            facts.append(
                (
                    "Answered",
                    on.longDescription
                        + (answer.hours.map { ", \($0) h " + (answer.activity.map { $0.phrase } ?? "(not counted)") }
                            ?? "")
                ))
        case .declined(let on, let reason): facts.append(("Declined", "\(on.longDescription): \(reason)"))
        }
        var html =
            "<\(heading)>Task \(task.number)</\(heading)>\n<dl>\n"
            + facts.map { "<dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd>\n" }.joined() + "</dl>\n"
            + "<p><strong>The question</strong></p>\n" + paragraphs(task.request.ask)
        if case .done(_, let answer) = task.state {
            html += "<p><strong>The answer</strong></p>\n" + paragraphs(answer.answer)
        }
        return html
    }

    /// `text` as a quoted paragraph, its lines kept.
    static func paragraphs(_ text: String) -> String {
        "<blockquote><p>"
            + text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
            .joined(separator: "<br>\n") + "</p></blockquote>\n"
    }
}
