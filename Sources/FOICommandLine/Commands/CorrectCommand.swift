import ArgumentParser
import FOIKit

/// `foi correct`.
struct CorrectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Put right what was recorded when the request was logged.",
        discussion: """
            A correction is a step of its own: the history keeps what was first recorded and the correction after \
            it, with the reason. From the correction on, every clock and figure is worked out from the corrected \
            receipt (a corrected receipt date moves the due date, the board and the timeliness figures); figures as \
            at a date before the correction stand as they were, so a return already sent can be reproduced. The \
            requester's details are personal data: they are corrected in the requester's record, and the history \
            says only which were corrected. Refused, changing nothing, where a step already recorded could not \
            stand on the corrected receipt (a step before the corrected date, a FOIA refusal under the EIR). To \
            undo a step recorded by mistake, use 'foi void'.
            """)
    @Option(
        help: ArgumentHelp(
            "The day (or timestamp with a zone) the request was in fact received.", valueName: "date|timestamp"))
    var received: DateOrTimestamp?
    @Option(help: ArgumentHelp("The request's subject.", valueName: "text")) var subject: String?
    @Option(help: "The regime the request is handled under.") var regime: Regime?
    @Option(help: "How the request arrived.") var channel: Channel?
    @Option(help: ArgumentHelp("The requester's name.", valueName: "name")) var requester: String?
    @Option(help: ArgumentHelp("The requester's e-mail address.", valueName: "address")) var email: String?
    @Option(help: ArgumentHelp("The requester's postal address.", valueName: "text")) var address: String?
    @Option(help: ArgumentHelp("What was wrong, for the history.", valueName: "text")) var reason: String
    @Option(help: ArgumentHelp("When the correction is made (default: today).", valueName: "date"))
    var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(reason, "--reason"), (subject, "--subject"), (requester, "--requester")])
        if received == nil && subject == nil && regime == nil && channel == nil && requester == nil && email == nil
            && address == nil
        {
            throw ValidationError(
                "give what to correct: --received, --subject, --regime, --channel, --requester, --email or --address")
        }
    }

    func run() async throws {
        let correction = Correction(
            received: received?.date, timestamp: received?.timestamp, subject: subject, regime: regime,
            channel: channel, reason: reason)
        let details: [RequesterField: String?] = [.name: requester, .email: email, .address: address]
        try await step.record { casework in
            try await casework.correct(
                step.reference, correction, requester: details.compactMapValues { $0 }, on: step.date(on),
                by: step.store.identity, today: step.store.todayDate)
        }
    }
}
