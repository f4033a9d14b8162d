import FOIKit

/// The reference data: bank holidays and the exemption catalogue.
public enum ReferenceView {
    /// Bank holidays as a table, JSON or CSV.
    public static func render(_ holidays: [Holiday], format: OutputFormat) throws -> TextOutput {
        var output = TextOutput()
        switch format {
        case .json:
            try output.json(holidays)
        case .csv:
            output.write(CSV.line(["date", "division", "title", "source"]))
            for holiday in holidays {
                output.write(
                    CSV.line([
                        holiday.date.description, holiday.division.rawValue, holiday.title, holiday.source.rawValue,
                    ]))
            }
        case .table:
            output.write(
                Table.render(
                    header: ["date", "division", "source", "title"],
                    rows: holidays.map {
                        [$0.date.longDescription, $0.division.name, $0.source.rawValue, $0.title]
                    }))
        }
        return output
    }

    /// Catalogue entries as a table, JSON or CSV.
    public static func render(_ entries: [Exemption], format: OutputFormat) throws -> TextOutput {
        var output = TextOutput()
        switch format {
        case .json:
            try output.json(entries)
        case .csv:
            output.write(CSV.line(["regime", "section", "title", "kind", "ncnd", "note"]))
            for entry in entries {
                output.write(
                    CSV.line([
                        entry.regime.rawValue, entry.section, entry.title, entry.kind.rawValue, entry.ncnd ?? "",
                        entry.note ?? "",
                    ]))
            }
        case .table:
            output.write(
                Table.render(
                    header: ["regime", "section", "kind", "ncnd", "title"],
                    rows: entries.map {
                        [
                            $0.regime.shortName, $0.section, $0.kind.rawValue, $0.ncnd ?? "-",
                            $0.title + ($0.note.map { " (\($0))" } ?? ""),
                        ]
                    }, maxWidth: 120))
        }
        return output
    }
}
