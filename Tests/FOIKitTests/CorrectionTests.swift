import FOIKit
import Testing

/// Putting the record right: a correction supersedes what the receipt recorded, a void makes a step count as never
/// having happened, an exemption is withdrawn before the response; each is an event, and the case is the fold of
/// the history as it then stands. Dates counted by hand on the 2026 calendar (working days Monday to Friday, no
/// holiday between 5 January and 3 April 2026).
@Suite struct CorrectionTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)
    let today = d("2026-03-02")

    /// A FOIA case received Mon 5 Jan 2026 (due Mon 2 Feb), after `steps`, each checked as a new step.
    func file(_ steps: [(String, CaseEvent)], regime: Regime = .foia) throws -> Case {
        let opened = Case(
            reference: CaseReference(rawValue: "FOI-1"), received: d("2026-01-05"),
            receipt: Receipt(regime: regime, subject: "Road repairs"))
        return try opened.steps(
            steps.map { RecordedEvent(date: d($0.0), event: $0.1) }, rules: rules, today: today
        ).last?.state.file ?? opened
    }

    func step(_ file: Case, _ date: String, _ event: CaseEvent) throws -> CaseStep {
        try file.step(RecordedEvent(date: d(date), event: event), rules: rules, today: today)
    }

    func refusal(_ file: Case, _ date: String, _ event: CaseEvent) -> LifecycleError? {
        do {
            _ = try step(file, date, event)
            return nil
        } catch let error as LifecycleError {
            return error
        } catch {
            Issue.record("not a lifecycle error: \(error)")
            return nil
        }
    }

    static let wrongDay = Correction(received: d("2026-01-08"), reason: "keyed as 5 January; it came on 8 January")

    /// Received Thu 8 Jan, not Mon 5 Jan: day 1 is Fri 9 Jan, day 20 Thu 5 Feb (9; 12-16; 19-23; 26-30; 2-5 Feb),
    /// where it was Mon 2 Feb. A response on Tue 3 Feb, late as first recorded, is on time once corrected.
    @Test func aCorrectedReceiptMovesTheDueDateAndTheTimeliness() throws {
        let answered = try file([("2026-02-03", .responded(.grantedInFull))])
        #expect(try answered.deadline(calendars: shipped).due == d("2026-02-02"))
        #expect(try answered.timelinessEntries(calendars: shipped).first?.standing(asAt: today) == .late)
        let corrected = try step(answered, "2026-02-10", .corrected(Self.wrongDay)).state
        #expect(corrected.file.received == d("2026-01-08"))
        #expect(corrected.deadline.due == d("2026-02-05"))
        #expect(corrected.timeliness.first?.standing(asAt: today) == .inTime)
        #expect(corrected.file.status == .responded)
        // The history keeps what was recorded first, and the correction after it.
        #expect(corrected.file.history.map(\.event.kind) == [.received, .responded, .corrected])
        #expect(corrected.file.history[0].date == d("2026-01-05"))
        #expect(corrected.file.standingHistory.map(\.number) == [1, 2])
    }

    /// A receipt corrected to a day after a step already recorded would leave that step before the request: refused,
    /// naming it. A correction names a field and its reason; a receipt corrected to a day after today is refused.
    @Test func aCorrectionThatLeavesAStepBeforeTheRequestIsRefused() throws {
        let answered = try file([("2026-01-06", .acknowledged), ("2026-01-20", .responded(.grantedInFull))])
        let late = Correction(received: d("2026-01-21"), reason: "wrong day")
        guard
            case .laterStepCannotStand(let number, let action, .beforeReceipt)? = refusal(
                answered, "2026-02-10", .corrected(late))
        else {
            Issue.record("a correction after the acknowledgement was not refused for it")
            return
        }
        #expect(number == 2)
        #expect(action == "record an acknowledgement")
        #expect(refusal(answered, "2026-02-10", .corrected(Correction(reason: "nothing"))) == .nothingToCorrect)
        #expect(
            refusal(answered, "2026-02-10", .corrected(Correction(subject: "Roads", reason: " ")))
                == .reasonRequired(action: "correct the receipt"))
        #expect(
            refusal(answered, "2026-02-10", .corrected(Correction(received: d("2026-03-05"), reason: "typo")))
                == .afterToday(action: "record a receipt", date: d("2026-03-05"), today: today))
    }

    /// A request recorded as FOIA that was for environmental information: corrected to the EIR it keeps its clock
    /// (20 working days under reg 5(2) as under s.10(1)); a FOIA s.12 refusal cannot stand under the EIR, nor a
    /// FOIA exemption under FOISA, and the correction is refused naming the step.
    @Test func aCorrectedRegimeIsCheckedAgainstEveryStep() throws {
        let toEIR = Correction(regime: .eir, reason: "air quality data: environmental information")
        let plain = try step(try file([]), "2026-01-07", .corrected(toEIR)).state
        #expect(plain.file.regime == .eir)
        #expect(plain.deadline.due == d("2026-02-02"))
        let refusedOnCost = try file([("2026-01-20", .responded(.refusedCost))])
        guard
            case .laterStepCannotStand(2, _, .outcomeNotInRegime(.refusedCost, .eir, _))? = refusal(
                refusedOnCost, "2026-02-10", .corrected(toEIR))
        else {
            Issue.record("a FOIA s.12 refusal stood under the EIR")
            return
        }
        let exempt = try file([
            (
                "2026-01-07",
                .exemptionApplied(ExemptionDecision(citation: "43(2)", part: .foia, publicInterest: .maintain))
            )
        ])
        // Under the EIR a FOIA exemption is the FOIA part of a mixed request; a Scottish authority has no FOIA part.
        #expect(try step(exempt, "2026-01-08", .corrected(toEIR)).state.file.exemptions == exempt.exemptions)
        let toFOISA = Correction(regime: .foisa, reason: "a Scottish authority's request")
        let refused = refusal(exempt, "2026-01-08", .corrected(toFOISA))
        guard case .laterStepCannotStand(2, "apply an exemption", .partNotAllowed(.foia, .foisa))? = refused else {
            Issue.record("a FOIA exemption stood under FOISA: \(String(describing: refused))")
            return
        }
    }

    /// A response recorded on the wrong case, voided: the case is open again with its clock as before, and no
    /// figure counts the response; the history keeps it, with the void.
    @Test func aVoidedResponseCountsAsNeverHavingHappened() throws {
        let answered = try file([("2026-01-06", .acknowledged), ("2026-01-20", .responded(.grantedInFull))])
        let voided = try step(answered, "2026-01-21", .voided(VoidedStep(number: 3, reason: "the wrong case"))).state
        #expect(voided.file.status == .open)
        #expect(voided.file.responses.isEmpty)
        #expect(voided.deadline.due == d("2026-02-02"))
        #expect(voided.timeliness.first?.answered == nil)
        #expect(voided.file.history.count == 4)
        #expect(voided.file.voided[3]?.by == 4)
        // The response can then be recorded again, on the right day.
        let again = try step(voided.file, "2026-01-28", .responded(.notHeld)).state
        #expect(again.file.outcome == .notHeld)
        #expect(again.file.standingHistory.map(\.number) == [1, 2, 5])
    }

    /// A void that would leave a later step without its cause is refused naming it: a clarification received needs
    /// the request for clarification it answers.
    @Test func aVoidThatALaterStepDependsOnIsRefused() throws {
        let clarified = try file([
            ("2026-01-06", .clarificationRequested(note: nil)), ("2026-01-09", .clarificationReceived),
        ])
        let refused = refusal(clarified, "2026-01-12", .voided(VoidedStep(number: 2, reason: "asked by mistake")))
        guard case .laterStepCannotStand(3, "record a clarification", .notAllowed)? = refused else {
            Issue.record("voiding the request for clarification was not refused: \(String(describing: refused))")
            return
        }
        #expect(refused?.description.hasPrefix("step 3 (record a clarification) could not stand: ") == true)
    }

    /// What cannot be voided: the receipt (it is corrected), a void, a step voided already, a number past the end, a
    /// moved date; a void needs its reason and is not dated before the step it voids.
    @Test func whatCannotBeVoided() throws {
        let noted = try file([("2026-01-06", .note("called")), ("2026-01-07", .acknowledged)])
        let voided = try step(noted, "2026-01-08", .voided(VoidedStep(number: 2, reason: "wrong case"))).state.file
        func void(_ number: Int, on date: String = "2026-01-09", reason: String = "why") -> LifecycleError? {
            refusal(voided, date, .voided(VoidedStep(number: number, reason: reason)))
        }
        #expect(void(1) == .cannotVoid(number: 1, .receipt))
        #expect(void(2) == .cannotVoid(number: 2, .alreadyVoided(by: 4)))
        #expect(void(4) == .cannotVoid(number: 4, .void))
        #expect(void(9) == .cannotVoid(number: 9, .noSuchStep(count: 4)))
        #expect(void(3, reason: "") == .reasonRequired(action: "void step 3"))
        #expect(
            void(3, on: "2026-01-06")
                == .beforeItsCause(
                    action: "void step 3", date: d("2026-01-06"), cause: "step voided", causeDate: d("2026-01-07")))
    }

    /// A correction voided puts the receipt back as it was recorded.
    @Test func aVoidedCorrectionRestoresTheReceipt() throws {
        let corrected = try step(try file([]), "2026-01-09", .corrected(Self.wrongDay)).state.file
        #expect(corrected.received == d("2026-01-08"))
        let restored = try step(corrected, "2026-01-09", .voided(VoidedStep(number: 2, reason: "it was right"))).state
        #expect(restored.file.received == d("2026-01-05"))
        #expect(restored.deadline.due == d("2026-02-02"))
    }

    /// A history with corrections and voids replays to the same case as it was decided step by step.
    @Test func aCorrectedHistoryReplaysToTheSameCase() throws {
        let decided = try file([
            ("2026-01-09", .acknowledged), ("2026-01-09", .corrected(Self.wrongDay)),
            (
                "2026-01-20",
                .exemptionApplied(ExemptionDecision(citation: "43(2)", part: .foia, publicInterest: .maintain))
            ),
            ("2026-01-21", .voided(VoidedStep(number: 4, reason: "not relied on after all"))),
            ("2026-01-22", .responded(.grantedInFull)),
        ])
        let replayed = try Case(reference: decided.reference, history: decided.history, catalogue: catalogue)
        #expect(replayed == decided)
        #expect(replayed.exemptions.isEmpty)
        #expect(replayed.received == d("2026-01-08"))
    }

    /// An exemption no longer relied on before the response is withdrawn, with its reasoning: a response withheld in
    /// full then needs another; the figures' exemptions at the first response leave it out. One not relied on, or
    /// after the response, cannot be withdrawn this way.
    @Test func anExemptionIsWithdrawnBeforeTheResponse() throws {
        let decision = ExemptionDecision(citation: "43(2)", part: .foia, publicInterest: .maintain)
        let exempt = try file([
            ("2026-01-07", .exemptionApplied(decision)),
            ("2026-01-08", .reasoningRecorded(ExemptionReasoning(citation: "43(2)", part: .foia, engaged: "prices"))),
        ])
        let withdrawn = try step(exempt, "2026-01-09", .exemptionWithdrawn(citation: "43(2)", part: .foia))
        #expect(withdrawn.exemptionsChanged)
        #expect(withdrawn.state.file.exemptions.isEmpty)
        #expect(withdrawn.state.file.reasoning.isEmpty)
        #expect(
            refusal(withdrawn.state.file, "2026-01-12", .responded(.withheldInFull))
                == .exemptionRequired(.withheldInFull))
        let answered = try step(withdrawn.state.file, "2026-01-12", .responded(.grantedInFull)).state.file
        #expect(answered.exemptionsRelied(atFirstResponse: true).isEmpty)
        #expect(
            refusal(exempt, "2026-01-09", .exemptionWithdrawn(citation: "31(1)(a)", part: .foia))
                == .exemptionNotRelied(citation: "31(1)(a)", relied: ["43(2)"]))
        guard
            case .notAllowed(_, .responded, _, .reopen)? = refusal(
                try step(exempt, "2026-01-12", .responded(.withheldInFull)).state.file, "2026-01-13",
                .exemptionWithdrawn(citation: "43(2)", part: .foia))
        else {
            Issue.record("an exemption was withdrawn after the response")
            return
        }
    }
}

