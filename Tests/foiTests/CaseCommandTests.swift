import Foundation
import Synchronization
import Testing

/// `foi` against a fresh database in a temporary directory, with today fixed.
struct Workspace {
    let directory: URL
    var db: String { directory.appendingPathComponent("cases.sqlite").path }

    init() throws { directory = try temporaryDirectory() }

    func run(_ arguments: [String], today: String = "2026-11-20") throws -> Run {
        try foi(arguments + ["--db", db, "--today", today])
    }

    func json(_ arguments: [String]) throws -> Any {
        let result = try run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func eventCount() throws -> Int {
        let history = try json(["history", "FOI-2026-000001"]) as? [[String: Any]]
        return history?.count ?? -1
    }
}

@Suite struct CaseCommandTests {
    @Test func aCaseFromReceiptToResponse() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let logged = try workspace.run([
            "log", "--subject", "Drone use 2025", "--received", "2026-11-02", "--requester", "A Requester", "--format",
            "csv",
        ])
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(
            logged.stdout == """
                ref,regime,status,received,due,left,exemptions,outcome,subject
                FOI-2026-000001,foia,open,2026-11-02,2026-12-01,6,,,Drone use 2025

                """)
        #expect(
            try workspace.run(["search", "FOI-2026-000001", "--location", "Air Support Unit", "--held", "--hours", "3"])
                .status == 0)
        #expect(
            try workspace.run(["exempt", "FOI-2026-000001", "--section", "s.31(1)(a)", "--public-interest", "maintain"])
                .status == 0)
        #expect(
            try workspace.run(["respond", "FOI-2026-000001", "--outcome", "partially-withheld", "--on", "2026-11-20"])
                .status == 0)
        let shown = try #require(try workspace.json(["show", "FOI-2026-000001"]) as? [String: Any])
        #expect(shown["ref"] as? String == "FOI-2026-000001")
        #expect(shown["regime"] as? String == "foia")
        #expect(shown["status"] as? String == "responded")
        #expect(shown["received"] as? String == "2026-11-02")
        #expect(shown["due"] as? String == "2026-12-01")
        #expect(shown["provisional"] as? Bool == false)
        #expect(shown["outcome"] as? String == "partially-withheld")
        let exemptions = try #require(shown["exemptions"] as? [[String: Any]])
        #expect(exemptions.first?["citation"] as? String == "31(1)(a)")
        let events = try #require(shown["events"] as? [[String: Any]])
        #expect(
            events.map { $0["kind"] as? String } == ["received", "search-recorded", "exemption-applied", "responded"])
        #expect(events.first?["date"] as? String == "2026-11-02")
    }

    /// A read on a mistyped database path says so, instead of creating an empty database and showing an empty
    /// board (an officer could believe nothing is overdue).
    @Test func aMissingDatabaseIsNamedNotCreated() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        for command in [["board"], ["list"], ["show", "FOI-2026-000001"], ["note", "FOI-2026-000001", "x"]] {
            let run = try workspace.run(command)
            #expect(run.status == 1, "\(command)")
            #expect(run.stdout.isEmpty)
            #expect(
                run.stderr == "Error: there is no case database at \(workspace.db); give the right one with --db (or "
                    + "$FOI_DB), or start one with 'foi log' or 'foi demo'\n")
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.db))
        #expect(try workspace.run(["log", "--subject", "x", "--received", "2026-11-02"]).status == 0)
        #expect(try workspace.run(["board"]).status == 0)
    }

    /// Eight officers logging on a new database at once: it is created and migrated once, and every request gets
    /// its own reference.
    @Test func eightProcessesStartingANewDatabaseAtOnce() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let results = Mutex<[Run]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            if let run = try? workspace.run(["log", "--subject", "request \(index)", "--received", "2026-11-02"]) {
                results.withLock { $0.append(run) }
            }
        }
        let runs = results.withLock { $0 }
        #expect(runs.count == 8)
        for run in runs { #expect(run.status == 0, "\(run.stderr)") }
        let cases = try #require(try workspace.json(["list"]) as? [[String: Any]])
        #expect(Set(cases.compactMap { $0["ref"] as? String }).count == 8)
    }

    /// A step is recorded once it has happened: one dated after today (often a typo, 2062 for 2026) is refused,
    /// and so is a request received after today.
    @Test func stepsAfterTodayAreRefused() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let future = try workspace.run(["log", "--subject", "x", "--received", "2062-11-02"])
        #expect(future.status == 1)
        #expect(
            future.stderr
                == "Error: cannot log a request dated 2062-11-02: that is after today (2026-11-20), and a step is "
                + "recorded once it has happened; check the date\n")
        #expect(try workspace.run(["log", "--subject", "x", "--received", "2026-11-02"]).status == 0)
        let typo = try workspace.run(["respond", "FOI-2026-000001", "--outcome", "not-held", "--on", "9999-12-31"])
        #expect(typo.status == 1)
        #expect(typo.stderr.hasPrefix("Error: cannot record a response dated 9999-12-31: that is after today"))
        #expect(try workspace.eventCount() == 1)
    }

    /// A blank text or a number out of its range is a bad command line: exit 64, one line saying the rule, nothing
    /// written.
    @Test(
        arguments: [
            (["log", "--subject", "x", "--requester", ""], "--requester cannot be blank"),
            (["withdraw", "FOI-2026-000001", "--reason", " "], "--reason cannot be blank"),
            (["transfer", "FOI-2026-000001", "--to", ""], "--to cannot be blank"),
            (["board", "--actor", ""], "--actor cannot be blank"),
            (["holidays", "add", "2027-01-04", "--division", "scotland", "--title", ""], "--title cannot be blank"),
            (["board", "--horizon", "9223372036854775807"], "--horizon must be from 0 to 250 working days"),
            (["list", "--due-within", "4611686018427387903"], "--due-within must be from 0 to 250 working days"),
            (["extend", "FOI-2026-000001", "--days", "0"], "--days must be from 1 to 200 working days"),
            (
                ["search", "FOI-2026-000001", "--location", "x", "--held", "--hours", "1e9"],
                "--hours must be from 0 to 1000 hours"
            ),
        ] as [([String], String)])
    func blankTextsAndNumbersOutOfRangeAreRefused(arguments: [String], message: String) throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        #expect(try workspace.run(["log", "--subject", "x", "--received", "2026-11-02"]).status == 0)
        let before = try workspace.eventCount()
        let run = try workspace.run(arguments)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "Error: \(message) (see --help)\n")
        #expect(try workspace.eventCount() == before)
    }

    /// A backup is a private copy that shows the same cases, and never overwrites a file.
    @Test func aBackupShowsTheSameCases() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        #expect(try workspace.run(["demo"]).status == 0)
        let copy = workspace.directory.appendingPathComponent("backup.sqlite").path
        let backup = try workspace.run(["backup", copy])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout == "Backed up \(workspace.db) to \(copy): 5 cases.\n")
        let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let original = try workspace.run(["show", "01.FOI.23.028767", "--format", "json"])
        let copied = try foi(["show", "01.FOI.23.028767", "--format", "json", "--db", copy, "--today", "2026-11-20"])
        #expect(copied.stdout == original.stdout)
        let again = try workspace.run(["backup", copy])
        #expect(again.status == 1)
        #expect(again.stderr.contains("exists already"))
    }

    @Test func aStepOutOfOrderIsRefusedWithAdviceAndWritesNothing() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        _ = try workspace.run(["log", "--subject", "x", "--received", "2026-11-02"])
        _ = try workspace.run(["clarify", "FOI-2026-000001", "--requested", "2026-11-03"])
        let before = try workspace.eventCount()
        let refused = try workspace.run(["respond", "FOI-2026-000001", "--outcome", "granted-in-full"])
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "Error: cannot record a response: the case is awaiting clarification since 2026-11-03; record the "
                + "clarification first (foi clarify FOI-2026-000001 --received DATE), or withdraw the case\n"
        )
        #expect(refused.stdout.isEmpty)
        #expect(try workspace.eventCount() == before)
        let unknown = try workspace.run(["show", "FOI-2099-1"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: no case 'FOI-2099-1'; see 'foi list' for the references\n")
        let badDate = try workspace.run(["note", "FOI-2026-000001", "hello", "--on", "2026-02-30"])
        #expect(badDate.status == 64)
        #expect(try workspace.eventCount() == before)
        let badExemption = try workspace.run(["clarify", "FOI-2026-000001", "--received", "2026-11-05"])
        #expect(badExemption.status == 0)
        let wrongRegime = try workspace.run([
            "exempt", "FOI-2026-000001", "--section", "12(5)(e)", "--public-interest", "maintain",
        ])
        #expect(
            wrongRegime.stderr
                == "Error: '12(5)(e)' is not an exemption of FOIA (it exists under EIR); give the part it belongs to "
                + "with --part\n"
        )
    }

    @Test func boardListAndDemo() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let demo = try workspace.run(["demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("5 cases loaded"))
        #expect(demo.stdout.contains("Overdue (1)"))
        #expect(demo.stdout.contains("01.FOI.23.034376"))
        let again = try workspace.run(["demo"])
        #expect(again.stdout.contains("0 cases loaded, 5 already there"))
        let board = try #require(try workspace.json(["board"]) as? [[String: Any]])
        #expect(Set(board.compactMap { $0["section"] as? String }) == ["overdue", "due-soon", "awaiting"])
        #expect(board.first { $0["ref"] as? String == "01.FOI.23.034376" }?["workingDaysLeft"] as? Int == -5)
        let overdue = try #require(try workspace.json(["list", "--overdue"]) as? [[String: Any]])
        #expect(overdue.map { $0["ref"] as? String } == ["01.FOI.23.034376"])
        let responded = try #require(try workspace.json(["list", "--status", "responded"]) as? [[String: Any]])
        #expect(responded.first?["ref"] as? String == "004078/20")
        #expect(responded.first?["outcome"] as? String == "ncnd")
        #expect((responded.first?["exemptions"] as? [[String: Any]])?.count == 3)
    }

    @Test func holidaysAddMovesOpenCases() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        #expect(
            try workspace.run(["log", "--subject", "x", "--received", "2027-06-01"], today: "2027-06-02").status == 0)
        let added = try workspace.run(
            ["holidays", "add", "2027-06-14", "--division", "northern-ireland", "--title", "Proclaimed day"],
            today: "2027-06-02")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(
            added.stdout == "Added Mon 14 Jun 2027, Proclaimed day (Northern Ireland).\n1 case with a clock moved.\n")
        let listed = try workspace.run([
            "holidays", "list", "--year", "2027", "--division", "northern-ireland", "--format", "csv",
        ])
        #expect(listed.stdout.contains("2027-06-14,northern-ireland,Proclaimed day,local"))
    }

    @Test func twoOfficersLoggingAtOnceBothSucceed() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        _ = try workspace.run(["settings"])
        let script = (0..<15).map { _ in
            "\(foiBinary.path) log --subject concurrent --received 2026-11-02 --db \(workspace.db) >/dev/null || "
                + "echo FAIL"
        }.joined(separator: "; ")
        let processes = try (0..<2).map { _ -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            let pipe = Pipe()
            process.standardOutput = pipe
            try launch(process)
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let cases = try #require(try workspace.json(["list"]) as? [[String: Any]])
        #expect(cases.count == 30)
        #expect(Set(cases.compactMap { $0["ref"] as? String }).count == 30)
    }
}
