import ArgumentParser
import FOIKit

/// `foi flag`: what routes a case to more eyes.
struct FlagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flag",
        abstract: "Raise a flag that routes the case (press, legal, private office, ...), or take it down.",
        discussion: """
            A flag says who else must see the case before it goes out, or what the officer must know: the press \
            office, legal, the private office, a high-profile request, a requester with a history of vexatious \
            requests. Each raise and removal is an event; 'foi show' lists the flags and 'foi list --flag F' \
            the cases that have one.
            """)
    @OptionGroup var step: StepOptions
    @Argument(help: "The flag.") var flag: CaseFlag
    @Flag(help: "Take the flag down.") var remove = false
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

    func run() async throws { try await step.record(.flagged(flag, removed: remove), on: step.date(on)) }
}
