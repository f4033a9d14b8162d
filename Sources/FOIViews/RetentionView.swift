import FOIKit

/// `foi retention`: the closed cases and the day their personal data falls due for removal.
public enum RetentionView {
    public static func render(_ entries: [RetentionDue], policy: RetentionPolicy, format: OutputFormat) throws
        -> TextOutput
    {
        var output = TextOutput()
        switch format {
        case .json:
            try output.json(
                entries.map {
                    Entry(ref: $0.reference.rawValue, regime: $0.regime, closedOn: $0.closedOn, dueOn: $0.dueOn)
                }
            )
        case .csv:
            output.write(CSV.line(["ref", "regime", "closed_on", "due_on"]))
            for entry in entries {
                output.write(
                    CSV.line([
                        entry.reference.rawValue, entry.regime.rawValue, entry.closedOn.description,
                        entry.dueOn.description,
                    ]))
            }
        case .table:
            output.line("Retention: personal data is kept \(policy.describedInYears) after a case closes.")
            if entries.isEmpty {
                output.line("No case is due.")
            } else {
                output.write(
                    Table.render(
                        header: ["ref", "regime", "closed", "due"],
                        rows: entries.map {
                            [$0.reference.rawValue, $0.regime.shortName, $0.closedOn.description, $0.dueOn.description]
                        }))
            }
        }
        return output
    }

    private struct Entry: Encodable {
        var ref: String
        var regime: Regime
        var closedOn: CivilDate
        var dueOn: CivilDate
    }
}

extension RetentionPolicy {
    /// `3 years (SAR 6)`.
    var describedInYears: String {
        func years(_ count: Int) -> String { "\(count) year\(count == 1 ? "" : "s")" }
        let overrides = byRegime.sorted { $0.key.rawValue < $1.key.rawValue }.map {
            "\($0.key.shortName) \(years($0.value))"
        }
        return years(self.years) + (overrides.isEmpty ? "" : " (\(overrides.joined(separator: ", ")))")
    }
}
