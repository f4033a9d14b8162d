import FOICommandLine
import FOIViews
import Foundation

/// The fields of a form or a query (`application/x-www-form-urlencoded`), in order: a name may come more than once
/// (several choices picked from one list); and a form's files (`multipart/form-data`).
struct FormFields {
    var pairs: [(name: String, value: String)]
    var uploads: [StepCommands.Upload] = []

    init(_ form: MultipartForm) {
        pairs = form.fields
        uploads = form.uploads
    }

    init(encoded: String) {
        func decoded(_ text: Substring) -> String {
            String(text).replacing("+", with: " ").removingPercentEncoding ?? ""
        }
        pairs = encoded.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first else { return nil }
            return (decoded(name), parts.count > 1 ? decoded(parts[1]) : "")
        }
    }

    /// The first value given for `name`.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value given, by name: what a form drawn again shows.
    var byName: [String: [String]] {
        Dictionary(grouping: pairs, by: \.name).mapValues { $0.map(\.value) }
    }

    /// The values for `form`'s fields, as a step takes them: one value a pair, the several a field given once as
    /// a list separated by commas (citations) taken apart; other names (the form token) left out.
    func values(of form: StepForm) -> [(name: String, value: String)] {
        form.fields.flatMap { field in
            pairs.filter { $0.name == field.name }.flatMap { pair in
                let parts =
                    field.repeating && field.kind == .line
                    ? pair.value.split(separator: ",").map(String.init) : [pair.value]
                return parts.map { (field.name, $0.trimmingCharacters(in: .whitespaces)) }
            }
        }
    }
}