/// An extension is given within the time it extends (audit H2; FOIA s.10(3) and s.17(1), EIR reg 7(3), UK GDPR
/// Art 12A). A request received Wed 1 Jul 2026 is due on day 20, Thu 30 Jul (Mon 13 Jul is a holiday in Northern
/// Ireland: 2-3 Jul; 6-10; 14-17; 20-24; 27-30).
@Suite struct ExtensionInTimeTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)
    let today = d("2026-10-01")
    static let exemption = CaseEvent.exemptionApplied(
        ExemptionDecision(citation: "43(2)", part: .foia, publicInterest: .maintain))

    func file(_ regime: Regime, _ steps: [(String, CaseEvent)] = []) throws -> Case {
        try Case(
            reference: CaseReference(rawValue: "L1"), received: d("2026-07-01"),
            receipt: Receipt(regime: regime, subject: "Contract prices")
        ).replaying(steps.map { RecordedEvent(date: d($0.0), event: $0.1) }, rules: rules, today: today)
    }

    func extend(_ file: Case, on date: String, days: Int? = 20, late: Bool = false) throws -> Case {
        try file.step(
            RecordedEvent(date: d(date), event: .extended(workingDays: days, reason: "PIT", late: late)), rules: rules,
            today: today
        ).state.file
    }

    @Test func anExtensionOnDayTwentyExtends() throws {
        let exempt = try file(.foia, [("2026-07-20", Self.exemption)])
        #expect(try exempt.deadline(calendars: shipped).due == d("2026-07-30"))
        let extended = try extend(exempt, on: "2026-07-30")
        #expect(extended.publicInterestExtension == 20)
        #expect(extended.lateExtension == nil)
    }

    /// Claimed on Wed 5 Aug, after day 20: refused, or recorded as late, which leaves the request due on 30 Jul;
    /// answered on 20 Aug it counts late, not within a permitted extension.
    @Test func anExtensionAfterDayTwentyIsRefusedOrRecordedLate() throws {
        let exempt = try file(.foia, [("2026-07-20", Self.exemption)])
        #expect(
            throws: LifecycleError.extensionTiming(
                late: true, due: d("2026-07-30"), citation: Regime.foia.extensionNoticeCitation!)
        ) {
            try extend(exempt, on: "2026-08-05")
        }
        let late = try extend(exempt, on: "2026-08-05", late: true)
        #expect(late.lateExtension == d("2026-08-05"))
        #expect(late.publicInterestExtension == nil)
        #expect(late.status == .extended)
        #expect(try late.deadline(calendars: shipped).due == d("2026-07-30"))
        let answered = try late.replaying(
            [RecordedEvent(date: d("2026-08-20"), event: .responded(.withheldInFull))], rules: rules, today: today)
        #expect(try answered.timelinessEntries(calendars: shipped).map { $0.standing(asAt: today) } == [.late])
        // Marked late although given in time: refused.
        #expect(
            throws: LifecycleError.extensionTiming(
                late: false, due: d("2026-07-30"), citation: Regime.foia.extensionNoticeCitation!)
        ) {
            try extend(exempt, on: "2026-07-29", late: true)
        }
    }

    /// The refusal notice is a clock of its own, due on day 20 (Thu 30 Jul) while the public interest is considered:
    /// running once a qualified exemption is applied, met by an extension given in time, missed by one given late.
    @Test func theRefusalNoticeIsAClock() throws {
        func notice(_ file: Case) throws -> CaseClock? {
            try file.clocks(calendars: shipped).first { $0.name == .refusalNotice }
        }
        #expect(try notice(try file(.foia)) == nil)
        let exempt = try file(.foia, [("2026-07-20", Self.exemption)])
        #expect(try notice(exempt)?.due == d("2026-07-30"))
        #expect(try notice(exempt)?.status(today: d("2026-07-29")) == .running)
        #expect(try notice(try extend(exempt, on: "2026-07-30"))?.status(today: today) == .met)
        #expect(try notice(try extend(exempt, on: "2026-08-05", late: true))?.status(today: today) == .missed)
    }

    /// EIR reg 7 on Wed 5 Aug and a SAR's two months claimed on Mon 10 Aug, both after their time, are refused.
    @Test func theEIRAndSubjectAccessExtensionsAreGivenInTimeToo() throws {
        let eir = try file(.eir)
        #expect(throws: LifecycleError.self) { try extend(eir, on: "2026-08-05", days: nil) }
        #expect(try extend(eir, on: "2026-07-30", days: nil).statutoryExtension)
        let sar = try file(.sar)
        #expect(throws: LifecycleError.self) { try extend(sar, on: "2026-08-10", days: nil) }
    }
}

