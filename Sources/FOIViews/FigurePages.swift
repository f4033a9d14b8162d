import FOIKit

/// The office's figures in foi-server: the report and each statistical return, asked for by a period.
extension WebPages {
    /// A figure the figures page offers: its name in the path, its title, what it is, its form, and whether it is
    /// a table (shown in the page, or downloaded as CSV or JSON) rather than a page of its own (the report).
    public struct Figure: Sendable {
        public var name: String
        public var title: String
        public var summary: String
        public var form: StepForm
        public var isTable: Bool

        public init(name: String, title: String, summary: String, form: StepForm, isTable: Bool) {
            self.name = name
            self.title = title
            self.summary = summary
            self.form = form
            self.isTable = isTable
        }
    }

    /// The figures page: a form for each of `figures`, asked by GET; a table's form chooses how it comes.
    public static func figuresPage(_ figures: [Figure], message: String? = nil, user: User, formToken: String)
        -> String
    {
        var body = "<h1>Figures</h1>\n" + outcome(notice: nil, message: message)
        for figure in figures {
            body += "<h2 id=\"\(escape(figure.name))\">\(escape(figure.title))</h2>\n<p>\(escape(figure.summary))</p>\n"
            let choice =
                figure.isTable
                ? """
                <label for="\(escape(figure.name))-format">Shown as</label>
                <select id="\(escape(figure.name))-format" name="format"><option value="table">a table here</option>\
                <option value="csv">CSV to download</option><option value="json">JSON to download</option></select>

                """ : ""
            body += formHTML(
                figure.form, action: "/figures/\(figure.name)", method: "get", hidden: "", values: [:],
                // Each form's ids its own: several have a period.
                idPrefix: "\(figure.name)-", extra: choice, button: "Show the \(figure.title.lowercased())")
        }
        return page(title: "Figures", body: body, user: user, formToken: formToken)
    }

    /// A table of figures as the command line prints it, in the page.
    public static func figureTablePage(_ figure: Figure, text: String, user: User, formToken: String) -> String {
        page(
            title: figure.title,
            body: "<p><a href=\"/figures\">Back to the figures</a></p>\n<h1>\(escape(figure.title))</h1>\n"
                + "<pre>\(escape(text))</pre>\n", user: user, formToken: formToken)
    }
}
