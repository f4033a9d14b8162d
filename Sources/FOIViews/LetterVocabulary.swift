import FOIKit

/// The language a letter's values are written in: the templates write the sentences, these the words the case
/// puts into them (dates, the law's names, the regulator, an exemption's citation and title, a part's heading).
/// A Welsh value that the templates put after a preposition which mutates it is given mutated (soft mutation
/// after `o dan`, `ar`, `gan` and `i`: `o dan reoliad 14`, `i ran 2`); docs/LETTERS.md says which values those are.
enum LetterVocabulary: Sendable {
    case english
    case welsh

    /// The suffix of its templates' names: `response` and `response-cy`.
    var templateSuffix: String {
        switch self {
        case .english: ""
        case .welsh: "-cy"
        }
    }

    /// The language's tag, for a page (`lang`) or a Word document's proofing language.
    var tag: String {
        switch self {
        case .english: "en-GB"
        case .welsh: "cy-GB"
        }
    }

    /// `5 January 2021`, `5 Ionawr 2021`.
    func date(_ date: CivilDate) -> String {
        switch self {
        case .english: date.letterDescription
        case .welsh: "\(date.day) \(Self.welshMonths[date.month - 1]) \(date.year)"
        }
    }

    private static let welshMonths = [
        "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref",
        "Tachwedd", "Rhagfyr",
    ]

    /// `A`, `A and B`, `A, B and C` (`a` in Welsh: the items are citations and numbers, before which it stays `a`).
    func list(_ items: [String]) -> String {
        let and = self == .english ? " and " : " a "
        return items.count < 2
            ? items.joined() : items.dropLast().joined(separator: ", ") + and + items[items.count - 1]
    }

    /// A provision as a list or a heading names it: `Section 31(1)`, `Regulation 12(4)(a)`, `Schedule 2, paragraph
    /// 16 to the Data Protection Act 2018`; `Adran 31(1)`, `Rheoliad 12(4)(a)`.
    func provision(_ citation: String, environmental: Bool) -> String {
        switch self {
        case .english: return ExemptionCatalogue.named(citation, environmental: environmental)
        case .welsh:
            guard let (schedule, paragraph) = Self.scheduleParagraph(citation) else {
                return "\(environmental ? "Rheoliad" : "Adran") \(citation)"
            }
            return "Atodlen \(schedule), paragraff \(paragraph) i Ddeddf Diogelu Data 2018"
        }
    }

    /// A provision inside a sentence, after `on` (`ar`, which mutates `rheoliad`): `section 43(2)`, `reoliad 13`.
    func provisionInSentence(_ citation: String, environmental: Bool) -> String {
        let named = provision(citation, environmental: environmental)
        let lowered = (named.first?.lowercased() ?? "") + named.dropFirst()
        return self == .welsh && lowered.hasPrefix("rheoliad") ? "r" + lowered.dropFirst(2) : lowered
    }

    /// `section 40(2)`, `sections 40(2) and 43(2)`, `regulation 12(5)(e)`; in Welsh after `o dan`: `adran 40(2)`,
    /// `adrannau 40(2) a 43(2)`, `reoliad 12(5)(e)`.
    func provisions(_ citations: [String], environmental: Bool) -> String {
        let several = citations.count > 1
        let word =
            switch self {
            case .english: environmental ? "regulation" + (several ? "s" : "") : "section" + (several ? "s" : "")
            case .welsh: environmental ? (several ? "reoliadau" : "reoliad") : (several ? "adrannau" : "adran")
            }
        return "\(word) \(list(citations))"
    }

    /// The parts of the request a reasoning applies to: `part 2`, `parts 1 and 3`; in Welsh after `i`: `ran 2`,
    /// `rannau 1 a 3`.
    func requestParts(_ parts: [String]) -> String {
        switch self {
        case .english: parts.count == 1 ? "part \(parts[0])" : "parts " + list(parts)
        case .welsh: parts.count == 1 ? "ran \(parts[0])" : "rannau " + list(parts)
        }
    }

    /// An answer's heading: `Part 2` or, for the whole request, `Your request`.
    func partHeading(_ part: String?) -> String {
        switch self {
        case .english: part.map { "Part \($0)" } ?? "Your request"
        case .welsh: part.map { "Rhan \($0)" } ?? "Eich cais"
        }
    }

