import FOIKit

extension SpreadsheetImport.Row {
    /// What a case imported before lacks of this row (an import that updates): where the steps an import makes that
    /// the case already has (in order) are the first of the row's, the rest, and its handler if another; a history
    /// that differs is refused, naming the first step and field that differ, since history is only ever appended to.
    /// `userNamed` finds the user a name is, if any (a handler the case names by a user).
    public func stepsSince(_ current: Case, today: CivilDate, userNamed: (String) throws -> UserID?) throws
        -> [RecordedEvent]
    {
        let had = current.standingSteps.filter { Self.isImported($0.event) }
        let sheet = [RecordedEvent(date: new.received, event: .received(new.receipt))] + steps
        let wanted = sheet.filter { Self.isImported($0.event) }
        // The first of the case's steps the sheet does not have at its place.
        if let first = had.indices.first(where: { $0 >= wanted.count || had[$0] != wanted[$0] }) {
            let ours = had[first]
            let theirs = first < wanted.count ? wanted[first] : nil
            // Two steps of one kind and day differ in a field: name it, with both values.
            var (ourDetail, theirDetail) = ("", "")
            if let theirs, theirs.event.kind == ours.event.kind, theirs.date == ours.date,
                case .object(let mine) = EventFormat.object(of: ours.event),
                case .object(let other) = EventFormat.object(of: theirs.event)
            {
                func value(_ field: JSONValue?) -> String {
                    if case .string(let text)? = field { return "'\(text)'" }
                    return field?.canonicalText ?? "none"
                }
                let fields = Set(mine.keys).union(other.keys).filter { mine[$0] != other[$0] }.sorted()
                ourDetail = " (" + fields.map { "\($0) \(value(mine[$0]))" }.joined(separator: ", ") + ")"
                theirDetail = " (" + fields.map { "\($0) \(value(other[$0]))" }.joined(separator: ", ") + ")"
            }
            throw InputError(
                "its history has \(ours.event.noun) on \(ours.date)\(ourDetail) where the sheet has "
                    + (theirs.map { "\($0.event.noun) on \($0.date)\(theirDetail)" } ?? "nothing")
                    + "; foi adds to a history and never rewrites it: record the change as a new step")
        }
        var added = Array(wanted.dropFirst(had.count))
        let handler = steps.last { if case .assigned = $0.event { true } else { false } }
        if case .assigned(let named)? = handler?.event, !(try Self.same(named, as: current.handler, userNamed)) {
            added.append(RecordedEvent(date: today, event: .assigned(to: named)))
        }
        return added
    }

    /// Whether the handler a row names is the one the case has: the same name, or the user of that name.
    static func same(_ named: Assignee?, as current: Assignee?, _ userNamed: (String) throws -> UserID?) throws -> Bool
    {
        switch (named, current) {
        case (.named(let name)?, .user(let id)?): try userNamed(name) == id
        default: named == current
        }
    }

    /// Whether a step is one a tracker's row can hold, and so one an update compares: the steps an officer records
    /// with foi alone (notes, letters, reasoning, the handler, which is compared apart) are not.
    static func isImported(_ event: CaseEvent) -> Bool {
        switch event {
        case .note, .anonymised, .deadlineMoved, .assigned, .requestRecorded, .reasoningRecorded, .letterIssued,
            .publicationDecided, .acknowledged, .searchRecorded, .corrected, .voided, .exemptionWithdrawn,
            .answerRecorded, .taskGiven, .taskDone, .taskDeclined, .flagged, .approvalRequested, .approved,
            .approvalRejected,
            .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned, .commented,
            .qualifiedPersonOpinion:
            false
        case .received, .clarificationRequested, .clarificationReceived, .clarificationLapsed, .feeNoticeIssued,
            .feePaid, .feeLapsed, .transferred, .withdrawn, .split, .exemptionApplied, .extended, .responded,
            .reopened, .reviewRequested, .reviewExtended, .reviewDecided, .complaintNotified, .submissionsRequested,
            .submissionsSent, .decisionNoticeIssued, .decisionNoticeComplied, .complaintClosed, .appealLodged,
            .hearingListed, .appealDecided:
            true
        }
    }
}
