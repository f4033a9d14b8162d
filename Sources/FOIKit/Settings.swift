/// The organisation's settings: what each holds, its default, and which values it takes. A store keeps them as
/// text by key; what a value means is decided here.
public enum Settings {
    public enum Key: String, CaseIterable, Sendable {
        /// How generated references look: `FOI-{YYYY}-{SEQ:6}` by default.
        case referencePattern = "reference-pattern"
        /// Day 0 for requests received on a non-working day, for new cases: `statutory` or `next-working-day`.
        case receiptConvention = "receipt-convention"
        /// Working days to wait for clarification before the request may be closed (no statute sets it).
        case clarificationLapseDays = "clarification-lapse-days"
        /// Years after a case closes that its requester's personal data is kept: `3`, or `3, sar=6`.
        case retentionYears = "retention-years"
        /// Working days a contributor task is given when no date or count is given for it.
        case taskDays = "task-days"
        /// Working days each approver of a chain of sign-off has.
        case approvalDays = "approval-days"
        /// The flags that make sign-off compulsory before the response goes out: `flagged` (any), a list of flags
        /// (`press, legal`), or empty (none).
        case requireApproval = "require-approval"
        /// Where the team reaches foi-server (`https://foi.council.example`): the links in the messages it sends.
        case webAddress = "web-address"
        // The authority's profile, which letters print: unset until the authority gives it.
        case authorityName = "authority-name"
        case authorityAddress = "authority-address"
        case foiContact = "foi-contact"
        case foiEmail = "foi-email"
        case reviewContact = "review-contact"
        case signature
        case reuseParagraph = "reuse-paragraph"
        /// `central-government`, `other-public-authority` or `scottish-public-authority`: the cost limit letters quote.
        case authorityType = "authority-type"
        /// What a reply to a subject access request says of the data beside the copy (UK GDPR Art. 15(1)-(2)).
        case subjectAccessInformation = "sar-information"
        /// A directory of edited letter templates; unset: the built-in ones.
        case templatesDirectory = "templates-dir"
        /// The authority's Word letterhead (a .docx or .dotx) that Word letters are written into; unset: a plain page.
        case letterheadDocx = "letterhead-docx"
        /// The language letters are written in: `en`, `cy` (Welsh) or `en+cy` (bilingual, the Welsh first).
        case letterLanguage = "letter-language"

        public var defaultValue: String {
            switch self {
            case .referencePattern: "FOI-{YYYY}-{SEQ:6}"
            case .receiptConvention: ReceiptConvention.statutory.rawValue
            case .clarificationLapseDays: String(ClockPolicy.defaultClarificationLapseWorkingDays)
            case .taskDays: String(TaskRequest.defaultWorkingDays)
            case .approvalDays: String(ApprovalRequest.defaultWorkingDays)
            case .webAddress: "http://localhost:8080"
            case .requireApproval: ""
            case .retentionYears: RetentionPolicy().description
            case .letterLanguage: LetterLanguage.english.rawValue
            case .authorityName, .authorityAddress, .foiContact, .foiEmail, .reviewContact, .signature,
                .reuseParagraph, .templatesDirectory, .authorityType, .subjectAccessInformation, .letterheadDocx:
                ""
            }
        }

        /// The profile field the setting holds, if it is one (they share their names).
        public var profileField: AuthorityProfile.Field? { AuthorityProfile.Field(rawValue: rawValue) }

        /// Refuses a value the setting cannot take. Any text goes for the profile (a blank one unsets it) and for a
        /// templates directory, which is read when a letter is written.
        public func check(_ value: String) throws(SettingError) {
            switch self {
            case .referencePattern:
                // Checked by the same parser that will use it.
                do { _ = try ReferencePattern.expand(value, year: 2026, sequence: 1) } catch {
                    throw .badValue(self, value: value, reason: error.description)
                }
            case .receiptConvention:
                guard ReceiptConvention(rawValue: value) != nil else {
                    throw .badValue(self, value: value, reason: "use statutory or next-working-day")
                }
            case .retentionYears:
                do { _ = try RetentionPolicy(parsing: value) } catch {
                    throw .badValue(self, value: value, reason: error.advice)
                }
            case .clarificationLapseDays:
                _ = try ClockPolicy(clarificationLapseDays: value)
            case .taskDays:
                _ = try TaskRequest.workingDays(setting: value)
            case .approvalDays:
                _ = try ApprovalRequest.workingDays(setting: value)
            case .requireApproval:
                _ = try ApprovalRequest.requiredFlags(setting: value)
            case .webAddress:
                let scheme = value.prefix { $0 != ":" }
                guard ["http", "https"].contains(scheme), value.hasPrefix(scheme + "://"),
                    value.count > scheme.count + 3,
                    !value.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" })
                else {
                    throw .badValue(
                        self, value: value, reason: "give the address the team opens, e.g. https://foi.council.example")
                }
            case .letterLanguage:
                guard LetterLanguage(rawValue: value) != nil else {
                    throw .badValue(
                        self, value: value,
                        reason: "use en (English), cy (Welsh) or en+cy (both, the Welsh first)")
                }
            case .authorityType:
                guard value.isEmpty || AuthorityType(rawValue: value) != nil else {
                    throw .badValue(
                        self, value: value,
                        reason: "use " + AuthorityType.allCases.map(\.rawValue).joined(separator: ", "))
                }
            case .authorityName, .authorityAddress, .foiContact, .foiEmail, .reviewContact, .signature,
                .reuseParagraph, .templatesDirectory, .subjectAccessInformation, .letterheadDocx:
                break
            }
        }
    }

