/// The Scottish Information Commissioner's quarterly return: the activity of the quarter (requests received,
/// responses sent, reviews received and answered), not a received cohort, in FOISA and EIR(S) columns, the subject
/// access requests received, and the times each FOISA exemption and EIR(S) exception was applied in the responses
/// sent. The request and review lines follow the Commissioner's statistics form (docs/STATISTICS.md).
public struct SICReturn: Sendable {
    public private(set) var columns: [(name: String, value: String)] = []

    /// How far before the quarter a request with activity in it can have been received, in days: a response, a
    /// review or its answer falls within a year of the request (a fee or a clarification can pause the clock, a
    /// review is asked within 40 working days and answered within 20 or 30).
    public static let activityReach = 366

    /// `cases`: every case with activity in `quarter`, each the fold of its events dated by `asAt`.
    public init(
        cases: [Case], quarter: ClosedRange<CivilDate>, asAt: CivilDate, calendars: Calendars
    ) throws(DeadlineError) {
        var counts: [String: Int] = [:]
        var exemptions: [String: Int] = [:]
        func add(_ line: String, _ regime: Regime) { counts["\(regime.rawValue) \(line)", default: 0] += 1 }
        for file in cases {
            if file.regime == .sar {
                if quarter.contains(file.received) { counts["sar", default: 0] += 1 }
                continue
            }
            guard file.regime == .foisa || file.regime == .eirs else { continue }
            let regime = file.regime
            let entries = try file.timelinessEntries(calendars: calendars)
            if quarter.contains(file.received) { add("requests", regime) }
            for recorded in file.standingSteps where quarter.contains(recorded.date) {
                switch recorded.event {
                case .clarificationLapsed: add("closed unclear", regime)
                case .withdrawn: add("withdrawn", regime)
                case .feeNoticeIssued: add("fees notice", regime)
                case .feePaid: add("fees paid", regime)
                case .extended: add("extended", regime)
                case .reviewRequested: add("reviews received", regime)
                case .received, .acknowledged, .clarificationRequested, .clarificationReceived, .feeLapsed,
                    .transferred, .split, .searchRecorded, .exemptionApplied, .responded, .note, .requestRecorded,
                    .reasoningRecorded, .letterIssued, .publicationDecided, .assigned, .reopened, .deadlineMoved,
                    .reviewExtended, .reviewDecided, .complaintNotified, .submissionsRequested, .submissionsSent,
                    .decisionNoticeIssued, .decisionNoticeComplied, .complaintClosed, .appealLodged, .hearingListed,
                    .appealDecided, .anonymised, .corrected, .voided, .exemptionWithdrawn, .answerRecorded, .taskGiven,
                    .taskDone, .taskDeclined, .flagged, .approvalRequested, .approved, .approvalRejected,
                    .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned,
                    .commented, .qualifiedPersonOpinion:
                    break
                }
            }
            // The first response, if sent in the quarter: its timeliness, its outcome and the exemptions it relied on.
            if let first = file.responses.first, quarter.contains(first.on) {
                let request = entries.first { $0.kind == .request }
                add(first.on <= (request?.due ?? first.on) ? "on time" : "late", regime)
                let relied = file.exemptionsRelied(atFirstResponse: true)
                switch first.outcome {
                case .grantedInFull: add("full release", regime)
                case .partiallyWithheld: add("some released", regime)
                case .withheldInFull:
                    add("none released", regime)
                    if relied.contains(where: { $0.citation.hasPrefix("10(4)(b)") }) {
                        add("manifestly unreasonable", regime)
                    }
                case .notHeld: add("none held", regime)
                case .neitherConfirmNorDeny: add("no confirm/deny", regime)
                case .refusedCost: add("refused cost", regime)
                case .refusedVexatious, .noResponseRequired: add("vexatious", regime)
                case .refusedRepeated: add("repeated", regime)
                case .adviceOnly, .refusedManifestlyUnfounded: add("none released", regime)
                }
                // Once per response for each line of the form a decision falls under.
                var lines: Set<String> = []
                for decision in relied { lines.formUnion(Self.formLines(of: decision)) }
                for line in lines { exemptions[line, default: 0] += 1 }
            }
            if let request = entries.first(where: { $0.kind == .request }), request.answered == nil,
                quarter.contains(request.due), asAt > request.due
            {
                add("failure to respond", regime)
            }
            for (review, entry) in zip(
                file.reviews.filter { !$0.isDeclined && $0.subject == .response },
                entries.filter { $0.kind == .review })
            {
                if let decided = review.decided, quarter.contains(decided), let decision = review.decision {
                    add(decided <= entry.due ? "reviews on time" : "reviews late", regime)
                    add(decision.outcome == .overturned ? "reviews overturned" : "reviews upheld", regime)
                    // EIR(S) reg 16(3)(b): the review decides whether the response complied; any outcome but
                    // upholding it found that it did not, and took steps (released, or put the handling right).
                    add(decision.outcome == .upheld ? "reviews complied" : "reviews not compliant", regime)
                } else if review.decided == nil, quarter.contains(entry.due), asAt > entry.due {
                    add("reviews no response", regime)
                }
            }
            // A review of a failure to respond has the s.21(1) period of any review (audit M16): timed like one.
            for review in file.reviews where review.subject == .failureToRespond && !review.isDeclined {
                let due = try file.reviewDue(review, calendars: calendars).due
                if let decided = review.decided, quarter.contains(decided) {
                    add("reviews first decision", regime)
                    add(decided <= due ? "reviews on time" : "reviews late", regime)
                } else if review.decided == nil, quarter.contains(due), asAt > due {
                    add("reviews no response", regime)
                }
            }
        }
        let lines: [(String, String)] = [
            ("requests", "requests"), ("closed unclear", "closed - unclear"), ("withdrawn", "closed - withdrawn"),
            ("fees notice", "fees notice"), ("fees paid", "fees paid"), ("on time", "response on time"),
            ("late", "response late"), ("failure to respond", "failure to respond"),
            ("extended", "timescale extended"), ("refused cost", "refused - cost"),
            ("manifestly unreasonable", "manifestly unreasonable"), ("vexatious", "vexatious"),
            ("repeated", "repeated"), ("full release", "full release"), ("none released", "none released"),
            ("some released", "some released"), ("none held", "none held"), ("no confirm/deny", "no confirm/deny"),
            ("reviews received", "reviews received"), ("reviews on time", "reviews answered on time"),
            ("reviews late", "reviews answered late"), ("reviews no response", "reviews with no response"),
            ("reviews upheld", "reviews upheld"), ("reviews overturned", "reviews overturned"),
            ("reviews first decision", "reviews deciding for the first time"),
            ("reviews complied", "reviews - response complied (reg 16(3)(b))"),
            ("reviews not compliant", "reviews - response not compliant, steps taken (reg 16(3)(b))"),
        ]
        for regime in [Regime.foisa, .eirs] {
            let prefix = regime == .foisa ? "FOISA" : "EIRs"
            for (key, name) in lines {
                // The timescale extension and manifest unreasonableness are the EIR(S)'s; costs and s.14, FOISA's.
                if regime == .foisa
                    && ["extended", "manifestly unreasonable", "reviews complied", "reviews not compliant"].contains(
                        key)
                {
                    continue
                }
                if regime == .eirs && ["vexatious", "repeated"].contains(key) { continue }
                columns.append((name: "\(prefix) \(name)", value: "\(counts["\(regime.rawValue) \(key)"] ?? 0)"))
            }
        }
        columns.append((name: "Subject Access Requests", value: "\(counts["sar"] ?? 0)"))
        for line in Self.exemptionLines {
            let key = "\(line.regime.shortName) \(line.provision)"
            columns.append((name: "\(key) \(line.description)", value: "\(exemptions[key] ?? 0)"))
        }
        for regime in [Regime.foisa, .eirs] {
            columns.append(
                (
                    name: "\(regime.shortName) \(Self.unlisted)",
                    value: "\(exemptions["\(regime.shortName) \(Self.unlisted)"] ?? 0)"
                ))
        }
    }

