import FOIKit
import FOIResources
import Foundation
import Testing

@testable import FOIViews

/// Letters in Welsh (`letter-language cy`) and in both languages (`en+cy`): Welsh public bodies must offer Welsh
/// correspondence (Welsh Language (Wales) Measure 2011 and the standards made under it), and a bilingual letter puts
/// the Welsh where it is read first. The law's names are given in Welsh (FOIA and the EIR have no Welsh text, so
/// the titles are foi's renderings); the expected sentences below are written from the statute's provisions.
@Suite struct WelshLetterTests {
    static let welsh = AuthorityProfile([
        .letterLanguage: "cy", .name: "Cyngor Sir Borsetshire", .address: "Neuadd y Sir\nBorchester",
        .email: "rhyddid@borsetshire.gov.uk", .reviewContact: "adolygiadau@borsetshire.gov.uk",
        .signature: "Siân Jones\nSwyddog Llywodraethu Gwybodaeth", .authorityType: "other-public-authority",
        .subjectAccessInformation: "Rydym yn cadw eich data i ddarparu gwasanaethau'r cyngor.",
    ])

    /// The steps after which each kind of letter can be written, under `regime`.
    static func steps(for kind: LetterKind, _ regime: Regime) -> [(String, CaseEvent)] {
        switch kind {
        case .acknowledgement: []
        case .clarification: [("2026-09-03", .clarificationRequested(note: "Pa flynyddoedd?"))]
        case .feesNotice: [("2026-09-10", .feeNoticeIssued(amount: "£20"))]
        case .extension:
            regime == .foia
                ? [
                    (
                        "2026-09-20",
                        .exemptionApplied(ExemptionDecision(citation: "43(2)", part: .foia, publicInterest: .maintain))
                    ),
                    ("2026-09-25", .extended(workingDays: 20, reason: nil)),
                ] : [("2026-09-25", .extended(workingDays: nil, reason: nil))]
        case .response: [("2026-09-28", .responded(.grantedInFull))]
        case .reviewAcknowledgement:
            [("2026-09-28", .responded(.grantedInFull)), ("2026-10-01", .reviewRequested(ReviewRequest()))]
        case .reviewOutcome:
            [
                ("2026-09-28", .responded(.grantedInFull)), ("2026-10-01", .reviewRequested(ReviewRequest())),
                ("2026-10-20", .reviewDecided(ReviewDecision(outcome: .upheld))),
            ]
        }
    }

    /// Every kind of letter, under each regime of Wales, is written from its Welsh template: addressed, signed and
    /// referenced in Welsh, with none of the English templates' words (what the officer typed, and the markers of a
    /// draft's gaps, are left as they are).
    @Test(arguments: [Regime.foia, .eir, .sar])
    func everyLetterIsWrittenInWelsh(regime: Regime) throws {
        let english = [
            "Dear", "Yours sincerely", "Our reference", "request", " the ", "We ", " we ", " our ", "Section ",
            "Regulation ", "January", "September", "October", "Information Commissioner",
        ]
        for kind in LetterKind.allCases {
            let letter = try LetterTests.letter(
                kind, regime, after: Self.steps(for: kind, regime), on: "2026-10-20", requester: Requester(name: "Ann"),
                profile: Self.welsh)
            let text = letter.markdown.replacing(/\[MISSING: [^\]]*\]/, with: "")
            #expect(text.contains("Ein cyfeirnod: R-1\nDyddiad: 20 Hydref 2026"), "\(kind) \(regime)")
            #expect(text.contains("Annwyl Ann,"))
            #expect(text.contains("Yn gywir,\n\nSiân Jones"))
            #expect(text.contains("i law ar 1 Medi 2026") || kind == .reviewAcknowledgement, "\(kind) \(regime)")
            for word in english { #expect(!text.contains(word), "\(kind) \(regime) has '\(word)':\n\(text)") }
        }
    }

