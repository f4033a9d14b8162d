import FOIKit
import FOIResources
import Testing

let catalogue = try! ExemptionCatalogue(json: Seeds.exemptionsJSON)

/// A FOIA case received on Mon 5 Jan 2026, brought to `status` by its usual steps.
func foiaCase(in status: CaseStatus) throws -> Case {
    var file = Case(
        reference: CaseReference(rawValue: "FOI-2026-000001"), received: d("2026-01-05"),
        receipt: Receipt(regime: .foia, subject: "Test"))
    func step(_ date: String, _ event: CaseEvent) throws {
        try file.apply(RecordedEvent(date: d(date), event: event), catalogue: catalogue)
    }
    switch status {
    case .open: break
    case .awaitingClarification: try step("2026-01-06", .clarificationRequested(note: nil))
    case .awaitingFee: try step("2026-01-06", .feeNoticeIssued(amount: "£10"))
    case .extended:
        try step(
            "2026-01-20",
            .exemptionApplied(ExemptionDecision(citation: "31(1)(a)", part: .foia, publicInterest: .maintain)))
        try step("2026-01-21", .extended(workingDays: 20, reason: nil))
    case .responded: try step("2026-01-20", .responded(.grantedInFull))
    case .withdrawn: try step("2026-01-07", .withdrawn(reason: nil))
    case .transferred: try step("2026-01-07", .transferred(to: "Home Office"))
    case .lapsed:
        try step("2026-01-06", .clarificationRequested(note: nil))
        try step("2026-04-06", .clarificationLapsed)
    }
    #expect(file.status == status)
    return file
}

@Suite struct LifecycleTests {
    /// Every (status, step) pair: the step is allowed exactly where the lifecycle table says.
    static let steps: [(CaseEvent, Set<CaseStatus>)] = [
        (.acknowledged, [.open, .awaitingClarification, .awaitingFee, .extended]),
        (.clarificationRequested(note: nil), [.open, .extended]),
        (.clarificationReceived, [.awaitingClarification]),
        (.clarificationLapsed, [.awaitingClarification]),
        (.feeNoticeIssued(amount: nil), [.open, .extended]),
        (.feePaid, [.awaitingFee]),
        (.feeLapsed, [.awaitingFee]),
        (.transferred(to: "another authority"), [.open, .awaitingClarification, .awaitingFee, .extended]),
        (.withdrawn(reason: nil), [.open, .awaitingClarification, .awaitingFee, .extended]),
        (.searchRecorded(Search(location: "Records", held: true, hours: 1)), [.open, .extended, .awaitingFee]),
        (
            .exemptionApplied(ExemptionDecision(citation: "24(1)", part: .foia, publicInterest: .maintain)),
            [.open, .extended]
        ),
        (.responded(.grantedInFull), [.open, .extended]),
        (.note("called the requester"), Set(CaseStatus.allCases)),
        (.reopened(reason: "new information found"), [.responded, .withdrawn, .transferred, .lapsed]),
    ]