    /// The lines of the form `decision` is counted on: the exemption's or exception's own, by the provision the form
    /// lists that its citation falls under (the most specific; `38(1)(b)` under `38(1)(b)`, `28(1)` under `28`), or
    /// the line of those the form does not list (a citation less specific than the form's, `30`; an EIR(S)
    /// exception the form counts as an outcome instead, 10(4)(a)-(c)); and an EIR(S) refusal to confirm or deny,
    /// the line of reg 10(8) (or, for personal data, reg 11(6)) too.
    static func formLines(of decision: ExemptionDecision) -> Set<String> {
        let regime = decision.part
        guard regime == .foisa || regime == .eirs else { return [] }
        let citation = decision.citation
        let listed = exemptionLines.filter { $0.regime == regime }.flatMap { line in
            line.provision.split(separator: "/").map { limb in
                // `40(a)/(b)`: the second limb is written without its section.
                (line: line.provision, limb: limb.hasPrefix("(") ? line.provision.prefix { $0 != "(" } + limb : limb)
            }
        }
        let match = listed.filter { citation == $0.limb || citation.hasPrefix($0.limb + "(") }
            .max { $0.limb.count < $1.limb.count }
        var lines: Set<String> = ["\(regime.shortName) \(match?.line ?? unlisted)"]
        if regime == .eirs && decision.neitherConfirmNorDeny {
            lines.insert("\(regime.shortName) \(citation.hasPrefix("11") ? "11(6)" : "10(8)")")
        }
        return lines
    }

