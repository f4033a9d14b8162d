import FOIKit
import Foundation

/// The period's figures as one self-contained HTML page with inline SVG charts (no script, nothing fetched): the
/// page an officer sends to the board or the information governance group rather than a table of numbers.
public enum ReportView {
    public static func render(
        _ report: TimelinessReport, activity: PeriodActivity, delays: DelayReport, names: Names, authority: String?,
        calendars: Calendars
    ) -> String {
        let rows = report.rows
        let warning = report.warning(calendars: calendars)
        let whole = report.period.description
        let requests = rows.first { $0.period == whole && $0.kind == .request }
        let reviews = rows.first { $0.period == whole && $0.kind == .review }
        let months = report.period.length == .month ? [report.period] : report.period.months
        let title = "FOI performance, \(report.period.label)"
        var body = "<header><h1>\(HTMLPage.escape(title))</h1>\n"
        body +=
            "<p class=\"meta\">\(HTMLPage.escape((authority.map { "\($0) · " } ?? "") + "as at "))"
            + "\(report.asAt.longDescription)</p>"
        body += "</header>\n<section class=\"cards\">\n"
        body += card("Requests in time", requests.flatMap(\.percentInTime), band: requests?.band, detail: requests)
        body += card("Reviews in time", reviews.flatMap(\.percentInTime), band: reviews?.band, detail: reviews)
        let received = activity.receivedByDay.values.reduce(0, +)
        let answered = activity.outcomes.values.reduce(0, +)
        body += plainCard("Requests received", "\(received)", "FOIA, EIR, FOISA and EIR(S); not subject access")
        body += plainCard("Responses sent", "\(answered)", "first responses in the period")
        body += "</section>\n"

        body += section(
            "Timeliness by month",
            "The share answered in time (a permitted extension counts as in time) of those falling due each month, "
                + "against the ICO's lines: 90% (Adequate) and 95% (Good).",
            timelinessChart(
                months.map { month in
                    (
                        // A year's twelve months by their short names, a quarter's in full.
                        months.count > 3
                            ? String(month.dates.lowerBound.monthAndYear.prefix(3))
                            : month.dates.lowerBound.monthAndYear,
                        rows.first { $0.period == month.description && $0.kind == .request },
                        rows.first { $0.period == month.description && $0.kind == .review }
                    )
                }))
        body += section(
            "Requests received per week", "Weeks begin on Monday; a week cut by the period counts its days in it.",
            weeklyChart(activity.receivedByDay, period: report.period))
        body += section(
            "Outcomes of the responses sent", nil,
            barChart(
                Outcome.allCases.compactMap { outcome in
                    activity.outcomes[outcome].map { (outcome.label.capitalisedFirst, $0) }
                }, colour: Palette.neutral))
        let exemptions = activity.exemptions.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        body += section(
            "Exemptions and exceptions most used",
            exemptions.count > Self.exemptionsShown
                ? "The \(Self.exemptionsShown) most used of \(exemptions.count), by the responses relying on each."
                : "By the responses relying on each.",
            barChart(exemptions.prefix(Self.exemptionsShown).map { ($0.key, $0.value) }, colour: Palette.exemption))
        body += section(
            "Internal review outcomes", "The reviews decided in the period.",
            barChart(
                ReviewOutcome.allCases.compactMap { outcome in
                    activity.reviewOutcomes[outcome].map { (outcome.label.capitalisedFirst, $0) }
                }, colour: Palette.review))
        let lateDays = delays.late.map(\.workingDaysLate).reduce(0, +)
        body += section(
            "Where the late days went",
            "\(plural(delays.late.count, "request")) falling due in the period "
                + "\(delays.late.count == 1 ? "was" : "were") late, by \(plural(lateDays, "working day")) in all. "
                + "The working days they waited on each person: contributors' tasks until answered, stages of "
                + "sign-off until decided; the delay figures list each wait.",
            barChart(
                delays.shares.map { share in
                    let split = [
                        share.taskDays > 0 ? "tasks \(share.taskDays)" : nil,
                        share.signOffDays > 0 ? "sign-off \(share.signOffDays)" : nil,
                    ]
                    return (
                        "\(names.party(share.party)) (\(split.compactMap { $0 }.joined(separator: ", ")))", share.total
                    )
                }.filter { $0.1 > 0 }, colour: Palette.unsatisfactory))
        body += earlyWarning(warning, quarter: ReportingPeriod.quarter(of: report.asAt), report: report)
        return page(title: title + (authority.map { " — \($0)" } ?? ""), body: body)
    }

