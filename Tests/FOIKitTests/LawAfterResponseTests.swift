import FOIKit
import Testing

/// A case under `regime` received on `received`, with nothing else yet.
func newCase(_ regime: Regime, received: String) -> Case {
    Case(
        reference: CaseReference(rawValue: "FOI-2026-000003"), received: d(received),
        receipt: Receipt(regime: regime, subject: "Minutes"))
}

/// The rules after the response that the checks against the statutes found missing (RULES.md §5.1), each with a
/// worked example counted on a calendar.
@Suite struct FailureToRespondTests {
    /// FOISA s.20(1), s.20(5)(a): a review of a failure to respond. Received Mon 2 Nov 2026 under FOISA (Scotland):
    /// Nov 3–6 (4), 9–27 (19), Mon 30 Nov is St Andrew's Day, Tue 1 Dec (20) is the s.10 deadline. On that day the
    /// response is not late and the review is refused; on Mon 7 Dec it is required. The review: Dec 8–11 (4), 14–18
    /// (9), 21–24 (13), Christmas and Mon 28 Dec, 29–31 (16), 1 Jan and Mon 4 Jan (2 Jan's substitute in Scotland),
    /// Jan 5–8 (20): Fri 8 Jan 2027. The window it met: 40 working days after 1 Dec, Mon 1 Feb 2027.
    @Test func aFOISAReviewOfAFailureToRespond() throws {
        let silent = newCase(.foisa, received: "2026-11-02")
        #expect(try silent.deadline(calendars: shipped).finalDate == d("2026-12-01"))
        #expect(throws: LifecycleError.self) { _ = try silent.after("2026-12-01", .reviewRequested(ReviewRequest())) }
        let review = try silent.after("2026-12-07", .reviewRequested(ReviewRequest()))
        #expect(review.review?.subject == .failureToRespond)
        #expect(review.status == .open)
        #expect(review.stage == .review)
        #expect(try review.clock(.review)?.due == d("2027-01-08"))
        let window = try #require(try review.clock(.reviewWindow))
        #expect(window.due == d("2027-02-01"))
        #expect(window.citation.contains("s.20(5)(a)"))
        #expect(window.metOn == d("2026-12-07"))
        // FOISA s.47(4)(b): unanswered, the six months to apply to the SIC run from the end of the review period.
        let regulator = try #require(try review.clock(.regulatorWindow))
        #expect(regulator.startedOn == d("2027-01-08"))
        #expect(regulator.due == d("2027-07-08"))
        #expect(regulator.citation.contains("s.47(4)(b)"))
        // The response can still be given; the case is answered and the review decided.
        let answered = try review.after("2026-12-21", .responded(.grantedInFull))
            .after("2027-01-06", .reviewDecided(ReviewDecision(outcome: .procedural)))
        #expect(answered.status == .responded)
        #expect(try answered.clock(.regulatorWindow)?.startedOn == d("2027-01-06"))
        #expect(answered.closedOn == d("2027-01-06"))
    }

    /// SIC Decision 130/2019: review required Mon 24 Dec 2018 and never answered. 20 working days (Scotland): 25–26
    /// Dec holidays, 27–28 (2), 31 (3), 1–2 Jan holidays, 3–4 (5), 7–11 (10), 14–18 (15), 21–25 (20): Fri 25 Jan
    /// 2019; six months on, Thu 25 Jul 2019. The application of 16 Jun 2019 was in time.
    @Test func anUnansweredReviewGivesSixMonthsFromTheEndOfItsPeriod() throws {
        let review = try answeredCase(.foisa, received: "2018-11-01", responded: "2018-11-20")
            .after("2018-12-24", .reviewRequested(ReviewRequest()))
        let window = try #require(try review.clock(.regulatorWindow))
        #expect(window.due == d("2019-07-25"))
        let applied = try review.after("2019-06-16", .complaintNotified(ComplaintNotice(reference: "201901234")))
        #expect(try applied.clock(.regulatorWindow)?.status(today: d("2019-06-16")) == .met)
    }

