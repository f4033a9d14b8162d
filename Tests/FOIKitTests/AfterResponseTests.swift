import FOIKit
import Testing

/// A case under `regime` received on `received` and answered on `responded`, withholding under `exemption`.
func answeredCase(_ regime: Regime, received: String, responded: String, exemption: String? = nil) throws -> Case {
    var file = Case(
        reference: CaseReference(rawValue: "FOI-2026-000002"), received: d(received),
        receipt: Receipt(regime: regime, subject: "Contracts"))
    if let exemption {
        try file.apply(
            RecordedEvent(
                date: d(responded),
                event: .exemptionApplied(
                    ExemptionDecision(citation: exemption, part: regime, publicInterest: .maintain))),
            catalogue: catalogue)
    }
    try file.apply(
        RecordedEvent(date: d(responded), event: .responded(exemption == nil ? .grantedInFull : .partiallyWithheld)),
        catalogue: catalogue)
    return file
}

extension Case {
    /// The case after `event` on `date`, decided with the shipped calendars as the store decides it, recorded on
    /// `today` (default: that date).
    func after(_ date: String, _ event: CaseEvent, today: String? = nil) throws -> Case {
        try step(
            RecordedEvent(date: d(date), event: event), rules: CaseRules(catalogue: catalogue, calendars: shipped),
            today: d(today ?? date)
        ).state.file
    }

    func clock(_ name: ClockName) throws -> CaseClock? {
        try clocks(calendars: shipped).first { $0.name == name }
    }
}

