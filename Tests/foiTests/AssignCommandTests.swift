import Foundation
import Testing

/// `foi assign`: the handler of a case, an event each time, and the board and listings of one officer.
@Suite struct AssignCommandTests {
    @Test func anOfficersCasesAndTheHistoryOfWhoHandledThem() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        for subject in ["Drones", "Bins", "Parking"] {
            try workspace.ok(["log", "--subject", subject, "--received", "2026-11-16"], today: "2026-11-16")
        }
        try workspace.ok(["assign", "FOI-2026-000001", "--to", "Priya Shah"], today: "2026-11-17")
        try workspace.ok(["assign", "FOI-2026-000002", "--to", "Priya Shah"], today: "2026-11-17")
        try workspace.ok(["assign", "FOI-2026-000001", "--to", "Tom Ellis"], today: "2026-11-18")

        func refs(_ arguments: [String]) throws -> [String] {
            let rows = try #require(try workspace.json(arguments) as? [[String: Any]])
            return rows.compactMap { $0["ref"] as? String }
        }
        #expect(try refs(["list", "--officer", "Priya Shah"]) == ["FOI-2026-000002"])
        #expect(try refs(["list", "--officer", "Tom Ellis"]) == ["FOI-2026-000001"])
        #expect(try refs(["list", "--unassigned"]) == ["FOI-2026-000003"])
        #expect(try refs(["list", "--officer", "priya shah"]).isEmpty)
        let all = try #require(try workspace.json(["list"]) as? [[String: Any]])
        #expect(all.map { $0["handler"] as? String } == ["Tom Ellis", "Priya Shah", nil])
        #expect(all[2].keys.contains("handler") == false)

        // The board of one officer: all three are due Tue 15 Dec (St Andrew's Day skipped); on Thu 10 Dec each is
        // due within 5 working days, and Tom's board holds his alone.
        let board = try workspace.run(["board", "--officer", "Tom Ellis", "--format", "json"], today: "2026-12-10")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(board.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["ref"] as? String } == ["FOI-2026-000001"], "\(board.stdout)")

        #expect(try workspace.run(["show", "FOI-2026-000001"]).stdout.contains("\nHandler:    Tom Ellis\n"))
        let history = try #require(try workspace.json(["history", "FOI-2026-000001"]) as? [[String: Any]])
        // Format 3: the event names a user by number; the history says who.
        let assignments = history.filter { $0["kind"] as? String == "assigned" }
        #expect(assignments.compactMap { $0["details"] as? String } == ["to Priya Shah", "to Tom Ellis"])
        #expect(assignments.allSatisfy { ($0["event"] as? [String: Any])?["to"] is Int })

        // Refused, nothing written: the same officer again, no one when no one is assigned, both or neither.
        let before = try workspace.eventCount()
        let again = try workspace.run(["assign", "FOI-2026-000001", "--to", "Tom Ellis"])
        #expect(again.status == 1 && again.stdout.isEmpty)
        #expect(again.stderr == "Error: FOI-2026-000001 is already assigned to Tom Ellis\n")
        try workspace.ok(["assign", "FOI-2026-000003", "--to", "Ann Lee"], today: "2026-11-20")
        try workspace.ok(["assign", "FOI-2026-000003", "--unassign"], today: "2026-11-20")
        let none = try workspace.run(["assign", "FOI-2026-000003", "--unassign"])
        #expect(none.status == 1 && none.stderr == "Error: FOI-2026-000003 is not assigned to anyone\n")
        for arguments in [
            ["assign", "FOI-2026-000001"], ["assign", "FOI-2026-000001", "--to", "A", "--unassign"],
            ["assign", "FOI-2026-000001", "--to", " "], ["list", "--officer", "A", "--unassigned"],
        ] {
            let refused = try workspace.run(arguments)
            #expect(refused.status == 64 && refused.stdout.isEmpty, "\(arguments)")
        }
        #expect(try workspace.eventCount() == before)
        #expect(try workspace.run(["verify"]).status == 0)
    }
}

