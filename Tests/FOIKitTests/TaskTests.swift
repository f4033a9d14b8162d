import FOIKit
import FOITestSupport
import Testing

/// Contributor tasks on the case's clock, counted by hand on the 2026 calendar (England and Wales: no holiday in
/// January or February 2026 but New Year's Day, 2 January in Scotland).
@Suite struct TaskTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)
    let today = d("2026-03-31")
    let contributor = UserID(rawValue: 7)

    /// A case received Mon 5 Jan 2026 under `regime`, with `steps` recorded in order as new steps are.
    func recorded(_ steps: [(String, CaseEvent)], regime: Regime = .foia) throws -> Case {
        var file = Case(
            reference: CaseReference(rawValue: "FOI-2026-000001"), received: d("2026-01-05"),
            receipt: Receipt(regime: regime, subject: "Pothole repairs"))
        for (date, event) in steps {
            file = try file.step(RecordedEvent(date: d(date), event: event), rules: rules, today: today).state.file
        }
        return file
    }

    func give(_ workingDays: Int, number: Int = 1) -> CaseEvent {
        .taskGiven(
            TaskRequest(
                number: number, contributor: .user(contributor), ask: "Repairs by month?", workingDays: workingDays))
    }

    func taskClock(_ file: Case, _ number: Int = 1) throws -> CaseClock {
        try #require(try file.clocks(calendars: shipped).first { $0.task == number })
    }

    /// Given Tue 6 Jan for 5 working days: Wed 7, Thu 8, Fri 9, Mon 12, Tue 13.
    @Test func aTaskIsDueItsWorkingDaysAfterItIsGiven() throws {
        let clock = try taskClock(try recorded([("2026-01-06", give(5))]))
        #expect(clock.due == d("2026-01-13"))
        #expect(clock.name == ClockName.task && clock.title == "task 1" && clock.isPending)
        #expect(clock.status(today: d("2026-01-14")) == .missed)
    }

    /// A clarification stops the task with the case and, once received (Wed 14 Jan), starts its count again as FOIA
    /// s.10(6) starts the case's: Thu 15, Fri 16, Mon 19, Tue 20, Wed 21 (the case: Wed 11 Feb).
    @Test func aClarificationStopsTheTaskAndStartsItsCountAgain() throws {
        let waiting = try recorded([("2026-01-06", give(5)), ("2026-01-08", .clarificationRequested(note: nil))])
        let stopped = try taskClock(waiting)
        #expect(stopped.stoppedOn == d("2026-01-08"))
        #expect(stopped.status(today: d("2026-01-20")) == .stopped)

        let clarified = try recorded([
            ("2026-01-06", give(5)), ("2026-01-08", .clarificationRequested(note: nil)),
            ("2026-01-14", .clarificationReceived),
        ])
        let clock = try taskClock(clarified)
        #expect(clock.due == d("2026-01-21"))
        #expect(clock.isPending)
        #expect(clock.derivation.contains { $0.contains("counted again from Wed 14 Jan 2026") })
        #expect(try clarified.deadline(calendars: shipped).due == d("2026-02-11"))
    }

    /// A fees notice (Thu 8 Jan, paid Mon 12 Jan) stops the count and its working days do not count (FOIA s.10(2)):
    /// one day used (Wed 7), then Tue 13, Wed 14, Thu 15, Fri 16.
    @Test func aFeesNoticeStopsTheTaskAndItsDaysDoNotCount() throws {
        let paid = try recorded([
            ("2026-01-06", give(5)), ("2026-01-08", .feeNoticeIssued(amount: "£40")), ("2026-01-12", .feePaid),
        ])
        let clock = try taskClock(paid)
        #expect(clock.due == d("2026-01-16"))
        #expect(clock.derivation.contains { $0.hasPrefix("3 working days from Thu 8 Jan 2026") })
    }

    /// A subject access request's clarification pauses its clock (Art. 12(3A)): the task's days from the request to
    /// the answer do not count, as a fee's do for FOIA.
    @Test func aSubjectAccessClarificationPausesTheTask() throws {
        let file = try recorded(
            [
                ("2026-01-06", give(5)), ("2026-01-08", .clarificationRequested(note: nil)),
                ("2026-01-12", .clarificationReceived),
            ], regime: .sar)
        #expect(try taskClock(file).due == d("2026-01-16"))
    }

    /// The case is due Mon 2 Feb 2026. Given Mon 26 Jan, 5 working days reach Mon 2 Feb; 10 would reach Mon 9 Feb,
    /// and are refused with the case's date.
    @Test func aTaskIsNeverDueAfterTheCase() throws {
        #expect(try taskClock(try recorded([("2026-01-26", give(5))])).due == d("2026-02-02"))
        #expect(throws: LifecycleError.task(.dueAfterCase(due: d("2026-02-09"), caseDue: d("2026-02-02")))) {
            try recorded([("2026-01-26", give(10))])
        }
    }

    /// A correction that brings the case's date forward (received Fri 2 Jan: due Fri 30 Jan) brings the task's with
    /// it rather than leaving it due after the case.
    @Test func aTaskFollowsTheCaseWhenItsDateComesForward() throws {
        let file = try recorded([
            ("2026-01-26", give(5)),
            ("2026-01-27", .corrected(Correction(received: d("2026-01-02"), reason: "the e-mail came on Friday"))),
        ])
        let clock = try taskClock(file)
        #expect(clock.due == d("2026-01-30"))
        #expect(clock.derivation.last == "brought forward to the case's own due date, Fri 30 Jan 2026")
    }

    @Test func aTaskIsNotGivenWhileTheCaseClockIsStopped() throws {
        #expect(throws: LifecycleError.task(.caseClockStopped(.awaitingClarification(since: d("2026-01-06"))))) {
            try recorded([("2026-01-06", .clarificationRequested(note: nil)), ("2026-01-07", give(5))])
        }
    }

    /// Answered, a task is met; declined, stopped; left open when the case is answered, stopped with it.
    @Test func whatEndsATask() throws {
        let answered = try recorded([
            ("2026-01-06", give(5)),
            ("2026-01-09", .taskDone(TaskAnswer(number: 1, answer: "1,204", hours: 2.5, activity: .locating))),
        ])
        #expect(try taskClock(answered).status(today: today) == .met)
        #expect(answered.countedTaskHours == 2.5)

        let declined = try recorded([
            ("2026-01-06", give(5)), ("2026-01-07", .taskDeclined(number: 1, reason: "the county holds it")),
        ])
        #expect(try taskClock(declined).stoppedOn == d("2026-01-07"))

        let responded = try recorded([("2026-01-06", give(5)), ("2026-01-09", .responded(.notHeld))])
        #expect(try taskClock(responded).status(today: today) == .stopped)
    }

    /// Only the activities the Fees Regulations count feed the estimate.
    @Test func hoursWithoutAnActivityAreNotCounted() throws {
        let file = try recorded([
            ("2026-01-06", give(5)), ("2026-01-06", give(5, number: 2)),
            ("2026-01-09", .taskDone(TaskAnswer(number: 1, answer: "redacted", hours: 4))),
            ("2026-01-09", .taskDone(TaskAnswer(number: 2, answer: "found", hours: 1.5, activity: .retrieving))),
        ])
        #expect(file.countedTaskHours == 1.5)
    }

    @Test func whatIsRefused() throws {
        let given = [("2026-01-06", give(5))]
        let refusals: [([(String, CaseEvent)], LifecycleError)] = [
            ([("2026-01-06", give(5, number: 2))], .task(.numberOutOfTurn(number: 2, expected: 1))),
            ([("2026-01-06", give(0))], .task(.workingDaysOutOfRange(0))),
            ([("2026-01-07", .taskDone(TaskAnswer(number: 1, answer: "x")))], .task(.unknown(number: 1, count: 0))),
            (given + [("2026-01-07", .taskDone(TaskAnswer(number: 1, answer: " ")))], .task(.blankText("answer"))),
            (
                given + [("2026-01-07", .taskDone(TaskAnswer(number: 1, answer: "x", activity: .locating)))],
                .task(.hours(nil))
            ),
            (given + [("2026-01-07", .taskDone(TaskAnswer(number: 1, answer: "x", hours: -1)))], .task(.hours(-1))),
            (given + [("2026-01-07", .taskDeclined(number: 1, reason: ""))], .reasonRequired(action: "decline a task")),
            (
                [("2026-01-07", give(5)), ("2026-01-06", .taskDone(TaskAnswer(number: 1, answer: "x")))],
                .beforeItsCause(
                    action: "answer task 1", date: d("2026-01-06"), cause: "task", causeDate: d("2026-01-07"))
            ),
            (
                given + [
                    ("2026-01-07", .taskDeclined(number: 1, reason: "not ours")),
                    ("2026-01-08", .taskDone(TaskAnswer(number: 1, answer: "x"))),
                ], .task(.closed(number: 1, on: d("2026-01-07")))
            ),
        ]
        for (steps, refusal) in refusals {
            #expect(throws: refusal) { try recorded(steps) }
        }
    }

    /// A task given by a date is given the working days to that date; a date with none left is refused.
    @Test func aTaskGivenByADate() throws {
        let file = try recorded([])
        #expect(try file.taskWorkingDays(given: d("2026-01-06"), due: d("2026-01-13"), calendars: shipped) == 5)
        #expect(throws: LifecycleError.task(.noWorkingDay(given: d("2026-01-09"), due: d("2026-01-11")))) {
            try file.taskWorkingDays(given: d("2026-01-09"), due: d("2026-01-11"), calendars: shipped)
        }
    }

    /// Whatever the fees notice, the working days from the task to its date, less those the fee stopped, are the
    /// task's own; and a task is never due after its case.
    @Test func aTaskCountsItsOwnWorkingDaysAroundAFee() throws {
        var generator = SplitMix64(seed: 25)
        let calendar = shipped.calendar(.unitedKingdom)
        for _ in 0..<300 {
            let given = d("2026-01-05").adding(days: Int.random(in: 0...10, using: &generator))
            let workingDays = Int.random(in: 1...8, using: &generator)
            let notice = given.adding(days: Int.random(in: 0...12, using: &generator))
            let paid = notice.adding(days: Int.random(in: 0...15, using: &generator))
            let file = try recorded([
                (given.description, give(workingDays)), (notice.description, .feeNoticeIssued(amount: nil)),
                (paid.description, .feePaid),
            ])
            let clock = try taskClock(file)
            let due = try #require(clock.due)
            let caseDue = try #require(try file.deadline(calendars: shipped).finalDate)
            #expect(due <= caseDue)
            guard due < caseDue else { continue }
            let stopped =
                notice > due ? 0 : try calendar.workingDays(after: max(notice.adding(days: -1), given), through: paid)
            #expect(try calendar.workingDays(after: given, through: due) - stopped == workingDays)
        }
    }
}

