/// The complaint to the regulator (the ICO, or the SIC in Scotland): notified, submissions asked for and sent,
/// ended by a decision notice or otherwise, the notice's steps taken; and the appeals against the notice.
extension Case {
    mutating func notifyComplaint(_ notice: ComplaintNotice, on date: CivilDate, event: CaseEvent)
        throws(LifecycleError)
    {
        try requireNothingUnderWay(event, allowingReview: true)
        complaints.append(Complaint(regulator: Regulator(for: regime), notified: date, notice: notice))
        stage = .regulator
    }

    mutating func requestSubmissions(due: CivilDate, on date: CivilDate, event: CaseEvent) throws(LifecycleError) {
        let complaint = try complaintUnderWay(event)
        guard due >= date else {
            throw .beforeItsCause(action: event.action, date: due, cause: "regulator's letter", causeDate: date)
        }
        try requireNotified(complaint, by: date, event)
        self.complaint?.submissionsDue = due
        self.complaint?.submissionsRequested = date
        self.complaint?.submissionsSent = nil
    }

    mutating func sendSubmissions(on date: CivilDate, event: CaseEvent) throws(LifecycleError) {
        let complaint = try complaintUnderWay(event)
        guard let requested = complaint.submissionsRequested, complaint.submissionsSent == nil else {
            throw .outOfOrder(
                action: event.action, reason: "the \(complaint.regulator.shortName) has not asked for submissions",
                remedy: .recordSubmissionsDate)
        }
        guard date >= requested else {
            throw .beforeItsCause(
                action: event.action, date: date, cause: "request for submissions", causeDate: requested)
        }
        self.complaint?.submissionsSent = date
    }

    mutating func closeComplaint(_ ending: ComplaintEnding, on date: CivilDate, event: CaseEvent)
        throws(LifecycleError)
    {
        let complaint = try complaintUnderWay(event)
        try requireNotified(complaint, by: date, event)
        if (ending == .concluded) != (regime == .sar) {
            throw .outOfOrder(
                action: event.action,
                reason: regime == .sar
                    ? "a data protection complaint ends in the ICO's outcome (concluded), or resolved, withdrawn "
                        + "or declined"
                    : "only a data protection complaint ends in an outcome letter; a complaint about "
                        + "\(regime.shortName) ends in a decision notice, or resolved, withdrawn or declined",
                remedy: regime == .sar ? .closeComplaint : .recordDecisionNotice)
        }
        self.complaint?.end(.closed(on: date, ending))
    }

    mutating func issueDecisionNotice(_ notice: DecisionNotice, on date: CivilDate, event: CaseEvent)
        throws(LifecycleError)
    {
        let complaint = try complaintUnderWay(event)
        try requireNotified(complaint, by: date, event)
        if notice.outcome == .notUpheld && (notice.steps != nil || notice.complyBy != nil) {
            throw .stepsWithoutUpheldComplaint
        }
        if let complyBy = notice.complyBy, complyBy < date {
            throw .beforeItsCause(action: event.action, date: complyBy, cause: "notice's own date", causeDate: date)
        }
        self.complaint?.end(.decided(on: date, notice))
    }

    mutating func complyWithNotice(on date: CivilDate, event: CaseEvent) throws(LifecycleError) {
        guard let index = complaints.lastIndex(where: \.awaitsCompliance), let decided = complaints[index].decided
        else {
            throw .outOfOrder(
                action: event.action, reason: "no decision notice orders steps on this case",
                remedy: .recordNoticeWithSteps
            )
        }
        guard date >= decided else {
            throw .beforeItsCause(action: event.action, date: date, cause: "decision notice", causeDate: decided)
        }
        complaints[index].complied = date
    }

