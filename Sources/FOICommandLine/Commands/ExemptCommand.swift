import ArgumentParser
import FOIKit

/// `foi exempt`.
struct ExemptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exempt",
        abstract: "Apply an exemption (FOIA, FOISA) or exception (EIR) to the case.",
        discussion: """
            Cite the section and subsection as in the refusal notice: 31(1)(a), 40(2), 12(5)(e). Where the limbs are \
            alternatives the notice names those relied on (FOIA s.17(1)(b)): 31(1)(a)(b), not 31(1) or 31. A qualified \
            exemption needs the public interest conclusion; --ncnd records that the duty to confirm or deny is \
            excluded (the exemption must have an NCND provision, e.g. s.23(5), s.24(2), s.31(3)). For a request that \
            is part FOIA, part EIR, --part says which regime the decision belongs to. 'foi exemptions' lists the \
            catalogue. --withdraw records before the response that an exemption is no longer relied on (its \
            reasoning goes with it); after the response an internal review withdraws one, and one applied by \
            mistake is voided ('foi void').
            """
    )
    @Option(help: ArgumentHelp("The exemption, e.g. 31(1)(a).", valueName: "citation")) var section: String
    @Flag(help: "Neither confirm nor deny that the information is held.") var ncnd = false
    @Option(help: "The public interest conclusion for a qualified exemption.")
    var publicInterest: PublicInterestConclusion?
    @Option(help: "The regime of the part this decision belongs to (default: the case's).") var part: Regime?
    @Flag(help: "The exemption is no longer relied on.") var withdraw = false
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(section, "--section")])
        if withdraw && (ncnd || publicInterest != nil) {
            throw ValidationError(
                "--withdraw takes the exemption's --section (and --part), not --ncnd or --public-interest")
        }
    }

    func run() async throws {
        try await step.record(on: step.date(on)) { file, rules in
            if withdraw {
                return .exemptionWithdrawn(citation: ExemptionCatalogue.normalise(section), part: part ?? file.regime)
            }
            return .exemptionApplied(
                try file.exemptionDecision(
                    citing: section, part: part, neitherConfirmNorDeny: ncnd, publicInterest: publicInterest,
                    catalogue: rules.catalogue))
        }
    }
}
