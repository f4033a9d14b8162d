// The permanent event format (docs/EVENTS.md): each event is stored as its kind's name and a JSON object of named
// fields, written and read here by hand. Nothing in it is generated from Swift names, so renaming a Swift case,
// label or type never changes what is stored; a change to what is stored is a new format version.

/// The name of every kind of event, as stored: the one list of names.
public enum EventKind: String, CaseIterable, Hashable, Sendable {
    case received
    case acknowledged
    case clarificationRequested = "clarification-requested"
    case clarificationReceived = "clarification-received"
    case clarificationLapsed = "clarification-lapsed"
    case feeNoticeIssued = "fee-notice-issued"
    case feePaid = "fee-paid"
    case feeLapsed = "fee-lapsed"
    case transferred
    case withdrawn
    case split
    case searchRecorded = "search-recorded"
    case exemptionApplied = "exemption-applied"
    case extended
    case responded
    case note
    case requestRecorded = "request-recorded"
    case reasoningRecorded = "reasoning-recorded"
    case letterIssued = "letter-issued"
    case publicationDecided = "publication-decided"
    case assigned
    case reopened
    case deadlineMoved = "deadline-moved"
    case reviewRequested = "review-requested"
    case reviewExtended = "review-extended"
    case reviewDecided = "review-decided"
    case complaintNotified = "complaint-notified"
    case submissionsRequested = "submissions-requested"
    case submissionsSent = "submissions-sent"
    case decisionNotice = "decision-notice"
    case decisionNoticeComplied = "decision-notice-complied"
    case complaintClosed = "complaint-closed"
    case appealLodged = "appeal-lodged"
    case hearingListed = "hearing-listed"
    case appealDecided = "appeal-decided"
    case anonymised
    case corrected
    case voided
    case exemptionWithdrawn = "exemption-withdrawn"
    case answerRecorded = "answer-recorded"
    case taskGiven = "task-given"
    case taskDone = "task-done"
    case taskDeclined = "task-declined"
    case flagged
    case approvalRequested = "approval-requested"
    case approved
    case approvalRejected = "approval-rejected"
    case approvalBypassed = "approval-bypassed"
    case qualifiedPersonOpinion = "qualified-person-opinion"
    case allocated
    case allocationAccepted = "allocation-accepted"
    case allocationRejected = "allocation-rejected"
    case taskReassigned = "task-reassigned"
    case commented
}

/// Why a stored event cannot be read.
public enum EventFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownKind(String)
    case unsupportedVersion(Int)
    case notJSON(JSONSyntaxError)
    case badField(kind: String, field: String, reason: String)

    public var description: String {
        switch self {
        case .unknownKind(let kind): "an event of unknown kind '\(kind)'"
        case .unsupportedVersion(let version):
            "an event in format version \(version), newer than this program reads (\(EventFormat.version))"
        case .notJSON(let error): "an event payload that is \(error)"
        case .badField(let kind, let field, let reason): "a '\(kind)' event whose field '\(field)' \(reason)"
        }
    }
}

/// Writing and reading events in the permanent format.
public enum EventFormat {
    /// The format written today. Version 1 is documented field by field in docs/EVENTS.md; version 2 is version 1
    /// with the personal texts (`personalFields`) kept beside the payload, where they can be removed; version 3 is
    /// version 2 with identities: the actor is a user's number, and so is the handler `assigned` names.
    public static let version = 3

    /// The fields that may hold personal free text (a note, a reason, who asked for a review): in version 2 they
    /// are stored apart from the payload, so that anonymisation can remove them without changing the event.
    public static let personalFields: [EventKind: [String]] = [
        .clarificationRequested: ["note"], .withdrawn: ["reason"], .note: ["text"], .reopened: ["reason"],
        .reviewRequested: ["by", "grounds"], .reviewDecided: ["findings", "action"], .requestRecorded: ["text"],
        .corrected: ["reason"], .voided: ["reason"],
        .answerRecorded: ["text"], .taskGiven: ["ask"], .taskDone: ["answer"], .taskDeclined: ["reason"],
        .approved: ["note"], .approvalRejected: ["note"], .approvalBypassed: ["note"],
        .qualifiedPersonOpinion: ["opinion"],
        .allocationRejected: ["reason"], .commented: ["text"],
    ]

    /// What a removed personal text reads as.
    public static let removedText = "(removed)"