    /// EIR reg 11(2): 40 working days from the date the decision was due. Received Mon 2 Mar 2026: Mar 3–16 (10), St
    /// Patrick's Day skipped, 18–31 (20): due Tue 31 Mar. Window: Apr 1–2 (2), Good Friday and Easter Monday, 7–30
    /// (20), 1 May (21), the early May holiday, 5–22 (35), the spring holiday, 26–29 (39), Mon 1 Jun (40).
    @Test func anEIRReviewWindowFromTheDateTheDecisionWasDue() throws {
        let review = try newCase(.eir, received: "2026-03-02").after("2026-04-20", .reviewRequested(ReviewRequest()))
        let window = try #require(try review.clock(.reviewWindow))
        #expect(window.startedOn == d("2026-03-31"))
        #expect(window.due == d("2026-06-01"))
        #expect(window.citation.contains("reg 11(2)"))
        // EIR reg 11(4): 40 working days for the review itself; EIR has no SIC window.
        #expect(try review.clock(.review)?.isGuidance == false)
    }

    /// FOIA has no review of a failure to respond (the ICO takes the complaint directly), nor does a subject access
    /// request; FOISA also reviews a fees notice (s.20).
    @Test func whichRegimesReviewWhatBeforeTheResponse() throws {
        for regime in [Regime.foia, .sar] {
            #expect(throws: LifecycleError.self) {
                _ = try newCase(regime, received: "2026-01-05").after("2026-03-02", .reviewRequested(ReviewRequest()))
            }
        }
        let complaint = try newCase(.foia, received: "2026-01-05")
            .after("2026-03-02", .complaintNotified(ComplaintNotice(reference: "IC-1")))
        #expect(complaint.stage == .regulator)
        let fees = try newCase(.foisa, received: "2026-01-05").after("2026-01-12", .feeNoticeIssued(amount: "£40"))
            .after("2026-01-20", .reviewRequested(ReviewRequest()))
        #expect(fees.review?.subject == .feesNotice)
        #expect(fees.status == .awaitingFee)
    }
}

@Suite struct ReopenTests {
    /// RULES.md §5.1: a response in time met s.10(1); a later one after a reopening does not make it late. Received
    /// Mon 5 Jan 2026, due Mon 2 Feb; answered Fri 30 Jan; reopened Mon 9 Feb; the further response's target is 20
    /// working days on: Feb 10–13 (4), 16–20 (9), 23–27 (14), Mar 2–6 (19), Mon 9 Mar (20). Answered again Fri 13 Mar.
    @Test func aReopenedCaseKeepsItsFirstResponse() throws {
        let reopened = try answeredCase(.foia, received: "2026-01-05", responded: "2026-01-30")
            .after("2026-02-09", .reopened(reason: "Part 2 was missed"))
        let response = try #require(try reopened.clock(.response))
        #expect(response.status(today: d("2026-03-01")) == .met)
        #expect(response.metOn == d("2026-01-30"))
        let further = try #require(try reopened.clock(.furtherResponse))
        #expect(further.due == d("2026-03-09"))
        #expect(further.isGuidance)
        #expect(
            try reopened.state(CaseRules(catalogue: catalogue, calendars: shipped)).boardClocks.map(\.name)
                == [.furtherResponse])
        let again = try reopened.after("2026-03-13", .responded(.grantedInFull))
        #expect(try again.clock(.response)?.status(today: d("2026-03-13")) == .met)
        #expect(try again.clock(.furtherResponse)?.status(today: d("2026-03-13")) == .missed)
        #expect(again.responses.map(\.on) == [d("2026-01-30"), d("2026-03-13")])
    }

    /// A case withdrawn and reopened never had a response: its one response clock runs on as before.
    @Test func aWithdrawnCaseReopenedHasOnlyItsResponseClock() throws {
        let reopened = try newCase(.foia, received: "2026-01-05").after("2026-01-12", .withdrawn(reason: nil))
            .after("2026-01-14", .reopened(reason: "Withdrawn in error"))
        #expect(try reopened.clock(.furtherResponse) == nil)
        #expect(try reopened.clock(.response)?.status(today: d("2026-01-14")) == .running)
    }
}

@Suite struct ComplaintAndAppealTests {
    /// An answered FOIA case with a complaint decided by an upheld notice of Tue 1 Sep 2026 ordering steps.
    func upheld(sent: String? = nil, complyBy: String? = nil) throws -> Case {
        try answeredCase(.foia, received: "2026-03-02", responded: "2026-03-30")
            .after("2026-06-15", .complaintNotified(ComplaintNotice(reference: "IC-1")))
            .after(
                "2026-09-01",
                .decisionNoticeIssued(
                    DecisionNotice(
                        reference: "IC-1", outcome: .upheld, steps: "Disclose", complyBy: complyBy.map(d),
                        sent: sent.map(d))), today: sent)
    }

