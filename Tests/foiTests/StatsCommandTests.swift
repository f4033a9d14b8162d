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

extension StatsCommandTests {
    /// The Cabinet Office return for 2026Q4 as at 31 Dec, every column counted by hand, and its identities. Each
    /// FOIA request received Mon 2 Nov is due Tue 1 Dec.
    @Test func theCabinetOfficeReturn() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let cases = [
            "granted in time", "partly withheld", "withheld late", "cost limit", "vexatious", "not held", "advice",
            "EIR extended", "never answered", "awaiting clarification", "withdrawn",
        ]
        for (index, subject) in cases.enumerated() {
            try workspace.ok(
                ["log", "--subject", subject, "--received", "2026-11-02"] + (index == 7 ? ["--regime", "eir"] : []),
                today: "2026-11-02")
        }
        func ref(_ number: Int) -> String { "FOI-2026-\(String(format: "%06d", number))" }
        try steps([
            ["log", "--subject", "subject access", "--regime", "sar", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "last quarter", "--received", "2026-09-30", "2026-09-30"],
            ["clarify", ref(10), "--requested", "2026-11-05", "2026-11-05"],
            ["withdraw", ref(11), "--on", "2026-11-10", "2026-11-10"],
            ["respond", ref(1), "--outcome", "granted-in-full", "--on", "2026-11-20", "2026-11-20"],
            ["exempt", ref(2), "--section", "21", "--on", "2026-11-20", "2026-11-20"],
            ["exempt", ref(2), "--section", "31(1)(a)", "--public-interest", "maintain", "2026-11-20"],
            ["exempt", ref(3), "--section", "40(2)", "2026-11-20"],
            ["extend", ref(8), "--on", "2026-11-20", "2026-11-20"],
            ["extend", ref(2), "--days", "20", "--on", "2026-11-20", "2026-11-20"],
            ["respond", ref(2), "--outcome", "partially-withheld", "--on", "2026-11-23", "2026-11-23"],
            [
                "respond", ref(4), "--outcome", "refused-s12", "--estimate-hours", "30", "--estimate-basis", "files",
                "--advice", "Narrow it", "--on", "2026-11-25", "2026-11-25",
            ],
            ["respond", ref(5), "--outcome", "refused-s14-1", "--on", "2026-11-25", "2026-11-25"],
            ["respond", ref(6), "--outcome", "not-held", "--on", "2026-11-25", "2026-11-25"],
            ["respond", ref(7), "--outcome", "advice-only", "--on", "2026-11-25", "2026-11-25"],
            ["review", ref(1), "--requested", "2026-12-01", "2026-12-01"],
            ["respond", ref(3), "--outcome", "withheld-in-full", "--on", "2026-12-03", "2026-12-03"],
            ["review", ref(1), "--outcome", "upheld", "--on", "2026-12-10", "2026-12-10"],
            ["respond", ref(8), "--outcome", "granted-in-full", "--on", "2026-12-20", "2026-12-20"],
            ["complaint", ref(1), "--notified", "2026-12-14", "--regulator-ref", "IC-1", "2026-12-14"],
            [
                "decision-notice", ref(1), "--notice-ref", "IC-1", "--outcome", "not-upheld", "--on", "2026-12-30",
                "2026-12-30",
            ],
            ["complaint", ref(5), "--notified", "2026-12-15", "--regulator-ref", "IC-2", "2026-12-15"],
        ])
        let result = try workspace.run(
            ["stats", "cabinet-office", "--period", "2026Q4", "--as-at", "2026-12-31", "--format", "json"],
            today: "2026-12-31")
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let columns = try #require(document["columns"] as? [[String: String]])
        let value = Dictionary(columns.map { ($0["column"]!, $0["value"]!) }, uniquingKeysWith: { first, _ in first })
        func int(_ name: String) -> Int { Int(value[name] ?? "") ?? -1 }
        let expected: [String: String] = [
            "Total requests received": "11", "Requests Processed": "8", "Requests on-hold or lapsed": "2",
            "Requests still being processed": "1", "Requests handled under EIRs": "1",
            "Total requests received (excluding on-hold and lapsed)": "9", "20-day deadline met": "6",
            "Permitted extension to 20-day deadline": "1", "Late response (i.e. 20-day deadline missed)": "2",
            "Percentage of requests meeting 20-day deadline": "66.7",
            "Percentage of requests \"in time\" (i.e. meeting deadline or with permitted extension)": "77.8",
            "Requests where advice and assistance provided": "1", "Requests where information not held": "1",
            "Total \"resolvable\" requests": "7", "Initial Outcome Granted in full": "2",
            "Initial Outcome  Partially withheld": "1", "Initial Outcome  Fully withheld": "3",
            "Initial Outcome Response not yet provided": "1",
            "Percentage of resolvable requests granted in full": "28.6",
            "Percentage of resolvable requests withheld in full": "42.9", "Fully refused - vexatious": "1",
            "Fully refused - repeated": "0", "Fully refused - cost limit": "1", "Fully refused - exemption": "1",
            "S(31) - Law enforcement": "1", "S(40) - Personal information": "1", "S(24) - National security": "0",
            "Total exemptions and exceptions applied": "2",
            // The advice-only answer is the s.21 its letter cites (audit L12): fully exempt, in time.
            "Number of requests where an exemption was claimed": "2", "Total Section 21 exemptions used": "2",
            "S21 Partly Exempt": "1", "S21 Fully Exempt": "1", "S21 20-day deadline met": "2",
            "S21 Late response (i.e. 20-day deadline missed)": "0",
            "S21 Percentage of requests meeting 20-day deadline": "100.0", "Total Internal Reviews": "1",
            "Internal Reviews with outcome known": "1", "IR number upheld in full": "1",
            "IR number upheld in part": "0",
            "IR number overturned": "0", "IR percentage upheld in full": "100.0",
            // Two complaints, one decided: the notice did not uphold it, so the decision stands in full.
            "ICO Total Complaints": "2", "ICO Complaints with known outcome": "1", "ICO Number upheld in full": "1",
            "ICO Number upheld in part": "0", "ICO Number overturned": "0", "ICO Percentage upheld in full": "100.0",
            // The PIT extension answered on 23 Nov, before the statutory date (1 Dec): no time taken beyond it. The
            // review asked for on 1 Dec and decided on 10 Dec took 7 working days.
            "PIT Total Requests Extended": "1", "PIT Number Completed": "1", "PIT 5 or Less": "1",
            "PIT 6 to 10": "0", "PIT More than 100": "0", "IR Total Reviews Completed": "1", "IR 10 or less": "1",
            "IR 11 to 20": "0", "IR More than 100": "0",
        ]
        for (name, expectedValue) in expected { #expect(value[name] == expectedValue, "\(name)") }
        // The published header (audit M15): the total without on-hold requests again after the timeliness
        // percentages, and the EIR columns from 3(a), their numbers without a stray parenthesis.
        let names = columns.map { $0["column"]! }
        #expect(names.filter { $0 == "Total requests received (excluding on-hold and lapsed)" }.count == 2)
        // Every exemption and exception column, in order, as foi-statistics-annual-2024-published-data.csv heads it.
        let published = [
            "S(22) - Information intended for future publication", "S(22A) - Research intended for future publication",
            "S(23) - Information supplied by, or relating to, bodies dealing with security matters",
            "S(24) - National security", "S(26) - Defence", "S(27) - International relations",
            "S(28) - Relations within the United Kingdom", "S(29) - The economy",
            "S(30) - Investigations and proceedings conducted by public authorities", "S(31) - Law enforcement",
            "S(32) - Court records, etc", "S(33) - Audit functions", "S(34) - Parliamentary privilege",
            "S(35) - Formulation of Government policy, etc", "S(36) - Prejudice to effective conduct of public affairs",
            "S(37) - Communications with His Majesty, etc and honours", "S(38) - Health and Safety",
            "S(39) - Environmental information", "S(40) - Personal information",
            "S(41) - Information provided in confidence", "S(42) - Legal professional privilege",
            "S(43) - Commercial interests", "S(44) - Prohibitions on disclosure", "3(a) - Exempt personal data",
            "4(a) - Information not held", "4(b) - Manifestly unreasonable", "4(c) - Too general",
            "4(d) - Work in progress / incomplete data", "4(e) - Internal communications",
            "5(a) - Adverse effect on international relations, defence, national security, public safety",
            "5(b) - Adverse effect on course of justice or conduct of enquiries",
            "5(c) - Adverse effect on intellectual property rights",
            "5(d) - Impinges on confidentiality of a public authority's work",
            "5(e) - Impinges on confidentiality of commercial or industrial information",
            "5(f) - Adverse effect on interests of person who provided the information",
            "5(g) - Adverse effect on protection of environment to which information relates",
        ]
        let exemptionColumns = names.drop { $0 != "Fully refused - exemption" }.dropFirst()
            .prefix { $0 != "Total exemptions and exceptions applied" }
        #expect(Array(exemptionColumns) == published)
        // The published identities.
        #expect(
            int("Total requests received")
                == int("Requests Processed") + int("Requests on-hold or lapsed") + int("Requests still being processed")
        )
        let excluding = int("Total requests received (excluding on-hold and lapsed)")
        #expect(
            excluding
                == int("20-day deadline met") + int("Permitted extension to 20-day deadline")
                + int("Late response (i.e. 20-day deadline missed)"))
        let resolvable = int("Total \"resolvable\" requests")
        #expect(
            resolvable
                == excluding - int("Requests where advice and assistance provided")
                - int("Requests where information not held"))
        #expect(
            resolvable
                == int("Initial Outcome Granted in full") + int("Initial Outcome  Partially withheld")
                + int("Initial Outcome  Fully withheld") + int("Initial Outcome Response not yet provided"))
        #expect(
            int("Initial Outcome  Fully withheld")
                == int("Fully refused - vexatious") + int("Fully refused - repeated")
                + int("Fully refused - cost limit")
                + int("Fully refused - exemption"))

        let csv = try workspace.run(
            ["stats", "cabinet-office", "--period", "2026Q4", "--as-at", "2026-12-31", "--format", "csv"],
            today: "2026-12-31"
        ).stdout.split(separator: "\n")
        #expect(csv.count == 2)
        #expect(csv[0].hasPrefix("Quarter,Total requests received,Requests Processed,"))
        #expect(csv[1].hasPrefix("2026Q4,11,8,2,1,1,9,6,1,2,66.7,77.8,"))
        // The s.45 Code's lines for the same cohort: 11 received = 1 not yet processed + 8 processed + 1 suspended + 1
        // withdrawn; of the 8, 2 granted, 1 partly refused, 1 not held, 4 refused (s.40, s.12, s.14, s.21); 2 not
        // provided by the deadline (one answered on 3 Dec, one never); the EIR and the PIT extensions; one review; one
        // clarification.
        let s45 = try workspace.run(
            ["stats", "s45", "--period", "2026Q4", "--as-at", "2026-12-31", "--format", "csv"], today: "2026-12-31")
        #expect(
            s45.stdout
                == """
                Period,Requests received,Received but not yet processed,Processed in full,\
                Suspended (awaiting clarification or a fee),\
                Closed without a response (withdrawn, lapsed or transferred),Granted in full,\
                Partially disclosed and partially refused,Refused in full because not held,Refused in full,\
                Not provided within the deadline,Given an extended deadline,Referred for internal review,\
                Clock stopped for clarification,Clock paused for a fees notice
                2026Q4,11,1,8,1,1,2,1,1,4,2,2,1,1,0

                """.replacingOccurrences(
                    of: "Closed without a response (withdrawn, lapsed or transferred)",
                    with:
                        "\"Closed without a response (withdrawn, lapsed or transferred)\""))
        let month = try workspace.run(["stats", "cabinet-office", "--period", "2026-11"])
        #expect(month.status == 64 && month.stderr.contains("is not a quarter (2026Q3) or a year (2026)"))
    }
}

