/// What a store of cases does for the use cases: it keeps what FOIKit decided and answers with what it kept. It
/// decides nothing: a use case reads a case and the rules, FOIKit decides the step, and the store appends it only if
/// the case has not moved on meanwhile (`StoreError.caseMoved`), so that two officers, or two processes, never
/// both append event number n. A second store (PostgreSQL) implements this without a rule of the law of its own.
public protocol CaseStorage: StepStorage {
    /// Where the cases are, for messages: a file's path, or a server's address without its password.
    var address: String { get }
    /// The exemptions foi knows.
    var catalogue: ExemptionCatalogue { get }
    /// The working-day calendars as the store last read its holidays: what a view of something just read is drawn
    /// with, at no further read (`rules()` reads them again).
    var calendars: Calendars { get }

    // MARK: Cases, one at a time

    /// The reference the next case received in `year` takes under the organisation's pattern, as the store stands
    /// now: `open` or `split` takes it, unless another case took it meanwhile.
    func nextReference(for year: Int) async throws -> ReferenceClaim

    /// Keeps a case FOIKit opened (its received event and any steps recorded at receipt) and its requester, under
    /// the case's reference: refused where a case has that reference already (`StoreError.duplicateReference`) or,
    /// where the reference was `claim`ed from the pattern, where another case took it since
    /// (`StoreError.referenceTaken`).
    func open(_ opened: CaseState, requester: Requester?, claim: ReferenceClaim?, actor: Actor) async throws
        -> CaseSummary

    /// Appends `step`, the split of part of a case's request decided on the case as `load` gave it, and keeps `part`,
    /// the case it splits off, with a copy of the case's requester, in one transaction: refused as `append` and `open`
    /// refuse.
    func split(_ step: CaseStep, off part: CaseState, claim: ReferenceClaim?, actor: Actor) async throws
        -> (original: RecordedStep, part: CaseSummary)

    // MARK: Reading

    /// The rules cases are decided by now.
    func rules() async throws -> CaseRules
    func caseCount() async throws -> Int
    func caseFile(_ reference: CaseReference) async throws -> Case
    func detail(_ reference: CaseReference, requester: Bool) async throws -> CaseDetail
    /// The document kept beside the case `reference` whose name, or digest from its first eight hex digits, is
    /// `named`, and its bytes (nil once removed with the case's personal data): refused where none is, or where the
    /// name is two documents' (`StoreError.noEnclosure`, naming those the case has).
    func enclosure(_ reference: CaseReference, named: String) async throws -> (Enclosure, [UInt8]?)
    /// Which of `references` are cases already.
    func existing(_ references: [CaseReference]) async throws -> Set<CaseReference>
    func list(_ filter: CaseFilter, today: CivilDate) async throws -> [CaseSummary]
    /// The board of `today`: its three sections, each counted and its `limit` most urgent rows (nil: all), of the
    /// cases `handler` selects, and of those `among` only where given.
    func board(
        today: CivilDate, horizon: Int, limit: Int?, handler: HandlerFilter?, among: [CaseReference]?
    ) async throws -> Board
    /// Every row of the board's three sections (overdue, due soon, awaiting), in order, as entries: read without
    /// the cases, so that a board drawn before can tell which rows it need draw again.
    func boardEntries(today: CivilDate, horizon: Int, handler: HandlerFilter?) async throws -> [[BoardEntry]]
    func calendarClocks(_ clocks: [ClockName], handler: HandlerFilter?) async throws -> [CalendarClock]

    // MARK: Figures

    func timeliness(dueIn period: ClosedRange<CivilDate>, asAt: CivilDate, today: CivilDate, handler: HandlerFilter?)
        async throws
        -> [TimelinessEntry]
    func disclosureLog(respondedIn period: ClosedRange<CivilDate>) async throws -> (
        entries: [DisclosureLogEntry], heldBack: [(CaseReference, String)]
    )
    func activity(in period: ClosedRange<CivilDate>) async throws -> PeriodActivity
    func casesReceived(in period: ClosedRange<CivilDate>, asAt: CivilDate) async throws -> [Case]

