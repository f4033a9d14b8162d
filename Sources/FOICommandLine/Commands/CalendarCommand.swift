import ArgumentParser
import FOIKit
import FOIViews
import Foundation

/// `foi calendar`: the running clocks as an iCalendar file.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Every running clock as an iCalendar (.ics) file for Outlook: one all-day event per clock.",
        discussion: """
            One all-day event on each date the board watches (responses, reviews, submissions, compliance, appeal \
            windows, hearings, lapses), on each open contributor task's ('FOI-2026-000042 task 1 due') and on the \
            stage of sign-off each case waits for ('FOI-2026-000042 sign-off due'), summarised as 'FOI-2026-000042 \
            response due' and never with the requester's name or the subject. Each event's UID is the case and the \
            clock, so importing a newer file (or subscribing to one published on a share) moves an event whose date \
            moved rather than adding another; its SEQUENCE rises with every step recorded on the case. Without \
            --output the file goes to standard output.
            """)
    @Option(
        help: ArgumentHelp(
            "Only this clock (repeatable): "
                + (ClockName.allValueStrings + ["task", "sign-off"]).joined(separator: ", ") + ".",
            valueName: "clock"))
    var clock: [ClockName] = []
    @Option(help: ArgumentHelp("A new file to write the calendar to (foi does not overwrite one).", valueName: "file"))
    var output: String?
    @OptionGroup var handler: HandlerOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        try NewOutput.check(output)
    }

    func run() async throws {
        let caseStore = try store.open(.read)
        let clocks = try await perform {
            try await caseStore.calendarClocks(clock, handler: try await handler.filter(in: caseStore))
        }
        // iCalendar's basic form of the UTC time: `20261121T094500Z`.
        let stamp = ReceiptTime.utcTimestamp(atUTCSeconds: Int(Date().timeIntervalSince1970))
            .filter { $0 != "-" && $0 != ":" }
        let calendar = ICalendar.render(clocks, stamp: stamp)
        guard let output else {
            FileHandle.standardOutput.write(Data(calendar))
            return
        }
        try NewOutput.write(Data(calendar), to: output)
        say("Wrote \(clocks.count) event\(clocks.count == 1 ? "" : "s") to \(output.printable).")
    }
}
