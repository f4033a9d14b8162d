import FOIKit
import Foundation

/// The values a letter template can use (documented in docs/LETTERS.md), computed from the case: every date comes
/// from the engine. A value the case does not hold is recorded as a gap and, in a draft, printed as a marker.
struct LetterContext {
    let source: LetterSource
    let kind: LetterKind
    /// The language of the values.
    let vocabulary: LetterVocabulary
    private(set) var gaps: [LetterGap] = []

    init(source: LetterSource, kind: LetterKind, vocabulary: LetterVocabulary = .english) {
        self.source = source
        self.kind = kind
        self.vocabulary = vocabulary
    }

    private var file: Case { source.detail.file }
    private var regime: Regime { file.regime }

    /// A value the letter needs: `value`, or a gap and its marker.
    private mutating func needed(_ value: String?, _ fix: LetterGap.Fix) -> String {
        if let value, !value.allSatisfy(\.isWhitespace) { return value }
        let gap = LetterGap(fix: fix)
        if !gaps.contains(gap) { gaps.append(gap) }
        return "[MISSING: \(gap.description)]"
    }

    /// Text as lines, for templates that print each on its own line.
    static func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { ["line": String($0)] }
    }

    private static func paragraphs(_ texts: [String]) -> [[String: Any]] {
        texts.map { ["text": $0] }
    }

    mutating func build() -> [String: Any] {
        let detail = source.detail
        var values: [String: Any] = [
            "ref": file.reference.rawValue,
            "date": vocabulary.date(source.date),
            "subject": file.receipt.subject,
            "received": vocabulary.date(file.received),
            "receivedNumeric": file.received.numericDescription,
            "regime": regimeValues,
            "words": vocabulary.words(regime),
            "regulator": vocabulary.regulator(regime),
        ]
        values["authority"] = authority
        if source.forPublication {
            values["request"] = ["lines": Self.lines(file.publication.title ?? file.receipt.subject)]
        } else {
            if let requester = detail.requester, requester.name != EventFormat.removedText {
                values["requester"] = ["name": requester.name]
                values["addressee"] = addressee(requester)
            }
            values["request"] = ["lines": Self.lines(needed(file.requestText, .requestText))]
        }
        if let due = detail.summary.due { values["due"] = vocabulary.date(due) }
        // The latest clock of each kind, met or not: a response letter printed after a review was asked for still
        // gives the window it gave.
        for clock in detail.clocks {
            guard let due = clock.due else { continue }
            switch clock.name {
            case .reviewWindow: values["reviewBy"] = vocabulary.date(due)
            case .regulatorWindow: values["regulatorBy"] = vocabulary.date(due)
            case .feeLapse: values["payBy"] = vocabulary.date(due)
            case .clarificationLapse: values["lapseBy"] = vocabulary.date(due)
            case .review: values["reviewDue"] = vocabulary.date(due)
            default: break
            }
        }
        if let note = clarificationNote { values["clarificationNote"] = note }
        if let amount = feeAmount { values["feeAmount"] = amount }
        if let extendedFrom = detail.summary.extendedFrom {
            values["extendedFrom"] = vocabulary.date(extendedFrom)
        }
        values["extensionDays"] = file.publicInterestExtension.map(String.init)
        values["searches"] = file.searches.map { ["location": $0.location, "held": $0.held] }
        // A response neither confirming nor denying says nothing of what the searches found: that would confirm or
        // deny (FOIA s.1(1)(a), ICO guidance on NCND).
        // Nor does a refusal on cost, of a vexatious or repeated request, or under Art. 12(5), none of which says
        // whether anything is held (audit L2).
        let silentOnHolding: [Outcome] = [
            .neitherConfirmNorDeny, .refusedCost, .refusedVexatious, .refusedRepeated, .refusedManifestlyUnfounded,
        ]
        values["searchesMade"] =
            !file.searches.isEmpty && !silentOnHolding.contains(file.responses.last?.outcome ?? .grantedInFull)
        // The re-use paragraph goes with information disclosed (audit L1): a response granting it in whole or in
        // part, a review releasing more; not a refusal, and not a data subject's own data.
        let released: Bool =
            switch kind {
            case .response: [.grantedInFull, .partiallyWithheld].contains(file.responses.last?.outcome)
            case .reviewOutcome: [.partiallyUpheld, .overturned].contains(file.review?.decision?.outcome)
            default: false
            }
        values["discloses"] = released && regime != .sar
        values.merge(outcomeValues()) { _, new in new }
        values["exemptions"] = exemptionValues(file.exemptions.filter { !$0.neitherConfirmNorDeny })
        values["ncndExemptions"] = exemptionValues(file.exemptions.filter(\.neitherConfirmNorDeny))
        values["hasExemptions"] = !file.exemptions.isEmpty
        values["hasReasons"] = !file.exemptions.isEmpty
        values.merge(reviewValues()) { _, new in new }
        // The answer part by part; never in a letter that neither confirms nor denies.
        let answers = LetterAnswers(answers: file.answers, regime: regime, vocabulary: vocabulary)
        if !answers.answers.isEmpty && file.responses.last?.outcome != .neitherConfirmNorDeny {
            values["answers"] = answers.values
            values["hasAnswers"] = true
            values["enclosures"] = answers.schedule
            values["hasEnclosures"] = !answers.schedule.isEmpty
            values["partlyHeld"] = answers.partlyHeld
        }
        return values
    }

    private var regimeValues: [String: Any] {
        [
            "name": regime.shortName, "title": vocabulary.title(of: regime), regime.rawValue: true,
            "scottish": regime == .foisa || regime == .eirs,
            "environmental": regime == .eir || regime == .eirs,
            "statutoryReview": regime != .foia && regime != .sar,
        ]
    }

    private var authority: [String: Any] {
        mutating get {
            let profile = source.profile
            var values: [String: Any] = [
                "name": needed(profile[.name], .setting(.name)),
                "address": Self.lines(needed(profile[.address], .setting(.address))),
                "email": needed(profile[.email], .setting(.email)),
                "reviewContact": needed(profile[.reviewContact], .setting(.reviewContact)),
                "signature": Self.lines(needed(profile[.signature], .setting(.signature))),
            ]
            if let contact = profile[.contact] { values["contact"] = contact }
            if let reuse = profile[.reuseParagraph] { values["reuse"] = reuse }
            // A reply that gives, or withholds, the data subject's data says what the authority does with it.
            let outcome = file.responses.last?.outcome
            if regime == .sar, kind == .response, !source.forPublication,
                [.grantedInFull, .partiallyWithheld, .withheldInFull].contains(outcome)
            {
                values["sarInformation"] = needed(
                    profile[.subjectAccessInformation], .setting(.subjectAccessInformation))
            }
            return values
        }
    }

    private var clarificationNote: String? {
        source.detail.events.last {
            if case .clarificationRequested = $0.recorded.event { true } else { false }
        }.flatMap {
            if case .clarificationRequested(let note) = $0.recorded.event { note } else { nil }
        }
    }

    private var feeAmount: String? {
        source.detail.events.last {
            if case .feeNoticeIssued = $0.recorded.event { true } else { false }
        }.flatMap {
            if case .feeNoticeIssued(let amount) = $0.recorded.event { amount } else { nil }
        }
    }

    /// Whom the letter goes to, above the salutation: by post the name and postal address, else by e-mail to the
    /// address it came from (a request by post with no address kept goes by e-mail where there is one).
    private func addressee(_ requester: Requester) -> [String: Any] {
        var values: [String: Any] = ["name": requester.name]
        let address = requester.address.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if file.receipt.channel == .post || requester.email == nil, let address {
            values["address"] = Self.lines(address)
        } else if let email = requester.email {
            values["byEmail"] = email
        }
        return values
    }

    /// The response's outcome as flags, its date and its advice.
    private mutating func outcomeValues() -> [String: Any] {
        guard let response = file.responses.last else { return [:] }
        let details = file.responseDetails
        var values: [String: Any] = ["respondedOn": vocabulary.date(response.on)]
        let outcome = response.outcome
        let flags: [Outcome: String] = [
            .grantedInFull: "granted", .partiallyWithheld: "partlyWithheld", .withheldInFull: "withheld",
            .neitherConfirmNorDeny: "ncnd", .notHeld: "notHeld", .refusedCost: "costLimit",
            .refusedVexatious: "vexatious", .refusedRepeated: "repeated", .adviceOnly: "accessible",
            .refusedManifestlyUnfounded: "manifestlyUnfounded",
        ]
        if let flag = flags[outcome] { values[flag] = true }
        // The s.12 limit of the authority's type, and the estimate of the whole job (not the hours searched so far)
        // at the rate the regime's regulations set, with its basis (audit M12).
        let type = source.profile[.authorityType].flatMap(AuthorityType.init(rawValue:))
        if let cost = regime.costLimit(for: type) {
            var limit = cost.limit
            if outcome == .refusedCost {
                if regime == .foia && type == nil { limit = needed(nil, .setting(.authorityType)) }
                let hours = details?.estimateHours
                let shown = hours.map { $0 == $0.rounded() ? String(Int($0)) : String(format: "%.1f", $0) }
                values["costHours"] = needed(shown, .costEstimate)
                values["costPounds"] = needed(
                    hours.map { String(Int(($0 * Double(cost.hourlyRate)).rounded())) }, .costEstimate)
                // The basis is a sentence of its own in the letter.
                let basis = details?.estimateBasis.map { $0.last.map { ".!?".contains($0) } == true ? $0 : $0 + "." }
                values["estimateBasis"] = needed(basis, .costEstimate)
                values["advice"] = needed(details?.advice, .costEstimate)
            }
            var words = vocabulary.cost(cost, regime: regime, type: type)
            words["limit"] = outcome == .refusedCost && regime == .foia && type == nil ? limit : words["limit"]
            values["cost"] = words
        }
        let ncndRelied = file.exemptions.contains(where: \.neitherConfirmNorDeny)
        values["withholds"] = [.partiallyWithheld, .withheldInFull].contains(outcome)
        values["ncndOther"] = ncndRelied && outcome != .neitherConfirmNorDeny
        values["refused"] = [.refusedCost, .refusedVexatious, .refusedRepeated, .refusedManifestlyUnfounded].contains(
            outcome)
        values["refusalNotice"] =
            outcome.citesExemptions || outcome == .neitherConfirmNorDeny || values["refused"] as? Bool == true
        // EIR reg 12(4)(b), EIR(S) reg 10(4)(b) alone: the request is refused as manifestly unreasonable, which says
        // nothing of whether the information is held, with the reg 9 advice on narrowing it (audit M6).
        let unreasonable = ["12(4)(b)", "10(4)(b)"]
        if outcome == .withheldInFull, regime == .eir || regime == .eirs, !file.exemptions.isEmpty,
            file.exemptions.allSatisfy({ unreasonable.contains($0.citation) })
        {
            values["manifestlyUnreasonable"] = true
            values["advice"] = needed(details?.advice, .narrowingAdvice)
        }
        // UK GDPR Art. 12(4): a refusal to act gives its reasons (audit M11).
        if outcome == .refusedManifestlyUnfounded { values["reasons"] = needed(details?.reasons, .refusalReasons) }
        if let advice = details?.advice { values["advice"] = advice }
        return values
    }

    /// Each exemption as the notice names it, with its reasoning (or gaps, where the notice must state it).
    private mutating func exemptionValues(_ decisions: [ExemptionDecision]) -> [[String: Any]] {
        let refuses = kind == .response || kind == .reviewOutcome || kind == .extension
        return decisions.map { decision in
            let entry = source.catalogue.exemption(citing: decision.citation, in: decision.part)
            let qualified = source.catalogue.isQualified(decision)
            let environmental = decision.part == .eir || decision.part == .eirs
            var values: [String: Any] = [
                "citation": vocabulary.provision(decision.citation, environmental: environmental),
                "title": vocabulary.title(of: entry),
                "absolute": !qualified, "qualified": qualified, "ncnd": decision.neitherConfirmNorDeny,
                "forHeading": vocabulary.publicInterestSubject(neitherConfirmNorDeny: decision.neitherConfirmNorDeny),
            ]
            let reasoning = file.reasoning.first { $0.citation == decision.citation && $0.part == decision.part }
            // The s.17(1) notice given with an extension states why each exemption applies (s.17(1)(c), audit M3);
            // an NCND one's reasons could say whether the information is held (s.17(4)).
            if kind == .extension, qualified, !decision.neitherConfirmNorDeny {
                values["engaged"] = needed(
                    reasoning?.engaged, .reasoning(citation: decision.citation, part: decision.part))
            }
            guard refuses, kind != .extension else { return values }
            // FOIA s.17(4): no reasons where giving them would itself disclose exempt information; FOISA s.18 omits
            // the public interest reasons of an NCND notice.
            let scottishNCND = decision.neitherConfirmNorDeny && (decision.part == .foisa || decision.part == .eirs)
            let testsPublicInterest = qualified && !scottishNCND
            let fix: LetterGap.Fix =
                testsPublicInterest
                ? .publicInterest(citation: decision.citation, part: decision.part)
                : .reasoning(citation: decision.citation, part: decision.part)
            values["engaged"] = needed(reasoning?.engaged, fix)
            // EIR reg 14(4), EIR(S) reg 13(d): unfinished material's refusal names who prepares it and when it will be
            // finished (audit M5).
            if ExemptionReasoning.isUnfinishedMaterial(decision.citation, part: decision.part) {
                let completion: LetterGap.Fix = .completion(citation: decision.citation, part: decision.part)
                values["completion"] = [
                    "preparedBy": needed(reasoning?.preparedBy, completion),
                    "finishedBy": needed(reasoning?.finishedBy, completion),
                ]
            }
            if let parts = reasoning?.requestParts, !parts.isEmpty {
                values["requestParts"] = vocabulary.requestParts(parts)
            }
            if testsPublicInterest {
                let factorsFor = reasoning?.factorsFor ?? []
                let factorsAgainst = reasoning?.factorsAgainst ?? []
                values["publicInterest"] = true
                values["factorsFor"] = Self.paragraphs(factorsFor.isEmpty ? [needed(nil, fix)] : factorsFor)
                values["factorsAgainst"] = Self.paragraphs(factorsAgainst.isEmpty ? [needed(nil, fix)] : factorsAgainst)
                values["balance"] = needed(reasoning?.balance, fix)
            }
            return values
        }
    }

    /// The review: when it was asked for, its outcome, and the exemptions it withdrew or added.
    /// The latest review: when asked for and on what grounds, and once decided, its outcome, what the reviewer found
    /// and what changes (needed from an EIR or EIR(S) review that found a failure: reg 11(5), reg 16(5)); a review of
    /// a failure to respond never upholds a decision (audit M7).
    private mutating func reviewValues() -> [String: Any] {
        guard let review = file.review else { return [:] }
        var values: [String: Any] = ["reviewRequested": vocabulary.date(review.requested)]
        values["reviewOfFailure"] = review.subject == .failureToRespond
        if let grounds = review.request.grounds { values["reviewGrounds"] = Self.lines(grounds) }
        values["hasReviewGrounds"] = review.request.grounds != nil
        if let decision = review.decision, let decided = review.decided {
            values["reviewDecided"] = vocabulary.date(decided)
            values[
                [
                    .upheld: "reviewUpheld", .partiallyUpheld: "reviewPartlyUpheld", .overturned: "reviewOverturned",
                    .procedural: "reviewProcedural",
                ][decision.outcome] ?? "reviewUpheld"] = true
            let environmental = regime == .eir || regime == .eirs
            func named(_ citation: String) -> String {
                vocabulary.provisionInSentence(citation, environmental: environmental)
            }
            values["withdrawnExemptions"] = decision.withdrawnExemptions.map { ["citation": named($0)] }
            values["addedExemptions"] = decision.addedExemptions.map { ["citation": named($0.citation)] }
            if let findings = decision.findings { values["reviewFindings"] = Self.lines(findings) }
            let actionNeeded = environmental && decision.outcome != .upheld && kind == .reviewOutcome
            if let action = decision.action {
                values["reviewAction"] = Self.lines(action)
            } else if actionNeeded {
                values["reviewAction"] = Self.lines(needed(nil, .reviewAction))
            }
            values["hasReviewFindings"] = decision.findings != nil
            values["hasReviewAction"] = values["reviewAction"] != nil
        }
        return values
    }
}