/// What the response gives, part by part (`foi disclose`).
@Suite struct AnswerTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)
    let today = d("2026-03-02")
    static let table = Enclosure(
        name: "table.csv", size: 120, digest: String(repeating: "a", count: 64), personal: false)

    func answered(_ answers: [PartAnswer], exempt: Bool = true) throws -> Case {
        let exemption = CaseEvent.exemptionApplied(
            ExemptionDecision(citation: "43(2)", part: .foia, publicInterest: .maintain))
        return try foiaCase(in: .open).replaying(
            (exempt ? [RecordedEvent(date: d("2026-01-07"), event: exemption)] : [])
                + answers.map { RecordedEvent(date: d("2026-01-08"), event: .answerRecorded($0)) },
            rules: rules, today: today)
    }

    /// A later answer to a part replaces the earlier; parts keep the order first answered.
    @Test func answersArePartByPart() throws {
        let file = try answered([
            PartAnswer(part: "1", finding: .notHeld), PartAnswer(part: "2", finding: .released, text: "12"),
            PartAnswer(part: "1", finding: .released, enclosures: [Self.table]),
        ])
        #expect(file.answers.map(\.part) == ["1", "2"])
        #expect(file.answers.map(\.finding) == [.released, .released])
    }

    /// A withheld part names exemptions the case applies, and only a withheld part names any; a released or
    /// accessible part gives its text or an enclosure.
    @Test func anAnswerHoldsTogether() throws {
        #expect(throws: LifecycleError.answer(.exemptionsDoNotFit(.withheld))) {
            try answered([PartAnswer(part: "1", finding: .withheld)])
        }
        #expect(throws: LifecycleError.answer(.exemptionsDoNotFit(.notHeld))) {
            try answered([PartAnswer(part: "1", finding: .notHeld, exemptions: ["43(2)"])])
        }
        #expect(throws: LifecycleError.exemptionNotRelied(citation: "31(1)(a)", relied: ["43(2)"])) {
            try answered([PartAnswer(part: "1", finding: .withheld, exemptions: ["31(1)(a)"])])
        }
        #expect(throws: LifecycleError.answer(.nothingGiven(.accessible))) {
            try answered([PartAnswer(finding: .accessible, text: " ")])
        }
        #expect(try answered([PartAnswer(part: "B", finding: .withheld, exemptions: ["43(2)"])]).answers.count == 1)
    }
}

