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

    /// The paragraph library as a table (the start of each text), JSON or CSV (the whole text).
    public static func render(_ paragraphs: [ReasoningParagraph], format: OutputFormat) throws -> TextOutput {
        struct Entry: Encodable {
            var name, section, role, source, text: String
        }
        let entries = paragraphs.map {
            Entry(
                name: $0.name, section: $0.section, role: $0.role.rawValue, source: $0.isLocal ? "local" : "shipped",
                text: $0.text)
        }
        var output = TextOutput()
        switch format {
        case .json:
            try output.json(entries)
        case .csv:
            output.write(CSV.line(["name", "section", "role", "source", "text"]))
            for entry in entries {
                output.write(CSV.line([entry.name, entry.section, entry.role, entry.source, entry.text]))
            }
        case .table:
            output.write(
                Table.render(
                    header: ["name", "section", "role", "source", "text"],
                    rows: entries.map {
                        [
                            $0.name, $0.section, $0.role, $0.source,
                            $0.text.count > 60 ? $0.text.prefix(59) + "…" : $0.text,
                        ]
                    }))
        }
        return output
    }
}
