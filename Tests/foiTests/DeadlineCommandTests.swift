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
        #expect(piped.stdout == "received,due\n2026-01-05,2026-02-02\n")
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
                ref,received,regime,clarified,fee_notice,fee_paid,extended,note,due
                A-1,2020-12-08,,,,,,"Leicestershire, NCND",2021-01-11
                A-2,2025-03-10,foisa,,,,,,2025-04-07
                A-3,2026-01-05,foia,,2026-01-13,2026-01-26,,,2026-02-16
                A-4,2026-01-05,eir,,,,true,,2026-03-02
                A-5,2026-03-02,foia,,2026-03-15,,,unpaid,

                """)
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
            ("regime\nfoia\n", "Error: line 1: the header has no 'received' column (it has: regime)\n"),
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
}