    @Test(arguments: CaseStatus.allCases)
    func eachStepIsAllowedExactlyWhereTheTableSays(status: CaseStatus) throws {
        let file = try foiaCase(in: status)
        for (event, allowed) in Self.steps {
            let recorded = RecordedEvent(date: d("2026-05-01"), event: event)
            if allowed.contains(status) {
                #expect(throws: Never.self, "\(event.kind) in \(status)") {
                    _ = try file.applying(recorded, catalogue: catalogue)
                }
            } else {
                #expect(throws: LifecycleError.self, "\(event.kind) in \(status)") {
                    _ = try file.applying(recorded, catalogue: catalogue)
                }
            }
        }
    }

    /// s.10(3) extends the time only while the public interest is weighed (audit M13): s.40(2) with no public
    /// interest conclusion (its first condition, absolute under s.2(3)(f)) gives no extension; recorded with a
    /// conclusion (a condition that is qualified), it does, as s.31(1)(a) does.
    @Test func aPublicInterestExtensionNeedsAQualifiedExemption() throws {
        let rules = CaseRules(catalogue: catalogue, calendars: shipped)
        let file = Case(
            reference: CaseReference(rawValue: "PIT-1"), received: d("2026-01-05"),
            receipt: Receipt(regime: .foia, subject: "Test"))
        func extend(after decision: ExemptionDecision) throws -> CaseStep {
            try file.steps(
                [
                    RecordedEvent(date: d("2026-01-20"), event: .exemptionApplied(decision)),
                    RecordedEvent(date: d("2026-01-21"), event: .extended(workingDays: 20, reason: nil)),
                ], rules: rules, today: d("2026-02-01")
            ).last!
        }
        let refused = try #require(throws: LifecycleError.self) {
            try extend(after: ExemptionDecision(citation: "40(2)", part: .foia))
        }
        #expect(refused.description.contains("apply a qualified exemption first"))
        for qualified in [
            ExemptionDecision(citation: "40(2)", part: .foia, publicInterest: .maintain),
            ExemptionDecision(citation: "31(1)(a)", part: .foia, publicInterest: .maintain),
        ] {
            #expect(try extend(after: qualified).state.file.status == .extended)
        }
    }

    /// A new case opened from its request, then later steps each taken on the case as the one before left it:
    /// received Mon 5 Jan 2026, due on the 20th working day after, Mon 2 Feb; a response after an acknowledgement
    /// closes the request; a response before the receipt is refused.
    @Test func aCaseIsOpenedAndLaterStepsFollowOneAnother() throws {
        let rules = CaseRules(catalogue: catalogue, calendars: shipped)
        let request = NewCase(
            received: d("2026-01-05"), receipt: Receipt(regime: .foia, subject: "Test"), requestText: "All of it")
        let opened = try request.opened(as: CaseReference(rawValue: "FOI-1"), rules: rules, today: d("2026-02-01"))
        #expect(opened.file.history.map(\.event.kind) == [.received, .requestRecorded])
        #expect(opened.deadline.due == d("2026-02-02"))
        let steps = try opened.file.steps(
            [
                RecordedEvent(date: d("2026-01-06"), event: .acknowledged),
                RecordedEvent(date: d("2026-01-20"), event: .responded(.grantedInFull)),
            ], rules: rules, today: d("2026-02-01"))
        #expect(steps.map(\.state.file.history.count) == [3, 4])
        #expect(steps.last?.state.file.status == .responded)
        #expect(throws: LifecycleError.self) {
            try opened.file.steps(
                [RecordedEvent(date: d("2026-01-02"), event: .responded(.grantedInFull))], rules: rules,
                today: d("2026-02-01"))
        }
    }

    @Test func refusalSaysWhyAndWhatToDo() throws {
        let file = try foiaCase(in: .awaitingClarification)
        #expect(
            throws: LifecycleError.notAllowed(
                action: "record a response", status: .awaitingClarification, since: d("2026-01-06"),
                remedy: .recordClarification)
        ) {
            try file.applying(
                RecordedEvent(date: d("2026-01-20"), event: .responded(.grantedInFull)), catalogue: catalogue)
        }
        let message =
            LifecycleError.notAllowed(
                action: "record a response", status: .awaitingClarification, since: d("2023-11-02"),
                remedy: .recordClarification
            ).description
        #expect(
            message
                == "cannot record a response: the case is awaiting clarification since 2023-11-02; record the "
                + "clarification first, or withdraw the case"
        )
    }

    @Test func statusAndDeadlineFollowTheEvents() throws {
        var file = try foiaCase(in: .open)
        #expect(try file.deadline(calendars: shipped).due == d("2026-02-02"))
        try file.apply(
            RecordedEvent(date: d("2026-01-07"), event: .clarificationRequested(note: "which year?")),
            catalogue: catalogue)
        #expect(try file.deadline(calendars: shipped).due == nil)
        try file.apply(RecordedEvent(date: d("2026-01-20"), event: .clarificationReceived), catalogue: catalogue)
        #expect(file.status == .open)
        #expect(try file.deadline(calendars: shipped).due == d("2026-02-17"))
        try file.apply(RecordedEvent(date: d("2026-02-20"), event: .responded(.notHeld)), catalogue: catalogue)
        #expect(file.status == .responded)
        #expect(file.outcome == .notHeld)
        try file.apply(
            RecordedEvent(date: d("2026-03-02"), event: .reopened(reason: "found more")), catalogue: catalogue)
        #expect(file.status == .open)
        #expect(file.outcome == nil)
        // Replaying the history gives the same case.
        #expect(try Case(reference: file.reference, history: file.history, catalogue: catalogue) == file)
    }

    /// Citations as the seeds' refusal notices write them are valid, combined forms included; a subsection or
    /// paragraph the section does not have is refused with the section's provisions.
    @Test(arguments: [
        ("31(1)(a)", true), ("24", true), ("31(3)", true), ("27(1)(a)(c)", true), ("31(1)(a)(b)", true),
        ("40(2)(3A)(a)", true), ("30(1)(a)(i)", true), ("36(2)(b)(ii)", true), ("37(1)(ad)", true), ("23(3)(n)", true),
        ("31(banana)", false), ("40(99)(zz)", false), ("31(1)(j)", false), ("31(2)(k)", false), ("31(1)(a", false),
        ("31()", false), ("31(4)", false), ("30(1)(a)(v)", false), ("23(3)(o)", false), ("31(1)x", false),
    ])
    func citationsNameProvisionsTheCatalogueKnows(citation: String, valid: Bool) throws {
        let file = try foiaCase(in: .open)
        let section = String(citation.prefix { $0.isNumber })
        let entry = try #require(catalogue.exemption(citing: section, in: .foia))
        #expect(entry.names(citation) == valid)
        if valid {
            #expect(throws: Never.self) { try file.exemptionDecision(citing: "s. " + citation, catalogue: catalogue) }
        } else {
            #expect(throws: LifecycleError.self) { try file.exemptionDecision(citing: citation, catalogue: catalogue) }
        }
    }

    /// A refusal notice specifies the exemption (FOIA s.17(1)(b); audit L9): a new decision that stops where the
    /// limbs are alternatives (s.31(1)'s purposes, s.36(2)'s limbs, a bare s.31) is refused with the limbs and an
    /// example; one whose limbs are conditions met together (s.40(2)(a) and (b)) is cited whole.
    @Test(arguments: [
        ("31", "31(1) to 31(3)", "31(1)(a)"), ("31(1)", "31(1)(a) to 31(1)(i)", "31(1)(a)"),
        ("36(2)", "36(2)(a) to 36(2)(c)", "36(2)(a)"), ("27(1)", "27(1)(a) to 27(1)(d)", "27(1)(a)"),
    ])
    func aCitationNamesTheLimbsRelied(citation: String, limbs: String, example: String) throws {
        let file = try foiaCase(in: .open)
        let error = try #require(throws: LifecycleError.self) {
            try file.exemptionDecision(citing: citation, catalogue: catalogue)
        }
        #expect(error.description.hasPrefix("'\(citation)' does not say which limb of "))
        #expect(error.description.contains("(\(limbs)), and a refusal notice must specify the exemption"))
        #expect(error.description.hasSuffix("cite the limbs relied on, e.g. \(example)"))
        for named in ["31(1)(a)", "31(1)(a)(b)", "40(2)", "43(2)", "21", "36(2)(b)(i)"] {
            #expect(throws: Never.self) {
                try file.exemptionDecision(citing: named, publicInterest: .maintain, catalogue: catalogue)
            }
        }
        // A history recorded before keeps its citations: only a new decision is checked.
        let replayed = try foiaCase(in: .open).replaying(
            [
                RecordedEvent(
                    date: d("2026-01-10"),
                    event: .exemptionApplied(
                        ExemptionDecision(citation: "31(1)", part: .foia, publicInterest: .maintain)))
            ], rules: CaseRules(catalogue: catalogue, calendars: shipped), today: d("2026-01-20"))
        #expect(replayed.exemptions.map(\.citation) == ["31(1)"])
    }

    @Test func anUnknownSubsectionIsRefusedWithTheSectionsProvisions() throws {
        let file = try foiaCase(in: .open)
        let error = try #require(throws: LifecycleError.self) {
            try file.exemptionDecision(citing: "31(banana)", catalogue: catalogue)
        }
        #expect(
            error.description
                == "'31(banana)' is not a provision of s.31 Law enforcement, whose provisions are 31(1)(a)-(i), "
                + "31(2)(a)-(j), 31(3); check the citation")
        // EIR exceptions are catalogued at their paragraph, which has none below it.
        let eir = try #require(catalogue.exemption(citing: "12(5)(e)", in: .eir))
        #expect(eir.names("12(5)(e)") && !eir.names("12(5)(e)(i)"))
        let scottish = try #require(catalogue.exemption(citing: "30", in: .foisa))
        #expect(scottish.names("30(b)(i)") && scottish.names("30(a)(c)") && !scottish.names("30(1)"))
    }

    @Test func exemptionsAreCheckedAgainstTheCatalogueAndTheRegime() throws {
        let file = try foiaCase(in: .open)
        func apply(_ decision: ExemptionDecision) throws {
            _ = try file.applying(
                RecordedEvent(date: d("2026-01-10"), event: .exemptionApplied(decision)), catalogue: catalogue)
        }
        #expect(throws: Never.self) {
            try apply(ExemptionDecision(citation: "23(5)", part: .foia, neitherConfirmNorDeny: true))
        }
        #expect(throws: Never.self) {
            try apply(ExemptionDecision(citation: "12(5)(e)", part: .eir, publicInterest: .maintain))
        }
        #expect(throws: LifecycleError.unknownExemption(citation: "25(1)", regime: .foia, elsewhere: [.foisa])) {
            try apply(ExemptionDecision(citation: "25(1)", part: .foia))
        }
        #expect(throws: LifecycleError.unknownExemption(citation: "12(5)(e)", regime: .foia, elsewhere: [.eir])) {
            try apply(ExemptionDecision(citation: "12(5)(e)", part: .foia, publicInterest: .maintain))
        }
        #expect(
            throws: LifecycleError.ncndNotAvailable(citation: "s.21 Information accessible to applicant by other means")
        ) {
            try apply(ExemptionDecision(citation: "21", part: .foia, neitherConfirmNorDeny: true))
        }
        #expect(throws: LifecycleError.publicInterestRequired(citation: "s.31 Law enforcement")) {
            try apply(ExemptionDecision(citation: "31(1)(a)", part: .foia))
        }
        #expect(throws: LifecycleError.partNotAllowed(part: .foisa, caseRegime: .foia)) {
            try apply(ExemptionDecision(citation: "35(1)(a)", part: .foisa, publicInterest: .maintain))
        }
    }

    @Test func extensionsFollowTheRegime() throws {
        let foia = try foiaCase(in: .open)
        let extend = RecordedEvent(date: d("2026-01-20"), event: .extended(workingDays: 20, reason: nil))
        // No qualified exemption yet.
        #expect(throws: LifecycleError.self) { try foia.applying(extend, catalogue: catalogue) }
        let foisa = Case(
            reference: CaseReference(rawValue: "S-1"), received: d("2026-01-05"),
            receipt: Receipt(regime: .foisa, subject: "x"))
        #expect(
            throws: LifecycleError.extensionNotAvailable(
                reason: "FOISA allows no extension of its 20 working days", remedy: nil)
        ) {
            try foisa.applying(
                RecordedEvent(date: d("2026-01-20"), event: .extended(workingDays: nil, reason: nil)),
                catalogue: catalogue)
        }
        var eir = Case(
            reference: CaseReference(rawValue: "E-1"), received: d("2026-01-05"),
            receipt: Receipt(regime: .eir, subject: "x"))
        try eir.apply(
            RecordedEvent(date: d("2026-01-20"), event: .extended(workingDays: nil, reason: "complex and voluminous")),
            catalogue: catalogue)
        #expect(try eir.deadline(calendars: shipped).due == d("2026-03-02"))
    }

    @Test func datesBeforeReceiptOrBeforeTheirCauseAreRefused() throws {
        let file = try foiaCase(in: .open)
        #expect(
            throws: LifecycleError.beforeReceipt(
                action: "record a response", date: d("2026-01-02"), received: d("2026-01-05"))
        ) {
            try file.applying(
                RecordedEvent(date: d("2026-01-02"), event: .responded(.grantedInFull)), catalogue: catalogue)
        }
        let awaitingFee = try foiaCase(in: .awaitingFee)
        #expect(
            throws: LifecycleError.beforeItsCause(
                action: "record a fee payment", date: d("2026-01-05"), cause: "fees notice", causeDate: d("2026-01-06"))
        ) {
            try awaitingFee.applying(RecordedEvent(date: d("2026-01-05"), event: .feePaid), catalogue: catalogue)
        }
        #expect(throws: LifecycleError.exemptionRequired(.withheldInFull)) {
            try file.applying(
                RecordedEvent(date: d("2026-01-20"), event: .responded(.withheldInFull)), catalogue: catalogue)
        }
    }

    @Test func catalogueCoversEveryRegimeWithTheRightKinds() {
        #expect(catalogue.exemption(citing: "s.23(5)", in: .foia)?.kind == .absolute)
        #expect(catalogue.exemption(citing: "section 43(2)", in: .foia)?.kind == .qualified)
        #expect(catalogue.exemption(citing: "22A(1)", in: .foia)?.section == "22A")
        #expect(catalogue.exemption(citing: "reg 12(4)(b)", in: .eir)?.title == "Request manifestly unreasonable")
        #expect(catalogue.exemption(citing: "30(b)(i)", in: .foisa)?.ncnd == "s.18")
        #expect(catalogue.exemption(citing: "21", in: .foia)?.ncnd == nil)
        #expect(catalogue.exemption(citing: "25", in: .foia) == nil)
        #expect(catalogue.exemptions.filter { $0.regime == .foia }.count == 24)
        #expect(catalogue.exemptions.filter { $0.regime == .foisa }.count == 17)
    }
}

