import ArgumentParser
import FOIApp
import FOIKit
import FOIViews
import Foundation

/// Where the database is and what day it is: shared by every command that reads or writes cases.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The case database. Default: $FOI_DB, else $XDG_DATA_HOME/foi/foi.sqlite ($HOME/.local/share/foi/"
                + "foi.sqlite). Only log, demo, settings and import create a missing one.", valueName: "path"))
    var db: String?

    @Option(
        help: ArgumentHelp(
            "Take this date as today (YYYY-MM-DD), for reproducible runs. Default: today in London.", valueName: "date")
    )
    var today: CivilDate?

    @Option(
        help: ArgumentHelp("Who is recording the step (stored with each event). Default: $USER.", valueName: "name"))
    var actor: String?

    /// The database path the options select.
    var path: String {
        db ?? Stores.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store, turning a failure into one line. Only the commands that start a database (`log`, `demo`,
    /// `settings`) create one: any other on a mistyped path says so rather than show an empty board. Commands that
    /// only read open it read-only. Run by foi-server: its store.
    func open(_ access: StoreAccess = .write) throws -> any CaseStorage {
        if let host = CommandHost.current { return host.storage }
        return try perform { try Stores.open(path: path, access: access) }
    }

    /// Whether the database the options select exists; run by foi-server, its own, which does.
    func databaseExists() throws -> Bool {
        if CommandHost.current != nil { return true }
        return try perform { try Stores.exists(at: path) }
    }

    /// Today's London date, or `--today`; run by foi-server, its today.
    var todayDate: CivilDate {
        CommandHost.current?.today ?? today ?? ReceiptTime.londonDate(atUTCSeconds: Int(Date().timeIntervalSince1970))
    }

    /// Who records the step: the user `--actor` names (an e-mail address or a name), else the operating-system
    /// account running foi (`$USER` or `$LOGNAME`, else the login name of the process's user). Either is made a
    /// user of the file the first time it records something.
    var identity: Actor {
        if let host = CommandHost.current { return host.actor }
        if let actor { return .named(actor) }
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return .localAccount(name) }
        return .localAccount(getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "unknown")
    }

    func validate() throws {
        try Check.nonBlank([(actor, "--actor"), (db, "--db")])
    }
}

/// A step recorded on a case: the reference, the shared options and the output format. Declared last in each step
/// command, so that the command's own options come first in its help.
struct StepOptions: ParsableArguments {
    @Argument(help: "The case reference, e.g. FOI-2026-000123.")
    var ref: String

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format of the updated case.")
    var format: OutputFormat = .table

    var reference: CaseReference { CaseReference(rawValue: ref) }

    /// The date of the step: `given`, else today.
    func date(_ given: DateOrTimestamp?) -> CivilDate {
        given?.date ?? store.todayDate
    }

    /// Records `event` on the case, dated `date`, and prints the case as it now stands.
    func record(_ event: CaseEvent, on date: CivilDate) async throws {
        try await record(on: date) { _, _ in event }
    }

    /// Records the event `makeEvent` builds from the case as it stands (`Casework.record`).
    func record(on date: CivilDate, _ makeEvent: (Case, CaseRules) throws -> CaseEvent) async throws {
        try await record { casework in
            try await casework.record(
                on: date, for: reference, by: store.identity, today: store.todayDate, building: makeEvent)
        }
    }

    /// Records the step `useCase` records with the case's `Casework`, and prints the case as it now stands.
    func record(_ useCase: (Casework) async throws -> RecordedStep) async throws {
        try await recordOnStore { storage in (try await useCase(Casework(storage: storage)), []) }
    }

    /// Records the step `useCase` records on the store, and prints the case as it now stands with the cases it
    /// made (`made`: a split's part). Run by foi-server, hands the cases to the server instead.
    func recordOnStore(_ useCase: (any CaseStorage) async throws -> (step: RecordedStep, made: [CaseSummary]))
        async throws
    {
        let caseStore = try store.open()
        let (step, made) = try await perform(on: reference) { try await useCase(caseStore) }
        guard !CommandHost.handedOver([step.summary.ref] + made.map(\.ref)) else { return }
        if let warning = step.event.event.warning {
            warn(warning.commandLine)
        }
        try perform {
            try CaseView.render(
                [step.summary] + made, calendars: caseStore.calendars, today: store.todayDate, format: format)
        }.flush()
    }
}

/// Exactly one of `values` must be given.
func requireOne(_ values: [Any?], of names: String) throws {
    if values.compactMap({ $0 }).count != 1 { throw ValidationError("give one of \(names)") }
}

/// A regulator's or Tribunal's reference as typed, trimmed; blank is refused.
func reference(_ text: String, option: String) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { throw Failure.usage("\(option) needs the reference, e.g. IC-123456-A1B2 or EA/2024/0123") }
    return trimmed
}

/// Whose cases: one officer's (`--officer NAME`), one team's (`--team NAME`), or those no one handles
/// (`--unassigned`); shared by the board, the listing and the calendar.
struct HandlerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only the cases assigned to this officer (foi assign).", valueName: "name"))
    var officer: String?
    @Option(
        help: ArgumentHelp(
            "Only the cases allocated to this team (or a team under it), or handled by one of its members.",
            valueName: "name"))
    var team: String?
    @Flag(help: "Only the cases no one is assigned to.") var unassigned = false

    func validate() throws {
        if [officer != nil, team != nil, unassigned].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --officer NAME, --team NAME and --unassigned")
        }
        try Check.nonBlank([(officer, "--officer"), (team, "--team")])
    }

    /// Whose cases the figures count, in a line above a table; nil for every case.
    var scope: String? {
        if let team { return "Only the cases of the team \(team) and the teams under it, as they are handled now." }
        if let officer { return "Only the cases of \(officer), as they are handled now." }
        return unassigned ? "Only the cases no one handles now." : nil
    }

    /// The filter, with the team found in `storage` (an unknown team is refused, naming those there are).
    func filter(in storage: any CaseStorage) async throws -> HandlerFilter? {
        if let team { return .team(try await Allocating.team(named: team, storage).id) }
        return officer.map { .officer($0) } ?? (unassigned ? .unassigned : nil)
    }
}
