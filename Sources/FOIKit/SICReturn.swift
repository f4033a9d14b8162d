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
        cases: [Case], quarter: ClosedRange<CivilDate>, asAt: CivilDate, calendars: Calendars,
        catalogue: ExemptionCatalogue
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
                    .appealDecided, .anonymised, .corrected, .voided, .exemptionWithdrawn, .answerRecorded:
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
                for decision in relied {
                    let section = catalogue.exemption(citing: decision.citation, in: decision.part)?.section
                    exemptions["\(decision.part.shortName) \(section ?? decision.citation)", default: 0] += 1
                }
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
                if regime == .eirs && ["refused cost", "vexatious", "repeated"].contains(key) { continue }
                columns.append((name: "\(prefix) \(name)", value: "\(counts["\(regime.rawValue) \(key)"] ?? 0)"))
            }
        }
        columns.append((name: "Subject Access Requests", value: "\(counts["sar"] ?? 0)"))
        for exemption in catalogue.exemptions where exemption.regime == .foisa || exemption.regime == .eirs {
            let key = "\(exemption.regime.shortName) \(exemption.section)"
            columns.append((name: "\(key) \(exemption.title)", value: "\(exemptions[key] ?? 0)"))
        }
    }
}
