import ArgumentParser
import FOIApp
import FOIKit
import FOIStore
import FOIWeb
import Foundation
import Hummingbird
import Logging

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
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1 to 65535") }
        guard !host.isEmpty else { throw ValidationError("--host is empty") }
    }

    func run() async throws {
        let path = db ?? CaseStore.defaultPath(environment: ProcessInfo.processInfo.environment)
        let storage: CaseStore
        do {
            storage = try CaseStore(path: path, access: .write)
        } catch {
            FileHandle.standardError.write(Data("Error: cannot open the case database '\(path)': \(error)\n".utf8))
            throw ExitCode(1)
        }
        var logger = Logger(label: "foi-server")
        logger.logLevel = .info
        let server = WebServer(storage: storage, accounts: Accounts(storage: storage), secureCookies: secureCookies)
        let app = Application(
            router: server.router(), configuration: .init(address: .hostname(host, port: port)), logger: logger)
        try await app.runService()
    }
}
