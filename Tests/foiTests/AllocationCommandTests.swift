import Foundation
import Testing

/// `foi team`, `foi assign --team`, `foi accept`, `foi reject` and `foi reassign`: a case offered to a team is
/// taken by one of its members, given back with a reason, and passed on whole when someone leaves.
@Suite struct AllocationCommandTests {
    let workspace: Workspace
    let ref = "FOI-2026-000001"

    init() throws {
        workspace = try Workspace()
        try workspace.ok(["log", "--subject", "Potholes", "--received", "2026-11-16"], today: "2026-11-16")
        try workspace.ok(["log", "--subject", "Gritting", "--received", "2026-11-16"], today: "2026-11-16")
        for (email, name, role) in [
            ("ann@council.example", "Ann Roads", "officer"), ("bob@council.example", "Bob Lead", "coordinator"),
            ("cat@council.example", "Cat Parks", "officer"), ("dev@council.example", "Dev Survey", "contributor"),
        ] {
            try workspace.ok(["user", "add", email, "--name", name, "--role", role], today: "2026-11-16")
        }
        try workspace.ok(["team", "add", "Highways"], today: "2026-11-16")
        try workspace.ok(["team", "add", "Roads", "--parent", "highways"], today: "2026-11-16")
        try workspace.ok(["team", "add", "Parks"], today: "2026-11-16")
        try workspace.ok(["team", "member", "Roads", "ann@council.example"], today: "2026-11-16")
        try workspace.ok(
            ["team", "member", "Highways", "bob@council.example", "--role", "coordinator"], today: "2026-11-16")
        try workspace.ok(["team", "member", "Parks", "cat@council.example"], today: "2026-11-16")
    }

    func refs(_ arguments: [String]) throws -> [String] {
        let rows = try #require(try workspace.json(arguments) as? [[String: Any]])
        return rows.compactMap { $0["ref"] as? String }
    }

