import ArgumentParser
import FOIApp
import FOIKit
import FOIViews

/// `foi approval`: sign-off of the draft response letter before it goes out.
struct ApprovalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approval",
        abstract: "Ask for sign-off of the draft response letter, and approve or reject it.",
        discussion: """
            'foi approval request REF --chain EMAIL,EMAIL' asks those users (legal, the press office, the private \
            office), in order, to sign off the response letter (a name that is no user's is a team's: any member \
            of the team, or of a team under it, approves for it); each has the approval-days setting's working days \
            (2). 'foi approval approve REF' and 'foi approval reject REF --reason TEXT' record the decision of the \
            approver the chain waits for (the user --actor names, else your login) on the letter as it would go \
            out now: each decision is bound to the SHA-256 of that draft, so a change to the reasoning, the answer \
            or the outcome makes a draft no one has approved, and the chain starts again from the first approver. \
            'foi letter REF response' is refused until the chain has approved the draft it would issue, naming \
            whom it waits for (--preview and --draft still work). A coordinator may let a draft go without the \
            rest of the chain: 'foi approval approve REF --bypass --reason TEXT'.

            'foi approval opinion REF --person WHO --opinion TEXT' records the reasonable opinion of the qualified \
            person (FOIA s.36(5): a minister, the chief officer, or whom a minister authorises) that FOIA s.36(2) \
            and (3) need: a response relying on s.36 is refused unless an opinion was given by its date. For \
            statistical information s.36(4) needs none: record that as the opinion.
            """,
        subcommands: [Request.self, Approve.self, Reject.self, Opinion.self])

    struct Request: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request", abstract: "Ask users, in order, to sign off the draft response letter.")
        @OptionGroup var step: StepOptions
        @Option(
            help: ArgumentHelp(
                "The approvers in order, separated by commas: users' e-mail addresses, or teams' names.",
                valueName: "approvers"))
        var chain: String
        @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

        var approvers: [String] {
            chain.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }

        func validate() throws {
            guard !approvers.isEmpty, !approvers.contains(where: \.isEmpty) else {
                throw ValidationError("--chain names the approvers, e.g. legal@council.example,press@council.example")
            }
        }

        func run() async throws {
            try await step.recordOnStore { storage in
                (
                    try await SignOff(storage: storage).request(
                        step.reference, chain: approvers, on: step.date(on), by: step.store.identity,
                        today: step.store.todayDate), []
                )
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve", abstract: "Approve the draft response letter as it would go out now.")
        @OptionGroup var step: StepOptions
        @Option(help: ArgumentHelp("A comment for the officer.", valueName: "text")) var comment: String?
        @Flag(help: "Let the draft go without the rest of the chain (a coordinator's step).") var bypass = false
        @Option(help: ArgumentHelp("Why the draft goes without sign-off (with --bypass).", valueName: "text"))
        var reason: String?
        @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

        func validate() throws {
            try Check.nonBlank([(comment, "--comment"), (reason, "--reason")])
            if bypass != (reason != nil) { throw ValidationError("--bypass is given with --reason TEXT, and only so") }
            if bypass && comment != nil { throw ValidationError("--bypass takes --reason, not --comment") }
        }

        func run() async throws {
            try await step.recordOnStore { storage in
                let draft = try await draftDigest(step, storage)
                let signOff = SignOff(storage: storage)
                let recorded =
                    if let reason, bypass {
                        try await signOff.bypass(
                            step.reference, reason: reason, draft: draft, on: step.date(on), by: step.store.identity,
                            today: step.store.todayDate)
                    } else {
                        try await signOff.decide(
                            step.reference, approving: true, note: comment, draft: draft, on: step.date(on),
                            by: step.store.identity, today: step.store.todayDate)
                    }
                return (recorded, [])
            }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject", abstract: "Reject the draft response letter, saying why.")
        @OptionGroup var step: StepOptions
        @Option(help: ArgumentHelp("What must change.", valueName: "text")) var reason: String
        @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

        func validate() throws {
            try Check.nonBlank([(reason, "--reason")])
        }

        func run() async throws {
            try await step.recordOnStore { storage in
                (
                    try await SignOff(storage: storage).decide(
                        step.reference, approving: false, note: reason, draft: try await draftDigest(step, storage),
                        on: step.date(on), by: step.store.identity, today: step.store.todayDate), []
                )
            }
        }
    }
}

extension ApprovalCommand {
    struct Opinion: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "opinion", abstract: "Record the qualified person's opinion a FOIA s.36 exemption needs.")
        @OptionGroup var step: StepOptions
        @Option(
            help: ArgumentHelp(
                "Who gave it, as the response will name them (e.g. 'the Chief Executive, Jane Smith').",
                valueName: "who"))
        var person: String
        @Option(
            help: ArgumentHelp(
                "The opinion: the limb of s.36(2) and whether prejudice would, or would be likely to, follow.",
                valueName: "text"))
        var opinion: String
        @Option(help: ArgumentHelp("When it was given (default: today).", valueName: "date")) var on: DateOrTimestamp?

        func validate() throws {
            try Check.nonBlank([(person, "--person"), (opinion, "--opinion")])
        }

        func run() async throws {
            try await step.record(
                .qualifiedPersonOpinion(QualifiedPersonOpinion(person: person, opinion: opinion)), on: step.date(on))
        }
    }
}

/// The SHA-256 of the response letter of the case as it would go out now: what an approver signs off.
private func draftDigest(_ step: StepOptions, _ storage: any CaseStorage) async throws -> String {
    try await LetterCommand.Write.write(
        .response, about: step.reference, in: .markdown, date: nil, templates: nil, letterhead: nil, draft: false,
        recording: false, storage: storage, actor: step.store.identity, today: step.store.todayDate
    ) { _ in }.digest
}