    // MARK: Many cases at once

    /// Imports whole cases in one transaction, each replayed through the lifecycle on `today`, after bringing
    /// `updating` up to date. `progress` is told how many are done.
    func importCases(
        _ cases: [(new: NewCase, steps: [RecordedEvent])], updating: [CaseUpdate], actor: Actor, today: CivilDate,
        progress: (Int) -> Void
    ) async throws -> ImportResult
    /// `importCases` checked, writing nothing.
    func checkImport(_ cases: [(new: NewCase, steps: [RecordedEvent])], updating: [CaseUpdate], today: CivilDate)
        async throws -> ImportResult
    /// Records on cases already kept the steps of a sheet of later steps that each does not have yet.
    func addLaterSteps(
        _ rows: [(reference: CaseReference, steps: [RecordedEvent])], actor: Actor, today: CivilDate, dryRun: Bool
    ) async throws -> [Int]
    /// Restores an export of foi whole into a store without cases.
    func restore(
        export bytes: [UInt8], today: CivilDate, writeTemplates: ([(name: String, text: String)]) throws -> String?
    ) async throws -> Restoration
    /// Every case, its events and its requester (or not), as the export's lines.
    func export(requesters: Bool, _ write: (JSONValue) throws -> Void) async throws

    // MARK: Bank holidays

    /// The store's changes to the shipped bank holidays, the rules they make and the last event, read together.
    func holidayReading() async throws -> HolidayReading
    /// `decide` run on each case a change of the calendars from `day` on can move, as its history stands (or on
    /// each case of `references`, where given), in one read; what it decided, in the cases' order.
    func decide<Decision: Sendable>(
        forCasesReaching day: CivilDate, among references: [CaseReference]?, _ decide: (Case) throws -> Decision?
    ) async throws -> [Decision]
    /// Keeps `plan`: its changes to the holidays in place of those it was planned over, and each case's moves with
    /// the case's state after them, in one transaction. Refused, writing nothing, where another change of the
    /// holidays or the clock settings came first (`StoreError.holidaysChanged`), or where a case took a step after
    /// `plan.decidedAfter` while the plan can move cases (`StoreError.casesChanged`, naming them).
    func keep(_ plan: HolidayPlan, actor: Actor) async throws

    // MARK: The organisation

    func setting(_ key: Settings.Key) async throws -> String
    func setSetting(_ key: Settings.Key, to value: String) async throws
    func profile() async throws -> AuthorityProfile
    func paragraphs() async throws -> [ReasoningParagraph]
    func paragraph(named name: String) async throws -> ReasoningParagraph
    func addParagraph(_ paragraph: ReasoningParagraph) async throws

    // MARK: Users

    /// Every user, in the order they were made.
    func users() async throws -> [User]
    /// Adds a user; refused where the e-mail address is another user's.
    func addUser(name: String, email: String?, role: User.Role) async throws -> User
    /// Makes the user of `email` inactive: the events they made still name them; their sessions end.
    func deactivateUser(_ email: String) async throws -> User
    /// The user `actor` names (by number, login, e-mail address or name), if there is one: nothing is made.
    func user(_ actor: Actor) async throws -> User?

    /// Appends `steps`, each decided on its case as `load` gave it (or as the step before it on the same case left
    /// it), with the `messages` they send, in one transaction: all or none, refused as `append` refuses.
    func append(_ steps: [CaseStep], sending messages: [OutgoingMessage], actor: Actor) async throws -> [RecordedStep]

    // MARK: The outbox (Outbox.swift)

