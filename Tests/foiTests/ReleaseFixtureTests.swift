import FOIKit
import FOIResources
import FOIStore
import FOITestSupport
import Foundation
import GRDB
import Synchronization
import Testing

/// A database written by foi as released on 2026-11-20 (Tests/Fixtures/release-2026-11-20: every kind of event,
/// stored in the encoding before format 1) opens in today's foi, which migrates it and shows the same cases.
///
/// The fixture was made with that release's CLI: `foi demo`, then one FOIA case through acknowledgement,
/// clarification, a fee, a search, two exemptions, a PIT extension, a note, the response, a review (extended and
/// decided with exemptions changed), a complaint with submissions, a decision notice, the authority's appeal, a
/// hearing and its outcome, and compliance; cases transferred, reopened and withdrawn, lapsed for clarification
/// and for a fee, an EIR extension, a FOISA case, a SAR with a decision notice, an NCND response with a late review
/// declined; two holidays added. Its `show`, `board` and `list` outputs were saved beside it.
@Suite struct ReleaseFixtureTests {
    let directory: URL
    var db: String { directory.appendingPathComponent("release.sqlite").path }

    init() throws {
        directory = try temporaryDirectory()
        try Fixtures.writeReleaseDatabase(to: directory.appendingPathComponent("release.sqlite").path)
    }

    func run(_ arguments: [String]) throws -> Run {
        try foi(arguments + ["--db", db, "--today", "2026-11-20"])
    }

    static let references = [
        "004078/20", "01.FOI.21.022343", "01.FOI.22.024312", "01.FOI.23.028767", "01.FOI.23.034376",
        "FOI-2026-000001", "FOI-2026-000002", "FOI-2026-000003", "FOI-2026-000004", "FOI-2026-000005",
        "FOI-2026-000006", "FOI-2026-000007", "FOI-2026-000008",
    ]

    static func fileName(_ reference: String) -> String { reference.replacingOccurrences(of: "/", with: "-") }

    /// The cases whose clocks a later rule of the law changed, with the folder of what they show now and why:
    /// `since-0006/` the law after the response (migration 0006), `since-issue-23/` the refusal notice.
    static let changedSince = [
        "FOI-2026-000001": (
            "since-issue-23/",
            "the authority's appeal was dismissed: the notice's steps, suspended while it was pending, are due again "
                + "(FOIA s.50(6)), and either party may seek permission to appeal the Tribunal's decision (r.42); "
                + "extended for the public interest, its s.17(1) refusal notice is a clock of its own, met by the "
                + "extension's notice"
        ),
        "01.FOI.23.028767": (
            "since-issue-23/",
            "extended for the public interest: its s.17(1) refusal notice is a clock of its own, met by the "
                + "extension's notice"
        ),
        "FOI-2026-000005": (
            "since-issue-23/",
            "an unanswered EIR request: the requester's window to ask for a review of a failure to respond (reg 11(2)) "
                + "is a clock from the response deadline, not started until it passes"
        ),
        "FOI-2026-000006": (
            "since-issue-23/",
            "an unanswered FOISA request: the window to require a review of a failure to respond (s.20(5)(a)) is a "
                + "clock from the s.10 deadline, not started until it passes"
        ),
        "FOI-2026-000007": (
            "since-0006/",
            "a subject access request has no statutory review window; its data protection complaint window is "
                + "three months"
        ),
    ]

