import ArgumentParser
import FOIKit

/// `foi review`.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a request for internal review, its extension, or its outcome.",
        discussion: """
            The review has its own clock on the same case. FOIA (s.45 Code of Practice): 20 working days from \
            receipt of the request for review, extendable once, with a reason, to at most 40. EIR reg 11(4): 40 \
            working days. FOISA s.21(1): 20 working days. EIR(S) reg 16(4): 20 working days. No extension but FOIA's.

            The requester has 40 working days from the response to ask (FOIA Code, EIR reg 11(2), EIR(S) reg \
            16(2)); under FOISA s.20 from the later of the response and the response deadline. A later request is \
            recorded with a warning, as accepted unless --decline-late records that the authority refused to \
            consider it (--declined-on: the date of that letter, from which the regulator's window runs).

            Under FOISA s.20(1), EIR reg 11 and EIR(S) reg 16 a review can be required of a failure to respond, once \
            the response deadline has passed (within 40 working days of it), or of a fees notice; under FOIA the \
            ICO takes a complaint about a late response without a review. A subject access request has no \
            statutory review: one the authority offers is recorded with a 20-working-day target (guidance).

            With the request, --grounds-file keeps what the requester asks to be reviewed and why. At the outcome, \
            --findings-file records what the reviewer found, part by part, --action-file what changes and by when \
            (the EIR reg 11(5) statement of a failure found, the action decided on and its period), and \
            --withdraw-exemption and --add-exemption which exemption decisions changed; the outcome letter states \
            them. A review of a failure to respond reaches the decision there was none of: record the response, then \
            the review as procedural. The texts are personal: anonymisation removes them.
            """
    )
    @Option(help: ArgumentHelp("The request for review was received on this date.", valueName: "date"))
    var requested: DateOrTimestamp?
    @Option(
        help: ArgumentHelp(
            "Who asked for the review, in general terms (the requester, their solicitor): a personal text, removed "
                + "when the case is anonymised.",
            valueName: "name")) var by: String?
    @Flag(help: "The request came after the requester's window and the authority declines to consider it.")
    var declineLate = false
    @Option(
        help: ArgumentHelp(
            "With --decline-late: the date of the letter declining it (default: the day the request came).",
            valueName: "date"))
    var declinedOn: CivilDate?
    @Option(
        help: ArgumentHelp(
            "FOIA: extend the review to N working days in all (at most 40); needs --reason.", valueName: "n"))
    var extendTo: Int?
    @Option(help: ArgumentHelp("Why the review needs longer.", valueName: "text")) var reason: String?
    @Option(help: "The review's outcome.") var outcome: ReviewOutcome?
    @Option(help: ArgumentHelp("Who carried out the review.", valueName: "name")) var reviewer: String?
    @Option(help: ArgumentHelp("An exemption no longer relied on after review (repeatable).", valueName: "citation"))
    var withdrawExemption: [String] = []
    @Option(
        help: ArgumentHelp("An exemption relied on for the first time at review (repeatable).", valueName: "citation"))
    var addExemption: [String] = []
    @Option(help: ArgumentHelp("The requester's grounds for the review, or - for standard input.", valueName: "file"))
    var groundsFile: String?
    @Option(help: ArgumentHelp("What the reviewer found, part by part.", valueName: "file")) var findingsFile: String?
    @Option(help: ArgumentHelp("What changes as a result, and by when.", valueName: "file")) var actionFile: String?
    @Option(help: "The public interest conclusion for the exemptions added.")
    var publicInterest: PublicInterestConclusion?
    @Option(help: ArgumentHelp("When the extension or outcome was decided (default: today).", valueName: "date"))
    var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(by, "--by"), (reviewer, "--reviewer"), (reason, "--reason")])
        try requireOne([requested, extendTo, outcome], of: "--requested, --extend-to or --outcome")
        if extendTo != nil && reason == nil {
            throw ValidationError("--extend-to needs --reason: the Code allows more time only where it is needed")
        }
        if declinedOn != nil && !declineLate { throw ValidationError("--declined-on goes with --decline-late") }
        if outcome == nil
            && !(withdrawExemption.isEmpty && addExemption.isEmpty && reviewer == nil && findingsFile == nil
                && actionFile == nil)
        {
            throw ValidationError(
                "--reviewer, --findings-file, --action-file, --withdraw-exemption and --add-exemption go with --outcome"
            )
        }
        if groundsFile != nil && requested == nil { throw ValidationError("--grounds-file goes with --requested") }
        if [groundsFile, findingsFile, actionFile].filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one input can be standard input (-)")
        }
    }

    func run() async throws {
        func text(_ path: String?) throws -> String? {
            try path.map { String(decoding: try readTextInput($0), as: UTF8.self) }
        }
        if let requested {
            let grounds = try text(groundsFile)
            try await step.record(on: requested.date) { file, rules in
                try file.reviewRequest(
                    by: by, on: requested.date, declineIfLate: declineLate, declinedOn: declinedOn, grounds: grounds,
                    calendars: rules.calendars)
            }
        }
        if let extendTo {
            try await step.record(.reviewExtended(toWorkingDays: extendTo, reason: reason ?? ""), on: step.date(on))
        }
        if let outcome {
            let (findings, action) = (try text(findingsFile), try text(actionFile))
            try await step.record(on: step.date(on)) { file, rules in
                .reviewDecided(
                    ReviewDecision(
                        outcome: outcome, reviewer: reviewer,
                        withdrawnExemptions: withdrawExemption.map(ExemptionCatalogue.normalise),
                        addedExemptions: try addExemption.map {
                            try file.exemptionDecision(
                                citing: $0, publicInterest: publicInterest, catalogue: rules.catalogue)
                        }, findings: findings, action: action))
            }
        }
    }
}
