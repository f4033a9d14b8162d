import FOIKit

/// The words of the messages foi sends the team (Outbox.swift): plain text, the case by its reference and subject,
/// dates as people say them, and the link to the case; never the requester.
public struct TeamMail: Sendable {
    /// Where the team opens foi-server (the `web-address` setting), without a trailing slash.
    public var webAddress: String

    public init(webAddress: String) {
        self.webAddress = webAddress.hasSuffix("/") ? String(webAddress.dropLast()) : webAddress
    }

    public func link(_ reference: CaseReference) -> String {
        "\(webAddress)/cases/\(reference.rawValue)"
    }

    /// A task given to `recipient`.
    public func taskGiven(
        _ task: Int, of reference: CaseReference, subject: String, due: CivilDate?, to recipient: UserID
    ) -> OutgoingMessage {
        message(
            to: recipient, .taskGiven, reference, subject: "Task \(task) on \(reference)",
            lines: [
                "You are asked to help answer a request: task \(task) on \(reference) (\(subject)).",
                due.map { "It is due by \($0.longDescription)." }
                    ?? "Its date is set once the case's clock runs again.",
                "Open the case to read the question and answer it, or to say why you cannot:",
            ], key: "task-given:\(reference):\(task):\(recipient)")
    }

    /// A task of `recipient`'s due on the next working day.
    public func taskDueTomorrow(
        _ task: Int, of reference: CaseReference, subject: String, due: CivilDate, to recipient: UserID
    )
        -> OutgoingMessage
    {
        message(
            to: recipient, .taskDueTomorrow, reference,
            subject: "Task \(task) on \(reference) is due \(due.longDescription)",
            lines: [
                "Task \(task) on \(reference) (\(subject)) is due by \(due.longDescription), the next working day."
            ],
            key: "task-due-tomorrow:\(reference):\(task):\(due)")
    }

    /// A task `late` working days past its date: to its contributor, or (`escalating`) to a coordinator of theirs.
    public func taskOverdue(
        _ task: Int, of reference: CaseReference, subject: String, due: CivilDate, late: Int, contributor: String,
        to recipient: UserID, escalating: Bool
    ) -> OutgoingMessage {
        let days = plural(late, "working day")
        return message(
            to: recipient, escalating ? .taskEscalated : .taskOverdue, reference,
            subject: "Task \(task) on \(reference) is \(days) overdue",
            lines: escalating
                ? [
                    "Task \(task) on \(reference) (\(subject)), given to \(contributor), was due by "
                        + "\(due.longDescription) and is \(days) overdue.",
                    "You are told as their team's coordinator: the response's own date depends on it.",
                ]
                : [
                    "Task \(task) on \(reference) (\(subject)) was due by \(due.longDescription) and is \(days) "
                        + "overdue.",
                    "Please answer it, or say why you cannot, today:",
                ],
            key: "\(escalating ? "task-escalated" : "task-overdue"):\(reference):\(task):\(due):\(recipient)")
    }

    /// Stage `stage` of the sign-off of a draft response waits for `recipient`.
    public func signOffAwaited(
        stage: Int, of reference: CaseReference, subject: String, to recipient: UserID, event: Int
    ) -> OutgoingMessage {
        message(
            to: recipient, .signOffAwaited, reference, subject: "Sign-off of \(reference) waits for you",
            lines: [
                "The draft response to \(reference) (\(subject)) waits for your sign-off (stage \(stage)).",
                "Open the case to read the draft and approve or reject it:",
            ], key: "sign-off:\(reference):\(event):\(recipient)")
    }

    /// The case offered to `recipient`, or (`team`) to a team of theirs.
    public func allocated(
        _ reference: CaseReference, subject: String, due: CivilDate?, team: String?, to recipient: UserID, event: Int
    ) -> OutgoingMessage {
        message(
            to: recipient, .allocated, reference, subject: "\(reference) is offered to " + (team ?? "you"),
            lines: [
                "\(reference) (\(subject)) is offered to " + (team.map { "your team, \($0)" } ?? "you")
                    + (due.map { "; the response is due by \($0.longDescription)." } ?? "."),
                "Open the case to accept it, or to give it back with the reason:",
            ], key: "allocated:\(reference):\(event):\(recipient)")
    }

    /// `author` mentioned `recipient` in a comment on the case.
    public func mentioned(
        _ reference: CaseReference, subject: String, by author: String, to recipient: UserID, event: Int
    ) -> OutgoingMessage {
        message(
            to: recipient, .mentioned, reference, subject: "\(author) mentioned you on \(reference)",
            lines: ["\(author) mentioned you in a comment on \(reference) (\(subject)).", "Read it on the case:"],
            key: "mention:\(reference):\(event):\(recipient)")
    }

    /// One line of a digest: a case's or a task's date.
    public struct DigestLine: Hashable, Sendable {
        public var reference: CaseReference
        public var what: String
        public var due: CivilDate
        public var left: Int

        public init(reference: CaseReference, what: String, due: CivilDate, left: Int) {
            self.reference = reference
            self.what = what
            self.due = due
            self.left = left
        }
    }

    /// `recipient`'s digest of `day`: what of theirs is overdue, then what is due soon.
    public func digest(_ lines: [DigestLine], on day: CivilDate, to recipient: UserID) -> OutgoingMessage {
        let overdue = lines.filter { $0.left < 0 }
        let soon = lines.filter { $0.left >= 0 }
        func section(_ title: String, _ lines: [DigestLine]) -> [String] {
            lines.isEmpty
                ? []
                : ["\(title):"]
                    + lines.map { line in
                        "- \(line.reference) \(line.what): due \(line.due.longDescription) "
                            + "(\(Self.phrase(left: line.left)))\n  \(link(line.reference))"
                    }
        }
        let body =
            (["Your foi digest for \(day.longDescription)."] + section("Overdue", overdue) + section("Due soon", soon)
            + ["All your work: \(webAddress)/"]).joined(separator: "\n\n") + "\n"
        return OutgoingMessage(
            recipient: recipient, kind: .digest, reference: nil,
            subject: "foi: \(plural(overdue.count, "overdue item")), \(soon.count) due soon",
            body: body, key: "digest:\(recipient):\(day)")
    }

    /// `3 working days left`, `due today`, `2 working days late`.
    static func phrase(left: Int) -> String {
        left < 0
            ? "\(plural(-left, "working day")) late" : left == 0 ? "due today" : "\(plural(left, "working day")) left"
    }

    private func message(
        to recipient: UserID, _ kind: MessageKind, _ reference: CaseReference, subject: String, lines: [String],
        key: String
    ) -> OutgoingMessage {
        OutgoingMessage(
            recipient: recipient, kind: kind, reference: reference, subject: subject,
            body: (lines + [link(reference)]).joined(separator: "\n\n") + "\n", key: key)
    }
}
