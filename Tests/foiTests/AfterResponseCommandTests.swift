import Foundation
import Testing

extension Workspace {
    func ok(_ arguments: [String], today: String) throws {
        let result = try run(arguments, today: today)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }

    func show(_ ref: String, today: String) throws -> [String: Any] {
        let result = try run(["show", ref, "--format", "json"], today: today)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The clocks of `show` by name (the latest of two of a kind): (due, status, workingDaysLeft).
    func clocks(_ ref: String, today: String) throws -> [String: (due: String?, status: String, left: Int?)] {
        let clocks = try #require(try show(ref, today: today)["clocks"] as? [[String: Any]])
        return Dictionary(
            clocks.map {
                ($0["name"] as! String, ($0["due"] as? String, $0["status"] as! String, $0["workingDaysLeft"] as? Int))
            }, uniquingKeysWith: { _, latest in latest })
    }

    /// The board's rows as "section clock due left".
    func board(today: String) throws -> [String] {
        let result = try run(["board", "--format", "json"], today: today)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return rows.map { row in
            let clock = row["clock"] as! [String: Any]
            return "\(row["section"]!) \(clock["name"]!) \(clock["due"]!) \(clock["workingDaysLeft"]!)"
        }
    }
}

@Suite struct AfterResponseCommandTests {
    /// One case from receipt through review, complaint, decision notice and appeal, checking `show` and `board` at
    /// each step. Dates counted by hand: the review's 20 working days from Mon 6 Jul 2026 skip NI's 12 July substitute
    /// (Mon 13 Jul) and Scotland's summer holiday (Mon 3 Aug): Wed 5 Aug.
    @Test func aCaseThroughReviewComplaintDecisionNoticeAndAppeal() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let ref = "FOI-2026-000001"
        try workspace.ok(["log", "--subject", "Contracts with Acme", "--received", "2026-06-01"], today: "2026-06-01")
        try workspace.ok(
            ["exempt", ref, "--section", "43(2)", "--public-interest", "maintain", "--on", "2026-06-25"],
            today: "2026-06-25")
        try workspace.ok(
            ["respond", ref, "--outcome", "partially-withheld", "--on", "2026-06-26"], today: "2026-06-26")
        var shown = try workspace.show(ref, today: "2026-06-26")
        #expect(shown["review"] is NSNull)
        #expect(shown["appeal"] is NSNull)
        #expect(shown["stage"] as? String == "responded")

        try workspace.ok(["review", ref, "--requested", "2026-07-06", "--by", "Jo Bloggs"], today: "2026-07-06")
        shown = try workspace.show(ref, today: "2026-07-06")
        #expect(shown["stage"] as? String == "review")
        let review = try #require(shown["review"] as? [String: Any])
        #expect(review["requested"] as? String == "2026-07-06")
        #expect(review["by"] as? String == "Jo Bloggs")
        #expect(review["decided"] is NSNull)
        var clocks = try workspace.clocks(ref, today: "2026-07-06")
        #expect(clocks["response"]?.status == "met")
        #expect(clocks["review-window"]?.status == "met")
        #expect(clocks["review"]?.due == "2026-08-05")
        #expect(clocks["review"]?.status == "running")
        #expect(try workspace.board(today: "2026-07-30") == ["due-soon review 2026-08-05 3"])
        #expect(try workspace.board(today: "2026-08-06") == ["overdue review 2026-08-05 -1"])

        try workspace.ok(
            [
                "review", ref, "--outcome", "partially-upheld", "--reviewer", "Head of Legal", "--withdraw-exemption",
                "s.43(2)", "--on", "2026-07-31",
            ], today: "2026-07-31")
        shown = try workspace.show(ref, today: "2026-07-31")
        #expect((shown["exemptions"] as? [Any])?.isEmpty == true)
        #expect((shown["review"] as? [String: Any])?["withdrawnExemptions"] as? [String] == ["43(2)"])
        clocks = try workspace.clocks(ref, today: "2026-07-31")
        #expect(clocks["review"]?.status == "met")
        #expect(clocks["regulator-window"]?.due == "2026-09-11")
        #expect(try workspace.board(today: "2026-08-06").isEmpty)