/// Subject access under the Data Protection Act 2018 Schedules 2-4 (audit H5): the restrictions are cited as
/// officers write them and named in full in letters, and a reply withholding third parties' data can be recorded.
@Suite struct SubjectAccessExemptionTests {
    @Test(arguments: [
        ("Sch 2 para 16", "SCH2P16"), ("schedule 2, paragraph 16", "SCH2P16"), ("sch.2 p.19", "SCH2P19"),
        ("SCH2P16", "SCH2P16"), ("s.31(1)(a)", "31(1)(a)"),
    ])
    func scheduleParagraphsAreCitedAsOfficersWriteThem(typed: String, normal: String) {
        #expect(ExemptionCatalogue.normalise(typed) == normal)
    }

    @Test func theCatalogueHasTheScheduleTwoRestrictions() throws {
        #expect(
            catalogue.exemption(citing: "Sch 2 para 16", in: .sar)?.title.hasPrefix("Protection of the rights") == true)
        #expect(catalogue.exemption(citing: "Sch 2 para 19", in: .sar)?.title == "Legal professional privilege")
        #expect(catalogue.exemption(citing: "Sch 2 para 99", in: .sar) == nil)
        #expect(catalogue.exemption(citing: "40(2)", in: .sar) == nil)
        #expect(
            ExemptionCatalogue.named("SCH2P16", environmental: false)
                == "Schedule 2, paragraph 16 to the Data Protection Act 2018")
        #expect(ExemptionCatalogue.named("12(5)(e)", environmental: true) == "Regulation 12(5)(e)")
        let rules = CaseRules(catalogue: catalogue, calendars: shipped)
        let sar = Case(
            reference: CaseReference(rawValue: "SAR-1"), received: d("2026-02-02"),
            receipt: Receipt(regime: .sar, subject: "My file"))
        let answered = try sar.replaying(
            [
                RecordedEvent(
                    date: d("2026-02-20"),
                    event: .exemptionApplied(try sar.exemptionDecision(citing: "Sch 2 para 16", catalogue: catalogue))),
                RecordedEvent(date: d("2026-02-27"), event: .responded(.partiallyWithheld)),
            ], rules: rules, today: d("2026-03-02"))
        #expect(answered.outcome == .partiallyWithheld)
        #expect(answered.exemptions.map(\.citation) == ["SCH2P16"])
    }
}

