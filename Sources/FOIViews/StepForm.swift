/// A step a user records on a case, as a form of fields: what foi-server draws as a page and its API describes.
/// Made from the command line's own declaration of the step, so that a step has one set of fields, checks and
/// help, whichever front end records it.
public struct StepForm: Sendable, Equatable {
    /// The step's name, as the command line's (`respond`, `decision-notice`).
    public var name: String
    /// What the step records, in a sentence.
    public var summary: String
    public var fields: [StepField]

    public init(name: String, summary: String, fields: [StepField]) {
        self.name = name
        self.summary = summary
        self.fields = fields
    }

    /// Whether a form's or a body's value for a flag says yes (a checkbox sends `yes`); nil where it is neither.
    public static func yesOrNo(_ value: String) -> Bool? {
        ["on": true, "yes": true, "true": true, "1": true, "off": false, "no": false, "false": false, "0": false][
            value.lowercased()]
    }

    static func isYes(_ value: String) -> Bool { yesOrNo(value) == true }

    /// The step's name as a heading: `Decision notice`.
    public var title: String { StepField.words(name) }
}

/// One field of a step's form: one option of the command (its name without the dashes), or its positional text.
public struct StepField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A date: ISO, or day first as people type it (`3/12/2026`).
        case date
        /// One of the values listed.
        case choice([String])
        /// A number (of days, hours, pounds, a step).
        case number
        /// Given or not (a box to tick).
        case flag
        /// A question to answer yes or no.
        case yesOrNo
        /// A line of text: a name, a reference, a citation.
        case line
        /// A text that may run to paragraphs (a reason, a note, a document's text).
        case text
        /// A file uploaded as it is (a document to enclose).
        case upload
    }

    /// The option's name (`estimate-hours`): the form's input and the API's key.
    public var name: String
    /// The option's help: what to give.
    public var hint: String
    public var kind: Kind
    public var required: Bool
    /// Whether it can be given more than once (several citations): separated by commas in a form.
    public var repeating: Bool
    /// What it is when not given, where that is a value (a role, a number of days).
    public var defaultValue: String?
    /// The field's label: its name in words (`Estimate hours`), unless a page words it otherwise.
    public var label: String

    public init(
        name: String, hint: String, kind: Kind, required: Bool, repeating: Bool, defaultValue: String? = nil,
        label: String? = nil
    ) {
        self.label = label ?? Self.words(name)
        self.name = name
        self.hint = hint
        self.kind = kind
        self.required = required
        self.repeating = repeating
        self.defaultValue = defaultValue
    }

    /// `decision-notice` as `Decision notice`.
    public static func words(_ name: String) -> String {
        let spaced = name.replacing("-", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
