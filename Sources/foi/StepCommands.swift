import ArgumentParser
import FOIKit
import FOIStore

// The commands that record one step on a case. Each builds one event; the lifecycle in FOIKit decides whether
// the step is allowed now, and the store appends it with the case's new projection in one transaction.

/// `foi acknowledge`.
struct AcknowledgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledge", abstract: "Record that the request was acknowledged.")
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: String?
    func run() throws { try step.record(.acknowledged, on: try step.date(on, option: "--on")) }
}

/// `foi clarify`.
struct ClarifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clarify",
        abstract: "Request clarification, record it arriving, or close the case for want of it.",
        discussion: """
            FOIA s.1(3): the authority need not comply until it has the information it reasonably needs to identify and \
            locate what is asked for. The clock stops when clarification is requested, and a fresh 20 working days run \
            from the day it is received (s.10(6)(b)); days used before are not carried over. EIR reg 9 and FOISA s.1(3) \
            work the same way; for a SAR the days waited are added to the month.
            """
    )
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("Clarification was requested on this date.", valueName: "date")) var requested: String?
    @Option(help: ArgumentHelp("Clarification was received on this date (or timestamp).", valueName: "date"))
    var received: String?
    @Option(help: ArgumentHelp("No clarification came: the case lapses on this date.", valueName: "date")) var lapsed:
        String?
    @Option(help: ArgumentHelp("What was asked.", valueName: "text")) var note: String?

    func validate() throws {
        try requireOne([requested, received, lapsed], of: "--requested, --received or --lapsed")
    }

    func run() throws {
        if let requested {
            try step.record(.clarificationRequested(note: note), on: try step.date(requested, option: "--requested"))
        }
        if let received { try step.record(.clarificationReceived, on: try step.date(received, option: "--received")) }
        if let lapsed { try step.record(.clarificationLapsed, on: try step.date(lapsed, option: "--lapsed")) }
    }
}

/// `foi fee`.
struct FeeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fee",
        abstract: "Issue a fees notice, record the payment, or record that the fee lapsed.",
        discussion: """
            FOIA s.10(2): the working days from the day the fees notice is given to the day the fee is received, both \
            inclusive, do not count. An unpaid fee lapses after three months beginning with the notice (s.9(2)); \
            under the EIR after 60 working days (reg 8).
            """
    )
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("A fees notice was given on this date.", valueName: "date")) var notice: String?
    @Option(help: ArgumentHelp("The amount asked, as written on the notice.", valueName: "amount")) var amount: String?
    @Option(help: ArgumentHelp("The fee was received on this date.", valueName: "date")) var paid: String?
    @Option(help: ArgumentHelp("The fee was not paid: the request lapses on this date.", valueName: "date")) var lapsed:
        String?

    func validate() throws {
        try requireOne([notice, paid, lapsed], of: "--notice, --paid or --lapsed")
    }

    func run() throws {
        if let notice {
            try step.record(.feeNoticeIssued(amount: amount), on: try step.date(notice, option: "--notice"))
        }
        if let paid { try step.record(.feePaid, on: try step.date(paid, option: "--paid")) }
        if let lapsed { try step.record(.feeLapsed, on: try step.date(lapsed, option: "--lapsed")) }
    }
}

/// `foi search`.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Record a search for the information: where, whether it is held, and the hours spent.",
        discussion: "The hours count towards the s.12 cost limit: £25 an hour, 18 hours (24 for central government)."
    )
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("Where was searched.", valueName: "text")) var location: String
    @Flag(inversion: .prefixedNo, help: "Whether information in scope was found.") var held: Bool
    @Option(help: ArgumentHelp("Hours spent.", valueName: "hours")) var hours: Double = 0
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: String?

    func validate() throws {
        if hours < 0 || !hours.isFinite { throw ValidationError("--hours must be zero or more") }
    }

    func run() throws {
        try step.record(
            .searchRecorded(Search(location: location, held: held, hours: hours)), on: try step.date(on, option: "--on")
        )
    }
}

