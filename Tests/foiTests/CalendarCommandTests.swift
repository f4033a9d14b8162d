import FOITestSupport
import Foundation
import Testing

/// `foi calendar`: an RFC 5545 file read back by an independent parser (Python's `icalendar`), every event on the
/// date the board gives its clock.
@Suite struct CalendarCommandTests {
    /// Each event of `ics` as the `icalendar` package reads it: uid, summary, start, end, sequence, all-day.
    static func parse(_ ics: String, in directory: URL) throws -> [[String: Any]]? {
        let file = directory.appendingPathComponent("calendar.ics")
        try Data(ics.utf8).write(to: file)
        let script = """
            import icalendar, json, sys
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            print(json.dumps([{"uid": str(e["UID"]), "summary": str(e["SUMMARY"]),
                "description": str(e["DESCRIPTION"]), "start": e["DTSTART"].dt.isoformat(),
                "end": e["DTEND"].dt.isoformat(), "sequence": int(e["SEQUENCE"]),
                "allDay": e["DTSTART"].params.get("VALUE") == "DATE"} for e in calendar.walk("VEVENT")]))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    }

    @Test(
        .tags(.externalTool),
        ExternalTools.needed(
            pythonModules: ["icalendar"], install: "pip install icalendar, or apt-get install python3-icalendar"))
    func everyRunningClockOnItsDateReadByAnIndependentParser() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        for line in [
            [
                "log", "--subject", "Ann Private's parking fines", "--requester", "Ann Private", "--received",
                "2026-11-02", "2026-11-02",
            ],
            ["log", "--subject", "Drones; costs, and \\ more", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "Bins", "--received", "2026-10-01", "2026-10-01"],
            ["respond", "FOI-2026-000003", "--outcome", "granted-in-full", "--on", "2026-10-20", "2026-10-20"],
            ["review", "FOI-2026-000003", "--requested", "2026-11-03", "2026-11-03"],
            ["log", "--subject", "Unclear", "--received", "2026-11-02", "2026-11-02"],
            ["clarify", "FOI-2026-000004", "--requested", "2026-11-04", "2026-11-04"],
            ["exempt", "FOI-2026-000002", "--section", "31(1)(a)", "--public-interest", "maintain", "2026-11-10"],
            ["assign", "FOI-2026-000002", "--to", "Priya Shah", "2026-11-10"],
        ] {
            try workspace.ok(Array(line.dropLast()), today: line.last!)
        }
        let first = try workspace.run(["calendar"], today: "2026-11-20")
        #expect(first.status == 0, "\(first.stderr)")
        // CRLF everywhere, no line over 75 octets, nothing of the requester.
        let lines = first.stdout.components(separatedBy: "\r\n")
        #expect(lines.last == "" && !lines.dropLast().contains { $0.contains("\n") || $0.utf8.count > 75 })
        #expect(!first.stdout.contains("Ann Private") && !first.stdout.contains("parking"))
        guard let events = try Self.parse(first.stdout, in: workspace.directory) else {
            Issue.record("install Python's icalendar (pip install icalendar, or apt-get install python3-icalendar)")
            return
        }
        // Each event on the date the board gives the clock, a day long, all-day.
        let board = try workspace.run(
            ["board", "--horizon", "250", "--limit", "0", "--format", "json"], today: "2026-11-20")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(board.stdout.utf8)) as? [[String: Any]])
        var expected: [String: String] = [:]
        for row in rows {
            let clock = try #require(row["clock"] as? [String: Any])
            expected["\(row["ref"]!).\(clock["name"]!)@foi"] = clock["due"] as? String
        }
        #expect(expected.count == 4)
        #expect(Set(events.map { $0["uid"] as! String }) == Set(expected.keys))
        for event in events {
            let uid = event["uid"] as! String
            let start = try #require(event["start"] as? String)
            #expect(start == expected[uid], "\(uid)")
            let day = try #require(ISO8601DateFormatter().date(from: start + "T00:00:00Z"))
            #expect(event["end"] as? String == String(ISO8601DateFormatter().string(from: day + 86_400).prefix(10)))
            #expect(event["allDay"] as? Bool == true)
        }
        let response = try #require(events.first { $0["uid"] as? String == "FOI-2026-000002.response@foi" })
        #expect(response["summary"] as? String == "FOI-2026-000002 response due")
        #expect(response["start"] as? String == "2026-12-01")

        // A PIT extension moves the date: the same UID, a later date, a higher SEQUENCE.
        try workspace.ok(["extend", "FOI-2026-000002", "--days", "20", "--on", "2026-11-20"], today: "2026-11-20")
        let later = try #require(
            try Self.parse(try workspace.run(["calendar"], today: "2026-11-20").stdout, in: workspace.directory))
        let moved = try #require(later.first { $0["uid"] as? String == "FOI-2026-000002.response@foi" })
        #expect(moved["start"] as? String == "2026-12-31")
        #expect((moved["sequence"] as! Int) > (response["sequence"] as! Int))

        // One officer's clocks, one clock's, and a file.
        let priya = try workspace.run(["calendar", "--officer", "Priya Shah"], today: "2026-11-20")
        #expect(priya.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1 == 1)
        let reviews = try workspace.run(["calendar", "--clock", "review"], today: "2026-11-20")
        #expect(reviews.stdout.contains("SUMMARY:FOI-2026-000003 internal review due\r\n"))
        #expect(reviews.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1 == 1)
        let file = workspace.directory.appendingPathComponent("out.ics")
        let written = try workspace.run(["calendar", "--output", file.path], today: "2026-11-20")
        #expect(written.stdout == "Wrote 4 events to \(file.path).\n")
        let again = try workspace.run(["calendar", "--output", file.path], today: "2026-11-20")
        #expect(again.status == 64 && again.stdout.isEmpty)
        let bad = try workspace.run(["calendar", "--clock", "lunch"])
        #expect(bad.status == 64 && bad.stdout.isEmpty && bad.stderr.hasPrefix("Error: "))
    }
}