/// A step is recorded once it has happened.
@Suite struct TodayTests {
    @Test func aStepAfterTodayIsRefused() throws {
        let file = Case(
            reference: CaseReference(rawValue: "FOI-2026-000001"), received: d("2026-11-02"),
            receipt: Receipt(regime: .foia, subject: "x"))
        let rules = CaseRules(catalogue: catalogue, calendars: shipped)
        let response = RecordedEvent(date: d("2026-11-21"), event: .responded(.notHeld))
        #expect(
            throws: LifecycleError.afterToday(
                action: "record a response", date: d("2026-11-21"), today: d("2026-11-20"))
        ) {
            try file.step(response, rules: rules, today: d("2026-11-20"))
        }
        #expect(try file.step(response, rules: rules, today: d("2026-11-21")).state.file.status == .responded)
        #expect(throws: LifecycleError.self) { try file.replaying([], rules: rules, today: d("2026-11-01")) }
    }
}

/// A new step is not dated before the step it follows. Dates counted on a 2026 calendar; today is 21 November.
@Suite struct StepOrderTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)
    let today = d("2026-11-21")

    /// The case received on Monday 2 March 2026 after `history`, then `step`: the error's text, or nil if recorded.
    func refusal(after history: [(String, CaseEvent)], _ step: (String, CaseEvent)) throws -> String? {
        let file = try Case(
            reference: CaseReference(rawValue: "FOI-2026-000001"), received: d("2026-03-02"),
            receipt: Receipt(regime: .foia, subject: "x")
        ).replaying(history.map { RecordedEvent(date: d($0.0), event: $0.1) }, rules: rules, today: today)
        do {
            _ = try file.step(RecordedEvent(date: d(step.0), event: step.1), rules: rules, today: today)
            return nil
        } catch {
            return error.description
        }
    }

    let clarified: [(String, CaseEvent)] = [
        ("2026-03-04", .clarificationRequested(note: nil)), ("2026-03-10", .clarificationReceived),
    ]
    let answered: [(String, CaseEvent)] = [("2026-03-20", .responded(.notHeld))]

    @Test func aResponseIsNotDatedBeforeTheClarificationItFollows() throws {
        #expect(
            try refusal(after: clarified, ("2026-03-09", .responded(.notHeld)))
                == "cannot record a response dated 2026-03-09: the clarification was on 2026-03-10; check the date")
        #expect(try refusal(after: clarified, ("2026-03-10", .responded(.notHeld))) == nil)
    }

    @Test func aClarificationDoesNotLapseBeforeItWasRequested() throws {
        let message = try refusal(after: [clarified[0]], ("2026-03-03", .clarificationLapsed))
        #expect(message?.contains("the request for clarification was on 2026-03-04") == true)
    }

    @Test func aReopeningOrAReviewIsNotDatedBeforeTheResponse() throws {
        #expect(
            try refusal(after: answered, ("2026-03-19", .reopened(reason: "more found")))?
                .contains("the response was on 2026-03-20") == true)
        #expect(
            try refusal(after: answered, ("2026-03-19", .reviewRequested(ReviewRequest())))?
                .contains("the response was on 2026-03-20") == true)
        #expect(try refusal(after: answered, ("2026-03-20", .reviewRequested(ReviewRequest()))) == nil)
    }

    @Test func aDecisionNoticeIsNotSentBeforeItsOwnDate() throws {
        let complaint = answered + [("2026-05-01", .complaintNotified(ComplaintNotice(reference: "IC-1")))]
        let notice = DecisionNotice(reference: "IC-1", outcome: .notUpheld, sent: d("2026-09-01"))
        #expect(
            try refusal(after: complaint, ("2026-09-02", .decisionNoticeIssued(notice)))
                == "cannot record a decision notice sent dated 2026-09-01: the notice's own date was on 2026-09-02; "
                + "check the date")
        #expect(try refusal(after: complaint, ("2026-09-01", .decisionNoticeIssued(notice))) == nil)
    }

    /// Review requested Wed 1 April 2026: its 20 working days skip Good Friday (3 April) and Easter Monday (6
    /// April): Thu 2 (1), Tue 7–Fri 10 (2–5), 13–17 (6–10), 20–24 (11–15), 27–30 (16–19), Fri 1 May (20).
    @Test func aReviewIsExtendedOnlyWhileItIsInTime() throws {
        let review = answered + [("2026-04-01", .reviewRequested(ReviewRequest()))]
        let extend = CaseEvent.reviewExtended(toWorkingDays: 40, reason: "many documents")
        #expect(try refusal(after: review, ("2026-05-01", extend)) == nil)
        #expect(
            try refusal(after: review, ("2026-05-04", extend))?.contains("the review fell due on 2026-05-01") == true)
    }
}