/// The flags that route a case: raised and taken down by events, in any status, each once.
@Suite struct CaseFlagTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)

    @Test func flagsAreRaisedAndTakenDown() throws {
        var file = try foiaCase(in: .responded)
        for (event, flags) in [
            (CaseEvent.flagged(.legal, removed: false), [CaseFlag.legal]),
            (.flagged(.press, removed: false), [.press, .legal]),
            (.flagged(.legal, removed: true), [.press]),
        ] {
            file = try file.step(
                RecordedEvent(date: d("2026-01-21"), event: event), rules: rules, today: d("2026-02-01")
            )
            .state.file
            #expect(file.flags == flags)
        }
        #expect(throws: LifecycleError.flag(.press, raised: true)) {
            try file.step(
                RecordedEvent(date: d("2026-01-22"), event: .flagged(.press, removed: false)), rules: rules,
                today: d("2026-02-01"))
        }
        #expect(throws: LifecycleError.flag(.legal, raised: false)) {
            try file.step(
                RecordedEvent(date: d("2026-01-22"), event: .flagged(.legal, removed: true)), rules: rules,
                today: d("2026-02-01"))
        }
    }
}

/// Sign-off bound to the draft: each approval counts for the draft it names, in the chain's order; a rejection
/// starts the chain again and holds its own draft; a bypass lets its draft go.
@Suite struct ApprovalTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)
    let lee = Party.user(UserID(rawValue: 5))
    let pat = Party.user(UserID(rawValue: 6))
    let draftA = String(repeating: "a", count: 64)
    let draftB = String(repeating: "b", count: 64)

    func recorded(_ events: [CaseEvent]) throws -> Case {
        var file = try foiaCase(in: .responded)
        for event in events {
            file = try file.step(
                RecordedEvent(date: d("2026-01-21"), event: event), rules: rules, today: d("2026-02-01")
            )
            .state.file
        }
        return file
    }

    var request: CaseEvent { .approvalRequested(ApprovalRequest(chain: [lee, pat], workingDays: 2)) }

    @Test func eachApprovalCountsForTheDraftItSaw() throws {
        let none = try recorded([])
        #expect(none.approvalStanding(draft: draftA) == nil)
        let asked = try recorded([request])
        #expect(asked.approvalStanding(draft: draftA) == .waiting(stage: 1, approver: lee, since: d("2026-01-21")))

        let first = try recorded([request, .approved(ApprovalDecision(stage: 1, digest: draftA, note: nil))])
        #expect(first.approvalStanding(draft: draftA) == .waiting(stage: 2, approver: pat, since: d("2026-01-21")))
        // Another draft: no one has approved it, the chain waits for the first approver again.
        #expect(first.approvalStanding(draft: draftB) == .waiting(stage: 1, approver: lee, since: d("2026-01-21")))
        #expect(
            throws: LifecycleError.approval(
                .notWaiting(stage: 2, standing: .waiting(stage: 1, approver: lee, since: d("2026-01-21"))))
        ) {
            try first.step(
                RecordedEvent(
                    date: d("2026-01-22"), event: .approved(ApprovalDecision(stage: 2, digest: draftB, note: nil))),
                rules: rules, today: d("2026-02-01"))
        }
        let both = try recorded([
            request, .approved(ApprovalDecision(stage: 1, digest: draftA, note: nil)),
            .approved(ApprovalDecision(stage: 2, digest: draftA, note: "fine")),
        ])
        #expect(both.approvalStanding(draft: draftA) == .complete(bypassed: false))
        #expect(both.approvalStanding(draft: draftB)?.isComplete == false)
    }

    @Test func aRejectionHoldsItsDraftAndABypassLetsOneGo() throws {
        let rejected = try recorded([
            request, .approved(ApprovalDecision(stage: 1, digest: draftA, note: nil)),
            .approvalRejected(ApprovalDecision(stage: 2, digest: draftA, note: "say where they are published")),
        ])
        #expect(
            rejected.approvalStanding(draft: draftA)
                == .rejected(stage: 2, approver: pat, on: d("2026-01-21"), reason: "say where they are published"))
        #expect(rejected.approvalStanding(draft: draftB) == .waiting(stage: 1, approver: lee, since: d("2026-01-21")))
        let bypassed = try recorded([
            request, .approvalBypassed(ApprovalDecision(stage: 1, digest: draftB, note: "press office away")),
        ])
        #expect(bypassed.approvalStanding(draft: draftB) == .complete(bypassed: true))
        #expect(bypassed.approvalStanding(draft: draftA)?.isComplete == false)
        #expect(throws: LifecycleError.reasonRequired(action: "reject a draft")) {
            try recorded([request, .approvalRejected(ApprovalDecision(stage: 1, digest: draftA, note: " "))])
        }
        #expect(throws: LifecycleError.approval(.noChain)) {
            try recorded([.approved(ApprovalDecision(stage: 1, digest: draftA, note: nil))])
        }
        #expect(throws: LifecycleError.approval(.emptyChain)) {
            try recorded([.approvalRequested(ApprovalRequest(chain: [], workingDays: 2))])
        }
    }
}