extension StatsCommandTests {
    /// Information not held under the EIR is the exception of reg 12(4)(a), which the published data counts in its
    /// 4(a) column (audit L15); under FOIA it is no exemption.
    @Test func environmentalInformationNotHeldIsCountedAsFourA() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try steps([
            ["log", "--subject", "river samples", "--regime", "eir", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "staff list", "--received", "2026-11-02", "2026-11-02"],
            ["respond", "FOI-2026-000001", "--outcome", "not-held", "--on", "2026-11-20", "2026-11-20"],
            ["respond", "FOI-2026-000002", "--outcome", "not-held", "--on", "2026-11-20", "2026-11-20"],
        ])
        let result = try workspace.run(
            ["stats", "cabinet-office", "--period", "2026Q4", "--as-at", "2026-12-31", "--format", "json"],
            today: "2026-12-31")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let columns = try #require(document["columns"] as? [[String: String]])
        let value = Dictionary(columns.map { ($0["column"]!, $0["value"]!) }, uniquingKeysWith: { first, _ in first })
        #expect(value["Requests where information not held"] == "2")
        #expect(value["4(a) - Information not held"] == "1")
        #expect(value["Total exemptions and exceptions applied"] == "1")
        #expect(value["Number of requests where an exemption was claimed"] == "1")
    }
}