/// `foi exempt`.
struct ExemptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exempt",
        abstract: "Apply an exemption (FOIA, FOISA) or exception (EIR) to the case.",
        discussion: """
            Cite the section and subsection as in the refusal notice: 31(1)(a), 40(2), 12(5)(e). A qualified exemption \
            needs the public interest conclusion; --ncnd records that the duty to confirm or deny is excluded (the \
            exemption must have an NCND provision, e.g. s.23(5), s.24(2), s.31(3)). For a request that is part FOIA, \
            part EIR, --part says which regime the decision belongs to. 'foi exemptions' lists the catalogue.
            """
    )
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("The exemption, e.g. 31(1)(a).", valueName: "citation")) var section: String
    @Flag(help: "Neither confirm nor deny that the information is held.") var ncnd = false
    @Option(help: "The public interest conclusion for a qualified exemption.") var publicInterest:
        PublicInterestConclusion?
    @Option(help: "The regime of the part this decision belongs to (default: the case's).") var part: Regime?
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: String?

    func run() throws {
        try step.record(on: try step.date(on, option: "--on")) { store in
            .exemptionApplied(
                ExemptionDecision(
                    citation: ExemptionCatalogue.normalise(section),
                    part: try part ?? store.caseFile(step.reference).regime,
                    neitherConfirmNorDeny: ncnd, publicInterest: publicInterest))
        }
    }
}

/// `foi extend`.
struct ExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Extend the deadline where the regime allows it.",
        discussion: """
            FOIA s.10(3): more time to consider the public interest, given as further working days (--days); the \
            refusal notice (s.17(1)) is still due by day 20, and the ICO expects at most 20 further working days. \
            A qualified exemption must be applied first. EIR and EIR(S) reg 7: 40 working days in all for complex and \
            voluminous requests (no --days). SAR: two further months. FOISA allows no extension.
            """
    )
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("FOIA: further working days for the public interest test.", valueName: "n")) var days:
        Int?
    @Option(help: ArgumentHelp("Why.", valueName: "text")) var reason: String?
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: String?

    func run() throws {
        try step.record(.extended(workingDays: days, reason: reason), on: try step.date(on, option: "--on"))
    }
}

/// `foi respond`.
struct RespondCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: "Record the response and its outcome.",
        discussion:
            "A response that withholds information (partially-withheld, withheld-in-full, ncnd) must cite the exemptions applied with 'foi exempt'."
    )
    @OptionGroup var step: StepOptions
    @Option(help: "The outcome.") var outcome: Outcome
    @Option(help: ArgumentHelp("When the response was sent (default: today).", valueName: "date")) var on: String?

    func run() throws { try step.record(.responded(outcome), on: try step.date(on, option: "--on")) }
}

/// `foi withdraw`.
struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Record that the requester withdrew the request.")
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("Why, if known.", valueName: "text")) var reason: String?
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: String?
    func run() throws { try step.record(.withdrawn(reason: reason), on: try step.date(on, option: "--on")) }
}

/// `foi transfer`.
struct TransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Record that the request was transferred to another authority (with the requester's consent).",
        discussion: "The receiving authority's 20 working days run from its own receipt; this case closes.")
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("The authority it went to.", valueName: "name")) var to: String
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: String?
    func run() throws { try step.record(.transferred(to: to), on: try step.date(on, option: "--on")) }
}

/// `foi reopen`.
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Reopen a closed case (responded, withdrawn, transferred or lapsed).")
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("Why it is reopened.", valueName: "text")) var reason: String
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: String?
    func run() throws { try step.record(.reopened(reason: reason), on: try step.date(on, option: "--on")) }
}

/// `foi note`.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to the case history.")
    @OptionGroup var step: StepOptions
    @Argument(help: "The note.") var text: String
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: String?
    func run() throws { try step.record(.note(text), on: try step.date(on, option: "--on")) }
}
