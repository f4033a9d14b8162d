import ArgumentParser
import FOIApp
import FOIKit
import FOIViews

/// `foi backup`.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the whole database to a new file, consistently, while others go on working.",
        discussion: """
            SQLite's online backup copies every case, event and requester as they stand at one moment, even while \
            other officers record steps. The copy is readable by its owner only (mode 0600), like the database; it \
            holds requesters' personal data, so keep it as you keep the database. Open it with --db to check it.
            """)

    @Argument(help: ArgumentHelp("The new file to write (an existing file is never overwritten).", valueName: "file"))
    var file: String
    @OptionGroup var store: StoreOptions

    func validate() throws {
        try Check.nonBlank([(file, "the backup file")])
    }

    func run() async throws {
        let caseStore = try store.open(.read)
        let cases = try await perform { try await Office(storage: caseStore).backup(to: file) }
        say("Backed up \(caseStore.address) to \(file.printable): \(plural(cases, "case")).")
    }
}
