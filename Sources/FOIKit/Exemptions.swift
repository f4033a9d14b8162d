/// Whether an exemption needs a public interest test.
public enum ExemptionKind: String, Codable, Hashable, Sendable {
    /// No public interest test.
    case absolute
    /// Relied on only where the public interest in maintaining it outweighs that in disclosure.
    case qualified
    /// Absolute for some subsections, qualified for others (see the entry's note); a conclusion is recorded.
    case mixed
}

/// One exemption or exception of the catalogue (`seeds/exemptions.json`).
public struct Exemption: Hashable, Encodable, Sendable {
    public var regime: Regime
    /// `31`, `22A`, `12(5)(e)`.
    public var section: String
    public var title: String
    /// The title in Welsh, for a Welsh letter (FOIA, the EIR and subject access: the regimes of Wales).
    public var welshTitle: String?
    public var kind: ExemptionKind
    /// The provision that excludes the duty to confirm or deny, or nil where there is none (FOIA s.21).
    public var ncnd: String?
    public var note: String?
    /// The subsections and paragraphs under the entry as the catalogue writes them (`(1)(a)-(i)`, `(3)`).
    public var provisions: [String]
    /// The provisions whose limbs are alternatives, one or more of which a citation must name (`(1)` of s.31: the
    /// purpose prejudiced; `""`: the section itself). Limbs that are conditions all met together (s.40(2)(a) and
    /// (b)) are not listed: their provision is cited whole.
    public var alternatives: [String]
    /// Every path under the section, ranges expanded, with its prefixes: `(1)`, `(1)(a)`, ….
    private var paths: Set<[String]>

    private enum CodingKeys: String, CodingKey {
        case regime, section, title, kind, ncnd, note, provisions, alternatives
        case welshTitle = "titleCy"
    }

    public init(
        regime: Regime, section: String, title: String, welshTitle: String? = nil, kind: ExemptionKind,
        ncnd: String? = nil, note: String? = nil, provisions: [String] = [], alternatives: [String] = []
    ) {
        self.alternatives = alternatives
        self.regime = regime
        self.section = section
        self.title = title
        self.welshTitle = welshTitle
        self.kind = kind
        self.ncnd = ncnd
        self.note = note
        self.provisions = provisions
        self.paths = Set(provisions.flatMap(Self.paths(expanding:)))
    }

    /// `s.31 Law enforcement` / `reg 12(5)(e) Confidentiality of ...`.
    public var label: String {
        let prefix = (regime == .eir || regime == .eirs) ? "reg " : "s."
        return "\(prefix)\(section) \(title)"
    }

    /// Whether `citation` (normalised, under this entry's section) names provisions the entry has: `31(1)(a)`,
    /// or several in the combined form officers write, each part under the one before or beside it:
    /// `27(1)(a)(c)` (27(1)(a) and 27(1)(c)), `40(2)(3A)(a)` (40(2) and 40(3A)(a)).
    public func names(_ citation: String) -> Bool {
        guard citation.hasPrefix(section), let tokens = Self.tokens(citation.dropFirst(section.count)) else {
            return false
        }
        var path: [String] = []
        for token in tokens {
            // The token continues the path at the deepest level where it is a known provision.
            let depths = (0...path.count).reversed()
            guard let depth = depths.first(where: { paths.contains(Array(path[..<$0]) + [token]) }) else {
                return false
            }
            path = Array(path[..<depth]) + [token]
        }
        return true
    }

    /// The limbs a citation (normalised) leaves unnamed where it stops at a provision whose limbs are alternatives
    /// (`31(1)` → `31(1)(a)` … `31(1)(i)`; `31` → `31(1)` … `31(3)`), in order; nil where it names one.
    public func unnamedLimbs(_ citation: String) -> [String]? {
        guard citation.hasPrefix(section) else { return nil }
        let rest = citation.dropFirst(section.count)
        guard alternatives.contains(String(rest)), let path = Self.tokens(rest) else { return nil }
        let limbs = provisions.flatMap(Self.paths(expanding:))
            .filter { $0.count == path.count + 1 && Array($0.prefix(path.count)) == path }
            .map { section + $0.map { "(\($0))" }.joined() }
        var seen = Set<String>()
        let ordered = limbs.filter { seen.insert($0).inserted }
        return ordered.isEmpty ? nil : ordered
    }

    /// A citation that names a limb, for an example: the first limb, down through any that are alternatives in
    /// their turn (`31` → `31(1)(a)`).
    public func firstNamedLimb(under citation: String) -> String? {
        var example = citation
        while let limbs = unnamedLimbs(example), let first = limbs.first { example = first }
        return example == citation ? nil : example
    }

