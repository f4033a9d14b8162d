import Testing

@testable import FOIKit

/// Each decision is counted on the line of the Commissioner's form its citation falls under (audit M16).
@Suite struct SICFormLinesTests {
    static func lines(_ citation: String, _ regime: Regime, ncnd: Bool = false) -> Set<String> {
        SICReturn.formLines(of: ExemptionDecision(citation: citation, part: regime, neitherConfirmNorDeny: ncnd))
    }

    @Test func aDecisionIsCountedOnItsSubsectionsLine() {
        #expect(Self.lines("38(1)(b)", .foisa) == ["FOISA 38(1)(b)"])
        #expect(Self.lines("38(1)(a)", .foisa) == ["FOISA 38(1)(a)"])
        #expect(Self.lines("30(b)(ii)", .foisa) == ["FOISA 30(b)(ii)"])
        // Deeper than the form: counted on the form's line above it.
        #expect(Self.lines("28(1)", .foisa) == ["FOISA 28"])
        #expect(Self.lines("35(1)(a)(i)", .foisa) == ["FOISA 35(1)(a)"])
        // A line of two limbs, the second written without its section.
        #expect(Self.lines("40(b)", .foisa) == ["FOISA 40(a)/(b)"])
        #expect(Self.lines("41(a)", .foisa) == ["FOISA 41(a)/(b)"])
        // Less specific than the form, or an outcome of the form rather than an exception line.
        #expect(Self.lines("30", .foisa) == ["FOISA \(SICReturn.unlisted)"])
        #expect(Self.lines("10(4)(a)", .eirs) == ["EIR(S) \(SICReturn.unlisted)"])
        // An EIR(S) refusal to confirm or deny is counted on reg 10(8) (reg 11(6) for personal data) as well.
        #expect(Self.lines("10(5)(a)", .eirs, ncnd: true) == ["EIR(S) 10(5)(a)", "EIR(S) 10(8)"])
        #expect(Self.lines("11(2)", .eirs, ncnd: true) == ["EIR(S) 11(2)", "EIR(S) 11(6)"])
        #expect(Self.lines("31(1)", .foia).isEmpty)
    }
}
