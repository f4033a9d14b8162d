import FOITestSupport
import Foundation
import Testing

/// foi-server serves HTTPS itself with `--tls-cert` and `--tls-key` (a self-signed certificate openssl makes here):
/// `/healthz` answers over TLS and not in plain HTTP, and the session cookie is sent over HTTPS only (`Secure`). A
/// key that is not one is refused before anything else: one `Error:` line, 65.
@Suite struct ServerTLSTests {
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try launch(process)
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    @Test(
        .tags(.externalTool),
        ExternalTools.needed(programs: ["openssl", "curl"], install: "apt-get install openssl curl"))
    func httpsWithTheGivenCertificate() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let certificate = workspace.directory.appendingPathComponent("cert.pem").path
        let key = workspace.directory.appendingPathComponent("key.pem").path
        _ = try Self.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
                "-subj", "/CN=127.0.0.1",
            ])
        let refused = try foi(
            ["--tls-cert", certificate, "--tls-key", certificate, "--db", workspace.db], executable: serverBinary)
        #expect(refused.status == 65 && refused.stdout.isEmpty)
        #expect(
            refused.stderr.hasPrefix("Error: cannot read the certificate")
                && refused.stderr.split(separator: "\n").count == 1)

        let (server, port, _, password) = try startDemoServer(
            db: workspace.db, ["--tls-cert", certificate, "--tls-key", key])
        defer { if server.isRunning { server.terminate() } }
        let base = "https://127.0.0.1:\(port)"
        var health = ""
        for _ in 0..<50 where health.isEmpty {
            health = try Self.run("/usr/bin/curl", ["-sk", "\(base)/healthz"])
            if health.isEmpty { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(health == "ok\n")
        #expect(try Self.run("/usr/bin/curl", ["-s", "http://127.0.0.1:\(port)/healthz"]).isEmpty)
        let signedIn = try Self.run(
            "/usr/bin/curl",
            [
                "-sk", "-i", "-X", "POST", "-H", "Origin: \(base)", "--data-urlencode", "email=admin@demo.example",
                "--data-urlencode", "password=\(password)", "\(base)/signin",
            ])
        let cookie = signedIn.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") } ?? ""
        #expect(cookie.contains("foi_session=") && cookie.contains("Secure") && cookie.contains("HttpOnly"))
    }
}