    /// The version-1 payload of `event`: all its fields as a JSON object in canonical text.
    public static func payload(of event: CaseEvent) -> String {
        object(of: event).canonicalText
    }

    /// The event as version 2 stores it: the payload without its personal texts, and those texts by field.
    public static func sealed(_ event: CaseEvent) -> (payload: String, texts: [String: String]) {
        guard case .object(var fields) = object(of: event), let personal = personalFields[event.kind] else {
            return (payload(of: event), [:])
        }
        var texts: [String: String] = [:]
        for field in personal {
            if case .string(let text)? = fields.removeValue(forKey: field) { texts[field] = text }
        }
        return (JSONValue.object(fields).canonicalText, texts)
    }

    /// The fields of `event` as a JSON object, absent values left out: the payload before it is written.
    public static func object(of event: CaseEvent) -> JSONValue {
        .object(fields(of: event).compactMapValues { $0 })
    }

    /// The event stored as `kind` with `payload` in format `version`, and in version 2 the personal `texts` kept
    /// beside it (nil: removed).
    public static func event(
        kind: String, payload: String, version: Int = version, texts: [String: String?] = [:]
    ) throws(EventFormatError) -> CaseEvent {
        guard (1...3).contains(version) else { throw .unsupportedVersion(version) }
        guard let eventKind = EventKind(rawValue: kind) else { throw .unknownKind(kind) }
        let value: JSONValue
        do { value = try JSONValue(parsing: payload) } catch { throw .notJSON(error) }
        guard case .object(var object) = value else {
            throw .badField(kind: kind, field: "(payload)", reason: "is not an object")
        }
        for (field, text) in texts where personalFields[eventKind]?.contains(field) == true {
            object[field] = .string(text ?? removedText)
        }
        return try event(eventKind, Fields(kind: kind, object: object))
    }

    /// The event of `kind` whose fields are `object`, as `object(of:)` writes them (an export's events).
    public static func event(kind: String, object: JSONValue) throws(EventFormatError) -> CaseEvent {
        guard let eventKind = EventKind(rawValue: kind) else { throw .unknownKind(kind) }
        guard case .object(let fields) = object else {
            throw .badField(kind: kind, field: "(event)", reason: "is not an object")
        }
        return try event(eventKind, Fields(kind: kind, object: fields))
    }

    // MARK: - Version 1

