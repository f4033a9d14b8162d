// Messages to the team: each written to an outbox in the same transaction as the step that causes it (a task given,
// a case offered, a stage of sign-off awaited, a mention), or by the daily run (digests and chasers), and delivered
// later, each marked sent only once the mail server has taken it. A message is plain text for one user, about one
// case at most; it never names a requester, so that it can go to anyone in the office.

/// What a message is about.
public enum MessageKind: String, CaseIterable, Codable, Hashable, Sendable {
    case taskGiven = "task-given"
    case taskDueTomorrow = "task-due-tomorrow"
    case taskOverdue = "task-overdue"
    /// A task 3 working days overdue, to the coordinators of its contributor's teams.
    case taskEscalated = "task-escalated"
    case signOffAwaited = "sign-off-awaited"
    case allocated
    case mentioned
    case digest
}

/// A message for the outbox.
public struct OutgoingMessage: Hashable, Sendable {
    public var recipient: UserID
    public var kind: MessageKind
    public var reference: CaseReference?
    public var subject: String
    /// The plain text, with the link to the case.
    public var body: String
    /// What makes the message the same message: one queued with a key already in the outbox is not queued again,
    /// so that a daily run repeated, or a chaser for the same lateness, sends nothing twice.
    public var key: String

    public init(
        recipient: UserID, kind: MessageKind, reference: CaseReference?, subject: String, body: String, key: String
    ) {
        self.recipient = recipient
        self.kind = kind
        self.reference = reference
        self.subject = subject
        self.body = body
        self.key = key
    }
}

/// A message waiting in the outbox, with where it goes.
public struct PendingMessage: Hashable, Sendable {
    public var id: Int64
    public var message: OutgoingMessage
    /// The recipient's name and address as the store has them now; nil address: they have none, or are inactive.
    public var recipientName: String
    public var recipientEmail: String?
    public var attempts: Int

    public init(id: Int64, message: OutgoingMessage, recipientName: String, recipientEmail: String?, attempts: Int) {
        self.id = id
        self.message = message
        self.recipientName = recipientName
        self.recipientEmail = recipientEmail
        self.attempts = attempts
    }
}

/// What became of a message taken from the outbox to deliver.
public enum Delivery: Hashable, Sendable {
    /// The mail server said 250 to it.
    case sent
    /// Refused for good (a 5xx reply, no address): kept with the reason, never tried again.
    case dropped(String)
    /// Not delivered this time (a 4xx reply, the server unreachable): tried again by the next run.
    case deferred(String)
}

/// How many messages the outbox holds in each state.
public struct OutboxCounts: Hashable, Sendable {
    public var pending: Int
    public var sent: Int
    public var dropped: Int

    public init(pending: Int, sent: Int, dropped: Int) {
        self.pending = pending
        self.sent = sent
        self.dropped = dropped
    }
}
