// The read models: what a store gives back and every view is built from. Plain values, no storage in them.

/// The requester of a case: personal data, stored apart from the case history.
public struct Requester: Hashable, Codable, Sendable {
    public var name: String
    public var email: String?
    public var address: String?

    public init(name: String, email: String? = nil, address: String? = nil) {
        self.name = name
        self.email = email
        self.address = address
    }
}

/// A request to log.
public struct NewCase: Sendable {
    /// The case's own reference (an imported case); nil to generate one from the pattern.
    public var reference: CaseReference?
    public var received: CivilDate
    public var receipt: Receipt
    public var requester: Requester?
    /// The request's own words, recorded with the receipt.
    public var requestText: String?

    public init(
        reference: CaseReference? = nil, received: CivilDate, receipt: Receipt, requester: Requester? = nil,
        requestText: String? = nil
    ) {
        self.reference = reference
        self.received = received
        self.receipt = receipt
        self.requester = requester
        self.requestText = requestText
    }

    /// The steps logged with the receipt: the request's words, if given.
    public var stepsAtReceipt: [RecordedEvent] {
        requestText.map { [RecordedEvent(date: received, event: .requestRecorded(text: $0))] } ?? []
    }

    /// The case this request opens under `reference`: its receipt and the steps logged with it, then `steps` (the
    /// history of an imported case), replayed through the lifecycle on `today`; what a new case is, wherever it
    /// is logged, imported or checked.
    public func opened(
        as reference: CaseReference, then steps: [RecordedEvent] = [], rules: CaseRules, today: CivilDate
    ) throws(LifecycleError) -> CaseState {
        try Case(reference: reference, received: received, receipt: receipt)
            .replaying(stepsAtReceipt + steps, rules: rules, today: today).state(rules)
    }
}

/// A case as listings show it: the projection row and its exemptions.
public struct CaseSummary: Hashable, Sendable {
    public var ref: CaseReference
    public var regime: Regime
    public var status: CaseStatus
    public var statusSince: CivilDate
    public var received: CivilDate
    /// The date the officer works to (nil while the clock is stopped).
    public var due: CivilDate?
    /// With a FOIA s.10(3) extension: the statutory date the refusal notice was due by.
    public var extendedFrom: CivilDate?
    public var provisional: Bool
    public var subject: String
    public var channel: Channel
    public var outcome: Outcome?
    public var respondedOn: CivilDate?
    public var exemptions: [ExemptionDecision]
    public var stage: CaseStage
    /// The officer handling the case; nil: no one.
    public var handler: String?

    public init(
        ref: CaseReference, regime: Regime, status: CaseStatus, statusSince: CivilDate, received: CivilDate,
        due: CivilDate? = nil, extendedFrom: CivilDate? = nil, provisional: Bool, subject: String, channel: Channel,
        outcome: Outcome? = nil, respondedOn: CivilDate? = nil, exemptions: [ExemptionDecision], stage: CaseStage,
        handler: String? = nil
    ) {
        self.ref = ref
        self.regime = regime
        self.status = status
        self.statusSince = statusSince
        self.received = received
        self.due = due
        self.extendedFrom = extendedFrom
        self.provisional = provisional
        self.subject = subject
        self.channel = channel
        self.outcome = outcome
        self.respondedOn = respondedOn
        self.exemptions = exemptions
        self.stage = stage
        self.handler = handler
    }
}

/// A step as recorded: the case as it now stands, and the event as stored (with what the calendar added to it,
/// e.g. that a request for review came late).
public struct RecordedStep: Sendable {
    public var summary: CaseSummary
    public var event: RecordedEvent

    public init(summary: CaseSummary, event: RecordedEvent) {
        self.summary = summary
        self.event = event
    }
}

/// One stored event with its place in the history.
public struct StoredEvent: Hashable, Sendable {
    public var sequence: Int
    public var recorded: RecordedEvent
    public var actor: String?
    public var recordedAt: String
    /// The personal fields (`EventFormat.personalFields`) whose texts were removed: the event reads them as
    /// `EventFormat.removedText`.
    public var removedTexts: [String]
    /// The format it is stored in (`EventFormat.version` for one written now): from 3, `actor` is a user's number.
    public var format: Int