    /// `(1)(a)` → `["1", "a"]`; nil unless the text is all parenthesised tokens.
    private static func tokens(_ text: Substring) -> [String]? {
        var tokens: [String] = []
        var rest = text
        while let first = rest.first {
            guard first == "(", let close = rest.firstIndex(of: ")") else { return nil }
            let token = rest[rest.index(after: rest.startIndex)..<close]
            guard !token.isEmpty, token.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            tokens.append(String(token))
            rest = rest[rest.index(after: close)...]
        }
        return tokens
    }

    private static let romanNumerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]

    /// `(2)(a)-(c)` → the paths `2`, `2/a`, `2/b`, `2/c`; a range is of letters or of roman numerals.
    private static func paths(expanding provision: String) -> [[String]] {
        let parts = provision.split(separator: "-", maxSplits: 1)
        guard let head = tokens(parts[0]), let last = head.last else { return [] }
        var lasts = [last]
        if parts.count == 2, let end = tokens(parts[1])?.first {
            if let from = romanNumerals.firstIndex(of: last), let to = romanNumerals.firstIndex(of: end), from < to {
                lasts = Array(romanNumerals[from...to])
            } else if let from = last.unicodeScalars.first?.value, let to = end.unicodeScalars.first?.value,
                last.count == 1, end.count == 1, from < to
            {
                lasts = (from...to).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
            }
        }
        let prefixes = (1..<head.count).map { Array(head[..<$0]) }
        return prefixes + lasts.map { Array(head.dropLast()) + [$0] }
    }
}

/// Why the exemption catalogue could not be loaded.
public struct CatalogueError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String

    public var description: String { "the exemption catalogue cannot be read: \(reason)" }
}

/// The exemptions of every regime, looked up by citation.
public struct ExemptionCatalogue: Sendable {
    public let exemptions: [Exemption]
    /// The entries by regime and section: a replay looks up every exemption event's citation.
    private let bySection: [Regime: [String: Exemption]]

    public init(exemptions: [Exemption]) {
        self.exemptions = exemptions
        var bySection: [Regime: [String: Exemption]] = [:]
        for exemption in exemptions where bySection[exemption.regime]?[exemption.section] == nil {
            bySection[exemption.regime, default: [:]][exemption.section] = exemption
        }
        self.bySection = bySection
    }

    /// Loads `{"exemptions": [{"regime", "section", "title", "titleCy", "kind", "ncnd", "note"}]}`.
    public init(json: [UInt8]) throws(CatalogueError) {
        let value: JSONValue
        do { value = try JSONValue(parsing: String(decoding: json, as: UTF8.self)) } catch {
            throw CatalogueError(reason: error.description)
        }
        guard case .object(let file) = value, case .array(let entries)? = file["exemptions"] else {
            throw CatalogueError(reason: "it has no list of exemptions")
        }
        var exemptions: [Exemption] = []
        for (index, entry) in entries.enumerated() {
            func text(_ key: String) -> String? {
                guard case .object(let fields) = entry, case .string(let value)? = fields[key] else { return nil }
                return value
            }
            guard let regime = text("regime").flatMap(Regime.init(rawValue:)), let section = text("section"),
                let title = text("title"), let kind = text("kind").flatMap(ExemptionKind.init(rawValue:))
            else { throw CatalogueError(reason: "entry \(index + 1) lacks its regime, section, title or kind") }
            func list(_ key: String) -> [String] {
                guard case .object(let fields) = entry, case .array(let list)? = fields[key] else { return [] }
                return list.compactMap { if case .string(let text) = $0 { text } else { nil } }
            }
            let provisions = list("provisions")
            exemptions.append(
                Exemption(
                    regime: regime, section: section, title: title, welshTitle: text("titleCy"), kind: kind,
                    ncnd: text("ncnd"), note: text("note"), provisions: provisions,
                    alternatives: list("alternatives")))
        }
        self.init(exemptions: exemptions)
    }

    /// Whether `decision` is subject to the public interest test: its exemption is qualified, or qualified for some
    /// subsections (s.40) and the officer recorded a public interest conclusion for it. An unknown citation is not.
    public func isQualified(_ decision: ExemptionDecision) -> Bool {
        switch exemption(citing: decision.citation, in: decision.part)?.kind {
        case .qualified: true
        case .mixed: decision.publicInterest != nil
        case .absolute, nil: false
        }
    }

    /// The entry that `citation` falls under in `regime` (`31(1)(a)` under `31`), or nil.
    public func exemption(citing citation: String, in regime: Regime) -> Exemption? {
        guard let sections = bySection[regime] else { return nil }
        // The citation itself, then without its last parenthesised part, and so on: `31(1)(a)`, `31(1)`, `31`.
        var candidate = Substring(Self.normalise(citation))
        while true {
            if let exemption = sections[String(candidate)] { return exemption }
            guard let open = candidate.lastIndex(of: "(") else { return nil }
            candidate = candidate[..<open]
        }
    }

