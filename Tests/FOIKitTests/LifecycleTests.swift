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