    public init(
        sequence: Int, recorded: RecordedEvent, actor: String? = nil, recordedAt: String, removedTexts: [String] = [],
        format: Int = EventFormat.version
    ) {
        self.sequence = sequence
        self.recorded = recorded
        self.actor = actor
        self.recordedAt = recordedAt
        self.removedTexts = removedTexts
        self.format = format
    }

    /// The user who recorded it, from format 3.
    public var actorID: UserID? {
        guard format >= 3, let actor, let number = Int(actor) else { return nil }
        return UserID(rawValue: number)
    }

    /// Who recorded it, for people: the user's name from format 3 (as `names` has it), the name recorded before.
    public func actorName(_ names: Names) -> String? {
        actorID.map(names.user) ?? actor
    }
}

/// The names of the users and teams events keep by number, for people: `user 7` for one the store does not know.
public struct Names: Sendable {
    public var users: [UserID: String]
    public var teams: [TeamID: String]

    public init(users: [UserID: String] = [:], teams: [TeamID: String] = [:]) {
        self.users = users
        self.teams = teams
    }

    public func user(_ id: UserID) -> String { users[id] ?? "user \(id)" }
    public func team(_ id: TeamID) -> String { teams[id] ?? "team \(id)" }
}

/// Everything about one case: its projection, requester, history, deadline and clocks.
public struct CaseDetail: Sendable {
    public var summary: CaseSummary
    public var requester: Requester?
    public var events: [StoredEvent]
    public var deadline: ResponseDeadline
    /// The case replayed from its events: its review, complaint and appeal.
    public var file: Case
    /// Every clock of the case, with how each was derived.
    public var clocks: [CaseClock]
    /// The other cases of the same request, split by regime: the case it was split from first, then the parts.
    public var linked: [LinkedCase]
    /// The names of the users and teams its events name.
    public var names: Names

    public init(
        summary: CaseSummary, requester: Requester? = nil, events: [StoredEvent], deadline: ResponseDeadline,
        file: Case, clocks: [CaseClock], linked: [LinkedCase] = [], names: Names = Names()
    ) {
        self.names = names
        self.summary = summary
        self.requester = requester
        self.events = events
        self.deadline = deadline
        self.file = file
        self.clocks = clocks
        self.linked = linked
    }
}

/// Another case of the same request (a mixed request split by regime), as it stands.
public struct LinkedCase: Hashable, Sendable {
    public enum Relation: String, Hashable, Sendable, Encodable {
        /// The case this one was split from.
        case splitFrom = "split-from"
        /// A part split from this case, or from the same case as this one.
        case part
    }

    public var relation: Relation
    public var summary: CaseSummary

    public init(relation: Relation, summary: CaseSummary) {
        self.relation = relation
        self.summary = summary
    }
}

/// A board row: one running clock of a case, with the working days left to its date (negative when overdue).
public struct BoardRow: Hashable, Sendable {
    public var summary: CaseSummary
    public var clock: ClockName
    public var due: CivilDate
    public var provisional: Bool
    public var workingDaysLeft: Int

    public init(summary: CaseSummary, clock: ClockName, due: CivilDate, provisional: Bool, workingDaysLeft: Int) {
        self.summary = summary
        self.clock = clock
        self.due = due
        self.provisional = provisional
        self.workingDaysLeft = workingDaysLeft
    }
}

/// A board row as the board's order and its case's count of steps give it, without the case read: what tells a
/// board drawn before which of its rows are as drawn (a case's row changes only with a step, or with the day).
public struct BoardEntry: Hashable, Sendable {
    public var reference: CaseReference
    public var clock: ClockName
    public var steps: Int

    public init(reference: CaseReference, clock: ClockName, steps: Int) {
        self.reference = reference
        self.clock = clock
        self.steps = steps
    }
}