extension StatsCommandTests {
    /// The SIC return for 2026Q4 as at 31 Dec: the quarter's activity. Received Mon 2 Nov, a FOISA request is due
    /// Tue 1 Dec (St Andrew's Day, Mon 30 Nov, skipped); an EIR(S) one extended under reg 7 is due Thu 31 Dec (40
    /// working days: Christmas and Mon 28 Dec skipped). A review asked for Thu 1 Oct is due Thu 29 Oct.
    @Test func theSICReturnCountsTheQuartersActivity() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try steps([
            ["log", "--subject", "released", "--regime", "foisa", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "withheld late", "--regime", "foisa", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "never answered", "--regime", "foisa", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "withdrawn", "--regime", "foisa", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "environmental", "--regime", "eirs", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "own data", "--regime", "sar", "--received", "2026-11-02", "2026-11-02"],
            ["log", "--subject", "reviewed", "--regime", "foisa", "--received", "2026-09-01", "2026-09-01"],
            ["respond", "FOI-2026-000007", "--outcome", "granted-in-full", "--on", "2026-09-15", "2026-09-15"],
            ["review", "FOI-2026-000007", "--requested", "2026-10-01", "2026-10-01"],
            ["review", "FOI-2026-000007", "--outcome", "upheld", "--on", "2026-11-02", "2026-11-02"],
            ["withdraw", "FOI-2026-000004", "--on", "2026-11-10", "2026-11-10"],
            ["respond", "FOI-2026-000001", "--outcome", "granted-in-full", "--on", "2026-11-20", "2026-11-20"],
            ["exempt", "FOI-2026-000002", "--section", "35(1)(a)", "--public-interest", "maintain", "2026-11-20"],
            ["exempt", "FOI-2026-000005", "--section", "10(5)(b)", "--public-interest", "maintain", "2026-11-20"],
            ["extend", "FOI-2026-000005", "--on", "2026-11-20", "2026-11-20"],
            ["respond", "FOI-2026-000002", "--outcome", "withheld-in-full", "--on", "2026-12-03", "2026-12-03"],
            ["respond", "FOI-2026-000005", "--outcome", "partially-withheld", "--on", "2026-12-20", "2026-12-20"],
            ["review", "FOI-2026-000005", "--requested", "2026-12-21", "2026-12-21"],
            ["review", "FOI-2026-000005", "--outcome", "partially-upheld", "--on", "2026-12-30", "2026-12-30"],
        ])
        let result = try workspace.run(
            ["stats", "sic", "--quarter", "2026Q4", "--as-at", "2026-12-31", "--format", "json"], today: "2026-12-31")
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let columns = try #require(document["columns"] as? [[String: String]])
        let value = Dictionary(columns.map { ($0["column"]!, $0["value"]!) }, uniquingKeysWith: { first, _ in first })
        let expected: [String: String] = [
            "FOISA requests": "4", "FOISA closed - unclear": "0", "FOISA closed - withdrawn": "1",
            "FOISA response on time": "1", "FOISA response late": "1", "FOISA failure to respond": "1",
            "FOISA full release": "1", "FOISA none released": "1", "FOISA some released": "0",
            "FOISA reviews received": "1", "FOISA reviews answered late": "1", "FOISA reviews answered on time": "0",
            "FOISA reviews upheld": "1", "EIRs requests": "1", "EIRs timescale extended": "1",
            "EIRs response on time": "1", "EIRs some released": "1", "EIRs failure to respond": "0",
            "Subject Access Requests": "1",
            // The EIR(S) review released more: it found the response did not comply (reg 16(3)(b)).
            "EIRs reviews received": "1", "EIRs reviews answered on time": "1", "EIRs reviews upheld": "1",
            "EIRs reviews - response complied (reg 16(3)(b))": "0",
            "EIRs reviews - response not compliant, steps taken (reg 16(3)(b))": "1",
        ]
        for (name, expectedValue) in expected { #expect(value[name] == expectedValue, "\(name)") }
        // The form's exemption lines are by subsection (audit M16): s.35(1)(a) on its own line, not s.35's.
        #expect(value["FOISA 35(1)(a) Substantial prejudice to prevention or detection of crime"] == "1")
        #expect(value["FOISA 35(1)(b) Substantial prejudice to apprehension or prosecution of offenders"] == "0")
        #expect(value["EIR(S) 10(5)(b) Substantial prejudice to course of justice etc."] == "1")
        #expect(value["FOISA 30(b)(i) Substantial inhibition to free and frank provision of advice"] == "0")
        #expect(value.keys.filter { $0.hasPrefix("FOISA 35 ") }.isEmpty)
        // The form has a cost line for the EIR(S) too.
        #expect(value["FOISA refused - cost"] == "0" && value["EIRs refused - cost"] == "0")
        #expect(value["FOISA reviews - response complied (reg 16(3)(b))"] == nil)
        // It counts the quarter's activity, and says so (audit L13).
        let table = try workspace.run(["stats", "sic", "--quarter", "2026Q4", "--as-at", "2026-12-31"])
        #expect(
            table.stdout.hasPrefix(
                "Scottish Information Commissioner's return for the activity of 2026Q4, as at Thu 31 Dec 2026"
            ))
        let year = try workspace.run(["stats", "sic", "--quarter", "2026"])
        #expect(year.status == 64 && year.stderr.contains("--quarter '2026' is not a quarter, e.g. 2026Q3"))
    }
}