    /// The named fields of each kind; nil values are left out of the payload.
    private static func fields(of event: CaseEvent) -> [String: JSONValue?] {
        switch event {
        case .received(let receipt):
            [
                "regime": .string(receipt.regime.rawValue), "subject": .string(receipt.subject),
                "channel": .string(receipt.channel.rawValue), "convention": .string(receipt.convention.rawValue),
                "timestamp": receipt.timestamp.map(JSONValue.string), "period": receipt.period.map { .string($0.name) },
                "periodWorkingDays": receipt.period.flatMap {
                    if case .icoSpecified(let days) = $0 { .integer(days) } else { nil }
                },
                "splitFrom": receipt.splitFrom.map { .string($0.rawValue) },
                "nonSchoolDays": receipt.period.flatMap {
                    if case .school(let days) = $0 { .array(DayRuns.runs(days).map(JSONValue.string)) } else { nil }
                },
            ]
        case .acknowledged, .clarificationReceived, .clarificationLapsed, .feePaid, .feeLapsed, .submissionsSent,
            .decisionNoticeComplied:
            [:]
        case .clarificationRequested(let note): ["note": note.map(JSONValue.string)]
        case .feeNoticeIssued(let amount): ["amount": amount.map(JSONValue.string)]
        case .transferred(let to): ["to": .string(to)]
        case .split(let part): ["into": .string(part.into.rawValue), "regime": .string(part.regime.rawValue)]
        case .withdrawn(let reason): ["reason": reason.map(JSONValue.string)]
        case .searchRecorded(let search):
            ["location": .string(search.location), "held": .bool(search.held), "hours": .number(search.hours)]
        case .exemptionApplied(let decision): exemptionFields(decision)
        case .extended(let workingDays, let reason, let late):
            [
                "workingDays": workingDays.map(JSONValue.integer), "reason": reason.map(JSONValue.string),
                "late": late ? .bool(true) : nil,
            ]
        case .responded(let outcome, let details):
            [
                "outcome": .string(outcome.rawValue), "advice": details.advice.map(JSONValue.string),
                "earlierCase": details.earlierCase.map(JSONValue.string),
                "estimateHours": details.estimateHours.map(JSONValue.number),
                "estimateBasis": details.estimateBasis.map(JSONValue.string),
                "reasons": details.reasons.map(JSONValue.string),
            ]
        case .note(let text): ["text": .string(text)]
        case .requestRecorded(let text): ["text": .string(text)]
        case .reasoningRecorded(let reasoning):
            [
                "citation": .string(reasoning.citation), "part": .string(reasoning.part.rawValue),
                "engaged": .string(reasoning.engaged), "factorsFor": .array(reasoning.factorsFor.map(JSONValue.string)),
                "factorsAgainst": .array(reasoning.factorsAgainst.map(JSONValue.string)),
                "balance": reasoning.balance.map(JSONValue.string),
                "requestParts": reasoning.requestParts.isEmpty
                    ? nil : .array(reasoning.requestParts.map(JSONValue.string)),
                "preparedBy": reasoning.preparedBy.map(JSONValue.string),
                "finishedBy": reasoning.finishedBy.map(JSONValue.string),
            ]
        case .publicationDecided(let publication):
            ["title": publication.title.map(JSONValue.string), "heldBack": publication.heldBack.map(JSONValue.string)]
        case .assigned(let handler):
            switch handler {
            case .user(let id)?: ["to": .integer(id.rawValue)]
            case .named(let name)?: ["to": .string(name)]
            case nil: ["to": nil]
            }
        case .letterIssued(let record):
            [
                "letter": .string(record.letter), "template": .string(record.template),
                "digest": .string(record.digest),
            ]
        case .reopened(let reason): ["reason": .string(reason)]
        case .deadlineMoved(let from, let to, let reason):
            ["from": from.map(date), "to": to.map(date), "reason": .string(reason)]
        case .reviewRequested(let request):
            [
                "by": request.by.map(JSONValue.string), "grounds": request.grounds.map(JSONValue.string),
                "outOfTime": request.outOfTime.map {
                    .object(
                        [
                            "lastDay": date($0.lastDay), "accepted": .bool($0.accepted),
                            "declinedOn": $0.declinedOn.map(date),
                        ]
                        .compactMapValues { $0 })
                },
            ]
        case .reviewExtended(let workingDays, let reason):
            ["toWorkingDays": .integer(workingDays), "reason": .string(reason)]
        case .reviewDecided(let decision):
            [
                "outcome": .string(decision.outcome.rawValue), "reviewer": decision.reviewer.map(JSONValue.string),
                "withdrawnExemptions": .array(decision.withdrawnExemptions.map(JSONValue.string)),
                "addedExemptions": .array(
                    decision.addedExemptions.map { .object(exemptionFields($0).compactMapValues { $0 }) }),
                "findings": decision.findings.map(JSONValue.string), "action": decision.action.map(JSONValue.string),
            ]
        case .complaintNotified(let notice):
            ["reference": .string(notice.reference), "submissionsDue": notice.submissionsDue.map(date)]
        case .submissionsRequested(let due): ["due": date(due)]
        case .decisionNoticeIssued(let notice):
            [
                "reference": .string(notice.reference), "outcome": .string(notice.outcome.rawValue),
                "steps": notice.steps.map(JSONValue.string), "complyBy": notice.complyBy.map(date),
                "sent": notice.sent.map(date), "noSteps": notice.ordersNoSteps ? .bool(true) : nil,
            ]
        case .complaintClosed(let ending): ["ending": .string(ending.rawValue)]
        case .appealLodged(let lodging):
            [
                "appellant": .string(lodging.appellant.rawValue), "reference": .string(lodging.reference),
                "lastDay": lodging.lastDay.map(date),
                "level": lodging.level == .firstTier ? nil : .string(lodging.level.rawValue),
            ]
        case .hearingListed(let on, let appeal): ["on": date(on), "appeal": appeal.map(JSONValue.string)]
        case .appealDecided(let decision):
            [
                "outcome": .string(decision.outcome.rawValue), "appeal": decision.appeal.map(JSONValue.string),
                "complyBy": decision.complyBy.map(date), "steps": decision.steps.map(JSONValue.string),
                "noSteps": decision.ordersNoSteps ? .bool(true) : nil,
            ]
        case .anonymised(let removal): ["requester": .bool(removal.requester), "texts": .integer(removal.texts)]
        case .corrected(let correction):
            [
                "received": correction.received.map(date), "timestamp": correction.timestamp.map(JSONValue.string),
                "subject": correction.subject.map(JSONValue.string),
                "regime": correction.regime.map { .string($0.rawValue) },
                "channel": correction.channel.map { .string($0.rawValue) },
                "requester": correction.requester.isEmpty
                    ? nil : .array(correction.requester.map { .string($0.rawValue) }),
                "reason": .string(correction.reason),
            ]
        case .voided(let void): ["step": .integer(void.number), "reason": .string(void.reason)]
        case .exemptionWithdrawn(let citation, let part):
            ["citation": .string(citation), "part": .string(part.rawValue)]
        case .answerRecorded(let answer):
            [
                "part": answer.part.map(JSONValue.string), "finding": .string(answer.finding.rawValue),
                "text": answer.text.map(JSONValue.string),
                "exemptions": answer.exemptions.isEmpty ? nil : .array(answer.exemptions.map(JSONValue.string)),
                "enclosures": answer.enclosures.isEmpty
                    ? nil
                    : .array(
                        answer.enclosures.map {
                            .object([
                                "name": .string($0.name), "size": .integer($0.size), "digest": .string($0.digest),
                                "personal": .bool($0.personal),
                            ])
                        }),
            ]
        case .taskGiven(let request):
            [
                "task": .integer(request.number), "to": request.contributor.jsonValue,
                "ask": .string(request.ask), "workingDays": .integer(request.workingDays),
            ]
        case .taskDone(let answer):
            [
                "task": .integer(answer.number), "answer": .string(answer.answer),
                "hours": answer.hours.map(JSONValue.number), "activity": answer.activity.map { .string($0.rawValue) },
            ]
        case .taskDeclined(let number, let reason): ["task": .integer(number), "reason": .string(reason)]
        case .flagged(let flag, let removed): ["flag": .string(flag.rawValue), "removed": removed ? .bool(true) : nil]
        case .approvalRequested(let request):
            [
                "chain": .array(request.chain.map(\.jsonValue)),
                "workingDays": .integer(request.workingDays),
            ]
        case .allocated(let team): ["team": .integer(team.rawValue)]
        case .allocationAccepted(let user): ["by": .integer(user.rawValue)]
        case .allocationRejected(let user, let reason): ["by": .integer(user.rawValue), "reason": .string(reason)]
        case .taskReassigned(let number, let user): ["task": .integer(number), "to": .integer(user.rawValue)]
        case .commented(let text, let mentions):
            ["text": .string(text), "mentions": .array(mentions.map { .integer($0.rawValue) })]
        case .qualifiedPersonOpinion(let opinion):
            ["person": .string(opinion.person), "opinion": .string(opinion.opinion)]
        case .approved(let decision), .approvalRejected(let decision), .approvalBypassed(let decision):
            [
                "stage": .integer(decision.stage), "digest": .string(decision.digest),
                "note": decision.note.map(JSONValue.string),
            ]
        }
    }

