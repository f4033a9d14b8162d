import Foundation
import Testing

/// `foi disclosure-log`: the requests first answered in a period, with nothing of the requester, no subject access
/// request and no case held back; a title decided for publication replaces the subject.
@Suite struct DisclosureLogTests {
    /// What a review releases is published as a first release is (audit L14; ICO guidance: a disclosure log lists
    /// information released): an entry on the day of the review's outcome, with the exemptions still relied on;
    /// a review that upholds the response adds nothing.
    @Test func informationReleasedOnReviewIsLogged() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let today = "2026-12-31"
        for line in [
            ["log", "--subject", "Contract prices", "--received", "2026-10-01"],
            ["exempt", "FOI-2026-000001", "--section", "43(2)", "--public-interest", "maintain", "--on", "2026-10-20"],
            ["exempt", "FOI-2026-000001", "--section", "40(2)", "--on", "2026-10-20"],
            ["respond", "FOI-2026-000001", "--outcome", "withheld-in-full", "--on", "2026-10-28"],
            ["review", "FOI-2026-000001", "--requested", "2026-11-02"],
            [
                "review", "FOI-2026-000001", "--outcome", "partially-upheld", "--withdraw-exemption", "43(2)", "--on",
                "2026-11-25",
            ],
            ["log", "--subject", "Staff list", "--received", "2026-10-01"],
            ["exempt", "FOI-2026-000002", "--section", "40(2)", "--on", "2026-10-20"],
            ["respond", "FOI-2026-000002", "--outcome", "withheld-in-full", "--on", "2026-10-28"],
            ["review", "FOI-2026-000002", "--requested", "2026-11-02"],
            ["review", "FOI-2026-000002", "--outcome", "upheld", "--on", "2026-11-25"],
        ] {
            try workspace.ok(line, today: today)
        }
        let csv = try workspace.run(["disclosure-log", "--period", "2026Q4", "--format", "csv"], today: today).stdout
        #expect(
            csv == """
                reference,regime,received,responded,title,outcome,exemptions
                FOI-2026-000001,FOIA,2026-10-01,2026-10-28,Contract prices,withheld in full,s.43(2); s.40(2)
                FOI-2026-000002,FOIA,2026-10-01,2026-10-28,Staff list,withheld in full,s.40(2)
                FOI-2026-000001,FOIA,2026-10-01,2026-11-25,Contract prices,released on review: \
                partially upheld (some information released),s.40(2)

                """)
        let november = try workspace.run(["disclosure-log", "--period", "2026-11", "--format", "csv"], today: today)
        #expect(november.stdout.components(separatedBy: "\n").count == 3)
    }

    @Test func theLogPublishesResponsesAndNothingOfTheRequester() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let today = "2026-12-31"
        for line in [
            [
                "log", "--subject", "Drones", "--received", "2026-11-02", "--requester", "Ann Private", "--email",
                "ann@private.example",
            ],
            [
                "log", "--subject", "Complaint about PC Jane Doe", "--received", "2026-11-02", "--requester",
                "Ann Private",
            ],
            [
                "log", "--subject", "My own file", "--regime", "sar", "--received", "2026-11-02", "--requester",
                "Ann Private",
            ],
            ["log", "--subject", "Held back", "--received", "2026-11-02"],
            ["log", "--subject", "Answered next year", "--received", "2026-12-14"],
            ["respond", "FOI-2026-000001", "--outcome", "granted-in-full", "--on", "2026-11-20"],
            ["exempt", "FOI-2026-000002", "--section", "40(2)", "--on", "2026-11-20"],
            ["respond", "FOI-2026-000002", "--outcome", "withheld-in-full", "--on", "2026-11-23"],
            ["publish", "FOI-2026-000002", "--title", "A complaint about an officer"],
            // A review adds an exemption later: the log shows the response as it was given.
            ["review", "FOI-2026-000002", "--requested", "2026-11-30"],
            ["review", "FOI-2026-000002", "--outcome", "upheld", "--add-exemption", "41", "--on", "2026-12-10"],
            ["respond", "FOI-2026-000003", "--outcome", "granted-in-full", "--on", "2026-11-25"],
            ["respond", "FOI-2026-000004", "--outcome", "granted-in-full", "--on", "2026-11-25"],
            ["publish", "FOI-2026-000004", "--hold-back", "would identify a witness"],
        ] {
            try workspace.ok(line, today: today)
        }
        let csv = try workspace.run(["disclosure-log", "--period", "2026Q4", "--format", "csv"], today: today).stdout
        #expect(
            csv == """
                reference,regime,received,responded,title,outcome,exemptions
                FOI-2026-000001,FOIA,2026-11-02,2026-11-20,Drones,granted in full,
                FOI-2026-000002,FOIA,2026-11-02,2026-11-23,A complaint about an officer,withheld in full,s.40(2)

                """)
        let json = try workspace.run(["disclosure-log", "--period", "2026-11", "--format", "json"], today: today).stdout
        let table = try workspace.run(["disclosure-log", "--period", "2026"], today: today).stdout
        for output in [csv, json, table] {
            for personal in ["Ann Private", "ann@private.example", "Jane Doe", "My own file"] {
                #expect(!output.contains(personal), "\(personal)")
            }
        }
        #expect(!csv.contains("Held back") && !json.contains("Held back"))
        #expect(table.contains("Held back from the log (1):\n  FOI-2026-000004: would identify a witness\n"))
        #expect(
            try workspace.run(["disclosure-log", "--period", "2026-10", "--format", "csv"], today: today).stdout
                == "reference,regime,received,responded,title,outcome,exemptions\n")

        try workspace.ok(["publish", "FOI-2026-000004", "--include"], today: today)
        #expect(
            try workspace.run(["disclosure-log", "--period", "2026Q4", "--format", "csv"], today: today).stdout
                .contains("FOI-2026-000004,FOIA,2026-11-02,2026-11-25,Held back,granted in full,\n"))
        for (arguments, message) in [
            (["disclosure-log", "--period", "last year"], "--period 'last year' is not a month"),
            (["publish", "FOI-2026-000001"], "give --title TEXT, --hold-back REASON or --include"),
            (["publish", "FOI-2026-000001", "--hold-back", "x", "--include"], "give --hold-back or --include"),
        ] {
            let result = try workspace.run(arguments, today: today)
            #expect(result.status == 64 && result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    /// The static site: an index by month linking a page per response, every text escaped, nothing of the
    /// requester; written only into a new directory.
    @Test func theLogAsAStaticSite() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let today = "2026-12-31"
        for line in [
            ["log", "--subject", "Drones", "--received", "2026-10-01", "--requester", "Ann Private"],
            ["log", "--subject", "Bins", "--received", "2026-11-02"],
            ["respond", "FOI-2026-000001", "--outcome", "granted-in-full", "--on", "2026-10-20"],
            ["respond", "FOI-2026-000002", "--outcome", "not-held", "--on", "2026-11-20"],
            ["publish", "FOI-2026-000002", "--title", "Bins <script>alert(1)</script> & more"],
        ] {
            try workspace.ok(line, today: today)
        }
        let site = workspace.directory.appendingPathComponent("site")
        let result = try workspace.run(
            ["disclosure-log", "--period", "2026Q4", "--format", "html", "--output", site.path], today: today)
        #expect(
            result.stdout == "Wrote the site to \(site.path): index.html and 2 response pages.\n", "\(result.stderr)")
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<h2>October 2026</h2>\n<ul>\n<li><a href=\"responses/FOI-2026-000001.html\">"))
        #expect(index.contains("<h2>November 2026</h2>"))
        #expect(index.contains("Bins &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(!index.contains("<script>"))
        let page = try String(
            contentsOf: site.appendingPathComponent("responses/FOI-2026-000002.html"), encoding: .utf8)
        #expect(page.contains("<tr><th>Outcome</th><td>information not held</td></tr>"))
        for file in [
            index, page,
            try String(contentsOf: site.appendingPathComponent("responses/FOI-2026-000001.html"), encoding: .utf8),
        ] {
            #expect(!file.contains("Ann Private"))
        }
        for arguments in [
            ["disclosure-log", "--period", "2026Q4", "--format", "html", "--output", site.path],
            ["disclosure-log", "--period", "2026Q4", "--format", "html"],
            ["disclosure-log", "--period", "2026Q4", "--output", workspace.directory.appendingPathComponent("x").path],
        ] {
            let refused = try workspace.run(arguments, today: today)
            #expect(refused.status == 64 && refused.stdout.isEmpty, "\(arguments)")
        }
    }

    /// `--letters` puts each response letter on its page as published: addressed to no one and restating the request
    /// by its published title, written without reading the requester. A letter that lacks a part (here the reasoning
    /// of a qualified exemption) is left off its page, and the command names the case.
    @Test func theSiteWithTheResponseLetters() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let today = "2026-12-31"
        for line in [
            ["settings", "authority-name", "Borsetshire Council"],
            ["settings", "authority-address", "County Hall, Borchester"],
            ["settings", "foi-email", "foi@borsetshire.example"],
            ["settings", "review-contact", "the Information Governance Manager"],
            ["settings", "signature", "Information Rights Team"],
            [
                "log", "--subject", "Ann Private's own complaint about drones", "--received", "2026-10-01",
                "--requester", "Ann Private", "--request-file", "-",
            ],
            ["publish", "FOI-2026-000001", "--title", "Drone flights over the park"],
            ["respond", "FOI-2026-000001", "--outcome", "granted-in-full", "--on", "2026-10-20"],
            ["log", "--subject", "Police tactics", "--received", "2026-10-01"],
            ["exempt", "FOI-2026-000002", "--section", "31(1)(a)", "--public-interest", "maintain"],
            ["respond", "FOI-2026-000002", "--outcome", "withheld-in-full", "--on", "2026-10-22"],
        ] {
            let step = try foi(
                line + ["--db", workspace.db, "--today", today],
                input: "Ann Private asks, as Ann Private, for the drone log.\n")
            #expect(step.status == 0, "\(line): \(step.stderr)")
        }
        let site = workspace.directory.appendingPathComponent("site")
        let result = try workspace.run(
            ["disclosure-log", "--period", "2026Q4", "--format", "html", "--output", site.path, "--letters"],
            today: today)
        #expect(
            result.stdout
                == "Wrote the site to \(site.path): index.html and 2 response pages.\n1 with the response letter; 1 "
                + "without, its letter lacking a part ('foi letter REF response --draft' shows which): "
                + "FOI-2026-000002.\n", "\(result.stderr)")
        let page = try String(
            contentsOf: site.appendingPathComponent("responses/FOI-2026-000001.html"), encoding: .utf8)
        for expected in [
            "<h2>The response</h2>", "Borsetshire Council", "Dear Sir or Madam,", "Drone flights over the park",
            "20 October 2026",
        ] {
            #expect(page.contains(expected), "the page lacks \(expected)")
        }
        #expect(!page.contains("Ann Private"))
        let refused = try String(
            contentsOf: site.appendingPathComponent("responses/FOI-2026-000002.html"), encoding: .utf8)
        #expect(!refused.contains("<h2>The response</h2>"))
        let wrong = try workspace.run(["disclosure-log", "--period", "2026Q4", "--letters"], today: today)
        #expect(
            wrong.status == 64 && wrong.stdout.isEmpty && wrong.stderr.contains("--letters goes with --format html"))
    }
}
