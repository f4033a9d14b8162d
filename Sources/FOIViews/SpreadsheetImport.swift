import FOIKit

/// A tracker's rows as cases: columns found by the names trackers give them, dates read day-first, outcomes mapped
/// from the spellings of real systems, each row's history rebuilt as events (received, assigned, the exemptions,
/// the response). Pure: the command reads the file and writes the cases.
public enum SpreadsheetImport {
    /// What a column holds.
    public enum Field: String, CaseIterable, Sendable {
        case reference, received, due, responded, subject
        case requestText = "request text"
        case requester, email, address
        case regime, channel, outcome, exemptions, handler

        /// Header names seen in real logs and trackers, as `normalised` writes them.
        var synonyms: [String] {
            switch self {
            case .reference: ["ref", "reference", "foiref", "caseref", "requestid", "ourref", "id"]
            case .received:
                ["received", "datereceived", "dateofrequest", "daterequestreceived", "receiveddate", "receivedon"]
            case .due: ["due", "duedate", "deadline", "targetdate", "20daydeadline", "datedue"]
            case .responded:
                ["responded", "dateresponded", "dateofreply", "responsedate", "dateclosed", "closed", "replydate"]
            case .subject: ["subject", "title", "summary", "requestsummary", "description", "summaryofrequest"]
            case .requestText: ["request", "requesttext", "wording", "fullrequest", "wordingoftherequest"]
            case .requester: ["requester", "name", "applicant", "correspondent", "requestername"]
            case .email: ["email", "emailaddress", "requesteremail"]
            case .address: ["address", "postaladdress", "requesteraddress"]
            case .regime: ["regime", "type", "legislation", "act", "requesttype"]
            case .channel: ["channel", "receivedvia", "method", "deliverymethod"]
            case .outcome: ["outcome", "result", "decision"]
            case .exemptions: ["exemptions", "exemption", "exemptionsapplied", "exemptionsused", "section", "sections"]
            case .handler: ["handler", "officer", "assignedto", "owner", "caseofficer"]
            }
        }
    }

