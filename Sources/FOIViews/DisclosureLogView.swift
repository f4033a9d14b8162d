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
            outcome = entry.releasedOnReview.map { "released on review: \($0.label)" } ?? entry.outcome.label
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

extension DisclosureLogView {
    /// The log as a static site to upload: `index.html` listing the responses by the month they were answered, and
    /// one page per response under `responses/`, with the letter where `letters` has one (written for publication:
    /// the response, or the review's outcome for a release on review). Only what the log publishes is in it.
    public static func site(
        _ entries: [DisclosureLogEntry], period: ReportingPeriod, authority: String?,
        letters: [DisclosureLogEntry: Letter] = [:]
    ) -> [(path: String, html: String)] {
        let heading = "Disclosure log" + (authority.map { " of \($0)" } ?? "") + ", \(period)"
        var index = "<h1>\(HTMLPage.escape(heading))</h1>\n"
        if entries.isEmpty { index += "<p>No request was answered in this period.</p>\n" }
        var pages: [(String, String)] = []
        // References that make one file name (`A/1`, `A-1`, `A 1`) are told apart by a number.
        var taken: Set<String> = []
        for month in period.months {
            let answered = entries.filter { month.dates.contains($0.responded) }
            guard !answered.isEmpty else { continue }
            index += "<h2>\(month.dates.lowerBound.monthAndYear)</h2>\n<ul>\n"
            for entry in answered {
                var name = fileName(entry.reference)
                if !taken.insert(name).inserted {
                    name = (2...).lazy.map { "\(name)-\($0)" }.first { taken.insert($0).inserted }!
                }
                let page = "responses/\(name).html"
                let row = Entry(entry)
                index +=
                    "<li><a href=\"\(HTMLPage.escape(page))\">\(HTMLPage.escape(row.reference))</a>: "
                    + "\(HTMLPage.escape(row.title)) <em>(\(HTMLPage.escape(row.outcome)))</em></li>\n"
                pages.append((page, responsePage(row, letter: letters[entry])))
            }
            index += "</ul>\n"
        }
        return [("index.html", HTMLPage.wrap(title: heading, body: index))] + pages
    }

    private static func responsePage(_ entry: Entry, letter: Letter?) -> String {
        let rows = [
            ("Reference", entry.reference), ("Regime", entry.regime), ("Received", entry.received.longDescription),
            ("Answered", entry.responded.longDescription), ("Outcome", entry.outcome),
            ("Exemptions", entry.exemptions.isEmpty ? "none" : entry.exemptions.joined(separator: "; ")),
        ]
        let body =
            "<p><a href=\"../index.html\">Disclosure log</a></p>\n<h1>\(HTMLPage.escape(entry.title))</h1>\n<table>\n"
            + rows.map { "<tr><th>\($0.0)</th><td>\(HTMLPage.escape($0.1))</td></tr>\n" }.joined() + "</table>\n"
            + (letter.map {
                let heading = $0.kind == .reviewOutcome ? "The review's outcome" : "The response"
                return "<h2>\(heading)</h2>\n<div class=\"letter\">\n\($0.bodyHTML)</div>\n"
            } ?? "")
        return HTMLPage.wrap(title: "\(entry.reference): \(entry.title)", body: body)
    }

    /// A reference as a file name: letters, digits, dots and hyphens kept, anything else (`/`) a hyphen.
    static func fileName(_ reference: CaseReference) -> String {
        String(
            reference.rawValue.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "-" })
    }
}

extension CivilDate {
    /// `January 2021`.
    var monthAndYear: String {
        letterDescription.split(separator: " ").dropFirst().joined(separator: " ")
    }
}
