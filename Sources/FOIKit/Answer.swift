// What the response gives: for each numbered part of the request (or the whole), whether it is released, withheld,
// not held or already accessible, the released text itself, and the documents enclosed.

/// What was found for a part of the request, and what is done with it.
public enum Finding: String, CaseIterable, Codable, Hashable, Sendable {
    case released
    /// Some released, the rest withheld under the exemptions named.
    case partlyReleased = "partly-released"
    case withheld
    case notHeld = "not-held"
    /// Held and reasonably accessible to the requester otherwise (FOIA s.21, FOISA s.25, EIR reg 6(1)(b)): the
    /// answer says where.
    case accessible

    /// Whether the part is withheld, at least in part, and so names the exemptions it is withheld under.
    public var withholds: Bool { self == .partlyReleased || self == .withheld }
}

/// A document sent with the response: its name, size and SHA-256, the file kept beside the case.
public struct Enclosure: Hashable, Sendable {
    public var name: String
    /// Its size in bytes.
    public var size: Int
    /// The SHA-256 of its bytes, in hex: the copy kept and the one sent can be checked against it.
    public var digest: String
    /// Whether it holds personal data (a subject access reply, an unredacted record): removed with the case's
    /// personal data at the end of its retention.
    public var personal: Bool

    public init(name: String, size: Int, digest: String, personal: Bool) {
        self.name = name
        self.size = size
        self.digest = digest
        self.personal = personal
    }

    /// The largest file kept as an enclosure: a response's documents are read whole into memory to keep them.
    public static let maximumSize = 50 * 1024 * 1024
}

/// The answer to one part of the request (or to the whole of it).
public struct PartAnswer: Hashable, Sendable {
    /// The part as the request numbers it (`1`, `A`, `2(b)`); nil: the whole request.
    public var part: String?
    public var finding: Finding
    /// What is released, or where an accessible part is to be found: Markdown (paragraphs, lists and tables).
    public var text: String?
    /// The exemptions a withheld part is withheld under, as the case applies them.
    public var exemptions: [String]
    public var enclosures: [Enclosure]

    public init(
        part: String? = nil, finding: Finding, text: String? = nil, exemptions: [String] = [],
        enclosures: [Enclosure] = []
    ) {
        self.part = part
        self.finding = finding
        self.text = text
        self.exemptions = exemptions
        self.enclosures = enclosures
    }
}

/// Why an answer cannot be recorded as given.
public enum AnswerProblem: Hashable, Sendable, CustomStringConvertible {
    /// Withheld, or partly, without the exemptions it is withheld under; or exemptions named for a part that is not.
    case exemptionsDoNotFit(Finding)
    /// Released or accessible with nothing to say what: no text and no enclosure.
    case nothingGiven(Finding)

    public var description: String {
        switch self {
        case .exemptionsDoNotFit(let finding) where finding.withholds:
            "a part \(finding == .withheld ? "withheld" : "partly released") names the exemptions it is withheld under"
        case .exemptionsDoNotFit(let finding):
            "a part \(finding == .notHeld ? "not held" : finding.rawValue) is withheld under no exemption"
        case .nothingGiven(.accessible): "an accessible part says where the information is"
        case .nothingGiven: "a part released gives the information: its text, or an enclosure"
        }
    }
}

extension Case {
    /// Records `answer`: in place of an earlier answer to the same part, else after the others. A withheld part
    /// names exemptions the case applies.
    mutating func record(_ answer: PartAnswer) throws(LifecycleError) {
        if answer.finding.withholds == answer.exemptions.isEmpty {
            throw .answer(.exemptionsDoNotFit(answer.finding))
        }
        if answer.finding == .released || answer.finding == .accessible || answer.finding == .partlyReleased,
            answer.text?.allSatisfy(\.isWhitespace) ?? true, answer.enclosures.isEmpty
        {
            throw .answer(.nothingGiven(answer.finding))
        }
        for citation in answer.exemptions where !exemptions.contains(where: { $0.citation == citation }) {
            throw .exemptionNotRelied(citation: citation, relied: exemptions.map(\.citation))
        }
        if let index = answers.firstIndex(where: { $0.part == answer.part }) {
            answers[index] = answer
        } else {
            answers.append(answer)
        }
    }
}