    /// `Date Received` → `datereceived`: letters and digits, lower case.
    static func normalised(_ header: String) -> String {
        // Scalars rather than Characters: a hundred thousand rows' outcomes are normalised.
        var scalars = String.UnicodeScalarView()
        for scalar in header.lowercased().unicodeScalars
        where scalar.isASCII
            ? (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) : scalar.properties.isAlphabetic
        {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// `text` without the spaces and tabs around it.
    static func trimmed(_ text: String) -> Substring {
        var trimmed = text.drop { $0 == " " || $0 == "\t" }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return trimmed
    }

    /// One row as a case.
    public struct Row: Sendable {
        public var line: Int
        public var new: NewCase
        public var steps: [RecordedEvent]
        /// The date the sheet gives as due, to audit.
        public var sheetDue: CivilDate?
    }

    public struct Plan: Sendable {
        /// Each header with the field it was taken as (nil: not used).
        public var columns: [(header: String, field: Field?)]
        public var dateForms: [SpreadsheetDate.Form: Int]
        public var rows: [Row]
    }

    /// The cases of `rows` (the first is the header; each with its line, or its row in the sheet).
    public static func plan(_ rows: [(line: Int, cells: [String])], catalogue: ExemptionCatalogue)
        throws(InputError) -> Plan
    {
        guard let header = rows.first else { throw InputError("the file is empty: it needs a header row") }
        var columns: [(header: String, field: Field?)] = []
        var index: [Field: Int] = [:]
        for (position, name) in header.cells.enumerated() {
            let key = normalised(name)
            let field = Field.allCases.first { field in
                index[field] == nil && field.synonyms.contains(key)
            }
            if let field { index[field] = position }
            columns.append((name, field))
        }
        guard index[.received] != nil else {
            throw InputError(
                "line \(header.line): no column of the date received (a header such as 'Date received'; it has: "
                    + "\(header.cells.joined(separator: ", ")))")
        }
        var forms: [SpreadsheetDate.Form: Int] = [:]
        var planned: [Row] = []
        for row in rows.dropFirst() where row.cells.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
            func cell(_ field: Field) -> String? {
                guard let position = index[field], position < row.cells.count else { return nil }
                let text = trimmed(row.cells[position])
                return text.isEmpty ? nil : String(text)
            }
            func fail(_ field: Field, _ reason: String) -> InputError {
                InputError("line \(row.line), column '\(columns[index[field]!].header)': \(reason)")
            }
            func date(_ field: Field) throws(InputError) -> CivilDate? {
                guard let text = cell(field) else { return nil }
                do {
                    let parsed = try SpreadsheetDate.parse(text)
                    forms[parsed.form, default: 0] += 1
                    return parsed.date
                } catch {
                    throw fail(field, "\(error)")
                }
            }
            guard let received = try date(.received) else { throw fail(.received, "the date received is empty") }
            let regime =
                try cell(.regime).map { text throws(InputError) in
                    guard let regime = Self.regime(text) else {
                        throw fail(.regime, "'\(text)' is not a regime foi knows (FOI, EIR, FOISA, EIR(S), SAR)")
                    }
                    return regime
                } ?? .foia
            let channel = cell(.channel).flatMap { Channel(rawValue: normalised($0)) } ?? .other
            let new = NewCase(
                reference: cell(.reference).map(CaseReference.init(rawValue:)), received: received,
                receipt: Receipt(regime: regime, subject: cell(.subject) ?? "Imported request", channel: channel),
                requester: cell(.requester).map { Requester(name: $0, email: cell(.email), address: cell(.address)) },
                requestText: cell(.requestText))
            var steps: [RecordedEvent] = []
            if let handler = cell(.handler) {
                steps.append(RecordedEvent(date: received, event: .assigned(to: handler)))
            }
            let responded = try date(.responded)
            let outcome = try cell(.outcome).map { text throws(InputError) in
                guard let outcome = Self.outcome(text) else {
                    throw fail(
                        .outcome,
                        "'\(text)' is not an outcome foi maps; it maps the spellings of real trackers, e.g. "
                            + Self.outcomes.prefix(8).map { "'\($0.0)'" }.joined(separator: ", "))
                }
                return outcome
            }
            for citation in cell(.exemptions).map(Self.citations) ?? [] {
                let part: Regime = regime == .sar ? .sar : regime
                guard let exemption = catalogue.exemption(citing: citation, in: part) else {
                    throw fail(.exemptions, "'\(citation)' is not an exemption of the \(regime.shortName)")
                }
                steps.append(
                    RecordedEvent(
                        date: responded ?? received,
                        event: .exemptionApplied(
                            ExemptionDecision(
                                citation: citation, part: part,
                                neitherConfirmNorDeny: outcome == .neitherConfirmNorDeny,
                                // Withheld under a qualified exemption: the balance came down on withholding.
                                publicInterest: exemption.kind == .qualified ? .maintain : nil))))
            }
            switch (responded, outcome) {
            case (let day?, let outcome?): steps.append(RecordedEvent(date: day, event: .responded(outcome)))
            case (.some, nil): throw fail(.responded, "a response date needs its outcome (an outcome column)")
            case (nil, .some): throw fail(.outcome, "an outcome needs the date of the response")
            case (nil, nil): break
            }
            planned.append(Row(line: row.line, new: new, steps: steps, sheetDue: try date(.due)))
        }
        return Plan(columns: columns, dateForms: forms, rows: planned)
    }

    static func regime(_ text: String) -> Regime? {
        switch normalised(text) {
        case "foi", "foia", "freedomofinformation": .foia
        case "eir", "eirs2004", "environmental": .eir
        case "foisa", "foi(s)", "fois": .foisa
        case "eirscotland", "eirs": .eirs
        case "sar", "dpa", "subjectaccess", "subjectaccessrequest", "ukgdpr": .sar
        default: nil
        }
    }

    /// Outcome spellings of real systems and published logs (House on the Hill, MoJ, MoD, councils), normalised.
    static let outcomes: [(String, Outcome)] = [
        ("granted in full", .grantedInFull), ("full release", .grantedInFull), ("fully answered", .grantedInFull),
        ("released in full", .grantedInFull), ("full disclosure", .grantedInFull), ("supplied in full", .grantedInFull),
        ("granted", .grantedInFull), ("partially withheld", .partiallyWithheld),
        ("refused in part", .partiallyWithheld),
        ("part disclosure", .partiallyWithheld), ("partial release", .partiallyWithheld),
        ("granted in part and refused in part", .partiallyWithheld), ("refused part of request", .partiallyWithheld),
        ("withheld in full", .withheldInFull), ("refused fully", .withheldInFull), ("refused in full", .withheldInFull),
        ("fully withheld", .withheldInFull), ("refused", .withheldInFull), ("exemption applied", .withheldInFull),
        ("not held", .notHeld), ("information not held", .notHeld), ("no info held", .notHeld),
        ("refused information not held", .notHeld), ("neither confirm nor deny", .neitherConfirmNorDeny),
        ("ncnd", .neitherConfirmNorDeny), ("cost limit exceeded", .refusedCost), ("exceeded cost limit", .refusedCost),
        ("refused exceeded cost limit", .refusedCost), ("s12", .refusedCost), ("vexatious", .refusedVexatious),
        ("refused vexatious request", .refusedVexatious), ("repeated", .refusedRepeated),
        ("refused repeated request", .refusedRepeated), ("advice and assistance", .adviceOnly),
        ("advised and assisted", .adviceOnly), ("s21", .adviceOnly), ("reasonably accessible", .adviceOnly),
    ]

    static let outcomesByKey = Dictionary(
        outcomes.map { (normalised($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })

    static func outcome(_ text: String) -> Outcome? {
        // House on the Hill prefixes its codes: `FOI-Granted in full`.
        let unprefixed = text.hasPrefix("FOI-") || text.hasPrefix("EIR-") ? String(text.dropFirst(4)) : text
        return outcomesByKey[normalised(unprefixed)] ?? Outcome(rawValue: text.lowercased())
    }

    /// `s.40(2); 31(1)(a), section 43` → `40(2)`, `31(1)(a)`, `43`.
    static func citations(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "/" || $0 == "&" }).compactMap { part in
            var citation = part.trimmingCharacters(in: .whitespaces).lowercased()
            for prefix in ["section", "regulation", "reg.", "reg", "s."] where citation.hasPrefix(prefix) {
                citation.removeFirst(prefix.count)
                break
            }
            citation = citation.trimmingCharacters(in: .whitespaces)
            return citation.isEmpty ? nil : citation
        }
    }
}
