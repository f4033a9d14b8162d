/// How long a closed case keeps its requester's personal data: a number of years after the case closed, for every
/// regime or for one (`3`, `3, sar=6`). None while anything about the case is under way (`Case.closedOn`).
public struct RetentionPolicy: Hashable, Sendable, CustomStringConvertible {
    public static let defaultYears = 3
    /// The longest retention that can be set: anything longer is a typo.
    public static let maximumYears = 100

    public var years: Int
    public var byRegime: [Regime: Int]

    public init(years: Int = defaultYears, byRegime: [Regime: Int] = [:]) {
        self.years = years
        self.byRegime = byRegime
    }

    /// Parses `3` or `3, sar=6, eir=5`: the years for every regime, then those of a regime that differs.
    public init(parsing text: String) throws(RetentionPolicyError) {
        var years: Int?
        var byRegime: [Regime: Int] = [:]
        func number(_ text: Substring) throws(RetentionPolicyError) -> Int {
            let trimmed = text.trimmingSpaces
            guard let value = Int(trimmed), (1...Self.maximumYears).contains(value) else {
                throw RetentionPolicyError(text: String(trimmed))
            }
            return value
        }
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1)
            if pieces.count == 2 {
                guard let regime = Regime(rawValue: String(pieces[0].trimmingSpaces)) else {
                    throw RetentionPolicyError(text: String(part.trimmingSpaces))
                }
                byRegime[regime] = try number(pieces[1])
            } else {
                guard years == nil else { throw RetentionPolicyError(text: String(part.trimmingSpaces)) }
                years = try number(part)
            }
        }
        guard let years else { throw RetentionPolicyError(text: text) }
        self.init(years: years, byRegime: byRegime)
    }

    /// The years a case of `regime` keeps its personal data after it closes.
    public func years(for regime: Regime) -> Int { byRegime[regime] ?? years }

    /// The day a case of `regime` closed on `closedOn` falls due for anonymisation (29 February counts to 28th).
    public func due(closedOn: CivilDate, regime: Regime) -> CivilDate {
        closedOn.addingMonthsClamped(12 * years(for: regime))
    }

    /// `3, sar=6`, in the form it is parsed from.
    public var description: String {
        let overrides = byRegime.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }
        return ([String(years)] + overrides).joined(separator: ", ")
    }
}

/// A retention setting that cannot be read.
public struct RetentionPolicyError: Error, Equatable, Sendable, CustomStringConvertible {
    public var text: String

    public var description: String { "'\(text)' is not a retention: \(advice)" }

    /// What a retention looks like.
    public var advice: String {
        "give the years after a case closes, from 1 to \(RetentionPolicy.maximumYears), for every regime, then any "
            + "regime that differs, e.g. 3 or 3, sar=6"
    }
}

/// A closed case and the day its personal data falls due for removal.
public struct RetentionDue: Hashable, Sendable {
    public var reference: CaseReference
    public var regime: Regime
    public var closedOn: CivilDate
    public var dueOn: CivilDate

    public init(reference: CaseReference, regime: Regime, closedOn: CivilDate, dueOn: CivilDate) {
        self.reference = reference
        self.regime = regime
        self.closedOn = closedOn
        self.dueOn = dueOn
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else {
            return ""
        }
        return self[first...last]
    }
}