    private static func exemptionFields(_ decision: ExemptionDecision) -> [String: JSONValue?] {
        [
            "citation": .string(decision.citation), "part": .string(decision.part.rawValue),
            "ncnd": .bool(decision.neitherConfirmNorDeny),
            "publicInterest": decision.publicInterest.map { .string($0.rawValue) },
        ]
    }

    private static func date(_ date: CivilDate) -> JSONValue { .string(date.description) }

    private static func event(_ kind: EventKind, _ fields: Fields) throws(EventFormatError) -> CaseEvent {
        switch kind {
        case .received:
            return .received(
                Receipt(
                    regime: try fields.choice("regime"), subject: try fields.string("subject"),
                    channel: try fields.choice("channel"), convention: try fields.choice("convention"),
                    timestamp: try fields.optionalString("timestamp"), period: try period(fields),
                    splitFrom: try fields.optionalString("splitFrom").map(CaseReference.init(rawValue:))))
        case .acknowledged: return .acknowledged
        case .clarificationRequested: return .clarificationRequested(note: try fields.optionalString("note"))
        case .clarificationReceived: return .clarificationReceived
        case .clarificationLapsed: return .clarificationLapsed
        case .feeNoticeIssued: return .feeNoticeIssued(amount: try fields.optionalString("amount"))
        case .feePaid: return .feePaid
        case .feeLapsed: return .feeLapsed
        case .transferred: return .transferred(to: try fields.string("to"))
        case .split:
            return .split(
                CaseSplit(into: CaseReference(rawValue: try fields.string("into")), regime: try fields.choice("regime"))
            )
        case .withdrawn: return .withdrawn(reason: try fields.optionalString("reason"))
        case .searchRecorded:
            return .searchRecorded(
                Search(
                    location: try fields.string("location"), held: try fields.bool("held"),
                    hours: try fields.number("hours")))
        case .exemptionApplied: return .exemptionApplied(try exemption(fields))
        case .extended:
            return .extended(
                workingDays: try fields.optionalInteger("workingDays"), reason: try fields.optionalString("reason"),
                late: try fields.optionalBool("late") ?? false)
        case .responded:
            return .responded(
                try fields.choice("outcome"),
                ResponseDetails(
                    advice: try fields.optionalString("advice"), earlierCase: try fields.optionalString("earlierCase"),
                    estimateHours: try fields.optionalNumber("estimateHours"),
                    estimateBasis: try fields.optionalString("estimateBasis"),
                    reasons: try fields.optionalString("reasons")))
        case .note: return .note(try fields.string("text"))
        case .requestRecorded: return .requestRecorded(text: try fields.string("text"))
        case .reasoningRecorded:
            return .reasoningRecorded(
                ExemptionReasoning(
                    citation: try fields.string("citation"), part: try fields.choice("part"),
                    engaged: try fields.string("engaged"), factorsFor: try fields.strings("factorsFor"),
                    factorsAgainst: try fields.strings("factorsAgainst"), balance: try fields.optionalString("balance"),
                    requestParts: try fields.strings("requestParts"),
                    preparedBy: try fields.optionalString("preparedBy"),
                    finishedBy: try fields.optionalString("finishedBy")))
        case .publicationDecided:
            return .publicationDecided(
                Publication(title: try fields.optionalString("title"), heldBack: try fields.optionalString("heldBack")))
        case .assigned:
            // A number from format 3 on; a name before.
            if case .integer(let id)? = fields.value("to") { return .assigned(to: .user(UserID(rawValue: id))) }
            return .assigned(to: try fields.optionalString("to").map(Assignee.named))
        case .letterIssued:
            return .letterIssued(
                LetterRecord(
                    letter: try fields.string("letter"), template: try fields.string("template"),
                    digest: try fields.string("digest")))
        case .reopened: return .reopened(reason: try fields.string("reason"))
        case .deadlineMoved:
            return .deadlineMoved(
                from: try fields.optionalDate("from"), to: try fields.optionalDate("to"),
                reason: try fields.string("reason"))
        case .reviewRequested:
            let outOfTime = try fields.optionalObject("outOfTime").map { late throws(EventFormatError) in
                OutOfTime(
                    lastDay: try late.date("lastDay"), accepted: try late.bool("accepted"),
                    declinedOn: try late.optionalDate("declinedOn"))
            }
            return .reviewRequested(
                ReviewRequest(
                    by: try fields.optionalString("by"), outOfTime: outOfTime,
                    grounds: try fields.optionalString("grounds")))
        case .reviewExtended:
            return .reviewExtended(
                toWorkingDays: try fields.integer("toWorkingDays"), reason: try fields.string("reason"))
        case .reviewDecided:
            var added: [ExemptionDecision] = []
            for object in try fields.objects("addedExemptions") { added.append(try exemption(object)) }
            return .reviewDecided(
                ReviewDecision(
                    outcome: try fields.choice("outcome"), reviewer: try fields.optionalString("reviewer"),
                    withdrawnExemptions: try fields.strings("withdrawnExemptions"), addedExemptions: added,
                    findings: try fields.optionalString("findings"), action: try fields.optionalString("action")))
        case .complaintNotified:
            return .complaintNotified(
                ComplaintNotice(
                    reference: try fields.string("reference"), submissionsDue: try fields.optionalDate("submissionsDue")
                ))
        case .submissionsRequested: return .submissionsRequested(due: try fields.date("due"))
        case .submissionsSent: return .submissionsSent
        case .decisionNotice:
            return .decisionNoticeIssued(
                DecisionNotice(
                    reference: try fields.string("reference"), outcome: try fields.choice("outcome"),
                    steps: try fields.optionalString("steps"), complyBy: try fields.optionalDate("complyBy"),
                    sent: try fields.optionalDate("sent"), ordersNoSteps: try fields.optionalBool("noSteps") ?? false))
        case .decisionNoticeComplied: return .decisionNoticeComplied
        case .complaintClosed: return .complaintClosed(try fields.choice("ending"))
        case .appealLodged:
            return .appealLodged(
                AppealLodging(
                    appellant: try fields.choice("appellant"), reference: try fields.string("reference"),
                    lastDay: try fields.optionalDate("lastDay"), level: try fields.optionalChoice("level") ?? .firstTier
                ))
        case .hearingListed:
            return .hearingListed(on: try fields.date("on"), appeal: try fields.optionalString("appeal"))
        case .appealDecided:
            return .appealDecided(
                AppealDecision(
                    outcome: try fields.choice("outcome"), appeal: try fields.optionalString("appeal"),
                    complyBy: try fields.optionalDate("complyBy"), steps: try fields.optionalString("steps"),
                    ordersNoSteps: try fields.optionalBool("noSteps") ?? false))
        case .anonymised:
            return .anonymised(
                PersonalDataRemoval(requester: try fields.bool("requester"), texts: try fields.integer("texts")))
        case .corrected:
            var requester: [RequesterField] = []
            for name in try fields.strings("requester") {
                guard let field = RequesterField(rawValue: name) else {
                    throw fields.fail("requester", "names '\(name)', not one of name, email, address")
                }
                requester.append(field)
            }
            return .corrected(
                Correction(
                    received: try fields.optionalDate("received"), timestamp: try fields.optionalString("timestamp"),
                    subject: try fields.optionalString("subject"), regime: try fields.optionalChoice("regime"),
                    channel: try fields.optionalChoice("channel"), requester: requester,
                    reason: try fields.string("reason")))
        case .voided:
            return .voided(VoidedStep(number: try fields.integer("step"), reason: try fields.string("reason")))
        case .exemptionWithdrawn:
            return .exemptionWithdrawn(citation: try fields.string("citation"), part: try fields.choice("part"))
        case .answerRecorded:
            var enclosures: [Enclosure] = []
            for enclosure in try fields.objects("enclosures") {
                enclosures.append(
                    Enclosure(
                        name: try enclosure.string("name"), size: try enclosure.integer("size"),
                        digest: try enclosure.string("digest"), personal: try enclosure.bool("personal")))
            }
            return .answerRecorded(
                PartAnswer(
                    part: try fields.optionalString("part"), finding: try fields.choice("finding"),
                    text: try fields.optionalString("text"), exemptions: try fields.strings("exemptions"),
                    enclosures: enclosures))
        case .taskGiven:
            return .taskGiven(
                TaskRequest(
                    number: try fields.integer("task"), contributor: try fields.party("to"),
                    ask: try fields.string("ask"), workingDays: try fields.integer("workingDays")))
        case .taskDone:
            return .taskDone(
                TaskAnswer(
                    number: try fields.integer("task"), answer: try fields.string("answer"),
                    hours: try fields.optionalNumber("hours"),
                    activity: try fields.optionalChoice("activity")))
        case .taskDeclined:
            return .taskDeclined(number: try fields.integer("task"), reason: try fields.string("reason"))
        case .flagged:
            return .flagged(try fields.choice("flag"), removed: try fields.optionalBool("removed") ?? false)
        case .approvalRequested:
            return .approvalRequested(
                ApprovalRequest(
                    chain: try fields.parties("chain"),
                    workingDays: try fields.integer("workingDays")))
        case .approved: return .approved(try approvalDecision(fields))
        case .approvalRejected: return .approvalRejected(try approvalDecision(fields))
        case .approvalBypassed: return .approvalBypassed(try approvalDecision(fields))
        case .allocated: return .allocated(team: TeamID(rawValue: try fields.integer("team")))
        case .allocationAccepted: return .allocationAccepted(by: UserID(rawValue: try fields.integer("by")))
        case .allocationRejected:
            return .allocationRejected(
                by: UserID(rawValue: try fields.integer("by")), reason: try fields.string("reason"))
        case .taskReassigned:
            return .taskReassigned(
                number: try fields.integer("task"), to: UserID(rawValue: try fields.integer("to")))
        case .qualifiedPersonOpinion:
            return .qualifiedPersonOpinion(
                QualifiedPersonOpinion(person: try fields.string("person"), opinion: try fields.string("opinion")))
        case .commented:
            return .commented(
                text: try fields.string("text"),
                mentions: try fields.integers("mentions").map(UserID.init(rawValue:)))
        }
    }

