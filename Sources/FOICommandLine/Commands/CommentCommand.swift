import ArgumentParser
import FOIApp
import FOIKit

/// `foi comment`: a word for the team on the case, mentioning people by their e-mail addresses.
struct CommentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Comment on a case for the team, mentioning people by their e-mail addresses.",
        discussion: """
            Each e-mail address in the text must be an active user's: they are mentioned, and sent a message with \
            a link to the case (foi notify send delivers it). A comment is an event in the case's history; its text \
            is personal data, removed with the requester's. foi-server marks comments a user has not read.
            """)
    @OptionGroup var step: StepOptions
    @Argument(help: "The comment, e.g. 'legal@council.example please check the s.40 reasoning'.") var text: String
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

    func validate() throws { try Check.nonBlank([(text, "the comment")]) }

    func run() async throws {
        try await step.recordOnStore { storage in
            (
                try await Discussion(storage: storage).comment(
                    step.reference, text: text, on: step.date(on), by: step.store.identity,
                    today: step.store.todayDate), []
            )
        }
    }
}
