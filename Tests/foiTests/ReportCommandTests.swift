import FOITestSupport
import Foundation
import Testing

/// `foi report`: one self-contained page whose figures are counted by hand, and which headless Chromium renders
/// with its charts. Received Thu 1 Oct 2026, a FOIA request is due Thu 29 Oct (Oct 2 to 29 is 20 working days);
/// received Mon 2 Nov, Tue 1 Dec (St Andrew's Day, Mon 30 Nov, skipped). A review asked for on Wed 21 Oct is due
/// Wed 18 Nov. The late one waited on a contributor's task from Mon 5 Oct to Fri 30 Oct: 19 working days.
@Suite struct ReportCommandTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
        let answer = workspace.directory.appendingPathComponent("answer.txt").path
        try "Held by Highways.".write(toFile: answer, atomically: true, encoding: .utf8)
        for line in [
            ["user", "add", "dana@council.example", "--name", "Dana Highways", "--role", "contributor", "2026-10-01"],
            ["log", "--subject", "granted", "--requester", "Ada Requester", "--received", "2026-10-01", "2026-10-01"],
            ["log", "--subject", "withheld late", "--received", "2026-10-01", "2026-10-01"],
            ["log", "--subject", "partly withheld", "--received", "2026-10-01", "2026-10-01"],
            ["log", "--subject", "still open", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "own data", "--regime", "sar", "--received", "2026-10-01", "2026-10-01"],
            ["task", "add", "FOI-2026-000002", "--to", "dana@council.example", "--ask", "Held?", "2026-10-05"],
            ["task", "done", "FOI-2026-000002", "1", "--answer-file", answer, "2026-10-30"],
            ["respond", "FOI-2026-000001", "--outcome", "granted-in-full", "--on", "2026-10-20", "2026-10-20"],
            ["review", "FOI-2026-000001", "--requested", "2026-10-21", "2026-10-21"],
            ["exempt", "FOI-2026-000003", "--section", "31(1)(a)", "--public-interest", "maintain", "2026-10-26"],
            ["exempt", "FOI-2026-000003", "--section", "40(2)", "2026-10-26"],
            ["respond", "FOI-2026-000003", "--outcome", "partially-withheld", "--on", "2026-10-28", "2026-10-28"],
            ["respond", "FOI-2026-000005", "--outcome", "granted-in-full", "--on", "2026-10-28", "2026-10-28"],
            ["exempt", "FOI-2026-000002", "--section", "40(2)", "2026-11-03"],
            ["respond", "FOI-2026-000002", "--outcome", "withheld-in-full", "--on", "2026-11-03", "2026-11-03"],
            ["review", "FOI-2026-000001", "--outcome", "upheld", "--on", "2026-11-10", "2026-11-10"],
        ] {
            try workspace.ok(Array(line.dropLast()), today: line.last!)
        }
    }

    func report(_ arguments: [String] = []) throws -> String {
        let result = try workspace.run(["report", "--period", "2026Q4"] + arguments, today: "2026-11-25")
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func theQuartersFiguresAndCharts() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let html = try report()
        // October: two answered by the date, one late (66.7%, Unsatisfactory); December: the open one, pending. The
        // review was decided in time. Four FOI requests received (not the SAR), three responses sent.
        for expected in [
            ">66.7%</div><div class=\"band\">Unsatisfactory</div>",
            "2 in time, 0 extended, 1 late, 1 pending",
            ">100.0%</div><div class=\"band\">Good</div>",
            "<div class=\"figure\">4</div>", "<div class=\"figure\">3</div>",
            "aria-label=\"Timeliness by month: October 2026 requests 66.7%; November 2026 requests none decided; "
                + "December 2026 requests none decided\"",
            "aria-label=\"Granted in full: 1; Partially withheld: 1; Withheld in full: 1\"",
            "aria-label=\"FOIA s.40 Personal information: 2; FOIA s.31 Law enforcement: 1\"",
            "aria-label=\"Original decision upheld: 1\"",
            // Thursday 1 Oct falls in the week of Mon 28 Sep; Mon 2 Nov starts its own.
            "aria-label=\"Requests received per week: week of 28 Sep 3; week of 5 Oct 0;",
            "week of 2 Nov 1;",
            // The open request is due Tue 1 Dec: 3 working days left on 25 Nov.
            "<tr><td>FOI-2026-000004</td><td>Tue 1 Dec 2026</td><td>3</td></tr>",
            "1 request falling due in the period was late, by 3 working days in all.",
            "aria-label=\"Dana Highways (tasks 19): 19\"",
        ] {
            #expect(html.contains(expected), "the report lacks \(expected)")
        }
        #expect(html.components(separatedBy: "<svg ").count - 1 == 6)
        // Self-contained, and nothing of the requester.
        for absent in ["<script", "src=", "href=", "@import", "url(http", "Ada Requester", "own data"] {
            #expect(!html.contains(absent), "the report holds \(absent)")
        }

        let file = workspace.directory.appendingPathComponent("report.html")
        let written = try workspace.run(
            ["report", "--period", "2026Q4", "--output", file.path], today: "2026-11-25")
        #expect(written.stdout == "Wrote the report for 2026Q4 to \(file.path).\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == html)
        let again = try workspace.run(["report", "--output", file.path], today: "2026-11-25")
        #expect(again.status == 64 && again.stdout.isEmpty && again.stderr.contains("exists; give a new file"))
        let bad = try workspace.run(["report", "--period", "2026Q5"])
        #expect(bad.status == 64 && bad.stdout.isEmpty && bad.stderr.hasPrefix("Error: --period '2026Q5'"))
    }

    /// `foi stats delays`: the late response (due Thu 29 Oct, answered Tue 3 Nov: 30 Oct, 2 and 3 Nov late) and
    /// the 19 working days it waited on Dana's task.
    @Test func whereTheLateDaysWent() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let table = try workspace.run(["stats", "delays", "--period", "2026Q4"], today: "2026-11-25")
        #expect(table.status == 0 && table.stderr.isEmpty)
        #expect(
            table.stdout.hasPrefix(
                "Late responses to requests falling due in 2026Q4, as at Wed 25 Nov 2026: 1, 3 working days late in "
                    + "all.\n"))
        #expect(
            table.stdout.contains("FOI-2026-000002  Thu 29 Oct 2026  Tue 3 Nov 2026  3     task 1 Dana Highways 19"))
        let csv = try workspace.run(["stats", "delays", "--period", "2026-10", "--format", "csv"], today: "2026-11-25")
        #expect(
            csv.stdout.split(separator: "\n").last
                == "FOI-2026-000002,foia,2026-10-29,2026-11-03,3,Dana Highways,task,1,2026-10-05,2026-10-30,19")
        let json = try #require(
            try workspace.json(["stats", "delays", "--period", "2026Q4", "--as-at", "2026-10-30"]) as? [String: Any])
        // On Fri 30 Oct the request was a working day late and still unanswered; the task was answered that day.
        let late = try #require((json["late"] as? [[String: Any]])?.first)
        #expect(late["workingDaysLate"] as? Int == 1 && late["answered"] == nil)
        #expect((json["waitedOn"] as? [[String: Any]])?.first?["totalDays"] as? Int == 19)
        // Nothing falls due in a month with no late request.
        let none = try workspace.run(["stats", "delays", "--period", "2026-12"], today: "2026-11-25")
        #expect(none.stdout == "Late responses to requests falling due in 2026-12, as at Wed 25 Nov 2026: none.\n")
    }

    /// Headless Chromium draws the page: its screenshot is written, and the PDF it prints carries the charts' own
    /// text (the ICO's lines, the months, the exemptions' labels), which only a rendered SVG gives.
    @Test(
        .tags(.externalTool),
        ExternalTools.needed(
            programs: ["chromium", "pdftotext"], install: "apt-get install chromium poppler-utils"))
    func chromiumRendersTheCharts() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        guard let chromium = ExternalTools.program("chromium"),
            let pdftotext = ExternalTools.program("pdftotext")
        else {
            Issue.record("install chromium and poppler-utils (apt-get install chromium poppler-utils) to run this test")
            return
        }
        let page = workspace.directory.appendingPathComponent("report.html")
        try Data(try report().utf8).write(to: page)
        let pdf = workspace.directory.appendingPathComponent("report.pdf")
        let screenshot = workspace.directory.appendingPathComponent("report.png")
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=\(workspace.directory.appendingPathComponent("profile").path)",
        ]
        #expect(
            try LetterRenderingTests.run(
                chromium, common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString]))
        #expect(
            try LetterRenderingTests.run(
                chromium, common + ["--window-size=900,2400", "--screenshot=\(screenshot.path)", page.absoluteString]))
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000)
        let printed = try LetterRenderingTests.text(ofPDF: pdf, pdftotext: pdftotext)
        for expected in [
            "FOI performance, 2026Q4: October to December 2026", "95% Good", "90% Adequate", "October 2026",
            "December 2026", "28 Sep", "FOIA s.40 Personal information", "Granted in full", "Original decision upheld",
            "FOI-2026-000004",
        ] {
            #expect(printed.contains(expected), "the rendered report lacks '\(expected)'")
        }
    }
}