    private static func approvalDecision(_ fields: Fields) throws(EventFormatError) -> ApprovalDecision {
        ApprovalDecision(
            stage: try fields.integer("stage"), digest: try fields.string("digest"),
            note: try fields.optionalString("note"))
    }

    private static func period(_ fields: Fields) throws(EventFormatError) -> RequestPeriod? {
        switch try fields.optionalString("period") {
        case nil: return nil
        case "public-records": return .publicRecords
        case "keeper": return .keeper
        case "ico-specified": return .icoSpecified(workingDays: try fields.integer("periodWorkingDays"))
        case "school": return .school(nonSchoolDays: try days(inRanges: fields.strings("nonSchoolDays"), fields))
        case let other?:
            throw fields.fail("period", "'\(other)' is not one of public-records, keeper, ico-specified, school")
        }
    }

    private static func days(inRanges runs: [String], _ fields: Fields) throws(EventFormatError) -> Set<CivilDate> {
        var days: Set<CivilDate> = []
        for run in runs {
            do throws(DayRunError) {
                days.formUnion(try DayRuns.days(in: run).days)
            } catch {
                throw fields.fail("nonSchoolDays", "\(error)")
            }
        }
        return days
    }

    private static func exemption(_ fields: Fields) throws(EventFormatError) -> ExemptionDecision {
        ExemptionDecision(
            citation: try fields.string("citation"), part: try fields.choice("part"),
            neitherConfirmNorDeny: try fields.bool("ncnd"),
            publicInterest: try fields.optionalChoice("publicInterest"))
    }

