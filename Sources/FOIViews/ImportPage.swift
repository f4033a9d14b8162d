import FOIKit

extension WebPages {
    /// The import page: a tracker pasted as CSV (`form`, `foi import`'s fields), checked first, its deadline audit
    /// shown (`report`) before anything is written, then imported; `message`: why it was refused.
    public static func importPage(
        _ form: StepForm, values: [String: [String]] = [:], report: [String] = [], imported: Bool = false,
        message: String? = nil, user: User, formToken: String
    ) -> String {
        var body = "<h1>Import a tracker</h1>\n" + outcome(notice: nil, message: message)
        if !report.isEmpty {
            body += "<h2>\(imported ? "Imported" : "What the import would do (nothing written yet)")</h2>\n"
            body += "<pre>\(escape(report.joined(separator: "\n")))</pre>\n"
        }
        body += """
            <p>Paste the tracker as CSV (save the spreadsheet as CSV, open it in a text editor and copy it), with its \
            header row. Check it first: the deadline audit compares each due date with the statutory one, and \
            nothing is written until you import.</p>

            """
        // The pasted sheet and its options, without the flag the buttons set.
        var fields = form
        fields.fields.removeAll { $0.name == "dry-run" }
        let buttons = """
            <div><button type="submit" name="dry-run" value="yes">Check the tracker</button> \
            <button type="submit" name="dry-run" value="no">Import it</button></div>

            """
        body +=
            "<form method=\"post\" action=\"/import\">\(csrfField(formToken))\n"
            + fields.fields.map { fieldHTML($0, values: imported ? [] : values[$0.name] ?? []) }.joined() + buttons
            + "</form>\n"
        return page(title: "Import a tracker", body: body, user: user, formToken: formToken)
    }
}
