import FOIKit

/// A statistics return (the Cabinet Office's, the s.45 Code's): a table of its lines, JSON, or CSV, one row under
/// the return's own column names (the period's column named as the return names it), to paste into its template.
public enum StatisticsReturnView {
    /// What a return counts: the requests received in its period (a cohort), or the period's activity (the SIC's).
    public enum Counting: Sendable {
        case requestsReceived, activity
    }

    public static func render(
        _ columns: [(name: String, value: String)], title: String, periodColumn: String = "Period",
        counting: Counting = .requestsReceived, period: ReportingPeriod, asAt: CivilDate, format: OutputFormat
    ) throws -> TextOutput {
        var output = TextOutput()
        switch format {
        case .csv:
            output.write(CSV.line([periodColumn] + columns.map(\.name)))
            output.write(CSV.line([period.description] + columns.map(\.value)))
        case .json:
            struct Column: Encodable {
                var column: String
                var value: String
            }
            struct Document: Encodable {
                var period: String
                var asAt: CivilDate
                var columns: [Column]
            }
            try output.json(
                Document(
                    period: period.description, asAt: asAt,
                    columns: columns.map { Column(column: $0.name, value: $0.value) }))
        case .table:
            let scope = counting == .activity ? "the activity of" : "the requests received in"
            output.printableLine("\(title) for \(scope) \(period), as at \(asAt.longDescription)")
            output.printableLine()
            output.write(
                Table.render(header: ["column", "value"], rows: columns.map { [$0.name, $0.value] }, maxWidth: 100))
        }
        return output
    }
}