/// EIR reg 12(4)(b) and EIR(S) reg 10(4)(b) take the place of FOIA ss.12 and 14 for environmental information.
@Suite struct EnvironmentalRefusalTests {
    let rules = CaseRules(catalogue: catalogue, calendars: shipped)

    func respond(_ regime: Regime, _ outcome: Outcome, after history: [CaseEvent] = []) throws -> CaseStep {
        let file = try Case(
            reference: CaseReference(rawValue: "EIR-1"), received: d("2026-03-02"),
            receipt: Receipt(regime: regime, subject: "x")
        ).replaying(
            history.map { RecordedEvent(date: d("2026-03-03"), event: $0) }, rules: rules, today: d("2026-11-21"))
        return try file.step(
            RecordedEvent(date: d("2026-03-20"), event: .responded(outcome)), rules: rules, today: d("2026-11-21"))
    }

    @Test(arguments: [(Regime.eir, "12(4)(b)"), (.eirs, "10(4)(b)")])
    func costAndVexatiousRefusalsAreManifestlyUnreasonable(regime: Regime, exception: String) throws {
        for outcome in [Outcome.refusedCost, .refusedVexatious, .refusedRepeated] {
            let error = try #require(throws: LifecycleError.self) { try respond(regime, outcome) }
            #expect(
                error == .outcomeNotInRegime(outcome, regime, remedy: .applyManifestlyUnreasonable(citation: exception))
            )
            #expect(error.description.contains("FOIA ss.12 and 14 do not apply to environmental information"))
        }
        // The route the remedy gives: the exception, then a response that withholds.
        let applied = CaseEvent.exemptionApplied(
            ExemptionDecision(citation: exception, part: regime, publicInterest: .maintain))
        #expect(try respond(regime, .withheldInFull, after: [applied]).state.file.outcome == .withheldInFull)
    }

    /// A data subject has a right to a copy of their personal data (UK GDPR Art. 15(3)): "reasonably accessible
    /// otherwise" is no answer to subject access (audit H4), and the remedy is to give the copy.
    @Test func subjectAccessCannotBeAnsweredWithWhereToFindIt() throws {
        let error = try #require(throws: LifecycleError.self) { try respond(.sar, .adviceOnly) }
        #expect(error == .outcomeNotInRegime(.adviceOnly, .sar, remedy: .useOutcome(.grantedInFull)))
        #expect(error.description.contains("a right to a copy of their personal data (UK GDPR Art. 15(3))"))
        #expect(try respond(.foisa, .adviceOnly).state.file.outcome == .adviceOnly)
    }

    @Test func foiaKeepsItsRefusals() throws {
        #expect(try respond(.foia, .refusedCost).state.file.outcome == .refusedCost)
        #expect(try respond(.foisa, .refusedVexatious).state.file.outcome == .refusedVexatious)
    }
}