        try workspace.ok(
            [
                "complaint", ref, "--notified", "2026-08-20", "--regulator-ref", "IC-123456-A1B2", "--submissions-due",
                "2026-09-17",
            ], today: "2026-08-20")
        #expect(try workspace.board(today: "2026-09-16") == ["due-soon submissions 2026-09-17 1"])
        #expect(try workspace.board(today: "2026-09-20") == ["overdue submissions 2026-09-17 -1"])
        let withRegulator = try workspace.run(["list", "--stage", "regulator", "--format", "csv"], today: "2026-09-20")
        #expect(withRegulator.stdout.contains(ref))
        try workspace.ok(["complaint", ref, "--submitted", "2026-09-16"], today: "2026-09-20")
        #expect(try workspace.clocks(ref, today: "2026-09-20")["submissions"]?.status == "met")

        // Notice of Fri 27 Nov 2026: steps within 35 days (Fri 1 Jan 2027, not moved); the appeal's 28 days end on
        // Christmas Day and Mon 28 Dec is the Boxing Day substitute: Tue 29 Dec.
        try workspace.ok(
            [
                "decision-notice", ref, "--notice-ref", "IC-123456-A1B2", "--outcome", "upheld", "--steps",
                "Disclose the contract", "--on", "2026-11-27",
            ], today: "2026-11-27")
        clocks = try workspace.clocks(ref, today: "2026-11-27")
        #expect(clocks["compliance"]?.due == "2027-01-01")
        #expect(clocks["appeal-window"]?.due == "2026-12-29")
        #expect(
            try workspace.board(today: "2026-12-23") == [
                "due-soon appeal-window 2026-12-29 2", "due-soon compliance 2027-01-01 4",
            ])
        let complaint = try #require(try workspace.show(ref, today: "2026-11-27")["complaint"] as? [String: Any])
        #expect((complaint["decisionNotice"] as? [String: Any])?["steps"] as? String == "Disclose the contract")

        let late = try workspace.run(
            ["appeal", ref, "--lodged", "2026-12-30", "--by", "authority", "--appeal-ref", "EA/2026/0123"],
            today: "2026-12-30")
        #expect(late.status == 0)
        #expect(late.stderr.contains("Warning: the notice of appeal came after the last day, 2026-12-29"))
        shown = try workspace.show(ref, today: "2026-12-30")
        #expect(shown["stage"] as? String == "tribunal")
        let appeal = try #require(shown["appeal"] as? [String: Any])
        #expect(appeal["reference"] as? String == "EA/2026/0123")
        #expect(appeal["lateLastDay"] as? String == "2026-12-29")
        clocks = try workspace.clocks(ref, today: "2026-12-30")
        #expect(clocks["compliance"]?.status == "stopped")
        #expect(clocks["appeal-window"]?.status == "missed")

