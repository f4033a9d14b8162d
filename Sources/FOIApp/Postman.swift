import FOIKit
import FOIMail
import FOIViews
import Foundation

/// Delivering the outbox, and the daily run that fills it: each user's digest and the chasers of late tasks.
public struct Postman: Sendable {
    public let storage: any CaseStorage

    public init(storage: any CaseStorage) {
        self.storage = storage
    }

    /// What a delivery run did.
    public struct Report: Equatable, Sendable {
        public var sent = 0
        /// Refused for good by the server, or with no address to go to.
        public var dropped = 0
        /// To be tried again by the next run.
        public var deferred = 0
        /// Why the run stopped before the end, if it did: the server could not be reached, or stopped answering.
        public var stoppedBecause: String?
    }

    /// How many messages a run claims at a time.
    static let batch = 200

    /// Delivers what the outbox holds through `transport`, from `sender`: each message is marked sent only once the
    /// server has said 250 to it, so that a run interrupted sends again at most the message it was sending.
    public func send(via transport: any MailTransport, from sender: (name: String, address: String)) async throws
        -> Report
    {
        var report = Report()
        while true {
            let now = Int64(Date().timeIntervalSince1970)
            let claimed = try await storage.claimPending(limit: Self.batch, at: now)
            var deliverable: [(PendingMessage, Mail)] = []
            for pending in claimed {
                guard let address = pending.recipientEmail else {
                    try await storage.record(
                        .dropped("the user has no address, or is inactive"), of: pending.id, at: now)
                    report.dropped += 1
                    continue
                }
                let mail = Mail.compose(
                    from: sender, to: (pending.recipientName, address), subject: pending.message.subject,
                    text: pending.message.body, messageID: Self.messageID(pending, sender: sender.address),
                    sentAt: Date())
                deliverable.append((pending, mail))
            }
            var answered = 0
            do {
                try await transport.deliver(deliverable.map(\.1)) { index, outcome in
                    let id = deliverable[index].0.id
                    let at = Int64(Date().timeIntervalSince1970)
                    switch outcome {
                    case .accepted:
                        try await storage.record(.sent, of: id, at: at)
                        report.sent += 1
                    case .refused(let reply):
                        try await storage.record(.dropped(reply), of: id, at: at)
                        report.dropped += 1
                    case .deferred(let reply):
                        try await storage.record(.deferred(reply), of: id, at: at)
                        report.deferred += 1
                    }
                    answered = index + 1
                }
            } catch let error as SMTPError {
                for (pending, _) in deliverable[answered...] {
                    try await storage.record(.deferred("\(error)"), of: pending.id, at: now)
                    report.deferred += 1
                }
                report.stoppedBecause = "\(error)"
                return report
            }
            // A full batch with nothing put off: there may be more.
            guard claimed.count == Self.batch, report.deferred == 0 else { return report }
        }
    }

    /// The Message-ID of a message: the outbox's number for it and a hash of its key, at the sender's domain, so that
    /// a message sent again after an interruption is known for the same by the mail system.
    static func messageID(_ pending: PendingMessage, sender: String) -> String {
        let domain = sender.split(separator: "@").last.map(String.init) ?? "foi.invalid"
        return "foi-\(pending.id).\(SHA256.hex(Array(pending.message.key.utf8)).prefix(16))@\(domain)"
    }
}

extension Postman {
    /// What a daily run queued.
    public struct DailyRun: Equatable, Sendable {
        public var digests = 0
        public var chasers = 0
    }

    /// How many working days ahead a digest counts as due soon, as the board does.
    public static let digestHorizon = 5
    /// A task this many working days late is escalated to the coordinators of its contributor's teams (of its team).
    public static let escalationWorkingDays = 3

