import FOITestSupport
import Foundation
import Testing

/// `foi import`: a tracker's rows as cases with their histories, the deadline audit, all or nothing.
@Suite struct ImportCommandTests {
    /// Received Wed 1 May 2024, a request is due Fri 31 May (6 and 27 May are bank holidays); the sheet's 29 May
    /// counts neither. Received Mon 8 Apr, due Tue 7 May: the sheet agrees.
    static let tracker = """
        Our Ref,Date Received,Type,Summary,Name,Email,Officer,Deadline,Date of reply,Outcome,Exemptions applied,Priority
        FOI/24/001,01/05/2024,FOI,Drone flights,Ann Private,ann@example.org,Priya Shah,29/05/2024,20/05/2024,\
        Granted in full,,High
        FOI/24/002,8 April 2024,FOI,Stop and search,Bob Public,,Tom Ellis,07/05/2024,,,,
        EIR/24/003,02/04/2024,EIR,Tree felling,,,,,,,,
        FOI/24/004,15/04/2024,FOI,Informants,Cat Person,,,,10/05/2024,Refused in part,"s.40(2); 31(1)(a)",

        """

    @Test func aTrackerBecomesCasesWithTheirHistories() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let file = workspace.directory.appendingPathComponent("tracker.csv")
        try Data(Self.tracker.utf8).write(to: file)

