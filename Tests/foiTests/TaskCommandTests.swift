import Foundation
import Testing

/// `foi task`: questions to contributors on the case's clock, counted by hand on the 2026 calendar. The case is
/// received Mon 2 Nov 2026 and due Tue 1 Dec 2026 (20 working days; no bank holiday in November but St Andrew's Day,
/// Mon 30 Nov, which FOIA's UK calendar skips: the 20th day is Tue 1 Dec).
@Suite struct TaskCommandTests {
    let workspace: Workspace
    let ref = "FOI-2026-000001"

    init() throws {
        workspace = try Workspace()
        try ok(["log", "--subject", "Pothole repairs", "--received", "2026-11-02", "--requester", "Ann Example"])
        try ok(["user", "add", "dana@council.example", "--name", "Dana Highways", "--role", "contributor"])
        try ok(["user", "add", "raj@council.example", "--name", "Raj Parks", "--role", "contributor"])
    }

    func ok(_ arguments: [String], today: String = "2026-11-03") throws {
        let result = try workspace.run(arguments, today: today)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }

    func tasks(_ arguments: [String] = [], today: String) throws -> [[String: Any]] {
        let result = try workspace.run(["task", "list", "--format", "json"] + arguments, today: today)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    /// Given Tue 3 Nov for 5 working days: due Tue 10 Nov. Clarification asked Thu 5 Nov stops it; answered Mon 9 Nov,
    /// the task counts 5 working days afresh, as FOIA s.10(6) counts the case's 20: due Mon 16 Nov.
    @Test func aTaskMovesWithTheCasesClock() throws {
        try ok(["task", "add", ref, "--to", "dana@council.example", "--ask", "Repairs in 2024 by month?"])
        #expect(try tasks(today: "2026-11-03").first?["due"] as? String == "2026-11-10")
        try ok(["clarify", ref, "--requested", "2026-11-05"], today: "2026-11-05")
        let stopped = try tasks(today: "2026-11-06")
        #expect(stopped.first?["due"] == nil || stopped.first?["due"] is NSNull)
        try ok(["clarify", ref, "--received", "2026-11-09"], today: "2026-11-09")
        #expect(try tasks(today: "2026-11-09").first?["due"] as? String == "2026-11-16")
        // On the board, in its own section, within the 5 working days of Mon 9 Nov.
        let board = try workspace.run(["board"], today: "2026-11-09").stdout
        #expect(board.contains("Tasks and sign-off overdue or due in the next 5 working days (1)\n"))
        #expect(board.contains("FOI-2026-000001  task 1       Dana Highways  Mon 16 Nov 2026  5     Pothole repairs"))
        // In the calendar file too, by its own UID, never with the subject.
        let calendar = try workspace.run(["calendar", "--clock", "task"], today: "2026-11-09").stdout
        #expect(calendar.contains("UID:FOI-2026-000001.task-1@foi\r\nDTSTAMP:"))
        #expect(calendar.contains("DTSTART;VALUE=DATE:20261116\r\n") && !calendar.contains("Pothole"))
        #expect(calendar.contains("SUMMARY:FOI-2026-000001 task 1 due\r\n"))
        // The first day of the fresh count is Tue 10 Nov; on Tue 17 Nov the task is a working day overdue.
        #expect(try tasks(["--overdue"], today: "2026-11-17").count == 1)
        #expect(try tasks(["--overdue"], today: "2026-11-16").isEmpty)
    }

    /// A task never falls due after its case: 20 working days from Tue 3 Nov would be Wed 2 Dec, after Tue 1 Dec.
    @Test func aTaskDueAfterTheCaseIsRefused() throws {
        let refused = try workspace.run(
            ["task", "add", ref, "--to", "dana@council.example", "--ask", "Everything", "--days", "20"],
            today: "2026-11-03")
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(
            refused.stderr
                == "Error: the task would be due on 2026-12-02, after the case's own due date, 2026-12-01; give it by "
                + "2026-12-01 or earlier\n")
        try ok(["task", "add", ref, "--to", "dana@council.example", "--ask", "Everything", "--due", "2026-12-01"])
        #expect(try tasks(today: "2026-11-03").first?["due"] as? String == "2026-12-01")
    }

    @Test func whatIsRefusedWritesNothing() throws {
        let before = try workspace.eventCount()
        let answer = workspace.directory.appendingPathComponent("answer.txt").path
        try "Found it.".write(toFile: answer, atomically: true, encoding: .utf8)
        for (arguments, status) in [
            (["task", "add", ref, "--to", "nobody@council.example", "--ask", "x"], 1),
            (["task", "add", ref, "--to", "dana@council.example"], 64),
            (
                [
                    "task", "add", ref, "--to", "dana@council.example", "--ask", "x", "--days", "2", "--due",
                    "2026-11-20",
                ], 64
            ),
            (["task", "add", ref, "--to", "dana@council.example", "--ask", "x", "--days", "0"], 64),
            (["task", "add", ref, "--to", "dana@council.example", "--ask", "x", "--due", "2026-11-03"], 1),
            (["task", "done", ref, "1", "--answer-file", answer], 1),
            (["task", "done", ref, "1", "--answer-file", "/dev/null"], 65),
            (["task", "list", "--case", "FOI-2026-999999"], 1),
            (["task", "decline", ref, "1", "--reason", " "], 64),
            (["task", "done", ref, "1", "--answer-file", "a", "--activity", "redacting"], 64),
        ] {
            let refused = try workspace.run(arguments, today: "2026-11-03")
            #expect(refused.status == status && refused.stdout.isEmpty, "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.hasPrefix("Error: ") && refused.stderr.split(separator: "\n").count == 1)
        }
        #expect(try workspace.eventCount() == before)
    }

    /// The office's own default, then each contributor's list, the answer with its hours, a task declined.
    @Test func fromQuestionToAnswer() throws {
        try ok(["settings", "task-days", "3"])
        try ok(["task", "add", ref, "--to", "dana@council.example", "--ask", "Repairs by month?"])
        try ok(["task", "add", ref, "--to", "raj@council.example", "--ask", "Park repairs?", "--days", "8"])
        #expect(try tasks(today: "2026-11-03").map { $0["due"] as? String } == ["2026-11-06", "2026-11-13"])
        let mine = try tasks(["--mine", "--actor", "raj@council.example"], today: "2026-11-03")
        #expect(mine.map { $0["task"] as? Int } == [2])
        // What a contributor reads names the case, never the requester.
        let listing = try workspace.run(["task", "list", "--mine", "--actor", "raj@council.example"])
        #expect(listing.stdout.contains("Park repairs") == false && listing.stdout.contains("Ann Example") == false)
        #expect(listing.stdout.contains("Pothole repairs"))

        let answer = workspace.directory.appendingPathComponent("answer.txt")
        try "1,204 repairs in 2024.".write(to: answer, atomically: true, encoding: .utf8)
        try ok(
            ["task", "done", ref, "1", "--answer-file", answer.path, "--hours", "2.5", "--activity", "locating"],
            today: "2026-11-05")
        try ok(["task", "decline", ref, "2", "--reason", "Parks are the county's"], today: "2026-11-05")
        #expect(try tasks(today: "2026-11-05").isEmpty)
        let all = try tasks(["--all"], today: "2026-11-05")
        #expect(all.map { $0["state"] as? String } == ["done", "declined"])
        #expect(all.first?["hours"] as? Double == 2.5 && all.first?["activity"] as? String == "locating")
        #expect(all.first?["workingDaysLeft"] is NSNull && all.first?["due"] as? String == "2026-11-06")
        #expect(
            try workspace.run(["show", ref]).stdout.contains(
                "\nTask hours: 2.5 on what the Fees Regulations count toward the s.12 estimate\n"))

        let show = try #require(
            try workspace.json(["show", ref]) as? [String: Any])
        let shown = try #require(show["tasks"] as? [[String: Any]])
        #expect(shown.map { $0["state"] as? String } == ["done", "declined"])
        #expect(shown.first?["answer"] as? String == "1,204 repairs in 2024.")
        let clocks = try #require(show["clocks"] as? [[String: Any]])
        #expect(
            clocks.filter { $0["name"] as? String == "task" }.map { $0["status"] as? String } == ["met", "stopped"])
        #expect(try workspace.run(["verify"]).status == 0)
    }

    /// A task given to a team: any member of it, or of a team under it, holds and answers it; no one else.
    @Test func aTeamsTaskIsAnyOfItsMembersToAnswer() throws {
        try ok(["team", "add", "Highways"])
        try ok(["team", "add", "Roads", "--parent", "Highways"])
        try ok(["team", "member", "Roads", "dana@council.example"])
        let unknown = try workspace.run(["task", "add", ref, "--team", "Parks", "--ask", "Trees?"])
        #expect(unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "Error: no team is named Parks; the teams are Highways, Roads\n")
        let both = try workspace.run(
            ["task", "add", ref, "--team", "Highways", "--to", "raj@council.example", "--ask", "Trees?"])
        #expect(both.status == 64 && both.stderr == "Error: give one of --to EMAIL or --team NAME (see --help)\n")
        try ok(["task", "add", ref, "--team", "highways", "--ask", "Repairs by month?"])
        let listed = try tasks(["--mine", "--actor", "dana@council.example"], today: "2026-11-03")
        #expect(listed.map { $0["task"] as? Int } == [1])
        #expect(listed.first?["contributor"] as? String == "the team Highways")
        #expect(try tasks(["--mine", "--actor", "raj@council.example"], today: "2026-11-03").isEmpty)
        #expect(try tasks(["--team", "Highways"], today: "2026-11-03").count == 1)
        #expect(try tasks(["--team", "Roads"], today: "2026-11-03").isEmpty)
        let show = try #require(try workspace.json(["show", ref]) as? [String: Any])
        let task = try #require((show["tasks"] as? [[String: Any]])?.first)
        #expect(task["to"] as? String == "the team Highways" && task["toTeam"] is Int && task["toUser"] is NSNull)
        #expect(try workspace.run(["history", ref]).stdout.contains("task 1 to the team Highways, 5 working days"))
        #expect(
            try workspace.run(["board"], today: "2026-11-03").stdout.contains(
                "FOI-2026-000001  task 1       the team Highways  Tue 10 Nov 2026"))
        let answer = workspace.directory.appendingPathComponent("answer.txt")
        try "1,204 repairs in 2024.".write(to: answer, atomically: true, encoding: .utf8)
        try ok(["task", "done", ref, "1", "--answer-file", answer.path, "--actor", "dana@council.example"])
        #expect(try tasks(["--all", "--team", "Highways"], today: "2026-11-03").first?["state"] as? String == "done")
        #expect(try workspace.run(["verify"]).status == 0)
    }
}