extension CivilDate {
    /// The date as letters print it: `5 January 2021`.
    var letterDescription: String {
        let parts = fullDescription.split(separator: " ")
        return parts.dropFirst().joined(separator: " ")
    }

    /// `08/12/2020`, as letters restate a receipt.
    var numericDescription: String {
        let parts = description.split(separator: "-")
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }
}

extension LetterContext {
    /// Every name a template may use, at any depth (docs/LETTERS.md): a tag naming anything else is refused, so that
    /// a misspelt variable is an error rather than a gap in a letter sent.
    static let names: Set<String> = [
        "ref", "date", "subject", "received", "receivedNumeric", "regime", "words", "regulator", "authority",
        "requester", "request", "due", "reviewBy", "regulatorBy", "payBy", "reviewDue", "clarificationNote",
        "feeAmount", "extendedFrom", "extensionDays", "searches", "searchesMade", "exemptions", "ncndExemptions",
        "hasExemptions", "hasReasons", "respondedOn", "withholds", "ncndOther", "refused", "refusalNotice", "advice",
        "granted", "partlyWithheld", "withheld", "ncnd", "notHeld", "costLimit", "vexatious", "repeated",
        "accessible", "manifestlyUnfounded", "reviewRequested", "reviewDecided", "reviewUpheld", "reviewPartlyUpheld",
        "reviewOverturned", "reviewProcedural", "withdrawnExemptions", "addedExemptions",
        // Inside the objects above.
        "name", "title", "foia", "eir", "foisa", "eirs", "sar", "scottish", "environmental", "statutoryReview",
        "exemption", "review", "act", "law", "exempt", "notice", "short", "address", "web", "months", "email",
        "reviewContact", "signature", "contact", "reuse", "lines", "line", "location", "held", "citation", "absolute",
        "qualified",
        "forHeading", "engaged", "publicInterest", "factorsFor", "factorsAgainst", "balance", "text", "requestParts",
        "costHours", "costPounds", "cost", "regulations", "limit", "rate", "addressee", "byEmail",
        "estimateBasis", "discloses", "completion", "preparedBy", "finishedBy", "reasons", "manifestlyUnreasonable",
        "sarInformation", "lapseBy",
        "reviewOfFailure",
        "reviewGrounds",
        "reviewFindings",
        "reviewAction", "hasReviewGrounds", "hasReviewFindings", "hasReviewAction", "answers", "enclosures",
        "partlyHeld", "heading", "released",
        "partlyReleased", "withheldPart",
        "notHeldPart",
        "accessiblePart", "blocks",
        "hasAnswers", "hasEnclosures", "hasBlocks", "hasEnclosed", "withheldUnder", "lines", "items", "table", "header",
        "rule", "rows", "cells", "cell", "size",
        "digest",
    ]
}

