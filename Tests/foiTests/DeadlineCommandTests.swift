import FOITestSupport
import Foundation
import Testing

@Suite struct DeadlineCommandTests {
    @Test func printsTheDueDateWithItsWeekday() throws {
        let run = try foi(["deadline", "--received", "2020-12-08"])
        #expect(run.status == 0)
        #expect(run.stdout == "FOIA response due by Monday 11 January 2021 (2021-01-11)\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func explainListsEverySkippedDayWithItsDivision() throws {
        let run = try foi(["deadline", "--received", "2025-03-10", "--explain"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("due by Tuesday 8 April 2025"))
        #expect(run.stdout.contains("Mon 17 Mar 2025   St Patrick’s Day (Northern Ireland)"))
        #expect(run.stdout.contains("Non-working days skipped (9):"))
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let run = try foi([
            "deadline", "--received", "2026-01-05", "--fee-notice", "2026-01-13", "--fee-paid", "2026-01-26",
            "--format", "json",
        ])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["regime"] as? String == "foia")
        #expect(object["received"] as? String == "2026-01-05")
        #expect(object["due"] as? String == "2026-02-16")
        #expect(object["provisional"] as? Bool == false)
        #expect(object["status"] as? String == "running")
        let skipped = try #require(object["skipped"] as? [[String: String]])
        #expect(skipped.first == ["date": "2026-01-10", "reason": "Saturday"])
        #expect(object["extendedDue"] is NSNull)
    }