@Suite struct ReviewTests {
    /// Review requested Mon 28 Jun 2027. FOIA (UK-union): 29 Jun–2 Jul (4), 5–9 Jul (9), Mon 12 Jul is NI's Battle of
    /// the Boyne holiday and skipped, 13–16 (13), 19–23 (18), 26 (19), Tue 27 Jul (20). FOISA (Scotland) counts 12 Jul:
    /// its 20th working day is Mon 26 Jul.
    @Test func reviewClockSkipsAHolidayOfOneDivisionOnlyUnderFOIA() throws {
        let foia = try answeredCase(.foia, received: "2027-05-24", responded: "2027-06-21").after(
            "2027-06-28", .reviewRequested(ReviewRequest(by: "J. Smith")))
        let foisa = try answeredCase(.foisa, received: "2027-05-24", responded: "2027-06-21").after(
            "2027-06-28", .reviewRequested(ReviewRequest()))
        let foiaReview = try #require(try foia.clock(.review))
        #expect(foiaReview.due == d("2027-07-27"))
        #expect(foiaReview.isGuidance)
        #expect(try #require(try foisa.clock(.review)).due == d("2027-07-26"))
        #expect(foiaReview.status(today: d("2027-07-27")) == .running)
        #expect(foiaReview.status(today: d("2027-07-28")) == .missed)
        #expect(foia.stage == .review)
        #expect(foia.review?.request.by == "J. Smith")

        let decided = try foia.after(
            "2027-07-20", .reviewDecided(ReviewDecision(outcome: .upheld, reviewer: "Head of Legal")))
        #expect(try decided.clock(.review)?.status(today: d("2027-09-01")) == .met)
        #expect(try decided.clock(.review)?.isPending == false)
        #expect(foia.review?.state == .underWay)
        #expect(
            decided.review?.state
                == .decided(on: d("2027-07-20"), ReviewDecision(outcome: .upheld, reviewer: "Head of Legal")))
        // A decided review is decided once.
        #expect(throws: LifecycleError.self) {
            try decided.after("2027-07-21", .reviewDecided(ReviewDecision(outcome: .upheld, reviewer: "Head")))
        }
    }

    /// Responded Fri 20 Nov 2026; the requester's 40 working days skip St Andrew's Day (Mon 30 Nov, Scotland), 25 and
    /// 28 Dec, 1 Jan and Scotland's 2 Jan substitute (Mon 4 Jan): 23–27 Nov (5), 1–4 Dec (9), 7–11 (14), 14–18 (19),
    /// 21–24 (23), 29–31 (26), 5–8 Jan (30), 11–15 (35), 18–22 (40): Fri 22 Jan 2027.
    @Test func lateRequestForReviewIsRecordedAcceptedOrDeclinedButNeverRefused() throws {
        let answered = try answeredCase(.foia, received: "2026-10-23", responded: "2026-11-20")
        #expect(try answered.clock(.reviewWindow)?.due == d("2027-01-22"))

        let inTime = try answered.after("2027-01-22", .reviewRequested(ReviewRequest()))
        #expect(inTime.review?.request.outOfTime == nil)
        #expect(try inTime.clock(.reviewWindow)?.status(today: d("2027-02-01")) == .met)

        let late = try answered.after("2027-01-25", .reviewRequested(ReviewRequest()))
        #expect(late.review?.request.outOfTime == OutOfTime(lastDay: d("2027-01-22"), accepted: true))
        #expect(try late.clock(.review) != nil)
        #expect(
            CaseEvent.reviewRequested(late.review!.request).warning
                == .lateReviewRequest(lastDay: d("2027-01-22"), accepted: true))

        let declined = try answered.after(
            "2027-01-25",
            try answered.reviewRequest(by: nil, on: d("2027-01-25"), declineIfLate: true, calendars: shipped))
        #expect(declined.review?.state == .declined(on: d("2027-01-25")))
        #expect(declined.review?.isUnderWay == false)
        #expect(try declined.clock(.review) == nil)
        // The ICO's six weeks run from the refusal to review: 25 Jan + 42 days.
        #expect(try declined.clock(.regulatorWindow)?.due == d("2027-03-08"))

        #expect(throws: LifecycleError.reviewInTime(lastDay: d("2027-01-22"))) {
            _ = try answered.reviewRequest(by: nil, on: d("2027-01-21"), declineIfLate: true, calendars: shipped)
        }
    }

    /// FOISA s.20: the 40 working days run from the later of the response and the s.10 deadline. Received Mon 2 Nov
    /// 2026, the s.10 deadline is Tue 1 Dec (St Andrew's Day, Mon 30 Nov, skipped); answered early on 5 Nov, the window
    /// still runs from 1 Dec: 2–4 Dec (3), 7–11 (8), 14–18 (13), 21–24 (17), 29–31 (20), 5–8 Jan (24), 11–15 (29),
    /// 18–22 (34), 25–29 (39), Mon 1 Feb 2027 (40).
    @Test func foisaReviewWindowRunsFromTheLaterOfResponseAndDeadline() throws {
        let answered = try answeredCase(.foisa, received: "2026-11-02", responded: "2026-11-05")
        let window = try #require(try answered.clock(.reviewWindow))
        #expect(window.due == d("2027-02-01"))
        // Its derivation names the day it ran from (issue 10, item 15), not the response.
        #expect(window.startedOn == d("2026-12-01"))
        #expect(window.derivation.contains("started Tue 1 Dec 2026: s.10 deadline (the response came before it)"))
        // Answered after the deadline, it runs from the response.
        let late = try answeredCase(.foisa, received: "2026-11-02", responded: "2026-12-03")
        #expect(try late.clock(.reviewWindow)?.derivation.contains("started Thu 3 Dec 2026: response sent") == true)
    }

    /// FOIA review from Mon 8 Mar 2027: 20 working days end Thu 8 Apr (St Patrick's Day, Good Friday and Easter Monday
    /// skipped); extended to 40, Fri 7 May. The Code's 40 is the most, and only one extension.
    @Test func foiaReviewExtendsOnceToAtMostFortyWorkingDays() throws {
        let review = try answeredCase(.foia, received: "2027-02-08", responded: "2027-03-05").after(
            "2027-03-08", .reviewRequested(ReviewRequest()))
        #expect(try review.clock(.review)?.due == d("2027-04-08"))
        let extended = try review.after(
            "2027-03-20", .reviewExtended(toWorkingDays: 40, reason: "records held off site"))
        let clock = try #require(try extended.clock(.review))
        #expect(clock.due == d("2027-05-07"))
        #expect(clock.derivation.contains("extended to 40 working days: records held off site"))

        #expect(
            throws: LifecycleError.reviewExtensionRefused(
                reason:
                    "the s.45 Code of Practice allows a review at most 40 working days from receipt of the request "
                    + "(20, extended once by up to 20); 41 is more",
                remedy: nil)
        ) {
            _ = try review.after("2027-03-20", .reviewExtended(toWorkingDays: 41, reason: "volume"))
        }
        #expect(throws: LifecycleError.self) {
            _ = try extended.after("2027-03-21", .reviewExtended(toWorkingDays: 40, reason: "again"))
        }
        #expect(throws: LifecycleError.self) {
            _ = try review.after("2027-03-20", .reviewExtended(toWorkingDays: 30, reason: " "))
        }
    }

    /// EIR reg 11(4): 40 working days from Mon 1 Mar 2027, Thu 29 Apr; fixed by statute, so no extension.
    @Test func eirReviewIsFortyWorkingDaysAndCannotBeExtended() throws {
        let review = try answeredCase(.eir, received: "2027-01-25", responded: "2027-02-22").after(
            "2027-03-01", .reviewRequested(ReviewRequest()))
        #expect(try review.clock(.review)?.due == d("2027-04-29"))
        #expect(
            throws: LifecycleError.reviewExtensionRefused(
                reason: "EIR reg 11(4) fixes the review at 40 working days", remedy: nil)
        ) {
            _ = try review.after("2027-03-02", .reviewExtended(toWorkingDays: 40, reason: "complex"))
        }
    }

    @Test func reviewOutcomeWithdrawsAndAddsExemptions() throws {
        let review = try answeredCase(.foia, received: "2026-09-01", responded: "2026-09-28", exemption: "43(2)")
            .after("2026-10-05", .reviewRequested(ReviewRequest()))
        let added = ExemptionDecision(citation: "31(1)(a)", part: .foia, publicInterest: .maintain)
        let decided = try review.after(
            "2026-10-20",
            .reviewDecided(
                ReviewDecision(
                    outcome: .partiallyUpheld, reviewer: "A. Reviewer", withdrawnExemptions: ["43(2)"],
                    addedExemptions: [added])))
        #expect(decided.exemptions == [added])
        #expect(decided.review?.decision?.outcome == .partiallyUpheld)
        #expect(throws: LifecycleError.exemptionNotRelied(citation: "40(2)", relied: ["43(2)"])) {
            _ = try review.after(
                "2026-10-20", .reviewDecided(ReviewDecision(outcome: .upheld, withdrawnExemptions: ["40(2)"])))
        }
        #expect(throws: LifecycleError.self) {
            _ = try review.after(
                "2026-10-20",
                .reviewDecided(
                    ReviewDecision(
                        outcome: .upheld, addedExemptions: [ExemptionDecision(citation: "43(2)", part: .foia)])))
        }
    }
}