    /// Records an appeal against the latest decision notice (either party, once each: cross-appeals are allowed,
    /// [2014] UKUT 444 (AAC)) or an application for permission to appeal a decided one onward (SI 2009/1976 r.42).
    mutating func lodge(_ lodging: AppealLodging, on date: CivilDate, event: CaseEvent) throws(LifecycleError) {
        guard let index = complaints.indices.last, let decided = complaints[index].decided else {
            throw .outOfOrder(
                action: event.action, reason: "there is no decision notice to appeal against",
                remedy: .recordNoticeToAppeal)
        }
        let earlier = complaints[index].appeals
        let cause: (name: String, date: CivilDate)
        switch lodging.level {
        case .firstTier:
            cause = ("decision notice", decided)
        case .upperTribunal:
            guard regime == .foia || regime == .eir else {
                throw .outOfOrder(
                    action: event.action,
                    reason: "an appeal from the Court of Session goes to the Supreme Court, which this tool does not "
                        + "track", remedy: .seeCase)
            }
            guard let tribunal = earlier.last(where: { $0.lodging.level == .firstTier && $0.decided != nil }),
                let tribunalDecided = tribunal.decided
            else {
                throw .outOfOrder(
                    action: event.action, reason: "no First-tier Tribunal decision on this notice has been recorded",
                    remedy: .recordAppealOutcome)
            }
            cause = ("Tribunal's decision", tribunalDecided)
        }
        if let same = earlier.first(where: {
            $0.lodging.level == lodging.level && $0.lodging.appellant == lodging.appellant
        }) {
            throw .outOfOrder(
                action: event.action,
                reason: "the \(lodging.appellant.rawValue)'s appeal \(same.lodging.reference) is already recorded "
                    + "against this decision", remedy: .seeCase)
        }
        guard date >= cause.date else {
            throw .beforeItsCause(action: event.action, date: date, cause: cause.name, causeDate: cause.date)
        }
        complaints[index].appeals.append(Appeal(lodged: date, lodging: lodging))
        stage = .tribunal
    }

    mutating func listHearing(on hearing: CivilDate, appeal reference: String?, event: CaseEvent)
        throws(LifecycleError)
    {
        let (complaintIndex, appealIndex) = try appealUnderWay(event, reference: reference)
        let appeal = complaints[complaintIndex].appeals[appealIndex]
        guard hearing >= appeal.lodged else {
            throw .beforeItsCause(action: event.action, date: hearing, cause: "appeal", causeDate: appeal.lodged)
        }
        complaints[complaintIndex].appeals[appealIndex].hearing = hearing
    }

    mutating func decideAppeal(_ decision: AppealDecision, on date: CivilDate, event: CaseEvent)
        throws(LifecycleError)
    {
        let (complaintIndex, appealIndex) = try appealUnderWay(event, reference: decision.appeal)
        let appeal = complaints[complaintIndex].appeals[appealIndex]
        guard date >= appeal.lodged else {
            throw .beforeItsCause(action: event.action, date: date, cause: "appeal", causeDate: appeal.lodged)
        }
        if let complyBy = decision.complyBy, complyBy < date {
            throw .beforeItsCause(action: event.action, date: complyBy, cause: "decision", causeDate: date)
        }
        complaints[complaintIndex].appeals[appealIndex].decide(decision, on: date)
    }

    /// Refuses a step of `complaint` dated before the regulator notified it.
    private func requireNotified(_ complaint: Complaint, by date: CivilDate, _ event: CaseEvent)
        throws(LifecycleError)
    {
        guard date >= complaint.notified else {
            throw .beforeItsCause(
                action: event.action, date: date, cause: "complaint notification", causeDate: complaint.notified)
        }
    }

    func complaintUnderWay(_ event: CaseEvent) throws(LifecycleError) -> Complaint {
        guard let complaint else {
            throw .outOfOrder(
                action: event.action, reason: "no complaint to the \(Regulator(for: regime).shortName) is recorded",
                remedy: .recordComplaint)
        }
        guard complaint.isUnderWay else {
            throw .outOfOrder(
                action: event.action,
                reason: "the complaint \(complaint.reference) was decided on \(complaint.decided?.description ?? "")",
                remedy: .seeCase)
        }
        return complaint
    }

    /// The appeal a hearing or decision is for: the one named by `reference`, or the only one under way.
    func appealUnderWay(_ event: CaseEvent, reference: String?) throws(LifecycleError) -> (Int, Int) {
        let underWay = complaints.indices.flatMap { complaint in
            complaints[complaint].appeals.indices.compactMap { appeal in
                complaints[complaint].appeals[appeal].isUnderWay ? (complaint, appeal) : nil
            }
        }
        let named = underWay.filter {
            reference == nil || complaints[$0.0].appeals[$0.1].lodging.reference == reference
        }
        if named.count == 1, let only = named.first { return only }
        let references = underWay.map { complaints[$0.0].appeals[$0.1].lodging.reference }
        if named.count > 1 {
            throw .outOfOrder(
                action: event.action,
                reason: "two appeals are under way (\(references.joined(separator: ", "))): say which",
                remedy: .nameAppeal)
        }
        let reason: String
        if let reference, !references.isEmpty {
            reason = "no appeal \(reference) is under way (under way: \(references.joined(separator: ", ")))"
        } else if let last = appeals.last {
            reason = "the appeal \(last.lodging.reference) was decided on \(last.decided?.description ?? "")"
        } else {
            reason = "no appeal is recorded"
        }
        throw .outOfOrder(action: event.action, reason: reason, remedy: appeals.isEmpty ? .recordAppeal : .seeCase)
    }
}
