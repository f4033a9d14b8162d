import FOIKit
import FOIViews

/// The messages a step sends the team, decided from the step as FOIKit left the case: a task to its contributor (to
/// each member of a team), an offer to the officer or to each member of the team, a stage of sign-off to the approver
/// it waits for, a comment to those it mentions. Never to the one who took the step, nor to anyone without an address
/// or no longer active.
struct Notifier: Sendable {
    let mail: TeamMail
    let users: [UserID: User]
    let teams: [Team]
    /// The user taking the step, if the store knows them.
    let author: User?

    init(storage: any CaseStorage, actor: Actor) async throws {
        mail = TeamMail(webAddress: try await storage.setting(.webAddress))
        let users = try await storage.users()
        self.users = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0) })
        teams = try await storage.teams()
        author = try await storage.user(actor)
    }

    /// What `step` sends.
    func messages(for step: CaseStep) -> [OutgoingMessage] {
        let file = step.state.file
        let reference = file.reference
        let subject = file.receipt.subject
        let event = file.history.count
        let caseDue = step.state.deadline.finalDate
        let messages: [OutgoingMessage]
        switch step.event.event {
        case .taskGiven(let request):
            let due = step.state.clocks.first { $0.task == request.number && $0.stoppedOn == nil }?.due
            messages = teams.recipients(request.contributor).map {
                mail.taskGiven(request.number, of: reference, subject: subject, due: due, to: $0)
            }
        case .taskReassigned(let number, let user):
            let due = step.state.clocks.first { $0.task == number && $0.stoppedOn == nil }?.due
            messages = [mail.taskGiven(number, of: reference, subject: subject, due: due, to: user)]
        case .assigned(let handler?):
            let user: UserID? =
                switch handler {
                case .user(let id): id
                case .named(let name):
                    users.values.first { $0.email?.lowercased() == name.lowercased() || $0.name == name }?.id
                }
            messages =
                user.map {
                    [mail.allocated(reference, subject: subject, due: caseDue, team: nil, to: $0, event: event)]
                }
                ?? []
        case .allocated(let team):
            let name = teams.first { $0.id == team }?.name
            messages = teams.recipients(.team(team)).map {
                mail.allocated(reference, subject: subject, due: caseDue, team: name, to: $0, event: event)
            }
        case .approvalRequested(let request):
            messages =
                request.chain.first.map {
                    teams.recipients($0).map {
                        mail.signOffAwaited(stage: 1, of: reference, subject: subject, to: $0, event: event)
                    }
                } ?? []
        case .approved(let decision):
            let chain = file.approval?.request.chain ?? []
            messages =
                chain.indices.contains(decision.stage)
                ? teams.recipients(chain[decision.stage]).map {
                    mail.signOffAwaited(
                        stage: decision.stage + 1, of: reference, subject: subject, to: $0, event: event)
                } : []
        case .commented(_, let mentions):
            let name = author?.name ?? "Someone"
            messages = mentions.map { mail.mentioned(reference, subject: subject, by: name, to: $0, event: event) }
        default:
            messages = []
        }
        return messages.filter { message in
            guard let user = users[message.recipient] else { return false }
            return user.active && user.email != nil && user.id != author?.id
        }
    }
}