    /// FOIA s.50(6): the time for compliance cannot expire before the appeal period ends. Dated Tue 1 Sep 2026 but
    /// sent Mon 28 Sep: the appeal window is 28 days from sending, Mon 26 Oct; 35 days from the notice, Tue 6 Oct,
    /// moves to it.
    @Test func complianceNeverFallsDueBeforeTheAppealPeriodEnds() throws {
        let late = try upheld(sent: "2026-09-28")
        #expect(try late.clock(.appealWindow)?.due == d("2026-10-26"))
        let compliance = try #require(try late.clock(.compliance))
        #expect(compliance.due == d("2026-10-26"))
        #expect(compliance.derivation.contains { $0.contains("FOIA s.50(6)") && $0.contains("Tue 6 Oct 2026") })
        // Sent on its date, 35 days (Tue 6 Oct) is after the window (Tue 29 Sep) and stands.
        #expect(try upheld().clock(.compliance)?.due == d("2026-10-06"))
    }

    /// FOISA s.49(7): a SIC notice without its own date is due at the end of the 42-day Court of Session window,
    /// not the ICO's 35 days. Notice Fri 15 Jan 2027: 42 days on, Fri 26 Feb 2027.
    @Test func aSICNoticeWithoutADateIsDueWhenTheAppealWindowCloses() throws {
        let notice = try answeredCase(.foisa, received: "2026-07-01", responded: "2026-07-20")
            .after("2026-07-27", .reviewRequested(ReviewRequest()))
            .after("2026-08-20", .reviewDecided(ReviewDecision(outcome: .upheld)))
            .after("2026-10-01", .complaintNotified(ComplaintNotice(reference: "202600123")))
            .after(
                "2027-01-15", .decisionNoticeIssued(DecisionNotice(reference: "Decision 012/2027", outcome: .upheld)))
        #expect(try notice.clock(.compliance)?.due == d("2027-02-26"))
        #expect(try notice.clock(.appealWindow)?.due == d("2027-02-26"))
    }

    /// s.50(6) suspends the steps only pending the authority's appeal. Appealed Mon 28 Sep 2026, dismissed Mon 16 Nov:
    /// the steps are due again 35 days on, Mon 21 Dec 2026 (or by the date given), and either party may ask for
    /// permission to appeal within 28 days of the decision, Mon 14 Dec.
    @Test func theStepsReviveWhenTheAuthoritysAppealFails() throws {
        let appealed = try upheld().after(
            "2026-09-28", .appealLodged(AppealLodging(appellant: .authority, reference: "EA/2026/0123")))
        #expect(try appealed.clock(.compliance)?.status(today: d("2026-11-01")) == .stopped)
        let dismissed = try appealed.after("2026-11-16", .appealDecided(AppealDecision(outcome: .dismissed)))
        let clocks = try dismissed.clocks(calendars: shipped).filter { $0.name == .compliance }
        #expect(clocks.count == 2)
        #expect(clocks.last?.due == d("2026-12-21"))
        #expect(clocks.last?.status(today: d("2026-12-01")) == .running)
        #expect(try dismissed.clock(.permissionWindow)?.due == d("2026-12-14"))
        #expect(dismissed.closedOn == nil)
        let dated = try appealed.after(
            "2026-11-16", .appealDecided(AppealDecision(outcome: .withdrawn, complyBy: d("2027-01-08"))))
        #expect(try dated.clocks(calendars: shipped).last { $0.name == .compliance }?.due == d("2027-01-08"))
        let complied = try dismissed.after("2026-11-18", .decisionNoticeComplied)
        #expect(complied.complaint?.complied == d("2026-11-18"))
        #expect(complied.closedOn == d("2026-11-18"))
        // Allowed, the notice's steps fall away: nothing to comply with.
        let allowed = try appealed.after("2026-11-16", .appealDecided(AppealDecision(outcome: .allowed)))
        #expect(try allowed.clocks(calendars: shipped).filter { $0.name == .compliance }.count == 1)
        #expect(allowed.complaint?.ordersSteps == false)
        #expect(allowed.closedOn == d("2026-11-16"))
        #expect(throws: LifecycleError.self) { _ = try allowed.after("2026-11-20", .decisionNoticeComplied) }
    }