    /// The regimes in which `citation` names an exemption.
    public func regimes(citing citation: String) -> [Regime] {
        let normalised = Self.normalise(citation)
        return exemptions.filter { Self.matches(normalised, $0.section) }.map(\.regime)
    }

    /// `s.31(1)(a)`, `section 31(1)(a)`, `reg 12(5)(e)` → `31(1)(a)`, `12(5)(e)`; a paragraph of a schedule of the
    /// Data Protection Act 2018 (`Sch 2 para 16`, `schedule 2, paragraph 16(1)`) → `SCH2P16`, `SCH2P16(1)`.
    public static func normalise(_ citation: String) -> String {
        if isNormal(citation) || isScheduleParagraph(citation) { return citation }
        var text = citation.lowercased().replacing(" ", with: "").replacing(",", with: "")
        if let paragraph = scheduleParagraph(text) { return paragraph }
        for prefix in ["section", "regulation", "reg.", "reg", "s."] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            break
        }
        return text.uppercasedSection()
    }

    /// `sch2para16(1)`, `schedule2paragraph16`, `sch.2p.16` (lower case, without spaces) as `SCH2P16(1)`; nil for
    /// anything else.
    private static func scheduleParagraph(_ text: String) -> String? {
        var rest = Substring(text)
        func take(_ words: [String]) -> Bool {
            guard let word = words.first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(word.count)
            return true
        }
        func number() -> String? {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            return digits.isEmpty ? nil : String(digits)
        }
        guard take(["schedule", "sch."]) || take(["sch"]), let schedule = number(),
            take(["paragraph", "para.", "para", "p.", "p"]), let paragraph = number()
        else { return nil }
        return "SCH\(schedule)P\(paragraph)" + String(rest).uppercasedSection()
    }

    /// Whether `citation` is a schedule's paragraph as `normalise` writes it: `SCH2P16`, `SCH2P16(1)(a)`.
    private static func isScheduleParagraph(_ citation: String) -> Bool {
        guard citation.hasPrefix("SCH") else { return false }
        return scheduleParagraph(citation.lowercased()) == citation
    }

    /// A citation as a letter names it: `Section 31(1)(a)`, `Regulation 12(5)(e)` (`environmental`), or a schedule's
    /// paragraph of the Data Protection Act 2018: `Schedule 2, paragraph 16 to the Data Protection Act 2018`.
    public static func named(_ citation: String, environmental: Bool) -> String {
        guard citation.hasPrefix("SCH"), let p = citation.firstIndex(of: "P") else {
            return "\(environmental ? "Regulation" : "Section") \(citation)"
        }
        let schedule = citation[citation.index(citation.startIndex, offsetBy: 3)..<p]
        return
            "Schedule \(schedule), paragraph \(citation[citation.index(after: p)...]) to the Data Protection Act 2018"
    }

    /// Whether `citation` is already as `normalise` writes it (as stored): digits and capitals, then parenthesised
    /// parts, lower case but for a numbered subsection's letter (`(3A)`).
    private static func isNormal(_ citation: String) -> Bool {
        var inParenthesis = false
        var numbered = true
        var previous: UInt8 = 0
        for byte in citation.utf8 {
            switch byte {
            case UInt8(ascii: "("):
                guard !inParenthesis, previous != 0 else { return false }
                (inParenthesis, numbered) = (true, false)
            case UInt8(ascii: ")"):
                guard inParenthesis, previous != UInt8(ascii: "(") else { return false }
                (inParenthesis, numbered) = (false, true)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inParenthesis && previous == UInt8(ascii: "(") { numbered = true }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                guard numbered, previous != 0 else { return false }
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard inParenthesis, !numbered else { return false }
            default:
                return false
            }
            previous = byte
        }
        return !inParenthesis && previous != 0
    }

    private static func matches(_ citation: String, _ section: String) -> Bool {
        citation == section || citation.hasPrefix(section + "(")
    }
}

private extension String {
    /// Section letters are capitals (`22A`) and so are those of a numbered subsection (`(3A)`); paragraph letters
    /// are lower case (`(a)`, `(ii)`).
    func uppercasedSection() -> String {
        var result = ""
        var numbered = true
        for character in self {
            if character == "(" {
                numbered = false
            } else if !numbered && character.isNumber && result.last == "(" {
                numbered = true
            } else if character == ")" {
                numbered = false
            }
            result.append(numbered ? Character(character.uppercased()) : character)
        }
        return result
    }
}