/// The law after the response, audit LD1: the window to require a review of a failure to respond runs from the
/// response deadline whether or not a review is asked for. A request received Mon 7 Sep 2026 and never answered is
/// due on day 20, Mon 5 Oct (8-11 Sep; 14-18; 21-25; 28 Sep-2 Oct; 5 Oct); the window's 40th working day is Tue 1 Dec
/// (6-9 Oct; then five weeks to 27 Nov, 39; Mon 30 Nov is St Andrew's Day). FOIA has no such window.
@Suite struct FailureToRespondWindowTests {
    @Test(arguments: [
        (Regime.foisa, "FOISA s.20(5)(a)"), (.eir, "EIR reg 11(2)"), (.eirs, "EIR(S) reg 16(2)"),
    ])
    func theWindowRunsFromTheDeadline(regime: Regime, citation: String) throws {
        let file = Case(
            reference: CaseReference(rawValue: "F1"), received: d("2026-09-07"),
            receipt: Receipt(regime: regime, subject: "x"))
        let window = try #require(try file.clocks(calendars: shipped).first { $0.name == .reviewWindow })
        #expect(window.startedOn == d("2026-10-05"))
        #expect(window.due == d("2026-12-01"))
        #expect(window.citation.hasPrefix(citation))
        #expect(window.status(today: d("2026-10-20")) == .running)
        #expect(window.status(today: d("2026-10-02")) == .notStarted)
    }