    /// Typed access to a payload's fields, naming the kind and field in every error.
    private struct Fields {
        var kind: String
        var object: [String: JSONValue]

        func fail(_ field: String, _ reason: String) -> EventFormatError {
            .badField(kind: kind, field: field, reason: reason)
        }

        func optionalNumber(_ field: String) throws(EventFormatError) -> Double? {
            value(field) == nil ? nil : try number(field)
        }

        /// The field's value; nil when absent or null.
        func value(_ field: String) -> JSONValue? {
            guard let value = object[field], value != .null else { return nil }
            return value
        }

        /// `value`, which a required `field` must have.
        func present<T>(_ value: T?, _ field: String) throws(EventFormatError) -> T {
            guard let value else { throw fail(field, "is missing") }
            return value
        }

        func required(_ field: String) throws(EventFormatError) -> JSONValue {
            try present(value(field), field)
        }

        func optionalString(_ field: String) throws(EventFormatError) -> String? {
            guard let value = value(field) else { return nil }
            guard case .string(let text) = value else { throw fail(field, "is not a string") }
            return text
        }

        func string(_ field: String) throws(EventFormatError) -> String {
            try present(optionalString(field), field)
        }

        func integers(_ field: String) throws(EventFormatError) -> [Int] {
            guard case .array(let values) = try required(field) else { throw fail(field, "is not an array") }
            var numbers: [Int] = []
            for element in values {
                guard case .integer(let number) = element else { throw fail(field, "holds something not a number") }
                numbers.append(number)
            }
            return numbers
        }

