/// What a store of cases does for the use cases: it keeps what FOIKit decided and answers with what it kept. It
/// decides nothing: a use case reads a case and the rules, FOIKit decides the step, and the store appends it only if
/// the case has not moved on meanwhile (`StoreError.caseMoved`), so that two officers, or two processes, never
/// both append event number n. A second store (PostgreSQL) implements this without a rule of the law of its own.
public protocol CaseStorage: Sendable {
    /// The case `reference` as its history stands, with the rules it is decided by now (the calendars of the
    /// holidays as the store has them, the organisation's clock settings).
    func load(_ reference: CaseReference) async throws -> LoadedCase

    /// The case `reference` as the officer sees it (its row, requester, events, clocks, linked cases), with the
    /// rules it is decided by and the authority's profile, read together.
    func loadDetail(_ reference: CaseReference) async throws -> LoadedDetail

    /// Appends `step`, decided on the case as `load` gave it, with the identity that made it, and rewrites what is
    /// kept of the case in the same transaction; throws `StoreError.caseMoved` and writes nothing if the case
    /// took another step since it was loaded.
    func append(_ step: CaseStep, actor: String?) async throws -> RecordedStep
}

/// A case and the rules to decide its next step by, read together.
public struct LoadedCase: Sendable {
    public var file: Case
    public var rules: CaseRules

    public init(file: Case, rules: CaseRules) {
        self.file = file
        self.rules = rules
    }
}

/// A case as the officer sees it, with the rules and the authority's profile a letter about it needs.
public struct LoadedDetail: Sendable {
    public var detail: CaseDetail
    public var rules: CaseRules
    public var profile: AuthorityProfile

    public init(detail: CaseDetail, rules: CaseRules, profile: AuthorityProfile) {
        self.detail = detail
        self.rules = rules
        self.profile = profile
    }
}
