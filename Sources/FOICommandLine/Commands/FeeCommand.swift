import ArgumentParser
import FOIKit

/// `foi fee`.
struct FeeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fee",
        abstract: "Issue a fees notice, record the payment, or record that the fee lapsed.",
        discussion: """
            FOIA s.10(2): the working days from the day the fees notice is given to the day the fee is received, \
            both inclusive, do not count. An unpaid fee lapses after three months beginning with the notice \
            (s.9(2)); under the EIR after 60 working days (reg 8).
            """
    )
    @Option(help: ArgumentHelp("A fees notice was given on this date.", valueName: "date")) var notice: DateOrTimestamp?
    @Option(help: ArgumentHelp("The amount asked, as written on the notice.", valueName: "amount")) var amount: String?
    @Option(help: ArgumentHelp("The fee was received on this date.", valueName: "date")) var paid: DateOrTimestamp?
    @Option(help: ArgumentHelp("The fee was not paid: the request lapses on this date.", valueName: "date"))
    var lapsed: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(amount, "--amount")])
        try requireOne([notice, paid, lapsed], of: "--notice, --paid or --lapsed")
    }

    func run() async throws {
        if let notice { try await step.record(.feeNoticeIssued(amount: amount), on: notice.date) }
        if let paid { try await step.record(.feePaid, on: paid.date) }
        if let lapsed { try await step.record(.feeLapsed, on: lapsed.date) }
    }
}
