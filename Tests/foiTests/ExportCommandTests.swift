import Foundation
import Testing

/// `foi export`: every case with its events in the permanent format, the organisation's tables, and requesters
/// only when asked for, in files only their owner can read.
@Suite struct ExportCommandTests {
    @Test func everythingInThePermanentFormat() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["demo"], today: "2026-11-21")
        try workspace.ok(["assign", "004078/20", "--to", "Priya Shah"], today: "2026-11-21")
        try workspace.ok(
            ["holidays", "add", "2026-12-29", "--division", "scotland", "--title", "Extra day"], today: "2026-11-21")
        let export = try workspace.run(["export"], today: "2026-11-21")
        #expect(export.status == 0, "\(export.stderr)")
        let records = try export.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(records.first?["type"] as? String == "foi-export" && records.first?["eventFormat"] as? Int == 1)
        #expect(records.contains { $0["type"] as? String == "settings" && $0["key"] as? String == "authority-name" })
        #expect(records.contains { $0["type"] as? String == "holidays" && $0["date"] as? String == "2026-12-29" })
        let cases = records.filter { $0["type"] as? String == "case" }
        let listed = try #require(try workspace.json(["list"]) as? [[String: Any]])
        #expect(cases.map { $0["ref"] as! String }.sorted() == listed.map { $0["ref"] as! String }.sorted())
        // Each case's events are its history's, in the permanent format.
        for record in cases {
            let ref = record["ref"] as! String
            let history = try #require(try workspace.json(["history", ref]) as? [[String: Any]])
            let events = try #require(record["events"] as? [[String: Any]])
            #expect(events.count == history.count, "\(ref)")
            for (event, step) in zip(events, history) {
                #expect(event["kind"] as? String == step["kind"] as? String)
                #expect(event["date"] as? String == step["date"] as? String)
                // Without the requesters, the personal texts are left out and named.
                var expected = try #require(step["event"] as? [String: Any])
                for field in event["removed"] as? [String] ?? [] { expected[field] = "(removed)" }
                #expect((event["event"] as? NSDictionary) == expected as NSDictionary, "\(ref)")
            }
            #expect(record["requester"] == nil)
        }
        #expect(!export.stdout.contains("Demo requester"))
        #expect(export.stdout.contains("\"removed\":[\"text\"]"))

        let withRequesters = try workspace.run(["export", "--include-requesters"], today: "2026-11-21")
        #expect(withRequesters.stdout.contains("\"requester\":{") && withRequesters.stdout.contains("Demo requester"))

        // CSV: a directory of files, owner-only when it holds requesters.
        let directory = workspace.directory.appendingPathComponent("export")
        let csv = try workspace.run(
            ["export", "--format", "csv", "--include-requesters", "--output", directory.path], today: "2026-11-21")
        #expect(csv.stdout == "Exported \(cases.count) cases to \(directory.path).\n", "\(csv.stderr)")
        for file in ["events.csv", "requesters.csv", "settings.csv", "holidays.csv"] {
            let path = directory.appendingPathComponent(file).path
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file)")
        }
        let events = try String(contentsOf: directory.appendingPathComponent("events.csv"), encoding: .utf8)
        #expect(events.hasPrefix("ref,sequence,date,kind,event,actor,recorded_at\n004078/20,1,2020-12-08,received,"))
        // The handler by the number of the user (format 3), whom users.csv names.
        #expect(events.range(of: #",assigned,"\{""to"":[0-9]+\}","#, options: .regularExpression) != nil)
        #expect(
            try String(contentsOf: directory.appendingPathComponent("users.csv"), encoding: .utf8).contains(
                ",Priya Shah,"))

        for arguments in [["export", "--format", "csv"], ["export", "--output", directory.path]] {
            let refused = try workspace.run(arguments)
            #expect(refused.status == 64 && refused.stdout.isEmpty, "\(arguments)")
        }
    }

    /// A blank file or directory given to the commands that write or read one is a usage error, not a file named "".
    @Test(
        arguments: [
            (["export", "--output", ""], "--output"), (["calendar", "--output", " "], "--output"),
            (["report", "--output", ""], "--output"), (["import", "x.csv", "--mapping", ""], "--mapping"),
            (["import", "x.csv", "--sheet", ""], "--sheet"),
            (["import", "x.jsonl", "--templates-dir", ""], "--templates-dir"),
        ] as [([String], String)])
    func aBlankPathIsRefused(arguments: [String], option: String) throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let run = try workspace.run(arguments)
        #expect(run.status == 64 && run.stdout.isEmpty, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("Error: \(option) cannot be blank"), "\(run.stderr)")
    }
}
