import ArgumentParser
import FOIApp
import FOIKit
import FOIViews
import Foundation

/// `foi report`: the period's figures as one HTML page with charts.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The period's figures as one self-contained HTML page with charts, to send or print.",
        discussion: """
            One page, with its charts drawn in SVG inside it (no script, nothing fetched from anywhere, so it can \
            be mailed or archived as it is): the share of requests and internal reviews answered in time by \
            month against the ICO's 90% and 95% lines, the requests received each week, the outcomes of the \
            responses sent, the exemptions most used, the outcomes of the reviews decided, where the late days \
            went (the working days the late responses waited on each contributor and approver, as 'foi stats \
            delays' counts them), and the early warning for the current quarter with the requests at risk. The \
            figures are those of 'foi stats timeliness' as at today; subject access requests are not in them. \
            Without --output the page goes to standard output.
            """)

    @Option(
        help: ArgumentHelp(
            "A month (2026-10), quarter (2026Q3) or year (2026); default: this quarter.", valueName: "period"))
    var period: String?
    @Option(help: ArgumentHelp("A new file to write the page to (foi does not overwrite one).", valueName: "file"))
    var output: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let period { _ = try ReportingPeriod.option(period) }
        try NewOutput.check(output)
    }

    func run() async throws {
        let today = store.todayDate
        let quarter = ReportingPeriod.quarter(of: today)
        let chosen = period.flatMap(ReportingPeriod.init(parsing:)) ?? quarter
        let caseStore = try store.open(.read)
        let html = try await perform {
            let office = Office(storage: caseStore)
            return ReportView.render(
                try await office.timeliness(chosen, asAt: today, today: today),
                activity: try await caseStore.activity(in: chosen.dates),
                delays: try await office.delays(chosen, asAt: today, today: today),
                names: Names(users: try await caseStore.users(), teams: try await caseStore.teams()),
                authority: try await caseStore.profile()[.name],
                calendars: caseStore.calendars)
        }
        guard let output else {
            emit(Data(html.utf8))
            return
        }
        try NewOutput.write(Data(html.utf8), to: output)
        say("Wrote the report for \(chosen) to \(output.printable).")
    }
}