    /// A requester's appeal allowed ends in the Tribunal's substituted notice, whose steps are due.
    @Test func aSubstitutedNoticeOrdersSteps() throws {
        let notUpheld = try answeredCase(.foia, received: "2026-03-02", responded: "2026-03-30")
            .after("2026-06-15", .complaintNotified(ComplaintNotice(reference: "IC-2")))
            .after("2026-09-01", .decisionNoticeIssued(DecisionNotice(reference: "IC-2", outcome: .notUpheld)))
            .after("2026-09-20", .appealLodged(AppealLodging(appellant: .requester, reference: "EA/2026/0200")))
        let allowed = try notUpheld.after(
            "2027-02-01", .appealDecided(AppealDecision(outcome: .allowed, steps: "Disclose the report")))
        let compliance = try #require(try allowed.clock(.compliance))
        #expect(compliance.due == d("2027-03-08"))
        #expect(compliance.derivation.contains("steps ordered: Disclose the report"))
        #expect(allowed.complaint?.awaitsCompliance == true)
    }

    /// Both parties may appeal one notice ([2014] UKUT 444 (AAC)); each once. With two under way a hearing or a
    /// decision names its appeal. Permission to appeal onward (r.42) follows a Tribunal decision: 28 days from Mon 16
    /// Nov 2026 is Mon 14 Dec; an application on Tue 15 Dec is late.
    @Test func crossAppealsAndAnOnwardAppeal() throws {
        let both = try upheld()
            .after("2026-09-21", .appealLodged(AppealLodging(appellant: .requester, reference: "EA/2026/0300")))
            .after("2026-09-28", .appealLodged(AppealLodging(appellant: .authority, reference: "EA/2026/0301")))
        #expect(both.appeals.map(\.lodging.reference) == ["EA/2026/0300", "EA/2026/0301"])
        #expect(throws: LifecycleError.self) {
            _ = try both.after(
                "2026-10-01", .appealLodged(AppealLodging(appellant: .authority, reference: "EA/2026/0302")))
        }
        #expect(throws: LifecycleError.self) {
            _ = try both.after("2026-10-05", .hearingListed(on: d("2027-01-12"), appeal: nil))
        }
        let listed = try both.after("2026-10-05", .hearingListed(on: d("2026-11-10"), appeal: "EA/2026/0301"))
        #expect(listed.appeals.last?.hearing == d("2026-11-10"))
        let decided = try listed.after(
            "2026-11-16", .appealDecided(AppealDecision(outcome: .dismissed, appeal: "EA/2026/0301"))
        )
        .after("2026-11-16", .appealDecided(AppealDecision(outcome: .dismissed)))
        #expect(decided.appeals.allSatisfy { !$0.isUnderWay })
        #expect(throws: LifecycleError.self) {
            _ = try upheld().after(
                "2026-09-21",
                .appealLodged(AppealLodging(appellant: .requester, reference: "UA-1", level: .upperTribunal)))
        }
        let onward = try decided.after(
            "2026-12-15", .appealLodged(AppealLodging(appellant: .requester, reference: "UA-1", level: .upperTribunal)))
        #expect(onward.appeals.last?.lodging.lastDay == d("2026-12-14"))
        #expect(onward.stage == .tribunal)
    }

    /// Every review and complaint is kept in order, with its clocks: a complaint resolved informally, a second one
    /// decided by a notice.
    @Test func everyComplaintIsKept() throws {
        let first = try answeredCase(.foia, received: "2026-03-02", responded: "2026-03-30")
            .after("2026-04-01", .reviewRequested(ReviewRequest()))
            .after("2026-04-20", .reviewDecided(ReviewDecision(outcome: .upheld)))
            .after(
                "2026-05-01", .complaintNotified(ComplaintNotice(reference: "IC-1", submissionsDue: d("2026-05-29"))))
        let resolved = try first.after("2026-05-20", .complaintClosed(.resolved))
        #expect(resolved.complaint?.state == .closed(on: d("2026-05-20"), .resolved))
        #expect(try resolved.clock(.submissions)?.status(today: d("2026-06-01")) == .stopped)
        #expect(resolved.closedOn == d("2026-05-20"))
        let second = try resolved.after("2026-07-01", .complaintNotified(ComplaintNotice(reference: "IC-2")))
            .after("2026-09-01", .decisionNoticeIssued(DecisionNotice(reference: "IC-2", outcome: .notUpheld)))
        #expect(second.complaints.map(\.reference) == ["IC-1", "IC-2"])
        #expect(second.complaints.first?.ending == .resolved)
        let reopened = try second.after("2026-09-10", .reopened(reason: "New information found"))
            .after("2026-09-20", .responded(.grantedInFull))
            .after("2026-09-25", .reviewRequested(ReviewRequest()))
        #expect(reopened.reviews.count == 2)
        #expect(try reopened.clocks(calendars: shipped).filter { $0.name == .review }.count == 2)
        // A FOI complaint does not end in an outcome letter; a data protection complaint does, and has no notice.
        #expect(throws: LifecycleError.self) { _ = try first.after("2026-05-20", .complaintClosed(.concluded)) }
    }
}