/// `foi flag`: raised and taken down as events, listed by `show`, selected by `list --flag`.
@Suite struct FlagCommandTests {
    @Test func aFlagRoutesTheCase() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        for subject in ["Drones", "Bins"] {
            #expect(try workspace.run(["log", "--subject", subject, "--received", "2026-11-16"]).status == 0)
        }
        #expect(try workspace.run(["flag", "FOI-2026-000002", "press"]).status == 0)
        #expect(try workspace.run(["flag", "FOI-2026-000002", "legal"]).status == 0)
        let flagged = try #require(try workspace.json(["list", "--flag", "press"]) as? [[String: Any]])
        #expect(flagged.map { $0["ref"] as? String } == ["FOI-2026-000002"])
        let show = try #require(try workspace.json(["show", "FOI-2026-000002"]) as? [String: Any])
        #expect(show["flags"] as? [String] == ["press", "legal"])
        #expect(try workspace.run(["show", "FOI-2026-000002"]).stdout.contains("\nFlags:      press, legal\n"))

        let twice = try workspace.run(["flag", "FOI-2026-000002", "press"])
        #expect(twice.status == 1 && twice.stderr == "Error: the case is already flagged press\n")
        #expect(try workspace.run(["flag", "FOI-2026-000002", "gossip"]).status == 64)
        #expect(try workspace.run(["flag", "FOI-2026-000002", "press", "--remove"]).status == 0)
        #expect(try (workspace.json(["list", "--flag", "press"]) as? [Any])?.isEmpty == true)
        #expect(try workspace.run(["verify"]).status == 0)
    }
}

