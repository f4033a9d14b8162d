/// The internal review: asked for (after the response, or of a failure to respond or a fees notice where the regime
/// allows), extended once under the FOIA s.45 Code, decided once.
extension Case {
    mutating func requestReview(_ request: ReviewRequest, on date: CivilDate, event: CaseEvent) throws(LifecycleError) {
        try requireNothingUnderWay(event)
        let subject = try reviewSubject(event)
        reviews.append(Review(requested: date, request: request, subject: subject))
        stage = .review
    }

    mutating func decideReview(
        _ decision: ReviewDecision, on date: CivilDate, event: CaseEvent, catalogue: ExemptionCatalogue
    ) throws(LifecycleError) {
        let review = try reviewUnderWay(event)
        guard date >= review.requested else {
            throw .beforeItsCause(
                action: event.action, date: date, cause: "request for review", causeDate: review.requested)
        }
        try revise(exemptions: decision, catalogue: catalogue)
        self.review?.decide(decision, on: date)
    }

    /// What a request for review recorded now looks at. Before the response, FOISA s.20(1), EIR reg 11 and EIR(S)
    /// reg 16 allow a review of the failure to respond (whether the response is late is checked with the calendar,
    /// `requireLawful`) or of a fees notice; FOIA's review follows the response, and the ICO accepts a complaint
    /// about a failure to respond without one; a subject access request has no statutory review at all.
    func reviewSubject(_ event: CaseEvent) throws(LifecycleError) -> ReviewSubject {
        if status == .responded { return .response }
        guard regime.reviewsFailureToRespond else {
            throw .outOfOrder(
                action: event.action,
                reason:
                    "the case is \(status.phrase) since \(statusSince), and a \(regime.shortName) review follows the "
                    + "response (the ICO accepts a complaint about a failure to respond without a review)",
                remedy: .recordResponseOrComplaint)
        }
        return status == .awaitingFee ? .feesNotice : .failureToRespond
    }

    func reviewUnderWay(_ event: CaseEvent) throws(LifecycleError) -> Review {
        guard let review else {
            throw .outOfOrder(
                action: event.action, reason: "no internal review was requested",
                remedy: .recordReviewRequest)
        }
        guard review.isUnderWay else {
            throw .outOfOrder(
                action: event.action,
                reason: review.isDeclined
                    ? "the late request for review of \(review.requested) was declined"
                    : "the review was decided on \(review.decided?.description ?? "")",
                remedy: .seeCase)
        }
        return review
    }

    /// FOIA (s.45 Code): one extension of the review, to at most 40 working days; the other regimes fix the period.
    mutating func extendReview(to workingDays: Int, event: CaseEvent) throws(LifecycleError) {
        let review = try reviewUnderWay(event)
        switch regime {
        case .foia, .sar:
            // SAR: refused for new steps (`requireLawful`); a history recorded when it was allowed replays.
            break
        case .eir:
            throw .reviewExtensionRefused(reason: "EIR reg 11(4) fixes the review at 40 working days", remedy: nil)
        case .foisa:
            throw .reviewExtensionRefused(reason: "FOISA s.21(1) fixes the review at 20 working days", remedy: nil)
        case .eirs:
            throw .reviewExtensionRefused(reason: "EIR(S) reg 16(4) fixes the review at 20 working days", remedy: nil)
        }
        if let extendedTo = review.extendedTo {
            throw .reviewExtensionRefused(
                reason: "it was already extended to \(extendedTo) working days, and the s.45 Code allows one extension",
                remedy: nil)
        }
        guard workingDays > 20 else {
            throw .reviewExtensionRefused(
                reason: "20 working days is the review's own period; extend to more than 20, at most 40", remedy: nil)
        }
        guard workingDays <= 40 else {
            throw .reviewExtensionRefused(
                reason: "the s.45 Code of Practice allows a review at most 40 working days from receipt of the request "
                    + "(20, extended once by up to 20); \(workingDays) is more", remedy: nil)
        }
        guard case .reviewExtended(_, let reason) = event, !reason.allSatisfy(\.isWhitespace) else {
            throw .reviewExtensionRefused(reason: "no reason was given", remedy: .giveReviewExtensionReason)
        }
        self.review?.extendedTo = workingDays
        self.review?.extensionReason = reason
    }

    /// Applies a review's exemption changes: withdrawn ones must be relied on now; added ones are checked as usual.
    mutating func revise(exemptions decision: ReviewDecision, catalogue: ExemptionCatalogue)
        throws(LifecycleError)
    {
        for citation in decision.withdrawnExemptions {
            guard let index = exemptions.firstIndex(where: { $0.citation == citation }) else {
                throw .exemptionNotRelied(citation: citation, relied: exemptions.map(\.citation))
            }
            exemptions.remove(at: index)
        }
        for added in decision.addedExemptions {
            try validate(added, catalogue: catalogue)
            exemptions.removeAll { $0.citation == added.citation && $0.part == added.part }
            exemptions.append(added)
        }
    }

    /// Withdraws before the response the exemption `citation` of `part`, which must be relied on now, with its
    /// reasoning: the letter no longer cites it.
    mutating func withdraw(_ citation: String, part: Regime) throws(LifecycleError) {
        guard let index = exemptions.firstIndex(where: { $0.citation == citation && $0.part == part }) else {
            throw .exemptionNotRelied(citation: citation, relied: exemptions.map(\.citation))
        }
        exemptions.remove(at: index)
        reasoning.removeAll { $0.citation == citation && $0.part == part }
    }
}
