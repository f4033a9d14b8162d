import ArgumentParser
import FOIKit
import Foundation

/// `foi deadline`: the statutory due date of a request, on its own or for every row of a spreadsheet.
struct DeadlineCommand: ParsableCommand {
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
            extension_days, extended, working_days, receipt_convention, division. It writes the same rows with a \
            due column added. A bad row stops the run with its line and column named and nothing written.
            """
    )

    @Option(
        help: ArgumentHelp(
            "When the request was received: YYYY-MM-DD, or a timestamp with its zone (2026-06-01T23:30:00+01:00), which is converted to the London date.",
            valueName: "date"))
    var received: String?

    @Option(help: "The regime the request is handled under.")
    var regime: Regime = .foia

    @Option(
        help: ArgumentHelp(
            "The day the requester's clarification arrived: a fresh period runs from it (SAR: the days from --clarification-requested to it do not count).",
            valueName: "date"))
    var clarified: String?

    @Option(
        help: ArgumentHelp(
            "The day clarification was asked for (needed for a SAR; with no --clarified the clock is stopped).",
            valueName: "date"))
    var clarificationRequested: String?

    @Option(
        help: ArgumentHelp(
            "The day a fees notice was given (alone: the clock is stopped and the lapse date shown).", valueName: "date"
        ))
    var feeNotice: String?

    @Option(help: ArgumentHelp("The day the fee was received.", valueName: "date"))
    var feePaid: String?

    @Option(
        name: .customLong("id-received"),
        help: ArgumentHelp("SAR: the day evidence of identity arrived, which moves the start.", valueName: "date"))
    var identityReceived: String?

    @Option(
        help: ArgumentHelp(
            "FOIA s.10(3): further working days for the public interest test. The refusal notice stays due on day 20; the ICO expects at most 20 more.",
            valueName: "n"))
    var extensionDays: Int?

    @Flag(
        help: "Apply the regime's own extension: EIR and EIR(S) reg 7 (40 working days in all), SAR two further months."
    )
    var extended = false

    @Option(
        help: ArgumentHelp(
            "Count this many working days instead of 20: 30 for transferred public records or the Keeper of the Records of Scotland, up to 60 where the ICO specifies.",
            valueName: "n"))
    var workingDays: Int?

    @Option(
        help: ArgumentHelp(
            "FOIA schools rule: a file of days that are not school days (one YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD a line); due on the 20th school day or the 60th working day, whichever is first.",
            valueName: "file"))
    var nonSchoolDays: String?

    @Option(
        help:
            "Day 0 for a request received on a non-working day: statutory (that day; the ICO's reading) or next-working-day."
    )
    var receiptConvention: ReceiptConvention = .statutory

    @Option(help: "SAR: the division whose bank holidays roll a due date forward.")
    var division: Division = .englandAndWales

    @Flag(help: "Show how the date was reached: every non-working day skipped and why, every pause and restart.")
    var explain = false

    @Option(help: "Output format for a single date.")
    var format: TextOrJSON = .text

    @Option(
        help: ArgumentHelp(
            "Bulk mode: a CSV file of requests (- for standard input); writes CSV with a due column.", valueName: "file"
        ))
    var input: String?

    func validate() throws {
        if input == nil && received == nil {
            throw ValidationError("give --received DATE, or --input FILE.csv for bulk mode")
        }
        if input != nil && received != nil { throw ValidationError("give --received or --input, not both") }
        if extended && workingDays != nil { throw ValidationError("give --extended or --working-days, not both") }
        if nonSchoolDays != nil && workingDays != nil {
            throw ValidationError("give --non-school-days or --working-days, not both")
        }
    }

    func run() throws {
        let calendars = try shippedCalendars()
        if let input {
            let bulk = try DeadlineCSV.process(try readInput(input), calendars: calendars)
            FileHandle.standardOutput.write(Data(bulk))
            return
        }
        let options = DeadlineOptions(
            received: try parseReceipt(received!, option: "--received"),
            regime: regime,
            clarified: try clarified.map { try parseReceipt($0, option: "--clarified") },
            clarificationRequested: try clarificationRequested.map {
                try parseDate($0, option: "--clarification-requested")
            },
            feeNotice: try feeNotice.map { try parseDate($0, option: "--fee-notice") },
            feePaid: try feePaid.map { try parseDate($0, option: "--fee-paid") },
            identityReceived: try identityReceived.map { try parseDate($0, option: "--id-received") },
            extensionDays: extensionDays, extended: extended, workingDays: workingDays,
            nonSchoolDays: try nonSchoolDays.map { try Self.readNonSchoolDays($0) },
            convention: receiptConvention, division: division)
        let deadline: ResponseDeadline
        do {
            deadline = try ResponseClock.deadline(for: try options.clockInput(), calendars: calendars)
        } catch {
            throw Failure.refused(error.description)
        }
        var output = OutputBuffer()
        switch format {
        case .json:
            let report = DeadlineReport(deadline, calendars: calendars)
            output.line(String(decoding: try JSONEncoder.output.encode(report), as: UTF8.self))
        case .text:
            DeadlineText.write(deadline, calendars: calendars, explain: explain, to: &output)
        }
        output.flush()
    }

    /// Reads the schools rule's closures: one date, or an inclusive range `A..B`, a line; `#` starts a comment.
    static func readNonSchoolDays(_ path: String) throws -> Set<CivilDate> {
        let text = String(decoding: try readInput(path), as: UTF8.self)
        var days: Set<CivilDate> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line =
                rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?.trimmingCharacters(
                    in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            let ends = line.components(separatedBy: "..")
            do {
                let first = try CivilDate(iso: ends[0])
                let last = ends.count == 2 ? try CivilDate(iso: ends[1]) : first
                guard ends.count <= 2, first <= last else {
                    throw Failure.badInput("\(path), line \(index + 1): '\(line)' is not a date or a range FROM..TO")
                }
                for dayNumber in first.dayNumber...last.dayNumber { days.insert(CivilDate(dayNumber: dayNumber)) }
            } catch let error as CivilDateError {
                throw Failure.badInput("\(path), line \(index + 1): \(error)")
            }
        }
        return days
    }
}

/// The calculator's inputs after parsing, shared by the single and bulk modes.
struct DeadlineOptions {
    var received: CivilDate
    var regime: Regime = .foia
    var clarified: CivilDate?
    var clarificationRequested: CivilDate?
    var feeNotice: CivilDate?
    var feePaid: CivilDate?
    var identityReceived: CivilDate?
    var extensionDays: Int?
    var extended = false
    var workingDays: Int?
    var nonSchoolDays: Set<CivilDate>?
    var convention: ReceiptConvention = .statutory
    var division: Division = .englandAndWales

    /// The engine's input; refuses a fee payment with no notice.
    func clockInput() throws(DeadlineError) -> ResponseClockInput {
        var fees: [FeePeriod] = []
        if let feeNotice {
            fees.append(FeePeriod(notice: feeNotice, paid: feePaid))
        } else if feePaid != nil {
            throw .feePaidWithoutNotice
        }
        var clarifications: [Clarification] = []
        if clarified != nil || clarificationRequested != nil {
            clarifications.append(Clarification(requested: clarificationRequested, received: clarified))
        }
        let rule: ComplianceRule =
            if let nonSchoolDays {
                .school(nonSchoolDays: nonSchoolDays)
            } else if let workingDays {
                .workingDays(workingDays, citation: "\(workingDays) working days, as given")
            } else {
                .standard
            }
        return ResponseClockInput(
            regime: regime, received: received, convention: convention, clarifications: clarifications, fees: fees,
            identityConfirmed: identityReceived, publicInterestExtension: extensionDays, statutoryExtension: extended,
            rule: rule, rollForwardDivision: division)
    }
}

/// The JSON of `foi deadline --format json` (documented in the README).
struct DeadlineReport: Encodable {
    var regime: Regime
    var received: CivilDate
    var dayZero: CivilDate
    var status: String
    @NullWhenAbsent var due: CivilDate?
    @NullWhenAbsent var dueWeekday: String?
    @NullWhenAbsent var workingDays: Int?
    var citation: String
    @NullWhenAbsent var extendedDue: CivilDate?
    @NullWhenAbsent var stoppedSince: CivilDate? = nil
    @NullWhenAbsent var feeLapses: CivilDate? = nil
    var provisional: Bool
    var skipped: [NonWorkingDay]
    var explanation: [String]
    var warnings: [String]

    init(_ deadline: ResponseDeadline, calendars: Calendars) {
        regime = deadline.input.regime
        received = deadline.input.received
        dayZero = deadline.dayZero
        due = deadline.due
        dueWeekday = deadline.due?.weekday.name
        workingDays = deadline.workingDays
        citation = deadline.citation
        extendedDue = deadline.extendedDue
        provisional = deadline.provisional
        skipped = deadline.skippedDays(calendars: calendars)
        explanation = deadline.explanation(calendars: calendars)
        warnings = deadline.warnings.map(\.description)
        switch deadline.state {
        case .running:
            status = "running"
        case .awaitingClarification(let since):
            status = "awaiting-clarification"
            stoppedSince = since
        case .awaitingFee(let since, let lapses):
            status = "awaiting-fee"
            stoppedSince = since
            feeLapses = lapses
        }
    }
}

/// The text of `foi deadline` for people.
enum DeadlineText {
    static func write(_ deadline: ResponseDeadline, calendars: Calendars, explain: Bool, to output: inout OutputBuffer)
    {
        let regime = deadline.input.regime.shortName
        let provisional = deadline.provisional ? " (provisional)" : ""
        switch deadline.state {
        case .running:
            let due = deadline.due!
            output.line("\(regime) response due by \(due.fullDescription) (\(due))\(provisional)")
            if let extended = deadline.extendedDue {
                output.line(
                    "Public interest decision estimated by \(extended.longDescription) (\(extended)); the refusal notice is due by the date above."
                )
            }
        case .awaitingClarification(let since):
            output.line("\(regime) response clock stopped: awaiting clarification requested \(since.longDescription).")
        case .awaitingFee(let since, let lapses):
            let lapse = lapses.map { "; the request lapses if unpaid after \($0.longDescription) (\($0))" } ?? ""
            output.line(
                "\(regime) response clock stopped: awaiting the fee from the notice of \(since.longDescription)\(lapse)."
            )
        }
        if !explain {
            for warning in deadline.warnings { output.line("Note: \(warning).") }
            return
        }
        output.line()
        output.line("How it was reached:")
        for step in deadline.explanation(calendars: calendars) { output.line("  - \(step)") }
        let skipped = deadline.skippedDays(calendars: calendars)
        output.line()
        output.line("Non-working days skipped (\(skipped.count)):")
        for day in skipped {
            output.line("  \(day.date.longDescription.padding(toLength: 18, withPad: " ", startingAt: 0))\(day.reason)")
        }
    }
}
