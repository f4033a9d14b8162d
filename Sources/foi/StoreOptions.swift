import ArgumentParser
import FOIKit
import FOIStore
import Foundation

/// Where the database is and what day it is: shared by every command that reads or writes cases.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The case database. Default: $FOI_DB, else $XDG_DATA_HOME/foi/foi.sqlite (~/.local/share/foi/foi.sqlite), created on first use.",
            valueName: "path"))
    var db: String?

    @Option(
        help: ArgumentHelp(
            "Take this date as today (YYYY-MM-DD), for reproducible runs. Default: today in London.", valueName: "date")
    )
    var today: String?

    @Option(
        help: ArgumentHelp("Who is recording the step (stored with each event). Default: $USER.", valueName: "name"))
    var actor: String?

    /// The database path the options select.
    var path: String {
        if let db { return db }
        let environment = ProcessInfo.processInfo.environment
        if let fromEnvironment = environment["FOI_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("foi/foi.sqlite")
    }

    /// Opens the store, turning a failure into one line.
    func open() throws -> CaseStore {
        do {
            return try CaseStore(path: path)
        } catch {
            throw Failure.refused("\(error)")
        }
    }

    /// Today's London date, or `--today`.
    func todayDate() throws -> CivilDate {
        if let today { return try parseDate(today, option: "--today") }
        return ReceiptTime.londonDate(atUTCSeconds: Int(Date().timeIntervalSince1970))
    }

    var actorName: String? { actor ?? ProcessInfo.processInfo.environment["USER"] }
}

/// The output of every command that shows cases.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table, json, csv
}

/// Runs a store operation, turning its typed errors into one-line failures.
func perform<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as Failure {
        throw failure
    } catch {
        throw Failure.refused("\(error)")
    }
}

/// A step recorded on a case: the reference, the date, and the shared options.
struct StepOptions: ParsableArguments {
    @Argument(help: "The case reference, e.g. FOI-2026-000123.")
    var ref: String

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Output format of the updated case.", valueName: "format"))
    var format: OutputFormat = .table

    var reference: CaseReference { CaseReference(rawValue: ref) }

    /// The date of the step: `text`, else today.
    func date(_ text: String?, option: String) throws -> CivilDate {
        try text.map { try parseReceipt($0, option: option) } ?? store.todayDate()
    }

    /// Records `event` on the case and prints the case as it now stands.
    func record(_ event: CaseEvent, on date: CivilDate) throws {
        try record(on: date) { _ in event }
    }

    /// Records the event `makeEvent` builds (it may read the store), opening the store once.
    func record(on date: CivilDate, _ makeEvent: (CaseStore) throws -> CaseEvent) throws {
        let store = try self.store.open()
        let step = try perform {
            let event = try makeEvent(store)
            return try store.record(
                RecordedEvent(date: date, event: event), for: reference, actor: self.store.actorName)
        }
        if let warning = step.event.event.warning { FileHandle.standardError.write(Data("Warning: \(warning)\n".utf8)) }
        try CaseOutput.printCases([step.summary], store: store, today: try self.store.todayDate(), format: format)
    }
}