    static let exemptionsShown = 10

    enum Palette {
        static let good = "#2e7d32", adequate = "#b7791f", unsatisfactory = "#c62828", neutral = "#1f5f99"
        static let exemption = "#6a4c93", review = "#00796b", grid = "#d9d9d9", text = "#222", muted = "#666"

        static func colour(_ band: TimelinessBand?) -> String {
            switch band {
            case .good?: good
            case .adequate?: adequate
            case .unsatisfactory?: unsatisfactory
            case nil: muted
            }
        }
    }

    private static func card(_ label: String, _ percent: Double?, band: TimelinessBand?, detail: TimelinessReport.Row?)
        -> String
    {
        let figure = percent.map(TimelinessReport.percent) ?? "–"
        let counts =
            detail.map {
                "\($0.inTime) in time, \($0.withinExtension) extended, \($0.late) late, \($0.pending) pending"
            } ?? ""
        return """
            <div class="card"><div class="label">\(label)</div>\
            <div class="figure" style="color:\(Palette.colour(band))">\(figure)</div>\
            <div class="band">\(band?.rawValue ?? "nothing decided yet")</div><div class="detail">\(counts)</div></div>

            """
    }

    private static func plainCard(_ label: String, _ figure: String, _ detail: String) -> String {
        """
        <div class="card"><div class="label">\(label)</div><div class="figure">\(figure)</div>\
        <div class="detail">\(detail)</div></div>

        """
    }

    private static func section(_ heading: String, _ note: String?, _ content: String) -> String {
        "<section><h2>\(heading)</h2>\n" + (note.map { "<p class=\"note\">\(HTMLPage.escape($0))</p>\n" } ?? "")
            + content + "</section>\n"
    }

    // MARK: Charts

