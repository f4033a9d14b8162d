import FOITestSupport
import Foundation
import GRDB
import Testing

/// Issue 9: every wrong input refused cleanly, history tamper-evident, personal data protected and removable.
@Suite struct TrustCommandTests {
    /// A workspace with the demo cases and one answered case of our own with personal data: a requester, a note,
    /// and a review asked by the requester.
    static func loaded() throws -> Workspace {
        let workspace = try Workspace()
        #expect(try workspace.run(["demo"]).status == 0)
        for arguments in [
            [
                "log", "--ref", "FOI-2026-000900", "--subject", "Parking fines 2025", "--received", "2026-09-01",
                "--requester", "Ann Example", "--email", "ann@example.org",
            ],
            ["note", "FOI-2026-000900", "Ann rang to say she is moving house", "--on", "2026-09-02"],
            ["respond", "FOI-2026-000900", "--outcome", "granted-in-full", "--on", "2026-09-20"],
            ["review", "FOI-2026-000900", "--requested", "2026-10-01", "--by", "the requester"],
            ["review", "FOI-2026-000900", "--outcome", "upheld", "--on", "2026-10-20"],
        ] {
            let result = try workspace.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return workspace
    }

    /// Each wrong input: its exit code, exactly one `Error:` line, nothing on stdout, the database byte-identical.
    @Test(arguments: [
        (
            ["exempt", "01.FOI.22.024312", "--section", "31(banana)", "--public-interest", "maintain"], 1,
            "31(1)(a)-(i)"
        ),
        (["exempt", "01.FOI.22.024312", "--section", "40(99)(zz)"], 1, "not a provision of s.40"),
        (["respond", "01.FOI.22.024312", "--outcome", "not-held", "--on", "2026-10-28"], 1, "received on 2026-10-29"),
        (["reopen", "004078/20", "--reason", "more found", "--on", "2021-01-04"], 1, "response was on 2021-01-05"),
        (["anonymise", "01.FOI.22.024312"], 1, "still under way"),
        (["anonymise"], 64, "give the references"),
        (["anonymise", "NO-SUCH-CASE"], 1, "no case 'NO-SUCH-CASE'"),
        (["settings", "retention-years", "0"], 1, "from 1 to 100"),
        (["settings", "retention-years", "3, gdpr=2"], 1, "is not a value of retention-years: give the years"),
        (["list", "--due-within", "-5"], 64, "--due-within: '-5' is negative"),
        (["log", "--subject", "-foo", "--received", "2026-11-02"], 64, "write --subject=-foo"),
    ])
    func aWrongInputIsOneErrorLineAndWritesNothing(arguments: [String], code: Int32, message: String) throws {
        let workspace = try Self.loaded()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        // Everything in the database file itself, so that any write would show in its bytes or its log.
        try DatabaseQueue(path: workspace.db).writeWithoutTransaction {
            try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: workspace.db))
        let result = try workspace.run(arguments)
        #expect(result.status == code, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("Error: ") && lines[0].contains(message), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.db)) == before)
        let log = try? FileManager.default.attributesOfItem(atPath: workspace.db + "-wal")[.size] as? Int
        #expect((log ?? 0) == 0)
    }

