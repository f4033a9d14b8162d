import FOIKit

/// The disclosure log for publication: CSV, JSON, or a table; the cases held back are listed apart, for the
/// officer, and never in the CSV or JSON.
public enum DisclosureLogView {
    struct Entry: Encodable {
        var reference: String
        var regime: String
        var received: CivilDate
        var responded: CivilDate
        var title: String
        var outcome: String
        var exemptions: [String]

        init(_ entry: DisclosureLogEntry) {
            reference = entry.reference.rawValue
            regime = entry.regime.shortName
            received = entry.received
            responded = entry.responded
            title = entry.title
            outcome = entry.outcome.label
            exemptions = entry.exemptions.map {
                ($0.part == .eir || $0.part == .eirs ? "reg " : "s.") + $0.citation
                    + ($0.neitherConfirmNorDeny ? " (NCND)" : "")
            }
        }
    }

    public static func render(
        _ entries: [DisclosureLogEntry], heldBack: [(CaseReference, String)], format: OutputFormat
    ) throws -> TextOutput {
        let published = entries.map(Entry.init)
        var output = TextOutput()
        switch format {
        case .json:
            try output.json(published)
        case .csv:
            output.write(CSV.line(["reference", "regime", "received", "responded", "title", "outcome", "exemptions"]))
            for entry in published {
                output.write(
                    CSV.line([
                        entry.reference, entry.regime, entry.received.description, entry.responded.description,
                        entry.title, entry.outcome, entry.exemptions.joined(separator: "; "),
                    ]))
            }
        case .table:
            output.write(
                Table.render(
                    header: ["reference", "regime", "received", "responded", "outcome", "exemptions", "title"],
                    rows: published.map {
                        [
                            $0.reference, $0.regime, $0.received.description, $0.responded.description, $0.outcome,
                            $0.exemptions.joined(separator: "; "), $0.title,
                        ]
                    }))
            if !heldBack.isEmpty {
                output.printableLine()
                output.printableLine("Held back from the log (\(heldBack.count)):")
                for (reference, reason) in heldBack { output.printableLine("  \(reference): \(reason)") }
            }
        }
        return output
    }
}