    @Test func foiaHasNoWindowForAFailureToRespond() throws {
        let file = Case(
            reference: CaseReference(rawValue: "F1"), received: d("2026-09-07"),
            receipt: Receipt(regime: .foia, subject: "x"))
        #expect(try file.clocks(calendars: shipped).allSatisfy { $0.name != .reviewWindow })
    }
}

/// Audit LD2: the window to apply to the Commissioner about an unanswered FOISA review runs six months from the end
/// of the s.21(1) period (s.47(4)(b)), and not before it. Answered Thu 1 Oct 2026, a review required Mon 12 Oct is
/// due on day 20, Mon 9 Nov (13-16 Oct; 19-23; 26-30; 2-6 Nov; 9 Nov): unanswered, the window ends Sun 9 May 2027
/// and has not started on 13 Oct; a review answered Fri 23 Oct gives six months from then, Fri 23 Apr 2027.
@Suite struct UnansweredReviewWindowTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)

    func window(after steps: [(String, CaseEvent)]) throws -> CaseClock? {
        let file = try Case(
            reference: CaseReference(rawValue: "F2"), received: d("2026-09-07"),
            receipt: Receipt(regime: .foisa, subject: "x")
        ).replaying(
            ([("2026-10-01", .responded(.grantedInFull)), ("2026-10-12", .reviewRequested(ReviewRequest()))] + steps)
                .map { RecordedEvent(date: d($0.0), event: $0.1) }, rules: rules, today: d("2026-11-30"))
        return try file.clocks(calendars: shipped).last { $0.name == .regulatorWindow }
    }

    @Test func theWindowOpensWhenTheReviewPeriodEnds() throws {
        let unanswered = try #require(try window(after: []))
        #expect(unanswered.due == d("2027-05-09"))
        #expect(unanswered.status(today: d("2026-10-13")) == .notStarted)
        #expect(unanswered.status(today: d("2026-11-10")) == .running)
        let answered = try #require(
            try window(after: [("2026-10-23", .reviewDecided(ReviewDecision(outcome: .upheld)))]))
        #expect(answered.due == d("2027-04-23"))
    }
}