/// Allocation: an offer to a team is taken by the member who accepts it; an offer is answered once; a case given
/// back is with no one; an open task passes to another contributor, a closed one does not.
@Suite struct AllocationTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)
    let roads = TeamID(rawValue: 2)
    let ann = UserID(rawValue: 4)

    func step(_ file: Case, _ event: CaseEvent, on date: String = "2026-01-21") throws -> Case {
        try file.step(RecordedEvent(date: d(date), event: event), rules: rules, today: d("2026-02-01")).state.file
    }

    @Test func anOfferIsAnsweredOnce() throws {
        var file = try foiaCase(in: .open)
        #expect(throws: LifecycleError.allocation(.nothingOffered(nil))) {
            try step(file, .allocationAccepted(by: ann))
        }
        file = try step(file, .allocated(team: roads))
        #expect(file.team == roads && file.handler == nil && file.allocation == .offered(on: d("2026-01-21")))
        let accepted = try step(file, .allocationAccepted(by: ann), on: "2026-01-22")
        #expect(accepted.handler == .user(ann) && accepted.team == roads)
        #expect(accepted.allocation == .accepted(on: d("2026-01-22"), by: ann))
        #expect(throws: LifecycleError.allocation(.nothingOffered(accepted.allocation))) {
            try step(accepted, .allocationRejected(by: ann, reason: "Not ours"))
        }
        #expect(throws: LifecycleError.allocation(.blankReason)) {
            try step(file, .allocationRejected(by: ann, reason: " "))
        }
        let givenBack = try step(file, .allocationRejected(by: ann, reason: "Not ours"))
        #expect(givenBack.handler == nil && givenBack.team == nil)
        // Assigned to an officer: offered to them, and accepting keeps them the handler.
        let assigned = try step(givenBack, .assigned(to: .user(UserID(rawValue: 9))))
        #expect(assigned.allocation == .offered(on: d("2026-01-21")))
        #expect(try step(assigned, .allocationAccepted(by: UserID(rawValue: 9))).handler == .user(UserID(rawValue: 9)))
        #expect(try step(assigned, .assigned(to: nil)).allocation == nil)
    }

    @Test func onlyAnOpenTaskPassesOn() throws {
        var file = try foiaCase(in: .open)
        file = try step(
            file, .taskGiven(TaskRequest(number: 1, contributor: .user(ann), ask: "Routes?", workingDays: 5)))
        let passed = try step(file, .taskReassigned(number: 1, to: UserID(rawValue: 9)))
        #expect(passed.tasks.first?.request.contributor == .user(UserID(rawValue: 9)))
        let done = try step(file, .taskDone(TaskAnswer(number: 1, answer: "A road list")), on: "2026-01-22")
        #expect(throws: LifecycleError.task(.closed(number: 1, on: d("2026-01-22")))) {
            try step(done, .taskReassigned(number: 1, to: UserID(rawValue: 9)), on: "2026-01-22")
        }
        #expect(throws: LifecycleError.task(.unknown(number: 2, count: 1))) {
            try step(file, .taskReassigned(number: 2, to: ann))
        }
    }
}

