import FOIKit

extension WebPages {
    /// The import's field of the tracker: `foi import`'s file, pasted or chosen.
    public static let trackerField = "file"

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
            <p>Choose the tracker's file (Excel or CSV), or paste it as CSV, with its header row. Check it first: \
            the deadline audit compares each due date with the statutory one, and nothing is written until you \
            import. A browser does not keep a chosen file: to import a file you checked, choose it again.</p>

            """
        // The tracker as a file or pasted (either, so neither is required), its options, and not the flag the
        // buttons set.
        var fields = form
        fields.fields.removeAll { $0.name == "dry-run" }
        let upload = fieldHTML(
            StepField(
                name: trackerField, hint: "An Excel workbook (.xlsx) or a CSV file.", kind: .upload, required: false,
                repeating: false, label: "The tracker's file"), values: [], idPrefix: "upload-")
        let buttons = """
            <div><button type="submit" name="dry-run" value="yes">Check the tracker</button> \
            <button type="submit" name="dry-run" value="no">Import it</button></div>

            """
        body +=
            "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\">\(csrfField(formToken))\n"
            + upload
            + fields.fields.map { field in
                var field = field
                if field.name == trackerField {
                    field.required = false
                    field.label = "Or the tracker pasted as CSV"
                    field.hint = "With its header row."
                }
                return fieldHTML(field, values: imported ? [] : values[field.name] ?? [])
            }.joined() + buttons + "</form>\n"
        return page(title: "Import a tracker", body: body, user: user, formToken: formToken)
    }
}
