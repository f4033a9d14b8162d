import FOIKit
import Foundation
import GRDB

extension CivilDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CivilDate? {
        String.fromDatabaseValue(dbValue).flatMap { try? CivilDate(iso: $0) }
    }
}

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

    public init(reference: CaseReference? = nil, received: CivilDate, receipt: Receipt, requester: Requester? = nil) {
        self.reference = reference
        self.received = received
        self.receipt = receipt
        self.requester = requester
    }
}

/// A case as listings show it: the projection row and its exemptions.
public struct CaseSummary: Hashable, Codable, Sendable {
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
}

/// A step as recorded: the case as it now stands, and the event as stored (with what the calendar added to it,
/// e.g. that a request for review came late).
public struct RecordedStep: Sendable {
    public var summary: CaseSummary
    public var event: RecordedEvent
}

/// One stored event with its place in the history.
public struct StoredEvent: Hashable, Sendable {
    public var sequence: Int
    public var recorded: RecordedEvent
    public var actor: String?
    public var recordedAt: String
}

/// Everything `foi show` needs about one case.
public struct CaseDetail: Sendable {
    public var summary: CaseSummary
    public var requester: Requester?
    public var events: [StoredEvent]
    public var deadline: ResponseDeadline
    /// The case replayed from its events: its review, complaint and appeal.
    public var file: Case
    /// Every clock of the case, with how each was derived.
    public var clocks: [CaseClock]
}

/// A board row: one running clock of a case, with the working days left to its date (negative when overdue).
public struct BoardRow: Hashable, Sendable {
    public var summary: CaseSummary
    public var clock: ClockName
    public var due: CivilDate
    public var provisional: Bool
    public var workingDaysLeft: Int
}

/// One section of the board: how many cases it holds, and the most urgent of them.
public struct BoardSection: Sendable {
    public var count: Int
    public var rows: [BoardRow]
}

/// Today's view: the authority's clocks past their date, every clock due soon, and the cases waiting on the
/// requester (with the day they may be closed).
public struct Board: Sendable {
    public var today: CivilDate
    public var overdue: BoardSection
    public var dueSoon: BoardSection
    public var awaiting: BoardSection
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
    /// At most this many rows (nil: all).
    public var limit: Int?

    public init() {}
}

/// What adding a holiday did.
public struct HolidayChange: Sendable {
    public var holiday: Holiday
    public var casesMoved: Int
}

/// The response clock's inputs beyond those in the cases row, kept as JSON in the projection.
struct StoredClock: Codable {
    var convention: ReceiptConvention
    var clarifications: [Clarification]
    var fees: [FeePeriod]
    var publicInterestExtension: Int?
    var statutoryExtension: Bool

    init(_ input: ResponseClockInput) {
        convention = input.convention
        clarifications = input.clarifications
        fees = input.fees
        publicInterestExtension = input.publicInterestExtension
        statutoryExtension = input.statutoryExtension
    }

    func input(regime: Regime, received: CivilDate) -> ResponseClockInput {
        ResponseClockInput(
            regime: regime, received: received, convention: convention, clarifications: clarifications, fees: fees,
            publicInterestExtension: publicInterestExtension, statutoryExtension: statutoryExtension)
    }
}

/// Why a store operation failed. Each says what to do.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case caseNotFound(CaseReference)
    case duplicateReference(CaseReference)
    /// The database was written by a newer `foi`.
    case newerDatabase(path: String, unknownMigrations: [String])
    case cannotOpen(path: String, reason: String)
    case lifecycle(LifecycleError)
    case deadline(DeadlineError)
    case badReferencePattern(String)
    case holidayExists(CivilDate, Division)
    case unknownSetting(String)
    case badSetting(key: String, value: String, reason: String)

    public var description: String {
        switch self {
        case .caseNotFound(let ref):
            "no case '\(ref)'; see 'foi list' for the references"
        case .duplicateReference(let ref):
            "a case '\(ref)' already exists; give another reference, or leave --ref out to generate one"
        case .newerDatabase(let path, let unknown):
            "\(path) was written by a newer foi (migrations \(unknown.joined(separator: ", "))); upgrade foi before using it"
        case .cannotOpen(let path, let reason):
            "cannot open the database \(path): \(reason)"
        case .lifecycle(let error):
            error.description
        case .deadline(let error):
            error.description
        case .badReferencePattern(let pattern):
            "the reference pattern '\(pattern)' needs {SEQ} or {SEQ:n} (and may use {YYYY} and {YY}), e.g. FOI-{YYYY}-{SEQ:6} or 01.FOI.{YY}.{SEQ:6}"
        case .holidayExists(let date, let division):
            "\(date) is already a bank holiday in \(division.name)"
        case .unknownSetting(let key):
            "no setting '\(key)'; the settings are \(Settings.Key.allCases.map(\.rawValue).joined(separator: ", "))"
        case .badSetting(let key, let value, let reason):
            "'\(value)' is not a value of \(key): \(reason)"
        }
    }
}

/// The organisation's settings.
public enum Settings {
    public enum Key: String, CaseIterable, Sendable {
        /// How generated references look: `FOI-{YYYY}-{SEQ:6}` by default.
        case referencePattern = "reference-pattern"
        /// Day 0 for requests received on a non-working day, for new cases: `statutory` or `next-working-day`.
        case receiptConvention = "receipt-convention"
        /// Working days to wait for clarification before the request may be closed (no statute sets it).
        case clarificationLapseDays = "clarification-lapse-days"

        public var defaultValue: String {
            switch self {
            case .referencePattern: "FOI-{YYYY}-{SEQ:6}"
            case .receiptConvention: ReceiptConvention.statutory.rawValue
            case .clarificationLapseDays: String(ClockPolicy.defaultClarificationLapseWorkingDays)
            }
        }
    }
}
