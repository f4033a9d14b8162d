import ArgumentParser
import FOIKit

/// `foi search`.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Record a search for the information: where, whether it is held, and the hours spent.",
        discussion: "The hours count towards the s.12 cost limit: £25 an hour, 18 hours (24 for central government)."
    )
    @Option(help: ArgumentHelp("Where was searched.", valueName: "text")) var location: String
    @Flag(inversion: .prefixedNo, help: "Whether information in scope was found.") var held: Bool
    @Option(help: ArgumentHelp("Hours spent.", valueName: "hours")) var hours: Double = 0
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        if hours < 0 || !hours.isFinite { throw ValidationError("--hours must be zero or more") }
    }

    func run() throws {
        try step.record(.searchRecorded(Search(location: location, held: held, hours: hours)), on: step.date(on))
    }
}
