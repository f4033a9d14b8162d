import FOIKit
import FOIResources
import Foundation
import Testing

@testable import FOIViews

/// The letter machinery below the command: Markdown escaping, the Markdown read back for HTML, and the templates.
@Suite struct LetterTests {
    /// What a requester typed prints as typed: formatting characters are escaped, and a line that would start a
    /// heading, a list item or a quotation is escaped at its start.
    @Test func typedTextCannotBecomeMarkdown() {
        let escape = MarkdownText().escapeText
        #expect(escape("a *b* _c_ `d` <e> \\f") == #"a \*b\* \_c\_ \`d\` \<e> \\f"#)
        #expect(
            escape("# not a heading\n- not an item\n> not a quote\n1. a numbered line") == """
                \\# not a heading
                \\- not an item
                \\> not a quote
                1. a numbered line
                """)
        let document = LetterDocument(markdown: "Text: " + escape("**<b>** & #1") + "\n")
        #expect(document.blocks == [.paragraph([[.init(text: "Text: **<b>** & #1", bold: false)]])])
        #expect(document.html(title: "t").contains("<p>Text: **&lt;b&gt;** &amp; #1</p>"))
    }

    @Test func theTemplatesSubsetOfMarkdownIsRead() {
        let document = LetterDocument(
            markdown: "# Title\n\nLine one\nLine **two**\n\n- a\n- b\n\n> quoted\n>\n> again\n\n### Small\n")
        #expect(
            document.blocks == [
                .heading(level: 1, [.init(text: "Title", bold: false)]),
                .paragraph([
                    [.init(text: "Line one", bold: false)],
                    [.init(text: "Line ", bold: false), .init(text: "two", bold: true)],
                ]),
                .bullets([[.init(text: "a", bold: false)], [.init(text: "b", bold: false)]]),
                .quotation([[.init(text: "quoted", bold: false)], [], [.init(text: "again", bold: false)]]),
                .heading(level: 3, [.init(text: "Small", bold: false)]),
            ])
    }

    /// Every file of `templates/` is compiled in under its name, as it is on disk.
    @Test func everyTemplateFileIsBuiltIn() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".mustache") }
        #expect(Set(files.map { String($0.dropLast(9)) }) == Set(Seeds.letterTemplates.keys))
        for file in files {
            #expect(
                Seeds.letterTemplates[String(file.dropLast(9))]
                    == (try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)))
        }
        for kind in LetterKind.allCases { #expect(Seeds.letterTemplates[kind.rawValue] != nil) }
    }

    /// Information reasonably accessible otherwise is answered under each regime's own provision (audit H4):
    /// FOIA s.21; FOISA s.25(1) (its s.21 is the review); the EIR and EIR(S) reg 6(1)(b), which relieves only the
    /// form or format asked for. No letter cites another regime's section.
    @Test(arguments: [
        (Regime.foia, "exempt information under section 21 of the Act"),
        (.foisa, "exempt information under section 25(1) of the Act"),
        (.eir, "(regulation 6(1)(b) of the Environmental Information Regulations 2004)"),
        (.eirs, "(regulation 6(1)(b) of the Environmental Information (Scotland) Regulations 2004)"),
    ])
    func informationAccessibleOtherwiseCitesTheRegimesOwnProvision(regime: Regime, provision: String) throws {
        let letter = try Self.response(
            regime,
            after: [
                (
                    "2026-09-28",
                    .responded(.adviceOnly, ResponseDetails(advice: "They are on our website."))
                )
            ])
        #expect(letter.markdown.contains(provision), "\(letter.markdown)")
        let sections = ["section 21", "section 25", "regulation 6(1)(b)"].filter { letter.markdown.contains($0) }
        #expect(sections.count == 1, "\(sections)")
    }

    /// A refusal on the cost of compliance quotes the regime's own regulations, the limit of the authority's type
    /// and the rate, and prices the estimate of the whole job (not the hours searched so far) at that rate, with its
    /// basis and the advice on what the limit allows (audits H3, M12): 50 hours under FOISA at no more than £15 an
    /// hour is £750 (SSI 2004/467), under FOIA at £25 an hour £1,250 (SI 2004/3244 reg 4(4)), against £450 for an
    /// authority outside Schedule 1 Part I (reg 3(3)).
    @Test(arguments: [
        (
            Regime.foisa,
            "amount prescribed set by the Freedom of Information (Fees for Required Disclosure) (Scotland) "
                + "Regulations 2004 (£600, with staff time at no more than £15 an hour)",
            "Our estimate is 50 hours of work, £750: locating 200 files at 15 minutes each. This letter"
        ),
        (
            .foia,
            "appropriate limit set by the Freedom of Information and Data Protection (Appropriate Limit and Fees) "
                + "Regulations 2004 (£450, with staff time at £25 an hour)",
            "Our estimate is 50 hours of work, £1250: locating 200 files at 15 minutes each. This letter"
        ),
    ])
    func aCostRefusalQuotesTheRegimesOwnLimitAndRate(regime: Regime, limit: String, estimate: String) throws {
        let letter = try Self.letter(
            .response, regime,
            after: [
                ("2026-09-10", .searchRecorded(Search(location: "Archive", held: true, hours: 2))),
                (
                    "2026-09-28",
                    .responded(
                        .refusedCost,
                        ResponseDetails(
                            advice: "A request for one year could be answered.", estimateHours: 50,
                            estimateBasis: "locating 200 files at 15 minutes each"))
                ),
            ], on: "2026-09-28", profile: AuthorityProfile([.authorityType: "other-public-authority"]))
        #expect(letter.markdown.contains("## Advice and assistance\n\nA request for one year could be answered."))
        #expect(letter.markdown.contains(limit), "\(letter.markdown)")
        #expect(letter.markdown.contains(estimate))
    }

    /// The s.17(2) notice of a public interest extension names the qualified exemptions whose balance is being
    /// weighed, NCND ones among them, and never says information is held (audit H1; s.17(1)(b), s.17(4)): a case
    /// relying on s.31(3) NCND and on s.40(2), which is absolute (s.2(3)(f)), lists s.31(3) only.
    @Test func theExtensionNoticeKeepsNeitherConfirmNorDeny() throws {
        let letter = try Self.letter(
            .extension, .foia,
            after: [
                (
                    "2026-09-20",
                    .exemptionApplied(
                        ExemptionDecision(
                            citation: "31(3)", part: .foia, neitherConfirmNorDeny: true, publicInterest: .maintain))
                ),
                ("2026-09-20", .exemptionApplied(ExemptionDecision(citation: "40(2)", part: .foia))),
                ("2026-09-25", .extended(workingDays: 20, reason: "PIT")),
            ], on: "2026-09-25")
        #expect(!letter.markdown.contains("We hold"), "\(letter.markdown)")
        #expect(letter.markdown.contains("- Section 31(3) – Law enforcement, as to whether we hold"))
        #expect(letter.markdown.contains("as to whether we hold the information (we neither confirm nor deny"))
        #expect(!letter.markdown.contains("40(2)"))
        #expect(letter.markdown.contains("This letter is a notice under section 17(1) of the Act."))
        #expect(letter.markdown.contains("As section 17(2) of the Act requires, we estimate"))
    }

    /// The s.17(1) notice given with an extension says why each qualified exemption applies (audit M3; s.17(1)(c)).
    @Test func theExtensionNoticeSaysWhyTheExemptionApplies() throws {
        let decision = ExemptionDecision(citation: "43(2)", part: .foia, publicInterest: .maintain)
        let letter = try Self.letter(
            .extension, .foia,
            after: [
                ("2026-09-20", .exemptionApplied(decision)),
                (
                    "2026-09-21",
                    .reasoningRecorded(
                        ExemptionReasoning(
                            citation: "43(2)", part: .foia, engaged: "The prices would show our margins."))
                ),
                ("2026-09-25", .extended(workingDays: 20, reason: "PIT")),
            ], on: "2026-09-25")
        #expect(letter.markdown.contains("Why Section 43(2) applies: The prices would show our margins."))
        let unreasoned = try Self.letter(
            .extension, .foia,
            after: [
                ("2026-09-20", .exemptionApplied(decision)), ("2026-09-25", .extended(workingDays: 20, reason: nil)),
            ],
            on: "2026-09-25")
        #expect(unreasoned.gaps.contains(LetterGap(fix: .reasoning(citation: "43(2)", part: .foia))))
    }

    /// A subject access fee (audit L10): UK GDPR allows a reasonable fee for a manifestly unfounded or excessive
    /// request (Art. 12(5)(a)) or further copies (Art. 15(3)), and the month runs from its receipt (Art. 12(3)); the
    /// notice says so, with no FOIA period for paying it.
    @Test func aSubjectAccessFeeNoticeCitesUKGDPR() throws {
        let letter = try Self.letter(
            .feesNotice, .sar, after: [("2026-09-10", .feeNoticeIssued(amount: "£10"))], on: "2026-09-10")
        #expect(letter.markdown.contains("manifestly unfounded or excessive (Article 12(5)(a))"))
        #expect(letter.markdown.contains("further copies of your personal data (Article 15(3)). The fee is "))
        #expect(letter.markdown.contains("the month for answering it runs from the day it reaches us"))
        #expect(!letter.markdown.contains("three months"))
        #expect(!letter.markdown.contains("section 9"))
    }

    /// FOISA has no duty to confirm or deny: its NCND notice is given by virtue of s.18(1) (audit M1); a FOISA fees
    /// notice carries the s.19 particulars of review and application (audit M9); a subject access clarification
    /// pauses the clock rather than restarting it (audit M10, UK GDPR Art. 12A).
    @Test func scottishAndSubjectAccessNoticesFollowTheirOwnLaw() throws {
        let ncnd = try Self.response(
            .foisa,
            after: [
                (
                    "2026-09-20",
                    .exemptionApplied(
                        ExemptionDecision(
                            citation: "35(1)(a)", part: .foisa, neitherConfirmNorDeny: true, publicInterest: .maintain))
                ),
                ("2026-09-28", .responded(.neitherConfirmNorDeny)),
            ])
        #expect(ncnd.markdown.contains("refusal notice given by virtue of section 18(1) of the Act"))
        #expect(!ncnd.markdown.contains("duty to confirm or deny"))
        let fees = try Self.letter(
            .feesNotice, .foisa, after: [("2026-09-10", .feeNoticeIssued(amount: "£20"))], on: "2026-09-10")
        #expect(fees.markdown.contains("## Your right to require a review"))
        #expect(fees.markdown.contains("(section 20 of the Act)"))
        let clarification = try Self.letter(
            .clarification, .sar, after: [("2026-09-03", .clarificationRequested(note: "Which years?"))],
            on: "2026-09-03")
        #expect(
            clarification.markdown.contains("does not run from the day we asked until the day we receive your reply"))
        #expect(!clarification.markdown.contains("starts again"))
    }

    /// Each letter is dated by the step it gives notice of (audit M2): acknowledged Wed 2 Sep, extended Fri 25 Sep,
    /// answered Mon 12 Oct, a review asked for Mon 19 Oct; a voided acknowledgement dates nothing.
    @Test func aLetterIsDatedByItsStep() throws {
        let rules = CaseRules(catalogue: try ExemptionCatalogue(json: Seeds.exemptionsJSON), calendars: calendars)
        let file = try Case(
            reference: CaseReference(rawValue: "R-1"), received: d("2026-09-01"),
            receipt: Receipt(regime: .foia, subject: "Annual accounts")
        ).replaying(
            [
                ("2026-09-02", CaseEvent.acknowledged),
                (
                    "2026-09-20",
                    .exemptionApplied(ExemptionDecision(citation: "43(2)", part: .foia, publicInterest: .maintain))
                ),
                ("2026-09-25", .extended(workingDays: 20, reason: "PIT")),
                ("2026-10-12", .responded(.withheldInFull)), ("2026-10-19", .reviewRequested(ReviewRequest())),
            ].map { RecordedEvent(date: d($0.0), event: $0.1) }, rules: rules, today: d("2026-11-20"))
        let dates = [LetterKind.acknowledgement, .extension, .response, .reviewAcknowledgement].map {
            $0.defaultDate(of: file)
        }
        #expect(dates == [d("2026-09-02"), d("2026-09-25"), d("2026-10-12"), d("2026-10-19")])
        let voided = try file.replaying(
            [RecordedEvent(date: d("2026-10-20"), event: .voided(VoidedStep(number: 2, reason: "not sent")))],
            rules: rules, today: d("2026-11-20"))
        #expect(LetterKind.acknowledgement.defaultDate(of: voided) == nil)
    }

    /// The answer part by part (audit M4; FOIA s.1(1)(a)): seed 000's request, whose first years were not held and
    /// whose deployments were disclosed, says what is held part by part, and never "We hold the information you
    /// asked for" for every part; a released table stays a table, its cells escaped; the enclosures are scheduled
    /// with their SHA-256.
    @Test func theResponseGivesTheAnswerPartByPart() throws {
        let schedule = Enclosure(
            name: "deployments.xlsx", size: 14_300, digest: String(repeating: "b", count: 64), personal: false)
        let letter = try Self.response(
            .foia,
            after: [
                ("2026-09-10", .answerRecorded(PartAnswer(part: "1", finding: .notHeld))),
                (
                    "2026-09-10",
                    .answerRecorded(
                        PartAnswer(
                            part: "2", finding: .released,
                            text:
                                "Deployments by year:\n\n| Year | Deployments |\n|---|---|\n| 2012 | 5,333 |\n"
                                + "| a\\|b | *x* |",
                            enclosures: [schedule]))
                ),
                ("2026-09-28", .responded(.grantedInFull)),
            ])
        let markdown = letter.markdown
        #expect(!markdown.contains("We hold the information you asked for"), "\(markdown)")
        #expect(
            markdown.contains(
                "We hold some of the information you asked for, and I am pleased to provide all that we hold"))
        #expect(markdown.contains("### Part 1\n\nWe do not hold this information."))
        #expect(
            markdown.contains(
                "### Part 2\n\nWe hold this information, and release it (enclosed):\n\nDeployments by year:"))
        #expect(markdown.contains("| Year | Deployments |\n| --- | --- |\n| 2012 | 5,333 |\n| a\\|b | \\*x\\* |"))
        #expect(
            markdown.contains(
                "## Enclosures\n\n- deployments.xlsx (14 KB; SHA-256 \(String(repeating: "b", count: 64)))"))
        let document = LetterDocument(markdown: markdown)
        #expect(
            document.blocks.contains(
                .table(
                    header: [[.init(text: "Year", bold: false)], [.init(text: "Deployments", bold: false)]],
                    rows: [
                        [[.init(text: "2012", bold: false)], [.init(text: "5,333", bold: false)]],
                        [[.init(text: "a|b", bold: false)], [.init(text: "*x*", bold: false)]],
                    ])))
    }

    /// A reply to a subject access request gives, beside the copy, what UK GDPR Art. 15(1)-(2) requires (the
    /// authority's own account, the sar-information setting) and the data subject's rights (Arts 16-18, 21, 77); a
    /// FOIA reply does not. Without the setting the gap is marked.
    @Test func aSubjectAccessReplyCarriesTheArticleFifteenInformation() throws {
        let account = "We hold your data to deliver council services, and keep it for six years."
        let sar = try Self.letter(
            .response, .sar, after: [("2026-09-20", .responded(.grantedInFull))], on: "2026-09-20",
            profile: AuthorityProfile([.subjectAccessInformation: account]))
        #expect(sar.markdown.contains("## About your personal data"))
        #expect(sar.markdown.contains(account))
        #expect(sar.markdown.contains("(Article 16), to erase it (Article 17), to restrict how we use it (Article 18)"))
        let missing = try Self.letter(
            .response, .sar, after: [("2026-09-20", .responded(.grantedInFull))], on: "2026-09-20")
        #expect(missing.gaps.contains(LetterGap(fix: .setting(.subjectAccessInformation))))
        let foia = try Self.letter(
            .response, .foia, after: [("2026-09-20", .responded(.grantedInFull))], on: "2026-09-20",
            profile: AuthorityProfile([.subjectAccessInformation: account]))
        #expect(!foia.markdown.contains("About your personal data"))
    }

    /// A FOISA review of a failure to respond (received Tue 1 Sep 2026, due Tue 29 Sep) reaches a decision: it
    /// cannot "uphold" one (audit M7, s.21(4)(c)); recorded as procedural after the response, its letter admits the
    /// failure, gives the requester's grounds and the reviewer's findings, and never upholds anything.
    @Test func aReviewOfAFailureToRespondUpholdsNothing() throws {
        let catalogue = try ExemptionCatalogue(json: Seeds.exemptionsJSON)
        let rules = CaseRules(catalogue: catalogue, calendars: calendars)
        let requested = try Case(
            reference: CaseReference(rawValue: "R-1"), received: d("2026-09-01"),
            receipt: Receipt(regime: .foisa, subject: "Annual accounts")
        ).replaying(
            [
                RecordedEvent(
                    date: d("2026-10-01"), event: .reviewRequested(ReviewRequest(grounds: "You never replied.")))
            ], rules: rules, today: d("2026-11-20"))
        #expect(requested.review?.subject == .failureToRespond)
        #expect(throws: LifecycleError.self) {
            try requested.step(
                RecordedEvent(date: d("2026-10-20"), event: .reviewDecided(ReviewDecision(outcome: .upheld))),
                rules: rules, today: d("2026-11-20"))
        }
        let letter = try Self.letter(
            .reviewOutcome, .foisa,
            after: [
                ("2026-10-01", .reviewRequested(ReviewRequest(grounds: "You never replied."))),
                ("2026-10-15", .responded(.grantedInFull)),
                (
                    "2026-10-20",
                    .reviewDecided(
                        ReviewDecision(outcome: .procedural, findings: "The request was missed in the post."))
                ),
            ], on: "2026-10-20")
        let markdown = letter.markdown
        #expect(markdown.contains("You asked us to review our failure to reply to your request in time."))
        #expect(markdown.contains("You asked us to review it because:\n\n> You never replied."))
        #expect(markdown.contains("## What the review found\n\nThe request was missed in the post."))
        #expect(!markdown.contains("upholds"), "\(markdown)")
    }

    /// An EIR reconsideration that finds a failure states the action decided on and its period (audit M8, reg
    /// 11(5)); without it the gap is marked.
    @Test func anEnvironmentalReviewThatFindsAFailureSaysWhatWillBeDone() throws {
        func letter(action: String?) throws -> Letter {
            try Self.letter(
                .reviewOutcome, .eir,
                after: [
                    ("2026-09-20", .responded(.grantedInFull)), ("2026-09-25", .reviewRequested(ReviewRequest())),
                    ("2026-10-20", .reviewDecided(ReviewDecision(outcome: .procedural, action: action))),
                ], on: "2026-10-20")
        }
        #expect(try letter(action: nil).gaps.contains(LetterGap(fix: .reviewAction)))
        let stated = try letter(action: "We will send the missing annex by 3 November 2026.")
        #expect(stated.markdown.contains("## What we will do\n\nWe will send the missing annex by 3 November 2026."))
    }

    /// An EIR request refused under reg 12(4)(b) alone is refused as manifestly unreasonable, without saying the
    /// information is held, and with the advice on narrowing it (audit M6; reg 9).
    @Test func aManifestlyUnreasonableRequestIsRefusedAsSuch() throws {
        let steps: [(String, CaseEvent)] = [
            (
                "2026-09-20",
                .exemptionApplied(ExemptionDecision(citation: "12(4)(b)", part: .eir, publicInterest: .maintain))
            ),
            ("2026-09-28", .responded(.withheldInFull, ResponseDetails(advice: "Ask for one year's readings."))),
        ]
        let letter = try Self.response(.eir, after: steps)
        #expect(letter.markdown.contains("Your request is manifestly unreasonable, so we are refusing it"))
        #expect(!letter.markdown.contains("We hold the information"), "\(letter.markdown)")
        #expect(letter.markdown.contains("## Advice and assistance\n\nAsk for one year's readings."))
        let withoutAdvice = try Self.response(
            .eir, after: [steps[0], ("2026-09-28", .responded(.withheldInFull))])
        #expect(withoutAdvice.gaps.contains(LetterGap(fix: .narrowingAdvice)))
    }

    /// A subject access request refused as manifestly unfounded or excessive gives its reasons (audit M11; UK GDPR
    /// Art. 12(4)); without them the gap is marked.
    @Test func aSubjectAccessRefusalGivesItsReasons() throws {
        let reasons = "It is the fifth identical request this month."
        let refused = try Self.response(
            .sar, after: [("2026-09-28", .responded(.refusedManifestlyUnfounded, ResponseDetails(reasons: reasons)))])
        #expect(refused.markdown.contains("(UK GDPR Article 12(5)). Our reasons are these: \(reasons)"))
        let bare = try Self.response(.sar, after: [("2026-09-28", .responded(.refusedManifestlyUnfounded))])
        #expect(bare.gaps.contains(LetterGap(fix: .refusalReasons)))
    }

    /// Audit lows: the re-use paragraph goes only with information released (L1); a refusal on cost says nothing of
    /// what the searches found (L2); an NCND statement for any other information says no inference is to be drawn
    /// (L4); the ICO's six weeks after a review is "normally" (L6).
    @Test func lettersSayNoMoreThanTheyShould() throws {
        let profile = AuthorityProfile([
            .reuseParagraph: "You may re-use it.", .authorityType: "other-public-authority",
        ])
        let search: (String, CaseEvent) = (
            "2026-09-10", .searchRecorded(Search(location: "Archive", held: true, hours: 2))
        )
        let granted = try Self.letter(
            .response, .foia, after: [search, ("2026-09-28", .responded(.grantedInFull))], on: "2026-09-28",
            profile: profile)
        #expect(granted.markdown.contains("## Re-use of the information"))
        #expect(granted.markdown.contains("information within the request was found"))
        let refused = try Self.letter(
            .response, .foia,
            after: [
                search,
                (
                    "2026-09-28",
                    .responded(
                        .refusedCost,
                        ResponseDetails(advice: "Ask for less.", estimateHours: 30, estimateBasis: "files"))
                ),
            ], on: "2026-09-28", profile: profile)
        #expect(!refused.markdown.contains("Re-use of the information"))
        #expect(!refused.markdown.contains("information within the request was found"), "\(refused.markdown)")
        let ncndOther = try Self.response(
            .foia,
            after: [
                (
                    "2026-09-20",
                    .exemptionApplied(ExemptionDecision(citation: "43(2)", part: .foia, publicInterest: .maintain))
                ),
                (
                    "2026-09-20",
                    .exemptionApplied(
                        ExemptionDecision(citation: "23(5)", part: .foia, neitherConfirmNorDeny: true))
                ),
                ("2026-09-28", .responded(.partiallyWithheld)),
            ])
        #expect(ncndOther.markdown.contains("any such other information does, or does not, exist"))
        let review = try Self.letter(
            .reviewOutcome, .foia,
            after: [
                ("2026-09-20", .responded(.grantedInFull)), ("2026-09-25", .reviewRequested(ReviewRequest())),
                ("2026-10-20", .reviewDecided(ReviewDecision(outcome: .upheld))),
            ], on: "2026-10-20")
        #expect(review.markdown.contains(", normally by "), "\(review.markdown)")
    }

    /// An EIR refusal of unfinished material names who is preparing it and when it will be finished (audit M5; reg
    /// 14(4)); without them the gap is marked.
    @Test func anUnfinishedMaterialRefusalSaysWhenItWillBeFinished() throws {
        let decision = ExemptionDecision(citation: "12(4)(d)", part: .eir, publicInterest: .maintain)
        func letter(_ reasoning: ExemptionReasoning) throws -> Letter {
            try Self.response(
                .eir,
                after: [
                    ("2026-09-20", .exemptionApplied(decision)), ("2026-09-21", .reasoningRecorded(reasoning)),
                    ("2026-09-28", .responded(.withheldInFull)),
                ])
        }
        let stated = try letter(
            ExemptionReasoning(
                citation: "12(4)(d)", part: .eir, engaged: "The survey is a draft.", preparedBy: "the county council",
                finishedBy: "March 2027"))
        #expect(
            stated.markdown.contains(
                "The material is being prepared by the county council, and we expect it to be finished by March 2027."))
        let bare = try letter(ExemptionReasoning(citation: "12(4)(d)", part: .eir, engaged: "The survey is a draft."))
        #expect(bare.gaps.contains(LetterGap(fix: .completion(citation: "12(4)(d)", part: .eir))))
    }

    /// The response letter (a draft) of a case of `regime` received Tue 1 Sep 2026 after `steps`.
    static func response(_ regime: Regime, after steps: [(String, CaseEvent)]) throws -> Letter {
        try letter(.response, regime, after: steps, on: "2026-09-28")
    }

    /// The letter of `kind` (a draft, dated `date`) of a case of `regime` received Tue 1 Sep 2026 after `steps`.
    static func letter(
        _ kind: LetterKind, _ regime: Regime, after steps: [(String, CaseEvent)] = [], on date: String,
        requester: Requester = Requester(name: "A"), channel: Channel = .email, forPublication: Bool = false,
        profile: AuthorityProfile = AuthorityProfile()
    ) throws -> Letter {
        let catalogue = try ExemptionCatalogue(json: Seeds.exemptionsJSON)
        let rules = CaseRules(catalogue: catalogue, calendars: calendars)
        let file = try Case(
            reference: CaseReference(rawValue: "R-1"), received: d("2026-09-01"),
            receipt: Receipt(regime: regime, subject: "Annual accounts", channel: channel)
        ).replaying(steps.map { RecordedEvent(date: d($0.0), event: $0.1) }, rules: rules, today: d("2026-11-20"))
        var summary = answered
        summary.regime = regime
        let detail = CaseDetail(
            summary: summary, requester: requester, events: [],
            deadline: try file.deadline(calendars: calendars), file: file, clocks: try file.clocks(calendars: calendars)
        )
        return try LetterWriter.write(
            kind,
            from: LetterSource(
                detail: detail, profile: profile, calendars: calendars, catalogue: catalogue,
                date: d(date), forPublication: forPublication),
            templates: Seeds.letterTemplates, draft: true)
    }

    /// The addressee above the salutation: by post the name and postal address, by e-mail "By e-mail to" the
    /// address; never in the version for the disclosure log.
    @Test func theLetterIsAddressed() throws {
        let requester = Requester(name: "Ann Smith", email: "ann@example.org", address: "1 High Street\nAnytown")
        let byPost = try Self.letter(
            .acknowledgement, .foia, after: [], on: "2026-09-02", requester: requester, channel: .post)
        #expect(
            byPost.markdown.contains("Date: 2 September 2026\n\nAnn Smith\n1 High Street\nAnytown\n\nDear Ann Smith,"))
        let byEmail = try Self.letter(.acknowledgement, .foia, after: [], on: "2026-09-02", requester: requester)
        #expect(byEmail.markdown.contains("\n\nAnn Smith\nBy e-mail to ann@example.org\n\nDear Ann Smith,"))
        let published = try Self.letter(
            .response, .foia, after: [("2026-09-20", .responded(.grantedInFull))], on: "2026-09-20",
            requester: requester, forPublication: true)
        #expect(!published.markdown.contains("Ann Smith"))
        #expect(!published.markdown.contains("High Street"))
    }

    /// A template that does not parse is refused with its name and line.
    @Test func aMalformedTemplateNamesItsLine() throws {
        let file = Case(
            reference: CaseReference(rawValue: "X"), received: d("2026-11-02"),
            receipt: Receipt(regime: .foia, subject: "Bins"))
        let detail = CaseDetail(
            summary: open, events: [], deadline: try file.deadline(calendars: calendars), file: file, clocks: [])
        let source = LetterSource(
            detail: detail, profile: AuthorityProfile(), calendars: calendars,
            catalogue: try ExemptionCatalogue(json: Seeds.exemptionsJSON), date: d("2026-11-03"))
        var templates = Seeds.letterTemplates
        templates["acknowledgement"] = "Dear {{name}},\n{{#open}}\nnever closed\n"
        #expect(throws: LetterError.self) {
            try LetterWriter.write(.acknowledgement, from: source, templates: templates, draft: true)
        }
        do {
            _ = try LetterWriter.write(.acknowledgement, from: source, templates: templates, draft: true)
        } catch {
            guard case .template(let name, let reason) = error else { throw error }
            #expect(name == "acknowledgement")
            // The parser stops where the section should have ended: at the end of the template.
            #expect(reason == "line 4: a section ({{#name}} or {{^name}}) is never closed ({{/name}})")
        }
    }

    /// Every value a letter can hold is named in the list templates are checked against (and docs/LETTERS.md): a
    /// case with a response, exemptions of each kind with their reasoning, a search and a decided review.
    @Test func everyValueIsAKnownName() throws {
        let catalogue = try ExemptionCatalogue(json: Seeds.exemptionsJSON)
        let rules = CaseRules(catalogue: catalogue, calendars: calendars)
        let steps: [(String, CaseEvent)] = [
            ("2026-11-02", .requestRecorded(text: "1. Everything")),
            ("2026-11-03", .searchRecorded(Search(location: "Files", held: true, hours: 1))),
            (
                "2026-11-04",
                .exemptionApplied(ExemptionDecision(citation: "31(1)(a)", part: .foia, publicInterest: .maintain))
            ),
            (
                "2026-11-04",
                .exemptionApplied(ExemptionDecision(citation: "23(5)", part: .foia, neitherConfirmNorDeny: true))
            ),
            (
                "2026-11-05",
                .reasoningRecorded(
                    ExemptionReasoning(
                        citation: "31(1)(a)", part: .foia, engaged: "Harm", factorsFor: ["For"], factorsAgainst: ["No"],
                        balance: "Kept"))
            ),
            ("2026-11-20", .responded(.partiallyWithheld, ResponseDetails(advice: "Ask for less"))),
            ("2026-11-23", .reviewRequested(ReviewRequest())),
            ("2026-12-01", .reviewDecided(ReviewDecision(outcome: .upheld, withdrawnExemptions: ["23(5)"]))),
        ]
        let file = try Case(
            reference: CaseReference(rawValue: "X"), received: d("2026-11-02"),
            receipt: Receipt(regime: .foia, subject: "Bins")
        ).replaying(steps.map { RecordedEvent(date: d($0.0), event: $0.1) }, rules: rules, today: d("2026-12-02"))
        let detail = CaseDetail(
            summary: answered, requester: Requester(name: "A"), events: [],
            deadline: try file.deadline(calendars: calendars), file: file, clocks: try file.clocks(calendars: calendars)
        )
        let profile = AuthorityProfile(
            Dictionary(uniqueKeysWithValues: AuthorityProfile.Field.allCases.map { ($0, "x") }))
        func keys(_ value: Any) -> Set<String> {
            switch value {
            case let object as [String: Any]: Set(object.keys).union(object.values.flatMap(keys))
            case let array as [Any]: array.reduce(into: []) { $0.formUnion(keys($1)) }
            default: []
            }
        }
        for kind in LetterKind.allCases {
            var context = LetterContext(
                source: LetterSource(
                    detail: detail, profile: profile, calendars: calendars, catalogue: catalogue,
                    date: d("2026-12-02")),
                kind: kind)
            let unknown = keys(context.build()).subtracting(LetterContext.names)
            #expect(unknown.isEmpty, "\(kind): \(unknown.sorted())")
        }
    }
}

