/// An access-to-information regime: the law a request is handled under, which fixes its calendar and clocks.
public enum Regime: String, CaseIterable, Codable, Hashable, Sendable {
    case foia
    case eir
    case foisa
    case eirs
    case sar

    /// The short name officers use: `FOIA`, `EIR`, `FOISA`, `EIR(S)`, `SAR`.
    public var shortName: String {
        switch self {
        case .foia: "FOIA"
        case .eir: "EIR"
        case .foisa: "FOISA"
        case .eirs: "EIR(S)"
        case .sar: "SAR"
        }
    }

    /// The instrument: `Freedom of Information Act 2000`, ...
    public var title: String {
        switch self {
        case .foia: "Freedom of Information Act 2000"
        case .eir: "Environmental Information Regulations 2004"
        case .foisa: "Freedom of Information (Scotland) Act 2002"
        case .eirs: "Environmental Information (Scotland) Regulations 2004"
        case .sar: "UK GDPR right of access (subject access request)"
        }
    }

    /// The cost limit of a refusal because compliance would cost too much (FOIA s.12, FOISA s.12); nil for a regime
    /// without one (the EIR and EIR(S) refuse such a request as manifestly unreasonable, subject access under UK
    /// GDPR Art. 12(5)).
    public var costLimit: CostLimit? { costLimit(for: nil) }

    /// The cost limit an authority of `type` is held to: FOIA's appropriate limit is £600 for the authorities of
    /// Schedule 1 Part I to the Regulations (central government, reg 3(2)) and £450 for the rest (reg 3(3)); with no
    /// type known, both are given.
    public func costLimit(for type: AuthorityType?) -> CostLimit? {
        switch self {
        case .foia:
            CostLimit(
                name: "appropriate limit",
                regulations:
                    "the Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004",
                limit: type == .centralGovernment
                    ? "£600"
                    : type == .otherPublicAuthority
                        ? "£450" : "£600 for central government, £450 for other public authorities",
                hourlyRate: 25, rate: "£25 an hour")
        case .foisa:
            CostLimit(
                name: "amount prescribed",
                regulations: "the Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004",
                limit: "£600", hourlyRate: 15, rate: "no more than £15 an hour")
        case .eir, .eirs, .sar: nil
        }
    }

    /// The working-day calendar of the regime's clocks. A SAR counts calendar months and uses a division's
    /// calendar only to roll a due date forward.
    public var calendarKind: WorkingDayCalendar.Kind {
        switch self {
        case .foia, .eir: .unitedKingdom
        case .foisa, .eirs: .scotland
        case .sar: .division(.englandAndWales)
        }
    }

    /// Whether the requester may require a review of the authority's failure to respond, once the deadline has
    /// passed: FOISA s.20(1), EIR reg 11, EIR(S) reg 16. Under FOIA the ICO takes that complaint without a review;
    /// a subject access request has no statutory review.
    public var reviewsFailureToRespond: Bool { self == .foisa || self == .eir || self == .eirs }

    /// Whether the regime counts its response period in working days (all but SAR).
    public var countsWorkingDays: Bool { self != .sar }

    /// Whether its requests are in the freedom of information figures: the timeliness figures, the report's activity
    /// and the disclosure log. A subject access request is data protection, answered to the data subject alone.
    public var isInFOIFigures: Bool { self != .sar }

    /// The regimes in the freedom of information figures, for a store to select their cases by.
    public static let inFOIFigures = allCases.filter(\.isInFOIFigures)

    /// The provision that sets the response time.
    public var responseCitation: String {
        switch self {
        case .foia: "FOIA s.10(1)"
        case .eir: "EIR reg 5(2)"
        case .foisa: "FOISA s.10(1)"
        case .eirs: "EIR(S) reg 5(2)(a)"
        case .sar: "UK GDPR Art 12(3) and Art 12A"
        }
    }

    /// The regime's own extension of the response period, if it has one.
    public var statutoryExtension: (workingDays: Int?, months: Int?, citation: String)? {
        switch self {
        case .eir: (40, nil, "EIR reg 7(1): complex and voluminous, 40 working days in all")
        case .eirs: (40, nil, "EIR(S) reg 7(1): complex and voluminous, 40 working days in all")
        case .sar: (nil, 3, "UK GDPR Art 12A: two further months for complexity or number of requests")
        case .foia, .foisa: nil
        }
    }

    /// The provision that says by when an extension must be given notice of: within the time it extends.
    public var extensionNoticeCitation: String? {
        switch self {
        case .foia:
            "FOIA s.10(3) and s.17(1): the notice that the public interest is being considered is due within "
                + "the s.10(1) time"
        case .eir: "EIR reg 7(3): notice no later than 20 working days after the date of receipt"
        case .eirs: "EIR(S) reg 7(2): notice no later than 20 working days after the date of receipt"
        case .sar: "UK GDPR Art 12A: the extension is notified before the end of the first month"
        case .foisa: nil
        }
    }

    /// The provision under which a request for clarification stops or restarts the clock.
    public var clarificationCitation: String {
        switch self {
        case .foia: "FOIA s.1(3) and s.10(6)(b)"
        case .eir: "EIR reg 9(4)"
        case .foisa: "FOISA s.1(3) and s.10(1)(b)"
        case .eirs: "EIR(S) reg 9"
        case .sar: "UK GDPR Art 12A (stop the clock)"
        }
    }