/// The checks a template set must pass before a letter is written: it parses (checked as it is registered), names
/// no variable a letter does not have, and names no partial it does not hold. Templates are the authority's own, but
/// they also come in exports from elsewhere: whatever would crash, hang or amplify a letter is refused too, naming
/// its line. A partial that includes itself, directly or through others; sections nested deeper than
/// `maximumDepth`, or a section inside one of its own name (a list repeated inside itself multiplies a letter by
/// its length at each level); more than `maximumTags` tags or `maximumBraces` braces; a delimiter change (after it
/// the checks could not read the tags), a `{{% …}}` setting, and an unescaped tag (`{{{…}}}`, `{{&…}}`), which
/// would print a requester's text as Markdown.
public enum LetterTemplateCheck {
    /// How deeply a template's sections may nest: the built-in ones nest three deep.
    public static let maximumDepth = 16
    /// How many tags a template may have: the built-in response has under a hundred. (The template parser's time
    /// grows with its tags, and every other brace, times its length.)
    public static let maximumTags = 1_000
    /// How many braces a template may have, in its tags and its text.
    public static let maximumBraces = 3 * maximumTags

    /// The names a template may have: its file is NAME.mustache in a directory of templates.
    public static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// Every check: the set can be used for letters.
    public static func check(_ templates: [String: String]) throws(LetterError) {
        try checkCycles(walk(templates, names: true))
    }

