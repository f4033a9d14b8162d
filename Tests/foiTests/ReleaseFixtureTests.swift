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

    /// The cases whose clocks the law after the response changed (migration 0006), with why; what they show now is
    /// in `since-0006/`.
    static let changedSince = [
        "FOI-2026-000001":
            "the authority's appeal was dismissed: the notice's steps, suspended while it was pending, are due again "
            + "(FOIA s.50(6)), and either party may seek permission to appeal the Tribunal's decision (r.42)",
        "FOI-2026-000007":
            "a subject access request has no statutory review window; its data protection complaint window is three "
            + "months",
    ]

    @Test(arguments: references)
    func showsEveryCaseAsTheReleaseDid(reference: String) throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let expected = Self.changedSince[reference] == nil ? "" : "since-0006/"
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
    /// case histories give.
    @Test func theDisclosureLogIsTheHistoriesOnes() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["board"]).status == 0)
        let store = try CaseStore(writer: try DatabaseQueue(path: db), path: db)
        let replayed = try Self.references.compactMap {
            try store.caseFile(CaseReference(rawValue: $0)).disclosureLogEntry
        }
        let log = try store.disclosureLog(
            respondedIn: CivilDate(year: 2000, month: 1, day: 1)!...CivilDate(year: 2100, month: 1, day: 1)!)
        #expect(replayed.count == 3)
        #expect(log.entries.sorted { $0.reference < $1.reference } == replayed.sorted { $0.reference < $1.reference })
    }

    @Test func everyPayloadIsRewrittenInFormatOneAndTheOriginalsAreKept() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["board"]).status == 0)
        let queue = try DatabaseQueue(path: db)
        try queue.read { db in
            let kinds = try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM events ORDER BY kind")
            #expect(kinds.count == 28)
            // Format 1, then 2 for the events whose personal texts migration 0005 moved beside them; every event
            // is chained.
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
