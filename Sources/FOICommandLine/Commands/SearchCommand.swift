import ArgumentParser
import FOIKit

/// `foi search`.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Record a search for the information: where, whether it is held, and the hours spent.",
        discussion: "The hours count towards the s.12 cost limit, at the rate the regime's regulations set: "
            + [Regime.foia, .foisa].compactMap { regime in
                regime.costLimit.map { "\(regime.shortName) \($0.rate) against \($0.limit)" }
            }.joined(separator: "; ") + "."
    )
    @Option(help: ArgumentHelp("Where was searched.", valueName: "text")) var location: String
    @Flag(inversion: .prefixedNo, help: "Whether information in scope was found.") var held: Bool
    @Option(help: ArgumentHelp("Hours spent.", valueName: "hours")) var hours: Double = 0
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(location, "--location")])
        // A search of more than a thousand hours is a typo: s.12's limits come to 18 to 40 hours.
        if !(0...1000).contains(hours) { throw ValidationError("--hours must be from 0 to 1000 hours") }
    }

    func run() async throws {
        try await step.record(.searchRecorded(Search(location: location, held: held, hours: hours)), on: step.date(on))
    }
}