        /// An array of users by number and teams as `{"team": number}`.
        func parties(_ field: String) throws(EventFormatError) -> [Party] {
            guard case .array(let values) = try required(field) else { throw fail(field, "is not an array") }
            var parties: [Party] = []
            for element in values { parties.append(try party(element, field)) }
            return parties
        }

        /// A user by number or a team as `{"team": number}`.
        func party(_ field: String) throws(EventFormatError) -> Party { try party(try required(field), field) }

        private func party(_ value: JSONValue, _ field: String) throws(EventFormatError) -> Party {
            if case .integer(let user) = value { return .user(UserID(rawValue: user)) }
            guard case .object(let team) = value, team.count == 1, case .integer(let id)? = team["team"] else {
                throw fail(field, "holds something neither a user's number nor {\"team\": number}")
            }
            return .team(TeamID(rawValue: id))
        }

        func strings(_ field: String) throws(EventFormatError) -> [String] {
            guard let value = value(field) else { return [] }
            guard case .array(let values) = value else { throw fail(field, "is not an array") }
            var texts: [String] = []
            for element in values {
                guard case .string(let text) = element else { throw fail(field, "holds something not a string") }
                texts.append(text)
            }
            return texts
        }

        func bool(_ field: String) throws(EventFormatError) -> Bool {
            try present(optionalBool(field), field)
        }

        func optionalBool(_ field: String) throws(EventFormatError) -> Bool? {
            guard let value = value(field) else { return nil }
            guard case .bool(let flag) = value else { throw fail(field, "is not true or false") }
            return flag
        }

