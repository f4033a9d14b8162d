import FOIKit

/// A case as `list`, `board` and `show` give it: the JSON object documented in the README, and the row of a table
/// or CSV.
public struct CaseView: Encodable, Sendable {
    public var ref: String
    public var regime: Regime
    public var status: CaseStatus
    public var stage: CaseStage
    public var statusSince: CivilDate
    public var received: CivilDate
    @NullWhenAbsent public var due: CivilDate?
    @NullWhenAbsent public var extendedFrom: CivilDate?
    @NullWhenAbsent public var workingDaysLeft: Int?
    public var provisional: Bool
    public var subject: String
    public var channel: Channel
    public var exemptions: [ExemptionJSON]
    @NullWhenAbsent public var outcome: Outcome?
    @NullWhenAbsent public var respondedOn: CivilDate?
    /// The officer handling the case; absent while no one is assigned.
    public var handler: String?

    public struct ExemptionJSON: Encodable, Sendable {
        public var citation: String
        public var part: Regime
        public var ncnd: Bool
        @NullWhenAbsent public var publicInterest: PublicInterestConclusion?
    }

    /// The case as it stands on `today`; working days are counted only while its response clock runs.
    public init(_ summary: CaseSummary, calendars: Calendars, today: CivilDate) throws(DeadlineError) {
        self.init(summary, workingDaysLeft: try calendars.workingDaysLeft(summary, today: today))
    }

    private init(_ summary: CaseSummary, workingDaysLeft: Int?) {
        ref = summary.ref.rawValue
        regime = summary.regime
        status = summary.status
        stage = summary.stage
        statusSince = summary.statusSince
        received = summary.received
        due = summary.due
        extendedFrom = summary.extendedFrom
        self.workingDaysLeft = workingDaysLeft
        provisional = summary.provisional
        subject = summary.subject
        channel = summary.channel
        exemptions = summary.exemptions.map {
            ExemptionJSON(
                citation: $0.citation, part: $0.part, ncnd: $0.neitherConfirmNorDeny, publicInterest: $0.publicInterest)
        }
        outcome = summary.outcome
        respondedOn = summary.respondedOn
        handler = summary.handler
    }

    /// The columns of a case in a table or CSV.
    public static let columns = [
        "ref", "regime", "status", "received", "due", "left", "exemptions", "outcome", "subject",
    ]

    /// The case as a table row, for people.
    public var row: [String] {
        [
            ref, regime.rawValue, status.rawValue, received.description,
            due.map { "\($0.longDescription)\(provisional ? " (provisional)" : "")" } ?? "-",
            workingDaysLeft.map(Self.left) ?? "-",
            exemptions.map { "\($0.citation)\($0.ncnd ? " NCND" : "")" }.joined(separator: "; "),
            outcome?.rawValue ?? "", subject,
        ]
    }

    /// The case as a CSV row, for scripts.
    public var csvRow: [String] {
        [
            ref, regime.rawValue, status.rawValue, received.description, due?.description ?? "",
            workingDaysLeft.map(String.init) ?? "", exemptions.map(\.citation).joined(separator: ";"),
            outcome?.rawValue ?? "", subject,
        ]
    }

    /// `3`, or `2 late` for a negative count.
    public static func left(_ workingDays: Int) -> String {
        workingDays < 0 ? "\(-workingDays) late" : "\(workingDays)"
    }

    /// `summaries` as a table, JSON or CSV.
    public static func render(_ summaries: [CaseSummary], calendars: Calendars, today: CivilDate, format: OutputFormat)
        throws -> TextOutput
    {
        let views = try summaries.map { try CaseView($0, calendars: calendars, today: today) }
        var output = TextOutput()
        switch format {
        case .json:
            try output.json(views)
        case .csv:
            output.write(CSV.line(columns))
            for view in views { output.write(CSV.line(view.csvRow)) }
        case .table:
            if views.isEmpty {
                output.line("No cases.")
            } else {
                output.write(Table.render(header: columns, rows: views.map(\.row)))
            }
        }
        return output
    }
}
