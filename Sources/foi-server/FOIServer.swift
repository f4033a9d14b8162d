import ArgumentParser
import FOIApp
import FOIKit
import FOIMail
import FOIResources
import FOIStore
import FOIWeb
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import ServiceLifecycle

/// `foi-server`: the team's foi in a browser, over the same database as the command line.
@main
struct FOIServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foi-server",
        abstract: "Serve foi to the team's browsers, over the same database as the command line.",
        discussion: """
            Serves on 127.0.0.1 unless --host says otherwise: put it behind a reverse proxy that serves HTTPS (and \
            give --secure-cookies) to open it to the office. Users sign in with the password 'foi user passwd' set. \
            GET /healthz answers 'ok'. Logs one line a request; stops cleanly on SIGTERM or SIGINT.
            """)

    @Option(
        help: ArgumentHelp(
            "The case database. Default: $FOI_DB, else $XDG_DATA_HOME/foi/foi.sqlite ($HOME/.local/share/foi/"
                + "foi.sqlite).", valueName: "path"))
    var db: String?
    @Option(help: ArgumentHelp("The address to listen on.", valueName: "host")) var host = "127.0.0.1"
    @Option(help: ArgumentHelp("The port to listen on.", valueName: "port")) var port = 8080
    @Flag(help: "Send the session cookie over HTTPS only (behind a proxy that serves HTTPS).")
    var secureCookies = false
    @Option(
        help: ArgumentHelp("Serve HTTPS with this certificate chain (PEM); needs --tls-key.", valueName: "file"))
    var tlsCert: String?
    @Option(help: ArgumentHelp("The certificate's private key (PEM).", valueName: "file")) var tlsKey: String?
    @Flag(
        help: ArgumentHelp(
            "Load the demo cases into a database of their own (demo.sqlite beside the default one, unless --db names "
                + "one) and print a one-time login of a demo admin."))
    var demo = false
    @Option(
        help: ArgumentHelp(
            "Take this date as today (YYYY-MM-DD), for trying and for benchmarks. Default: today in London.",
            valueName: "date"))
    var today: String?
    @Option(
        help: ArgumentHelp(
            "Deliver the team's messages to this mail server, and queue the daily digests and chasers.",
            valueName: "host:port"))
    var smtp: String?
    @Option(help: ArgumentHelp("The sender's address (default: the foi-email setting).", valueName: "address"))
    var mailFrom: String?
    @Flag(help: "Upgrade the mail server connection to TLS (STARTTLS).") var smtpStarttls = false
    @Option(help: ArgumentHelp("Deliver queued messages every this many seconds.", valueName: "seconds"))
    var mailEvery = 60
    @Option(help: ArgumentHelp("Queue the day's digests and chasers from this hour (London), 0-23.", valueName: "hour"))
    var digestHour = 7

    /// The demo admin's address.
    static let demoAdmin = "admin@demo.example"

    /// A bad command line is one `Error:` line (exit 64), as the command line's are; help and the server's own run
    /// go as ArgumentParser takes them.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var server = command as? AsyncParsableCommand { try await server.run() } else { try command.run() }
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode) else { exit(withError: error) }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }

    func validate() throws {
        if let today, (try? CivilDate(iso: today)) == nil { throw ValidationError("--today: '\(today)' is not a date") }
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1 to 65535") }
        guard !host.isEmpty else { throw ValidationError("--host is empty") }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if let smtp { _ = try Self.mailServer(smtp) }
        guard (5...86_400).contains(mailEvery) else { throw ValidationError("--mail-every must be 5 to 86400") }
        guard (0...23).contains(digestHour) else { throw ValidationError("--digest-hour must be 0 to 23") }
    }

    func run() async throws {
        var serverBuilder = HTTPServerBuilder.http1()
        if let tlsCert, let tlsKey {
            do {
                let chain = try NIOSSLCertificate.fromPEMFile(tlsCert).map { NIOSSLCertificateSource.certificate($0) }
                let key = try NIOSSLPrivateKey(file: tlsKey, format: .pem)
                serverBuilder = try .tls(
                    .http1(),
                    tlsConfiguration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
            } catch {
                FileHandle.standardError.write(
                    Data("Error: cannot read the certificate '\(tlsCert)' or its key '\(tlsKey)': \(error)\n".utf8))
                throw ExitCode(65)
            }
        }
        let defaultPath = CaseStore.defaultPath(environment: ProcessInfo.processInfo.environment)
        let path =
            db
            ?? (demo
                ? ((defaultPath as NSString).deletingLastPathComponent as NSString)
                    .appendingPathComponent("demo.sqlite") : defaultPath)
        let storage: CaseStore
        do {
            storage = try CaseStore(path: path, access: demo ? .create : .write, shared: true)
            if demo { try await loadDemo(into: storage, path: path) }
        } catch {
            FileHandle.standardError.write(Data("Error: cannot open the case database '\(path)': \(error)\n".utf8))
            throw ExitCode(1)
        }
        var logger = Logger(label: "foi-server")
        logger.logLevel = .info
        // Over TLS the cookie goes over HTTPS only.
        let fixedToday = try today.map { try CivilDate(iso: $0) }
        let server = WebServer(
            storage: storage, accounts: Accounts(storage: storage), secureCookies: secureCookies || tlsCert != nil,
            today: { fixedToday ?? ReceiptTime.londonDate(atUTCSeconds: Int(Date().timeIntervalSince1970)) })
        let app = Application(
            router: server.router(), server: serverBuilder, configuration: .init(address: .hostname(host, port: port)),
            services: try await mailRounds(storage, today: server.today, logger: logger), logger: logger)
        try await app.runService()
    }

    /// The mail rounds --smtp asks for, if it does.
    func mailRounds(_ storage: CaseStore, today: @escaping @Sendable () -> CivilDate, logger: Logger) async throws
        -> [any Service]
    {
        guard let smtp else { return [] }
        let server = try Self.mailServer(smtp)
        var sender = mailFrom ?? ""
        if mailFrom == nil { sender = try await storage.setting(.foiEmail) }
        guard !sender.isEmpty else {
            throw ValidationError("give --mail-from ADDRESS, or set foi-email (foi settings foi-email ADDRESS)")
        }
        return [
            MailRounds(
                postman: Postman(storage: storage),
                transport: SMTPTransport(host: server.host, port: server.port, startTLS: smtpStarttls),
                sender: sender, interval: .seconds(mailEvery), digestHour: digestHour, today: today, logger: logger)
        ]
    }

    static func mailServer(_ text: String) throws -> (host: String, port: Int) {
        guard let server = SMTPTransport.server(text) else {
            throw ValidationError("--smtp is the mail server as host:port, e.g. mail.council.example:587")
        }
        return server
    }

    /// Loads the demo cases and gives the demo admin a new password, printed once with where to sign in.
    func loadDemo(into storage: CaseStore, path: String) async throws {
        let today = ReceiptTime.londonDate(atUTCSeconds: Int(Date().timeIntervalSince1970))
        let (loaded, alreadyThere) = try await Office(storage: storage).loadDemo(
            Seeds.demoCasesJSON, by: .system, today: today)
        if try await storage.users().contains(where: { $0.email == Self.demoAdmin }) == false {
            _ = try await storage.addUser(name: "Demo admin", email: Self.demoAdmin, role: .admin)
        }
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijkmnpqrstuvwxyz23456789")
        let password = String((0..<20).map { _ in letters[Int.random(in: 0..<letters.count, using: &generator)] })
        _ = try await Accounts(storage: storage).setPassword(
            password, forUser: Self.demoAdmin, at: Int64(Date().timeIntervalSince1970))
        // Written at once, not when a buffer fills: whoever started the server reads the login from it.
        FileHandle.standardOutput.write(
            Data(
                ("Demo database: \(path) (\(loaded) cases loaded, \(alreadyThere) already there)\n"
                    + "Sign in at http://\(host):\(port)/ as \(Self.demoAdmin) with the password \(password) (shown "
                    + "once: a new one each time foi-server --demo starts)\n").utf8))
    }
}
