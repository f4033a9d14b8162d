import FOIKit

/// `foi task list`: who owes what, as a table, JSON or CSV. A task names its case's reference and subject, never
/// the requester: contributors read it.
public enum TaskView {
    static let columns = [
        "ref", "task", "subject", "contributor", "state", "given", "due", "left", "closed", "hours", "activity",
    ]

    public static func render(_ tasks: [TaskSummary], calendars: Calendars, today: CivilDate, format: OutputFormat)
        throws -> TextOutput
    {
        var output = TextOutput()
        let rows = try tasks.map { try TaskRow($0, calendars: calendars, today: today) }
        switch format {
        case .json:
            try output.json(rows)
        case .csv:
            output.write(CSV.line(columns))
            for row in rows { output.write(CSV.line(row.fields)) }
        case .table:
            guard !rows.isEmpty else {
                output.write("No tasks.\n")
                return output
            }
            output.write(
                Table.render(
                    header: ["REF", "TASK", "DUE", "LEFT", "STATE", "CONTRIBUTOR", "SUBJECT"],
                    rows: rows.map { row in
                        [
                            row.ref, String(row.task), row.due?.description ?? "-",
                            row.workingDaysLeft.map(CaseView.left) ?? "", row.state,
                            row.contributor, row.subject,
                        ]
                    }))
        }
        return output
    }

    /// A task as the listings give it; `workingDaysLeft` counts working days in its case's calendar to an open
    /// task's date (negative: overdue).
    private struct TaskRow: Encodable {
        var ref: String
        var task: Int
        var subject: String
        var contributor: String
        var state: String
        var given: CivilDate
        @NullWhenAbsent var due: CivilDate?
        @NullWhenAbsent var workingDaysLeft: Int?
        @NullWhenAbsent var closed: CivilDate?
        @NullWhenAbsent var hours: Double?
        @NullWhenAbsent var activity: String?

        init(_ task: TaskSummary, calendars: Calendars, today: CivilDate) throws {
            ref = task.reference.rawValue
            self.task = task.number
            subject = task.subject
            contributor = task.contributorName
            state = task.standing.rawValue
            given = task.given
            due = task.due
            // A count to a date means something only while the task waits for its answer.
            workingDaysLeft = try (task.standing == .open ? task.due : nil).map {
                try calendars.workingDaysLeft(until: $0, regime: task.regime, today: today)
            }
            closed = task.closed
            hours = task.hours
            activity = task.activity?.rawValue
        }

        var fields: [String] {
            [
                ref, String(task), subject, contributor, state, given.description, due?.description ?? "",
                workingDaysLeft.map(String.init) ?? "", closed?.description ?? "", hours.map { "\($0)" } ?? "",
                activity ?? "",
            ]
        }
    }
}