@Suite struct SubjectAccessAfterResponseTests {
    /// No statutory review: no review window; an offered review is a target (guidance) that cannot be extended. The
    /// ICO takes a data protection complaint within three months of the last contact: answered Mon 2 Feb 2026, Sat 2
    /// May. The complaint ends in the ICO's outcome, never a s.50 notice, and has no Tribunal appeal.
    @Test func aSubjectAccessRequestsOwnPath() throws {
        let answered = try answeredCase(.sar, received: "2026-01-05", responded: "2026-02-02")
        #expect(try answered.clock(.reviewWindow) == nil)
        #expect(try answered.clock(.regulatorWindow)?.due == d("2026-05-02"))
        let review = try answered.after("2026-02-10", .reviewRequested(ReviewRequest()))
        #expect(try review.clock(.review)?.isGuidance == true)
        #expect(throws: LifecycleError.self) {
            _ = try review.after("2026-02-12", .reviewExtended(toWorkingDays: 30, reason: "Volume"))
        }
        let complaint = try answered.after("2026-03-01", .complaintNotified(ComplaintNotice(reference: "IC-9")))
        #expect(throws: LifecycleError.self) {
            _ = try complaint.after(
                "2026-06-01", .decisionNoticeIssued(DecisionNotice(reference: "IC-9", outcome: .upheld)))
        }
        let concluded = try complaint.after("2026-06-01", .complaintClosed(.concluded))
        #expect(concluded.closedOn == d("2026-06-01"))
        #expect(try concluded.clock(.compliance) == nil)
    }

    /// FOIA ss.12 and 14 are not subject access grounds (UK GDPR Art. 12(5) is, for subject access only); a SAR fee
    /// has no lapse in law.
    @Test func refusalsAndFeesAreTheRegimes() throws {
        let open = newCase(.sar, received: "2026-01-05")
        do {
            _ = try open.after("2026-01-20", .responded(.refusedCost))
            Issue.record("a subject access request refused under s.12")
        } catch {
            #expect((error as? LifecycleError)?.remedy == .useOutcome(.refusedManifestlyUnfounded))
        }
        #expect(try open.after("2026-01-20", .responded(.refusedManifestlyUnfounded)).status == .responded)
        #expect(throws: LifecycleError.self) {
            _ = try newCase(.foia, received: "2026-01-05").after("2026-01-20", .responded(.refusedManifestlyUnfounded))
        }
        let fee = try open.after("2026-01-08", .feeNoticeIssued(amount: "£10"))
        #expect(try fee.clock(.feeLapse) == nil)
    }
}

