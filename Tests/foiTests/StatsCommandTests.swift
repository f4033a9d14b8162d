import Foundation
import Testing

/// `foi stats timeliness` on a database built through the commands, every figure counted by hand.
///
/// Received Mon 2 Nov 2026, a request is due Tue 1 Dec (Nov 3–27 is 19 working days; St Andrew's Day, Mon 30 Nov,
/// is skipped: FOIA counts a holiday in any part of the UK). A FOIA extension of 20 working days runs to Thu 31 Dec
/// (Dec 2–24 is 17, Christmas and Mon 28 Dec skipped, Dec 29–31), as does the EIR's reg 7 extension to 40 in all.
@Suite struct StatsCommandTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
    }

    func steps(_ lines: [[String]]) throws {
        for line in lines { try workspace.ok(Array(line.dropLast()), today: line.last!) }
    }

    /// The figures as at `asAt`, run on `today` (default: that day): as at today they are read from the projection,
    /// as at an earlier day replayed from the events.
    func figures(_ period: String, asAt: String, today: String? = nil) throws -> [String: Any] {
        let result = try workspace.run(
            ["stats", "timeliness", "--period", period, "--as-at", asAt, "--format", "json"], today: today ?? asAt)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func row(_ report: [String: Any], _ period: String, _ kind: String) -> String {
        let rows = report["rows"] as? [[String: Any]] ?? []
        guard let row = rows.first(where: { $0["period"] as? String == period && $0["kind"] as? String == kind })
        else { return "missing" }
        return ["inTime", "withinExtension", "late", "pending"].map { "\(row[$0]!)" }.joined(separator: " ")
            + " \(row["percentInTime"] ?? "-") \(row["band"] ?? "-")"
    }

    @Test func theICOsTimelinessAsAtAnyDate() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try steps([
            ["log", "--subject", "A answered in time", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "B PIT extension", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "C EIR reg 7", "--regime", "eir", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "D answered late", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "E never answered", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "F reopened", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "G awaiting clarification", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "H subject access", "--regime", "sar", "--received", "2026-11-02", "2026-11-02"],
            // Received Tue 1 Sep: due Tue 29 Sep. The review asked for Thu 1 Oct is due Thu 29 Oct (Oct 2 to 29 is
            // 20 working days) and decided Mon 2 Nov: late.
            ["log", "--subject", "I late review", "--received", "2026-09-01", "2026-09-01"],
            ["respond", "FOI-2026-000009", "--outcome", "granted-in-full", "--on", "2026-09-15", "2026-09-15"],
            ["review", "FOI-2026-000009", "--requested", "2026-10-01", "2026-10-01"],
            ["review", "FOI-2026-000009", "--outcome", "upheld", "--on", "2026-11-02", "2026-11-02"],
            ["clarify", "FOI-2026-000007", "--requested", "2026-11-05", "2026-11-05"],
            ["exempt", "FOI-2026-000002", "--section", "31(1)(a)", "--public-interest", "maintain", "2026-11-20"],
            ["extend", "FOI-2026-000003", "--on", "2026-11-20", "2026-11-20"],
            ["respond", "FOI-2026-000006", "--outcome", "granted-in-full", "--on", "2026-11-20", "2026-11-20"],
            ["extend", "FOI-2026-000002", "--days", "20", "--on", "2026-11-25", "2026-11-25"],
        ])
        // As at Wed 25 Nov: F answered in time; A, B, C, D and E still due in the quarter. To stay at 90% all five
        // must be in time (6 x 0.9 = 5.4, so 6 in time), none can be late. A, D and E are due within 5 working days
        // (Nov 26, 27, Dec 1: 3 left).
        let before = try workspace.run(
            ["stats", "timeliness", "--as-at", "2026-11-25", "--format", "json"], today: "2026-11-25"
        ).stdout
        var report = try figures("2026Q4", asAt: "2026-11-25")
        #expect(row(report, "2026Q4", "request") == "1 0 0 5 100 Good")
        #expect(row(report, "2026-10", "review") == "0 0 1 0 0 Unsatisfactory")
        let warning = try #require(report["earlyWarning"] as? [String: Any])
        #expect(warning["stillDue"] as? Int == 5)
        #expect(warning["lateAllowedAt90"] as? Int == 0)
        #expect(warning["lateAllowedAt95"] as? Int == 0)
        let atRisk = try #require(warning["atRisk"] as? [[String: Any]])
        #expect(atRisk.map { $0["ref"] as! String } == ["FOI-2026-000001", "FOI-2026-000004", "FOI-2026-000005"])
        #expect(atRisk.allSatisfy { $0["workingDaysLeft"] as? Int == 3 })
        let text = try workspace.run(["stats", "timeliness"], today: "2026-11-25").stdout
        #expect(
            text.contains(
                "This quarter (2026Q4): 100.0% in time, Good; 0 of the 5 still due this quarter can be late before it "
                    + "falls under 90% (100.0% if each is answered on its date)."))

        // Later steps, each dated after 25 Nov, leave that day's figures as they were (read then from the
        // projection, now replayed from the events). F's further response after reopening does not make its first
        // one late.
        try steps([
            ["reopen", "FOI-2026-000006", "--reason", "more found", "--on", "2026-11-26", "2026-11-26"],
            ["respond", "FOI-2026-000001", "--outcome", "granted-in-full", "--on", "2026-11-30", "2026-11-30"],
            ["respond", "FOI-2026-000004", "--outcome", "granted-in-full", "--on", "2026-12-03", "2026-12-03"],
            ["respond", "FOI-2026-000002", "--outcome", "partially-withheld", "--on", "2026-12-10", "2026-12-10"],
            ["respond", "FOI-2026-000006", "--outcome", "granted-in-full", "--on", "2026-12-20", "2026-12-20"],
            ["respond", "FOI-2026-000003", "--outcome", "granted-in-full", "--on", "2026-12-31", "2026-12-31"],
        ])
        #expect(
            try workspace.run(
                ["stats", "timeliness", "--as-at", "2026-11-25", "--format", "json"], today: "2026-12-31"
            )
            .stdout == before)

        // As at Thu 31 Dec: December holds A and F in time (due 1 Dec), B and C within their extensions (due 31 Dec),
        // D answered late and E unanswered past its date: 4 of 6 in time, 66.7%; 2 of 6 by the statutory date.
        // G (its clock stopped) and H (subject access) are not counted; I's request fell due in September.
        report = try figures("2026Q4", asAt: "2026-12-31")
        #expect(row(report, "2026-12", "request") == "2 2 2 0 66.7 Unsatisfactory")
        #expect(row(report, "2026-11", "request") == "0 0 0 0 - -")
        #expect(row(report, "2026Q4", "request") == "2 2 2 0 66.7 Unsatisfactory")
        let december = (report["rows"] as? [[String: Any]])?.first { $0["period"] as? String == "2026-12" }
        #expect(december?["percentWithinStatutoryDate"] as? Double == 33.3)
        #expect(row(try figures("2026Q3", asAt: "2026-12-31"), "2026Q3", "request") == "1 0 0 0 100 Good")
        // The same figures replayed as at 31 Dec from a later day.
        #expect(
            row(try figures("2026Q4", asAt: "2026-12-31", today: "2027-01-04"), "2026Q4", "request")
                == "2 2 2 0 66.7 Unsatisfactory")

        let csv = try workspace.run([
            "stats", "timeliness", "--period", "2026-12", "--as-at", "2026-12-31", "--format", "csv",
        ])
        #expect(
            csv.stdout == """
                period,kind,in_time,within_extension,late,pending,percent_in_time,percent_within_statutory_date,band
                2026-12,request,2,2,2,0,66.7,33.3,Unsatisfactory
                2026-12,review,0,0,0,0,,,

                """)
        let bad = try workspace.run(["stats", "timeliness", "--period", "2026Q5"])
        #expect(bad.status == 64 && bad.stdout.isEmpty)
        #expect(bad.stderr.hasPrefix("Error: --period '2026Q5' is not a month (2026-10), a quarter (2026Q3) or a year"))
    }
}
