import ArgumentParser
import FOIApp
import FOIKit
import FOIViews
import Foundation

/// `foi assign`: who handles a case.
struct AssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign a case to the officer who handles it, or to no one.",
        discussion: """
            --to NAME makes NAME the case's handler; --team NAME offers the case to a team (foi team), for one of \
            its members to accept; --unassign leaves it with no one. An officer or team offered a case accepts it \
            ('foi accept') or gives it back with a reason ('foi reject'). Each is an event, so a \
            reassignment keeps the history of who handled the case when. The handler shows in 'foi show' and in \
            the JSON of every listing ("handler", absent while no one is assigned); 'foi board', 'foi list' and \
            'foi calendar' take --officer NAME (or --unassigned) for one officer's cases. Names are matched exactly \
            as written.
            """)
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("The officer who handles the case from now on.", valueName: "name")) var to: String?
    @Option(help: ArgumentHelp("The team the case is offered to; a member accepts it.", valueName: "name"))
    var team: String?
    @Flag(help: "Leave the case with no one.") var unassign = false
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

    func validate() throws {
        try Check.nonBlank([(to, "--to"), (team, "--team")])
        if [to != nil, team != nil, unassign].filter({ $0 }).count != 1 {
            throw ValidationError("give one of --to NAME, --team NAME and --unassign")
        }
    }

    func run() async throws {
        try await step.recordOnStore { storage in
            let allocating = Allocating(storage: storage)
            let (date, actor, today) = (step.date(on), step.store.identity, step.store.todayDate)
            let recorded =
                if let team {
                    try await allocating.allocate(
                        step.reference, toTeam: team.trimmingCharacters(in: .whitespaces), on: date, by: actor,
                        today: today)
                } else {
                    try await allocating.assign(
                        step.reference, to: to?.trimmingCharacters(in: .whitespaces), on: date, by: actor,
                        today: today)
                }
            return (recorded, [])
        }
    }
}
