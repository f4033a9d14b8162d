import ArgumentParser
import FOIApp
import FOIKit
import FOIViews

/// `foi split`: part of a mixed request handled under another regime, as a case of its own.
struct SplitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Split part of a request into a linked case under another regime (a mixed FOIA/EIR request).",
        discussion: """
            A request for environmental and other information is handled under both regimes: the EIR part has its \
            own clock, its reg 7 extension and its statutory 40-day review. The part becomes a new case received the \
            same day (its clock runs from the original receipt), with the same requester and channel; each case shows \
            the other. A request splits between FOIA and EIR, or FOISA and EIR(S); the requester's own personal data \
            splits into a subject access request, and a subject access request's other information into FOIA, EIR, \
            FOISA or EIR(S). The new case starts with its receipt: record its own steps on it.
            """)

    @Option(help: "The regime the part is handled under.")
    var regime: Regime

    @Option(
        help: ArgumentHelp("What the part asks for, in a line (default: the request's subject).", valueName: "text"))
    var subject: String?

    @Option(help: ArgumentHelp("The new case's own reference (default: generated).", valueName: "ref"))
    var partRef: String?

    @Option(help: ArgumentHelp("When the request was split (default: today).", valueName: "date"))
    var on: DateOrTimestamp?

    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(subject, "--subject"), (partRef, "--part-ref")])
        try Check.reference(partRef, "--part-ref")
    }

    func run() async throws {
        try await step.recordOnStore { storage in
            let (original, part) = try await Office(storage: storage).split(
                step.reference, into: regime, subject: subject,
                partReference: partRef.map(CaseReference.init(rawValue:)), on: step.date(on), by: step.store.identity,
                today: step.store.todayDate)
            return (original, [part])
        }
    }
}