    @Test func teamsAreATreeWithRoles() throws {
        let teams = try #require(try workspace.json(["team", "list"]) as? [[String: Any]])
        #expect(teams.compactMap { $0["name"] as? String } == ["Highways", "Roads", "Parks"])
        #expect(teams[1]["parent"] as? String == "Highways")
        let members = try #require(teams[0]["members"] as? [[String: Any]])
        #expect(members.first?["name"] as? String == "Bob Lead" && members.first?["role"] as? String == "coordinator")
        for (arguments, status, message) in [
            (["team", "add", "roads"], 1, "Error: a team named roads exists already; nothing was changed\n"),
            (
                ["team", "add", "Bins", "--parent", "Waste"], 1,
                "Error: no team is named Waste; the teams are Highways, Roads, Parks\n"
            ),
            (
                ["team", "member", "Waste", "ann@council.example"], 1,
                "Error: no team is named Waste; the teams are Highways, Roads, Parks\n"
            ),
            (
                ["team", "member", "Roads", "zed@council.example"], 1,
                "Error: no user has the e-mail address zed@council.example\n"
            ),
            (["team", "add", " "], 64, nil),
        ] as [([String], Int32, String?)] {
            let refused = try workspace.run(arguments)
            #expect(refused.status == status && refused.stdout.isEmpty, "\(arguments)")
            if let message { #expect(refused.stderr == message) }
        }
    }

    /// Offered to Roads: Bob (coordinator of Highways, above Roads) is not in Roads and cannot take it; Ann can,
    /// and handles it from then on. The board and listing of Highways hold it, as a team under Highways has it.
    @Test func aCaseOfferedToATeamIsTakenByAMember() throws {
        try workspace.ok(["assign", ref, "--team", "roads"], today: "2026-11-17")
        #expect(
            try workspace.run(["show", ref]).stdout.contains(
                "\nAllocation: offered to the team Roads on Tue 17 Nov 2026, not yet accepted\n"))
        #expect(try refs(["list", "--team", "Highways"]) == [ref])
        #expect(try refs(["list", "--team", "Parks"]).isEmpty)
        let before = try workspace.eventCount()
        let notTheirs = try workspace.run(["accept", ref, "--actor", "bob@council.example"], today: "2026-11-18")
        #expect(notTheirs.status == 1 && notTheirs.stdout.isEmpty)
        #expect(notTheirs.stderr == "Error: the case is offered to Roads: only they accept it or give it back\n")
        #expect(try workspace.eventCount() == before)
        try workspace.ok(["accept", ref, "--actor", "ann@council.example"], today: "2026-11-18")
        let shown = try workspace.run(["show", ref]).stdout
        #expect(shown.contains("\nHandler:    Ann Roads\n"))
        #expect(shown.contains("\nAllocation: accepted by Ann Roads on Wed 18 Nov 2026 (team Roads)\n"))
        #expect(try refs(["list", "--officer", "Ann Roads"]) == [ref])
        let twice = try workspace.run(["accept", ref, "--actor", "ann@council.example"], today: "2026-11-18")
        #expect(twice.stderr == "Error: the allocation was accepted on 2026-11-18\n")
        let history = try #require(try workspace.json(["history", ref]) as? [[String: Any]])
        #expect(
            history.suffix(2).compactMap { $0["details"] as? String } == [
                "offered to the team Roads", "accepted by Ann Roads",
            ])
        #expect(try workspace.run(["verify"]).status == 0)
    }

    /// Given back with a reason: the case is with no one, for the coordinator to allocate again.
    /// A team's figures: both requests, received Mon 16 Nov, were due Tue 15 Dec and were late as at Fri 18 Dec;
    /// the one Roads took counts for Roads and Highways above it, the other for Parks, and both for the office.
    @Test func eachTeamHasItsOwnFigures() throws {
        try workspace.ok(["assign", ref, "--team", "roads"], today: "2026-11-17")
        try workspace.ok(["accept", ref, "--actor", "ann@council.example"], today: "2026-11-18")
        try workspace.ok(["assign", "FOI-2026-000002", "--to", "cat@council.example"], today: "2026-11-17")
        try workspace.ok(["respond", ref, "--outcome", "not-held", "--on", "2026-12-17"], today: "2026-12-17")
        func late(_ whose: [String]) throws -> Int? {
            let result = try workspace.run(
                ["stats", "timeliness", "--period", "2026-12", "--format", "json"] + whose, today: "2026-12-18")
            #expect(result.status == 0, "\(result.stderr)")
            let figures = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let rows = figures?["rows"] as? [[String: Any]]
            return rows?.first { $0["kind"] as? String == "request" }?["late"] as? Int
        }
        #expect(try late([]) == 2)
        #expect(try late(["--team", "Roads"]) == 1 && late(["--team", "highways"]) == 1)
        #expect(try late(["--team", "Parks"]) == 1 && late(["--officer", "Cat Parks"]) == 1)
        let table = try workspace.run(
            ["stats", "delays", "--period", "2026Q4", "--team", "Parks"], today: "2026-12-18")
        #expect(
            table.stdout.hasPrefix(
                "Only the cases of the team Parks and the teams under it, as they are handled now.\n"
                    + "Late responses to requests falling due in 2026Q4, as at Fri 18 Dec 2026: 1, 3 working days late")
        )
        #expect(table.stdout.contains("FOI-2026-000002  Tue 15 Dec 2026  not yet"))
        let unknown = try workspace.run(["stats", "timeliness", "--team", "Bridges"], today: "2026-12-18")
        #expect(unknown.status != 0 && unknown.stdout.isEmpty && unknown.stderr.hasPrefix("Error: no team"))
        // The board's quarter line is the team's too.
        let board = try workspace.run(["board", "--team", "Roads"], today: "2026-12-18").stdout
        #expect(board.contains("This quarter (2026Q4): 0.0% in time, Unsatisfactory."))
    }

    @Test func aCaseGivenBackIsWithNoOne() throws {
        try workspace.ok(["assign", ref, "--to", "Cat Parks"], today: "2026-11-17")
        let blank = try workspace.run(["reject", ref, "--reason", " ", "--actor", "cat@council.example"])
        #expect(blank.status == 64)
        try workspace.ok(
            ["reject", ref, "--reason", "Not a parks matter", "--actor", "cat@council.example"], today: "2026-11-17")
        #expect(try refs(["list", "--unassigned"]) == [ref, "FOI-2026-000002"])
        #expect(
            try workspace.run(["show", ref]).stdout.contains(
                "\nAllocation: given back by Cat Parks on Tue 17 Nov 2026: Not a parks matter; to be allocated again\n")
        )
        let none = try workspace.run(["accept", ref, "--actor", "cat@council.example"])
        #expect(none.stderr.hasSuffix("the allocation was given back on 2026-11-17: allocate it again\n"))
    }

    /// Ann leaves: her unfinished case and her open task (on another case) pass to Cat in one transaction.
    @Test func everythingOfSomeoneWhoLeavesPassesOnAtOnce() throws {
        try workspace.ok(["assign", ref, "--to", "Ann Roads"], today: "2026-11-17")
        try workspace.ok(
            ["task", "add", "FOI-2026-000002", "--to", "ann@council.example", "--ask", "Gritting routes?"],
            today: "2026-11-17")
        let before = try workspace.eventCount()
        let unknown = try workspace.run(["reassign", "--from", "ann@council.example", "--to", "zed@council.example"])
        #expect(unknown.status == 1 && unknown.stderr == "Error: no active user 'zed@council.example'\n")
        let themselves = try workspace.run(["reassign", "--from", "ann@council.example", "--to", "Ann Roads"])
        #expect(
            themselves.status == 1
                && themselves.stderr
                    == "Error: Ann Roads cannot pass their work to themselves: name someone else\n"
        )
        #expect(try workspace.eventCount() == before)
        let moved = try workspace.json(["reassign", "--from", "ann@council.example", "--to", "cat@council.example"])
        #expect((moved as? [[String: Any]])?.compactMap { $0["ref"] as? String } == [ref, "FOI-2026-000002"])
        #expect(try workspace.eventCount() == before + 1)
        #expect(try refs(["list", "--officer", "Cat Parks"]) == [ref])
        let tasks = try #require(try workspace.json(["task", "list", "--team", "Parks"]) as? [[String: Any]])
        #expect(tasks.compactMap { $0["ref"] as? String } == ["FOI-2026-000002"])
        #expect((try workspace.json(["task", "list", "--team", "Roads"]) as? [[String: Any]])?.isEmpty == true)
        #expect(try workspace.run(["verify"]).status == 0)
    }
}