@Suite struct RegulatorAndTribunalTests {
    /// The full path of a FOIA case: review decided Thu 8 Apr 2027 → six weeks to complain (Thu 20 May); the ICO's
    /// submissions; a decision notice on Fri 27 Nov 2026 in the second case below.
    @Test func complaintWindowSubmissionsAndDecisionNotice() throws {
        let decided = try answeredCase(.foia, received: "2027-02-08", responded: "2027-03-05")
            .after("2027-03-08", .reviewRequested(ReviewRequest()))
            .after("2027-04-08", .reviewDecided(ReviewDecision(outcome: .upheld)))
        #expect(try decided.clock(.regulatorWindow)?.due == d("2027-05-20"))

        let complaint = try decided.after(
            "2027-05-03",
            .complaintNotified(ComplaintNotice(reference: "IC-123456-A1B2", submissionsDue: d("2027-05-31"))))
        #expect(complaint.stage == .regulator)
        #expect(try complaint.clock(.regulatorWindow)?.status(today: d("2027-06-01")) == .met)
        let submissions = try #require(try complaint.clock(.submissions))
        #expect(submissions.due == d("2027-05-31"))
        #expect(submissions.status(today: d("2027-06-01")) == .missed)
        let moved = try complaint.after("2027-05-20", .submissionsRequested(due: d("2027-06-14")))
        let sent = try moved.after("2027-06-10", .submissionsSent)
        #expect(try sent.clock(.submissions)?.due == d("2027-06-14"))
        #expect(try sent.clock(.submissions)?.status(today: d("2027-07-01")) == .met)
    }

    /// A decision notice dated Fri 27 Nov 2026: the steps within 35 calendar days, Fri 1 Jan 2027 (a plain calendar
    /// date, not moved off New Year's Day); the appeal's 28 days end on Christmas Day, and Mon 28 Dec is the Boxing Day
    /// substitute, so the last day to appeal is Tue 29 Dec 2026.
    @Test func decisionNoticeComplianceAndAppealWindow() throws {
        let notice = try answeredCase(.foia, received: "2026-06-01", responded: "2026-06-26")
            .after("2026-07-01", .complaintNotified(ComplaintNotice(reference: "IC-123456-A1B2")))
            .after(
                "2026-11-27",
                .decisionNoticeIssued(
                    DecisionNotice(reference: "IC-123456-A1B2", outcome: .upheld, steps: "Disclose the contract")))
        let compliance = try #require(try notice.clock(.compliance))
        #expect(compliance.due == d("2027-01-01"))
        #expect(compliance.derivation.contains("steps ordered: Disclose the contract"))
        #expect(try notice.clock(.appealWindow)?.due == d("2026-12-29"))

        #expect(
            notice.complaint?.state
                == .decided(
                    on: d("2026-11-27"),
                    DecisionNotice(reference: "IC-123456-A1B2", outcome: .upheld, steps: "Disclose the contract")))
        let complied = try notice.after("2026-12-18", .decisionNoticeComplied)
        #expect(try complied.clock(.compliance)?.status(today: d("2027-02-01")) == .met)