    @Test func stoppedClockHasANullDueDateAndTheLapseDate() throws {
        let run = try foi(["deadline", "--received", "2026-03-02", "--fee-notice", "2026-03-15", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["due"] is NSNull)
        #expect(object["status"] as? String == "awaiting-fee")
        #expect(object["feeLapses"] as? String == "2026-06-14")
    }

    @Test func provisionalBeyondThePublishedData() throws {
        let run = try foi(["deadline", "--received", "2030-11-18", "--regime", "foisa"])
        #expect(run.stdout == "FOISA response due by Tuesday 17 December 2030 (2030-12-17) (provisional)\n")
    }

    @Test func timestampsAreConvertedToTheLondonDate() throws {
        let run = try foi(["deadline", "--received", "2026-06-01T23:30:00Z", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["received"] as? String == "2026-06-02")
    }

    @Test(
        arguments: [
            (
                ["deadline", "--received", "2023-02-30"], Int32(64),
                "Error: --received: '2023-02-30' is not a real date: February 2023 has 28 days\n"
            ),
            (
                ["deadline", "--received", "2026-01-05", "--clarified", "2026-01-02"], 1,
                "Error: the clarification (2026-01-02) cannot come before the request was received (2026-01-05); check "
                    + "both dates\n"
            ),
            (
                ["deadline", "--received", "2026-01-05", "--fee-notice", "2026-01-13", "--fee-paid", "2026-01-12"], 1,
                "Error: the fee cannot be paid (2026-01-12) before the fees notice was given (2026-01-13); check both "
                    + "dates\n"
            ),
            (
                ["deadline", "--received", "2026-01-05", "--regime", "foisa", "--extension-days", "10"], 1,
                "Error: FOISA has no such extension: FOISA allows no extension of its 20 working days\n"
            ),
        ] as [([String], Int32, String)])
    func badInputIsOneLineOnStderrAndANonZeroExit(arguments: [String], status: Int32, message: String) throws {
        let run = try foi(arguments)
        #expect(run.status == status)
        #expect(run.stderr == message)
        #expect(run.stdout.isEmpty)
    }

    @Test func unknownRegimeIsAUsageError() throws {
        let run = try foi(["deadline", "--received", "2026-01-05", "--regime", "gdpr"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: The value 'gdpr' is invalid for '--regime <regime>'"))
    }

    /// Input files are read as streams (a pipe or /dev/stdin works like a file), and lines may end in CR LF.
    @Test func inputFilesMayBePipesAndWindowsFiles() throws {
        let piped = try foi(["deadline", "--input", "/dev/stdin"], input: "received\r\n2026-01-05\r\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == "received,due,extended_due,status,provisional\n2026-01-05,2026-02-02,,running,false\n")
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let closures = directory.appendingPathComponent("closures.txt")
        try Data("# summer holidays\r\n2026-07-20..2026-09-01\r\n".utf8).write(to: closures)
        let school = try foi([
            "deadline", "--received", "2026-07-01", "--non-school-days", closures.path, "--format", "json",
        ])
        #expect(school.status == 0, "\(school.stderr)")
        #expect(school.stdout.contains(#""due" : "2026-09-14""#))
    }

    @Test func bulkModeAddsADueColumnAndKeepsOtherColumns() throws {
        let csv = """
            ref,received,regime,clarified,fee_notice,fee_paid,extended,note
            A-1,2020-12-08,,,,,,"Leicestershire, NCND"
            A-2,2025-03-10,foisa,,,,,
            A-3,2026-01-05,foia,,2026-01-13,2026-01-26,,
            A-4,2026-01-05,eir,,,,true,
            A-5,2026-03-02,foia,,2026-03-15,,,unpaid

            """
        let run = try foi(["deadline", "--input", "-"], input: csv)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                ref,received,regime,clarified,fee_notice,fee_paid,extended,note,due,extended_due,status,provisional
                A-1,2020-12-08,,,,,,"Leicestershire, NCND",2021-01-11,,running,false
                A-2,2025-03-10,foisa,,,,,,2025-04-07,,running,false
                A-3,2026-01-05,foia,,2026-01-13,2026-01-26,,,2026-02-16,,running,false
                A-4,2026-01-05,eir,,,,true,,2026-03-02,,running,false
                A-5,2026-03-02,foia,,2026-03-15,,,unpaid,,,awaiting-fee,false

                """)
    }

    /// The extension a spreadsheet asks for, the clock's state, and dates as spreadsheets write them (day-first).
    /// Received Mon 5 Jan 2026, due Mon 2 Feb; 20 working days more run to Mon 2 Mar (Feb 3 to Mar 2). Received
    /// in 2029, past the holidays published (to 2028), the date is provisional. A cell that would run as a formula
    /// is neutralised, a `due` column already there replaced.
    @Test func bulkModeGivesTheExtensionTheStateAndTakesDayFirstDates() throws {
        let csv = """
            received,regime,extension_days,clarification_requested,due,note
            5/1/2026,foia,20,,2026-01-30,
            05 January 2026,foia,,07/01/26,,
            Friday 5th January 2029,foia,,,,=SUM(A1)

            """
        let run = try foi(["deadline", "--input", "-"], input: csv)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                received,regime,extension_days,clarification_requested,due,note,extended_due,status,provisional
                5/1/2026,foia,20,,2026-02-02,,2026-03-02,running,false
                05 January 2026,foia,,07/01/26,,,,awaiting-clarification,false
                Friday 5th January 2029,foia,,,2029-02-02,'=SUM(A1),,running,true

                """)
        let american = try foi(["deadline", "--input", "-"], input: "received\n12/25/2026\n")
        #expect(american.status == 65 && american.stdout.isEmpty)
        #expect(
            american.stderr
                == "Error: line 2, column 'received': '12/25/2026' reads only month-first (US-style); dates are read "
                + "day-first: write it as day/month/year\n")
    }

    @Test(
        arguments: [
            (
                "received,regime\n2026-01-05,foia\n2026-02-30,foia\n",
                "Error: line 3, column 'received': '2026-02-30' is not a real date: February 2026 has 28 days\n"
            ),
            (
                "received,regime\n2026-01-05,gdpr\n",
                "Error: line 2, column 'regime': 'gdpr' is not one of foia, eir, foisa, eirs, sar\n"
            ),
            ("regime\nfoia\n", "Error: line 1: the header has no 'received' column (it has: 'regime')\n"),
            (
                "received,fee_notice,fee_paid\n2026-01-05,2026-01-13,2026-01-12\n",
                "Error: line 2: the fee cannot be paid (2026-01-12) before the fees notice was given (2026-01-13); "
                    + "check both dates\n"
            ),
            ("received,regime\n2026-01-05\n", "Error: line 2: 1 fields where the header has 2\n"),
        ] as [(String, String)])
    func aBadRowStopsTheRunWithItsLineAndNothingOnStdout(csv: String, message: String) throws {
        let run = try foi(["deadline", "--input", "-"], input: csv)
        #expect(run.status == 65)
        #expect(run.stderr == message)
        #expect(run.stdout.isEmpty)
    }

    /// An Excel workbook is read like a CSV: its first sheet, or the one named, dates by their cells' format.
    @Test func bulkModeReadsAnExcelWorkbook() throws {
        let workbook = Fixtures.directory.appendingPathComponent("xlsx/openpyxl.xlsx").path
        let run = try foi(["deadline", "--input", workbook, "--sheet", "Requests"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                Ref,Received,Regime,Extension days,Note,due,extended_due,status,provisional
                A-1,2026-01-05,foia,20,"Shared, with a comma",2026-02-02,2026-03-02,running,false
                A-2,2026-11-02,eir,,,2026-12-01,,running,false
                A-3,05/01/2026,foia,,typed as text,2026-02-02,,running,false

                """)
        let first = try foi(["deadline", "--input", workbook])
        #expect(first.status == 65 && first.stdout.isEmpty)
        #expect(
            first.stderr
                == "Error: line 1: the header has no 'received' column (it has: 'This sheet is not the requests')\n")
        let missing = try foi(["deadline", "--input", workbook, "--sheet", "Nope"])
        #expect(
            missing.status == 65
                && missing.stderr == "Error: the workbook has no sheet 'Nope' (it has 'Notes', 'Requests')\n")
    }
}
