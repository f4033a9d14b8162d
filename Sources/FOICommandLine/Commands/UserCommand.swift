import ArgumentParser
import FOIApp
import FOIKit
import FOIViews
import Foundation

/// `foi user`: the users events name.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list and deactivate the users that events name.",
        discussion: """
            Every event records the user who made it (event format 3, docs/EVENTS.md), and a handler is a user: \
            users 1 and 2 are foi itself and the importer. On the command line the user is the operating-system \
            account running foi, or the one --actor names (an e-mail address or a name); either becomes a user \
            of the database the first time it records something. A user is never deleted, only deactivated: \
            old events still name them, and deactivating one signs them out of foi-server everywhere. 'foi user \
            passwd EMAIL --password-file FILE' sets the password they sign in to foi-server with.
            """,
        subcommands: [Add.self, List.self, Deactivate.self, Passwd.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user.")
        @Argument(help: "Their e-mail address.") var email: String
        @Option(help: ArgumentHelp("Their name as it is shown.", valueName: "name")) var name: String
        @Option(help: "What they do in the office.") var role: User.Role = .officer
        @OptionGroup var store: StoreOptions

        func validate() throws {
            try Check.nonBlank([(name, "--name"), (email, "the e-mail address")])
            guard email.contains("@"), !email.contains(where: \.isWhitespace) else {
                throw ValidationError("'\(email)' is not an e-mail address")
            }
            guard role != .system else { throw ValidationError("--role system is foi's own") }
        }

        func run() async throws {
            let caseStore = try store.open(.create)
            let user = try await perform { try await caseStore.addUser(name: name, email: email, role: role) }
            say("Added user \(user.id): \(user.name.printable) <\(email.printable)>, \(user.role.rawValue).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users.")
        @Option(help: "Output format.") var format: OutputFormat = .table
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let caseStore = try store.open(.read)
            let users = try await perform { try await caseStore.users() }
            try perform { try UserView.render(users, format: format) }.flush()
        }
    }

    struct Deactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deactivate", abstract: "Deactivate a user: the events they made still name them.")
        @Argument(help: "Their e-mail address.") var email: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let caseStore = try store.open()
            let user = try await perform { try await caseStore.deactivateUser(email) }
            say("Deactivated user \(user.id): \(user.name.printable).")
        }
    }
}

extension UserCommand {
    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "Set the password a user signs in to foi-server with; their sessions end.",
            discussion: """
                The password is the file's first line (or standard input's, for -), so that it is never in the \
                shell's history or the process list: 12 characters at least (three random words are good), 72 \
                bytes at most (bcrypt reads no more). Only bcrypt's hash of it is kept.
                """)
        @Argument(help: "Their e-mail address.") var email: String
        @Option(
            help: ArgumentHelp("The file whose first line is the password, or - for standard input.", valueName: "file")
        )
        var passwordFile: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let text = String(decoding: try readTextInput(passwordFile, limit: 4_096), as: UTF8.self)
            let password = String(text.split(separator: "\n", omittingEmptySubsequences: false)[0])
                .trimmingCharacters(in: ["\r"])
            let caseStore = try store.open()
            let user = try await perform {
                try await Accounts(storage: caseStore).setPassword(
                    password, forUser: email, at: Int64(Date().timeIntervalSince1970))
            }
            say("Set the password of user \(user.id): \(user.name.printable); their sessions have ended.")
        }
    }
}

extension UserCommand {
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Make a token a script uses for foi-server's JSON API, acting as the user.",
            discussion: """
                Prints the token on the first line, once: only its SHA-256 is kept, so it cannot be shown again. A \
                script sends it as 'Authorization: Bearer TOKEN'; deactivating the user stops every token of theirs.
                """)
        @Argument(help: "The e-mail address of the user the token acts as.") var email: String
        @Option(help: ArgumentHelp("What uses the token, e.g. 'nightly report'.", valueName: "text"))
        var label: String = "API token"
        @OptionGroup var store: StoreOptions

        func validate() throws { try Check.nonBlank([(label, "--label")]) }

        func run() async throws {
            let caseStore = try store.open()
            let (user, token) = try await perform {
                try await Accounts(storage: caseStore).newAPIToken(
                    forUser: email, label: label, at: Int64(Date().timeIntervalSince1970))
            }
            say(token)
            say(
                "(an API token acting as user \(user.id), \(user.name.printable): shown once; keep it where the "
                    + "script reads it)"
            )
        }
    }
}

extension User.Role: ExpressibleByArgument {}
