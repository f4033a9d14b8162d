import FOIKit

/// The calculator's inputs after parsing, shared by the single and bulk modes.
public struct DeadlineQuery: Sendable {
    public var received: CivilDate
    public var regime: Regime = .foia
    public var clarified: CivilDate?
    public var clarificationRequested: CivilDate?
    public var feeNotice: CivilDate?
    public var feePaid: CivilDate?
    public var identityReceived: CivilDate?
    public var extensionDays: Int?
    public var extended: Bool
    public var workingDays: Int?
    public var nonSchoolDays: Set<CivilDate>?
    public var convention: ReceiptConvention = .statutory
    public var division: Division = .englandAndWales

    public init(
        received: CivilDate, regime: Regime = .foia, clarified: CivilDate? = nil,
        clarificationRequested: CivilDate? = nil, feeNotice: CivilDate? = nil, feePaid: CivilDate? = nil,
        identityReceived: CivilDate? = nil, extensionDays: Int? = nil, extended: Bool = false, workingDays: Int? = nil,
        nonSchoolDays: Set<CivilDate>? = nil, convention: ReceiptConvention = .statutory,
        division: Division = .englandAndWales
    ) {
        self.received = received
        self.regime = regime
        self.clarified = clarified
        self.clarificationRequested = clarificationRequested
        self.feeNotice = feeNotice
        self.feePaid = feePaid
        self.identityReceived = identityReceived
        self.extensionDays = extensionDays
        self.extended = extended
        self.workingDays = workingDays
        self.nonSchoolDays = nonSchoolDays
        self.convention = convention
        self.division = division
    }

    /// The engine's input; refuses a fee payment with no notice.
    public func clockInput() throws(DeadlineError) -> ResponseClockInput {
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
public struct DeadlineReport: Encodable {
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

    public init(_ deadline: ResponseDeadline, calendars: Calendars) {
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
public enum DeadlineText {
    public static func write(
        _ deadline: ResponseDeadline, calendars: Calendars, explain: Bool, to output: inout TextOutput
    ) {
        let regime = deadline.input.regime.shortName
        let provisional = deadline.provisional ? " (provisional)" : ""
        switch deadline.state {
        case .running:
            // A running clock has its date.
            guard let due = deadline.due else { break }
            output.line("\(regime) response due by \(due.fullDescription) (\(due))\(provisional)")
            if let extended = deadline.extendedDue {
                output.line(
                    "Public interest decision estimated by \(extended.longDescription) (\(extended)); the refusal "
                        + "notice is due by the date above."
                )
            }
        case .awaitingClarification(let since):
            output.line("\(regime) response clock stopped: awaiting clarification requested \(since.longDescription).")
        case .awaitingFee(let since, let lapses):
            let lapse = lapses.map { "; the request lapses if unpaid after \($0.longDescription) (\($0))" } ?? ""
            output.line(
                "\(regime) response clock stopped: awaiting the fee from the notice of "
                    + "\(since.longDescription)\(lapse)."
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