/// Audit M16: a FOISA review of a failure to respond has the s.21(1) period of any review, and the SIC's return times
/// it. Received Mon 7 Sep 2026 and unanswered (due Mon 5 Oct), its review required Tue 6 Oct is due Tue 3 Nov (7-9
/// Oct; 12-16; 19-23; 26-30; 2-3 Nov); decided Tue 27 Oct, it was answered on time; another left unanswered past
/// 3 Nov is a review with no response.
@Suite struct FailureReviewFiguresTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)

    func file(_ reference: String, _ steps: [(String, CaseEvent)]) throws -> Case {
        try Case(
            reference: CaseReference(rawValue: reference), received: d("2026-09-07"),
            receipt: Receipt(regime: .foisa, subject: "x")
        ).replaying(
            ([("2026-10-06", .reviewRequested(ReviewRequest()))] + steps).map {
                RecordedEvent(date: d($0.0), event: $0.1)
            }, rules: rules, today: d("2026-12-31"))
    }

    @Test func theSICReturnTimesAReviewOfAFailureToRespond() throws {
        let answered = try file(
            "F1",
            [
                ("2026-10-20", .responded(.grantedInFull)),
                ("2026-10-27", .reviewDecided(ReviewDecision(outcome: .procedural))),
            ])
        let unanswered = try file("F2", [])
        let figures = try SICReturn(
            cases: [answered, unanswered], quarter: d("2026-10-01")...d("2026-12-31"), asAt: d("2026-12-31"),
            calendars: shipped)
        let value = Dictionary(figures.columns.map { ($0.name, $0.value) }) { first, _ in first }
        #expect(value["FOISA reviews answered on time"] == "1")
        #expect(value["FOISA reviews answered late"] == "0")
        #expect(value["FOISA reviews with no response"] == "1")
        #expect(value["FOISA reviews deciding for the first time"] == "1")
    }
}

/// Audit M14: the ICO's own measure counts the requests closed in the period, whenever they fell due, and those
/// overdue at its end; FOISA's are the SIC's and left out.
@Suite struct ClosedInPeriodTests {
    func entry(_ ref: String, _ regime: Regime, due: String, answered: String?) -> TimelinessEntry {
        TimelinessEntry(
            reference: CaseReference(rawValue: ref), regime: regime, kind: .request, statutoryDue: d(due), due: d(due),
            answered: answered.map(d))
    }

    @Test func theICOCountsWhatWasClosedInThePeriod() {
        let entries = [
            entry("A", .foia, due: "2026-07-10", answered: "2026-07-08"),  // closed in time
            entry("B", .eir, due: "2026-06-20", answered: "2026-07-02"),  // fell due in Q2, closed late in Q3
            entry("C", .foia, due: "2026-09-25", answered: nil),  // overdue on 30 Sep
            entry("D", .foisa, due: "2026-08-01", answered: "2026-08-01"),  // the SIC's
            entry("E", .foia, due: "2026-10-05", answered: "2026-09-20"),  // falls due in Q4, closed in Q3
            entry("F", .foia, due: "2026-09-29", answered: "2026-10-05"),  // open and overdue on 30 Sep
        ]
        let figures = ClosedInPeriodFigures(
            entries, kind: .request, period: d("2026-07-01")...d("2026-09-30"), asAt: d("2026-10-10"))
        #expect(figures.closed == 3)
        #expect(figures.closedInTime == 2)
        #expect(figures.overdueAtEnd == 2)
        #expect(figures.band == .unsatisfactory)
        #expect(
            ClosedInPeriodFigures(
                entries, kind: .review, period: d("2026-07-01")...d("2026-09-30"), asAt: d("2026-10-10")
            ).closed == 0)
    }
}