    /// A FOIA refusal in Welsh: the s.17 notice, the exemptions by their Welsh titles, each part's answer with the
    /// provisions it is withheld under (soft-mutated after "o dan"), and the right to complain under s.50.
    @Test func aWelshRefusalCitesTheLawInWelsh() throws {
        let letter = try LetterTests.letter(
            .response, .foia,
            after: [
                ("2026-09-20", .exemptionApplied(ExemptionDecision(citation: "40(2)", part: .foia))),
                (
                    "2026-09-20",
                    .exemptionApplied(ExemptionDecision(citation: "43(2)", part: .foia, publicInterest: .maintain))
                ),
                (
                    "2026-09-21",
                    .reasoningRecorded(
                        ExemptionReasoning(
                            citation: "43(2)", part: .foia, engaged: "Byddai'r prisiau'n dangos ein helw.",
                            requestParts: ["1", "2"]))
                ),
                (
                    "2026-09-22",
                    .answerRecorded(PartAnswer(part: "1", finding: .withheld, exemptions: ["40(2)", "43(2)"]))
                ),
                ("2026-09-22", .answerRecorded(PartAnswer(part: "2", finding: .notHeld))),
                ("2026-09-28", .responded(.partiallyWithheld)),
            ], on: "2026-09-28", profile: Self.welsh)
        let markdown = letter.markdown
        for expected in [
            "# Deddf Rhyddid Gwybodaeth 2000: cais R-1",
            "Felly, hysbysiad gwrthod o dan adran 17 o Ddeddf Rhyddid Gwybodaeth 2000 yw'r llythyr hwn, a dyma'r "
                + "esemptiadau y dibynnir arnynt:\n\n- Adran 40(2) – Gwybodaeth bersonol\n- Adran 43(2) – Buddiannau "
                + "masnachol",
            "mae'r gweddill yn cael ei dal yn ôl oherwydd ei bod wedi'i hesemptio rhag ei datgelu.",
            "### Rhan 1\n\nRydym yn dal yr wybodaeth hon, ac rydym yn ei dal yn ôl o dan adrannau 40(2) a 43(2), am y "
                + "rhesymau a roddir isod.",
            "### Rhan 2\n\nNid ydym yn dal yr wybodaeth hon.",
            "### Adran 40(2) – Gwybodaeth bersonol\n\nMae hwn yn esemptiad absoliwt",
            "Mae hyn yn berthnasol i rannau 1 a 2 o'ch cais.",
            "**Ffactorau o blaid datgelu**",
            "gallwch gwyno i Swyddfa'r Comisiynydd Gwybodaeth o dan adran 50 o Ddeddf Rhyddid Gwybodaeth 2000",
        ] {
            #expect(markdown.contains(expected), "lacks: \(expected)\n\(markdown)")
        }
    }