/// Where the days went, counted by hand on the 2026 calendar. Received Mon 5 Jan, due Mon 2 Feb (20 working days),
/// answered Fri 6 Feb: 4 working days late (3, 4, 5, 6 Feb).
@Suite struct WaitTests {
    let ann = UserID(rawValue: 4), bob = UserID(rawValue: 5)
    let lee = Party.user(UserID(rawValue: 6)), pat = Party.team(TeamID(rawValue: 2))
    let draftA = String(repeating: "a", count: 64)
    let draftB = String(repeating: "b", count: 64)

    func late(ending last: (String, CaseEvent)) throws -> Case {
        var file = try foiaCase(in: .open)
        let steps: [(String, CaseEvent)] = [
            ("2026-01-06", .taskGiven(TaskRequest(number: 1, contributor: .user(ann), ask: "Held?", workingDays: 5))),
            ("2026-01-07", .taskGiven(TaskRequest(number: 2, contributor: .user(bob), ask: "Where?", workingDays: 10))),
            ("2026-01-15", .taskDone(TaskAnswer(number: 1, answer: "Yes"))),
            ("2026-02-02", .approvalRequested(ApprovalRequest(chain: [lee, pat], workingDays: 2))),
            ("2026-02-04", .approvalRejected(ApprovalDecision(stage: 1, digest: draftA, note: "Redact"))),
            ("2026-02-05", .approved(ApprovalDecision(stage: 1, digest: draftB, note: nil))),
            ("2026-02-06", .responded(.grantedInFull)),
            last,
        ]
        for (date, event) in steps { try file.apply(RecordedEvent(date: d(date), event: event), catalogue: catalogue) }
        return file
    }

