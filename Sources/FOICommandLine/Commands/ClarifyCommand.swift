import ArgumentParser
import FOIKit

/// `foi clarify`.
struct ClarifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clarify",
        abstract: "Request clarification, record it arriving, or close the case for want of it.",
        discussion: """
            FOIA s.1(3): the authority need not comply until it has the information it reasonably needs to identify \
            and locate what is asked for. The clock stops when clarification is requested, and a fresh 20 working \
            days run from the day it is received (s.10(6)(b)); days used before are not carried over. EIR reg 9 and \
            FOISA s.1(3) work the same way; for a SAR the days waited are added to the month.
            """
    )
    @Option(help: ArgumentHelp("Clarification was requested on this date.", valueName: "date"))
    var requested: DateOrTimestamp?
    @Option(help: ArgumentHelp("Clarification was received on this date (or timestamp).", valueName: "date"))
    var received: DateOrTimestamp?
    @Option(help: ArgumentHelp("No clarification came: the case lapses on this date.", valueName: "date"))
    var lapsed: DateOrTimestamp?
    @Option(help: ArgumentHelp("What was asked.", valueName: "text")) var note: String?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(note, "--note")])
        try requireOne([requested, received, lapsed], of: "--requested, --received or --lapsed")
    }

    func run() async throws {
        if let requested { try await step.record(.clarificationRequested(note: note), on: requested.date) }
        if let received { try await step.record(.clarificationReceived, on: received.date) }
        if let lapsed { try await step.record(.clarificationLapsed, on: lapsed.date) }
    }
}