    /// The EIR's notice is given under regulation 14, an exception is an "eithriad", and the reconsideration of
    /// regulation 11 is offered; a subject access restriction is cited by the DPA 2018's schedule and paragraph.
    @Test func environmentalAndSubjectAccessLettersNameTheirOwnLaw() throws {
        let eir = try LetterTests.letter(
            .response, .eir,
            after: [
                (
                    "2026-09-20",
                    .exemptionApplied(ExemptionDecision(citation: "12(5)(e)", part: .eir, publicInterest: .maintain))
                ),
                ("2026-09-28", .responded(.withheldInFull)),
            ], on: "2026-09-28", profile: Self.welsh)
        #expect(eir.markdown.contains("hysbysiad gwrthod o dan reoliad 14 o Reoliadau Gwybodaeth Amgylcheddol 2004"))
        #expect(eir.markdown.contains("a dyma'r eithriadau y dibynnir arnynt"))
        #expect(eir.markdown.contains("- Rheoliad 12(5)(e) – Cyfrinachedd gwybodaeth fasnachol neu ddiwydiannol"))
        #expect(eir.markdown.contains("O dan reoliad 11 o Reoliadau Gwybodaeth Amgylcheddol 2004 gallwch gyflwyno"))
        let sar = try LetterTests.letter(
            .response, .sar,
            after: [
                ("2026-09-20", .exemptionApplied(ExemptionDecision(citation: "SCH2P16", part: .sar))),
                ("2026-09-28", .responded(.partiallyWithheld)),
            ], on: "2026-09-28", profile: Self.welsh)
        #expect(
            sar.markdown.contains(
                "- Atodlen 2, paragraff 16 i Ddeddf Diogelu Data 2018 – Diogelu hawliau pobl eraill (data personol "
                    + "trydydd partïon)"))
        #expect(sar.markdown.contains("o dan Erthygl 12(4) o GDPR y DU yw'r llythyr hwn"))
        #expect(sar.markdown.contains("## Ynglŷn â'ch data personol"))
    }

    /// A refusal on cost quotes the appropriate limit of the Fees Regulations (reg 3(3): £450 for an authority
    /// outside Schedule 1 Part I; reg 4(4): £25 an hour) and the estimate: 50 hours is £1250.
    @Test func aWelshCostRefusalQuotesTheLimit() throws {
        let letter = try LetterTests.letter(
            .response, .foia,
            after: [
                (
                    "2026-09-28",
                    .responded(
                        .refusedCost,
                        ResponseDetails(
                            advice: "Gellid ateb cais am un flwyddyn.", estimateHours: 50,
                            estimateBasis: "dod o hyd i 200 o ffeiliau"))
                )
            ], on: "2026-09-28", profile: Self.welsh)
        #expect(
            letter.markdown.contains(
                "costio mwy na'r terfyn priodol a bennir gan Reoliadau Rhyddid Gwybodaeth a Diogelu Data (Terfyn "
                    + "Priodol a Ffioedd) 2004 (£450, gydag amser staff ar £25 yr awr)"))
        #expect(letter.markdown.contains("Ein hamcangyfrif yw 50 awr o waith, £1250: dod o hyd i 200 o ffeiliau."))
        #expect(letter.markdown.contains("## Cyngor a chymorth\n\nGellid ateb cais am un flwyddyn."))
    }

    /// A bilingual letter is the Welsh and then the English, each whole: one text (whose digest the history
    /// records), a page whose halves carry their languages, the English on a new page when printed.
    @Test func aBilingualLetterPutsTheWelshFirst() throws {
        var profile = Self.welsh
        profile[.letterLanguage] = "en+cy"
        let letter = try LetterTests.letter(
            .acknowledgement, .foia, on: "2026-09-02", requester: Requester(name: "Ann"), profile: profile)
        let markdown = letter.markdown
        let welsh = try #require(markdown.range(of: "Annwyl Ann,"))
        let english = try #require(markdown.range(of: "Dear Ann,"))
        #expect(welsh.lowerBound < english.lowerBound)
        #expect(markdown.contains("Yn gywir,\n\nSiân Jones\nSwyddog Llywodraethu Gwybodaeth\n\n---\n\nCyngor Sir"))
        // The same due date in each language (the helper's case summary gives Tue 1 Dec 2026).
        #expect(markdown.contains("ac erbyn 1 Rhagfyr 2026 fan bellaf"))
        #expect(markdown.contains("no later than 1 December 2026"))
        #expect(letter.digest == SHA256.hex(Array(markdown.utf8)))
        let html = letter.html
        #expect(html.contains("<html lang=\"cy-GB\">"))
        #expect(html.contains("<hr class=\"page-break\">\n<div lang=\"en-GB\">"))
        #expect(html.components(separatedBy: "<p>Annwyl Ann,</p>").count == 2)
    }

    /// FOISA and the EIR(S) are Scotland's: a Welsh letter for such a request is refused, saying why.
    @Test func aScottishRequestIsNotWrittenInWelsh() throws {
        #expect(throws: LetterError.notInWelsh(.acknowledgement, .foisa)) {
            try LetterTests.letter(.acknowledgement, .foisa, on: "2026-09-02", profile: Self.welsh)
        }
        var bilingual = Self.welsh
        bilingual[.letterLanguage] = "en+cy"
        #expect(throws: LetterError.notInWelsh(.response, .eirs)) {
            try LetterTests.letter(
                .response, .eirs, after: [("2026-09-28", .responded(.grantedInFull))], on: "2026-09-28",
                profile: bilingual)
        }
    }

    /// Welsh dates: every month by its Welsh name.
    @Test func welshDatesNameTheMonthInWelsh() throws {
        let months = (1...12).map { month in
            LetterVocabulary.welsh.date(CivilDate(year: 2027, month: month, day: 1)!)
        }
        #expect(
            months == [
                "1 Ionawr 2027", "1 Chwefror 2027", "1 Mawrth 2027", "1 Ebrill 2027", "1 Mai 2027", "1 Mehefin 2027",
                "1 Gorffennaf 2027", "1 Awst 2027", "1 Medi 2027", "1 Hydref 2027", "1 Tachwedd 2027",
                "1 Rhagfyr 2027",
            ])
    }
}
