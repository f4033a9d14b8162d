import Foundation
import GRDB
import Testing

/// Changes made to a database outside foi, with `sqlite3` and the protective triggers dropped where they stood in
/// the way: each is found by `foi verify`, which names the case or the table. (A review found eleven of these
/// passed: a rewritten figure, a published response withheld, a case's last event or a whole case removed.)
@Suite struct TamperEvidenceTests {
    /// The demo with two cases of our own: TA with a requester, a note and a handler; TB answered.
    static let base: URL = {
        let workspace = try! TrustCommandTests.loaded()
        for arguments in [
            ["log", "--ref", "TA", "--subject", "Tamper", "--received", "2026-11-02", "--requester", "Alice Tamper"],
            ["log", "--ref", "TB", "--subject", "Tamper B", "--received", "2026-11-02", "--requester", "Bob Tamper"],
            ["note", "TA", "A private note", "--on", "2026-11-03"],
            ["assign", "TA", "--to", "Priya Shah", "--on", "2026-11-03"],
            ["respond", "TB", "--outcome", "granted-in-full", "--on", "2026-11-20"],
        ] {
            _ = try! workspace.run(arguments)
        }
        return URL(fileURLWithPath: workspace.db)
    }()

    /// Case TA's id and its events', for statements.
    static let ta = "(SELECT id FROM cases WHERE ref = 'TA')"

    static let scenarios: [(name: String, sql: String, finding: String)] = [
        (
            "a late answer made punctual in the figures",
            "UPDATE timeliness SET answered_on = statutory_due_on WHERE answered_on IS NULL OR answered_on > due_on",
            "its rows of the timeliness figures differ from those its history gives"
        ),
        (
            "a published response held back from the disclosure log",
            "UPDATE first_responses SET held_back = 'x'",
            "its first response in the disclosure log differs from the one its history gives"
        ),
        (
            "a case pointed at another's requester",
            "UPDATE cases SET requester_id = (SELECT requester_id FROM cases WHERE ref = 'TB') WHERE ref = 'TA'",
            "the cases TA, TB point at one requester"
        ),
        ("a case handed to someone else", "UPDATE case_handlers SET handler = 'Mallory'", "handler (case_handlers)"),
        ("a channel changed", "UPDATE cases SET channel = 'post' WHERE ref = 'TA'", "the projection's channel"),
        (
            "a personal text removed from a case never anonymised",
            "UPDATE event_texts SET text = NULL, salt = NULL, removed_on = '2026-12-06' WHERE event_id IN "
                + "(SELECT id FROM events WHERE case_id = \(ta) AND kind = 'note')",
            "a personal text was removed, though the case was never anonymised"
        ),
        (
            "a case marked anonymised without its event",
            "UPDATE cases SET anonymised_on = '2026-12-06' WHERE ref = 'TB'", "the projection's anonymised_on"
        ),
        (
            "the append-only trigger dropped and left dropped", "DROP TRIGGER events_are_append_only_update",
            "the trigger events_are_append_only_update is missing"
        ),
        (
            "a trigger of someone else's added",
            "CREATE TRIGGER quietly AFTER INSERT ON events BEGIN SELECT 1; END",
            "the trigger quietly is not one foi makes"
        ),
        (
            "the last event of a case and its text cut, the count fixed",
            """
            DROP TRIGGER events_are_append_only_delete; DROP TRIGGER event_texts_are_kept;
            DELETE FROM event_texts WHERE event_id = (SELECT id FROM events WHERE case_id = \(ta) AND sequence = 3);
            DELETE FROM events WHERE case_id = \(ta) AND sequence = 3;
            UPDATE cases SET event_count = 2 WHERE ref = 'TA'; DELETE FROM case_handlers WHERE case_id = \(ta);
            """,
            "the ledger breaks at event"
        ),
        (
            "a whole case removed",
            """
            DROP TRIGGER events_are_append_only_delete; DROP TRIGGER event_texts_are_kept;
            DELETE FROM event_texts WHERE event_id IN (SELECT id FROM events WHERE case_id = \(ta));
            DELETE FROM events WHERE case_id = \(ta);
            DELETE FROM timeliness WHERE case_id = \(ta); DELETE FROM case_handlers WHERE case_id = \(ta);
            DELETE FROM case_clocks WHERE case_id = \(ta); DELETE FROM cases WHERE ref = 'TA';
            """,
            "the ledger breaks at event"
        ),
        (
            "a payload rewritten as JSON nested 200,000 deep",
            "DROP TRIGGER events_are_append_only_update; UPDATE events SET payload = '"
                + String(repeating: "[", count: 200_000) + "' WHERE case_id = \(ta) AND sequence = 1",
            "nested deeper than 512 levels"
        ),
    ]