@Suite struct ClosureTests {
    /// FOIA s.17(6): no notice for a vexatious request after an earlier notice warned; it names the earlier case and
    /// is FOIA's alone. A s.12 refusal carries its s.16 advice.
    @Test func s17SixAndAdvice() throws {
        let open = newCase(.foia, received: "2026-01-05")
        #expect(throws: LifecycleError.self) { _ = try open.after("2026-01-08", .responded(.noResponseRequired)) }
        let closed = try open.after(
            "2026-01-08", .responded(.noResponseRequired, ResponseDetails(earlierCase: "FOI-2025-000912")))
        #expect(closed.outcome == .noResponseRequired)
        #expect(throws: LifecycleError.self) {
            _ = try newCase(.eir, received: "2026-01-05").after(
                "2026-01-08", .responded(.noResponseRequired, ResponseDetails(earlierCase: "FOI-2025-000912")))
        }
        let advised = try open.after(
            "2026-01-20", .responded(.refusedCost, ResponseDetails(advice: "Narrow it to 2024")))
        guard case .responded(_, let details) = advised.history.last?.event else {
            Issue.record("no response")
            return
        }
        #expect(details.advice == "Narrow it to 2024")
    }

    /// A late request for review declined by a letter of its own: the ICO's six weeks run from that letter. Window
    /// closed; the request came Mon 1 Jun 2026, the letter declining it Mon 8 Jun: 42 days on, Mon 20 Jul.
    @Test func aLateReviewDeclinedByALaterLetter() throws {
        let answered = try answeredCase(.foia, received: "2026-01-05", responded: "2026-01-06")
        let rules = CaseRules(catalogue: catalogue, calendars: shipped)
        let request = try answered.reviewRequest(
            by: nil, on: d("2026-06-01"), declineIfLate: true, declinedOn: d("2026-06-08"), calendars: shipped)
        let declined = try answered.step(
            RecordedEvent(date: d("2026-06-01"), event: request), rules: rules,
            today: d("2026-06-08")
        ).state.file
        #expect(declined.review?.declinedOn == d("2026-06-08"))
        #expect(try declined.clock(.regulatorWindow)?.due == d("2026-07-20"))
        #expect(throws: LifecycleError.self) {
            _ = try answered.reviewRequest(
                by: nil, on: d("2026-06-01"), declineIfLate: true, declinedOn: d("2026-05-29"), calendars: shipped)
        }
        // A letter dated after today has not been sent.
        #expect(throws: LifecycleError.self) {
            _ = try answered.step(
                RecordedEvent(date: d("2026-06-01"), event: request), rules: rules,
                today: d("2026-06-05"))
        }
    }
}

@Suite struct RequestPeriodTests {
    /// FOISA s.10(2) and s.21(2): the Keeper has 30 working days to respond and 30 to review. Received Mon 2 Nov 2026
    /// (Scotland): Nov 3–27 (19), St Andrew's Day Mon 30 Nov skipped, Dec 1 (20), 2–4 (23), 7–11 (28), 14 (29), Tue 15
    /// Dec (30). Review required Mon 11 Jan 2027: Jan 12–15 (4), 18–22 (9), 25–29 (14), Feb 1–5 (19), 8–12 (24), 15–19
    /// (29), Mon 22 Feb (30).
    @Test func theKeepersThirtyWorkingDays() throws {
        let keeper = Case(
            reference: CaseReference(rawValue: "FOI-2026-000004"), received: d("2026-11-02"),
            receipt: Receipt(regime: .foisa, subject: "Archive", period: .keeper))
        #expect(try keeper.deadline(calendars: shipped).finalDate == d("2026-12-15"))
        let review = try keeper.after("2026-12-10", .responded(.grantedInFull))
            .after("2027-01-11", .reviewRequested(ReviewRequest()))
        let clock = try #require(try review.clock(.review))
        #expect(clock.due == d("2027-02-22"))
        #expect(clock.citation.contains("s.21(2)"))
    }

    /// SI 2004/3364 regs 5–6: a day the ICO specifies, here the 45th working day, stored with the receipt.
    @Test func anICOSpecifiedPeriodIsStoredWithTheReceipt() throws {
        let receipt = Receipt(regime: .foia, subject: "Operations", period: .icoSpecified(workingDays: 45))
        let stored = EventFormat.payload(of: .received(receipt))
        #expect(stored.contains(#""period":"ico-specified","periodWorkingDays":45"#))
        #expect(try EventFormat.event(kind: "received", payload: stored) == .received(receipt))
        let file = Case(reference: CaseReference(rawValue: "X"), received: d("2026-11-02"), receipt: receipt)
        // 45 working days after Mon 2 Nov 2026 (UK union): Nov 3–27 (19), St Andrew's Day skipped, Dec 1–24 (37),
        // Christmas and Mon 28 Dec skipped, 29–31 (40), 1 Jan and Scotland's Mon 4 Jan skipped, Jan 5–8 (44), Mon 11
        // Jan 2027 (45).
        #expect(try file.deadline(calendars: shipped).finalDate == d("2027-01-11"))
    }

