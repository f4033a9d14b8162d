import FOIKit

/// `foi stats delays`: the late responses of a period and the working days each waited on contributors and
/// approvers, person by person, as a table, JSON, or CSV (a row per wait).
public enum DelayView {
    public static func render(_ report: DelayReport, names: Names, format: OutputFormat) throws -> TextOutput {
        var output = TextOutput()
        switch format {
        case .json:
            try output.json(Document(report, names: names))
        case .csv:
            output.write(
                CSV.line([
                    "ref", "regime", "due", "answered", "working_days_late", "waited_on", "kind", "number", "from",
                    "until", "working_days",
                ]))
            for response in report.late {
                let entry = response.entry
                let row = [
                    entry.reference.rawValue, entry.regime.rawValue, entry.due.description,
                    entry.answered?.description ?? "", "\(response.workingDaysLate)",
                ]
                if response.waits.isEmpty { output.write(CSV.line(row + Array(repeating: "", count: 6))) }
                for wait in response.waits {
                    let (kind, number) = Document.Waited.kind(wait.kind)
                    output.write(
                        CSV.line(
                            row + [
                                names.party(wait.on), kind, "\(number)", wait.from.description, wait.until.description,
                                "\(wait.workingDays)",
                            ]))
                }
            }
        case .table:
            let lateDays = report.late.map(\.workingDaysLate).reduce(0, +)
            output.printableLine(
                "Late responses to requests falling due in \(report.period), as at \(report.asAt.longDescription): "
                    + (report.late.isEmpty
                        ? "none." : "\(report.late.count), \(plural(lateDays, "working day")) late in all."))
            guard !report.late.isEmpty else { return output }
            let shares = report.shares
            output.printableLine()
            if shares.isEmpty {
                output.printableLine("None of them waited on a contributor's task or a stage of sign-off.")
            } else {
                output.printableLine("Working days they waited, on whom (a day two of them waited on counts twice):")
                output.write(
                    Table.render(
                        header: ["waited on", "tasks", "sign-off", "total", "late responses"],
                        rows: shares.map { share in
                            [
                                names.party(share.party), "\(share.taskDays)", "\(share.signOffDays)", "\(share.total)",
                                "\(share.responses)",
                            ]
                        }))
            }
            output.printableLine()
            output.write(
                Table.render(
                    header: ["ref", "due", "answered", "late", "waited on (working days)"],
                    rows: report.late.map { response in
                        [
                            response.entry.reference.rawValue, response.entry.due.longDescription,
                            response.entry.answered?.longDescription ?? "not yet", "\(response.workingDaysLate)",
                            response.waits.isEmpty
                                ? "-"
                                : response.waits.map { "\(phrase($0.kind)) \(names.party($0.on)) \($0.workingDays)" }
                                    .joined(separator: "; "),
                        ]
                    }))
        }
        return output
    }

    /// For people: `task 2`, `sign-off stage 1`.
    public static func phrase(_ kind: Wait.Kind) -> String {
        switch kind {
        case .task(let number): "task \(number)"
        case .signOff(let stage): "sign-off stage \(stage)"
        }
    }

    struct Document: Encodable {
        var period: String
        var asAt: CivilDate
        var late: [Late]
        var waitedOn: [Share]

        struct Late: Encodable {
            var ref: String
            var regime: Regime
            var due: CivilDate
            var answered: CivilDate?
            var workingDaysLate: Int
            var waits: [Waited]
        }

        struct Waited: Encodable {
            var kind: String
            var number: Int
            /// The user's number, or the team's.
            var user: Int?
            var team: Int?
            var name: String
            var from, until: CivilDate
            var workingDays: Int

            static func kind(_ kind: Wait.Kind) -> (String, Int) {
                switch kind {
                case .task(let number): ("task", number)
                case .signOff(let stage): ("sign-off", stage)
                }
            }
        }

        struct Share: Encodable {
            var user: Int?
            var team: Int?
            var name: String
            var taskDays, signOffDays, totalDays, lateResponses: Int
        }

        init(_ report: DelayReport, names: Names) {
            period = report.period.description
            asAt = report.asAt
            late = report.late.map { response in
                Late(
                    ref: response.entry.reference.rawValue, regime: response.entry.regime,
                    due: response.entry.due, answered: response.entry.answered,
                    workingDaysLate: response.workingDaysLate,
                    waits: response.waits.map { wait in
                        let (kind, number) = Waited.kind(wait.kind)
                        let (user, team) = wait.on.numbers
                        return Waited(
                            kind: kind, number: number, user: user, team: team, name: names.party(wait.on),
                            from: wait.from, until: wait.until, workingDays: wait.workingDays)
                    })
            }
            waitedOn = report.shares.map { share in
                let (user, team) = share.party.numbers
                return Share(
                    user: user, team: team, name: names.party(share.party), taskDays: share.taskDays,
                    signOffDays: share.signOffDays, totalDays: share.total, lateResponses: share.responses)
            }
        }
    }
}