        try workspace.ok(["appeal", ref, "--hearing", "2027-03-15", "--on", "2027-01-10"], today: "2027-01-10")
        #expect(try workspace.board(today: "2027-03-10") == ["due-soon hearing 2027-03-15 3"])
        try workspace.ok(["appeal", ref, "--outcome", "dismissed", "--on", "2027-03-29"], today: "2027-03-29")
        #expect(
            (try workspace.show(ref, today: "2027-03-29")["appeal"] as? [String: Any])?["outcome"] as? String
                == "dismissed")
        #expect(try workspace.board(today: "2027-03-29").isEmpty)

        // A step out of order: refused with advice, exit 1, nothing written.
        let before = try workspace.eventCount()
        let refused = try workspace.run(["review", ref, "--outcome", "upheld"], today: "2027-03-30")
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(
            refused.stderr
                == "Error: cannot record the review's outcome: the review was decided on 2026-07-31; see 'foi show "
                + "FOI-2026-000001'\n"
        )
        #expect(try workspace.eventCount() == before)
    }

    @Test func reviewBeforeResponseAndBadCommandLinesAreRefused() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        try workspace.ok(["log", "--subject", "x", "--received", "2026-11-02"], today: "2026-11-02")
        let early = try workspace.run(["review", "FOI-2026-000001", "--requested", "2026-11-10"])
        #expect(early.status == 1)
        #expect(
            early.stderr.contains("a FOIA review follows the response (the ICO accepts a complaint about a failure"))
        #expect(early.stderr.contains("record the response first (foi respond FOI-2026-000001 --outcome OUTCOME)"))
        // The advice names the command's real options.
        let noComplaint = try workspace.run([
            "decision-notice", "FOI-2026-000001", "--notice-ref", "IC-1-A", "--outcome", "upheld", "--no-steps",
        ])
        #expect(noComplaint.status == 1)
        // A notice that upholds says what it orders, rather than the tool guessing a compliance duty.
        let unsaid = try workspace.run([
            "decision-notice", "FOI-2026-000001", "--notice-ref", "IC-1-A", "--outcome", "upheld",
        ])
        #expect(unsaid.status == 64)
        #expect(unsaid.stderr.hasPrefix("Error: say what the notice orders: --steps TEXT, or --no-steps"))
        #expect(noComplaint.stderr.contains("(foi complaint FOI-2026-000001 --notified DATE --regulator-ref REF)"))
        let extendTooFar = try workspace.run(["review", "FOI-2026-000001", "--extend-to", "30"])
        #expect(extendTooFar.status == 64)
        let noReference = try workspace.run(["complaint", "FOI-2026-000001", "--notified", "2026-11-10"])
        #expect(noReference.status == 64)
        #expect(noReference.stderr == "Error: --notified needs --regulator-ref, e.g. IC-123456-A1B2 (see --help)\n")
        let badValue = try workspace.run(["appeal", "FOI-2026-000001", "--outcome", "won"])
        #expect(badValue.status == 64)
        #expect(badValue.stderr.hasPrefix("Error: The value 'won' is invalid for '--outcome <outcome>'."))
        #expect(badValue.stderr.components(separatedBy: "\n") == [badValue.stderr.dropLast().description, ""])
        #expect(
            try workspace.run(["appeal", "FOI-2026-000001", "--lodged", "2026-11-10", "--by", "requester"]).status == 64
        )
        #expect(try workspace.run(["list", "--clock", "review-window"]).status == 64)
        let noStepsWithSteps = try workspace.run([
            "appeal", "FOI-2026-000001", "--outcome", "allowed", "--no-steps", "--steps", "Disclose it",
        ])
        #expect(noStepsWithSteps.status == 64 && noStepsWithSteps.stdout.isEmpty)
        #expect(
            noStepsWithSteps.stderr.hasPrefix(
                "Error: --no-steps is for a decision that orders no steps and gives no date to comply by"))
        #expect(try workspace.run(["appeal", "FOI-2026-000001", "--no-steps"]).status == 64)
        #expect(try workspace.eventCount() == 1)
    }
}

/// The law after the response through the command line: what each new option records, and each refusal as one
/// error line with nothing written.
@Suite struct LawAfterResponseCommandTests {
    /// Refused: exit 1, one `Error:` line naming what to do, nothing on stdout, no event written.
    func refused(_ workspace: Workspace, _ arguments: [String], today: String, saying text: String) throws {
        let before = try workspace.eventCount()
        let result = try workspace.run(arguments, today: today)
        #expect(result.status == 1, "\(arguments)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: ") && result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(text), "\(result.stderr)")
        #expect(try workspace.eventCount() == before)
    }