    @Test func anEmptyInputFileSaysSo() throws {
        for input in ["/dev/null", "-"] {
            let result = try foi(["deadline", "--input", input], input: "")
            #expect(result.status == 65 && result.stdout.isEmpty)
            #expect(
                result.stderr == (input == "-" ? "Error: standard input is empty\n" : "Error: '/dev/null' is empty\n"))
        }
    }

    @Test func aReadCommandOnAMissingDatabaseCreatesNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("typo.sqlite").path
        for command in [["board"], ["verify"], ["retention"], ["show", "X"], ["anonymise", "--due"]] {
            let result = try foi(command + ["--db", db])
            #expect(result.status == 1 && result.stderr.contains("there is no case database at \(db)"))
            #expect(!FileManager.default.fileExists(atPath: db))
        }
    }

    /// No statement can replace an event; an edit made with the triggers dropped is found by `verify`, which
    /// names the case, and by `show`.
    @Test func tamperingIsRefusedOrFound() throws {
        let workspace = try Self.loaded()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        #expect(try workspace.run(["verify"]).stdout.contains("Everything verifies."))
        let queue = try DatabaseQueue(path: workspace.db)
        let columns = "id, case_id, sequence, kind, occurred_on, payload, format, actor, recorded_at, hash"
        for statement in [
            "REPLACE INTO events (\(columns)) SELECT \(columns) FROM events WHERE kind = 'responded'",
            "INSERT OR REPLACE INTO events (\(columns)) SELECT \(columns) FROM events WHERE kind = 'responded'",
            """
            INSERT INTO events (\(columns)) SELECT \(columns) FROM events WHERE kind = 'responded' LIMIT 1
            ON CONFLICT (id) DO UPDATE SET payload = '{"outcome":"granted-in-full"}'
            """,
            "UPDATE events SET payload = '{}' WHERE kind = 'responded'",
            "DELETE FROM events WHERE kind = 'note'",
            "UPDATE event_texts SET text = 'Someone else'",
            "DELETE FROM event_texts",
        ] {
            #expect(throws: DatabaseError.self, "\(statement)") { try queue.write { try $0.execute(sql: statement) } }
        }
        // Someone with the file drops the triggers and rewrites an outcome, and a note's text.
        try queue.write { db in
            try db.execute(
                sql: """
                    DROP TRIGGER events_are_append_only_update;
                    DROP TRIGGER event_texts_are_only_removed;
                    UPDATE events SET payload = '{"outcome":"not-held"}'
                    WHERE kind = 'responded' AND case_id = (SELECT id FROM cases WHERE ref = 'FOI-2026-000900');
                    UPDATE event_texts SET text = 'Nothing to see'
                    WHERE event_id IN (SELECT id FROM events WHERE kind != 'request-recorded');
                    """)
        }
        try queue.close()
        let verified = try workspace.run(["verify", "--format", "json"])
        #expect(verified.status == 1)
        #expect(
            verified.stderr.hasPrefix("Error: the database fails verification (2 cases, the schema): it was changed"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(verified.stdout.utf8)) as? [String: Any])
        let failures = try #require(report["failures"] as? [[String: Any]])
        #expect(Set(failures.compactMap { $0["ref"] as? String }) == ["FOI-2026-000900", "01.FOI.21.022343"])
        let ours = try #require(failures.first { $0["ref"] as? String == "FOI-2026-000900" }?["problems"] as? [String])
        #expect(ours.contains { $0.contains("'s text was changed after it was recorded") })
        #expect(ours.contains { $0.contains("does not match its hash") })
        #expect(
            ours.contains { $0.contains("the projection's outcome is 'granted-in-full', its history gives 'not-held'") }
        )
        let shown = try workspace.run(["show", "FOI-2026-000900"])
        #expect(shown.status == 0)
        #expect(shown.stderr.hasPrefix("Warning: this case fails verification: "))
    }

    /// Anonymisation removes the requester and the personal texts, and nothing else: every listing is the same
    /// before and after, and the history still verifies; so does a backup of it.
    @Test func anonymisationKeepsEveryFigure() throws {
        let workspace = try Self.loaded()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let listings = [
            ["board", "--format", "csv"], ["list", "--format", "csv"],
            ["list", "--stage", "closed", "--format", "csv"],
            ["board", "--format", "json"],
        ]
        func snapshot() throws -> [String] { try listings.map { try workspace.run($0).stdout } }
        let before = try snapshot()
        #expect(try workspace.run(["retention"]).stdout.contains("004078/20  FOIA    2021-01-05  2024-01-05"))
        let due = try workspace.run(["anonymise", "--due"])
        // 004078/20's personal text is the demo's request.
        let backups =
            "Backups and exports made before now still hold it: remove or replace them as the retention "
            + "policy says.\n"
        #expect(
            due.stdout == "Anonymised 1 case: 1 requester and 1 personal text removed.\n" + backups, "\(due.stderr)")
        let named = try workspace.run(["anonymise", "FOI-2026-000900"])
        #expect(
            named.stdout == "Anonymised 1 case: 1 requester and 2 personal texts removed.\n" + backups,
            "\(named.stderr)")
        let again = try workspace.run(["anonymise", "FOI-2026-000900"])
        #expect(again.status == 1 && again.stderr.contains("was removed on 2026-11-20"))
        #expect(try snapshot() == before)
        #expect(try workspace.run(["retention"]).stdout.contains("No case is due."))
        let shown = try workspace.run(["show", "FOI-2026-000900"])
        #expect(!shown.stdout.contains("Ann") && !shown.stdout.contains("ann@example.org"))
        #expect(shown.stdout.contains("(removed)") && shown.stdout.contains("personal data removed"))
        let stored = try DatabaseQueue(path: workspace.db).read { db in
            try String.fetchAll(db, sql: "SELECT name || coalesce(email, '') FROM requesters")
                + String.fetchAll(db, sql: "SELECT coalesce(text, '') FROM event_texts")
                + String.fetchAll(db, sql: "SELECT payload FROM events")
        }
        #expect(!stored.contains { $0.contains("Ann") || $0.contains("moving house") })
        #expect(try workspace.run(["verify"]).status == 0)
        let copy = workspace.directory.appendingPathComponent("copy.sqlite").path
        #expect(try workspace.run(["backup", copy]).status == 0)
        #expect(try foi(["verify", "--db", copy]).stdout.contains("Everything verifies."))
    }

    /// What anonymisation removes is gone from the file and its write-ahead log, even while another program reads
    /// the database (it waits for that reading to end, then empties the log), and whatever SQLite's build default.
    @Test func anonymisedDataLeavesNoTraceInTheFileOrItsLog() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        for arguments in [
            ["log", "--ref", "INIT", "--subject", "First", "--received", "2021-01-04"],
            [
                "log", "--ref", "AN-1", "--subject", "Second", "--received", "2021-03-01", "--requester", "ZQXNAME",
                "--address", "ZQXADDRESS",
            ],
            ["note", "AN-1", "ZQXNOTE", "--on", "2021-03-02"],
            ["respond", "AN-1", "--outcome", "granted-in-full", "--on", "2021-03-20"],
        ] {
            #expect(try workspace.run(arguments).status == 0, "\(arguments)")
        }
        // Another program reads, holding its snapshot while foi anonymises.
        let reading = DispatchSemaphore(value: 0)
        let reader = Thread {
            try? DatabaseQueue(path: workspace.db).read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM requesters")
                reading.signal()
                Thread.sleep(forTimeInterval: 2)
            }
        }
        reader.start()
        reading.wait()
        let run = try workspace.run(["anonymise", "AN-1"])
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        for suffix in ["", "-wal"] {
            guard let bytes = FileManager.default.contents(atPath: workspace.db + suffix) else { continue }
            #expect(bytes.range(of: Data("ZQX".utf8)) == nil, "the database\(suffix) still holds a removed text")
        }
        #expect(try workspace.run(["verify"]).status == 0)
    }
}
