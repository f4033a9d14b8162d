import FOIKit
import Foundation

/// The ICO's view of timeliness: per month and for the whole period, requests and internal reviews falling due,
/// with the share in time and its band; and the early warning for the quarter of the as-at date.
public struct TimelinessReport: Sendable {
    public var period: ReportingPeriod
    public var asAt: CivilDate
    /// The entries falling due in the period.
    public var entries: [TimelinessEntry]
    /// The entries falling due in the quarter of the as-at date (the early warning's).
    public var quarterEntries: [TimelinessEntry]
    /// The ICO's own measure, for requests and for reviews: those closed in the period, whenever received.
    public var closed: [ClosedInPeriodFigures]

    public init(
        period: ReportingPeriod, asAt: CivilDate, entries: [TimelinessEntry], quarterEntries: [TimelinessEntry],
        closed: [ClosedInPeriodFigures] = []
    ) {
        self.period = period
        self.asAt = asAt
        self.entries = entries
        self.quarterEntries = quarterEntries
        self.closed = closed
    }

    /// The ICO's measure in JSON.
    struct Closed: Encodable {
        var kind: TimelinessEntry.Kind
        var closed, closedInTime, overdueAtEnd: Int
        var percentInTime: Double?
        var band: TimelinessBand?

        init(_ figures: ClosedInPeriodFigures) {
            kind = figures.kind
            closed = figures.closed
            closedInTime = figures.closedInTime
            overdueAtEnd = figures.overdueAtEnd
            percentInTime = figures.percentInTime.map(Row.rounded)
            band = figures.band
        }
    }

    /// The ICO's measure in a sentence: `Requests closed in 2026Q3 (FOIA and EIR, whenever received): 19, 16 in
    /// time (84.2%, Unsatisfactory); 2 overdue at 30 September 2026.`
    func closedLine(_ figures: ClosedInPeriodFigures) -> String {
        let end = min(period.dates.upperBound, asAt)
        let rate = figures.percentInTime.map { " (\(Self.percent($0)), \(figures.band?.rawValue ?? ""))" } ?? ""
        return "\(figures.kind == .request ? "Requests" : "Internal reviews") closed in \(period) (FOIA and EIR, "
            + "whenever received): \(figures.closed), \(figures.closedInTime) in time\(rate); "
            + "\(figures.overdueAtEnd) overdue at \(end.longDescription)."
    }

    /// One line of figures: a month, or the whole period, for requests or reviews.
    struct Row: Encodable {
        var period: String
        var kind: TimelinessEntry.Kind
        var inTime, withinExtension, late, pending: Int
        var percentInTime: Double?
        var percentWithinStatutoryDate: Double?
        var band: TimelinessBand?

        init(_ period: ReportingPeriod, _ kind: TimelinessEntry.Kind, _ entries: [TimelinessEntry], asAt: CivilDate) {
            let range = period.dates
            let figures = TimelinessFigures(entries.filter { $0.kind == kind && range.contains($0.due) }, asAt: asAt)
            self.period = period.description
            self.kind = kind
            inTime = figures[.inTime]
            withinExtension = figures[.withinExtension]
            late = figures[.late]
            pending = figures[.pending]
            percentInTime = figures.percentInTime.map(Self.rounded)
            percentWithinStatutoryDate = figures.percentWithinStatutoryDate.map(Self.rounded)
            band = figures.band
        }

        static func rounded(_ percent: Double) -> Double { (percent * 10).rounded() / 10 }
    }

    var rows: [Row] {
        let periods = period.length == .month ? [period] : period.months + [period]
        return [TimelinessEntry.Kind.request, .review].flatMap { kind in
            periods.map { Row($0, kind, entries, asAt: asAt) }
        }
    }

    /// The early warning: the quarter's requests so far, how many of those still due can be late, and which are
    /// at risk.
    struct Warning: Encodable {
        var quarter: String
        var percentInTime: Double?
        var band: TimelinessBand?
        var stillDue: Int
        var lateAllowedAt90: Int
        var lateAllowedAt95: Int
        var projectedPercent: Double?
        var atRisk: [AtRisk]

        struct AtRisk: Encodable {
            var ref: String
            var due: CivilDate
            var workingDaysLeft: Int
        }
    }

    /// Working days to look ahead for requests at risk.
    public static let riskHorizon = 5
    /// How many of them the table names.
    static let riskListed = 20

    func warning(calendars: Calendars) -> Warning {
        let requests = quarterEntries.filter { $0.kind == .request }
        let figures = TimelinessFigures(requests, asAt: asAt)
        // Counted in each request's own calendar: under FOIA a bank holiday anywhere in the UK stops the count, so
        // five working days can span thirteen calendar days over the New Year.
        let atRisk = requests.filter { $0.standing(asAt: asAt) == .pending }.compactMap {
            entry -> Warning.AtRisk? in
            guard let left = try? calendars.workingDaysLeft(until: entry.due, regime: entry.regime, today: asAt),
                left <= Self.riskHorizon
            else { return nil }
            return Warning.AtRisk(ref: entry.reference.rawValue, due: entry.due, workingDaysLeft: left)
        }
        return Warning(
            quarter: ReportingPeriod.quarter(of: asAt).description,
            percentInTime: figures.percentInTime.map(Row.rounded),
            band: figures.band, stillDue: figures[.pending], lateAllowedAt90: figures.lateAllowed(keeping: 90),
            lateAllowedAt95: figures.lateAllowed(keeping: 95),
            projectedPercent: figures.projectedPercent.map(Row.rounded),
            atRisk: atRisk)
    }