    /// Queues `messages` not queued before (by key), in one transaction; returns how many were new.
    func queue(_ messages: [OutgoingMessage], at now: Int64) async throws -> Int
    /// Up to `limit` messages waiting to be delivered, the oldest first, each claimed for this delivery at `now` so
    /// that another run at the same time does not take it too (a claim lapses after `claimSeconds`).
    func claimPending(limit: Int, at now: Int64) async throws -> [PendingMessage]
    /// Records what became of the message `id`.
    func record(_ delivery: Delivery, of id: Int64, at now: Int64) async throws
    func outboxCounts() async throws -> OutboxCounts

    /// The last step of the case `reference` the user `user` had seen when they last opened it (0: never), and
    /// from now on `seen`: the comments after it are new to them.
    func markSeen(_ reference: CaseReference, by user: UserID, upTo seen: Int) async throws -> Int

    // MARK: Teams

    /// Every team with its members, in the order they were made.
    func teams() async throws -> [Team]
    /// Adds a team, under the team named `parent` where given; refused where the name is taken.
    func addTeam(named name: String, parent: String?) async throws -> Team
    /// Puts the user of `email` in the team `team` as `role`, or (nil) takes them out of it.
    func setMembership(of email: String, in team: String, as role: Team.Role?) async throws -> Team

    // MARK: Contributor tasks

    /// The tasks `filter` selects, the earliest date first and those without one last; each names its case's
    /// reference and subject, never its requester.
    func tasks(_ filter: TaskFilter, today: CivilDate) async throws -> [TaskSummary]

    // MARK: Signing in (foi-server)

    /// Keeps `hash` (bcrypt's, never the password) as the password of the active user of `email`; ends their
    /// sessions. Refused where there is no such user.
    func setPasswordHash(_ hash: String, forUser email: String, at now: Int64) async throws -> User
    /// The active user of `email` and their password's hash, if they have one.
    func passwordHash(of email: String) async throws -> (user: User, hash: String)?
    /// Records an attempt to sign in as `email` at `now`; returns until when the address is refused, after it.
    func recordSignIn(_ email: String, succeeded: Bool, at now: Int64) async throws -> Int64?
    /// Until when `email` is refused (`SignInPolicy`), nil when it may try.
    func signInLockedUntil(_ email: String, at now: Int64) async throws -> Int64?
    /// Keeps a session, by its token's SHA-256, for `user` from `now`.
    func startSession(tokenHash: String, for user: UserID, at now: Int64) async throws
    /// The active user of the live session whose token hashes to `tokenHash`, marking it used at `now`; nil for an
    /// unknown, idle, expired or deactivated one (which is removed).
    func session(tokenHash: String, at now: Int64) async throws -> User?
    func endSession(tokenHash: String) async throws
    /// Keeps an API token, by its SHA-256, acting as the active user of `email`; refused where there is none.
    func addAPIToken(hash: String, label: String, forUser email: String, at now: Int64) async throws -> User
    /// The active user an API token (by its SHA-256) acts as, nil for none.
    func apiTokenUser(hash: String) async throws -> User?

    // MARK: Keeping and checking

    func retentionPolicy() async throws -> RetentionPolicy
    func retention(today: CivilDate, all: Bool) async throws -> [RetentionDue]
    /// Removes the personal data of `references` (nil: every case past its retention date).
    func anonymise(_ references: [CaseReference]?, actor: Actor, today: CivilDate) async throws -> Anonymisation
    func verify(thorough: Bool, head: LedgerHead?) async throws -> VerificationReport
    /// The id of the last event recorded, in any case or (`reference`) in one (0: none): what tells a page that a
    /// step was recorded since it was drawn, by this process or another.
    func lastEventID(of reference: CaseReference?) async throws -> Int64
    /// How many steps the case `reference` has recorded, read without replaying them: whether it has moved on
    /// since a form was drawn. `StoreError.caseNotFound` where there is no such case.
    func stepCount(of reference: CaseReference) async throws -> Int
    /// What `verify` finds wrong with one case.
    func problems(of reference: CaseReference) async throws -> [String]
    /// A consistent copy of the whole store at `destination`; returns how many cases it holds.
    func backup(to destination: String) async throws -> Int
}