/// One section of the board: how many cases it holds, and the most urgent of them.
public struct BoardSection: Sendable {
    public var count: Int
    public var rows: [BoardRow]

    public init(count: Int, rows: [BoardRow]) {
        self.count = count
        self.rows = rows
    }
}

/// Today's view: the authority's clocks past their date, every clock due soon, and the cases waiting on the
/// requester (with the day they may be closed).
public struct Board: Sendable {
    public var today: CivilDate
    public var overdue: BoardSection
    public var dueSoon: BoardSection
    public var awaiting: BoardSection
    /// The requests falling due this quarter as the ICO's timeliness figures count them today.
    public var quarter: TimelinessFigures
    /// The contributors' tasks and the stages of sign-off overdue or due within the horizon: how many, and the
    /// first of them.
    public var tasksAndSignOff: (count: Int, rows: [BoardWait])

    public init(
        today: CivilDate, overdue: BoardSection, dueSoon: BoardSection, awaiting: BoardSection,
        quarter: TimelinessFigures = TimelinessFigures(counts: [:]),
        tasksAndSignOff: (count: Int, rows: [BoardWait]) = (0, [])
    ) {
        self.today = today
        self.overdue = overdue
        self.dueSoon = dueSoon
        self.awaiting = awaiting
        self.quarter = quarter
        self.tasksAndSignOff = tasksAndSignOff
    }
}

/// A contributor's task or a stage of sign-off on the board: the case's reference and subject (never its
/// requester), whom it waits on, and its date in the case's calendar.
public struct BoardWait: Hashable, Sendable {
    public var reference: CaseReference
    public var subject: String
    public var regime: Regime
    public var kind: Wait.Kind
    public var on: Party
    public var onName: String
    public var due: CivilDate
    public var workingDaysLeft: Int

    public init(
        reference: CaseReference, subject: String, regime: Regime, kind: Wait.Kind, on: Party, onName: String,
        due: CivilDate, workingDaysLeft: Int
    ) {
        self.reference = reference
        self.subject = subject
        self.regime = regime
        self.kind = kind
        self.on = on
        self.onName = onName
        self.due = due
        self.workingDaysLeft = workingDaysLeft
    }
}

/// Which cases `list` shows.
public struct CaseFilter: Sendable {
    public var statuses: [CaseStatus] = []
    public var stages: [CaseStage] = []
    public var regime: Regime?
    /// Only cases with this board clock running (with `overdue` or `dueWithinWorkingDays`: that clock's date).
    public var clock: ClockName?
    /// Cases with a clock due within this many working days of today (the authority's overdue ones included).
    public var dueWithinWorkingDays: Int?
    /// Cases with one of the authority's clocks past its date.
    public var overdue = false
    public var receivedFrom: CivilDate?
    public var receivedTo: CivilDate?
    /// Only cases whose reference or subject holds this text (letters of the English alphabet in either case).
    public var matching: String?
    /// At most this many rows (nil: all).
    public var limit: Int?
    public var handler: HandlerFilter?
    /// Only cases with this flag raised.
    public var flag: CaseFlag?

    public init() {}
}

/// The cases of one officer, or those no one handles.
public enum HandlerFilter: Hashable, Sendable {
    case officer(String)
    case unassigned
    /// The cases allocated to the team or to a team under it, or handled by a member of one of them.
    case team(TeamID)
}

/// What a change to the bank holidays did: the days that became holidays and those that no longer are, in date
/// order, and how many cases had a clock moved.
public struct HolidayChange: Sendable {
    public var added: [Holiday]
    public var removed: [Holiday]
    public var casesMoved: Int

    public init(added: [Holiday], removed: [Holiday], casesMoved: Int) {
        self.added = added
        self.removed = removed
        self.casesMoved = casesMoved
    }
}

extension Calendars {
    /// Working days from `today` to `due` in the regime's calendar (0 when due today), negative when past: the one
    /// rule for "working days left" wherever it is shown.
    public func workingDaysLeft(until due: CivilDate, regime: Regime, today: CivilDate) throws(DeadlineError) -> Int {
        let calendar = calendar(regime.calendarKind)
        return due >= today
            ? try calendar.workingDays(after: today, through: due)
            : -(try calendar.workingDays(after: due, through: today))
    }