    /// The early warning in a sentence, as the board opens with it.
    static func warningLine(quarter: ReportingPeriod, _ figures: TimelinessFigures) -> String {
        let now =
            figures.percentInTime.map { "\(percent($0)) in time, \(figures.band?.rawValue ?? "")" }
            ?? "no request due yet"
        var line = "This quarter (\(quarter)): \(now)"
        let stillDue = figures[.pending]
        if stillDue > 0 {
            let allowed = figures.lateAllowed(keeping: 90)
            line +=
                allowed < 0
                ? "; even with \(stillDue == 1 ? "the one" : "all \(stillDue)") still due answered in time it stays "
                    + "under 90%"
                : "; \(min(allowed, stillDue)) of the \(stillDue) still due this quarter can be late before it falls "
                    + "under 90%"
            if let projected = figures.projectedPercent {
                line += " (\(percent(projected)) if each is answered on its date)"
            }
        }
        return line + "."
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value) }
}

public enum TimelinessView {
    /// The report as a table with the early warning, JSON, or CSV (a row per period and kind, for a spreadsheet).
    public static func render(_ report: TimelinessReport, calendars: Calendars, format: OutputFormat) throws
        -> TextOutput
    {
        var output = TextOutput()
        let rows = report.rows
        let warning = report.warning(calendars: calendars)
        switch format {
        case .json:
            struct Document: Encodable {
                var period: String
                var asAt: CivilDate
                var closedInPeriod: [TimelinessReport.Closed]
                var rows: [TimelinessReport.Row]
                var earlyWarning: TimelinessReport.Warning
            }
            try output.json(
                Document(
                    period: report.period.description, asAt: report.asAt,
                    closedInPeriod: report.closed.map(TimelinessReport.Closed.init), rows: rows,
                    earlyWarning: warning))
        case .csv:
            output.write(
                CSV.line([
                    "period", "kind", "in_time", "within_extension", "late", "pending", "percent_in_time",
                    "percent_within_statutory_date", "band",
                ]))
            for row in rows {
                output.write(
                    CSV.line([
                        row.period, row.kind.rawValue, "\(row.inTime)", "\(row.withinExtension)", "\(row.late)",
                        "\(row.pending)", row.percentInTime.map { "\($0)" } ?? "",
                        row.percentWithinStatutoryDate.map { "\($0)" } ?? "", row.band?.rawValue ?? "",
                    ]))
            }
        case .table:
            // The ICO's own measure first; the figures by due date after it, as the office manages by them.
            for figures in report.closed { output.printableLine(report.closedLine(figures)) }
            if !report.closed.isEmpty { output.printableLine() }
            output.printableLine(
                "By due date, as at \(report.asAt.longDescription): requests and internal reviews falling due in "
                    + "\(report.period) (all regimes)")
            output.printableLine()
            output.write(
                Table.render(
                    header: [
                        "period", "kind", "in time", "extended", "late", "pending", "% in time", "% by date", "band",
                    ],
                    rows: rows.map { row in
                        [
                            row.period, row.kind.rawValue, "\(row.inTime)", "\(row.withinExtension)", "\(row.late)",
                            "\(row.pending)", row.percentInTime.map(TimelinessReport.percent) ?? "-",
                            row.percentWithinStatutoryDate.map(TimelinessReport.percent) ?? "-",
                            row.band?.rawValue ?? "-",
                        ]
                    }))
            output.printableLine()
            output.printableLine(
                TimelinessReport.warningLine(
                    quarter: ReportingPeriod.quarter(of: report.asAt),
                    TimelinessFigures(report.quarterEntries.filter { $0.kind == .request }, asAt: report.asAt)))
            if !warning.atRisk.isEmpty {
                output.printableLine(
                    "At risk (due within \(TimelinessReport.riskHorizon) working days, no response): "
                        + "\(warning.atRisk.count)")
                // The table names the first; the JSON has them all.
                for risk in warning.atRisk.prefix(TimelinessReport.riskListed) {
                    output.printableLine(
                        "  \(risk.ref)  due \(risk.due.longDescription)"
                            + (risk.workingDaysLeft == 0 ? " (today)" : " (\(risk.workingDaysLeft) left)"))
                }
                if warning.atRisk.count > TimelinessReport.riskListed {
                    let more = warning.atRisk.count - TimelinessReport.riskListed
                    output.printableLine("  … and \(more) more (the JSON lists them all)")
                }
            }
        }
        return output
    }
}
