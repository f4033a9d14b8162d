import Foundation
import Testing

/// A mail server on loopback (Python's aiosmtpd) that keeps what it is sent: each message as one JSON line (its
/// envelope recipient, headers and decoded parts, read by Python's own `email` package), refusing for good any
/// recipient whose address starts with `refuse`.
struct LoopbackMailServer {
    let process: Process
    let port: Int
    let received: URL
    /// The server's standard input: it stops when this closes (a signal may be blocked in a child of the tests).
    let input = Pipe()

    static let script = #"""
        import asyncio, email, email.policy, json, ssl, sys
        from aiosmtpd.controller import Controller

        class Keep:
            async def handle_RCPT(self, server, session, envelope, address, options):
                if address.startswith("refuse"):
                    return "550 5.1.1 no such mailbox"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
                parts = {part.get_content_type(): part.get_content() for part in message.walk()
                         if not part.is_multipart()}
                with open(sys.argv[2], "a") as out:
                    out.write(json.dumps({"to": envelope.rcpt_tos, "from": envelope.mail_from,
                                          "headers": {k: str(v) for k, v in message.items()},
                                          "parts": parts}) + "\n")
                return "250 OK"

        tls = {}
        if len(sys.argv) > 3:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(sys.argv[3], sys.argv[4])
            tls = {"tls_context": context, "require_starttls": True}
        controller = Controller(Keep(), hostname="127.0.0.1", port=int(sys.argv[1]), **tls)
        controller.start()
        print("ready", flush=True)
        sys.stdin.read()
        controller.stop()
        """#

    /// `certificate`: a certificate and its key (PEM files) to offer STARTTLS with, and require it.
    init(in directory: URL, certificate: (chain: String, key: String)? = nil) throws {
        let script = directory.appendingPathComponent("mailserver.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        received = directory.appendingPathComponent("received.jsonl")
        port = Int.random(in: 40_001...50_000)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", script.path, String(port), received.path] + (certificate.map { [$0.chain, $0.key] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try launch(process)
        var printed = ""
        while !printed.contains("ready"), process.isRunning {
            printed += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
    }

    /// What the server kept, in the order it was sent.
    func messages() throws -> [[String: Any]] {
        guard let text = try? String(contentsOf: received, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// `foi notify`: the team's mail, sent to a real SMTP server and read back as it arrived.
@Suite(.tags(.externalTool), ExternalTools.needed(pythonModules: ["aiosmtpd"], install: "pip install aiosmtpd"))
struct NotifyCommandTests {
    let workspace: Workspace
    let ref = "FOI-2026-000001"

    /// A request from Ann Example received Mon 2 Nov 2026 (due Tue 1 Dec); Raj in Highways, whose coordinator is Lee.
    init() throws {
        workspace = try Workspace()
        try workspace.ok(
            [
                "log", "--subject", "Pothole repairs", "--received", "2026-11-02", "--requester", "Ann Example",
                "--email", "ann@example.org",
            ], today: "2026-11-03")
        for (email, name, role) in [
            ("raj@council.example", "Raj Highways", "contributor"), ("lee@council.example", "Lee Lead", "coordinator"),
            ("refuse@council.example", "Rex Gone", "officer"),
        ] {
            try workspace.ok(["user", "add", email, "--name", name, "--role", role], today: "2026-11-03")
        }
        try workspace.ok(["team", "add", "Highways"], today: "2026-11-03")
        try workspace.ok(["team", "member", "Highways", "raj@council.example"], today: "2026-11-03")
        try workspace.ok(
            ["team", "member", "Highways", "lee@council.example", "--role", "coordinator"], today: "2026-11-03")
        try workspace.ok(["settings", "web-address", "https://foi.council.example/"], today: "2026-11-03")
    }

    func send(_ server: LoopbackMailServer, today: String = "2026-11-03") throws -> Run {
        try workspace.run(
            ["notify", "send", "--smtp", "127.0.0.1:\(server.port)", "--from", "foi@council.example"], today: today)
    }

    /// Each message the server received as `to: subject`, in the order it arrived.
    func subjects(_ server: LoopbackMailServer) throws -> [String] {
        try server.messages().compactMap { message -> String? in
            guard let to = (message["to"] as? [String])?.first, let headers = message["headers"] as? [String: String]
            else { return nil }
            return "\(to): \(headers["Subject"] ?? "")"
        }
    }

    /// The daily run of `today`, its messages sent.
    func daily(_ today: String, _ server: LoopbackMailServer) throws -> String {
        let run = try workspace.run(["notify", "digest"], today: today)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try send(server, today: today).status == 0)
        return run.stdout
    }

    /// A task given, a mention and an offer each queue a message with the step; each is delivered once, with a
    /// plain-text part and a link to the case, and none names the requester.
    @Test func eachMessageArrivesOnceAndNamesNoRequester() throws {
        try workspace.ok(
            ["task", "add", ref, "--to", "raj@council.example", "--ask", "Repairs on Ann Example's street?"],
            today: "2026-11-03")
        try workspace.ok(["comment", ref, "lee@council.example please chase Highways."], today: "2026-11-03")
        try workspace.ok(["assign", ref, "--to", "refuse@council.example"], today: "2026-11-03")
        #expect(try workspace.run(["notify", "status"]).stdout == "3 waiting, 0 sent, 0 dropped.\n")

        let server = try LoopbackMailServer(in: workspace.directory)
        defer { server.stop() }
        let sent = try send(server)
        #expect(
            sent.status == 0 && sent.stdout == "Sent 2 messages; dropped 1 (see foi notify status).\n", "\(sent.stderr)"
        )
        let messages = try server.messages()
        #expect(
            messages.compactMap { ($0["to"] as? [String])?.first } == ["raj@council.example", "lee@council.example"])
        let task = try #require(messages.first)
        let headers = try #require(task["headers"] as? [String: String])
        #expect(headers["Subject"] == "Task 1 on \(ref)" && headers["From"] == "foi <foi@council.example>")
        let parts = try #require(task["parts"] as? [String: String])
        let text = try #require(parts["text/plain"])
        #expect(
            text.contains("It is due by Tue 10 Nov 2026.") && text.contains("https://foi.council.example/cases/\(ref)"))
        #expect(parts["text/html"]?.contains("<a href=\"https://foi.council.example/cases/\(ref)\">") == true)
        for message in messages {
            let all = "\(message)"
            #expect(!all.contains("Ann Example") && !all.contains("ann@example.org"))
        }
        // Sent once: a second run has nothing to send.
        #expect(try send(server).stdout == "Sent 0 messages.\n")
        #expect(try server.messages().count == 2)
        #expect(try workspace.run(["notify", "status"]).stdout == "0 waiting, 2 sent, 1 dropped.\n")
    }

    /// Given Tue 3 Nov for 5 working days, the task is due Tue 10 Nov: on Mon 9 Nov a reminder; on Wed 11 Nov (a
    /// working day late) a chaser to Raj; on Fri 13 Nov (3 late) Lee, Highways' coordinator, is told. Each once.
    @Test func chasersEscalate() throws {
        try workspace.ok(["task", "add", ref, "--to", "raj@council.example", "--ask", "Repairs?"], today: "2026-11-03")
        let server = try LoopbackMailServer(in: workspace.directory)
        defer { server.stop() }
        _ = try send(server)
        func daily(_ today: String) throws -> String { try self.daily(today, server) }
        #expect(try daily("2026-11-09") == "Queued 1 digest and 1 chaser.\n")
        #expect(try daily("2026-11-09") == "Queued 0 digests and 0 chasers.\n")
        #expect(try daily("2026-11-11") == "Queued 1 digest and 1 chaser.\n")
        #expect(try daily("2026-11-12") == "Queued 1 digest and 0 chasers.\n")
        #expect(try daily("2026-11-13") == "Queued 1 digest and 1 chaser.\n")
        #expect(
            try subjects(server) == [
                "raj@council.example: Task 1 on \(ref)",
                "raj@council.example: Task 1 on \(ref) is due Tue 10 Nov 2026",
                "raj@council.example: foi: 0 overdue items, 1 due soon",
                "raj@council.example: Task 1 on \(ref) is 1 working day overdue",
                "raj@council.example: foi: 1 overdue item, 0 due soon",
                "raj@council.example: foi: 1 overdue item, 0 due soon",
                "lee@council.example: Task 1 on \(ref) is 3 working days overdue",
                "raj@council.example: foi: 1 overdue item, 0 due soon",
            ])
    }

    /// A task given to Highways goes to each member, Raj and Lee; a working day late, each is chased; three late,
    /// Lee is told again as the team's coordinator. Only the team's: Rex, in no team, hears nothing.
    @Test func aTeamsTaskChasesEachMember() throws {
        try workspace.ok(["task", "add", ref, "--team", "Highways", "--ask", "Repairs?"], today: "2026-11-03")
        let server = try LoopbackMailServer(in: workspace.directory)
        defer { server.stop() }
        _ = try send(server)
        #expect(try daily("2026-11-11", server) == "Queued 2 digests and 2 chasers.\n")
        #expect(try daily("2026-11-13", server) == "Queued 2 digests and 1 chaser.\n")
        let subjects = try subjects(server).filter { !$0.contains("foi: ") }
        #expect(
            subjects.sorted() == [
                "lee@council.example: Task 1 on \(ref)",
                "lee@council.example: Task 1 on \(ref) is 1 working day overdue",
                "lee@council.example: Task 1 on \(ref) is 3 working days overdue",
                "raj@council.example: Task 1 on \(ref)",
                "raj@council.example: Task 1 on \(ref) is 1 working day overdue",
            ])
    }

    /// A server that requires TLS: without --starttls nothing is sent and nothing lost (the run fails at MAIL FROM,
    /// one line); with it, and the office's own certificate trusted (--ca), the message goes over TLS.
    @Test(ExternalTools.needed(programs: ["openssl"], install: "apt-get install openssl"))
    func startTLSWithTheOfficesOwnCertificate() throws {
        let chain = workspace.directory.appendingPathComponent("cert.pem").path
        let key = workspace.directory.appendingPathComponent("key.pem").path
        _ = try ServerTLSTests.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", chain, "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
            ])
        try workspace.ok(["task", "add", ref, "--to", "raj@council.example", "--ask", "Repairs?"], today: "2026-11-03")
        let server = try LoopbackMailServer(in: workspace.directory, certificate: (chain, key))
        defer { server.stop() }
        let smtp = ["notify", "send", "--smtp", "localhost:\(server.port)", "--from", "foi@council.example"]
        let plain = try workspace.run(smtp, today: "2026-11-03")
        #expect(plain.status == 1 && plain.stdout.isEmpty && plain.stderr.contains("to MAIL FROM, not 250"))
        #expect(try workspace.run(["notify", "status"]).stdout == "1 waiting, 0 sent, 0 dropped.\n")
        let secure = try workspace.run(smtp + ["--starttls", "--ca", chain], today: "2026-11-03")
        #expect(secure.stdout == "Sent 1 message.\n", "\(secure.stderr)")
        #expect(try server.messages().count == 1)
    }

    /// No server: the run says so on one line, exits 1, and every message waits for the next run.
    @Test func anUnreachableServerLosesNothing() throws {
        try workspace.ok(["task", "add", ref, "--to", "raj@council.example", "--ask", "Repairs?"], today: "2026-11-03")
        let refused = try workspace.run(["notify", "send", "--smtp", "127.0.0.1:1", "--from", "foi@council.example"])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("Error: cannot reach the mail server 127.0.0.1:1"))
        #expect(refused.stderr.hasSuffix("; sent 0, 1 message waits for the next run\n"))
        #expect(try workspace.run(["notify", "status"]).stdout == "1 waiting, 0 sent, 0 dropped.\n")
        for arguments in [
            ["notify", "send", "--smtp", "mail.example"], ["notify", "send", "--smtp", "mail.example:0"],
            ["notify", "send", "--smtp", "mail.example:25", "--from", "not an address"],
        ] {
            let bad = try workspace.run(arguments)
            #expect(bad.status == 64 && bad.stdout.isEmpty && bad.stderr.hasPrefix("Error: "), "\(arguments)")
        }
    }
}