        let dry = try foi(
            ["import", file.path, "--dry-run", "--db", workspace.db, "--today", "2026-11-20"], in: workspace.directory)
        #expect(dry.status == 0, "\(dry.stderr)")
        // Nothing written: no database, and no file beside the tracker.
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.directory.path) == ["tracker.csv"])
        for expected in [
            "Read \(file.path): 4 rows.", "'Date Received' as received", "'Officer' as handler",
            "Not used: 'Priority'.",
            "Dates read: 7 day-first, 1 long", "Deadline audit: 1 of 2 due dates differ from the statutory date:",
            "line 2 (FOI/24/001): the sheet's 2024-05-29, the statutory date 2024-05-31 (20 working days from "
                + "2024-05-01; Mon 6 May 2024 is Early May bank holiday, Mon 27 May 2024 is Spring bank holiday)",
            "Dry run: nothing written; 4 cases would be imported.",
        ] {
            #expect(dry.stdout.contains(expected), "the report lacks \(expected)")
        }

        let run = try workspace.run(["import", file.path])
        #expect(run.stdout.hasSuffix("Imported 4 cases.\n"), "\(run.stderr)")
        let cases = try #require(try workspace.json(["list"]) as? [[String: Any]])
        let byRef = Dictionary(uniqueKeysWithValues: cases.map { ($0["ref"] as! String, $0) })
        #expect(byRef["FOI/24/001"]?["outcome"] as? String == "granted-in-full")
        #expect(byRef["FOI/24/001"]?["handler"] as? String == "Priya Shah")
        #expect(byRef["FOI/24/001"]?["due"] as? String == "2024-05-31")
        #expect(byRef["EIR/24/003"]?["regime"] as? String == "eir")
        #expect(byRef["FOI/24/004"]?["outcome"] as? String == "partially-withheld")
        let exemptions = byRef["FOI/24/004"]?["exemptions"] as? [[String: Any]]
        #expect(exemptions?.map { $0["citation"] as! String } == ["40(2)", "31(1)(a)"])
        // The requester is in the requester store, not in the history; every event is recorded by the import.
        #expect(try workspace.run(["show", "FOI/24/001"]).stdout.contains("Ann Private"))
        let history = try workspace.run(["history", "FOI/24/001", "--format", "json"]).stdout
        #expect(!history.contains("Ann Private") && !history.contains("ann@example.org"))
        let events = try #require(try workspace.json(["history", "FOI/24/001"]) as? [[String: Any]])
        #expect(events.map { $0["kind"] as! String } == ["received", "assigned", "responded"])
        #expect(events.allSatisfy { $0["actor"] as? String == "import" })

        let again = try workspace.run(["import", file.path])
        #expect(
            again.stdout.contains("Already in the database, skipped: 4")
                && again.stdout.hasSuffix("Imported 0 cases.\n"))
    }

    @Test func anExcelTracker() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let workbook = Fixtures.directory.appendingPathComponent("xlsx/shared-strings.xlsx").path
        let run = try workspace.run(["import", workbook])
        #expect(
            run.status == 0 && run.stdout.contains("'Date received' as received; 'Type' as regime"), "\(run.stderr)")
        #expect(run.stdout.contains("Not used: 'Note'.") && run.stdout.hasSuffix("Imported 2 cases.\n"))
        let cases = try #require(try workspace.json(["list"]) as? [[String: Any]])
        #expect(cases.map { $0["received"] as! String }.sorted() == ["2026-01-05", "2026-11-02"])
    }

    /// One bad row: exit 65, its line and column named, nothing written.
    @Test(
        arguments: [
            (
                "Ref,Received\nA,1/1/2026\nB,12/25/2026\n",
                "line 3, column 'Received': '12/25/2026' reads only month-first"
            ),
            ("Ref,Received,Outcome\nA,1/1/2026,Won\n", "line 2, column 'Outcome': 'Won' is not an outcome foi maps"),
            ("Ref,Received,Type\nA,1/1/2026,GDPR-ish\n", "line 2, column 'Type': 'GDPR-ish' is not a regime"),
            (
                "Ref,Received,Date of reply\nA,1/1/2026,2/2/2026\n",
                "line 2, column 'Date of reply': a response date needs"
            ),
            ("Ref,Subject\nA,x\n", "line 1: no column of the date received"),
            ("Ref,Received,Exemptions\nA,1/1/2026,s.99\n", "line 2, column 'Exemptions': '99' is not an exemption"),
        ] as [(String, String)])
    func aBadRowImportsNothing(csv: String, message: String) throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["log", "--subject", "already here", "--received", "2026-11-02"], today: "2026-11-02")
        let run = try foi(["import", "-", "--db", workspace.db, "--today", "2026-11-20"], input: csv)
        #expect(run.status == 65 && run.stdout.isEmpty, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("Error: \(message)"), "\(run.stderr)")
        let cases = try #require(try workspace.json(["list"]) as? [[String: Any]])
        #expect(cases.count == 1)
    }

    /// A bad line of an export (`foi export`): exit 65, its line named, nothing restored — not even the rows
    /// before it.
    @Test(
        arguments: [
            ("{\"type\":\"case\",\"ref\":\"A\",\"events\":[]}", "line 3 of the export: A's history does not replay"),
            (
                "{\"type\":\"settings\",\"key\":\"x\",\"colour\":\"red\"}",
                "line 3 of the export: the table settings has no column 'colour'"
            ),
            ("not JSON", "line 3 of the export: not a JSON object with a \"type\""),
            ("{\"type\":\"mystery\"}", "line 3 of the export: no record of type 'mystery'"),
            (
                "{\"type\":\"case\",\"ref\":\"A\",\"events\":[{\"sequence\":2,\"date\":\"2026-01-05\",\"kind\":"
                    + "\"received\",\"event\":{},\"recordedAt\":\"2026-01-05T09:00:00Z\"}]}",
                "line 3 of the export: A's event 1: its sequence is not 1"
            ),
            (
                "{\"type\":\"case\",\"ref\":\"A\",\"events\":[{\"sequence\":1,\"date\":\"2026-01-05\",\"kind\":"
                    + "\"received\",\"event\":{\"regime\":\"foia\"},\"recordedAt\":\"2026-01-05T09:00:00Z\"}]}",
                "line 3 of the export: A's event 1: "
            ),
        ] as [(String, String)])
    func aBadExportRestoresNothing(line: String, message: String) throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["settings", "authority-name", "Ours"], today: "2026-11-20")
        let export = """
            {"eventFormat":1,"schema":"0011_handlers","type":"foi-export"}
            {"key":"authority-name","type":"settings","value":"Theirs"}
            \(line)

            """
        let run = try foi(["import", "-", "--db", workspace.db, "--today", "2026-11-20"], input: export)
        #expect(run.status == 65 && run.stdout.isEmpty, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("Error: \(message)"), "\(run.stderr)")
        #expect(try workspace.run(["settings"]).stdout.contains("authority-name = Ours\n"))
        #expect((try workspace.json(["list"]) as? [Any])?.isEmpty == true)
    }

    @Test func anExportInANewerEventFormatIsRefused() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let run = try foi(
            ["import", "-", "--db", workspace.db], input: "{\"eventFormat\":2,\"type\":\"foi-export\"}\n")
        #expect(
            run.status == 65 && run.stderr.hasPrefix("Error: line 1 of the export: events in a format other than 1"))
    }
}