/// `foi user`: the users events name, added with an address and a role, listed, and deactivated but kept.
@Suite struct UserCommandTests {
    @Test func usersAreAddedListedAndDeactivatedButNeverLost() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(
            ["user", "add", "priya.shah@council.example", "--name", "Priya Shah", "--role", "coordinator"],
            today: "2026-11-16")
        try workspace.ok(
            ["log", "--subject", "Drones", "--received", "2026-11-16", "--actor", "priya.shah@council.example"],
            today: "2026-11-16")
        let users = try #require(try workspace.json(["user", "list"]) as? [[String: Any]])
        #expect(users.compactMap { $0["name"] as? String } == ["foi", "import", "Priya Shah"])
        #expect(users.last?["role"] as? String == "coordinator" && users.last?["active"] as? Bool == true)
        let history = try #require(try workspace.json(["history", "FOI-2026-000001"]) as? [[String: Any]])
        #expect(history.first?["actor"] as? String == "Priya Shah")

        let twice = try workspace.run(["user", "add", "PRIYA.SHAH@council.example", "--name", "P. Shah"])
        #expect(twice.status == 1 && twice.stdout.isEmpty)
        #expect(twice.stderr == "Error: a user of PRIYA.SHAH@council.example exists already; nothing was changed\n")
        #expect(try workspace.run(["user", "add", "not-an-address", "--name", "X"]).status == 64)
        #expect(try workspace.run(["user", "add", "x@example.org", "--name", "X", "--role", "system"]).status == 64)

        try workspace.ok(["user", "deactivate", "priya.shah@council.example"], today: "2026-11-17")
        let after = try #require(try workspace.json(["user", "list"]) as? [[String: Any]])
        #expect(after.last?["active"] as? Bool == false)
        // The events they made still name them.
        let still = try #require(try workspace.json(["history", "FOI-2026-000001"]) as? [[String: Any]])
        #expect(still.first?["actor"] as? String == "Priya Shah")
        let missing = try workspace.run(["user", "deactivate", "nobody@example.org"])
        #expect(missing.stderr == "Error: no user has the e-mail address nobody@example.org\n")
    }

    /// `foi user passwd` keeps bcrypt's hash of the file's first line, never the password; a password too short or
    /// too long for bcrypt is one Error line (65) and changes nothing.
    @Test func aPasswordIsSetFromAFile() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["user", "add", "ann@council.example", "--name", "Ann"], today: "2026-11-16")
        func file(_ name: String, _ text: String) throws -> String {
            let url = workspace.directory.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        let good = try file("good", "correct horse battery\nignored second line\n")
        let set = try workspace.run(["user", "passwd", "ann@council.example", "--password-file", good])
        #expect(set.status == 0 && set.stdout.hasPrefix("Set the password of user 3: Ann"), "\(set.stderr)")
        let database = try String(contentsOfFile: workspace.db, encoding: .isoLatin1)
        #expect(!database.contains("correct horse battery") && database.contains("$2b$12$"))
        for (text, message) in [
            ("short", "the password is shorter than 12 characters"),
            (String(repeating: "x", count: 73), "the password is longer than 72 bytes"),
        ] {
            let refused = try workspace.run([
                "user", "passwd", "ann@council.example", "--password-file", try file("bad", text),
            ])
            #expect(refused.status == 65 && refused.stdout.isEmpty)
            #expect(refused.stderr.hasPrefix("Error: \(message)") && refused.stderr.split(separator: "\n").count == 1)
        }
        // An API token is shown once, on the first line; the database keeps its hash only.
        let token = try workspace.run(["user", "token", "ann@council.example", "--label", "nightly report"])
        let line = String(token.stdout.split(separator: "\n").first ?? "")
        #expect(token.status == 0 && line.hasPrefix("foi_") && line.count == 47, "\(token.stderr)")
        #expect(try !String(contentsOfFile: workspace.db, encoding: .isoLatin1).contains(line))
        let nobody = try workspace.run(["user", "passwd", "nobody@council.example", "--password-file", good])
        #expect(nobody.status == 1 && nobody.stderr == "Error: no user has the e-mail address nobody@council.example\n")
    }
}
