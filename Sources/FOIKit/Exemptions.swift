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
public struct Exemption: Hashable, Codable, Sendable {
    public var regime: Regime
    /// `31`, `22A`, `12(5)(e)`.
    public var section: String
    public var title: String
    public var kind: ExemptionKind
    /// The provision that excludes the duty to confirm or deny, or nil where there is none (FOIA s.21).
    public var ncnd: String?
    public var note: String?

    /// `s.31 Law enforcement` / `reg 12(5)(e) Confidentiality of ...`.
    public var label: String {
        let prefix = (regime == .eir || regime == .eirs) ? "reg " : "s."
        return "\(prefix)\(section) \(title)"
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

    public init(exemptions: [Exemption]) {
        self.exemptions = exemptions
    }

    /// Loads `{"exemptions": [{"regime", "section", "title", "kind", "ncnd", "note"}]}`.
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
            exemptions.append(
                Exemption(
                    regime: regime, section: section, title: title, kind: kind, ncnd: text("ncnd"), note: text("note")))
        }
        self.init(exemptions: exemptions)
    }

    /// The entry that `citation` falls under in `regime` (`31(1)(a)` under `31`), or nil.
    public func exemption(citing citation: String, in regime: Regime) -> Exemption? {
        let normalised = Self.normalise(citation)
        return exemptions.first { $0.regime == regime && Self.matches(normalised, $0.section) }
    }

    /// The regimes in which `citation` names an exemption.
    public func regimes(citing citation: String) -> [Regime] {
        let normalised = Self.normalise(citation)
        return exemptions.filter { Self.matches(normalised, $0.section) }.map(\.regime)
    }

    /// `s.31(1)(a)`, `section 31(1)(a)`, `reg 12(5)(e)` → `31(1)(a)`, `12(5)(e)`.
    public static func normalise(_ citation: String) -> String {
        var text = citation.lowercased().replacing(" ", with: "")
        for prefix in ["section", "regulation", "reg.", "reg", "s."] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            break
        }
        return text.uppercasedSection()
    }

    private static func matches(_ citation: String, _ section: String) -> Bool {
        citation == section || citation.hasPrefix(section + "(")
    }
}

private extension String {
    /// Section letters are capitals (`22A`), subsection letters lower case (`(a)`): upper-case letters that
    /// come before the first parenthesis.
    func uppercasedSection() -> String {
        guard let parenthesis = firstIndex(of: "(") else { return uppercased() }
        return self[..<parenthesis].uppercased() + self[parenthesis...]
    }
}