    @Test(arguments: references)
    func showsEveryCaseAsTheReleaseDid(reference: String) throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let expected = Self.changedSince[reference]?.0 ?? ""
        let text = try run(["show", reference])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == (try Fixtures.releaseFile("\(expected)show-\(Self.fileName(reference)).txt")))

        // The JSON is the same but for each event's stored payload, now in format 1, and the fields added since
        // (every review and complaint in order, and their new fields): every value of the release's is still there.
        let json = try run(["show", reference, "--format", "json"])
        let now = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
        let then = try JSONSerialization.jsonObject(
            with: Data(try Fixtures.releaseFile("\(expected)show-\(Self.fileName(reference)).json").utf8))
        func holds(_ now: Any, _ then: Any, at path: String) -> Bool {
            switch (now, then) {
            case (let now as [String: Any], let then as [String: Any]):
                return then.allSatisfy { key, value in
                    path == "events.event" && key == "event" || now[key].map { holds($0, value, at: key) } ?? false
                }
            case (let now as [Any], let then as [Any]):
                return now.count == then.count
                    && zip(now, then).allSatisfy { holds($0, $1, at: path == "events" ? "events.event" : path) }
            default:
                return (now as? NSObject) == (then as? NSObject)
            }
        }
        #expect(holds(now, then, at: ""))
    }

    @Test func boardAndListAreTheReleasesButForTheFixedWorkingDaysLeft() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        // The board now opens with the quarter's timeliness line, under its heading.
        var board = try run(["board"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(board.remove(at: 1).hasPrefix("This quarter (2026Q4): "))
        #expect(board.joined(separator: "\n") == (try Fixtures.releaseFile("board.txt")))
        #expect(try run(["list", "--format", "csv"]).stdout == (try Fixtures.releaseFile("list.csv")))
        #expect(try run(["list", "--format", "json"]).stdout == (try Fixtures.releaseFile("list.json")))
        // The release gave the board's responded SAR a count of working days to its long-met response date; list
        // and show gave null. Now every view gives null once the response clock has stopped.
        let released = try Fixtures.releaseFile("board.json")
        let fixed = released.replacingOccurrences(
            of: "\"workingDaysLeft\" : -201", with: "\"workingDaysLeft\" : null")
        #expect(fixed != released)
        #expect(try run(["board", "--format", "json"]).stdout == fixed)
    }

    /// Migration 0010 projects each answered case's first response: the disclosure log read from it is the one the
    /// case histories give, with the release the fixture's review made (partly upheld on Mon 1 Jun 2026).
    @Test func theDisclosureLogIsTheHistoriesOnes() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["board"]).status == 0)
        let store = try CaseStore(writer: try DatabaseQueue(path: db), path: db)
        let always = CivilDate(year: 2000, month: 1, day: 1)!...CivilDate(year: 2100, month: 1, day: 1)!
        var replayed: [DisclosureLogEntry] = []
        for reference in Self.references {
            let file = try await store.caseFile(CaseReference(rawValue: reference))
            if let entry = file.disclosureLogEntry { replayed.append(entry) }
            replayed += file.reviewReleases(in: always)
        }
        let log = try await store.disclosureLog(respondedIn: always)
        #expect(replayed.count == 4)
        #expect(
            replayed.filter { $0.releasedOnReview == .partiallyUpheld }.map(\.responded) == [
                CivilDate(year: 2026, month: 6, day: 1)!
            ])
        #expect(Set(log.entries) == Set(replayed) && log.entries.count == replayed.count)
    }

    /// The release's events (formats 1 and 2, with names for actors and handlers) stay as they were written; what
    /// is recorded since is format 3, naming users, and every chain and the ledger still verify across the two.
    @Test func aFormerDatabaseGoesOnInFormatThree() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["board"]).status == 0)
        let before = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT id, format, actor, payload, hash FROM events ORDER BY id")
        }
        #expect(try run(["assign", "FOI-2026-000001", "--to", "Priya Shah", "--actor", "Sam Jones"]).status == 0)
        #expect(try run(["note", "FOI-2026-000001", "Checked with legal"]).status == 0)
        let verify = try run(["verify"])
        #expect(verify.status == 0 && verify.stdout.contains("Everything verifies."), "\(verify.stdout)")
        try DatabaseQueue(path: db).read { db in
            #expect(
                try Row.fetchAll(
                    db, sql: "SELECT id, format, actor, payload, hash FROM events WHERE id <= ? ORDER BY id",
                    arguments: [before.last?["id"] as Int64?]) == before)
            let added = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.kind, e.format, e.payload, u.name FROM events e
                    JOIN users u ON u.id = CAST(e.actor AS INTEGER) WHERE e.id > ? ORDER BY e.id
                    """, arguments: [before.last?["id"] as Int64?])
            #expect(added.map { $0["format"] as Int } == [3, 3])
            #expect(
                added.map { $0["name"] as String } == [
                    "Sam Jones",
                    ProcessInfo.processInfo.environment["USER"]
                        ?? added.last?["name"] ?? "",
                ])
            let priya = try Int.fetchOne(db, sql: "SELECT id FROM users WHERE name = 'Priya Shah'")
            #expect(added.first?["payload"] as String? == "{\"to\":\(priya ?? 0)}")
            // Migration 0015 took the lists of a domain's values out of the tables' CHECKs, and only those.
            let definitions = try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE name IN ('cases', 'timeliness', 'paragraphs')")
            #expect(definitions.count == 3)
            #expect(definitions.allSatisfy { !$0.contains(" IN ('") }, "\(definitions)")
            #expect(
                definitions.first { $0.contains("CREATE TABLE cases") }?.contains("CHECK (event_count >= 1)") == true)
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
        }
        #expect(try run(["show", "FOI-2026-000001"]).stdout.contains("\nHandler:    Priya Shah\n"))
    }

    @Test func everyPayloadIsRewrittenInFormatOneAndTheOriginalsAreKept() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["board"]).status == 0)
        let queue = try DatabaseQueue(path: db)
        try queue.read { db in
            let kinds = try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM events ORDER BY kind")
            #expect(kinds.count == 28)
            // Format 1, then 2 for the events whose personal texts migration 0005 moved beside them (2 whatever
            // format foi writes today); every event is chained.
            let personal = EventFormat.personalFields.keys.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE format = 2")
                    == (try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE kind IN (\(personal))")))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE format NOT IN (1, 2)") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE length(hash) <> 64") == 0)
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM events")
                    == (try Int.fetchOne(db, sql: "SELECT count(*) FROM events_before_format_1")))
            #expect(
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT payload FROM events e JOIN cases c ON c.id = e.case_id
                        WHERE c.ref = 'FOI-2026-000001' AND e.kind = 'exemption-applied' ORDER BY e.sequence LIMIT 1
                        """) == #"{"citation":"31(1)(a)","ncnd":false,"part":"foia","publicInterest":"maintain"}"#)
            #expect(
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT b.payload FROM events_before_format_1 b JOIN events e ON e.id = b.event_id
                        JOIN cases c ON c.id = e.case_id WHERE c.ref = 'FOI-2026-000001' AND e.kind = 'responded'
                        """) == #"{"responded":{"_0":"partially-withheld"}}"#)
        }
        // The history is append-only again after the rewrite.
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE events SET payload = '{}'") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "DELETE FROM events_before_format_1") }
        }
    }

    /// Leaving and coming back: the fixture (every kind of event) with today's additions — a handler, a request's
    /// words, a removed requester, a setting, a holiday, a paragraph, a template — exported, imported into a new
    /// database, shows every case as before (the events with their actors and times, the requesters, every clock),
    /// verifies, and goes on numbering where it left off. Without the requesters, only they and the personal
    /// texts differ.
    @Test func anExportImportedIntoANewDatabaseShowsEveryCaseAsBefore() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = directory.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("Our own acknowledgement for {{ref}}.\n".utf8)
            .write(to: templates.appendingPathComponent("acknowledgement.mustache"))
        let paragraph = directory.appendingPathComponent("paragraph.txt")
        try Data("Our own words on law enforcement.\n".utf8).write(to: paragraph)
        let holidays = directory.appendingPathComponent("bank-holidays.json")
        try Data(Seeds.bankHolidaysJSON).write(to: holidays)
        let request = directory.appendingPathComponent("request.txt")
        try Data("Please send the locations of the speed cameras.\n".utf8).write(to: request)
        let closed = try #require(
            try JSONSerialization.jsonObject(with: Data(run(["retention", "--all", "--format", "json"]).stdout.utf8))
                as? [[String: Any]]
        ).compactMap { $0["ref"] as? String }
        for arguments in [
            ["assign", "FOI-2026-000001", "--to", "Priya Shah"], ["anonymise", try #require(closed.first)],
            [
                "log", "--received", "2026-11-19", "--subject", "Speed cameras", "--requester", "Ann Other",
                "--request-file", request.path,
            ],
            ["settings", "clarification-lapse-days", "40"], ["settings", "templates-dir", templates.path],
            ["holidays", "add", "2026-12-30", "--division", "scotland", "--title", "Extra day"],
            ["holidays", "import", holidays.path],
            ["paragraphs", "add", "s31-harm", "--section", "31", "--role", "engaged", "--file", paragraph.path],
        ] {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let references = ReleaseFixtureTests.references + ["FOI-2026-000009"]
        func shows(_ database: String) throws -> [String] {
            try references.map {
                try foi(["show", $0, "--format", "json", "--db", database, "--today", "2026-11-20"]).stdout
            }
        }
        let before = try shows(db)
        #expect(before.allSatisfy { $0.hasPrefix("{") })

        let export = directory.appendingPathComponent("export.jsonl")
        try Data(try run(["export", "--include-requesters"]).stdout.utf8).write(to: export)
        let restored = directory.appendingPathComponent("restored.sqlite").path
        let written = directory.appendingPathComponent("templates-again")
        let imported = try foi(
            ["import", export.path, "--templates-dir", written.path, "--db", restored, "--today", "2026-11-20"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Restored \(references.count) cases with their events, and "))
        #expect(imported.stdout.contains("Edited letter templates (acknowledgement) written to \(written.path)"))
        let after = try shows(restored)
        for (reference, (then, now)) in zip(references, zip(before, after)) { #expect(then == now, "\(reference)") }
        // The GOV.UK data as it was taken in, bytes and all.
        func holidayData(_ database: String) throws -> [String] {
            try DatabaseQueue(path: database).read {
                try String.fetchAll($0, sql: "SELECT typeof(data) || ' ' || hex(data) FROM imported_holidays")
            }
        }
        #expect(try holidayData(restored) == holidayData(db) && holidayData(db).count == 1)
        let verified = try foi(["verify", "--db", restored])
        #expect(verified.status == 0 && verified.stdout.contains("Everything verifies."), "\(verified.stdout)")
        func setting(_ key: String, _ database: String) throws -> String {
            try foi(["settings", "--db", database]).stdout.split(separator: "\n").first { $0.hasPrefix("\(key) = ") }
                .map(String.init) ?? ""
        }
        #expect(try setting("templates-dir", restored) == "templates-dir = \(written.path)")
        #expect(
            try String(contentsOf: written.appendingPathComponent("acknowledgement.mustache"), encoding: .utf8)
                == "Our own acknowledgement for {{ref}}.\n")
        let next = try foi([
            "log", "--received", "2026-11-20", "--subject", "Next", "--db", restored, "--today", "2026-11-20",
        ])
        #expect(next.stdout.contains("FOI-2026-000010"), "\(next.stdout)")

        // Into a database with cases: refused, nothing written.
        let again = try foi(["import", export.path, "--db", restored, "--today", "2026-11-20"])
        #expect(again.status == 1 && again.stdout.isEmpty && again.stderr.contains("holds 15 cases already"))

        // Without the requesters: the same cases, but for them and the personal texts (read as removed).
        let anonymous = directory.appendingPathComponent("anonymous.jsonl")
        let withoutRequesters = try run(["export"]).stdout
        #expect(!withoutRequesters.contains("speed cameras.") && !withoutRequesters.contains("Ann Other"))
        try Data(withoutRequesters.utf8).write(to: anonymous)
        let second = directory.appendingPathComponent("second.sqlite").path
        #expect(try foi(["import", anonymous.path, "--db", second, "--today", "2026-11-20"]).status == 0)
        func agrees(_ expected: JSONValue, _ actual: JSONValue) -> Bool {
            switch (expected, actual) {
            case (.string(let expected), .string(let actual)) where actual.contains(EventFormat.removedText):
                // The text, or a line quoting it, with the text read as removed.
                { parts in parts.count == 2 && expected.hasPrefix(parts[0]) && expected.hasSuffix(parts[1]) }(
                    actual.components(separatedBy: EventFormat.removedText))
            case (.object(let expected), .object(let actual)):
                expected.keys == actual.keys && expected.allSatisfy { agrees($0.value, actual[$0.key]!) }
            case (.array(let expected), .array(let actual)):
                expected.count == actual.count && zip(expected, actual).allSatisfy(agrees)
            default: expected == actual
            }
        }
        var removed = 0
        for (reference, (then, now)) in zip(references, zip(before, try shows(second))) {
            guard case .object(var expected) = try JSONValue(parsing: then) else { continue }
            expected["requester"] = .null
            #expect(agrees(.object(expected), try JSONValue(parsing: now)), "\(reference): \(now)")
            removed += now.components(separatedBy: "\"\(EventFormat.removedText)\"").count - 1
        }
        #expect(removed > 0)
    }

    /// Eight officers opening a database a migration behind at once: the migration runs once, and every command
    /// succeeds (checking and applying the migrations is one exclusive step).
    @Test func eightProcessesOpeningAnOutdatedDatabaseAtOnce() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let results = Mutex<[Run]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let run = try? run(["board", "--format", "csv"]) { results.withLock { $0.append(run) } }
        }
        let runs = results.withLock { $0 }
        #expect(runs.count == 8)
        for run in runs { #expect(run.status == 0, "\(run.stderr)") }
        let counts = try DatabaseQueue(path: db).read { db in
            try ["grdb_migrations", "events_before_format_1", "events"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
            }
        }
        #expect(counts[0] == Seeds.migrations.count)
        #expect(counts[1] == counts[2])
    }
}
