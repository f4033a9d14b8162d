import ArgumentParser
import FOIApp
import FOIKit
import FOIViews

/// `foi task`: questions put to contributors in other departments, on the case's clock.
struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Give contributors tasks on the case's clock, record their answers, list who owes what.",
        discussion: """
            A task is a question put to a user in another department (a contributor), or to a team any member of \
            which (or of a team under it) answers, with a date within the \
            case's own: N working days in the case's calendar (--days, else the task-days setting, 5) or a date \
            (--due). The task's count stops when the case's clock stops and starts again as the statute starts \
            the case's (a clarification starts it afresh; a fee's days do not count), and a task that would be due \
            after the case is refused with the case's date. A contributor sees the question, the case's reference \
            and subject, never the requester. Hours logged against one of the four activities the Fees \
            Regulations allow count toward the s.12 estimate.
            """,
        subcommands: [Give.self, Done.self, Decline.self, List.self])

    struct Give: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Put a question to a contributor, due within the case's own date.")
        @Option(help: ArgumentHelp("The contributor: the e-mail address of an active user.", valueName: "email"))
        var to: String?
        @Option(
            help: ArgumentHelp(
                "Or a team: any member of it, or of a team under it, answers; each member is told.", valueName: "name"))
        var team: String?
        @Option(help: ArgumentHelp("The question.", valueName: "text")) var ask: String?
        @Option(
            help: ArgumentHelp("A UTF-8 text file holding the question, or - for standard input.", valueName: "file"))
        var askFile: String?
        @Option(help: ArgumentHelp("Due on this date.", valueName: "date")) var due: CivilDate?
        @Option(
            help: ArgumentHelp("Due N working days after it is given (default: the task-days setting).", valueName: "n")
        )
        var days: Int?
        @Option(help: ArgumentHelp("When it is given (default: today).", valueName: "date")) var on: DateOrTimestamp?
        @OptionGroup var step: StepOptions

        func validate() throws {
            try Check.nonBlank([(to, "--to"), (team, "--team"), (ask, "--ask")])
            try requireOne([to, team], of: "--to EMAIL or --team NAME")
            try requireOne([ask, askFile], of: "--ask TEXT or --ask-file FILE")
            if due != nil && days != nil { throw ValidationError("give --due DATE or --days N, not both") }
            try Check.within(days, TaskRequest.allowedWorkingDays, "--days", "working days")
        }

        func run() async throws {
            let question = try ask ?? readText(askFile ?? "-")
            let when: TaskDesk.Due? = due.map(TaskDesk.Due.date) ?? days.map(TaskDesk.Due.workingDays)
            // validate() leaves exactly one of the two.
            let contributor: TaskDesk.Contributor =
                team.map { .team($0.trimmingCharacters(in: .whitespaces)) }
                ?? .user((to ?? "").trimmingCharacters(in: .whitespaces))
            try await step.recordOnStore { storage in
                let recorded = try await TaskDesk(storage: storage).give(
                    step.reference, to: contributor, ask: question, due: when,
                    on: step.date(on), by: step.store.identity, today: step.store.todayDate)
                return (recorded, [])
            }
        }
    }

    struct Done: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done", abstract: "Record a contributor's answer to a task, and the time it took.")
        // The case before the task: `foi task done REF TASK`.
        @OptionGroup var step: StepOptions
        @Argument(help: "The task's number in the case.") var task: Int
        @Option(help: ArgumentHelp("A UTF-8 text file holding the answer, or - for standard input.", valueName: "file"))
        var answerFile: String
        @Option(help: ArgumentHelp("Hours spent.", valueName: "hours")) var hours: Double?
        @Option(help: "What the hours were spent on; only these four count toward the s.12 estimate.")
        var activity: CostActivity?
        @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

        func run() async throws {
            let answer = TaskAnswer(number: task, answer: try readText(answerFile), hours: hours, activity: activity)
            try await step.record(.taskDone(answer), on: step.date(on))
        }
    }

    struct Decline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decline", abstract: "Record that a contributor cannot do a task, and why.")
        // The case before the task: `foi task decline REF TASK`.
        @OptionGroup var step: StepOptions
        @Argument(help: "The task's number in the case.") var task: Int
        @Option(help: ArgumentHelp("Why (e.g. the information is another body's).", valueName: "text"))
        var reason: String
        @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

        func validate() throws {
            try Check.nonBlank([(reason, "--reason")])
        }

        func run() async throws {
            try await step.record(.taskDeclined(number: task, reason: reason), on: step.date(on))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List open tasks, the earliest due first.")
        @Flag(help: "Only the tasks you answer: given to you or a team of yours (you: --actor, else your login).")
        var mine = false
        @Flag(help: "Only the tasks past their date.") var overdue = false
        @Option(help: ArgumentHelp("Only the tasks of this case.", valueName: "ref")) var `case`: String?
        @Option(
            help: ArgumentHelp(
                "Only the tasks given to this team or its members (and to teams under it).", valueName: "name"))
        var team: String?
        @Flag(help: "Answered, declined and ended tasks too.") var all = false
        @Option(help: "Output format.") var format: OutputFormat = .table
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let today = store.todayDate
            let caseStore = try store.open(.read)
            if let reference = `case`.map(CaseReference.init(rawValue:)) {
                // An unknown case is said, not listed as having no tasks.
                try await perform(on: reference) {
                    if try await !caseStore.existing([reference]).contains(reference) {
                        throw StoreError.caseNotFound(reference)
                    }
                }
            }
            try await perform {
                var teamID: TeamID?
                if let team { teamID = try await Allocating.team(named: team, caseStore).id }
                let filter = TaskFilter(
                    team: teamID, reference: `case`.map(CaseReference.init(rawValue:)),
                    standings: all ? Set(TaskStanding.allCases) : [.open], overdue: overdue)
                return try TaskView.render(
                    try await TaskDesk(storage: caseStore).list(
                        filter, mine: mine ? store.identity : nil, today: today),
                    calendars: caseStore.calendars, today: today, format: format)
            }.flush()
        }
    }
}
