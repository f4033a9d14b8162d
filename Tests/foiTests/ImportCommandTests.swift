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

        let run = try workspace.run(["import", file.path, "--actor", "Priya Shah"])
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
            (
                "Ref,Received,Status\nA,1/1/2026,Clarification required\n",
                "line 2: the status 'Clarification required' needs the date in a column of the clarification requested"
            ),
            (
                "Ref,Received,Status\nA,1/1/2026,Sleeping\n",
                "line 2, column 'Status': 'Sleeping' is not a status foi maps"
            ),
            ("Ref,Received,Date of reply,Outcome\nA,05/01/2026,02/01/2026,Not held\n", "line 2 (A): "),
            ("Ref,Received,Status,Date closed\nA,1/1/2026,Lapsed,2/3/2026\n", "line 2: the status 'Lapsed' needs what"),
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
            ("not JSON", "line 3 of the export: not JSON at byte 1: expected null"),
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

    /// A workbook shaped like the ICO's tracking template (scripts/make-ico-tracker-fixture): instructions first, the
    /// headers under title rows. Hand counts: ICO-002's clarification received Mon 15 Apr 2024 restarts the count,
    /// due Tue 14 May (6 May a bank holiday), as the sheet says; ICO-003, received Mon 3 Jun, is due Mon 1 Jul, and
    /// extended by 10 working days to Tue 16 Jul (Fri 12 Jul is the Battle of the Boyne, a Northern Ireland
    /// holiday); ICO-001's 29 May misses both May holidays.
    @Test func theICOTrackingTemplatesShape() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let workbook = Fixtures.directory.appendingPathComponent("xlsx/ico-tracker-shape.xlsx").path
        let run = try workspace.run(["import", workbook])
        #expect(run.status == 0, "\(run.stderr)")
        for expected in [
            "'Reference number' as reference", "'Date extended (PIT)' as extended", "'Status' as status",
            "Not used: 'Notes'.", "Deadline audit: 1 of 4 due dates differ from the statutory date:",
            "line 5 (ICO-001): the sheet's 2024-05-29, the statutory date 2024-05-31", "Imported 4 cases.",
        ] {
            #expect(run.stdout.contains(expected), "the report lacks \(expected)")
        }
        let cases = try #require(try workspace.json(["list"]) as? [[String: Any]])
        let byRef = Dictionary(uniqueKeysWithValues: cases.map { ($0["ref"] as! String, $0) })
        #expect(byRef["ICO-002"]?["status"] as? String == "open" && byRef["ICO-002"]?["due"] as? String == "2024-05-14")
        #expect(
            byRef["ICO-002"]?["regime"] as? String == "eir" && byRef["ICO-002"]?["handler"] as? String == "Tom Ellis")
        #expect(byRef["ICO-003"]?["due"] as? String == "2024-07-16")
        #expect(byRef["ICO-003"]?["extendedFrom"] as? String == "2024-07-01")
        #expect(byRef["ICO-003"]?["outcome"] as? String == "partially-withheld")
        #expect(byRef["ICO-004"]?["status"] as? String == "withdrawn")
        let history = try #require(try workspace.json(["history", "ICO-003"]) as? [[String: Any]])
        #expect(
            history.map { "\($0["kind"]!) \($0["date"]!)" } == [
                "received 2024-06-03", "exemption-applied 2024-06-28", "exemption-applied 2024-06-28",
                "extended 2024-06-28", "responded 2024-07-12",
            ])

        // The template's internal review tracker: steps for cases already there, each added once.
        let reviews = try workspace.run(["import", workbook, "--sheet", "Internal review tracker"])
        #expect(reviews.stdout.contains("1 row of later steps") && reviews.stdout.contains("'IR outcome' as review"))
        #expect(reviews.stdout.hasSuffix("Added 2 steps to 1 of 1 cases (steps a case has already are left).\n"))
        let reviewed = try #require(try workspace.json(["history", "ICO-003"]) as? [[String: Any]])
        #expect(
            reviewed.suffix(2).map { "\($0["kind"]!) \($0["date"]!)" } == [
                "review-requested 2024-07-20", "review-decided 2024-08-15",
            ])
        let again = try workspace.run(["import", workbook, "--sheet", "Internal review tracker"])
        #expect(again.stdout.hasSuffix("Added 0 steps to 0 of 1 cases (steps a case has already are left).\n"))
        let unknown = try foi(
            ["import", "-", "--db", workspace.db, "--today", "2026-11-20"], input: "Ref,IR date\nNOPE,01/02/2025\n")
        #expect(unknown.status == 65 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "Error: line 2: no case 'NOPE' in the database: import its request first\n")
    }

    /// Statuses and stage columns of real systems become the steps they stand for; review and complaint columns too.
    @Test func statusesClarificationsFeesReviewsAndComplaints() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let csv = """
            Ref,Date received,Status,Clarification requested,Clarification received,Fees notice,Fee paid,Date closed,\
            Outcome,Exemptions,IR date,IR response date,IR outcome,ICO ref,ICO date,Decision notice,ICO outcome
            A1,02/09/2024,FOI Clarification Required,04/09/2024,,,,,,,,,,,,,
            A2,02/09/2024,Clarification received,04/09/2024,10/09/2024,,,,,,,,,,,,
            A3,02/09/2024,FOI Fees Due,,,05/09/2024,,,,,,,,,,,
            A4,02/09/2024,Withdrawn – By Requestor,,,,,20/09/2024,,,,,,,,,
            A5,02/09/2024,Complete,,,,,25/09/2024,Refused in part,s.40(2),01/10/2024,25/10/2024,Upheld,IC-1234,\
            01/11/2024,03/03/2025,Not upheld
            A6,02/09/2024,,,,,,20/09/2024,Withdrawn,,,,,,,,
            A7,02/09/2024,FOI Fees Not Paid,,,05/09/2024,,10/12/2024,,,,,,,,,
            A8,02/09/2024,FOI Complete. No Clarification,04/09/2024,,,,10/12/2024,,,,,,,,,

            """
        let run = try foi(["import", "-", "--db", workspace.db, "--today", "2026-11-20"], input: csv)
        #expect(run.status == 0 && run.stdout.hasSuffix("Imported 8 cases.\n"), "\(run.stderr)")
        let cases = try #require(try workspace.json(["list"]) as? [[String: Any]])
        let statuses = Dictionary(uniqueKeysWithValues: cases.map { ($0["ref"] as! String, $0["status"] as! String) })
        #expect(
            statuses == [
                "A1": "awaiting-clarification", "A2": "open", "A3": "awaiting-fee", "A4": "withdrawn",
                "A5": "responded", "A6": "withdrawn", "A7": "lapsed", "A8": "lapsed",
            ])
        for (reference, lapse) in [("A7", "fee-lapsed"), ("A8", "clarification-lapsed")] {
            let events = try #require(try workspace.json(["history", reference]) as? [[String: Any]])
            #expect(events.last?["kind"] as? String == lapse && events.last?["date"] as? String == "2024-12-10")
        }
        // Clarification received Tue 10 Sep 2024: 20 working days from then is Tue 8 Oct.
        #expect(cases.first { $0["ref"] as? String == "A2" }?["due"] as? String == "2024-10-08")
        let history = try #require(try workspace.json(["history", "A5"]) as? [[String: Any]])
        #expect(
            history.map { $0["kind"] as! String } == [
                "received", "exemption-applied", "responded", "review-requested", "review-decided",
                "complaint-notified", "decision-notice",
            ])
    }

    /// A mapping file adds header names and spellings; without it the same file is refused, naming what maps.
    @Test func aMappingFileAddsNamesAndSpellings() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let csv =
            "Case,Logged,Stage,Replied,Result,Internal notes\nX-1,03/02/2025,With legal,,,keep\n"
            + "X-2,03/02/2025,Done,14/02/2025,Released,\n"
        let file = workspace.directory.appendingPathComponent("log.csv")
        try Data(csv.utf8).write(to: file)
        let refused = try workspace.run(["import", file.path])
        #expect(refused.status == 65 && refused.stderr.hasPrefix("Error: line 1: no column of the date received"))

        let mapping = workspace.directory.appendingPathComponent("mapping.json")
        try Data(
            """
            {"columns": {"Case": "reference", "Logged": "received", "Replied": "responded", "Internal notes": null},
             "statuses": {"With legal": "open"}}
            """.utf8
        ).write(to: mapping)
        let unmapped = try workspace.run(["import", file.path, "--mapping", mapping.path])
        #expect(unmapped.status == 65, "\(unmapped.stderr)")
        #expect(
            unmapped.stderr.hasPrefix(
                "Error: line 3, column 'Stage': 'Done' is not a status foi maps: spellings such as")
                && unmapped.stderr.contains("a mapping file can map it to one of open, awaiting-clarification"))

        try Data(
            """
            {"columns": {"Case": "reference", "Logged": "received", "Replied": "responded", "Internal notes": null},
             "statuses": {"With legal": "open", "Done": "responded"}, "outcomes": {"Released": "granted-in-full"}}
            """.utf8
        ).write(to: mapping)
        let run = try workspace.run(["import", file.path, "--mapping", mapping.path])
        #expect(run.status == 0 && run.stdout.contains("'Case' as reference; 'Logged' as received"), "\(run.stderr)")
        #expect(run.stdout.contains("Not used: 'Internal notes'.") && run.stdout.hasSuffix("Imported 2 cases.\n"))
        let cases = try #require(try workspace.json(["list"]) as? [[String: Any]])
        #expect(cases.first { $0["ref"] as? String == "X-2" }?["outcome"] as? String == "granted-in-full")

        for (text, message) in [
            ("[]", "the mapping file is not a JSON object"), ("{\"colours\": {}}", "the mapping file has \"colours\""),
            ("{\"outcomes\": {\"Won\": \"victory\"}}", "the mapping file's outcome 'Won': give one of granted-in-full"),
        ] {
            try Data(text.utf8).write(to: mapping)
            let bad = try workspace.run(["import", file.path, "--mapping", mapping.path])
            #expect(bad.status == 65 && bad.stderr.hasPrefix("Error: \(message)"), "\(bad.stderr)")
        }
    }

    /// --update adds to an imported case what its row has since; a row whose earlier history differs is refused
    /// (a history is only appended to), and nothing of the file is written.
    @Test func updateAddsWhatTheRowHasSince() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let file = workspace.directory.appendingPathComponent("tracker.csv")
        func write(_ rows: String) throws {
            try Data(("Ref,Received,Officer,Date of reply,Outcome\n" + rows).utf8).write(to: file)
        }
        try write("U-1,04/11/2024,Priya Shah,,\nU-2,05/11/2024,,,\n")
        #expect(try workspace.run(["import", file.path]).status == 0)
        try write("U-1,04/11/2024,Tom Ellis,15/11/2024,Not held\nU-2,05/11/2024,,,\nU-3,06/11/2024,,,\n")
        let skipped = try workspace.run(["import", file.path])
        #expect(skipped.stdout.contains("Already in the database, skipped: 2 (U-1, U-2); --update adds"))
        #expect(skipped.stdout.hasSuffix("Imported 1 case.\n"))
        let dry = try workspace.run(["import", file.path, "--update", "--dry-run"])
        #expect(dry.stdout.contains("Would update 1 of 3 cases already in the database with 2 steps"), "\(dry.stdout)")
        let updated = try workspace.run(["import", file.path, "--update"])
        #expect(
            updated.stdout.contains("Updated 1 of 3 cases already in the database with 2 steps"), "\(updated.stderr)")
        let history = try #require(try workspace.json(["history", "U-1"]) as? [[String: Any]])
        #expect(history.map { $0["kind"] as! String } == ["received", "assigned", "responded", "assigned"])
        #expect((try workspace.json(["show", "U-1"]) as? [String: Any])?["handler"] as? String == "Tom Ellis")

        func histories() throws -> [String] {
            try ["U-1", "U-2", "U-3"].map { try workspace.run(["history", $0, "--format", "json"]).stdout }
        }
        let before = try histories()
        try write("U-1,05/11/2024,Tom Ellis,15/11/2024,Not held\nU-2,05/11/2024,,20/11/2024,Not held\n")
        let refused = try workspace.run(["import", file.path, "--update"])
        #expect(refused.status == 65 && refused.stdout.isEmpty)
        #expect(
            refused.stderr.hasPrefix(
                "Error: line 2 (U-1): its history has request on 2024-11-04 where the sheet has request on 2024-11-05"),
            "\(refused.stderr)")
        #expect(try histories() == before)

        // One transaction: a new row refused leaves the cases brought up to date as they were.
        try write(
            "U-1,04/11/2024,Tom Ellis,15/11/2024,Not held\nU-2,05/11/2024,,20/11/2024,Not held\n"
                + "U-4,10/11/2024,,01/11/2024,Not held\n")
        let late = try workspace.run(["import", file.path, "--update"])
        #expect(late.status == 65 && late.stderr.hasPrefix("Error: line 4 (U-4): "), "\(late.stderr)")
        #expect(try histories() == before)
    }

    /// In an Excel sheet a bad value is named by its cell.
    @Test func aBadCellOfASheetIsNamed() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let workbook = Fixtures.directory.appendingPathComponent("xlsx/month-first.xlsx").path
        let run = try foi(["import", workbook, "--db", workspace.db, "--today", "2026-11-20"])
        #expect(run.status == 65 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: cell B3 ('Date received'): '12/25/2024' reads only month-first"))
        #expect(!FileManager.default.fileExists(atPath: workspace.db))
    }

    /// A refused import into a database that did not exist leaves no database behind, from a sheet or an export.
    @Test(
        arguments: [
            "Ref,Received,Date of reply,Outcome\nA,05/01/2026,02/01/2026,Not held\n",
            "{\"eventFormat\":1,\"type\":\"foi-export\"}\n{\"type\":\"case\",\"ref\":\"A\",\"events\":[]}\n",
        ])
    func aRefusedImportLeavesNoNewDatabase(input: String) throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let run = try foi(["import", "-", "--db", workspace.db, "--today", "2026-11-20"], input: input)
        #expect(run.status == 65 && run.stderr.hasPrefix("Error: line 2"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.db))
    }
}

