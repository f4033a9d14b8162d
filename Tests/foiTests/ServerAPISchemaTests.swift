import FOITestSupport
import Foundation
import Testing

/// The API against its own description: schemathesis reads `/openapi.json` from a running `foi-server --demo` and
/// sends what it generates from it (examples, then random bodies, queries and references, for 45 seconds) with a
/// bearer token; no request may end in a server error.
@Suite struct ServerAPISchemaTests {
    @Test(
        .tags(.externalTool),
        ExternalTools.needed(pythonModules: ["schemathesis"], install: "pip install schemathesis"))
    func noRequestTheDescriptionAllowsEndsInAServerError() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let (server, port, _, _) = try startDemoServer(db: workspace.db)
        defer { if server.isRunning { server.terminate() } }
        let token = try foi(["user", "token", "admin@demo.example", "--db", workspace.db])
        #expect(token.status == 0)
        let bearer = token.stdout.split(separator: "\n").first.map(String.init) ?? ""
        // Schemathesis's command line, through the Python that has it.
        let run = try foi(
            [
                "python3", "-c",
                "import sys; from schemathesis.cli import schemathesis; sys.argv[0] = 'st'; "
                    + "sys.exit(schemathesis())", "run", "http://127.0.0.1:\(port)/openapi.json", "--header",
                "Authorization: Bearer \(bearer)",
                "--checks", "not_a_server_error", "--phases", "examples,fuzzing", "--max-time", "45",
                "--request-timeout", "10", "--workers", "2", "--generation-deterministic", "--wait-for-schema", "10",
            ],
            // Schemathesis keeps a cache (`.schemathesis/`) where it runs: in the workspace, not the project.
            in: workspace.directory, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(run.status == 0, "\(run.stdout.suffix(3_000))\(run.stderr.suffix(2_000))")
        #expect(run.stdout.contains("passed"))
        #expect(!run.stdout.contains("Server error"))
    }
}
