/// One self-contained HTML page in the house style (a letter, a disclosure log page): print-ready, no scripts, no
/// files fetched from anywhere.
enum HTMLPage {
    /// `body` (HTML) in a page titled `title` (text), in `language` (a BCP 47 tag).
    static func wrap(title: String, body: String, language: String = "en-GB") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        @page { size: A4; margin: 25mm 22mm; }
        body { font-family: Georgia, 'Times New Roman', serif; font-size: 11.5pt; line-height: 1.45; color: #111;
          max-width: 170mm; margin: 2em auto; padding: 0 1em; }
        h1 { font-size: 14pt; margin: 1.6em 0 0.8em; }
        h2 { font-size: 12pt; margin: 1.4em 0 0.5em; }
        h3 { font-size: 11.5pt; margin: 1.2em 0 0.4em; }
        blockquote { margin: 0.8em 0 0.8em 1.5em; padding-left: 0.8em; border-left: 2px solid #999; }
        ul { padding-left: 1.5em; }
        li { margin: 0.2em 0; }
        table { border-collapse: collapse; }
        th, td { text-align: left; padding: 0.2em 1em 0.2em 0; vertical-align: top; }
        hr.page-break { border: 0; border-top: 1px solid #999; margin: 2em 0; }
        @media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; }
          hr.page-break { border: 0; margin: 0; break-after: page; } }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// Text as HTML: the markup characters escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