        let late = try notice.after(
            "2026-12-30", .appealLodged(AppealLodging(appellant: .requester, reference: "EA/2026/0123")))
        #expect(late.appeals.last?.lodging.lastDay == d("2026-12-29"))
        #expect(try late.clock(.appealWindow)?.status(today: d("2027-01-05")) == .missed)
        #expect(try late.clock(.compliance)?.isPending == true)

        let byAuthority = try notice.after(
            "2026-12-21", .appealLodged(AppealLodging(appellant: .authority, reference: "EA/2026/0124")))
        #expect(byAuthority.appeals.last?.lodging.lastDay == nil)
        #expect(byAuthority.stage == .tribunal)
        #expect(try byAuthority.clock(.compliance)?.status(today: d("2027-02-01")) == .stopped)
        let listed = try byAuthority.after("2027-01-10", .hearingListed(on: d("2027-03-15"), appeal: nil))
        #expect(try listed.clock(.hearing)?.due == d("2027-03-15"))
        let dismissed = try listed.after("2027-03-29", .appealDecided(AppealDecision(outcome: .dismissed)))
        #expect(try dismissed.clock(.hearing)?.status(today: d("2027-04-01")) == .met)
        #expect(listed.appeals.last?.state == .underWay)
        #expect(dismissed.appeals.last?.state == .decided(on: d("2027-03-29"), AppealDecision(outcome: .dismissed)))
    }

    /// FOISA s.47: six months to apply to the SIC, clamped to the month's end (31 Aug 2026 → 28 Feb 2027); the appeal
    /// from a SIC decision is to the Court of Session within 42 days.
    @Test func scottishRegulatorWindowAndAppeal() throws {
        let decided = try answeredCase(.foisa, received: "2026-06-01", responded: "2026-06-26")
            .after("2026-07-06", .reviewRequested(ReviewRequest()))
            .after("2026-08-31", .reviewDecided(ReviewDecision(outcome: .upheld)))
        #expect(try decided.clock(.regulatorWindow)?.due == d("2027-02-28"))
        let notice = try decided.after("2026-10-01", .complaintNotified(ComplaintNotice(reference: "202600123")))
            .after(
                "2027-01-15", .decisionNoticeIssued(DecisionNotice(reference: "Decision 012/2027", outcome: .notUpheld))
            )
        #expect(notice.complaint?.regulator == .sic)
        #expect(try notice.clock(.compliance) == nil)
        #expect(try notice.clock(.appealWindow)?.due == d("2027-02-26"))
    }

    /// Each step after the response in an order the law does not allow is refused, saying what to do.
    @Test func stepsOutOfOrderAreRefusedWithAdvice() throws {
        let open = try foiaCase(in: .open)
        #expect(
            throws: LifecycleError.outOfOrder(
                action: "record a request for review",
                reason: "the case is open since 2026-01-05, and a FOIA review follows the response (the ICO accepts a "
                    + "complaint about a failure to respond without a review)",
                remedy: .recordResponseOrComplaint)
        ) {
            _ = try open.after("2026-01-10", .reviewRequested(ReviewRequest()))
        }
        let answered = try foiaCase(in: .responded)
        let refused: [(Case, CaseEvent, String)] = [
            (answered, .reviewDecided(ReviewDecision(outcome: .upheld)), "no internal review was requested"),
            (answered, .reviewExtended(toWorkingDays: 40, reason: "x"), "no internal review was requested"),
            (
                answered, .decisionNoticeIssued(DecisionNotice(reference: "IC-1-A", outcome: .upheld)),
                "no complaint to the ICO is recorded"
            ),
            (answered, .submissionsSent, "no complaint to the ICO is recorded"),
            (
                answered, .appealLodged(AppealLodging(appellant: .requester, reference: "EA/2026/0001")),
                "there is no decision notice to appeal against"
            ),
            (answered, .hearingListed(on: d("2026-06-01"), appeal: nil), "no appeal is recorded"),
            (answered, .appealDecided(AppealDecision(outcome: .allowed)), "no appeal is recorded"),
            (answered, .decisionNoticeComplied, "no decision notice orders steps on this case"),
        ]
        for (file, event, reason) in refused {
            #expect(throws: LifecycleError.self, "\(event.kind)") { _ = try file.after("2026-03-01", event) }
            do {
                _ = try file.after("2026-03-01", event)
            } catch {
                #expect("\(error)".contains(reason), "\(event.kind): \(error)")
            }
        }
        let underReview = try answered.after("2026-02-02", .reviewRequested(ReviewRequest()))
        #expect(
            throws: LifecycleError.outOfOrder(
                action: "reopen the case", reason: "an internal review is under way since 2026-02-02",
                remedy: .recordReviewOutcome)
        ) {
            _ = try underReview.after("2026-02-03", .reopened(reason: "new records"))
        }
        #expect(throws: LifecycleError.self) {
            _ = try underReview.after("2026-02-03", .reviewRequested(ReviewRequest()))
        }
        #expect(
            throws: LifecycleError.beforeItsCause(
                action: "record the review's outcome", date: d("2026-02-01"), cause: "request for review",
                causeDate: d("2026-02-02"))
        ) {
            _ = try underReview.after("2026-02-01", .reviewDecided(ReviewDecision(outcome: .upheld)))
        }
        let withdrawn = try foiaCase(in: .withdrawn)
        #expect(throws: LifecycleError.self) {
            _ = try withdrawn.after("2026-02-03", .complaintNotified(ComplaintNotice(reference: "IC-1-A")))
        }
        let complaint = try answered.after("2026-03-01", .complaintNotified(ComplaintNotice(reference: "IC-1-A")))
        #expect(throws: LifecycleError.stepsWithoutUpheldComplaint) {
            _ = try complaint.after(
                "2026-05-01",
                .decisionNoticeIssued(DecisionNotice(reference: "IC-1-A", outcome: .notUpheld, steps: "Disclose")))
        }
        #expect(throws: LifecycleError.self) {
            _ = try complaint.after("2026-03-02", .complaintNotified(ComplaintNotice(reference: "IC-2-B")))
        }
    }

    /// A complaint about a late response can come before any response: the response clock keeps running beside it.
    @Test func complaintAboutDelayKeepsTheResponseClock() throws {
        let open = try foiaCase(in: .open)
        let complaint = try open.after("2026-03-02", .complaintNotified(ComplaintNotice(reference: "IC-9-Z")))
        #expect(complaint.status == .open)
        #expect(complaint.stage == .regulator)
        #expect(try complaint.clock(.response)?.isPending == true)
        let responded = try complaint.after("2026-03-10", .responded(.grantedInFull))
        #expect(responded.stage == .regulator)
        #expect(try responded.clock(.response)?.status(today: d("2026-03-10")) == .missed)
    }

    @Test func stageFollowsTheLatestProcess() throws {
        #expect(try foiaCase(in: .open).stage == .request)
        #expect(try foiaCase(in: .responded).stage == .responded)
        #expect(try foiaCase(in: .withdrawn).stage == .closed)
        #expect(try foiaCase(in: .lapsed).stage == .closed)
    }
}

