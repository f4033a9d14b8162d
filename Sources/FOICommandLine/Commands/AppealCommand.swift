import ArgumentParser
import FOIKit

/// `foi appeal`.
struct AppealCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeal",
        abstract: "Record an appeal against a decision notice, its hearing date, its outcome, or an onward appeal.",
        discussion: """
            The notice of appeal must reach the First-tier Tribunal (General Regulatory Chamber) within 28 days of the \
            date the decision notice was sent (SI 2009/1976 r.22(1)(b)); a later appeal is recorded with a warning, as \
            it needs the Tribunal to extend time (r.5(3)(a)). Both parties may appeal the same notice ([2014] UKUT \
            444 (AAC)): while two appeals are under way, --hearing and --outcome name theirs with --appeal-ref.

            While the authority's own appeal is pending the steps the notice ordered need not be taken (FOIA s.50(6), \
            FOISA s.49(7)); once it is dismissed, withdrawn or struck out they are due again, by --comply-by or 35 \
            days after the decision. A requester's appeal allowed ends in the Tribunal's substituted notice, whose \
            steps are due the same way (--steps records them; --no-steps a decision that orders none, as when the \
            appeal is allowed on a finding alone).

            After the Tribunal's decision, either party may ask it for permission to appeal to the Upper Tribunal \
            within 28 days of the decision being sent (r.42): --lodged with --onward.
            """
    )
    @Option(
        help: ArgumentHelp(
            "The notice of appeal was lodged on this date; needs --by and --appeal-ref.", valueName: "date"))
    var lodged: DateOrTimestamp?
    @Option(help: "Who appealed.") var by: Appellant?
    @Option(help: ArgumentHelp("The Tribunal's reference, e.g. EA/2024/0123.", valueName: "ref")) var appealRef: String?
    @Flag(help: "With --lodged: an application for permission to appeal the Tribunal's decision to the Upper Tribunal.")
    var onward = false
    @Option(help: ArgumentHelp("The hearing is listed for this date.", valueName: "date")) var hearing: CivilDate?
    @Option(help: "How the Tribunal decided the appeal.") var outcome: AppealOutcome?
    @Option(help: ArgumentHelp("With --outcome: the day the steps are due after the decision.", valueName: "date"))
    var complyBy: CivilDate?
    @Option(help: ArgumentHelp("With --outcome: the steps the Tribunal's decision orders.", valueName: "text"))
    var steps: String?
    @Flag(
        help: ArgumentHelp(
            "With --outcome: the decision (or the notice it substitutes) orders no steps, e.g. an appeal allowed on "
                + "a finding that the request was answered late; no duty to comply follows it."))
    var noSteps = false
    @Option(
        help: ArgumentHelp("When the hearing was listed or the appeal decided (default: today).", valueName: "date"))
    var on: DateOrTimestamp?
    @OptionGroup var step: StepOptions

    func validate() throws {
        try Check.nonBlank([(steps, "--steps"), (appealRef, "--appeal-ref")])
        try requireOne([lodged, hearing, outcome], of: "--lodged, --hearing or --outcome")
        if lodged != nil && (by == nil || appealRef == nil) {
            throw ValidationError("--lodged needs --by (requester or authority) and --appeal-ref, e.g. EA/2024/0123")
        }
        if onward && lodged == nil { throw ValidationError("--onward goes with --lodged") }
        if outcome == nil && (complyBy != nil || steps != nil || noSteps) {
            throw ValidationError("--comply-by, --steps and --no-steps go with --outcome")
        }
        if noSteps && (steps != nil || complyBy != nil) {
            throw ValidationError("--no-steps is for a decision that orders no steps and gives no date to comply by")
        }
    }

    func run() async throws {
        let named = try appealRef.map { try reference($0, option: "--appeal-ref") }
        if let lodged {
            guard let by, let named else { throw ValidationError("--lodged needs --by and --appeal-ref") }
            let lodging = AppealLodging(
                appellant: by, reference: named, level: onward ? .upperTribunal : .firstTier)
            try await step.record(.appealLodged(lodging), on: lodged.date)
        }
        if let hearing {
            try await step.record(.hearingListed(on: hearing, appeal: named), on: step.date(on))
        }
        if let outcome {
            let decision = AppealDecision(
                outcome: outcome, appeal: named, complyBy: complyBy, steps: steps, ordersNoSteps: noSteps)
            try await step.record(.appealDecided(decision), on: step.date(on))
        }
    }
}