    /// Grouped columns per month: requests (filled) and reviews (hatched), each coloured by its band, on a 0-100%
    /// scale with the 90% and 95% lines.
    static func timelinessChart(
        _ months: [(label: String, request: TimelinessReport.Row?, review: TimelinessReport.Row?)]
    )
        -> String
    {
        let frame = Frame(height: 260, right: 96, top: 16, bottom: 40, ceiling: 100)
        let (width, height, left, bottom, plotWidth) = (
            frame.width, frame.height, frame.left, frame.bottom, frame.plotWidth
        )
        let y = frame.y
        var svg = svgOpen(
            width: width, height: height,
            label: "Timeliness by month: "
                + months.map { month in
                    let figure = month.request?.percentInTime.map(TimelinessReport.percent) ?? "none decided"
                    return "\(month.label) requests \(figure)"
                }.joined(separator: "; "))
        svg +=
            "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"white\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555\" stroke-width=\"3\"/></pattern></defs>\n"
        svg += frame.gridlines(stride(from: 0.0, through: 100, by: 25).map { ($0, "\(Int($0))%") })
        let slot = plotWidth / Double(max(months.count, 1))
        let barWidth = min(44, slot / 3)
        for (index, month) in months.enumerated() {
            let centre = left + slot * (Double(index) + 0.5)
            for (offset, row, fill) in [(-0.5, month.request, "solid"), (0.5, month.review, "hatch")] {
                let x = centre + offset * barWidth * 1.1 - barWidth / 2
                guard let row, let percent = row.percentInTime else {
                    svg += text(x + barWidth / 2, y(0) - 4, "–", anchor: "middle", size: 11, colour: Palette.muted)
                    continue
                }
                let colour = Palette.colour(row.band)
                let figure = String(format: "%.0f%%", percent)
                let series = fill == "solid" ? "requests" : "reviews"
                svg +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y(percent)))\" width=\"\(f(barWidth))\" "
                    + "height=\"\(f(y(0) - y(percent)))\" fill=\"\(fill == "solid" ? colour : "url(#hatch)")\" "
                    + "stroke=\"\(colour)\" stroke-width=\"\(fill == "solid" ? 0 : 2)\">"
                    + "<title>\(HTMLPage.escape("\(month.label) \(series): \(figure)"))</title></rect>\n"
                // A year's columns are too narrow for their figures: those are in the tooltips.
                if months.count <= 3 {
                    svg += text(x + barWidth / 2, y(percent) - 4, figure, anchor: "middle", size: 10)
                }
            }
            svg += text(centre, height - bottom + 16, month.label, anchor: "middle", size: 12)
        }
        for (percent, label, colour) in [(90.0, "90% Adequate", Palette.adequate), (95.0, "95% Good", Palette.good)] {
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(y(percent)))\" x2=\"\(f(left + plotWidth))\" "
                + "y2=\"\(f(y(percent)))\" stroke=\"\(colour)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            svg += text(
                left + plotWidth + 6, y(percent) + (percent == 95 ? -2 : 10), label, anchor: "start", size: 11,
                colour: colour)
        }
        svg += "<rect x=\"\(f(left))\" y=\"\(f(height - 16))\" width=\"12\" height=\"10\" fill=\"\(Palette.neutral)\"/>"
        svg += text(left + 16, height - 7, "requests", anchor: "start", size: 11)
        svg +=
            "<rect x=\"\(f(left + 90))\" y=\"\(f(height - 16))\" width=\"12\" height=\"10\" fill=\"url(#hatch)\" "
            + "stroke=\"#555\"/>"
        svg += text(left + 106, height - 7, "internal reviews (colour: the ICO band)", anchor: "start", size: 11)
        return svg + "</svg>\n"
    }

    /// Columns of the requests received each week (from Monday) that falls in the period.
    static func weeklyChart(_ byDay: [CivilDate: Int], period: ReportingPeriod) -> String {
        let dates = period.dates
        var weeks: [(start: CivilDate, count: Int)] = []
        var day = dates.lowerBound
        while day <= dates.upperBound {
            let monday = day.adding(days: -day.weekday.rawValue)
            if weeks.last?.start != monday { weeks.append((monday, 0)) }
            weeks[weeks.count - 1].count += byDay[day] ?? 0
            day = day.adding(days: 1)
        }
        let (step, steps) = axis(Double(weeks.map(\.count).max() ?? 0))
        let frame = Frame(height: 220, right: 12, top: 18, bottom: 34, ceiling: step * Double(steps))
        let (width, height, left, bottom, plotWidth) = (
            frame.width, frame.height, frame.left, frame.bottom, frame.plotWidth
        )
        let y = frame.y
        var svg = svgOpen(
            width: width, height: height,
            label: "Requests received per week: "
                + weeks.map { "week of \($0.start.shortLabel) \($0.count)" }.joined(separator: "; "))
        svg += frame.gridlines((0...steps).map { (step * Double($0), "\(Int(step) * $0)") })
        let slot = plotWidth / Double(max(weeks.count, 1))
        // Label every week in a quarter, fewer in a year.
        let labelEvery = max(1, Int((Double(weeks.count) / 14).rounded(.up)))
        for (index, week) in weeks.enumerated() {
            let x = left + slot * Double(index) + slot * 0.15
            svg +=
                "<rect x=\"\(f(x))\" y=\"\(f(y(Double(week.count))))\" width=\"\(f(slot * 0.7))\" "
                + "height=\"\(f(y(0) - y(Double(week.count))))\" fill=\"\(Palette.neutral)\"><title>week of "
                + "\(week.start.longDescription): \(week.count)</title></rect>\n"
            if weeks.count <= 16 {
                svg += text(x + slot * 0.35, y(Double(week.count)) - 3, "\(week.count)", anchor: "middle", size: 9)
            }
            if index % labelEvery == 0 {
                svg += text(x + slot * 0.35, height - bottom + 14, week.start.shortLabel, anchor: "middle", size: 10)
            }
        }
        return svg + "</svg>\n"
    }

    /// Horizontal bars with their labels and counts; a line saying so when there is nothing to chart.
    static func barChart(_ bars: [(label: String, value: Int)], colour: String) -> String {
        guard !bars.isEmpty else { return "<p class=\"empty\">None in this period.</p>\n" }
        let rowHeight = 26.0
        let labelWidth = 300.0
        let width = 720.0
        let countWidth = 60.0
        let height = rowHeight * Double(bars.count) + 8
        let largest = Double(bars.map(\.value).max() ?? 1)
        let total = bars.map(\.value).reduce(0, +)
        var svg = svgOpen(
            width: width, height: height,
            label: bars.map { "\($0.label): \($0.value)" }.joined(separator: "; "))
        for (index, bar) in bars.enumerated() {
            let y = 4 + rowHeight * Double(index)
            let length = max(1, (width - labelWidth - countWidth - 8) * Double(bar.value) / max(largest, 1))
            svg += text(labelWidth - 8, y + 17, shortened(bar.label, to: 44), anchor: "end", size: 12, title: bar.label)
            svg +=
                "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(length))\" height=\"18\" "
                + "fill=\"\(colour)\" rx=\"2\"/>\n"
            let share = total == 0 ? "" : String(format: " (%.0f%%)", Double(bar.value) * 100 / Double(total))
            svg += text(labelWidth + length + 6, y + 17, "\(bar.value)\(share)", anchor: "start", size: 11)
        }
        return svg + "</svg>\n"
    }

    /// A column chart's size and margins in SVG units, and its vertical scale from 0 to `ceiling`.
    struct Frame {
        var width = 720.0, height: Double, left = 44.0, right: Double, top: Double, bottom: Double
        var ceiling: Double
        var plotWidth: Double { width - left - right }

        func y(_ value: Double) -> Double { top + (height - top - bottom) * (1 - value / ceiling) }

        /// A horizontal line across the plot at each value, labelled on the left.
        func gridlines(_ marks: [(value: Double, label: String)]) -> String {
            marks.map { mark in
                ReportView.line(left, y(mark.value), left + plotWidth, y(mark.value), Palette.grid)
                    + ReportView.text(left - 6, y(mark.value) + 4, mark.label, anchor: "end", size: 11)
            }.joined()
        }
    }

    // MARK: The early warning

    private static func earlyWarning(
        _ warning: TimelinessReport.Warning, quarter: ReportingPeriod, report: TimelinessReport
    ) -> String {
        let line = TimelinessReport.warningLine(
            quarter: quarter, TimelinessFigures(report.quarterEntries.filter { $0.kind == .request }, asAt: report.asAt)
        )
        var html =
            "<section><h2>Early warning: \(quarter.label)</h2>\n<p class=\"warning\">\(HTMLPage.escape(line))</p>\n"
        guard !warning.atRisk.isEmpty else {
            return html + "<p class=\"empty\">No request is due within \(TimelinessReport.riskHorizon) working days "
                + "without a response.</p>\n</section>\n"
        }
        html +=
            "<p class=\"note\">Due within \(TimelinessReport.riskHorizon) working days with no response: "
            + "\(warning.atRisk.count).</p>\n<table class=\"risk\"><thead><tr><th>Reference</th><th>Due</th>"
            + "<th>Working days left</th></tr></thead><tbody>\n"
        for risk in warning.atRisk.prefix(TimelinessReport.riskListed) {
            html +=
                "<tr><td>\(HTMLPage.escape(risk.ref))</td><td>\(risk.due.longDescription)</td>"
                + "<td>\(risk.workingDaysLeft == 0 ? "due today" : "\(risk.workingDaysLeft)")</td></tr>\n"
        }
        html += "</tbody></table>\n"
        if warning.atRisk.count > TimelinessReport.riskListed {
            html +=
                "<p class=\"note\">… and \(warning.atRisk.count - TimelinessReport.riskListed) more "
                + "(the timeliness statistics in JSON list them all).</p>\n"
        }
        return html + "</section>\n"
    }

    // MARK: SVG and page

    private static func svgOpen(width: Double, height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
            + "aria-label=\"\(HTMLPage.escape(label))\"><title>\(HTMLPage.escape(label))</title>\n"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ colour: String) -> String {
        "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(colour)\"/>\n"
    }

    static func text(
        _ x: Double, _ y: Double, _ content: String, anchor: String, size: Int, colour: String = Palette.text,
        title: String? = nil
    ) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"\(colour)\">"
            + (title.map { "<title>\(HTMLPage.escape($0))</title>" } ?? "") + "\(HTMLPage.escape(content))</text>\n"
    }

    /// A coordinate to one decimal place.
    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A round axis for values up to `largest`: the step (1, 2 or 5 times a power of ten, at least 1) that covers
    /// it in at most five, and how many steps.
    static func axis(_ largest: Double) -> (step: Double, steps: Int) {
        let rough = max(largest, 1) / 5
        let power = pow(10, floor(log10(rough)))
        let step = max(1, [1, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? rough)
        return (step, max(1, Int((largest / step).rounded(.up))))
    }

    /// `text` cut to `limit` characters with an ellipsis (the whole in the tooltip).
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    private static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <title>\(HTMLPage.escape(title))</title>
        <style>
        body { font-family: 'Segoe UI', 'Helvetica Neue', Arial, sans-serif; color: \(Palette.text); margin: 0 auto;
          max-width: 780px; padding: 24px; line-height: 1.4; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 28px 0 6px; border-bottom: 1px solid \(Palette.grid); padding-bottom: 4px; }
        .meta, .note, .empty { color: \(Palette.muted); font-size: 13px; margin: 2px 0 8px; }
        .cards { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 16px; }
        .card { flex: 1 1 160px; border: 1px solid \(Palette.grid); border-radius: 6px; padding: 10px 12px; }
        .card .label { font-size: 13px; color: \(Palette.muted); }
        .card .figure { font-size: 28px; font-weight: 600; }
        .card .band { font-size: 13px; font-weight: 600; }
        .card .detail { font-size: 12px; color: \(Palette.muted); }
        svg { width: 100%; height: auto; display: block; font-family: inherit; }
        .warning { font-weight: 600; }
        table.risk { border-collapse: collapse; font-size: 13px; }
        table.risk th, table.risk td { text-align: left; padding: 3px 16px 3px 0; border-bottom: 1px solid #eee; }
        @media print { body { max-width: none; } section { break-inside: avoid; } }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}

extension ReportingPeriod {
    /// `the third quarter of 2026 (July to September)`, `October 2026`, `2026`.
    public var label: String {
        let first = dates.lowerBound.monthAndYear
        switch length {
        case .month: return first
        case .year: return "\(year)"
        case .quarter:
            let last = dates.upperBound.monthAndYear
            return "\(description): \(first.split(separator: " ")[0]) to \(last)"
        }
    }
}

extension CivilDate {
    /// `6 Jul`, for an axis.
    var shortLabel: String {
        let words = letterDescription.split(separator: " ")
        return "\(words[0]) \(words[1].prefix(3))"
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