@Suite struct AfterResponseProperties {
    /// For every response day in 2026–2028: the review window and the review's date are working days, and counting
    /// back from them gives their length.
    @Test(arguments: [Regime.foia, .eir, .foisa, .eirs])
    func reviewDatesAreWorkingDaysAtTheirLength(regime: Regime) throws {
        let calendar = shipped.calendar(regime.calendarKind)
        var day = d("2026-01-01")
        while day < d("2028-10-01") {
            let window = try Clocks.reviewRequestWindow(
                response: day, responseDue: nil, regime: regime, calendars: shipped)
            #expect(try calendar.isWorkingDay(#require(window).due))
            #expect(try calendar.workingDays(after: day, through: #require(window).due) == 40)
            let review = try Clocks.reviewDue(requested: day, regime: regime, calendars: shipped)
            #expect(try calendar.workingDays(after: day, through: review.due) == (regime == .eir ? 40 : 20))
            let appeal = try Clocks.appealWindow(noticeSent: day, regime: regime, calendars: shipped)
            #expect(appeal.due >= day.adding(days: 28))
            day = day.adding(days: 1)
        }
    }
}

/// FOIA s.50(4) (EIR reg 18) and FOISA s.49(6): a duty to comply exists only where the notice specifies steps.
@Suite struct NoticeWithoutStepsTests {
    @Test func aNoticeThatOrdersNoStepsMakesNoComplianceDuty() throws {
        let rules = CaseRules(catalogue: catalogue, calendars: shipped)
        let today = d("2026-11-21")
        let history: [(String, CaseEvent)] = [
            ("2026-02-20", .responded(.notHeld)),
            ("2026-03-02", .complaintNotified(ComplaintNotice(reference: "IC-9-B"))),
        ]
        let file = try Case(
            reference: CaseReference(rawValue: "FOI-1"), received: d("2026-01-05"),
            receipt: Receipt(regime: .foia, subject: "x")
        ).replaying(history.map { RecordedEvent(date: d($0.0), event: $0.1) }, rules: rules, today: today)
        let noSteps = DecisionNotice(reference: "IC-9-B", outcome: .upheld, ordersNoSteps: true)
        let step = try file.step(
            RecordedEvent(date: d("2026-06-01"), event: .decisionNoticeIssued(noSteps)), rules: rules, today: today)
        #expect(!step.state.clocks.contains { $0.name == .compliance })
        #expect(step.state.clocks.contains { $0.name == .appealWindow })
        #expect(step.state.file.closedOn == d("2026-06-01"))
        #expect(throws: LifecycleError.self) {
            try step.state.file.step(
                RecordedEvent(date: d("2026-06-05"), event: .decisionNoticeComplied), rules: rules, today: today)
        }
        // Steps or a date with it contradict it.
        let contradictory = DecisionNotice(
            reference: "IC-9-B", outcome: .upheld, steps: "Disclose", ordersNoSteps: true)
        #expect(throws: LifecycleError.self) {
            try file.step(
                RecordedEvent(date: d("2026-06-01"), event: .decisionNoticeIssued(contradictory)), rules: rules,
                today: today)
        }
        // With steps, the duty runs 35 calendar days: Mon 1 June 2026 → Mon 6 July.
        let ordered = try file.step(
            RecordedEvent(
                date: d("2026-06-01"),
                event: .decisionNoticeIssued(DecisionNotice(reference: "IC-9-B", outcome: .upheld, steps: "Disclose"))),
            rules: rules, today: today)
        #expect(ordered.state.clocks.first { $0.name == .compliance }?.due == d("2026-07-06"))
        #expect(ordered.state.file.closedOn == nil)
    }
}