/// `foi approval`: the response letter goes out as its approvers saw it, or not at all.
@Suite struct ApprovalCommandTests {
    /// A team in the chain: any of its members (or of a team under it) approves for it, and no one else does.
    @Test func aTeamSignsOffThroughAnyOfItsMembers() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let ref = "FOI-2026-000001"
        try workspace.ok(["log", "--subject", "Gritting routes", "--received", "2026-11-02"], today: "2026-11-02")
        for (key, value) in [
            ("authority-name", "Borsetshire County Council"), ("authority-address", "County Hall"),
            ("foi-email", "foi@b.example"), ("review-contact", "The Monitoring Officer"), ("signature", "The FOI Team"),
        ] {
            try workspace.ok(["settings", key, value], today: "2026-11-02")
        }
        let request = workspace.directory.appendingPathComponent("request.txt").path
        try "The gritting routes for 2025.".write(toFile: request, atomically: true, encoding: .utf8)
        try workspace.ok(["request", ref, "--file", request], today: "2026-11-02")
        for (email, name) in [("kim@b.example", "Kim Counsel"), ("pat@b.example", "Pat Press")] {
            try workspace.ok(["user", "add", email, "--name", name, "--role", "approver"], today: "2026-11-02")
        }
        try workspace.ok(["team", "add", "Legal"], today: "2026-11-02")
        try workspace.ok(["team", "add", "Contracts", "--parent", "Legal"], today: "2026-11-02")
        try workspace.ok(["team", "member", "Contracts", "kim@b.example"], today: "2026-11-02")
        try workspace.ok(["respond", ref, "--outcome", "not-held", "--on", "2026-11-19"], today: "2026-11-19")
        let unknown = try workspace.run(["approval", "request", ref, "--chain", "Lawyers"])
        #expect(unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(
            unknown.stderr == "Error: 'Lawyers' is neither an active user nor a team (the teams: Legal, Contracts)\n")
        try workspace.ok(["approval", "request", ref, "--chain", "legal, pat@b.example"], today: "2026-11-20")
        let board = try workspace.run(["board"]).stdout
        #expect(board.contains("FOI-2026-000001  sign-off stage 1  the team Legal  Tue 24 Nov 2026"))
        // In the calendar file too, by its own UID; asked for by name, or not at all.
        let calendar = try workspace.run(["calendar", "--clock", "sign-off"]).stdout
        #expect(calendar.contains("UID:FOI-2026-000001.sign-off@foi\r\n"))
        #expect(calendar.contains("DTSTART;VALUE=DATE:20261124\r\n"))
        #expect(calendar.contains("SUMMARY:FOI-2026-000001 sign-off due\r\n"))
        #expect(!(try workspace.run(["calendar", "--clock", "response"]).stdout.contains("sign-off")))
        #expect(try workspace.run(["calendar"]).stdout.contains("UID:FOI-2026-000001.sign-off@foi\r\n"))
        let notYet = try workspace.run(["approval", "approve", ref, "--actor", "pat@b.example"])
        #expect(notYet.stderr.contains("waits for sign-off by the team Legal (stage 1"))
        try workspace.ok(["approval", "approve", ref, "--actor", "kim@b.example"], today: "2026-11-20")
        try workspace.ok(["approval", "approve", ref, "--actor", "pat@b.example"], today: "2026-11-20")
        try workspace.ok(["letter", ref, "response"], today: "2026-11-20")
        let history = try #require(try workspace.json(["history", ref]) as? [[String: Any]])
        let asked = try #require(history.first { $0["kind"] as? String == "approval-requested" })
        let chain = (asked["event"] as? [String: Any])?["chain"] as? [Any]
        #expect((chain?.first as? [String: Any])?["team"] as? Int != nil && chain?.last is Int)
        #expect(try workspace.run(["verify"]).status == 0)
    }

    /// FOIA s.36: the response waits for the qualified person's opinion, given by its date.
    @Test func aSection36ResponseWaitsForTheQualifiedPerson() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let ref = "FOI-2026-000001"
        try workspace.ok(["log", "--subject", "Board papers", "--received", "2026-11-02"], today: "2026-11-02")
        try workspace.ok(
            ["exempt", ref, "--section", "36(2)(b)(ii)", "--public-interest", "maintain"], today: "2026-11-10")
        let refused = try workspace.run(
            ["respond", ref, "--outcome", "withheld-in-full", "--on", "2026-11-20"], today: "2026-11-20")
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(
            refused.stderr
                == "Error: the response relies on s.36(2)(b)(ii), which applies only in the reasonable opinion of a "
                + "qualified person (FOIA s.36(2), (3)), and no opinion was given by its date; record it first (foi "
                + "approval opinion \(ref) --person WHO --opinion TEXT [--on DATE])\n")
        let blank = try workspace.run(["approval", "opinion", ref, "--person", " ", "--opinion", "x"])
        #expect(blank.status == 64 && blank.stdout.isEmpty && blank.stderr.hasPrefix("Error: --person"))
        try workspace.ok(
            [
                "approval", "opinion", ref, "--person", "the Chief Executive", "--opinion",
                "Disclosure would be likely to inhibit the free and frank exchange of views", "--on", "2026-11-19",
            ], today: "2026-11-20")
        try workspace.ok(["respond", ref, "--outcome", "withheld-in-full", "--on", "2026-11-20"], today: "2026-11-20")
        let history = try #require(try workspace.json(["history", ref]) as? [[String: Any]])
        let kinds = history.compactMap { $0["kind"] as? String }
        #expect(kinds.suffix(2) == ["qualified-person-opinion", "responded"])
        #expect(try workspace.run(["verify"]).status == 0)
    }

    @Test func theLetterGoesOutAsItsApproversSawIt() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let ref = "FOI-2026-000001"
        func run(_ arguments: [String]) throws -> Run { try workspace.run(arguments, today: "2026-11-20") }
        func ok(_ arguments: [String]) throws {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let request = workspace.directory.appendingPathComponent("request.txt").path
        try "Please send the gritting routes for 2025.".write(toFile: request, atomically: true, encoding: .utf8)
        try ok(["log", "--subject", "Gritting routes", "--received", "2026-11-02", "--requester", "Rita Requester"])
        try ok(["request", ref, "--file", request])
        for (key, value) in [
            ("authority-name", "Borsetshire County Council"), ("authority-address", "County Hall"),
            ("foi-email", "foi@b.example"), ("review-contact", "The Monitoring Officer"), ("signature", "The FOI Team"),
        ] {
            try ok(["settings", key, value])
        }
        try ok(["user", "add", "lee@b.example", "--name", "Lee Legal", "--role", "approver"])
        try ok(["user", "add", "pat@b.example", "--name", "Pat Press", "--role", "approver"])
        try ok(["respond", ref, "--outcome", "not-held", "--on", "2026-11-19"])
        // The office requires sign-off of press-flagged cases: this one's response cannot go out without a chain.
        try ok(["settings", "require-approval", "press, legal"])
        let unknown = try run(["settings", "require-approval", "press, lawyers"])
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("Error: 'press, lawyers' is not a value of require-"))
        try ok(["flag", ref, "press"])
        let unasked = try run(["letter", ref, "response"])
        #expect(unasked.status == 1 && unasked.stdout.isEmpty)
        #expect(
            unasked.stderr == "Error: the case is flagged press, so its response needs sign-off before it goes out: "
                + "ask for it first\n")
        try ok(["approval", "request", ref, "--chain", "lee@b.example, pat@b.example"])

        let blocked = try run(["letter", ref, "response"])
        #expect(blocked.status == 1 && blocked.stdout.isEmpty)
        #expect(
            blocked.stderr == "Error: the draft response waits for sign-off by Lee Legal (stage 1, since 2026-11-20)\n")
        #expect(try run(["letter", ref, "response", "--preview"]).status == 0)
        // The stage's own date: Lee has the approval-days setting's 2 working days from Fri 20 Nov, Tue 24 Nov.
        let board = try run(["board"]).stdout
        #expect(board.contains("FOI-2026-000001  sign-off stage 1  Lee Legal  Tue 24 Nov 2026  2     Gritting routes"))
        #expect(try run(["approval", "approve", ref, "--actor", "pat@b.example"]).status == 1)
        try ok(["approval", "approve", ref, "--actor", "lee@b.example", "--comment", "Fine."])
        // The draft changes: Pat sees a draft Lee never approved, and the chain starts again.
        try "Please send the gritting routes for 2024.".write(toFile: request, atomically: true, encoding: .utf8)
        try ok(["request", ref, "--file", request])
        let again = try run(["approval", "approve", ref, "--actor", "pat@b.example"])
        #expect(again.stderr.contains("waits for sign-off by Lee Legal (stage 1"))
        try ok(["approval", "approve", ref, "--actor", "lee@b.example"])
        try ok(["approval", "approve", ref, "--actor", "pat@b.example"])
        try ok(["letter", ref, "response"])
        let history = try #require(try workspace.json(["history", ref]) as? [[String: Any]])
        let kinds = history.compactMap { $0["kind"] as? String }
        #expect(kinds.suffix(4) == ["request-recorded", "approved", "approved", "letter-issued"])
        // What was issued is what the approvers saw.
        let digests = history.suffix(4).compactMap { ($0["event"] as? [String: Any]) }
        #expect(digests[1]["digest"] as? String == digests[3]["digest"] as? String)
        #expect(digests[2]["digest"] as? String == digests[3]["digest"] as? String && digests[3]["digest"] != nil)
        #expect(try run(["verify"]).status == 0)
    }
}