    /// The setting named `name`, or why there is none.
    public static func key(named name: String) throws(SettingError) -> Key {
        guard let key = Key(rawValue: name) else { throw .unknown(name: name) }
        return key
    }
}

/// The language of an authority's letters. Welsh public bodies must offer Welsh (Welsh Language (Wales) Measure
/// 2011, the standards on correspondence); a bilingual letter puts the Welsh first, where it is likely to be read
/// first, and treats it no less favourably than the English.
public enum LetterLanguage: String, CaseIterable, Sendable {
    case english = "en"
    case welsh = "cy"
    case bilingual = "en+cy"
}

/// A setting that does not exist, or a value it cannot take.
public enum SettingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknown(name: String)
    case badValue(Settings.Key, value: String, reason: String)

    public var description: String {
        switch self {
        case .unknown(let name):
            "no setting '\(name)'; the settings are \(Settings.Key.allCases.map(\.rawValue).joined(separator: ", "))"
        case .badValue(let key, let value, let reason):
            "'\(value)' is not a value of \(key.rawValue): \(reason)"
        }
    }
}

extension ClockPolicy {
    /// The longest wait for a clarification a setting may give: a year of working days and more is a typo.
    public static let longestClarificationLapse = 250

    /// The policy a `clarification-lapse-days` setting gives.
    public init(clarificationLapseDays text: String) throws(SettingError) {
        self.init(
            clarificationLapseWorkingDays: try Settings.Key.clarificationLapseDays.workingDays(
                text, allowed: 1...Self.longestClarificationLapse))
    }
}

extension Settings.Key {
    /// The count of working days `text` gives for this setting, refused outside `allowed`.
    func workingDays(_ text: String, allowed: ClosedRange<Int>) throws(SettingError) -> Int {
        guard let days = Int(text), allowed.contains(days) else {
            throw .badValue(
                self, value: text,
                reason: "give a number of working days from \(allowed.lowerBound) to \(allowed.upperBound)")
        }
        return days
    }
}

/// Generated references: `{YYYY}`, `{YY}` and `{SEQ:n}` (the yearly sequence, zero-padded to n digits).
public enum ReferencePattern {
    /// The reference the pattern gives the `sequence`-th request of `year`. Parsed by hand: a regular expression
    /// here cost every new case a few milliseconds of ICU start-up.
    public static func expand(_ pattern: String, year: Int, sequence: Int) throws(ReferencePatternError)
        -> CaseReference
    {
        guard let start = pattern.firstRange(of: "{SEQ") else { throw ReferencePatternError(pattern: pattern) }
        var rest = pattern[start.upperBound...]
        var width = 0
        if rest.first == ":" {
            let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            // A sequence padded to more digits than any office will issue is a typo, not a pattern.
            guard !digits.isEmpty, let number = Int(digits), number <= 12 else {
                throw ReferencePatternError(pattern: pattern)
            }
            width = number
            rest = rest[digits.endIndex...]
        }
        guard rest.first == "}" else { throw ReferencePatternError(pattern: pattern) }
        func padded(_ number: Int, to width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let text = (pattern[..<start.lowerBound] + padded(sequence, to: width) + rest.dropFirst())
            .replacing("{YYYY}", with: String(year))
            .replacing("{YY}", with: padded(year % 100, to: 2))
        return CaseReference(rawValue: String(text))
    }
}

/// A reference pattern that cannot make references.
public struct ReferencePatternError: Error, Equatable, Sendable, CustomStringConvertible {
    public var pattern: String

    public init(pattern: String) {
        self.pattern = pattern
    }

    public var description: String {
        "the reference pattern '\(pattern)' needs {SEQ} or {SEQ:n} with n at most 12 (and may use {YYYY} and {YY}), "
            + "e.g. FOI-{YYYY}-{SEQ:6} or 01.FOI.{YY}.{SEQ:6}"
    }
}