    /// The working days left to the case's response date while its response clock runs (open or extended); nil
    /// once it has stopped or been met, when a count to that date means nothing.
    public func workingDaysLeft(_ summary: CaseSummary, today: CivilDate) throws(DeadlineError) -> Int? {
        guard summary.status.isOpen, let due = summary.due else { return nil }
        return try workingDaysLeft(until: due, regime: summary.regime, today: today)
    }
}

/// What a verification of the whole database found.
public struct VerificationReport: Sendable {
    public var cases = 0
    public var events = 0
    /// SQLite's own findings (its integrity check, or the quicker one), empty when the file is sound.
    public var integrity: [String] = []
    /// Rows that point at rows that do not exist.
    public var foreignKeys: [String] = []
    /// Each case whose history or projection fails, with what fails.
    public var failures: [CaseFailure] = []
    /// Events whose case does not exist.
    public var orphanEvents = 0
    /// Where the schema is not the one the migrations make: a protective trigger dropped, a table or an index
    /// changed, an object they do not make.
    public var schema: [String] = []
    /// Where the ledger (every event in the order it was appended) breaks: an event removed or changed.
    public var ledger: [String] = []
    /// Requester rows that two cases point at, or that no case does.
    public var requesters: [String] = []
    /// Documents kept beside a case whose bytes are not those their digest and size name.
    public var enclosures: [String] = []
    /// The ledger's last event and its hash, to keep somewhere else: given back to a later verify, it shows that
    /// nothing recorded up to it has been removed or rewritten since.
    public var head: LedgerHead?

    public init() {}

    public var isSound: Bool {
        integrity.isEmpty && foreignKeys.isEmpty && failures.isEmpty && orphanEvents == 0 && schema.isEmpty
            && ledger.isEmpty && requesters.isEmpty && enclosures.isEmpty
    }
}

/// An event of the ledger and its ledger hash, written `EVENT:HASH` (`1234:9f86d0…`): its head, kept elsewhere.
public struct LedgerHead: Hashable, Sendable, CustomStringConvertible {
    /// The event's id, the order it was appended in.
    public var event: Int64
    public var hash: String

    public init(event: Int64, hash: String) {
        self.event = event
        self.hash = hash
    }

    /// `EVENT:HASH`, the hash 64 lower-case hex digits; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let event = Int64(parts[0]), event >= 1, parts[1].utf8.count == 64,
            parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        self.init(event: event, hash: String(parts[1]))
    }

    public var description: String { "\(event):\(hash)" }
}

/// A case that fails verification.
public struct CaseFailure: Sendable, Equatable {
    public var reference: CaseReference
    public var problems: [String]
    /// The case's row id: failures are listed in the order the cases were logged.
    public var caseID: Int64

    public init(reference: CaseReference, problems: [String], caseID: Int64) {
        self.reference = reference
        self.problems = problems
        self.caseID = caseID
    }
}

/// The authority as its letters present it: the settings `authority-name`, `authority-address`, `foi-contact`,
/// `foi-email`, `review-contact`, `signature` and `reuse-paragraph`.
public struct AuthorityProfile: Hashable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case name = "authority-name"
        case address = "authority-address"
        case contact = "foi-contact"
        case email = "foi-email"
        case reviewContact = "review-contact"
        case signature
        case reuseParagraph = "reuse-paragraph"
        case authorityType = "authority-type"
        case subjectAccessInformation = "sar-information"
        case letterLanguage = "letter-language"

        /// What the field holds, for a message naming a missing one.
        public var meaning: String {
            switch self {
            case .name: "the authority's name"
            case .address: "its postal address"
            case .contact: "who answers requests (a team or an officer's title)"
            case .email: "the address requests and reviews are sent to"
            case .reviewContact: "who carries out internal reviews and how to ask"
            case .signature: "the signature block"
            case .reuseParagraph: "the re-use and copyright paragraph"
            case .authorityType: "whether it is central government or another public authority (the s.12 limit)"
            case .letterLanguage: "the language letters are written in (en, cy or en+cy)"
            case .subjectAccessInformation:
                "what a subject access reply says beside the copy: the purposes, the categories of data, the "
                    + "recipients, how long it is kept, where it came from, any automated decisions and transfers "
                    + "abroad (UK GDPR Art. 15(1)-(2))"
            }
        }
    }

    private var values: [Field: String] = [:]

    public init(_ values: [Field: String] = [:]) {
        self.values = values
    }

    public subscript(field: Field) -> String? {
        get { values[field] }
        set { values[field] = newValue }
    }
}

