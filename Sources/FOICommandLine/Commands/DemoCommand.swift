import ArgumentParser
import FOIApp
import FOIKit
import FOIResources
import Foundation

/// `foi demo`: a database with cases drawn from published responses, then the board.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Load demo cases drawn from published police responses into the database (default: the default database), "
            + "then show the board.",
        discussion: "Cases already present (by reference) are left as they are, so running it twice changes nothing.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let caseStore = try store.open(.create)
        let today = store.todayDate
        let (loaded, alreadyThere) = try await perform {
            try await Office(storage: caseStore).loadDemo(Seeds.demoCasesJSON, by: .system, today: today)
        }
        say(
            "Demo database: \(caseStore.address) (\(loaded) case\(loaded == 1 ? "" : "s") loaded, \(alreadyThere) "
                + "already there)")
        say()
        try await BoardCommand.show(caseStore, today: today, horizon: 5, limit: 50, format: .table)
    }
}