    @Test(arguments: scenarios.indices)
    func aChangeMadeOutsideFoiIsFound(scenario: Int) throws {
        let (name, sql, finding) = Self.scenarios[scenario]
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("t.sqlite").path
        try FileManager.default.copyItem(atPath: Self.base.path, toPath: db)
        let before = try foi(["verify", "--db", db, "--today", "2026-12-06"])
        #expect(before.status == 0, "\(before.stdout)")
        // As sqlite3 does: without foreign keys.
        try DatabaseQueue(path: db).writeWithoutTransaction { try $0.execute(sql: "PRAGMA foreign_keys = OFF; " + sql) }
        let run = try foi(["verify", "--db", db, "--today", "2026-12-06"])
        #expect(run.status == 1, "\(name): \(run.stdout)")
        #expect(run.stdout.contains(finding), "\(name): \(run.stdout)")
        #expect(run.stderr.hasPrefix("Error: the database fails verification ("), "\(name): \(run.stderr)")
    }

    /// Removing the very last events leaves every chain whole; the head a verify printed before, kept elsewhere,
    /// shows it.
    @Test func theHeadKeptElsewhereShowsTheLastEventsRemoved() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("t.sqlite").path
        try FileManager.default.copyItem(atPath: Self.base.path, toPath: db)
        let verified = try foi(["verify", "--db", db, "--today", "2026-12-06"])
        let head = try #require(verified.stdout.split(separator: "\n").last { $0.hasPrefix("  ") })
            .trimmingCharacters(in: .whitespaces)
        #expect(try foi(["verify", "--head", head, "--db", db, "--today", "2026-12-06"]).status == 0)
        // TB's response, the last event appended, removed: every chain and the ledger are whole without it.
        try DatabaseQueue(path: db).writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    PRAGMA foreign_keys = OFF;
                    DROP TRIGGER events_are_append_only_delete;
                    DELETE FROM events WHERE id = (SELECT max(id) FROM events);
                    CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
                    BEGIN
                        SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
                    END;
                    """)
        }
        let cut = try foi(["verify", "--head", head, "--db", db, "--today", "2026-12-06"])
        #expect(cut.status == 1)
        #expect(cut.stdout.contains("is not the head kept (\(head)): what was recorded up to it has been cut since"))
        let malformed = try foi(["verify", "--head", "12:abc", "--db", db, "--today", "2026-12-06"])
        #expect(malformed.status == 64 && malformed.stderr.contains("EVENT:HASH"))
    }

    /// A damaged page is reported by the thorough check, not a reason to stop; an empty database says so.
    @Test func aDamagedFileIsReportedAndAnEmptyOneSaysSo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("t.sqlite").path
        try FileManager.default.copyItem(atPath: Self.base.path, toPath: db)
        let handle = try #require(FileHandle(forUpdatingAtPath: db))
        try handle.seek(toOffset: 2 * 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        try handle.close()
        for thorough in [[], ["--thorough"]] {
            let run = try foi(["verify", "--db", db, "--today", "2026-12-06"] + thorough)
            #expect(run.status == 1, "\(thorough): \(run.stderr)")
            #expect(run.stdout.contains("SQLite"), "\(thorough): \(run.stdout)")
            #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.hasPrefix("Error: "), "\(run.stderr)")
        }
        let empty = directory.appendingPathComponent("empty.sqlite").path
        #expect(try foi(["settings", "--db", empty]).status == 0)
        let verified = try foi(["verify", "--db", empty, "--today", "2026-12-06"])
        #expect(verified.status == 0 && verified.stdout.contains("The database holds no case."), "\(verified.stdout)")
    }
}
