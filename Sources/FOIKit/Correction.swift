// Putting the record right without rewriting it: a correction supersedes what the receipt recorded, a void makes a
// step count as never having happened. Both are events of their own, appended and chained like any other, so the
// history keeps what was recorded, when, and why it was put right; the case is the fold of the history as it now
// stands (`Case.standingHistory`), and a replay as at a date before the correction gives the case as it stood then.

/// The details of a requester that a correction can put right. Their values are personal data, kept with the
/// requester; the event names only which were corrected.
public enum RequesterField: String, CaseIterable, Codable, Hashable, Sendable {
    case name, email, address
}

/// What the receipt recorded, corrected: each field given supersedes the receipt's from the correction on.
public struct Correction: Hashable, Sendable {
    /// The day the request was in fact received (with `timestamp`, its London date).
    public var received: CivilDate?
    /// The receipt's timestamp, where the correction gave one.
    public var timestamp: String?
    public var subject: String?
    public var regime: Regime?
    public var channel: Channel?
    /// The requester's details corrected in the requester store.
    public var requester: [RequesterField]
    /// Why: what was wrong, for the history and anyone who reads the figures again.
    public var reason: String

    public init(
        received: CivilDate? = nil, timestamp: String? = nil, subject: String? = nil, regime: Regime? = nil,
        channel: Channel? = nil, requester: [RequesterField] = [], reason: String
    ) {
        self.received = received
        self.timestamp = timestamp
        self.subject = subject
        self.regime = regime
        self.channel = channel
        self.requester = requester
        self.reason = reason
    }

    /// Whether it corrects nothing.
    public var isEmpty: Bool {
        received == nil && subject == nil && regime == nil && channel == nil && requester.isEmpty
    }

    /// The corrected fields, for people: `received, regime`.
    public var fields: [String] {
        [
            received.map { _ in "received" }, subject.map { _ in "subject" }, regime.map { _ in "regime" },
            channel.map { _ in "channel" },
        ].compactMap { $0 } + requester.map { "requester \($0.rawValue)" }
    }

    /// `receipt` (received on `date`) with this correction's fields in place of its own.
    func correcting(_ receipt: Receipt, receivedOn date: CivilDate) -> (Receipt, CivilDate) {
        var corrected = receipt
        if let regime { corrected.regime = regime }
        if let subject { corrected.subject = subject }
        if let channel { corrected.channel = channel }
        if let received {
            corrected.timestamp = timestamp
            return (corrected, received)
        }
        return (corrected, date)
    }
}

/// A step treated from now on as never having happened: recorded on the wrong case, or by mistake.
public struct VoidedStep: Hashable, Sendable {
    /// The step's number in the case's history, counted from 1 (the receipt).
    public var number: Int
    public var reason: String

    public init(number: Int, reason: String) {
        self.number = number
        self.reason = reason
    }
}

extension VoidedStep {
    /// The steps `history` voids, by number, with the number of the step that voided each and its reason.
    public static func voids(in history: [RecordedEvent]) -> [Int: (by: Int, reason: String)] {
        var voided: [Int: (by: Int, reason: String)] = [:]
        for (index, recorded) in history.enumerated() {
            if case .voided(let void) = recorded.event { voided[void.number] = (index + 1, void.reason) }
        }
        return voided
    }
}

/// Why a step cannot be voided.
public enum VoidRefusal: Hashable, Sendable, CustomStringConvertible {
    /// No step has that number.
    case noSuchStep(count: Int)
    /// The receipt is corrected, not voided: without it there is no case.
    case receipt
    /// A void is final (record the step again instead), and a step is voided once.
    case alreadyVoided(by: Int)
    case void
    /// What follows from the calendar or the retention policy (a moved date, an anonymisation), or a part that is a
    /// case of its own, is not undone by a void.
    case notAStep(EventKind)

    public var description: String {
        switch self {
        case .noSuchStep(let count): "the case's history has \(count) step\(count == 1 ? "" : "s")"
        case .receipt: "without its receipt there is no case; correct the receipt instead"
        case .alreadyVoided(let by): "step \(by) voided it already"
        case .void: "a void is final; record the step again instead"
        case .notAStep(.split): "the part split off is a case of its own; withdraw or correct that case instead"
        case .notAStep(let kind):
            "a '\(kind.rawValue)' follows from the calendar or the retention policy, not a decision"
        }
    }
}

extension Case {
    /// The history as it now stands: the receipt as corrected, each step not voided, in order, each with its number in
    /// the history; corrections and voids are left out (the case is their fold).
    public var standingHistory: [(number: Int, recorded: RecordedEvent)] { Self.standing(history) }

    /// The steps as they now stand, without their numbers: the history itself, uncopied, where nothing corrects it
    /// (every write asks, through `closedOn`).
    public var standingSteps: [RecordedEvent] {
        history.contains(where: \.event.correctsTheRecord) ? Self.standing(history).map(\.recorded) : history
    }