/// Audits LD3 and LD4. The authority's appeal against a notice of Mon 1 Jun 2026 is withdrawn on Mon 5 Oct: no
/// permission window (a withdrawal decides nothing), and the steps are due again 35 days on, Mon 9 Nov, from the
/// withdrawal. Against a notice that ordered no steps, the authority's appeal allowed in part leaves none.
@Suite struct AppealEndingTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)

    func clocks(
        notice: DecisionNotice, outcome: AppealOutcome, by appellant: Appellant = .authority,
        decision: AppealDecision? = nil
    ) throws -> [CaseClock] {
        let steps: [(String, CaseEvent)] = [
            ("2026-01-20", .responded(.grantedInFull)), ("2026-01-26", .reviewRequested(ReviewRequest())),
            ("2026-02-10", .reviewDecided(ReviewDecision(outcome: .upheld))),
            ("2026-03-02", .complaintNotified(ComplaintNotice(reference: "IC-A"))),
            ("2026-06-01", .decisionNoticeIssued(notice)),
            ("2026-06-15", .appealLodged(AppealLodging(appellant: appellant, reference: "EA/2026/0001"))),
            ("2026-10-05", .appealDecided(decision ?? AppealDecision(outcome: outcome))),
        ]
        return try foiaCase(in: .open).replaying(
            steps.map { RecordedEvent(date: d($0.0), event: $0.1) }, rules: rules, today: d("2026-10-06")
        ).clocks(calendars: shipped)
    }

    @Test func aWithdrawnAppealLeavesNoPermissionWindow() throws {
        let ordered = DecisionNotice(reference: "DN-A", outcome: .upheld, steps: "disclose the report")
        let after = try clocks(notice: ordered, outcome: .withdrawn)
        #expect(!after.contains { $0.name == .permissionWindow })
        let compliance = try #require(after.last { $0.name == .compliance })
        #expect(compliance.due == d("2026-11-09"))
        #expect(compliance.citation.contains("withdrawal of the appeal"))
        #expect(try clocks(notice: ordered, outcome: .dismissed).contains { $0.name == .permissionWindow })
    }

    @Test func aPartlySuccessfulAppealAgainstANoticeWithoutStepsOrdersNone() throws {
        let noSteps = DecisionNotice(reference: "DN-B", outcome: .upheld, ordersNoSteps: true)
        let after = try clocks(notice: noSteps, outcome: .allowedInPart)
        #expect(!after.contains { $0.name == .compliance && $0.startedOn == d("2026-10-05") })
    }

    /// A requester's appeal allowed on a finding alone (a late answer, s.10) orders no steps (`noSteps`): no duty to
    /// comply follows it; allowed with steps, they are due 35 days after Mon 5 Oct, Mon 9 Nov. A decision that
    /// orders no steps and gives steps is refused.
    @Test func anAppealAllowedWithoutStepsOrdersNone() throws {
        let notUpheld = DecisionNotice(reference: "DN-C", outcome: .notUpheld)
        let none = try clocks(
            notice: notUpheld, outcome: .allowed, by: .requester,
            decision: AppealDecision(outcome: .allowed, ordersNoSteps: true))
        #expect(!none.contains { $0.name == .compliance })
        let ordered = try clocks(
            notice: notUpheld, outcome: .allowed, by: .requester,
            decision: AppealDecision(outcome: .allowed, steps: "answer the request"))
        #expect(ordered.last { $0.name == .compliance }?.due == d("2026-11-09"))
        #expect(throws: LifecycleError.self) {
            try clocks(
                notice: notUpheld, outcome: .allowed, by: .requester,
                decision: AppealDecision(outcome: .allowed, steps: "answer it", ordersNoSteps: true))
        }
    }

    /// Under FOISA and the EIR(S) the appeal lies to the Court of Session (s.56), whose decision the revived duty
    /// names.
    @Test func aScottishAppealsDecisionIsTheCourtOfSessions() {
        let scottish = Clocks.complianceAfterAppeal(decided: d("2026-10-05"), complyBy: nil, scottish: true)
        #expect(scottish.due == d("2026-11-09"))
        #expect(scottish.citation.contains("from the Court of Session's decision"))
        let withdrawn = Clocks.complianceAfterAppeal(
            decided: d("2026-10-05"), complyBy: nil, withdrawn: true, scottish: true)
        #expect(withdrawn.citation.contains("FOISA s.49(7)"))
        #expect(Clocks.complianceAfterAppeal(decided: d("2026-10-05"), complyBy: nil).citation.contains("Tribunal"))
    }
}
