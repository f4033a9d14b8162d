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
        case regime, channel, status, outcome, exemptions, handler
        case clarificationRequested = "clarification requested"
        case clarificationReceived = "clarification received"
        case feeNotice = "fees notice"
        case feePaid = "fee paid"
        case extended
        case extensionDays = "extension days"
        case reviewRequested = "review requested"
        case reviewDecided = "review decided"
        case reviewOutcome = "review outcome"
        case complaintReference = "complaint reference"
        case complaintNotified = "complaint notified"
        case decisionNotice = "decision notice"
        case decisionNoticeOutcome = "decision notice outcome"

        /// Header names seen in real logs and trackers, as `normalised` writes them.
        var synonyms: [String] {
            switch self {
            case .reference:
                ["ref", "reference", "foiref", "caseref", "requestid", "ourref", "id", "referencenumber", "requestref"]
            case .received:
                ["received", "datereceived", "dateofrequest", "daterequestreceived", "receiveddate", "receivedon"]
            case .due: ["due", "duedate", "deadline", "targetdate", "20daydeadline", "datedue"]
            case .responded:
                [
                    "responded", "dateresponded", "dateofreply", "responsedate", "dateclosed", "closed", "replydate",
                    "dateresponsesent",
                ]
            case .subject: ["subject", "title", "summary", "requestsummary", "description", "summaryofrequest"]
            case .requestText: ["request", "requesttext", "wording", "fullrequest", "wordingoftherequest"]
            case .requester: ["requester", "name", "applicant", "correspondent", "requestername"]
            case .email: ["email", "emailaddress", "requesteremail"]
            case .address: ["address", "postaladdress", "requesteraddress"]
            case .regime: ["regime", "type", "legislation", "act", "requesttype", "foioreir"]
            case .channel: ["channel", "receivedvia", "method", "deliverymethod"]
            case .status: ["status", "stage", "casestatus", "currentstatus", "requeststatus"]
            case .outcome: ["outcome", "result", "decision"]
            case .exemptions:
                [
                    "exemptions", "exemption", "exemptionsapplied", "exemptionsused", "section", "sections",
                    "exemptionsexceptionsapplied", "exceptionsapplied",
                ]
            case .handler: ["handler", "officer", "assignedto", "owner", "caseofficer"]
            case .clarificationRequested:
                ["clarificationrequested", "clarificationsought", "dateclarificationrequested", "clarificationdate"]
            case .clarificationReceived: ["clarificationreceived", "dateclarificationreceived"]
            case .feeNotice:
                [
                    "feesnotice", "feenotice", "feesnoticeissued", "feenoticeissued", "feesnoticedate",
                    "datefeenoticeissued",
                ]
            case .feePaid: ["feepaid", "feespaid", "feereceived", "feesreceived", "datefeepaid", "datefeereceived"]
            case .extended:
                ["extended", "pit", "pitextension", "dateextended", "extensionnotified", "pitdate", "dateextendedpit"]
            case .extensionDays: ["extensiondays", "furtherworkingdays", "pitdays", "extendedby", "daysextended"]
            case .reviewRequested:
                [
                    "ir", "internalreview", "irdate", "irrequested", "reviewrequested", "internalreviewrequested",
                    "dateirrequested", "datereviewrequested",
                ]
            case .reviewDecided:
                [
                    "irresponse", "irresponsedate", "irdecided", "ircompleted", "reviewdecided", "reviewcompleted",
                    "dateirresponsesent", "irresponsesent", "datereviewdecided",
                ]
            case .reviewOutcome: ["iroutcome", "reviewoutcome", "internalreviewoutcome"]
            case .complaintReference: ["icoref", "icoreference", "sicref", "sicreference", "complaintref"]
            case .complaintNotified: ["ico", "icodate", "iconotified", "icocomplaint", "complainttoico", "sicdate"]
            case .decisionNotice: ["decisionnotice", "decisionnoticedate", "icodecisiondate", "sicdecisiondate"]
            case .decisionNoticeOutcome: ["icooutcome", "icodecision", "sicoutcome", "sicdecision"]
            }
        }
    }

    /// Additions to the built-in tables: a mapping file (JSON) of `columns` (header → field, or null to leave the
    /// column out), `outcomes` (spelling → outcome) and `statuses` (spelling → status).
    public struct Mapping: Sendable {
        var columns: [String: Field?] = [:]
        var outcomes: [String: Outcome] = [:]
        var statuses: [String: CaseStatus] = [:]

        public init() {}

        public init(parsing bytes: [UInt8]) throws(InputError) {
            let value: JSONValue
            do { value = try JSONValue(parsing: bytes) } catch {
                throw InputError("the mapping file is not JSON: \(error)")
            }
            guard case .object(let sections) = value else {
                throw InputError("the mapping file is not a JSON object of \"columns\", \"outcomes\", \"statuses\"")
            }
            func entries(_ section: String) throws(InputError) -> [(key: String, value: JSONValue)] {
                guard let entries = sections[section] else { return [] }
                guard case .object(let pairs) = entries else {
                    throw InputError("the mapping file's \"\(section)\" is not an object")
                }
                return pairs.sorted { $0.key < $1.key }
            }
            if let unknown = sections.keys.sorted().first(where: { !["columns", "outcomes", "statuses"].contains($0) })
            {
                throw InputError(
                    "the mapping file has \"\(unknown)\"; it takes \"columns\", \"outcomes\" and \"statuses\"")
            }
            func choice<T: RawRepresentable<String> & CaseIterable>(
                _ value: JSONValue, _ key: String, _ section: String
            )
                throws(InputError) -> T
            {
                guard case .string(let name) = value, let choice = T(rawValue: name) else {
                    throw InputError(
                        "the mapping file's \(section) '\(key)': give one of "
                            + T.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return choice
            }
            for (header, field) in try entries("columns") {
                columns[normalised(header)] = field == .null ? .some(nil) : .some(try choice(field, header, "column"))
            }
            for (spelling, outcome) in try entries("outcomes") {
                outcomes[spellingKey(spelling)] = try choice(outcome, spelling, "outcome") as Outcome
            }
            for (spelling, status) in try entries("statuses") {
                statuses[spellingKey(spelling)] = try choice(status, spelling, "status") as CaseStatus
            }
        }
    }

    /// `Date Received` → `datereceived`: letters and digits, lower case.
    public static func normalised(_ header: some StringProtocol) -> String {
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

    /// The cases of `rows` (the first is the header; each with its line, or its row in the sheet), with `mapping`'s
    /// additions to the built-in header names and spellings. `inSheet`: the rows are an Excel sheet's, whose cells
    /// an error names (`B17`).
    public static func plan(
        _ rows: [(line: Int, cells: [String])], catalogue: ExemptionCatalogue, mapping: Mapping = Mapping(),
        inSheet: Bool = false
    ) throws(InputError) -> Plan {
        guard let first = rows.first else { throw InputError("the file is empty: it needs a header row") }
        guard let headerAt = headerIndex(rows, mapping: mapping) else {
            throw InputError(
                "line \(first.line): no column of the date received (a header such as 'Date received'; it has: "
                    + "\(listed(first.cells)))")
        }
        let header = rows[headerAt]
        var columns: [(header: String, field: Field?)] = []
        var index: [Field: Int] = [:]
        for (position, name) in header.cells.enumerated() {
            let field = Self.field(name, mapping: mapping, taken: index)
            if let field {
                guard index[field] == nil else {
                    throw InputError(
                        "line \(header.line): the columns '\(columns[index[field]!].header)' and '\(name)' are both "
                            + "the \(field.rawValue); map one to null in a mapping file")
                }
                index[field] = position
            }
            columns.append((name, field))
        }
        let outcomes = mapping.outcomes.merging(outcomesByKey) { mapped, _ in mapped }
        let statuses = mapping.statuses.merging(statusesByKey) { mapped, _ in mapped }
        var forms: [SpreadsheetDate.Form: Int] = [:]
        var planned: [Row] = []
        // Where each reference was first seen: one reference is one case.
        var lines: [CaseReference: Int] = [:]
        for row in rows.dropFirst(headerAt + 1) where row.cells.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
            var reader = RowReader(
                row: row, columns: columns, index: index, outcomes: outcomes, statuses: statuses, inSheet: inSheet)
            let read = try reader.read(catalogue: catalogue)
            if let reference = read.new.reference {
                if let earlier = lines.updateValue(row.line, forKey: reference) {
                    throw reader.fail(.reference, "'\(reference)' is on line \(earlier) too: one reference is one case")
                }
            }
            planned.append(read)
            forms.merge(reader.forms, uniquingKeysWith: +)
        }
        return Plan(columns: columns, dateForms: forms, rows: planned)
    }

    /// `names`, quoted, as a message lists them: the first ten, each cut to forty characters, and how many more.
    public static func listed(_ names: [String]) -> String {
        let shown = names.prefix(10).map { $0.count > 40 ? "'\($0.prefix(40))…'" : "'\($0)'" }
        return shown.joined(separator: ", ") + (names.count > 10 ? " and \(names.count - 10) more" : "")
    }

    /// The field of a column named `name`, unless `taken` has it already (the first of two columns alike wins).
    static func field(_ name: String, mapping: Mapping, taken: [Field: Int]) -> Field? {
        let key = normalised(name)
        return mapping.columns[key] ?? Field.allCases.first { taken[$0] == nil && $0.synonyms.contains(key) }
    }

    /// The header row: the first of the first ten with a column of the date received (a template's title rows are
    /// above it).
    static func headerIndex(_ rows: [(line: Int, cells: [String])], mapping: Mapping) -> Int? {
        rows.prefix(10).firstIndex { row in
            row.cells.contains { field($0, mapping: mapping, taken: [:]) == .received }
        }
    }

    /// Whether `rows` are a tracker: a header names the date received.
    public static func holdsTracker(_ rows: [(line: Int, cells: [String])], mapping: Mapping) -> Bool {
        headerIndex(rows, mapping: mapping) != nil
    }

    /// One row's cells read as a case and its history.
    private struct RowReader {
        let row: (line: Int, cells: [String])
        let columns: [(header: String, field: Field?)]
        let index: [Field: Int]
        /// The built-in spellings with the mapping file's.
        let outcomes: [String: Outcome]
        let statuses: [String: CaseStatus]
        /// The rows are an Excel sheet's: errors name the cell.
        let inSheet: Bool
        var forms: [SpreadsheetDate.Form: Int] = [:]

        init(
            row: (line: Int, cells: [String]), columns: [(header: String, field: Field?)], index: [Field: Int],
            outcomes: [String: Outcome] = [:], statuses: [String: CaseStatus] = [:], inSheet: Bool
        ) {
            (self.row, self.columns, self.index) = (row, columns, index)
            (self.outcomes, self.statuses, self.inSheet) = (outcomes, statuses, inSheet)
        }

        func cell(_ field: Field) -> String? {
            guard let position = index[field], position < row.cells.count else { return nil }
            let text = trimmed(row.cells[position])
            return text.isEmpty ? nil : String(text)
        }

        /// The cell of `field` in this row named, as a sheet names it (`cell B17 ('Date received')`) or as a CSV
        /// file's line and column.
        func fail(_ field: Field, _ reason: String) -> InputError {
            let position = index[field]!
            return InputError(
                inSheet
                    ? "cell \(XLSX.columnName(position))\(row.line) ('\(columns[position].header)'): \(reason)"
                    : "line \(row.line), column '\(columns[position].header)': \(reason)")
        }

        /// The row's reference, if it gives one, as `foi log --ref` would take it.
        func reference() throws(InputError) -> CaseReference? {
            guard let text = cell(.reference) else { return nil }
            do throws(ReferenceError) {
                return try CaseReference(validating: text)
            } catch {
                throw fail(.reference, "\(error)")
            }
        }

        mutating func date(_ field: Field) throws(InputError) -> CivilDate? {
            guard let text = cell(field) else { return nil }
            do {
                let parsed = try SpreadsheetDate.parse(text)
                forms[parsed.form, default: 0] += 1
                return parsed.date
            } catch {
                throw fail(field, "\(error)")
            }
        }

        /// `field`'s date, which `reason` needs.
        mutating func required(_ field: Field, for reason: String) throws(InputError) -> CivilDate {
            if let date = try date(field) { return date }
            guard index[field] != nil else {
                throw InputError(
                    "line \(row.line): \(reason) needs the date in a column of the \(field.rawValue) (e.g. a header "
                        + "'\(field.rawValue.capitalized)')")
            }
            throw fail(field, "\(reason) needs this date")
        }

        /// `text` in the table `table` of a column `field`, or the error naming what maps.
        func choice<T: RawRepresentable<String> & CaseIterable>(
            _ field: Field, _ table: [String: T], what: String, examples: [String]
        ) throws(InputError) -> T? {
            guard let text = cell(field) else { return nil }
            if let value = table[spellingKey(text)] ?? T(rawValue: text.lowercased()) { return value }
            throw fail(
                field,
                "'\(text)' is not \(what) foi maps: spellings such as "
                    + examples.prefix(6).map { "'\($0)'" }.joined(separator: ", ")
                    + " map, and a mapping file can map it to one of "
                    + T.allCases.map(\.rawValue).joined(separator: ", "))
        }

        mutating func read(catalogue: ExemptionCatalogue) throws(InputError) -> Row {
            guard let received = try date(.received) else { throw fail(.received, "the date received is empty") }
            let regime =
                try cell(.regime).map { text throws(InputError) in
                    guard let regime = SpreadsheetImport.regime(text) else {
                        throw fail(.regime, "'\(text)' is not a regime foi knows (FOI, EIR, FOISA, EIR(S), SAR)")
                    }
                    return regime
                } ?? .foia
            let channel = cell(.channel).flatMap { Channel(rawValue: normalised($0)) } ?? .other
            let new = NewCase(
                reference: try reference(), received: received,
                receipt: Receipt(regime: regime, subject: cell(.subject) ?? "Imported request", channel: channel),
                requester: cell(.requester).map { Requester(name: $0, email: cell(.email), address: cell(.address)) },
                requestText: cell(.requestText))
            var steps: [RecordedEvent] = []
            func record(_ date: CivilDate, _ event: CaseEvent) { steps.append(RecordedEvent(date: date, event: event)) }
            if let handler = cell(.handler) { record(received, .assigned(to: .named(handler))) }

            // The status, or an outcome column that holds one ("Withdrawn"), says where the case was left.
            var status = try choice(.status, statuses, what: "a status", examples: SpreadsheetImport.statuses.map(\.0))
            var outcome: Outcome?
            if let text = cell(.outcome), outcomes[spellingKey(text)] == nil,
                let closing = statuses[spellingKey(text)], status == nil || status == .responded
            {
                status = closing
            } else {
                outcome = try choice(
                    .outcome, outcomes, what: "an outcome", examples: SpreadsheetImport.outcomes.map(\.0))
            }
            let responded = try date(.responded)

            let stated = "the status '\(cell(.status) ?? cell(.outcome) ?? "")'"
            let (asked, answered) = try pause(
                .clarificationRequested, .clarificationReceived,
                (.clarificationRequested(note: nil), .clarificationReceived),
                awaited: status == .awaitingClarification, stated: stated, record: record)
            let (notice, paid) = try pause(
                .feeNotice, .feePaid, (.feeNoticeIssued(amount: nil), .feePaid), awaited: status == .awaitingFee,
                stated: stated, record: record)
            // A public interest extension follows the qualified exemption it is for: the exemptions are dated then.
            let extended = try date(.extended)
            if extended == nil && status == .extended {
                _ = try required(.extended, for: stated)
            }
            for citation in cell(.exemptions).map(citations) ?? [] {
                let part: Regime = regime == .sar ? .sar : regime
                guard let exemption = catalogue.exemption(citing: citation, in: part) else {
                    throw fail(.exemptions, "'\(citation)' is not an exemption of the \(regime.shortName)")
                }
                record(
                    extended ?? responded ?? received,
                    .exemptionApplied(
                        ExemptionDecision(
                            citation: citation, part: part, neitherConfirmNorDeny: outcome == .neitherConfirmNorDeny,
                            // Withheld under a qualified exemption: the balance came down on withholding.
                            publicInterest: exemption.kind == .qualified ? .maintain : nil)))
            }

            if let extended {
                let days = try cell(.extensionDays).map { text throws(InputError) in
                    guard let days = Int(text), days > 0 else {
                        throw fail(.extensionDays, "'\(text)' is not a number of working days")
                    }
                    return days
                }
                record(extended, .extended(workingDays: days, reason: nil))
            }

            let closing: CaseEvent?
            switch status {
            case .withdrawn: closing = .withdrawn(reason: nil)
            case .transferred: closing = .transferred(to: "not recorded in the tracker")
            // What lapsed is what was still awaited: a fee, else a clarification.
            case .lapsed where notice != nil && paid == nil: closing = .feeLapsed
            case .lapsed where asked != nil && answered == nil: closing = .clarificationLapsed
            case .lapsed:
                throw InputError(
                    "line \(row.line): \(stated) needs what lapsed: the date a clarification was asked and never "
                        + "given, or a fees notice never paid (columns such as 'Clarification requested', "
                        + "'Fees notice')")
            default: closing = nil
            }
            if let closing {
                if outcome != nil { throw fail(.outcome, "a case \(status!.rawValue) has no outcome") }
                record(try required(.responded, for: stated), closing)
            } else {
                switch (responded, outcome) {
                case (let day?, let outcome?): record(day, .responded(outcome))
                case (.some, nil): throw fail(.responded, "a response date needs its outcome (an outcome column)")
                case (nil, .some): throw fail(.outcome, "an outcome needs the date of the response")
                case (nil, nil):
                    if status == .responded { _ = try required(.responded, for: stated) }
                }
                if responded != nil, let status, status != .responded {
                    throw fail(
                        .status, "'\(cell(.status)!)' says the request is not answered, but it has a response date")
                }
            }

            steps += try afterResponse()
            return Row(line: row.line, new: new, steps: Self.chronological(steps), sheetDue: try date(.due))
        }

        /// A pause of the clock the row records (a clarification, a fees notice): the dates it began and ended, each
        /// recorded as its step; a status that waits on it (`awaited`) needs the date it began.
        mutating func pause(
            _ began: Field, _ ended: Field, _ steps: (began: CaseEvent, ended: CaseEvent), awaited: Bool,
            stated: String, record: (CivilDate, CaseEvent) -> Void
        ) throws(InputError) -> (began: CivilDate?, ended: CivilDate?) {
            guard let start = try date(began) else {
                if awaited { _ = try required(began, for: stated) }
                return (nil, nil)
            }
            record(start, steps.began)
            let end = try date(ended)
            if let end { record(end, steps.ended) }
            return (start, end)
        }

        /// In the order they happened; on one day, in the order recorded (a clarification before its answer).
        static func chronological(_ steps: [RecordedEvent]) -> [RecordedEvent] {
            steps.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        }

        /// The row's internal review and complaint to the regulator.
        mutating func afterResponse() throws(InputError) -> [RecordedEvent] {
            var steps: [RecordedEvent] = []
            func record(_ date: CivilDate, _ event: CaseEvent) { steps.append(RecordedEvent(date: date, event: event)) }
            if let asked = try date(.reviewRequested) { record(asked, .reviewRequested(ReviewRequest())) }
            let reviewOutcome = try choice(
                .reviewOutcome, reviewOutcomesByKey, what: "a review outcome", examples: reviewOutcomes.map(\.0))
            switch (try date(.reviewDecided), reviewOutcome) {
            case (let day?, let outcome?): record(day, .reviewDecided(ReviewDecision(outcome: outcome)))
            case (.some, nil): throw fail(.reviewDecided, "a review decided needs its outcome (an IR outcome column)")
            case (nil, .some): throw fail(.reviewOutcome, "a review outcome needs the date it was decided")
            case (nil, nil): break
            }
            let complaint = cell(.complaintReference) ?? "not recorded in the tracker"
            if let notified = try date(.complaintNotified) {
                record(notified, .complaintNotified(ComplaintNotice(reference: complaint)))
            }
            let noticeOutcome = try choice(
                .decisionNoticeOutcome, decisionNoticeOutcomesByKey, what: "a decision notice outcome",
                examples: decisionNoticeOutcomes.map(\.0))
            switch (try date(.decisionNotice), noticeOutcome) {
            case (let day?, let outcome?):
                record(day, .decisionNoticeIssued(DecisionNotice(reference: complaint, outcome: outcome)))
            case (.some, nil):
                throw fail(.decisionNotice, "a decision notice needs its outcome (an ICO outcome column)")
            case (nil, .some): throw fail(.decisionNoticeOutcome, "a decision notice outcome needs the notice's date")
            case (nil, nil): break
            }
            return steps
        }
    }

    /// A sheet of what happened after the response to cases already in the database — the ICO template's internal
    /// review tracker: a reference column and review or complaint columns, no date received.
    public struct LaterSteps: Sendable {
        public var columns: [(header: String, field: Field?)]
        public var dateForms: [SpreadsheetDate.Form: Int]
        public var rows: [(line: Int, reference: CaseReference, steps: [RecordedEvent])]
    }

    /// The fields a sheet of later steps may hold.
    static let laterFields: Set<Field> = [
        .reference, .reviewRequested, .reviewDecided, .reviewOutcome, .complaintReference, .complaintNotified,
        .decisionNotice, .decisionNoticeOutcome,
    ]

    /// `rows` as later steps, or nil when they are not such a sheet (no header with a reference and a review or
    /// complaint column among the first ten rows).
    public static func laterSteps(
        _ rows: [(line: Int, cells: [String])], mapping: Mapping = Mapping(), inSheet: Bool = false
    ) throws(InputError) -> LaterSteps? {
        guard
            let headerAt = rows.prefix(10).firstIndex(where: { row in
                let fields = Set(row.cells.compactMap { field($0, mapping: mapping, taken: [:]) })
                return fields.contains(.reference) && !fields.contains(.received)
                    && !fields.isDisjoint(with: [.reviewRequested, .complaintNotified])
            })
        else { return nil }
        var columns: [(header: String, field: Field?)] = []
        var index: [Field: Int] = [:]
        for (position, name) in rows[headerAt].cells.enumerated() {
            let field = Self.field(name, mapping: mapping, taken: index).flatMap { laterFields.contains($0) ? $0 : nil }
            if let field { index[field] = position }
            columns.append((name, field))
        }
        var forms: [SpreadsheetDate.Form: Int] = [:]
        var later: [(line: Int, reference: CaseReference, steps: [RecordedEvent])] = []
        for row in rows.dropFirst(headerAt + 1) where row.cells.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
            var reader = RowReader(row: row, columns: columns, index: index, inSheet: inSheet)
            guard let reference = try reader.reference() else {
                throw reader.fail(.reference, "the case's reference is empty")
            }
            let steps = try reader.afterResponse()
            forms.merge(reader.forms, uniquingKeysWith: +)
            if !steps.isEmpty {
                later.append((row.line, reference, RowReader.chronological(steps)))
            }
        }
        return LaterSteps(columns: columns, dateForms: forms, rows: later)
    }

    /// A status or outcome as the tables key it: normalised, without a regime's prefix.
    static func spellingKey(_ text: String) -> String { normalised(unprefixed(text)) }

    /// `FOI-Granted in full`, `EIR Fees Due` → the spelling without the regime (House on the Hill prefixes its
    /// codes).
    static func unprefixed(_ text: String) -> Substring {
        for prefix in ["FOI-", "EIR-", "DP-", "FOI ", "EIR ", "DP "] where text.uppercased().hasPrefix(prefix) {
            return text.dropFirst(prefix.count)
        }
        return Substring(text)
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

    static let outcomesByKey = keyed(outcomes)

    /// Statuses and stages of real systems (House on the Hill without its prefix, MoD, eCase, MoJ, councils).
    static let statuses: [(String, CaseStatus)] = [
        ("open", .open), ("received", .open), ("in progress", .open), ("draft", .open), ("new", .open),
        ("clarification received", .open), ("fees received", .open), ("fee paid", .open),
        ("clarification required", .awaitingClarification), ("clarify request", .awaitingClarification),
        ("awaiting clarification", .awaitingClarification), ("clarification sought", .awaitingClarification),
        ("fees due", .awaitingFee), ("fee due", .awaitingFee), ("awaiting fee", .awaitingFee),
        ("awaiting payment", .awaitingFee), ("public int test extension", .extended), ("pit extension", .extended),
        ("extended", .extended), ("complete", .responded), ("completed", .responded), ("closed", .responded),
        ("closed (complete)", .responded), ("responded", .responded), ("response sent", .responded),
        ("withdrawn", .withdrawn), ("withdrawn - by requestor", .withdrawn), ("withdrawn by requester", .withdrawn),
        ("withdrawn - business as usual", .withdrawn), ("withdrawn - admin reasons", .withdrawn),
        ("transferred", .transferred), ("transferred/referred", .transferred), ("referred", .transferred),
        ("complete. no clarification", .lapsed), ("refused. no clarification", .lapsed), ("no clarification", .lapsed),
        ("lapsed", .lapsed), ("fees not paid", .lapsed), ("fee not paid", .lapsed), ("no fee received", .lapsed),
    ]

    static let statusesByKey = keyed(statuses)

    /// Internal review outcomes as trackers write them: whether the original decision stood.
    static let reviewOutcomes: [(String, ReviewOutcome)] = [
        ("upheld", .upheld), ("original decision upheld", .upheld), ("decision upheld", .upheld),
        ("upheld in part", .partiallyUpheld), ("partially upheld", .partiallyUpheld),
        ("partly upheld", .partiallyUpheld),
        ("overturned", .overturned), ("reversed", .overturned), ("procedural", .procedural),
    ]

    static let reviewOutcomesByKey = keyed(reviewOutcomes)

    /// The regulator's decision on the complaint.
    static let decisionNoticeOutcomes: [(String, DecisionNoticeOutcome)] = [
        ("upheld", .upheld), ("complaint upheld", .upheld), ("partly upheld", .partlyUpheld),
        ("partially upheld", .partlyUpheld), ("upheld in part", .partlyUpheld), ("not upheld", .notUpheld),
        ("complaint not upheld", .notUpheld), ("dismissed", .notUpheld),
    ]

    static let decisionNoticeOutcomesByKey = keyed(decisionNoticeOutcomes)

    /// A table of spellings by their normalised form (the first of two that normalise alike).
    private static func keyed<T>(_ table: [(String, T)]) -> [String: T] {
        Dictionary(table.map { (normalised($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
    }

    /// `s.40(2); 31(1)(a), section 43` → `40(2)`, `31(1)(a)`, `43`.
    static func citations(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "/" || $0 == "&" }).compactMap { part in
            let citation = ExemptionCatalogue.normalise(String(trimmed(String(part))))
            return citation.isEmpty ? nil : citation
        }
    }
}
