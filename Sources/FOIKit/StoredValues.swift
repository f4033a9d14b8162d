/// The values the store keeps and gives back beside the cases themselves: what an officer asks of the bank holidays,
/// what an import brings up to date, and what a restore or an anonymisation did.

/// A change to the bank holidays, as an officer asks for it.
public enum HolidayEdit: Sendable {
    /// A day newly proclaimed a bank holiday.
    case add(Holiday)
    /// A bank holiday cancelled by proclamation.
    case cancel(CivilDate, Division)
    /// A bank holiday moved by proclamation to another day; `title` names the new day (default: the old one's name).
    case move(from: CivilDate, to: CivilDate, Division, title: String?)
    /// GOV.UK's bank-holidays.json, refreshed since foi was released: it replaces the shipped data for the years it
    /// covers.
    case importGovUK([UInt8])
}

/// What restoring an export did.
public struct Restoration: Sendable {
    public var cases = 0
    public var requesters = 0
    /// The rows restored into each organisation table.
    public var rows: [String: Int] = [:]
    /// The personal texts the export did not hold (removed from the database it came from, or exported without
    /// the requesters): stored as removed.
    public var removedTexts = 0
    /// The edited letter templates it holds: foi keeps templates in a directory, not in the database.
    public var templates: [(name: String, text: String)] = []
    /// The schema of the database it came from.
    public var schema: String?

    public init() {}
}

/// What an anonymisation did.
public struct Anonymisation: Sendable {
    public var cases: [CaseReference] = []
    public var requesters = 0
    public var texts = 0
    /// Another connection to the database kept its write-ahead log from being emptied: the removed data stays in
    /// the log until that connection closes and a later write empties it.
    public var logKept = false

    public init() {}
}

/// What an import did, or would do: how many steps each case brought up to date gained, and the response deadline
/// of each case imported, as the lifecycle decided it in the import's own replay.
public struct ImportResult: Sendable {
    public var gained: [Int]
    public var deadlines: [Deadline]

    public init(gained: [Int], deadlines: [Deadline]) {
        self.gained = gained
        self.deadlines = deadlines
    }

    /// What a deadline audit reads of a response deadline (a hundred thousand whole ones would be tens of
    /// megabytes).
    public struct Deadline: Sendable {
        public var dayZero: CivilDate
        public var due: CivilDate?
        public var workingDays: Int?
        /// Days awaiting a fee were left out of the count.
        public var paused: Bool

        public init(_ deadline: ResponseDeadline) {
            dayZero = deadline.dayZero
            due = deadline.due
            workingDays = deadline.workingDays
            paused = !deadline.disregarded.isEmpty
        }
    }
}

/// A case imported before, brought up to date: `stepsSince` gives what it lacks as it stands (the import decides
/// what its row has since), or throws why its history cannot be brought to the row's; the store gives it a way to
/// find the user a name is.
public struct CaseUpdate: Sendable {
    public typealias StepsSince = @Sendable (Case, _ userNamed: (String) throws -> UserID?) throws -> [RecordedEvent]
    public var reference: CaseReference
    public var stepsSince: StepsSince

    public init(reference: CaseReference, stepsSince: @escaping StepsSince) {
        self.reference = reference
        self.stepsSince = stepsSince
    }
}