    /// Task 1: 7 working days (7–9, 12–15 Jan); task 2, never answered, to the response: 22 (8 Jan to 6 Feb);
    /// Lee: 2 to the rejection (3, 4 Feb), then 1 to the approval of the redraft (5 Feb); Pat, still waited on
    /// as at Tue 10 Feb: 3 (6, 9, 10 Feb), though the response was recorded on the 6th.
    @Test func eachSpanIsCountedInTheCasesWorkingDays() throws {
        let file = try late(ending: ("2026-02-06", .note("Letter with the press office")))
        let waits = try file.waits(answered: d("2026-02-06"), asAt: d("2026-02-10"), calendars: shipped)
        #expect(
            waits.map { "\($0.kind) \($0.on) \($0.from)..\($0.until) \($0.workingDays)" } == [
                "task(1) \(Party.user(ann)) 2026-01-06..2026-01-15 7",
                "task(2) \(Party.user(bob)) 2026-01-07..2026-02-06 22",
                "signOff(stage: 1) \(lee) 2026-02-02..2026-02-04 2",
                "signOff(stage: 1) \(lee) 2026-02-04..2026-02-05 1",
                "signOff(stage: 2) \(pat) 2026-02-05..2026-02-10 3",
            ])
        let report = try DelayReport(
            period: ReportingPeriod(.quarter, year: 2026, index: 1), asAt: d("2026-02-10"),
            entries: try file.timelinessEntries(calendars: shipped), files: [file.reference: file], calendars: shipped)
        #expect(report.late.map(\.workingDaysLate) == [4])
        #expect(
            report.shares.map { "\($0.party) \($0.taskDays)+\($0.signOffDays)" } == [
                "\(Party.user(bob)) 22+0", "\(Party.user(ann)) 7+0", "\(lee) 0+3", "\(pat) 0+3",
            ])
    }

    /// A bypass on Mon 9 Feb ends Pat's wait: 2 working days (6, 9 Feb); nothing waits after it.
    @Test func aBypassEndsTheStageItWaitedFor() throws {
        let file = try late(
            ending: ("2026-02-09", .approvalBypassed(ApprovalDecision(stage: 2, digest: draftB, note: "Urgent"))))
        let signOff = try file.waits(answered: d("2026-02-06"), asAt: d("2026-02-20"), calendars: shipped)
            .filter { if case .signOff = $0.kind { true } else { false } }
        #expect(signOff.map(\.workingDays) == [2, 1, 2] && signOff.last?.until == d("2026-02-09"))
    }

    /// Whatever the dates, no task waits longer than the working days from its giving to the response.
    @Test(arguments: [1, 3, 9, 17, 30, 40], [0, 5, 11, 28, 40]) func noWaitOutlastsItsCase(done: Int, answer: Int)
        throws
    {
        var file = try foiaCase(in: .open)
        try file.apply(
            RecordedEvent(
                date: d("2026-01-06"),
                event: .taskGiven(TaskRequest(number: 1, contributor: .user(ann), ask: "Held?", workingDays: 5))),
            catalogue: catalogue)
        let doneOn = d("2026-01-06").adding(days: done)
        try file.apply(
            RecordedEvent(date: doneOn, event: .taskDone(TaskAnswer(number: 1, answer: "Yes"))), catalogue: catalogue)
        let answered = d("2026-01-06").adding(days: answer)
        let waits = try file.waits(answered: answered, asAt: d("2026-03-31"), calendars: shipped)
        let calendar = shipped.calendar(.unitedKingdom)
        #expect(waits.count == 1 && waits.allSatisfy { $0.until <= answered && $0.until <= doneOn })
        #expect(
            waits.map(\.workingDays).reduce(0, +)
                <= (try calendar.workingDays(after: d("2026-01-06"), through: answered)))
    }
}