/// FOISA s.47(1): an application to the Scottish Information Commissioner follows a requirement for review.
@Suite struct ScottishApplicationTests {
    @Test(arguments: [Regime.foisa, .eirs])
    func anApplicationNeedsAReviewFirst(regime: Regime) throws {
        let rules = CaseRules(catalogue: catalogue, calendars: shipped)
        let today = d("2026-11-21")
        let answered = try Case(
            reference: CaseReference(rawValue: "SIC-1"), received: d("2026-01-05"),
            receipt: Receipt(regime: regime, subject: "x")
        ).replaying([RecordedEvent(date: d("2026-01-20"), event: .responded(.notHeld))], rules: rules, today: today)
        let application = RecordedEvent(
            date: d("2026-03-02"), event: .complaintNotified(ComplaintNotice(reference: "202600123")))
        let error = try #require(throws: LifecycleError.self) {
            try answered.step(application, rules: rules, today: today)
        }
        #expect(error.remedy == .recordReviewRequest)
        #expect(error.description.contains("follows a requirement for review (FOISA s.47(1))"))
        // After a requirement for review, answered or not, the application stands.
        let reviewed = try answered.step(
            RecordedEvent(date: d("2026-01-26"), event: .reviewRequested(ReviewRequest())), rules: rules, today: today)
        #expect(try reviewed.state.file.step(application, rules: rules, today: today).state.file.stage == .regulator)
        // The ICO takes a FOIA complaint without one.
        let foia = try Case(
            reference: CaseReference(rawValue: "ICO-1"), received: d("2026-01-05"),
            receipt: Receipt(regime: .foia, subject: "x")
        ).replaying([RecordedEvent(date: d("2026-01-20"), event: .responded(.notHeld))], rules: rules, today: today)
        #expect(try foia.step(application, rules: rules, today: today).state.file.stage == .regulator)
    }
}