    /// Queues the day's messages: each active user's digest of what of theirs is overdue or due within
    /// `digestHorizon` working days (the cases they handle, the tasks they hold; none where there is nothing), and
    /// the chasers of open tasks: due the next working day, to the contributor; a working day late, to the
    /// contributor; `escalationWorkingDays` late, to the coordinators of the contributor's teams (or, where a team
    /// has none, of the team above it). Each is queued once, however often the run is repeated.
    public func queueDailyRun(today: CivilDate) async throws -> DailyRun {
        let mail = TeamMail(webAddress: try await storage.setting(.webAddress))
        let users = try await storage.users().filter { $0.active && $0.email != nil && $0.role != .system }
        let teams = try await storage.teams()
        let calendars = try await storage.rules().calendars
        let tasks = try await storage.tasks(TaskFilter(), today: today)
        var tasksByUser: [UserID: [(TaskSummary, Int)]] = [:]
        var chasers: [OutgoingMessage] = []
        for task in tasks {
            guard let due = task.due else { continue }
            let left = try calendars.workingDaysLeft(until: due, regime: task.regime, today: today)
            // A team's task goes to each of its members; escalated, to the team's coordinators.
            for contributor in teams.recipients(task.contributor) {
                tasksByUser[contributor, default: []].append((task, left))
                if left == 1 {
                    chasers.append(
                        mail.taskDueTomorrow(
                            task.number, of: task.reference, subject: task.subject, due: due, to: contributor))
                }
                if left <= -1 {
                    chasers.append(
                        mail.taskOverdue(
                            task.number, of: task.reference, subject: task.subject, due: due, late: -left,
                            contributor: task.contributorName, to: contributor, escalating: false))
                }
            }
            if left <= -Self.escalationWorkingDays {
                for coordinator in Self.coordinators(of: task.contributor, in: teams) {
                    chasers.append(
                        mail.taskOverdue(
                            task.number, of: task.reference, subject: task.subject, due: due, late: -left,
                            contributor: task.contributorName, to: coordinator, escalating: true))
                }
            }
        }
        var digests: [OutgoingMessage] = []
        for user in users {
            var lines: [TeamMail.DigestLine] = []
            if user.role.recordsSteps, let email = user.email {
                var filter = CaseFilter()
                filter.handler = .officer(email)
                filter.dueWithinWorkingDays = Self.digestHorizon
                for summary in try await storage.list(filter, today: today) {
                    guard let due = summary.due, let left = try calendars.workingDaysLeft(summary, today: today) else {
                        continue
                    }
                    lines.append(
                        TeamMail.DigestLine(reference: summary.ref, what: summary.subject, due: due, left: left))
                }
            }
            for (task, left) in tasksByUser[user.id] ?? [] where left <= Self.digestHorizon {
                guard let due = task.due else { continue }
                lines.append(
                    TeamMail.DigestLine(reference: task.reference, what: "task \(task.number)", due: due, left: left))
            }
            guard !lines.isEmpty else { continue }
            digests.append(
                mail.digest(
                    lines.sorted { ($0.left, $0.reference.rawValue) < ($1.left, $1.reference.rawValue) }, on: today,
                    to: user.id))
        }
        let now = Int64(Date().timeIntervalSince1970)
        let active = Set(users.map(\.id))
        let queuedChasers = try await storage.queue(chasers.filter { active.contains($0.recipient) }, at: now)
        let queuedDigests = try await storage.queue(digests, at: now)
        return DailyRun(digests: queuedDigests, chasers: queuedChasers)
    }

    /// The coordinators over `party`: of each team a user is in (or of the team itself), its own, else those of the
    /// nearest team above; never the contributor themselves.
    static func coordinators(of party: Party, in teams: [Team]) -> Set<UserID> {
        let user: UserID?
        let start: [Team]
        switch party {
        case .user(let id): (user, start) = (id, teams.filter { $0.members.contains { $0.user == id } })
        case .team(let id): (user, start) = (nil, teams.filter { $0.id == id })
        }
        var found: Set<UserID> = []
        for team in start {
            var current: Team? = team
            while let each = current {
                let coordinators = each.members.filter { $0.role == .coordinator && $0.user != user }.map(\.user)
                if !coordinators.isEmpty {
                    found.formUnion(coordinators)
                    break
                }
                current = each.parent.flatMap { parent in teams.first { $0.id == parent } }
            }
        }
        return found
    }
}
