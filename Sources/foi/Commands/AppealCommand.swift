import ArgumentParser
import FOIKit

/// `foi appeal`.
struct AppealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeal",
        abstract: "Record an appeal against a decision notice, its hearing date, or its outcome.",
        discussion: """
            The notice of appeal must reach the First-tier Tribunal (General Regulatory Chamber) within 28 days of the \
            date the decision notice was sent (SI 2009/1976 r.22(1)(b)); a later appeal is recorded with a warning, as \
            it needs the Tribunal to extend time (r.5(3)(a)). While the authority's own appeal is pending, the steps \
            the notice ordered need not be taken.
            """
    )
    @Option(
        help: ArgumentHelp(
            "The notice of appeal was lodged on this date; needs --by and --appeal-ref.", valueName: "date"))
    var lodged: DateOrTimestamp?
    @Option(help: "Who appealed.") var by: Appellant?
    @Option(help: ArgumentHelp("The Tribunal's reference, e.g. EA/2024/0123.", valueName: "ref")) var appealRef: String?
    @Option(help: ArgumentHelp("The hearing is listed for this date.", valueName: "date")) var hearing: CivilDate?
    @Option(help: "How the Tribunal decided the appeal.") var outcome: AppealOutcome?
    @Option(
        help: ArgumentHelp("When the hearing was listed or the appeal decided (default: today).", valueName: "date"))
    var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try requireOne([lodged, hearing, outcome], of: "--lodged, --hearing or --outcome")
        if lodged != nil && (by == nil || appealRef == nil) {
            throw ValidationError("--lodged needs --by (requester or authority) and --appeal-ref, e.g. EA/2024/0123")
        }
    }

    func run() throws {
        if let lodged {
            guard let by, let appealRef else { throw ValidationError("--lodged needs --by and --appeal-ref") }
            let lodging = AppealLodging(appellant: by, reference: try reference(appealRef, option: "--appeal-ref"))
            try step.record(.appealLodged(lodging), on: lodged.date)
        }
        if let hearing {
            try step.record(
                .hearingListed(on: hearing), on: step.date(on))
        }
        if let outcome { try step.record(.appealDecided(outcome), on: step.date(on)) }
    }
}