extension StatsCommandTests {
    /// An annual return carries over the previous year's public interest extensions and reviews still under way on
    /// 31 Dec. Received Mon 1 Dec 2025, a request is due Wed 31 Dec (Christmas and Boxing Day skipped); answered Tue
    /// 20 Jan 2026 it took 12 working days beyond that (1 and 2 Jan are holidays, 2 Jan in Scotland). A review asked
    /// for on Wed 10 Dec 2025 and decided Fri 30 Jan 2026 took 33 working days.
    @Test func anAnnualReturnCarriesOverThePreviousYear() throws {
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try steps([
            ["log", "--subject", "PIT over the new year", "--received", "2025-12-01", "2025-12-01"],
            ["exempt", "FOI-2025-000001", "--section", "31(1)(a)", "--public-interest", "maintain", "2025-12-10"],
            ["extend", "FOI-2025-000001", "--days", "20", "--on", "2025-12-15", "2025-12-15"],
            ["log", "--subject", "review over the new year", "--received", "2025-10-01", "2025-10-01"],
            ["respond", "FOI-2025-000002", "--outcome", "granted-in-full", "--on", "2025-10-20", "2025-10-20"],
            ["review", "FOI-2025-000002", "--requested", "2025-12-10", "2025-12-10"],
            ["log", "--subject", "review never decided", "--received", "2025-10-01", "2025-10-01"],
            ["respond", "FOI-2025-000003", "--outcome", "granted-in-full", "--on", "2025-10-20", "2025-10-20"],
            ["review", "FOI-2025-000003", "--requested", "2025-12-12", "2025-12-12"],
            ["log", "--subject", "answered in 2025", "--received", "2025-11-03", "2025-11-03"],
            ["respond", "FOI-2025-000004", "--outcome", "granted-in-full", "--on", "2025-11-10", "2025-11-10"],
            ["respond", "FOI-2025-000001", "--outcome", "withheld-in-full", "--on", "2026-01-20", "2026-01-20"],
            ["review", "FOI-2025-000002", "--outcome", "overturned", "--on", "2026-01-30", "2026-01-30"],
            ["log", "--subject", "this year", "--received", "2026-03-02", "2026-03-02"],
            // Lapsed for want of clarification: on hold or lapsed, neither processed nor timed.
            ["log", "--subject", "never clarified", "--received", "2026-03-02", "2026-03-02"],
            ["clarify", "FOI-2026-000002", "--requested", "2026-03-04", "2026-03-04"],
            ["clarify", "FOI-2026-000002", "--lapsed", "2026-06-05", "2026-06-05"],
        ])
        let result = try workspace.run(
            ["stats", "cabinet-office", "--period", "2026", "--as-at", "2026-12-31", "--format", "json"],
            today: "2026-12-31")
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let columns = try #require(document["columns"] as? [[String: String]])
        let value = Dictionary(columns.map { ($0["column"]!, $0["value"]!) }, uniquingKeysWith: { first, _ in first })
        let expected = [
            "Total requests received": "2", "Requests on-hold or lapsed": "1", "Requests still being processed": "1",
            "Total requests received (excluding on-hold and lapsed)": "1",
            "Late response (i.e. 20-day deadline missed)": "1",
            "PIT Total Requests Extended": "0", "IR Total Reviews Completed": "0",
            "PIT uncompleted prev year Total Requests Extended": "1",
            "PIT uncompleted prev year Number Completed": "1", "PIT uncompleted prev year 11 to 15": "1",
            "PIT uncompleted prev year 5 or Less": "0", "IR uncompleted prev year Total Reviews": "2",
            "IR uncompleted prev year Total Reviews Completed": "1", "IR uncompleted prev year 21 to 40": "1",
            "IR uncompleted prev year 10 or less": "0",
        ]
        for (name, expectedValue) in expected { #expect(value[name] == expectedValue, "\(name)") }
        // A quarter's return has no carry-over.
        let quarter = try workspace.run(
            ["stats", "cabinet-office", "--period", "2026Q1", "--as-at", "2026-12-31", "--format", "csv"],
            today: "2026-12-31")
        #expect(quarter.status == 0 && !quarter.stdout.contains("prev year"))
    }
}
