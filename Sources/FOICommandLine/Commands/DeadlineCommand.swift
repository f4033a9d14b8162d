import ArgumentParser
import FOIApp
import FOIIntake
import FOIKit
import FOIResources
import FOIViews
import Foundation

/// `foi deadline`: the statutory due date of a request, on its own or for every row of a spreadsheet.
struct DeadlineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Work out when a response is due.",
        discussion: """
            FOIA s.10(1), EIR reg 5(2), FOISA s.10(1) and EIR(S) reg 5(2): 20 working days following the date of \
            receipt, which is day 0 (a Saturday request has Friday's deadline unless --receipt-convention \
            next-working-day). A clarification (s.1(3)) restarts a fresh 20 working days from the day it arrives; the \
            working days from a fees notice to the payment, both inclusive, do not count (s.10(2)). A subject access \
            request (sar) is due on the corresponding date a month on, rolled forward past weekends and bank holidays. \
            Dates after 2028 use holidays generated from the statutory rules and are marked provisional.

            Bulk mode: --input FILE.csv (or - for standard input) reads a CSV with a header row: received (required), \
            and optionally regime, clarified, clarification_requested, fee_notice, fee_paid, id_received, \
            extension_days, extended, working_days, receipt_convention, division (case and spaces do not matter: \
            'Extension days' is extension_days). Dates may be ISO or day-first as spreadsheets write them. It writes \
            the same rows with due, extended_due, status and provisional columns. An Excel workbook (.xlsx) is read \
            the same way from its first sheet (--sheet NAME for another), dates by their cells' format; a line \
            number is then the sheet's row. A bad row stops the run with its line and column named and nothing \
            written.
            """
    )

    @Option(
        help: ArgumentHelp(
            "When the request was received: YYYY-MM-DD, or a timestamp with its zone (2026-06-01T23:30:00+01:00), "
                + "which is converted to the London date.",
            valueName: "date"))
    var received: DateOrTimestamp?

    @Option(help: "The regime the request is handled under.")
    var regime: Regime = .foia

    @Option(
        help: ArgumentHelp(
            "The day the requester's clarification arrived: a fresh period runs from it (SAR: the days from "
                + "--clarification-requested to it do not count).",
            valueName: "date"))
    var clarified: DateOrTimestamp?

    @Option(
        help: ArgumentHelp(
            "The day clarification was asked for (needed for a SAR; with no --clarified the clock is stopped).",
            valueName: "date"))
    var clarificationRequested: CivilDate?

    @Option(
        help: ArgumentHelp(
            "The day a fees notice was given (alone: the clock is stopped and the lapse date shown).", valueName: "date"
        ))
    var feeNotice: CivilDate?

    @Option(help: ArgumentHelp("The day the fee was received.", valueName: "date"))
    var feePaid: CivilDate?

    @Option(
        name: .customLong("id-received"),
        help: ArgumentHelp("SAR: the day evidence of identity arrived, which moves the start.", valueName: "date"))
    var identityReceived: CivilDate?

    @Option(
        help: ArgumentHelp(
            "FOIA s.10(3): further working days for the public interest test. The refusal notice stays due on day "
                + "20; the ICO expects at most 20 more.",
            valueName: "n"))
    var extensionDays: Int?

    @Flag(
        help: "Apply the regime's own extension: EIR and EIR(S) reg 7 (40 working days in all), SAR two further months."
    )
    var extended = false

    @Option(
        help: ArgumentHelp(
            "Count this many working days instead of 20: 30 for transferred public records or the Keeper of the "
                + "Records of Scotland, up to 60 where the ICO specifies.",
            valueName: "n"))
    var workingDays: Int?

    @Option(
        help: ArgumentHelp(
            "FOIA schools rule: a file of days that are not school days (one YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD a "
                + "line); due on the 20th school day or the 60th working day, whichever is first.",
            valueName: "file"))
    var nonSchoolDays: String?

    @Option(
        help: ArgumentHelp(
            "Day 0 for a request received on a non-working day: statutory (that day; the ICO's reading) or "
                + "next-working-day."))
    var receiptConvention: ReceiptConvention = .statutory

    @Option(help: "SAR: the division whose bank holidays roll a due date forward.")
    var division: Division = .englandAndWales

    @Flag(help: "Show how the date was reached: every non-working day skipped and why, every pause and restart.")
    var explain = false

    @Option(help: "Output format for a single date.")
    var format: TextOrJSON = .text

    @Option(
        help: ArgumentHelp(
            "Bulk mode: a CSV or Excel (.xlsx) file of requests (- for standard input); writes CSV with the dates.",
            valueName: "file"))
    var input: String?

    @Option(help: ArgumentHelp("Bulk mode, Excel: the sheet to read (default: the first).", valueName: "name"))
    var sheet: String?

    func validate() throws {
        if input == nil && received == nil {
            throw ValidationError("give --received DATE, or --input FILE.csv for bulk mode")
        }
        if input != nil && received != nil { throw ValidationError("give --received or --input, not both") }
        if sheet != nil && input == nil { throw ValidationError("--sheet goes with --input FILE.xlsx") }
        if extended && workingDays != nil { throw ValidationError("give --extended or --working-days, not both") }
        if nonSchoolDays != nil && workingDays != nil {
            throw ValidationError("give --non-school-days or --working-days, not both")
        }
    }

    func run() async throws {
        let calendars = try perform { Calendars(holidays: try HolidaySet(govUKJSON: Seeds.bankHolidaysJSON)) }
        if let input {
            let bulk = try perform {
                var bytes = try readInput(input, limit: InputLimit.spreadsheet)
                bytes =
                    XLSX.isPackage(bytes)
                    ? DeadlineSheet.csv(of: try XLSX.sheet(bytes, named: sheet)) : try utf8Text(bytes, from: input)
                return try DeadlineSheet.process(bytes, calendars: calendars)
            }
            FileHandle.standardOutput.write(Data(bulk))
            return
        }
        guard let received else { return }
        let query = DeadlineQuery(
            received: received.date, regime: regime, clarified: clarified?.date,
            clarificationRequested: clarificationRequested, feeNotice: feeNotice, feePaid: feePaid,
            identityReceived: identityReceived, extensionDays: extensionDays, extended: extended,
            workingDays: workingDays, nonSchoolDays: try nonSchoolDays.map { try readNonSchoolDays($0) },
            convention: receiptConvention, division: division)
        let deadline = try perform {
            try ResponseClock.deadline(for: try query.clockInput(), calendars: calendars)
        }
        var output = TextOutput()
        switch format {
        case .json:
            try output.json(DeadlineReport(deadline, calendars: calendars))
        case .text:
            DeadlineText.write(deadline, calendars: calendars, explain: explain, to: &output)
        }
        output.flush()
    }
}
