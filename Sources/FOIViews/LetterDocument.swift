/// A letter's Markdown read as blocks, for the other formats. Only what the templates write is read: headings
/// (`#` to `###`), paragraphs (each line kept as a line), `- ` items, `> ` quotations (the request restated),
/// tables (`| a | b |` lines, the second a rule), `**bold**`, and backslash escapes; anything else is text.
struct LetterDocument {
    enum Block: Equatable {
        case heading(level: Int, [Run])
        /// Lines of one paragraph.
        case paragraph([[Run]])
        case bullets([[Run]])
        case quotation([[Run]])
        /// A table: its header's cells, then each row's.
        case table(header: [[Run]], rows: [[[Run]]])
    }

    /// A stretch of text, bold or not; escapes already undone.
    struct Run: Equatable {
        var text: String
        var bold: Bool
    }

    var blocks: [Block] = []

    init(markdown: String) {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        while let line = lines.first {
            if line.trimmingSpaces.isEmpty {
                lines.removeFirst()
            } else if let level = Self.headingLevel(line) {
                lines.removeFirst()
                blocks.append(.heading(level: level, Self.runs(String(line.dropFirst(level + 1)))))
            } else if line.hasPrefix("- ") {
                blocks.append(.bullets(Self.take(&lines, prefix: "- ")))
            } else if line.hasPrefix(">") {
                blocks.append(.quotation(Self.take(&lines, prefix: ">")))
            } else if line.hasPrefix("|") {
                var rows: [[[Run]]] = []
                while let next = lines.first, next.hasPrefix("|") {
                    let cells = Self.cells(next)
                    if !cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { rows.append(cells.map(Self.runs)) }
                    lines.removeFirst()
                }
                if let header = rows.first { blocks.append(.table(header: header, rows: Array(rows.dropFirst()))) }
            } else {
                var paragraph: [[Run]] = []
                while let next = lines.first, !next.trimmingSpaces.isEmpty, Self.headingLevel(next) == nil,
                    !next.hasPrefix("- "), !next.hasPrefix(">"), !next.hasPrefix("|")
                {
                    paragraph.append(Self.runs(next))
                    lines.removeFirst()
                }
                blocks.append(.paragraph(paragraph))
            }
        }
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        return (1...3).contains(hashes) && line.dropFirst(hashes).hasPrefix(" ") ? hashes : nil
    }

    /// The lines starting with `prefix`, without it (and one space after a `>`).
    private static func take(_ lines: inout ArraySlice<String>, prefix: String) -> [[Run]] {
        var taken: [[Run]] = []
        while let line = lines.first, line.hasPrefix(prefix) {
            var rest = line.dropFirst(prefix.count)
            if prefix == ">" && rest.hasPrefix(" ") { rest = rest.dropFirst() }
            taken.append(runs(String(rest)))
            lines.removeFirst()
        }
        return taken
    }

    /// A table line's cells as Markdown, split at each `|` a backslash does not escape (the escapes are kept for
    /// `runs`), each trimmed of spaces.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var characters = line.dropFirst()[...]
        while let character = characters.popFirst() {
            if character == "\\", let escaped = characters.popFirst() {
                cell += "\\\(escaped)"
            } else if character == "|" {
                cells.append(String(cell.trimmingSpaces.reversed().drop { $0 == " " }.reversed()))
                cell = ""
            } else {
                cell.append(character)
            }
        }
        return cells
    }

    /// A line's runs: `**` toggles bold; a backslash makes the next character plain text.
    static func runs(_ line: String) -> [Run] {
        var runs: [Run] = []
        var text = ""
        var bold = false
        var characters = line[...]
        func close() {
            if !text.isEmpty { runs.append(Run(text: text, bold: bold)) }
            text = ""
        }
        while let character = characters.first {
            characters.removeFirst()
            if character == "\\", let escaped = characters.first {
                text.append(escaped)
                characters.removeFirst()
            } else if character == "*", characters.first == "*" {
                characters.removeFirst()
                close()
                bold.toggle()
            } else {
                text.append(character)
            }
        }
        close()
        return runs
    }

    /// One self-contained HTML page, print-ready (A4), every text escaped.
    func html(title: String) -> String {
        HTMLPage.wrap(title: title, body: bodyHTML)
    }

    /// The letter's blocks as HTML, to stand in a page of its own or another's.
    var bodyHTML: String {
        var body = ""
        func inline(_ runs: [Run]) -> String {
            runs.map { $0.bold ? "<strong>\(Self.escape($0.text))</strong>" : Self.escape($0.text) }.joined()
        }
        for block in blocks {
            switch block {
            case .heading(let level, let runs):
                body += "<h\(level)>\(inline(runs))</h\(level)>\n"
            case .paragraph(let lines):
                body += "<p>" + lines.map(inline).joined(separator: "<br>\n") + "</p>\n"
            case .bullets(let items):
                body += "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
            case .quotation(let lines):
                body += "<blockquote><p>" + lines.map(inline).joined(separator: "<br>\n") + "</p></blockquote>\n"
            case .table(let header, let rows):
                body += "<table>\n<thead><tr>" + header.map { "<th>\(inline($0))</th>" }.joined() + "</tr></thead>\n"
                body +=
                    "<tbody>\n"
                    + rows.map { "<tr>" + $0.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }.joined()
                    + "</tbody>\n</table>\n"
            }
        }
        return body
    }

    static func escape(_ text: String) -> String { HTMLPage.escape(text) }
}

extension String {
    fileprivate var trimmingSpaces: Substring { drop { $0 == " " || $0 == "\t" } }
}