/// What recording a step on one case needs of a store: the case as it stands, and an append that refuses to land on
/// a case that moved meanwhile. The step use cases ask no more, so a test (or a store under trial) can give them
/// exactly this.
public protocol StepStorage: Sendable {
    /// The case `reference` as its history stands, with the rules it is decided by now (the calendars of the
    /// holidays as the store has them, the organisation's clock settings).
    func load(_ reference: CaseReference) async throws -> LoadedCase

    /// The case `reference` as the officer sees it (its row, requester, events, clocks, linked cases), with the
    /// rules it is decided by and the authority's profile, read together.
    func loadDetail(_ reference: CaseReference) async throws -> LoadedDetail

    /// Appends `step`, decided on the case as `load` gave it, with the identity that made it, and rewrites what is
    /// kept of the case in the same transaction; throws `StoreError.caseMoved` and writes nothing if the case
    /// took another step since it was loaded. `apart`: what the step keeps apart from its event in the same
    /// transaction: the requester's details a correction puts right, kept with the requester (refused for a case
    /// whose personal data was removed, `StoreError.alreadyAnonymised`, or that has no requester where no name is
    /// given, `StoreError.noRequester`); the bytes of the enclosures its answer lists, kept beside the case.
    func append(_ step: CaseStep, keeping apart: KeptApart, actor: Actor) async throws -> RecordedStep
}

extension StepStorage {
    public func append(_ step: CaseStep, actor: Actor) async throws -> RecordedStep {
        try await append(step, keeping: KeptApart(), actor: actor)
    }
}

/// What a step keeps apart from its event, in the same transaction: personal data and files, which can be removed
/// at the end of the case's retention while the event that names them stays.
public struct KeptApart: Sendable {
    /// The requester's details a correction puts right.
    public var requester: [RequesterField: String]
    /// The bytes of each enclosure the step's answer lists, by its digest.
    public var enclosures: [String: [UInt8]]
    /// The messages the step sends (Outbox.swift): queued with it, or not at all.
    public var messages: [OutgoingMessage]

    public init(
        requester: [RequesterField: String] = [:], enclosures: [String: [UInt8]] = [:],
        messages: [OutgoingMessage] = []
    ) {
        self.requester = requester
        self.enclosures = enclosures
        self.messages = messages
    }
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

/// The reference a new case would take from the organisation's pattern: the `sequence`th of `year`.
public struct ReferenceClaim: Sendable, Equatable {
    public var reference: CaseReference
    public var year: Int
    public var sequence: Int

    public init(reference: CaseReference, year: Int, sequence: Int) {
        self.reference = reference
        self.year = year
        self.sequence = sequence
    }
}

/// What a command does with the store.
public enum StoreAccess: Sendable {
    /// Reads only: a file is opened read-only, so that a read-only file or share can be inspected.
    case read
    case write
    /// Writes, making the store first if there is none (the commands that start one: log, demo, settings).
    case create
}

extension CaseStorage {
    /// The board of every case `handler` selects.
    public func board(today: CivilDate, horizon: Int, limit: Int?, handler: HandlerFilter?) async throws -> Board {
        try await board(today: today, horizon: horizon, limit: limit, handler: handler, among: nil)
    }

    /// The case `reference` as the officer sees it, with its requester.
    public func detail(_ reference: CaseReference) async throws -> CaseDetail {
        try await detail(reference, requester: true)
    }

    public func importCases(
        _ cases: [(new: NewCase, steps: [RecordedEvent])], updating: [CaseUpdate] = [], actor: Actor,
        today: CivilDate
    ) async throws -> ImportResult {
        try await importCases(cases, updating: updating, actor: actor, today: today, progress: { _ in })
    }
}