/// Trackers as large as an authority's years of requests, written by openpyxl as a real export is: each sheet part
/// is tens of megabytes (the 10 MB that Foundation's parser stopped at is long past), read whole within a memory
/// budget.
@Suite struct LargeWorkbookTests {
    /// Writes a tracker of `rows` requests with openpyxl (write-only, as trackers export) to `path`; false when
    /// Python or openpyxl is missing.
    static func writeTracker(rows: Int, to path: String) throws -> Bool {
        let script = """
            import datetime, sys
            from openpyxl import Workbook
            book = Workbook(write_only=True)
            sheet = book.create_sheet("Requests")
            sheet.append(["Ref", "Date Received", "Type", "Summary", "Name", "Officer", "Deadline", "Date of reply",
                          "Outcome", "Exemptions applied"])
            for i in range(int(sys.argv[2])):
                received = datetime.date(2019, 1, 1) + datetime.timedelta(days=i % 2500)
                sheet.append([f"T/{i:06d}", received, "FOI", f"Request {i}", f"Person {i}", f"Officer {i % 40}",
                              None, received + datetime.timedelta(days=10), "Granted in full", None])
            book.save(sys.argv[1])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path, String(rows)]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test(
        .tags(.externalTool),
        ExternalTools.needed(
            pythonModules: ["openpyxl"], install: "pip install openpyxl, or apt-get install python3-openpyxl"),
        arguments: [30_000, 100_000])
    func aLargeOpenpyxlTrackerIsReadWholeWithinAGigabyte(rows: Int) throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let workbook = workspace.directory.appendingPathComponent("tracker.xlsx").path
        guard try Self.writeTracker(rows: rows, to: workbook) else {
            Issue.record("install Python's openpyxl (pip install openpyxl, or apt-get install python3-openpyxl)")
            return
        }
        // The address space capped at 1 GiB: a reader that held the sheet as a tree of objects would not fit.
        let run = try foi(
            [
                "--as=\(1 << 30)", foiBinary.path, "import", workbook, "--dry-run", "--db", workspace.db, "--today",
                "2026-11-20",
            ], executable: URL(fileURLWithPath: "/usr/bin/prlimit"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("Dry run: nothing written; \(rows) cases would be imported.\n"), "\(run.stdout)")
        #expect(run.stdout.contains("Dates read: \(2 * rows) iso"), "\(run.stdout)")
    }
}