/// A standard paragraph of reasoning for an exemption, from the library an officer adds to an exemption's
/// reasoning: shipped with foi, or the authority's own.
public struct ReasoningParagraph: Hashable, Sendable, Codable {
    /// What the paragraph argues: why the exemption is engaged, or a public interest factor for or against.
    public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
        case engaged
        case `for`
        case against
    }

    public var name: String
    /// The exemption's section, e.g. `31` (or `12(5)(e)` for an EIR exception).
    public var section: String
    public var role: Role
    public var text: String
    /// True for the authority's own (added, or replacing a shipped one of the same name).
    public var isLocal: Bool

    public init(name: String, section: String, role: Role, text: String, isLocal: Bool = false) {
        self.name = name
        self.section = section
        self.role = role
        self.text = text
        self.isLocal = isLocal
    }

    private enum CodingKeys: String, CodingKey {
        case name, section, role, text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            section: try container.decode(String.self, forKey: .section),
            role: try container.decode(Role.self, forKey: .role), text: try container.decode(String.self, forKey: .text)
        )
    }

    /// Whether the paragraph serves the exemption cited as `citation` (its section, whatever the subsections).
    public func serves(_ citation: String) -> Bool {
        citation == section || citation.hasPrefix(section + "(")
    }
}

/// A response as a disclosure log publishes it: nothing of the requester.
public struct DisclosureLogEntry: Hashable, Sendable {
    public var reference: CaseReference
    public var regime: Regime
    public var received: CivilDate
    /// The first response, or the review decision that released more.
    public var responded: CivilDate
    /// The title for publication: the one decided for the log, else the subject.
    public var title: String
    /// The first response's outcome.
    public var outcome: Outcome
    /// The exemptions relied on in that response (after a review that released more, those still relied on), with
    /// their subsections.
    public var exemptions: [ExemptionDecision]
    /// The outcome of the internal review whose release the entry publishes; nil for a first response.
    public var releasedOnReview: ReviewOutcome?

    public init(
        reference: CaseReference, regime: Regime, received: CivilDate, responded: CivilDate, title: String,
        outcome: Outcome, exemptions: [ExemptionDecision], releasedOnReview: ReviewOutcome? = nil
    ) {
        self.reference = reference
        self.regime = regime
        self.received = received
        self.responded = responded
        self.title = title
        self.outcome = outcome
        self.exemptions = exemptions
        self.releasedOnReview = releasedOnReview
    }
}

/// A case's first response as the disclosure log and the report read it: what a store keeps of it.
public struct FirstResponseRecord: Hashable, Sendable {
    public var responded: CivilDate
    public var outcome: Outcome
    /// The exemptions relied on in that response, as they stood then: a later review may have changed them.
    public var exemptions: [ExemptionDecision]
    /// The title decided for the log, if one was.
    public var title: String?
    /// Why the case is held back from the log, if it is.
    public var heldBack: String?

    public init(
        responded: CivilDate, outcome: Outcome, exemptions: [ExemptionDecision], title: String?, heldBack: String?
    ) {
        self.responded = responded
        self.outcome = outcome
        self.exemptions = exemptions
        self.title = title
        self.heldBack = heldBack
    }