    /// The line of exemptions and exceptions relied on that the form has no line for.
    static let unlisted = "not listed on the form (a section without its subsection, or an outcome line's)"

    /// The exemption and exception lines of the Commissioner's statistics form, by subsection (as mySociety's
    /// `resources/foisa/column_lookup.csv` mirrors the form).
    static let exemptionLines: [(regime: Regime, provision: String, description: String)] =
        [
            ("25(1)", "Otherwise accessible"), ("25(3)", "Publication Scheme"),
            ("26(a)", "Disclosure prohibited: enactment"), ("26(b)", "Disclosure prohibited: EU obligation"),
            ("26(c)", "Disclosure prohibited: Contempt of Court"), ("27(1)", "Future publication: 12 weeks"),
            ("27(2)", "Future publication: programme of research"), ("28", "Substantial prejudice to UK relations"),
            ("29(1)(a)", "Formulation/development of government policy"), ("29(1)(b)", "Ministerial communications"),
            ("29(1)(c)", "Advice by Law Officers"), ("29(1)(d)", "Operation of Ministerial private office"),
            ("30(a)", "Substantial prejudice to collective responsibility of Scottish Ministers"),
            ("30(b)(i)", "Substantial inhibition to free and frank provision of advice"),
            ("30(b)(ii)", "Substantial inhibition to free and frank exchange of views"),
            ("30(c)", "Substantial prejudice to effective conduct of public affairs"), ("31(1)", "National security"),
            ("31(4)", "Substantial prejudice to defence"),
            ("32(1)(a)", "Substantial prejudice to international relations"),
            ("32(1)(b)", "Confidential information obtained from abroad"), ("33(1)(a)", "Trade secret"),
            ("33(1)(b)", "Substantial prejudice to commercial interests"),
            ("33(2)(a)", "Substantial prejudice to the economic interests of the UK"),
            ("33(2)(b)", "Substantial prejudice to the financial interests of a UK administration"),
            ("34(1)", "Information held for the purposes of a criminal investigation"),
            ("34(2)(a)", "Information held for ongoing Fatal Accident Inquiry"),
            ("34(2)(b)", "Information held regarding cause of death"),
            ("34(3)", "Information relating to the obtaining of information from confidential sources"),
            ("34(4)", "Information held for purposes of civil proceedings arising out of investigations"),
            ("35(1)(a)", "Substantial prejudice to prevention or detection of crime"),
            ("35(1)(b)", "Substantial prejudice to apprehension or prosecution of offenders"),
            ("35(1)(c)", "Substantial prejudice to administration of justice"),
            ("35(1)(d)", "Substantial prejudice to assessment or collection of tax or duty"),
            ("35(1)(e)", "Substantial prejudice to operation of immigration controls"),
            ("35(1)(f)", "Substantial prejudice to maintenance of security and good order in prisons"),
            ("35(1)(g)", "Substantial prejudice to the exercise by a public authority for any of its functions"),
            ("35(1)(h)", "Substantial prejudice to civil proceedings brought by an authority"),
            ("36(1)", "Confidentiality of communications"), ("36(2)", "Actionable breach of confidence"),
            ("37(1)(a)", "Court records"), ("37(1)(b)", "Court records: inquiry or arbitration"),
            ("38(1)(a)", "Personal data of the applicant - FOI"), ("38(1)(b)", "Third party personal data - FOI"),
            ("38(1)(c)", "Personal census information"), ("38(1)(d)", "Deceased person's health record"),
            ("39(1)", "Endangerment to health or safety"), ("39(2)", "Environmental information"),
            ("40(a)/(b)", "Substantial prejudice to audit function"),
            ("41(a)/(b)", "Communications with the Royal Family and honours"),
        ].map { (Regime.foisa, $0.0, $0.1) }
        + [
            ("10(4)(d)", "Material in course of completion"), ("10(4)(e)", "Internal Communications"),
            ("10(5)(a)", "Substantial prejudice to international relations public safety etc."),
            ("10(5)(b)", "Substantial prejudice to course of justice etc."),
            ("10(5)(c)", "Substantial prejudice to intellectual property rights"),
            ("10(5)(d)", "Substantial prejudice to confidentiality of proceedings"),
            ("10(5)(e)", "Substantial prejudice to confidentiality of commercial or industrial information"),
            ("10(5)(f)", "Substantial prejudice to the interests of a third party"),
            ("10(5)(g)", "Substantial prejudice to the protection of the environment"),
            ("10(8)", "Neither confirm nor deny whether environmental information held"),
            ("11(1)", "Personal data of the applicant - EIR"), ("11(2)", "Third party personal data - EIR"),
            ("11(6)", "Neither confirm or deny whether personal data held"),
        ].map { (Regime.eirs, $0.0, $0.1) }
}
