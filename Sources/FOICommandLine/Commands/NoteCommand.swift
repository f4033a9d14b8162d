import ArgumentParser
import FOIKit

/// `foi note`.
struct NoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to the case history.")
    @OptionGroup var step: StepOptions
    @Argument(help: "The note.") var text: String
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

    func validate() throws {
        try Check.nonBlank([(text, "the note")])
    }

    func run() async throws { try await step.record(.note(text), on: step.date(on)) }
}
