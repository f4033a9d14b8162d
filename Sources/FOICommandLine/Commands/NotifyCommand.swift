import ArgumentParser
import FOIApp
import FOIKit
import FOIMail
import Foundation

/// `foi notify`: the team's mail.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Deliver the team's messages, and queue the daily digests and chasers.",
        discussion: """
            Each step that concerns someone else (a task given, a case offered, a stage of sign-off awaited, a \
            mention in a comment) queues a message for them in its own transaction. 'foi notify digest' queues the \
            day's digests and the chasers of late tasks; 'foi notify send' delivers what is queued. foi-server runs \
            both on a schedule when it is given --smtp. No message names a requester; each has a plain-text part \
            and a link to the case, at the address the web-address setting gives.
            """,
        subcommands: [Send.self, Digest.self, Status.self])

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: "Deliver the queued messages to a mail server, each marked sent once the server took it.",
            discussion: """
                Each message is marked sent only after the server's 250, so an interrupted run sends again at most \
                the message it was sending; a message the server refuses for good (5xx), or whose user has no \
                address, is dropped with the reason; one put off (4xx, or the server unreachable) waits for the \
                next run.
                """)
        @Option(help: ArgumentHelp("The mail server.", valueName: "host:port")) var smtp: String
        @Option(help: ArgumentHelp("The sender's address (default: the foi-email setting).", valueName: "address"))
        var from: String?
        @Flag(help: "Upgrade the connection to TLS (STARTTLS) before sending.") var starttls = false
        @Option(
            help: ArgumentHelp(
                "A PEM file of certificates to trust besides the system's (an office's own authority).",
                valueName: "file"))
        var ca: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try server
            if let from {
                guard from.split(separator: "@", omittingEmptySubsequences: false).count == 2,
                    !from.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || !$0.isASCII })
                else { throw ValidationError("--from is an e-mail address, e.g. foi@council.example") }
            }
        }

        var server: (host: String, port: Int) {
            get throws {
                guard let server = SMTPTransport.server(smtp) else {
                    throw ValidationError("--smtp is the mail server as host:port, e.g. mail.council.example:587")
                }
                return server
            }
        }

        func run() async throws {
            let caseStore = try store.open()
            let server = try server
            let sender: String
            if let from { sender = from } else { sender = try await perform { try await caseStore.setting(.foiEmail) } }
            guard !sender.isEmpty else {
                throw Failure.usage("give --from ADDRESS, or set foi-email (foi settings set foi-email ADDRESS)")
            }
            let name = try await perform { try await caseStore.setting(.authorityName) }
            let transport = SMTPTransport(
                host: server.host, port: server.port, startTLS: starttls, trustedCertificates: ca)
            let report = try await perform {
                try await Postman(storage: caseStore).send(via: transport, from: (name.isEmpty ? "foi" : name, sender))
            }
            if let reason = report.stoppedBecause {
                throw Failure.refused(
                    "\(reason); sent \(report.sent), \(plural(report.deferred, "message")) "
                        + (report.deferred == 1 ? "waits" : "wait") + " for the next run")
            }
            say(
                "Sent \(plural(report.sent, "message"))"
                    + (report.dropped > 0 ? "; dropped \(report.dropped) (see foi notify status)" : "")
                    + (report.deferred > 0 ? "; \(report.deferred) put off until the next run" : "") + ".")
        }
    }

    struct Digest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "digest",
            abstract: "Queue each user's daily digest and the chasers of late tasks (once a day, however often run).",
            discussion: """
                A digest lists what of the user's is overdue or due within \(Postman.digestHorizon) working days: \
                the cases they handle and the tasks they hold (none is queued for a user with nothing). Chasers: a \
                task due the next working day, and one a working day late, to its contributor; one \
                \(Postman.escalationWorkingDays) working days late, to the coordinators of the contributor's teams.
                """)
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let caseStore = try store.open()
            let run = try await perform { try await Postman(storage: caseStore).queueDailyRun(today: store.todayDate) }
            say("Queued \(plural(run.digests, "digest")) and \(plural(run.chasers, "chaser")).")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Count the messages waiting, sent and dropped.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let caseStore = try store.open(.read)
            let counts = try await perform { try await caseStore.outboxCounts() }
            say("\(counts.pending) waiting, \(counts.sent) sent, \(counts.dropped) dropped.")
        }
    }
}