    /// The entry it makes in the disclosure log, titled as decided or else by the request's subject; nil where the
    /// case is held back.
    public func logEntry(reference: CaseReference, regime: Regime, received: CivilDate, subject: String)
        -> DisclosureLogEntry?
    {
        guard heldBack == nil else { return nil }
        return DisclosureLogEntry(
            reference: reference, regime: regime, received: received, responded: responded, title: title ?? subject,
            outcome: outcome, exemptions: exemptions)
    }
}

extension Case {
    /// The first response as the disclosure log keeps it: nil for a request outside the FOI figures (subject
    /// access) or one never answered.
    public var firstResponseRecord: FirstResponseRecord? {
        guard regime.isInFOIFigures, let first = responses.first else { return nil }
        return FirstResponseRecord(
            responded: first.on, outcome: first.outcome, exemptions: exemptionsRelied(atFirstResponse: true),
            title: publication.title, heldBack: publication.heldBack)
    }

    /// The case's entry in the disclosure log, from its history as it stands: nil for a subject access request, a
    /// case never answered, or one held back from the log.
    public var disclosureLogEntry: DisclosureLogEntry? {
        firstResponseRecord?.logEntry(
            reference: reference, regime: regime, received: received, subject: receipt.subject)
    }

    /// The disclosure log's entries for the reviews decided in `period` that released information withheld before
    /// (partly upheld, overturned): what is released on review is published as the first release is (ICO guidance
    /// on disclosure logs: they list information released). None for a case held back or outside the FOI figures.
    public func reviewReleases(in period: ClosedRange<CivilDate>) -> [DisclosureLogEntry] {
        guard let first = firstResponseRecord, first.heldBack == nil else { return [] }
        var relied = first.exemptions
        var entries: [DisclosureLogEntry] = []
        for review in reviews {
            guard let decided = review.decided, let decision = review.decision else { continue }
            relied.removeAll { decision.withdrawnExemptions.contains($0.citation) }
            relied += decision.addedExemptions
            guard period.contains(decided), [.partiallyUpheld, .overturned].contains(decision.outcome) else { continue }
            entries.append(
                DisclosureLogEntry(
                    reference: reference, regime: regime, received: received, responded: decided,
                    title: first.title ?? receipt.subject, outcome: first.outcome,
                    exemptions: decision.outcome == .overturned ? [] : relied, releasedOnReview: decision.outcome))
        }
        return entries
    }
}

/// What happened in a period beside the timeliness figures, for the report: the FOI requests received each day,
/// the outcomes of the first responses sent, the exemptions relied on in them, and the outcomes of the reviews
/// decided. Subject access requests are not in it.
public struct PeriodActivity: Hashable, Sendable {
    public var receivedByDay: [CivilDate: Int] = [:]
    public var outcomes: [Outcome: Int] = [:]
    /// Each exemption (by its regime and its catalogue entry's label, `FOIA s.40 Personal information`) with the
    /// number of responses relying on it.
    public var exemptions: [String: Int] = [:]
    public var reviewOutcomes: [ReviewOutcome: Int] = [:]

    public init() {}
}

/// A running clock as a calendar shows it: one all-day event on its date.
public struct CalendarClock: Hashable, Sendable {
    public var reference: CaseReference
    public var regime: Regime
    public var stage: CaseStage
    public var clock: ClockName
    public var due: CivilDate
    public var provisional: Bool
    /// The event's revision: the case's steps so far less one. It rises with every step recorded, so with every
    /// one that moves a date (RFC 5545 asks only that it rise with each significant change).
    public var sequence: Int
    /// A contributor task's number; nil for every other clock.
    public var task: Int?

    /// For people: the clock's title, and a task's number.
    public var title: String { task.map { "task \($0)" } ?? clock.title }

    public init(
        reference: CaseReference, regime: Regime, stage: CaseStage, clock: ClockName, due: CivilDate,
        provisional: Bool, sequence: Int, task: Int? = nil
    ) {
        self.reference = reference
        self.regime = regime
        self.stage = stage
        self.clock = clock
        self.due = due
        self.provisional = provisional
        self.sequence = sequence
        self.task = task
    }
}