/// FOIA s.36(2) and (3) apply only in the reasonable opinion of a qualified person: a new response relying on s.36
/// needs one given by its date; a history recorded before the rule replays as it was.
@Suite struct QualifiedPersonOpinionTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)
    let opinion = CaseEvent.qualifiedPersonOpinion(
        QualifiedPersonOpinion(person: "the Chief Executive", opinion: "Would be likely to inhibit free advice"))

    func withheld(under citation: String, part: Regime = .foia) throws -> Case {
        var file = try foiaCase(in: .open)
        try file.apply(
            RecordedEvent(
                date: d("2026-01-20"),
                event: .exemptionApplied(
                    ExemptionDecision(citation: citation, part: part, publicInterest: .maintain))),
            catalogue: catalogue)
        return file
    }

    func respond(_ file: Case, on date: String = "2026-01-30") throws -> Case {
        try file.step(
            RecordedEvent(date: d(date), event: .responded(.withheldInFull)), rules: rules, today: d("2026-02-10")
        ).state.file
    }

    @Test func aResponseRelyingOnSection36NeedsTheOpinion() throws {
        let file = try withheld(under: "36(2)(b)(i)")
        #expect(throws: LifecycleError.qualifiedPersonOpinionRequired(citation: "36(2)(b)(i)")) {
            try respond(file)
        }
        // Given after the response's date, it is not the opinion the response relied on.
        var late = file
        try late.apply(RecordedEvent(date: d("2026-02-02"), event: opinion), catalogue: catalogue)
        #expect(throws: LifecycleError.qualifiedPersonOpinionRequired(citation: "36(2)(b)(i)")) {
            try respond(late)
        }
        #expect(try respond(late, on: "2026-02-02").status == .responded)
        // A history recorded before the rule replays as it was.
        var replayed = file
        try replayed.apply(
            RecordedEvent(date: d("2026-01-30"), event: .responded(.withheldInFull)), catalogue: catalogue)
        #expect(replayed.status == .responded)
    }

    /// Another exemption needs none; nor does another regime's s.36 (FOISA s.36 is confidentiality).
    @Test(arguments: [("31(1)(a)", Regime.foia), ("43(2)", .foia)])
    func otherExemptionsNeedNone(citation: String, part: Regime) throws {
        #expect(try respond(try withheld(under: citation, part: part)).status == .responded)
    }
}