/// What a set of templates may not do, however it arrives (edited by hand, from an export): each is refused before
/// a letter is parsed or rendered, naming the template and the line, in time linear in its length.
@Suite struct LetterTemplateCheckTests {
    /// The built-in templates with `name` replaced by (or added as) `text`; why the set is refused, or nil.
    func refusal(_ name: String, _ text: String) -> String? {
        var templates = Seeds.letterTemplates
        templates[name] = text
        do throws(LetterError) {
            try LetterTemplateCheck.check(templates)
            return nil
        } catch {
            guard case .template(let refused, let reason) = error else { return "\(error)" }
            return "\(refused): \(reason)"
        }
    }

    @Test func theBuiltInTemplatesPass() throws {
        #expect(throws: Never.self) { try LetterTemplateCheck.check(Seeds.letterTemplates) }
    }

    @Test func aPartialThatIncludesItselfIsRefused() {
        let letterhead = Seeds.letterTemplates["letterhead"]!
        // The include is on the line after the letterhead's own.
        let line = letterhead.filter { $0 == "\n" }.count + 1
        #expect(
            refusal("letterhead", letterhead + "{{> letterhead}}\n")
                == "letterhead: line \(line): the partial 'letterhead' includes itself (letterhead → letterhead)")
        var templates = Seeds.letterTemplates
        templates["signoff"]! += "{{> letterhead}}\n"
        templates["letterhead"]! += "{{#requester}}{{> signoff}}{{/requester}}\n"
        #expect(throws: LetterError.self) { try LetterTemplateCheck.check(templates) }
        #expect(refusal("a", "{{> b}}") == "a: line 1: there is no partial 'b'")
    }

    @Test func nestingThatWouldExhaustTheParserOrMultiplyTheLetterIsRefused() {
        #expect(
            refusal("response", "{{#request}}{{#lines}}{{#request}}x{{/request}}{{/lines}}{{/request}}")
                == "response: line 1: the section 'request' is inside a section of its own name")
        let deep =
            String(repeating: "{{#requester}}", count: 100_000) + String(repeating: "{{/requester}}", count: 100_000)
        #expect(refusal("response", deep)?.hasPrefix("response: it has 200000 tags") == true)
        let names = [
            "requester", "request", "lines", "exemptions", "searches", "review", "granted", "ncnd", "withheld",
            "refused", "held", "advice", "reuse", "partlyWithheld", "notHeld", "costLimit", "vexatious",
        ]
        #expect(
            refusal("response", names.map { "{{#\($0)}}" }.joined() + names.reversed().map { "{{/\($0)}}" }.joined())
                == "response: line 1: sections nested deeper than 16")
    }

    @Test func tagsTheChecksCouldNotReadOrThatPrintUnescapedAreRefused() {
        #expect(
            refusal("response", "a\n{{=<% %>=}}<% nosuch %>")
                == "response: line 2: a delimiter change ({{=…=}}) is not allowed: letters keep {{ and }}")
        #expect(refusal("response", "{{{subject}}}")?.contains("an unescaped tag") == true)
        #expect(refusal("response", "{{& subject}}")?.contains("an unescaped tag") == true)
        #expect(refusal("response", "{{% CONTENT_TYPE: TEXT}}")?.contains("a {{% …}} setting is not allowed") == true)
        #expect(refusal("../../x", "text") == "../../x: a template's name is lower-case letters, digits and hyphens")
        #expect(refusal("response", "{{! a comment }}{{subject}}") == nil)
    }

    /// A template of many tags is checked in a moment: the check reads it once (it had been quadratic: 50,000 tags
    /// took half a minute), and refuses more than the parser takes in reasonable time.
    @Test func aTemplateOfManyTagsIsReadOnce() {
        let started = ContinuousClock.now
        #expect(refusal("response", String(repeating: "{{date}} ", count: 50_000))?.contains("50000 tags") == true)
        #expect(refusal("response", String(repeating: "{{date}} ", count: 1_000)) == nil)
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    /// What only a Markdown renderer elsewhere would read as markup is escaped too; brackets and ampersands that
    /// make nothing stay as typed.
    @Test func linksImagesTablesAndEntitiesStayText() {
        let escape = MarkdownText().escapeText
        #expect(
            escape("[link](javascript:alert(2)) ![img](http://evil.example/t.png) [a][b] [c]: http://x")
                == #"[link\](javascript:alert(2)) ![img\](http://evil.example/t.png) [a\][b] [c\]: http://x"#)
        #expect(
            escape("~~s~~ |t| &amp; &#60; Smith & Co; [MISSING: x]")
                == #"\~\~s\~\~ \|t\| \&amp; \&#60; Smith & Co; [MISSING: x]"#)
        let document = LetterDocument(markdown: escape("[a](b) ~~c~~ |d| &amp;") + "\n")
        #expect(document.blocks == [.paragraph([[.init(text: "[a](b) ~~c~~ |d| &amp;", bold: false)]])])
    }
}