    /// FOISA: a review of the failure to respond (due Tue 1 Dec 2026, St Andrew's Day Mon 30 Nov skipped), then an
    /// application to the SIC, its informal resolution, and a second application.
    @Test func aScottishCaseWithoutAResponse() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let ref = "FOI-2026-000001"
        try workspace.ok(
            ["log", "--subject", "Bins", "--regime", "foisa", "--received", "2026-11-02"], today: "2026-11-02")
        try refused(
            workspace, ["review", ref, "--requested", "2026-12-01"], today: "2026-12-01",
            saying: "the response is not late: it is due by 2026-12-01")
        try workspace.ok(["review", ref, "--requested", "2026-12-07"], today: "2026-12-07")
        var clocks = try workspace.clocks(ref, today: "2026-12-07")
        #expect(clocks["review"]?.due == "2027-01-08")
        #expect(clocks["regulator-window"]?.due == "2027-07-08")
        let text = try workspace.run(["show", ref], today: "2026-12-07").stdout
        #expect(text.contains("Review:     the failure to respond, requested Mon 7 Dec 2026, under way"))
        try workspace.ok(
            ["complaint", ref, "--notified", "2027-01-20", "--regulator-ref", "202700001"], today: "2027-01-20")
        try refused(
            workspace, ["complaint", ref, "--closed", "2027-02-01", "--ending", "concluded"], today: "2027-02-01",
            saying: "only a data protection complaint ends in an outcome letter")
        try workspace.ok(["complaint", ref, "--closed", "2027-02-01", "--ending", "resolved"], today: "2027-02-01")
        try workspace.ok(
            ["complaint", ref, "--notified", "2027-03-01", "--regulator-ref", "202700002"], today: "2027-03-01")
        let shown = try workspace.show(ref, today: "2027-03-01")
        let complaints = try #require(shown["complaints"] as? [[String: Any]])
        #expect(complaints.map { $0["reference"] as? String } == ["202700001", "202700002"])
        #expect(complaints.first?["ending"] as? String == "resolved")
        clocks = try workspace.clocks(ref, today: "2027-03-01")
        #expect(clocks["review"]?.status == "missed")
    }

    /// Cross-appeals named by reference, the revived steps, an onward appeal; s.17(6) and advice on a response.
    @Test func appealsAndClosures() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let ref = "FOI-2026-000001"
        try workspace.ok(["log", "--subject", "Contracts", "--received", "2026-03-02"], today: "2026-03-02")
        try workspace.ok(
            [
                "respond", ref, "--outcome", "refused-s12", "--advice", "Ask for 2024 only", "--estimate-hours", "40",
                "--estimate-basis", "40 files at an hour each", "--on", "2026-03-20",
            ],
            today: "2026-03-20")
        #expect(try workspace.run(["history", ref], today: "2026-03-20").stdout.contains("advice: Ask for 2024 only"))
        try workspace.ok(
            ["complaint", ref, "--notified", "2026-06-15", "--regulator-ref", "IC-1"], today: "2026-06-15")
        try workspace.ok(
            [
                "decision-notice", ref, "--notice-ref", "IC-1", "--outcome", "upheld", "--steps", "Disclose", "--on",
                "2026-09-01",
            ], today: "2026-09-01")
        try workspace.ok(
            ["appeal", ref, "--lodged", "2026-09-21", "--by", "requester", "--appeal-ref", "EA/2026/0300"],
            today: "2026-09-21")
        try workspace.ok(
            ["appeal", ref, "--lodged", "2026-09-28", "--by", "authority", "--appeal-ref", "EA/2026/0301"],
            today: "2026-09-28")
        try refused(
            workspace, ["appeal", ref, "--hearing", "2026-11-10"], today: "2026-10-05",
            saying: "two appeals are under way (EA/2026/0300, EA/2026/0301): say which; give the appeal's reference")
        try workspace.ok(
            ["appeal", ref, "--outcome", "dismissed", "--appeal-ref", "EA/2026/0301", "--on", "2026-11-16"],
            today: "2026-11-16")
        try workspace.ok(["appeal", ref, "--outcome", "dismissed", "--on", "2026-11-16"], today: "2026-11-16")
        let board = try workspace.board(today: "2026-12-10")
        #expect(board.contains { $0.hasPrefix("due-soon permission-window 2026-12-14") })
        #expect(try workspace.clocks(ref, today: "2026-12-10")["compliance"]?.due == "2026-12-21")
        try workspace.ok(
            ["appeal", ref, "--lodged", "2026-12-10", "--by", "authority", "--appeal-ref", "UA/2026/1", "--onward"],
            today: "2026-12-10")
        let text = try workspace.run(["show", ref], today: "2026-12-10").stdout
        #expect(text.contains("Onward:     UA/2026/1 by the authority, lodged Thu 10 Dec 2026"))

        try workspace.ok(["log", "--subject", "Again", "--received", "2026-04-01"], today: "2026-04-01")
        try refused(
            workspace, ["respond", "FOI-2026-000002", "--outcome", "no-response-s17-6"], today: "2026-04-02",
            saying: "give the earlier case's reference (--earlier-case REF)")
        try workspace.ok(
            ["respond", "FOI-2026-000002", "--outcome", "no-response-s17-6", "--earlier-case", ref], today: "2026-04-02"
        )
        let usage = try workspace.run(["respond", ref, "--outcome", "granted-in-full", "--earlier-case", "X"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--earlier-case goes with --outcome no-response-s17-6"))
    }

    /// A school's request counts school days (SI 2004/3364 reg 3): received Wed 1 Jul 2026, closed 20 Jul to 1 Sep.
    /// School days: Jul 2–3 (2), 6–10 (7), NI's Mon 13 Jul skipped, 14–17 (11); Sep 2–4 (14), 7–11 (19), Mon 14 Sep
    /// (20); the 60th working day is Mon 28 Sep, later. The closures are kept with the case: a closure more than a
    /// year after the receipt is not.
    @Test func caseLevelPeriods() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let closures = workspace.directory.appendingPathComponent("closures.txt")
        try Data("2026-07-20..2026-09-01  # summer\n2027-07-20\n".utf8).write(to: closures)
        let school = ["log", "--subject", "Trips", "--received", "2026-07-01", "--period", "school"]
        try workspace.ok(school + ["--non-school-days", closures.path], today: "2026-07-01")
        #expect(try workspace.show("FOI-2026-000001", today: "2026-07-01")["due"] as? String == "2026-09-14")
        let history = try #require(try workspace.json(["history", "FOI-2026-000001"]) as? [[String: Any]])
        let receipt = try #require(history.first?["event"] as? [String: Any])
        #expect(receipt["period"] as? String == "school")
        #expect(receipt["nonSchoolDays"] as? [String] == ["2026-07-20..2026-09-01"])

        for (arguments, message) in [
            (school, "--period school and --non-school-days go together"),
            (
                ["log", "--subject", "X", "--period", "keeper"],
                "--period keeper is a FOISA period; this request is FOIA"
            ),
            (
                [
                    "log", "--subject", "X", "--regime", "foisa", "--period", "school", "--non-school-days",
                    closures.path,
                ],
                "--period school is a FOIA period; this request is FOISA"
            ),
        ] {
            let result = try workspace.run(arguments, today: "2026-07-01")
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr == "Error: \(message) (see --help)\n", "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        try Data("2026-09-01..2026-07-20\n".utf8).write(to: closures)
        let backwards = try workspace.run(school + ["--non-school-days", closures.path], today: "2026-07-01")
        #expect(backwards.status == 65)
        #expect(backwards.stderr.hasPrefix("Error: \(closures.path), line 1: '2026-09-01..2026-07-20' is not a date"))
        #expect(try workspace.eventCount() == 1)
    }

    /// A mixed request split into linked cases, each with its own clock: the EIR part's reg 7 extension to 40 working
    /// days from Mon 2 Nov 2026 (UK): Nov 3–27 (19), St Andrew's Day skipped, Dec 1–24 (37), Christmas and Mon 28 Dec
    /// skipped, Thu 31 Dec (40). Each case shows the others; a refused split writes nothing.
    @Test func aMixedRequestSplitIntoLinkedCases() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let today = "2026-11-20"
        try workspace.ok(
            ["log", "--subject", "Air quality and staff costs", "--received", "2026-11-02", "--requester", "Ann"],
            today: today)
        try workspace.ok(
            ["split", "FOI-2026-000001", "--regime", "eir", "--subject", "Air quality data"], today: today)
        try workspace.ok(
            ["split", "FOI-2026-000001", "--regime", "sar", "--part-ref", "SAR-1", "--on", "2026-11-19"], today: today)
        try workspace.ok(["extend", "FOI-2026-000002", "--reason", "Complex and voluminous"], today: today)
        #expect(try workspace.show("FOI-2026-000002", today: today)["due"] as? String == "2026-12-31")
        #expect(try workspace.show("FOI-2026-000001", today: today)["due"] as? String == "2026-12-01")

        func linked(_ ref: String) throws -> [String] {
            let shown = try workspace.show(ref, today: today)
            return try #require(shown["linked"] as? [[String: Any]]).map {
                "\($0["relation"]!) \($0["ref"]!) \($0["regime"]!) \($0["status"]!)"
            }
        }
        #expect(try linked("FOI-2026-000001") == ["part FOI-2026-000002 eir extended", "part SAR-1 sar open"])
        #expect(try linked("SAR-1") == ["split-from FOI-2026-000001 foia open", "part FOI-2026-000002 eir extended"])
        let part = try workspace.show("SAR-1", today: today)
        #expect((part["requester"] as? [String: Any])?["name"] as? String == "Ann")
        #expect(part["received"] as? String == "2026-11-02")
        let text = try workspace.run(["show", "FOI-2026-000002"], today: today).stdout
        #expect(text.contains("Split from: FOI-2026-000001 (FOIA, open, due Tue 1 Dec 2026)"))
        #expect(text.contains("Part:       SAR-1 (SAR, open, due Wed 2 Dec 2026)"))

        let before = try workspace.run(["list", "--format", "json"], today: today).stdout
        for (arguments, message) in [
            (["--regime", "foisa"], "a FOIA request cannot be split into a FOISA part"),
            (["--regime", "foia"], "the case is already FOIA"),
            (["--regime", "eir", "--part-ref", "SAR-1"], "a case 'SAR-1' already exists"),
            (["--regime", "eir", "--on", "2026-11-01"], "the request was received on 2026-11-02"),
        ] {
            try refused(workspace, ["split", "FOI-2026-000001"] + arguments, today: today, saying: message)
        }
        #expect(try workspace.run(["list", "--format", "json"], today: today).stdout == before)
    }

    /// `holidays move`, `cancel` and `import` through the command line: what each prints, and bad input as one error
    /// line with the holidays unchanged. (The dates each moves are counted in FOIStoreTests.HolidayChangeTests.)
    @Test func holidaysMovedCancelledAndImported() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let today = "2027-04-21"
        try workspace.ok(["log", "--subject", "Bins", "--regime", "foisa", "--received", "2027-04-20"], today: today)
        let moved = try workspace.run(
            ["holidays", "move", "2027-05-03", "--to", "2027-05-07", "--division", "scotland"], today: today)
        #expect(
            moved.stdout == """
                Added Fri 7 May 2027, Early May bank holiday (Scotland).
                Removed Mon 3 May 2027, Early May bank holiday (Scotland).
                0 cases with a clock moved.

                """)
        let cancelled = try workspace.run(["holidays", "cancel", "2027-05-07", "--division", "scotland"], today: today)
        #expect(cancelled.stdout.hasSuffix("1 case with a clock moved.\n"))
        let listed = { try workspace.run(["holidays", "list", "--year", "2027", "--division", "scotland"]).stdout }
        let holidays = try listed()
        #expect(!holidays.contains(" 3 May 2027") && !holidays.contains(" 7 May 2027"))
        #expect(holidays.contains("Mon 31 May 2027"))

        let notJSON = workspace.directory.appendingPathComponent("bank-holidays.json")
        try Data("{\"england-and-wales\": {\"events\": []}}".utf8).write(to: notJSON)
        for (arguments, status, message) in [
            (["holidays", "cancel", "2027-05-07", "--division", "scotland"], 1, "2027-05-07 is not a bank holiday"),
            (["holidays", "move", "2027-05-31", "--to", "2027-05-31", "--division", "scotland"], 64, "--to is the"),
            (["holidays", "import", notJSON.path], 65, "the bank holiday data has no 'scotland' division"),
            (["holidays", "import", "-"], 65, "standard input is empty"),
        ] {
            let result = try workspace.run(arguments, today: today)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("Error: ") && result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(try listed() == holidays)
    }
}