    /// The steps voided, by number, with the number of the step that voided each and its reason.
    public var voided: [Int: (by: Int, reason: String)] { VoidedStep.voids(in: history) }

    static func standing(_ history: [RecordedEvent]) -> [(number: Int, recorded: RecordedEvent)] {
        guard history.contains(where: \.event.correctsTheRecord) else {
            return history.enumerated().map { ($0.offset + 1, $0.element) }
        }
        var voided = Set<Int>()
        for recorded in history { if case .voided(let void) = recorded.event { voided.insert(void.number) } }
        var standing: [(number: Int, recorded: RecordedEvent)] = []
        for (index, recorded) in history.enumerated() where !voided.contains(index + 1) {
            // The events that put the record right are not steps (`correctsTheRecord` lists them); a correction
            // replaces fields of the receipt, which is the first step standing.
            if case .corrected(let correction) = recorded.event, let first = standing.first,
                case .received(let receipt) = first.recorded.event
            {
                let (corrected, date) = correction.correcting(receipt, receivedOn: first.recorded.date)
                standing[0].recorded = RecordedEvent(date: date, event: .received(corrected))
            } else if !recorded.event.correctsTheRecord {
                standing.append((index + 1, recorded))
            }
        }
        return standing
    }

    /// The case after `recorded`, a correction or a void: the history with it replayed as it then stands. Refused,
    /// naming the first later step that could not stand, where that history would not be lawful.
    mutating func refold(adding recorded: RecordedEvent, catalogue: ExemptionCatalogue) throws(LifecycleError) {
        if case .voided(let void) = recorded.event { try requireVoidable(void.number) }
        let history = history + [recorded]
        let standing = Self.standing(history)
        guard let first = standing.first, case .received(let receipt) = first.recorded.event else {
            throw .receiptNotFirst
        }
        var replayed = Case(reference: reference, received: first.recorded.date, receipt: receipt)
        for (number, step) in standing.dropFirst() {
            do {
                try replayed.apply(step, catalogue: catalogue)
            } catch {
                throw .laterStepCannotStand(number: number, action: step.event.action, because: error)
            }
        }
        replayed.history = history
        self = replayed
    }

    private func requireVoidable(_ number: Int) throws(LifecycleError) {
        guard (1...history.count).contains(number) else {
            throw .cannotVoid(number: number, .noSuchStep(count: history.count))
        }
        if let by = voided[number]?.by { throw .cannotVoid(number: number, .alreadyVoided(by: by)) }
        let event = history[number - 1].event
        switch event {
        case .received: throw .cannotVoid(number: number, .receipt)
        case .voided: throw .cannotVoid(number: number, .void)
        case .deadlineMoved, .anonymised, .split: throw .cannotVoid(number: number, .notAStep(event.kind))
        case .acknowledged, .clarificationRequested, .clarificationReceived, .clarificationLapsed, .feeNoticeIssued,
            .feePaid, .feeLapsed, .transferred, .withdrawn, .searchRecorded, .exemptionApplied, .extended, .responded,
            .note, .requestRecorded, .reasoningRecorded, .letterIssued, .publicationDecided, .assigned, .reopened,
            .reviewRequested, .reviewExtended, .reviewDecided, .complaintNotified, .submissionsRequested,
            .submissionsSent, .decisionNoticeIssued, .decisionNoticeComplied, .complaintClosed, .appealLodged,
            .hearingListed, .appealDecided, .corrected, .exemptionWithdrawn, .answerRecorded, .taskGiven, .taskDone,
            .taskDeclined, .flagged, .approvalRequested, .approved, .approvalRejected,
            .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned, .commented,
            .qualifiedPersonOpinion:
            return
        }
    }
}

extension CaseEvent {
    /// Whether the event puts the record right (a correction, a void) rather than being a step of the case.
    var correctsTheRecord: Bool {
        switch self {
        case .corrected, .voided: true
        case .received, .acknowledged, .clarificationRequested, .clarificationReceived, .clarificationLapsed,
            .feeNoticeIssued, .feePaid, .feeLapsed, .transferred, .withdrawn, .split, .searchRecorded,
            .exemptionApplied, .extended, .responded, .note, .requestRecorded, .reasoningRecorded, .letterIssued,
            .publicationDecided, .assigned, .reopened, .deadlineMoved, .reviewRequested, .reviewExtended,
            .reviewDecided, .complaintNotified, .submissionsRequested, .submissionsSent, .decisionNoticeIssued,
            .decisionNoticeComplied, .complaintClosed, .appealLodged, .hearingListed, .appealDecided, .anonymised,
            .exemptionWithdrawn, .answerRecorded, .taskGiven, .taskDone, .taskDeclined, .flagged, .approvalRequested,
            .approved, .approvalRejected,
            .approvalBypassed, .allocated, .allocationAccepted, .allocationRejected, .taskReassigned, .commented,
            .qualifiedPersonOpinion:
            false
        }
    }
}