    /// The checks that keep the template parser within its stack and its time (names, tags, nesting), made before
    /// it runs; the parser's own errors come before the rest of `check`.
    public static func checkShape(_ templates: [String: String]) throws(LetterError) {
        _ = try walk(templates, names: false)
    }

    /// Walks every template's tags, refusing what `check` refuses (`names`: also a variable or partial the set does
    /// not have); the partials each template includes.
    private static func walk(_ templates: [String: String], names: Bool) throws(LetterError)
        -> [String: [(line: Int, name: String)]]
    {
        var partials: [String: [(line: Int, name: String)]] = [:]
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            guard isName(name) else {
                throw .template(name: name, reason: "a template's name is lower-case letters, digits and hyphens")
            }
            var open: [String] = []
            let tags = tags(text)
            if tags.count > maximumTags {
                throw .template(name: name, reason: "it has \(tags.count) tags, more than \(maximumTags)")
            }
            let braces = text.utf8.count { $0 == UInt8(ascii: "{") }
            if braces > maximumBraces {
                throw .template(name: name, reason: "it has \(braces) braces ({), more than \(maximumBraces)")
            }
            for (line, tag) in tags {
                func refuse(_ reason: String) -> LetterError {
                    .template(name: name, reason: "line \(line): \(reason)")
                }
                let sigil = tag.first.map { "#^/&>{!%=".contains($0) ? String($0) : "" } ?? ""
                switch sigil {
                case "!": continue
                case "=": throw refuse("a delimiter change ({{=…=}}) is not allowed: letters keep {{ and }}")
                case "%": throw refuse("a {{% …}} setting is not allowed: foi sets how a letter is escaped")
                case "{", "&":
                    throw refuse("an unescaped tag ({{{…}}} or {{&…}}) is not allowed: foi escapes what it prints")
                default: break
                }
                let body = String(tag.dropFirst(sigil.count)).trimmingCharacters(in: .whitespaces)
                switch sigil {
                case ">":
                    guard templates[body] != nil || !names else { throw refuse("there is no partial '\(body)'") }
                    partials[name, default: []].append((line, body))
                    continue
                case "#", "^":
                    if open.contains(body) { throw refuse("the section '\(body)' is inside a section of its own name") }
                    open.append(body)
                    if open.count > maximumDepth { throw refuse("sections nested deeper than \(maximumDepth)") }
                case "/":
                    if !open.isEmpty { open.removeLast() }
                    continue
                default: break
                }
                if body == "." || !names { continue }
                for component in body.split(separator: ".") where !LetterContext.names.contains(String(component)) {
                    throw refuse("'\(body)' is not a letter variable (see docs/LETTERS.md for the list)")
                }
            }
        }
        return partials
    }

    /// Refuses a partial that includes itself, through any chain of others.
    private static func checkCycles(_ partials: [String: [(line: Int, name: String)]]) throws(LetterError) {
        var finished: Set<String> = []
        for start in partials.keys.sorted() where !finished.contains(start) {
            // Depth first, the path kept to name the cycle.
            var path: [(name: String, next: Int)] = [(start, 0)]
            while let top = path.last {
                let included = partials[top.name] ?? []
                guard top.next < included.count else {
                    finished.insert(top.name)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let (line, name) = included[top.next]
                if let loop = path.firstIndex(where: { $0.name == name }) {
                    let cycle = path[loop...].map(\.name) + [name]
                    throw .template(
                        name: top.name,
                        reason:
                            "line \(line): the partial '\(name)' includes itself (\(cycle.joined(separator: " → ")))")
                }
                if !finished.contains(name) { path.append((name, 0)) }
            }
        }
    }

    /// Each `{{…}}` tag's inside, with its line; read once over the template's bytes.
    private static func tags(_ text: String) -> [(Int, String)] {
        let bytes = Array(text.utf8)
        let brace = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        var tags: [(Int, String)] = []
        var line = 1
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A { line += 1 }
            guard bytes[index] == brace, bytes[index + 1] == brace else {
                index += 1
                continue
            }
            let start = index + 2
            var end = start
            while end + 1 < bytes.count && !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            guard end + 1 < bytes.count else { break }
            var after = end + 2
            // A triple mustache ends in a third brace.
            if start < bytes.count && bytes[start] == brace && after < bytes.count && bytes[after] == close {
                end += 1
                after += 1
            }
            let inside = bytes[start..<end]
            tags.append((line, String(decoding: inside, as: UTF8.self)))
            line += inside.count { $0 == 0x0A }
            index = after
        }
        return tags
    }
}