        func optionalInteger(_ field: String) throws(EventFormatError) -> Int? {
            guard let value = value(field) else { return nil }
            guard case .integer(let number) = value else { throw fail(field, "is not a whole number") }
            return number
        }

        func integer(_ field: String) throws(EventFormatError) -> Int {
            try present(optionalInteger(field), field)
        }

        func number(_ field: String) throws(EventFormatError) -> Double {
            switch try required(field) {
            case .integer(let number): return Double(number)
            case .number(let number): return number
            default: throw fail(field, "is not a number")
            }
        }

        func optionalDate(_ field: String) throws(EventFormatError) -> CivilDate? {
            guard let text = try optionalString(field) else { return nil }
            do { return try CivilDate(iso: text) } catch { throw fail(field, "is not a date: \(error)") }
        }

        func date(_ field: String) throws(EventFormatError) -> CivilDate {
            try present(optionalDate(field), field)
        }

        func optionalChoice<T: RawRepresentable & CaseIterable>(_ field: String) throws(EventFormatError) -> T?
        where T.RawValue == String {
            guard let text = try optionalString(field) else { return nil }
            guard let choice = T(rawValue: text) else {
                throw fail(field, "'\(text)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return choice
        }

        func choice<T: RawRepresentable & CaseIterable>(_ field: String) throws(EventFormatError) -> T
        where T.RawValue == String {
            try present(optionalChoice(field), field)
        }

        func optionalObject(_ field: String) throws(EventFormatError) -> Fields? {
            guard let value = value(field) else { return nil }
            guard case .object(let object) = value else { throw fail(field, "is not an object") }
            return Fields(kind: kind, object: object)
        }

        func objects(_ field: String) throws(EventFormatError) -> [Fields] {
            guard let value = value(field) else { return [] }
            guard case .array(let values) = value else { throw fail(field, "is not an array") }
            var objects: [Fields] = []
            for element in values {
                guard case .object(let object) = element else { throw fail(field, "holds something not an object") }
                objects.append(Fields(kind: kind, object: object))
            }
            return objects
        }
    }
}

// MARK: - Before version 1

extension EventFormat {
    /// A payload written before version 1 (Swift's synthesized `Codable` of the event enum, e.g.
    /// `{"responded":{"_0":"granted-in-full"}}`) in version 1. Used once, by the migration that rewrote them; the
    /// committed fixture of that release keeps it tested.
    public static func versionOnePayload(fromLegacy legacy: String, kind: String) throws(EventFormatError) -> String {
        let value: JSONValue
        do { value = try JSONValue(parsing: legacy) } catch { throw .notJSON(error) }
        guard case .object(let outer) = value, outer.count == 1, case .object(var inner)? = outer.first?.value else {
            throw .badField(kind: kind, field: "(payload)", reason: "is not an event written before version 1")
        }
        // An unlabelled associated value is `_0`: a struct's fields, or a single value that version 1 names.
        if let only = inner.removeValue(forKey: "_0") {
            if case .object(let fields) = only {
                inner.merge(fields) { first, _ in first }
            } else {
                let names: [EventKind: String] = [.responded: "outcome", .note: "text", .appealDecided: "outcome"]
                guard let eventKind = EventKind(rawValue: kind), let name = names[eventKind] else {
                    throw .badField(kind: kind, field: "_0", reason: "has no name in version 1")
                }
                inner[name] = only
            }
        }
        // Version 1 names two fields more briefly than the Swift types did.
        if let ncnd = inner.removeValue(forKey: "neitherConfirmNorDeny") { inner["ncnd"] = ncnd }
        if case .array(let added)? = inner["addedExemptions"] {
            inner["addedExemptions"] = .array(
                added.map { element in
                    guard case .object(var fields) = element else { return element }
                    if let ncnd = fields.removeValue(forKey: "neitherConfirmNorDeny") { fields["ncnd"] = ncnd }
                    return .object(fields)
                })
        }
        // Read it back as version 1 and write it anew, so that a field the conversion misses fails here, in the
        // migration, instead of being dropped.
        let converted = try event(kind: kind, payload: JSONValue.object(inner).canonicalText)
        if let unread = Set(inner.keys).subtracting(fields(of: converted).keys).sorted().first {
            throw .badField(kind: kind, field: unread, reason: "has no place in version 1")
        }
        return payload(of: converted)
    }
}