    /// The provision under which the days waiting for a fee are disregarded.
    public var feeCitation: String {
        switch self {
        case .foia: "FOIA s.10(2)"
        case .eir: "EIR reg 8"
        case .foisa: "FOISA s.10(3)"
        case .eirs: "EIR(S) reg 8"
        case .sar: "UK GDPR Art 12A (the relevant time)"
        }
    }
}

/// Which day counts as day 0 when a request arrives on a day that is not a working day (RULES.md §3).
public enum ReceiptConvention: String, CaseIterable, Codable, Hashable, Sendable {
    /// The day of arrival is day 0 even at a weekend or on a holiday (ICO; the literal s.10(6)). The default.
    case statutory
    /// Arrival on a non-working day is treated as arrival on the next working day (the 2018 s.45 Code, para 4.2).
    case nextWorkingDay = "next-working-day"
}

/// The time-for-compliance rule that sets the response period, where it is not the regime's standard one.
public enum ComplianceRule: Hashable, Sendable {
    /// The regime's standard period (20 working days; SAR one month).
    case standard
    /// A number of working days with the provision that sets it: transferred public records (30), the Keeper of
    /// the Records of Scotland (30), a day the ICO specifies (at most 60), or a count an officer supplies.
    case workingDays(Int, citation: String)
    /// Schools (FOIA): the 20th working day that is also a school day, or the 60th working day if earlier.
    case school(nonSchoolDays: Set<CivilDate>)

    /// FOIA transferred public records not designated open: 30 working days (SI 2004/3364 reg 4).
    public static let transferredPublicRecords = ComplianceRule.workingDays(
        30, citation: "SI 2004/3364 reg 4 (transferred public records)")
    /// FOISA records transferred to the Keeper of the Records of Scotland: 30 working days (s.10(2)).
    public static let keeperOfTheRecords = ComplianceRule.workingDays(
        30, citation: "FOISA s.10(2) (Keeper of the Records of Scotland)")

    /// FOIA armed-forces operations or information held abroad: the day the ICO specifies, at most the 60th
    /// working day (SI 2004/3364 regs 5 and 6; FOIA s.10(4)–(5)).
    public static func icoSpecified(_ workingDays: Int) -> ComplianceRule {
        .workingDays(workingDays, citation: "SI 2004/3364 regs 5–6 (day specified by the ICO)")
    }
}

/// A response period set for the request itself rather than by its regime: the Time for Compliance Regulations
/// under FOIA s.10(4) and FOISA s.10(2).
public enum RequestPeriod: Hashable, Sendable {
    /// FOIA: transferred public records not designated open, 30 working days (SI 2004/3364 reg 4).
    case publicRecords
    /// FOISA: records transferred to the Keeper of the Records of Scotland, 30 working days (s.10(2)), and 30 for
    /// a review (s.21(2)).
    case keeper
    /// FOIA: the day the ICO specifies, at most the 60th working day (SI 2004/3364 regs 5 and 6).
    case icoSpecified(workingDays: Int)
    /// FOIA, maintained schools and academies: the 20th working day that is a school day, or the 60th working day
    /// if earlier (SI 2004/3364 reg 3), with the days of the school's own calendar that are not school days.
    case school(nonSchoolDays: Set<CivilDate>)

    /// The stored name: `public-records`, `keeper`, `ico-specified`, `school`.
    public var name: String {
        switch self {
        case .publicRecords: "public-records"
        case .keeper: "keeper"
        case .icoSpecified: "ico-specified"
        case .school: "school"
        }
    }

    public var rule: ComplianceRule {
        switch self {
        case .publicRecords: .transferredPublicRecords
        case .keeper: .keeperOfTheRecords
        case .icoSpecified(let workingDays): .icoSpecified(workingDays)
        case .school(let nonSchoolDays): .school(nonSchoolDays: nonSchoolDays)
        }
    }

    /// The regime whose regulations set it.
    public var regime: Regime { self == .keeper ? .foisa : .foia }

    /// The working days an ICO-specified period may have: more than the standard 20, at most 60 (FOIA s.10(5)).
    public static let specifiedWorkingDays = 21...60
}

/// What a regime's regulations set for a refusal on the cost of compliance: what the limit is called, the
/// regulations, the limit, and the rate at which staff time counts (FOIA: SI 2004/3244 regs 3 and 4(4); FOISA: SSI
/// 2004/467 regs 3 and 5).
/// The kind of authority, which sets the FOIA cost limit (and says a Scottish authority answers under FOISA).
public enum AuthorityType: String, CaseIterable, Sendable {
    /// Listed in Schedule 1 Part I to the 2004 Fees Regulations: government departments, the Houses, the armed
    /// forces, the Northern Ireland and Welsh governments.
    case centralGovernment = "central-government"
    case otherPublicAuthority = "other-public-authority"
    case scottishPublicAuthority = "scottish-public-authority"
}

public struct CostLimit: Sendable, Equatable {
    public let name: String
    public let regulations: String
    /// The limit, in words (FOIA's depends on the kind of authority).
    public let limit: String
    /// Pounds an hour of staff time counts at.
    public let hourlyRate: Int
    /// The rate, in words.
    public let rate: String
}
