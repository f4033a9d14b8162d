import FOIKit

/// The answer to the request, part by part, as a letter prints it under "Our response": each part's finding, the
/// released text read into paragraphs, items and tables (so that every cell is escaped as any other value, and a
/// table stays a table), and the schedule of enclosures.
struct LetterAnswers {
    let answers: [PartAnswer]
    let regime: Regime
    var vocabulary: LetterVocabulary = .english

    /// The `answers` value of a letter (docs/LETTERS.md).
    var values: [[String: Any]] {
        answers.map { answer in
            // Every flag is set, true or false: a section looks a name up in the letter's values too, where
            // `withheld` or `accessible` is the whole response's.
            var values: [String: Any] = [
                "heading": vocabulary.partHeading(answer.part),
                "released": answer.finding == .released, "partlyReleased": answer.finding == .partlyReleased,
                "withheldPart": answer.finding == .withheld, "notHeldPart": answer.finding == .notHeld,
                "accessiblePart": answer.finding == .accessible,
                "blocks": answer.text.map(Self.blocks) ?? [],
                "hasBlocks": !(answer.text?.allSatisfy(\.isWhitespace) ?? true),
                "hasEnclosed": !answer.enclosures.isEmpty,
            ]
            if !answer.exemptions.isEmpty {
                values["withheldUnder"] = vocabulary.provisions(
                    answer.exemptions, environmental: regime == .eir || regime == .eirs)
            }
            return values
        }
    }

    /// Every enclosure, once, in the order first listed: name, size and SHA-256.
    var schedule: [[String: Any]] {
        var seen = Set<String>()
        return answers.flatMap(\.enclosures).filter { seen.insert($0.digest).inserted }.map {
            ["name": $0.name, "size": vocabulary.size($0.size), "digest": $0.digest]
        }
    }

    /// Whether some parts are held and some are not: the letter then cannot say "we hold the information".
    var partlyHeld: Bool {
        answers.contains { $0.finding == .notHeld } && answers.contains { $0.finding != .notHeld }
    }

    /// An answer's Markdown as blocks a template prints: paragraphs (`lines`), `- ` items (`items`) and tables
    /// (`header`, `rows` of `cells`; the line of dashes under the header is the template's). Anything else is text.
    static func blocks(_ text: String) -> [[String: Any]] {
        var blocks: [[String: Any]] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        func isRow(_ line: String) -> Bool { line.hasPrefix("|") }
        func isItem(_ line: String) -> Bool { line.hasPrefix("- ") || line.hasPrefix("* ") }
        func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }
        while let line = lines.first {
            if isBlank(line) {
                lines.removeFirst()
            } else if isRow(line) {
                var rows: [[String]] = []
                while let next = lines.first, isRow(next) {
                    let cells = Self.cells(next)
                    // The line of dashes (and colons) under the header is not a row.
                    if !cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { rows.append(cells) }
                    lines.removeFirst()
                }
                guard let header = rows.first else { continue }
                let width = rows.map(\.count).max() ?? 0
                func padded(_ row: [String]) -> [[String: Any]] {
                    (row + Array(repeating: "", count: width - row.count)).map { ["cell": $0] }
                }
                blocks.append([
                    "lines": false, "items": false,
                    "table": [
                        "header": padded(header), "rule": Array(repeating: ["cell": ""], count: width),
                        "rows": rows.dropFirst().map { ["cells": padded($0)] },
                    ],
                ])
            } else if isItem(line) {
                var items: [[String: Any]] = []
                while let next = lines.first, isItem(next) {
                    items.append(["text": String(next.dropFirst(2))])
                    lines.removeFirst()
                }
                blocks.append(["lines": false, "items": items, "table": false])
            } else {
                var paragraph: [[String: Any]] = []
                while let next = lines.first, !isBlank(next), !isRow(next), !isItem(next) {
                    paragraph.append(["line": next])
                    lines.removeFirst()
                }
                blocks.append(["lines": paragraph, "items": false, "table": false])
            }
        }
        return blocks
    }

    /// A table row's cells: split at each `|` not escaped by a backslash, trimmed.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var characters = line.dropFirst()[...]
        while let character = characters.popFirst() {
            if character == "\\", characters.first == "|" {
                cell.append(characters.removeFirst())
            } else if character == "|" {
                cells.append(cell.trimmingCharacters())
                cell = ""
            } else {
                cell.append(character)
            }
        }
        if !cell.allSatisfy(\.isWhitespace) { cells.append(cell.trimmingCharacters()) }
        return cells
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