    /// SI 2004/3364 reg 3 on a logged case: the school's closures are stored with the receipt, as runs. Received Mon 7
    /// Dec 2026, closed 21 Dec to 1 Jan: school days Dec 8–11 (4), 14–18 (9); Jan 4 is a Scottish holiday, 5–8 (13),
    /// 11–15 (18), Mon 18 (19), Tue 19 Jan 2027 (20).
    @Test func aSchoolsClosuresAreStoredWithTheReceipt() throws {
        let closures = Set(try DayRuns.days(in: "2026-12-21..2027-01-01").days + [d("2027-02-15")])
        #expect(DayRuns.runs(closures) == ["2026-12-21..2027-01-01", "2027-02-15"])
        let receipt = Receipt(regime: .foia, subject: "Trips", period: .school(nonSchoolDays: closures))
        let stored = EventFormat.payload(of: .received(receipt))
        #expect(stored.contains(#""nonSchoolDays":["2026-12-21..2027-01-01","2027-02-15"],"period":"school""#))
        #expect(try EventFormat.event(kind: "received", payload: stored) == .received(receipt))
        let file = Case(reference: CaseReference(rawValue: "X"), received: d("2026-12-07"), receipt: receipt)
        #expect(try file.deadline(calendars: shipped).finalDate == d("2027-01-19"))
        #expect(throws: DayRunError.notARun("2027-01-02..2026-12-21")) {
            try DayRuns.days(in: "2027-01-02..2026-12-21")
        }
    }
}

/// A mixed request split by regime (issue 10, item 13): which parts the law allows, and what the part's receipt is.
@Suite struct SplitRequestTests {
    func split(_ regime: Regime, into part: Regime, date: String = "2026-11-10") throws -> Case {
        try newCase(regime, received: "2026-11-02").after(
            date, .split(CaseSplit(into: CaseReference(rawValue: "FOI-2026-000004"), regime: part)))
    }

    @Test func aRequestSplitsBetweenTheRegimesThatSitSideBySide() throws {
        #expect(
            try split(.foia, into: .eir).parts == [
                CaseSplit(into: CaseReference(rawValue: "FOI-2026-000004"), regime: .eir)
            ])
        for (regime, part) in [
            (Regime.eir, Regime.foia), (.foisa, .eirs), (.eirs, .foisa), (.foia, .sar), (.sar, .foisa),
        ] {
            #expect(try split(regime, into: part).parts.count == 1)
        }
        #expect(throws: LifecycleError.splitNotAllowed(part: .foisa, caseRegime: .foia)) {
            try split(.foia, into: .foisa)
        }
        #expect(throws: LifecycleError.splitNotAllowed(part: .eir, caseRegime: .eirs)) { try split(.eirs, into: .eir) }
        #expect(throws: LifecycleError.splitNotAllowed(part: .foia, caseRegime: .foia)) {
            try split(.foia, into: .foia)
        }
        // The split changes nothing of the case's own clock or status.
        let original = newCase(.foia, received: "2026-11-02")
        let splitCase = try split(.foia, into: .eir)
        #expect(splitCase.status == .open)
        #expect(try splitCase.deadline(calendars: shipped) == original.deadline(calendars: shipped))
    }

    @Test func aClosedCaseIsNotSplitButAnAnsweredOneIs() throws {
        let part = CaseEvent.split(CaseSplit(into: CaseReference(rawValue: "FOI-2026-000004"), regime: .eir))
        let withdrawn = try newCase(.foia, received: "2026-11-02").after("2026-11-03", .withdrawn(reason: nil))
        #expect(throws: LifecycleError.self) { try withdrawn.after("2026-11-04", part) }
        let answered = try newCase(.foia, received: "2026-11-02").after("2026-11-20", .responded(.grantedInFull))
        #expect(try answered.after("2026-11-24", part).parts.count == 1)
    }

    /// The part's receipt: the same request, day and channel, under its own regime with no period of the original's.
    @Test func thePartsReceiptNamesTheOriginal() throws {
        let receipt = Receipt(
            regime: .foia, subject: "Air and staff", channel: .post, period: .publicRecords)
        let part = receipt.part(regime: .eir, subject: "Air", splitFrom: CaseReference(rawValue: "FOI-2026-000001"))
        #expect(
            part
                == Receipt(
                    regime: .eir, subject: "Air", channel: .post, splitFrom: CaseReference(rawValue: "FOI-2026-000001"))
        )
        let stored = EventFormat.payload(of: .received(part))
        #expect(stored.contains(#""splitFrom":"FOI-2026-000001""#))
        #expect(try EventFormat.event(kind: "received", payload: stored) == .received(part))
    }
}
