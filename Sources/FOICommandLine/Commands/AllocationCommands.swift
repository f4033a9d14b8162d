import ArgumentParser
import FOIApp
import FOIKit
import FOIViews
import Foundation

/// `foi accept`: the officer or team a case was offered to takes it.
struct AcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Accept a case allocated to you or to your team.",
        discussion: """
            A case assigned to an officer (foi assign --to) is theirs to accept; one allocated to a team (foi \
            assign --team) is accepted by any member of the team or of a team under it, who then handles it. \
            Either way the acceptance is an event, with who accepted and when.
            """)
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

    func run() async throws { try await step.answerOffer(rejecting: nil, on: on) }
}

/// `foi reject`: the officer or team a case was offered to gives it back.
struct RejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Give back a case allocated to you or to your team, with the reason.",
        discussion: """
            The case returns to no one, with the reason in its history, for the coordinator to allocate again.
            """)
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("Why the case is given back (e.g. not our service).", valueName: "text"))
    var reason: String
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

    func validate() throws { try Check.nonBlank([(reason, "--reason")]) }

    func run() async throws { try await step.answerOffer(rejecting: reason, on: on) }
}

extension StepOptions {
    /// The offer of the case accepted (or, with `reason`, given back) by the user running the command.
    func answerOffer(rejecting reason: String?, on: DateOrTimestamp?) async throws {
        try await recordOnStore { storage in
            (
                try await Allocating(storage: storage).answer(
                    reference, rejecting: reason, on: date(on), by: store.identity, today: store.todayDate), []
            )
        }
    }
}

/// `foi reassign`: everything of someone who leaves, to someone else, at once.
struct ReassignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign",
        abstract: "Pass every unfinished case and open task of one user to another, in one transaction.",
        discussion: """
            For someone who leaves or is away: each case they handle that is not finished is assigned to the \
            other user, and each open task of theirs is passed to them, as events of each case, all recorded or \
            none. Lists the cases it changed.
            """)
    @Option(help: ArgumentHelp("The user whose work passes on (e-mail address or name).", valueName: "email"))
    var from: String
    @Option(help: ArgumentHelp("The active user who takes it (e-mail address or name).", valueName: "email"))
    var to: String
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?
    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions

    func validate() throws { try Check.nonBlank([(from, "--from"), (to, "--to")]) }

    func run() async throws {
        let caseStore = try store.open()
        let today = store.todayDate
        let steps = try await perform {
            try await Allocating(storage: caseStore).reassign(
                from: from.trimmingCharacters(in: .whitespaces), to: to.trimmingCharacters(in: .whitespaces),
                on: on?.date ?? today, by: store.identity, today: today)
        }
        // Each case once, as its last step left it.
        var latest: [CaseReference: CaseSummary] = [:]
        for step in steps { latest[step.summary.ref] = step.summary }
        let changed = steps.map(\.summary.ref).reduce(into: [CaseReference]()) { if !$0.contains($1) { $0.append($1) } }
        if format == .table {
            say("Passed \(plural(steps.count, "step")) on \(plural(changed.count, "case")).")
        }
        try perform {
            try CaseView.render(
                changed.compactMap { latest[$0] }, calendars: caseStore.calendars, today: today, format: format)
        }.flush()
    }
}

/// `foi team`: the office's teams.
struct TeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Add teams, put users in them, and list them.",
        discussion: """
            Teams form a tree (a directorate, its departments). A case is allocated to a team with 'foi assign REF \
            --team NAME' and accepted by any member of it or of a team under it; 'foi board --team NAME', 'foi list \
            --team NAME' and 'foi task list --team NAME' show a team's work. A team's coordinator is the one a \
            chaser escalates to.
            """,
        subcommands: [Add.self, Member.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a team.")
        @Argument(help: "The team's name.") var name: String
        @Option(help: ArgumentHelp("The team it belongs to.", valueName: "name")) var parent: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            try Check.nonBlank([(name, "the team's name"), (parent, "--parent")])
            guard name.count <= Team.longestName else {
                throw ValidationError("a team's name is at most \(Team.longestName) characters")
            }
        }

        func run() async throws {
            let caseStore = try store.open(.create)
            let name = name.trimmingCharacters(in: .whitespaces)
            let team = try await perform { try await caseStore.addTeam(named: name, parent: parent) }
            say(
                "Added team \(team.id): \(team.name.printable)" + (parent.map { ", under \($0.printable)" } ?? "") + "."
            )
        }
    }

    struct Member: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member", abstract: "Put a user in a team (or change their role there), or take them out.")
        @Argument(help: "The team's name.") var team: String
        @Argument(help: "The user's e-mail address.") var email: String
        @Option(help: "What they do in the team.") var role: Team.Role = .member
        @Flag(help: "Take them out of the team.") var remove = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let caseStore = try store.open()
            _ = try await perform {
                try await caseStore.setMembership(of: email, in: team, as: remove ? nil : role)
            }
            say(
                remove
                    ? "Took \(email.printable) out of \(team.printable)."
                    : "\(email.printable) is in \(team.printable) as \(role.rawValue).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the teams.")
        @Option(help: "Output format.") var format: OutputFormat = .table
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let caseStore = try store.open(.read)
            let (teams, users) = try await perform { (try await caseStore.teams(), try await caseStore.users()) }
            try perform { try TeamView.render(teams, names: users.names, format: format) }.flush()
        }
    }
}
