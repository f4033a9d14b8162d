/// The request's own process: its clock stopped and restarted (clarification, fees), extended, answered, closed
/// without an answer, reopened; and what the officer records of it.
extension Case {
    mutating func requestClarification(on date: CivilDate) {
        clarifications.append(Clarification(requested: date, received: nil))
        setStatus(.awaitingClarification, date)
    }

    mutating func receiveClarification(on date: CivilDate, event: CaseEvent) throws(LifecycleError) {
        // The status says a clarification was requested; the lifecycle records it with its date.
        if let requested = clarifications.last?.requested, date < requested {
            throw .beforeItsCause(
                action: event.action, date: date, cause: "request for clarification", causeDate: requested)
        }
        clarifications[clarifications.count - 1].received = date
        setStatus(resumedStatus, date)
    }

    mutating func issueFeeNotice(on date: CivilDate) {
        fees.append(FeePeriod(notice: date, paid: nil))
        setStatus(.awaitingFee, date)
    }

    mutating func payFee(on date: CivilDate, event: CaseEvent) throws(LifecycleError) {
        let notice = fees[fees.count - 1].notice
        guard date >= notice else {
            throw .beforeItsCause(action: event.action, date: date, cause: "fees notice", causeDate: notice)
        }
        fees[fees.count - 1].paid = date
        setStatus(resumedStatus, date)
    }

    /// The request ends without an answer: lapsed, transferred or withdrawn.
    mutating func close(as status: CaseStatus, on date: CivilDate) {
        setStatus(status, date)
        stage = .closed
    }

    mutating func apply(_ decision: ExemptionDecision, catalogue: ExemptionCatalogue) throws(LifecycleError) {
        try validate(decision, catalogue: catalogue)
        exemptions.append(decision)
    }

    mutating func respond(_ outcome: Outcome, on date: CivilDate) throws(LifecycleError) {
        if outcome.citesExemptions && exemptions.isEmpty { throw .exemptionRequired(outcome) }
        responses.append(Response(on: date, outcome: outcome))
        setStatus(.responded, date)
        if stage == .request { stage = .responded }
    }

    mutating func reopen(on date: CivilDate, event: CaseEvent) throws(LifecycleError) {
        try requireNothingUnderWay(event)
        if !responses.isEmpty { reopenedAfterResponse = date }
        stage = .request
        setStatus(resumedStatus, date)
    }

    /// The reasoning for an exemption relied on, replacing what was recorded for it before.
    mutating func record(_ reasoning: ExemptionReasoning) throws(LifecycleError) {
        guard exemptions.contains(where: { $0.citation == reasoning.citation && $0.part == reasoning.part }) else {
            throw .reasoningWithoutExemption(
                citation: reasoning.citation, relied: exemptions.map { "\($0.part.shortName) \($0.citation)" })
        }
        if let index = self.reasoning.firstIndex(where: {
            $0.citation == reasoning.citation && $0.part == reasoning.part
        }) {
            self.reasoning[index] = reasoning
        } else {
            self.reasoning.append(reasoning)
        }
    }

    func validate(_ decision: ExemptionDecision, catalogue: ExemptionCatalogue) throws(LifecycleError) {
        guard decision.part == regime || decision.part == Self.sibling(of: regime) else {
            throw .partNotAllowed(part: decision.part, caseRegime: regime)
        }
        guard let exemption = catalogue.exemption(citing: decision.citation, in: decision.part) else {
            throw .unknownExemption(
                citation: decision.citation, regime: decision.part,
                elsewhere: catalogue.regimes(citing: decision.citation))
        }
        if decision.neitherConfirmNorDeny && exemption.ncnd == nil {
            throw .ncndNotAvailable(citation: exemption.label)
        }
        if exemption.kind == .qualified && decision.publicInterest == nil {
            throw .publicInterestRequired(citation: exemption.label)
        }
    }

    /// Extends the response clock, or with `late` records an extension given after the time for it, which extends
    /// nothing: the request stays due, and is answered late, by the unextended date.
    mutating func extend(by workingDays: Int?, on date: CivilDate, late: Bool, catalogue: ExemptionCatalogue)
        throws(LifecycleError)
    {
        switch regime {
        case .foia:
            guard let workingDays, workingDays > 0 else {
                throw .extensionNotAvailable(
                    reason: "a FOIA public interest extension (s.10(3)) needs its further working days",
                    remedy: .givePublicInterestDays)
            }
            guard exemptions.contains(where: catalogue.isQualified) else {
                throw .extensionNotAvailable(
                    reason: "s.10(3) extends only to consider the public interest: apply a qualified exemption first",
                    remedy: nil)
            }
            if !late { publicInterestExtension = workingDays }
        case .eir, .eirs, .sar:
            guard workingDays == nil else {
                throw .extensionNotAvailable(
                    reason: "\(regime.shortName)'s extension is fixed (\(regime.statutoryExtension?.citation ?? ""))",
                    remedy: .dropExtensionDays)
            }
            if !late { statutoryExtension = true }
        case .foisa:
            throw .extensionNotAvailable(reason: "FOISA allows no extension of its 20 working days", remedy: nil)
        }
        if late { lateExtension = date }
        setStatus(.extended, date)
    }
}
