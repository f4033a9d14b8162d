import FOIKit
import FOIResources
import FOIViews
import Testing

let calendars = Calendars(holidays: try! HolidaySet(govUKJSON: Seeds.bankHolidaysJSON))

func d(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }

/// An open FOIA case received Mon 2 Nov 2026, due Tue 1 Dec, and the same case answered on 20 Nov.
let open = CaseSummary(
    ref: CaseReference(rawValue: "FOI-2026-000001"), regime: .foia, status: .open, statusSince: d("2026-11-02"),
    received: d("2026-11-02"), due: d("2026-12-01"), provisional: false, subject: "Drone use, 2025", channel: .email,
    exemptions: [ExemptionDecision(citation: "31(1)(a)", part: .foia, publicInterest: .maintain)], stage: .request)
var answered: CaseSummary {
    var summary = open
    summary.status = .responded
    summary.statusSince = d("2026-11-20")
    summary.outcome = .partiallyWithheld
    summary.respondedOn = d("2026-11-20")
    summary.stage = .responded
    return summary
}

/// The views are pure: built in-process from the read models, the calendars and today, checked against the text
/// a person or a script gets.
@Suite struct CaseViewTests {
    @Test func aTableForPeople() throws {
        let output = try CaseView.render(
            [open, answered], calendars: calendars, today: d("2026-11-20"), format: .table)
        #expect(
            String(decoding: output.bytes, as: UTF8.self) == """
                REF              REGIME  STATUS     RECEIVED    DUE             LEFT  EXEMPTIONS  OUTCOME             \
                SUBJECT
                FOI-2026-000001  foia    open       2026-11-02  Tue 1 Dec 2026  6     31(1)(a)                        \
                Drone use, 2025
                FOI-2026-000001  foia    responded  2026-11-02  Tue 1 Dec 2026  -     31(1)(a)    partially-withheld  \
                Drone use, 2025

                """)
    }

    @Test func csvForScriptsQuotesWhatItMust() throws {
        let output = try CaseView.render([open], calendars: calendars, today: d("2026-12-03"), format: .csv)
        #expect(
            String(decoding: output.bytes, as: UTF8.self) == """
                ref,regime,status,received,due,left,exemptions,outcome,subject
                FOI-2026-000001,foia,open,2026-11-02,2026-12-01,-2,31(1)(a),,"Drone use, 2025"

                """)
    }

    /// One rule everywhere: a count of working days only while the response clock runs. From Fri 20 Nov to Tue 1
    /// Dec 2026: 23–27 Nov and 1 Dec, six; Mon 30 Nov is St Andrew's Day, a Scottish bank holiday, so not a working
    /// day for FOIA.
    @Test func workingDaysLeftOnlyWhileTheResponseClockRuns() throws {
        #expect(try CaseView(open, calendars: calendars, today: d("2026-11-20")).workingDaysLeft == 6)
        #expect(try CaseView(answered, calendars: calendars, today: d("2026-11-20")).workingDaysLeft == nil)
        let row = BoardRow(
            summary: answered, clock: .reviewWindow, due: d("2027-01-20"), provisional: false, workingDaysLeft: 38)
        let board = Board(
            today: d("2026-11-20"), overdue: BoardSection(count: 0, rows: []),
            dueSoon: BoardSection(count: 1, rows: [row]), awaiting: BoardSection(count: 0, rows: []))
        let json = String(
            decoding: try BoardView.render(board, horizon: 5, calendars: calendars, format: .json) { _ in "" }.bytes,
            as: UTF8.self)
        #expect(json.contains(#""workingDaysLeft" : null"#))
        #expect(json.contains(#""workingDaysLeft" : 38"#))
    }

    @Test func theBoardSaysHowToSeeTheRestOfASection() throws {
        let row = BoardRow(
            summary: open, clock: .response, due: d("2026-12-01"), provisional: false, workingDaysLeft: 6)
        // The quarter: 91 of 100 answered in time, 14 still due; 103 of 114 must be in time to keep 90%.
        let board = Board(
            today: d("2026-11-20"), overdue: BoardSection(count: 0, rows: []),
            dueSoon: BoardSection(count: 3, rows: [row]), awaiting: BoardSection(count: 0, rows: []),
            quarter: TimelinessFigures(counts: [.inTime: 90, .withinExtension: 1, .late: 9, .pending: 14]))
        let text = String(
            decoding: try BoardView.render(board, horizon: 5, calendars: calendars, format: .table) { "LIST \($0)" }
                .bytes,
            as: UTF8.self)
        #expect(
            text == """
                Board for Friday 20 November 2026
                This quarter (2026Q4): 91.0% in time, Adequate; 2 of the 14 still due this quarter can be late before \
                it falls under 90% (92.1% if each is answered on its date).

                Overdue (0)

                Due in the next 5 working days (3)
                REF              REGIME  CLOCK     DATE            LEFT  STAGE    SUBJECT
                FOI-2026-000001  FOIA    response  Tue 1 Dec 2026  6     request  Drone use, 2025
                … and 2 more: LIST due-soon

                Waiting on the requester (response clock stopped; the date the request lapses) (0)

                """)
    }
}

/// CSV for spreadsheets: a cell that a spreadsheet would run as a formula is written as text.
@Suite struct CSVTests {
    @Test(
        arguments: [
            ("=HYPERLINK(\"http://x?\"&B2,\"Click\")", "\"'=HYPERLINK(\"\"http://x?\"\"&B2,\"\"Click\"\")\""),
            ("+44 20 7946 0000", "'+44 20 7946 0000"), ("-cmd", "'-cmd"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\tindent", "'\tindent"), ("-3", "-3"), ("+2.5", "+2.5"), ("-", "'-"), ("Drone use", "Drone use"),
            ("a, b", "\"a, b\""),
        ] as [(String, String)])
    func formulasAreWrittenAsText(value: String, field: String) {
        #expect(CSV.field(value) == field)
    }

    @Test func aCaseWhoseSubjectIsAFormulaIsSafeInEveryListing() throws {
        var summary = open
        summary.subject = "=1+1"
        let output = try CaseView.render([summary], calendars: calendars, today: d("2026-12-03"), format: .csv)
        #expect(String(decoding: output.bytes, as: UTF8.self).hasSuffix(",-2,31(1)(a),,'=1+1\n"))
    }
}

/// What a terminal shows: a value's control characters are escaped, so that a typed line break cannot forge a row
/// and an escape sequence cannot retitle the terminal.
@Suite struct PrintableTests {
    @Test func controlCharactersAreShownEscaped() {
        #expect("plain, café – fine".printable == "plain, café – fine")
        #expect("two\nlines\tand\r".printable == #"two\nlines\tand\r"#)
        #expect("\u{1B}]0;pwned\u{07}".printable == #"\u{1B}]0;pwned\u{7}"#)
    }

    @Test func aTableRowCannotBeForged() throws {
        var summary = open
        summary.subject = "x\nFOI-2026-999999  foia  open"
        let text = String(
            decoding: try CaseView.render([summary], calendars: calendars, today: d("2026-11-20"), format: .table)
                .bytes,
            as: UTF8.self)
        #expect(text.split(separator: "\n").count == 2)
        #expect(text.contains(#"x\nFOI-2026-999999  foia  open"#))
    }
}