    /// `8 bytes`, `12 KB`, `1.4 MB` (`8 beit`).
    func size(_ bytes: Int) -> String {
        if bytes < 1_000 { return self == .welsh ? "\(bytes) beit" : "\(bytes) byte\(bytes == 1 ? "" : "s")" }
        if bytes < 1_000_000 { return "\((bytes + 500) / 1_000) KB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// What the public interest factors are for or against: disclosure, or confirming or denying.
    func publicInterestSubject(neitherConfirmNorDeny: Bool) -> String {
        switch self {
        case .english: neitherConfirmNorDeny ? "confirming or denying" : "disclosure"
        case .welsh: neitherConfirmNorDeny ? "cadarnhau neu wadu" : "datgelu"
        }
    }

    /// The regime's name as a letter's title gives it.
    func title(of regime: Regime) -> String {
        guard self == .welsh else { return regime.title }
        return switch regime {
        case .foia: "Deddf Rhyddid Gwybodaeth 2000"
        case .eir: "Rheoliadau Gwybodaeth Amgylcheddol 2004"
        case .sar: "Hawl mynediad GDPR y DU (cais gwrthrych am wybodaeth)"
        case .foisa, .eirs: regime.title
        }
    }

    /// The words that differ by regime: an exemption or an exception, a review or a reconsideration, the Act or
    /// the Regulations, and the provision a refusal notice is given under.
    func words(_ regime: Regime) -> [String: Any] {
        let environmental = regime == .eir || regime == .eirs
        switch self {
        case .english:
            return [
                "exemption": environmental ? "exception" : "exemption",
                "exemptions": environmental ? "exceptions" : "exemptions",
                "review": environmental ? "reconsideration" : "internal review",
                "act": regime == .sar ? "UK GDPR" : regime.title,
                "law": environmental ? "the Regulations" : regime == .sar ? "UK GDPR" : "the Act",
                "exempt": environmental
                    ? "excepted from disclosure"
                    : regime == .sar ? "exempt from your right of access" : "exempt from disclosure",
                "notice": [
                    .foia: "section 17 of the Freedom of Information Act 2000",
                    .eir: "regulation 14 of the Environmental Information Regulations 2004",
                    .foisa: "section 16 of the Freedom of Information (Scotland) Act 2002",
                    .eirs: "regulation 13 of the Environmental Information (Scotland) Regulations 2004",
                    .sar: "UK GDPR Article 12(4)",
                ][regime] ?? "",
            ]
        case .welsh:
            return [
                "exemption": environmental ? "eithriad" : "esemptiad",
                "exemptions": environmental ? "eithriadau" : "esemptiadau",
                "review": environmental ? "ailystyriaeth" : "adolygiad mewnol",
                "act": regime == .sar ? "GDPR y DU" : title(of: regime),
                "law": environmental ? "y Rheoliadau" : regime == .sar ? "GDPR y DU" : "y Ddeddf",
                // Of information (gwybodaeth, feminine): `ei bod wedi'i hesemptio`.
                "exempt": environmental
                    ? "wedi'i heithrio rhag ei datgelu"
                    : regime == .sar ? "wedi'i hesemptio rhag eich hawl mynediad" : "wedi'i hesemptio rhag ei datgelu",
                // After `o dan`.
                "notice": [
                    .foia: "adran 17 o Ddeddf Rhyddid Gwybodaeth 2000",
                    .eir: "reoliad 14 o Reoliadau Gwybodaeth Amgylcheddol 2004",
                    .sar: "Erthygl 12(4) o GDPR y DU",
                ][regime] ?? "",
            ]
        }
    }

    /// The regulator a complaint goes to.
    func regulator(_ regime: Regime) -> [String: Any] {
        switch regime {
        case .foisa, .eirs:
            return [
                "name": "the Scottish Information Commissioner", "short": "the Commissioner",
                "address": LetterContext.lines("Kinburn Castle\nDoubledykes Road\nSt Andrews\nKY16 9DS"),
                "web": "https://www.foi.scot/appeal", "months": "six months",
            ]
        case .foia, .eir, .sar:
            let welsh = self == .welsh
            return [
                "name": welsh ? "Swyddfa'r Comisiynydd Gwybodaeth" : "the Information Commissioner's Office",
                "short": welsh ? "y Comisiynydd" : "the ICO",
                "address": LetterContext.lines("Wycliffe House\nWater Lane\nWilmslow\nCheshire\nSK9 5AF"),
                "web": "https://ico.org.uk/make-a-complaint/",
            ]
        }
    }

    /// The cost limit's words (FOIA s.12): its name, the regulations (in Welsh after `gan`), the limit and the rate.
    func cost(_ cost: CostLimit, regime: Regime, type: AuthorityType?) -> [String: String] {
        guard self == .welsh, regime == .foia else {
            return ["name": cost.name, "regulations": cost.regulations, "limit": cost.limit, "rate": cost.rate]
        }
        return [
            "name": "terfyn priodol",
            "regulations": "Reoliadau Rhyddid Gwybodaeth a Diogelu Data (Terfyn Priodol a Ffioedd) 2004",
            "limit": type == .centralGovernment
                ? "£600"
                : type == .otherPublicAuthority
                    ? "£450" : "£600 ar gyfer llywodraeth ganolog, £450 ar gyfer awdurdodau cyhoeddus eraill",
            "rate": "£\(cost.hourlyRate) yr awr",
        ]
    }

    /// An exemption's title in the language, where the catalogue has it.
    func title(of exemption: Exemption?) -> String {
        guard let exemption else { return "" }
        return self == .welsh ? exemption.welshTitle ?? exemption.title : exemption.title
    }

    /// The schedule and paragraph of a DPA 2018 citation kept as `SCH2P16`.
    private static func scheduleParagraph(_ citation: String) -> (Substring, Substring)? {
        guard citation.hasPrefix("SCH"), let p = citation.firstIndex(of: "P") else { return nil }
        return (citation[citation.index(citation.startIndex, offsetBy: 3)..<p], citation[citation.index(after: p)...])
    }
}
