import FOIKit

/// One case in full (`show`) and its history (`history`).
public enum CaseDetailView {
    /// The case as a table for people (status, dates and how they were reached, exemptions, the review, complaint
    /// and appeal, every clock with its derivation, the history), JSON, or its CSV row.
    public static func render(
        _ detail: CaseDetail, calendars: Calendars, catalogue: ExemptionCatalogue, today: CivilDate,
        format: OutputFormat
    ) throws -> TextOutput {
        let view = try CaseView(detail.summary, calendars: calendars, today: today)
        let left = view.workingDaysLeft
        let clocks = try detail.clocks.map {
            try CaseClockJSON($0, calendars: calendars, regime: detail.summary.regime, today: today)
        }
        var output = TextOutput()
        switch format {
        case .json:
            let object = ShowJSON(
                case: view, requester: detail.requester,
                explanation: detail.deadline.explanation(calendars: calendars),
                clocks: clocks,
                review: detail.file.review.map(ReviewJSON.init),
                complaint: detail.file.complaint.map(ComplaintJSON.init),
                appeal: detail.file.appeals.last.map(AppealJSON.init),
                reviews: detail.file.reviews.map(ReviewJSON.init),
                complaints: detail.file.complaints.map(ComplaintJSON.init),
                linked: detail.linked.map(LinkedCaseJSON.init),
                request: detail.file.requestText,
                reasoning: detail.file.reasoning.map(ReasoningJSON.init),
                tasks: detail.file.tasks.map { TaskJSON($0, names: detail.names) },
                flags: detail.file.flags,
                allocation: allocation(detail),
                events: EventJSON.events(detail.events, names: detail.names))
            try output.json(object)
        case .csv:
            output.write(CSV.line(CaseView.columns))
            output.write(CSV.line(view.csvRow))
        case .table:
            let summary = detail.summary
            output.printableLine(
                "\(summary.ref)  \(summary.regime.shortName)  \(summary.status.phrase) since "
                    + "\(summary.statusSince.longDescription)  (stage: \(summary.stage.rawValue))"
            )
            output.printableLine("Subject:    \(summary.subject)")
            if let handler = summary.handler { output.printableLine("Handler:    \(handler)") }
            if let allocation = allocation(detail) { output.printableLine("Allocation: \(allocation)") }
            if !detail.file.flags.isEmpty {
                output.printableLine("Flags:      " + detail.file.flags.map(\.rawValue).joined(separator: ", "))
            }
            output.printableLine("Received:   \(summary.received.longDescription) by \(summary.channel.rawValue)")
            if let requester = detail.requester {
                output.printableLine("Requester:  \(requester.name)\(requester.email.map { " <\($0)>" } ?? "")")
            }
            if let request = detail.file.requestText {
                output.printableLine("Request:")
                for line in request.split(separator: "\n", omittingEmptySubsequences: false) {
                    output.printableLine("  \(line)")
                }
            }
            for linked in detail.linked {
                let other = linked.summary
                output.printableLine(
                    (linked.relation == .splitFrom ? "Split from: " : "Part:       ")
                        + "\(other.ref) (\(other.regime.shortName), \(other.status.phrase)"
                        + (other.due.map { ", due \($0.longDescription)" } ?? "") + ")")
            }
            if let due = summary.due {
                let leftText = left.map { $0 < 0 ? " (\(-$0) working days late)" : " (\($0) working days left)" } ?? ""
                output.printableLine(
                    "Due by:     \(due.longDescription)\(summary.provisional ? " (provisional)" : "")\(leftText)")
            }
            if let extendedFrom = summary.extendedFrom {
                output.printableLine("Extended:   from \(extendedFrom.longDescription) (FOIA s.10(3))")
            }
            if let outcome = summary.outcome, let on = summary.respondedOn {
                output.printableLine("Response:   \(outcome.label), \(on.longDescription)")
            }
            if !summary.exemptions.isEmpty {
                output.printableLine(
                    "Exemptions: "
                        + summary.exemptions.map { exemption in
                            let label =
                                catalogue.exemption(citing: exemption.citation, in: exemption.part)?.title
                                ?? ""
                            return "\(exemption.citation)\(exemption.neitherConfirmNorDeny ? " (NCND)" : "") \(label)"
                        }.joined(separator: "; "))
            }
            for reasoning in detail.file.reasoning {
                output.printableLine(
                    "Reasoning:  \(reasoning.part.shortName) \(reasoning.citation): \(reasoning.factorsFor.count) "
                        + "factors for, \(reasoning.factorsAgainst.count) against"
                        + (reasoning.balance.map { "; \($0)" } ?? ""))
            }
            for line in afterResponseLines(detail.file) { output.printableLine(line) }
            for line in taskLines(detail.file, clocks: clocks, names: detail.names) { output.printableLine(line) }
            if detail.file.countedTaskHours > 0 {
                output.printableLine(
                    "Task hours: \(detail.file.countedTaskHours) on what the Fees Regulations count toward the s.12 "
                        + "estimate")
            }
            if let approval = detail.file.approval {
                output.printableLine(
                    "Sign-off:   asked \(approval.requestedOn.longDescription) of "
                        + approval.request.chain.map { detail.names.party($0) }.joined(
                            separator: ", then "))
                for decided in approval.decisions {
                    output.printableLine(
                        "  \(decided.on.longDescription): stage \(decided.decision.stage) \(decided.kind.rawValue)"
                            + " (draft sha256 \(decided.decision.digest.prefix(12)))"
                            + (decided.decision.note.map { ": \($0)" } ?? ""))
                }
            }
            output.printableLine()
            output.printableLine("How the date was reached:")
            for step in detail.deadline.explanation(calendars: calendars) { output.printableLine("  - \(step)") }
            output.printableLine()
            output.printableLine("Clocks:")
            output.write(
                Table.render(
                    header: ["clock", "started", "date", "status", "left"],
                    rows: clocks.map { clock in
                        [
                            clock.title, clock.started.longDescription,
                            clock.due.map {
                                $0.longDescription + (clock.provisional ? " (provisional)" : "")
                                    + (clock.guidance ? " (guidance)" : "")
                            } ?? "-",
                            clock.status.rawValue, clock.workingDaysLeft.map { $0 < 0 ? "\(-$0) late" : "\($0)" } ?? "",
                        ]
                    }))
            for clock in clocks where clock.name != .response {
                output.printableLine("  \(clock.title): " + clock.derivation.joined(separator: "; "))
            }
            output.printableLine()
            output.write(historyTable(detail.events, names: detail.names))
        }
        return output
    }

    /// Each task of the case: to whom, its dates and where it stands, the question and the answer.
    /// Where the case's allocation stands, in a sentence (nil: never allocated): `offered to Highways on Tue 1 Dec
    /// 2026, not yet accepted`.
    public static func allocation(_ detail: CaseDetail) -> String? {
        let file = detail.file
        let team = file.team.map { " (team \(detail.names.team($0)))" } ?? ""
        switch file.allocation {
        case nil: return file.team.map { "team \(detail.names.team($0))" }
        case .offered(let on):
            let to =
                file.handler == nil ? file.team.map { "the team \(detail.names.team($0))" } : detail.summary.handler
            return "offered to \(to ?? "no one") on \(on.longDescription), not yet accepted"
        case .accepted(let on, let user):
            return "accepted by \(detail.names.user(user)) on \(on.longDescription)" + team
        case .rejected(let on, let user, let reason):
            return "given back by \(detail.names.user(user)) on \(on.longDescription): \(reason); to be allocated again"
        }
    }

    static func taskLines(_ file: Case, clocks: [CaseClockJSON], names: Names) -> [String] {
        file.tasks.flatMap { task in
            let clock = clocks.first { $0.task == task.number }
            let to = names.party(task.request.contributor)
            var lines = [
                "Task \(task.number):     to \(to), given \(task.given.longDescription)"
                    + (clock?.due.map { ", due \($0.longDescription)" } ?? "") + ": "
                    + (clock?.status.rawValue ?? "open")
            ]
            lines += indented("Asked:", task.request.ask)
            switch task.state {
            case .open: break
            case .done(let on, let answer):
                lines += indented("Answered \(on.longDescription):", answer.answer)
                if let hours = answer.hours {
                    lines.append(
                        "  \(hours) h "
                            + (answer.activity.map { "\($0.phrase) (counts toward the estimate)" }
                                ?? "(no activity given: not counted toward the estimate)"))
                }
            case .declined(let on, let reason): lines.append("  Declined \(on.longDescription): \(reason)")
            }
            return lines
        }
    }

    private static func indented(_ heading: String, _ text: String) -> [String] {
        ["  \(heading)"] + text.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }
    }

    /// A line for each review, complaint and appeal of the case, in order.
    static func afterResponseLines(_ file: Case) -> [String] {
        var lines: [String] = []
        for review in file.reviews {
            var line = "Review:     "
            if review.subject != .response { line += "\(review.subject.phrase.dropFirst(3)), " }
            line += "requested \(review.requested.longDescription)"
            if let by = review.request.by { line += " by \(by)" }
            if review.isDeclined {
                line += ", declined as late"
                if let letter = review.request.outOfTime?.declinedOn { line += " on \(letter.longDescription)" }
            } else if let decision = review.decision, let decided = review.decided {
                line += ", \(decision.outcome.label) on \(decided.longDescription)"
                if let reviewer = decision.reviewer { line += " by \(reviewer)" }
            } else {
                line += ", under way"
            }
            lines.append(line)
        }
        for complaint in file.complaints {
            var line =
                "\(complaint.regulator.shortName):        \(complaint.reference), notified "
                + complaint.notified.longDescription
            if let notice = complaint.decisionNotice, let decided = complaint.decided {
                line += ", decision notice \(notice.reference) \(decided.longDescription): \(notice.outcome.label)"
                if notice.ordersNoSteps { line += ", no steps ordered" }
            } else if let ending = complaint.ending, let closed = complaint.closed {
                line += ", \(ending.label) on \(closed.longDescription)"
            } else {
                line += ", under investigation"
            }
            if let complied = complaint.complied { line += ", steps taken \(complied.longDescription)" }
            lines.append(line)
            for appeal in complaint.appeals {
                var line = appeal.lodging.level == .firstTier ? "Appeal:     " : "Onward:     "
                line +=
                    "\(appeal.lodging.reference) by the \(appeal.lodging.appellant.rawValue), lodged "
                    + appeal.lodged.longDescription
                if let hearing = appeal.hearing { line += ", hearing \(hearing.longDescription)" }
                if let outcome = appeal.outcome { line += ", \(outcome.label)" }
                lines.append(line)
            }
        }
        return lines
    }

    /// The events as a table, JSON or CSV.
    /// `names`: the users' names, by number (`CaseDetail.names`).
    public static func renderHistory(_ events: [StoredEvent], names: Names, format: OutputFormat) throws
        -> TextOutput
    {
        var output = TextOutput()
        switch format {
        case .json:
            try output.json(EventJSON.events(events, names: names))
        case .csv:
            output.write(CSV.line(["sequence", "date", "kind", "details", "actor", "recorded_at"]))
            for event in events {
                output.write(
                    CSV.line([
                        String(event.sequence), event.recorded.date.description, event.recorded.event.kind.rawValue,
                        EventJSON.details(event.recorded.event, names: names), event.actorName(names) ?? "",
                        event.recordedAt,
                    ]))
            }
        case .table:
            output.write(historyTable(events, names: names))
        }
        return output
    }

    /// The events as a table: number, date, kind, details, who recorded it. A voided step is struck through, with
    /// the step that voided it.
    public static func historyTable(_ events: [StoredEvent], names: Names) -> String {
        let voided = VoidedStep.voids(in: events.map(\.recorded))
        return Table.render(
            header: ["#", "date", "event", "details", "by"],
            rows: events.map { stored in
                let details = EventJSON.details(stored.recorded.event, names: names)
                let void = voided[stored.sequence]
                return [
                    String(stored.sequence), stored.recorded.date.longDescription,
                    void == nil
                        ? stored.recorded.event.kind.rawValue : struckThrough(stored.recorded.event.kind.rawValue),
                    void.map { struckThrough(details) + " (voided by step \($0.by): \($0.reason))" } ?? details,
                    stored.actorName(names) ?? "",
                ]
            }, maxWidth: 90)
    }

    /// `text` struck through (U+0336 after each character), in a terminal, a file and a web page alike.
    static func struckThrough(_ text: String) -> String {
        String(text.flatMap { [$0, "\u{0336}"] })
    }
}

/// The JSON of `foi show`: the case object plus its requester, explanation, clocks, review, complaint, appeal
/// and events.
struct ShowJSON: Encodable {
    var `case`: CaseView
    var requester: Requester?
    var explanation: [String]
    var clocks: [CaseClockJSON]
    var review: ReviewJSON?
    var complaint: ComplaintJSON?
    var appeal: AppealJSON?
    /// Every review and complaint in order (each complaint with its appeals); `review`, `complaint` and `appeal`
    /// are the latest of each.
    var reviews: [ReviewJSON]
    var complaints: [ComplaintJSON]
    var linked: [LinkedCaseJSON]
    var request: String?
    var reasoning: [ReasoningJSON]
    var tasks: [TaskJSON]
    var flags: [CaseFlag]
    var allocation: String?
    var events: [EventJSON]

    func encode(to encoder: any Encoder) throws {
        try `case`.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(requester, forKey: .requester)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(clocks, forKey: .clocks)
        try container.encode(review, forKey: .review)
        try container.encode(complaint, forKey: .complaint)
        try container.encode(appeal, forKey: .appeal)
        try container.encode(reviews, forKey: .reviews)
        try container.encode(complaints, forKey: .complaints)
        try container.encode(linked, forKey: .linked)
        try container.encode(request, forKey: .request)
        try container.encode(reasoning, forKey: .reasoning)
        try container.encode(tasks, forKey: .tasks)
        try container.encode(flags, forKey: .flags)
        try container.encode(allocation, forKey: .allocation)
        try container.encode(events, forKey: .events)
    }

    enum CodingKeys: String, CodingKey {
        case requester, explanation, clocks, review, complaint, appeal, reviews, complaints, linked, request, reasoning
        case tasks, flags, allocation, events
    }
}

/// A contributor task in JSON: its clock is among the case's `clocks` (`task` gives its number).
struct TaskJSON: Encodable {
    var task: Int
    /// The user's name, or `the team Legal`.
    var to: String
    /// The user's number, or the team's: one of the two.
    @NullWhenAbsent var toUser: Int?
    @NullWhenAbsent var toTeam: Int?
    var ask: String
    var given: CivilDate
    var state: String
    @NullWhenAbsent var closedOn: CivilDate?
    @NullWhenAbsent var answer: String?
    @NullWhenAbsent var hours: Double?
    @NullWhenAbsent var activity: CostActivity?
    @NullWhenAbsent var reason: String?

    init(_ task: CaseTask, names: Names) {
        self.task = task.number
        to = names.party(task.request.contributor)
        (toUser, toTeam) = task.request.contributor.numbers
        ask = task.request.ask
        given = task.given
        switch task.state {
        case .open:
            state = "open"
        case .done(let on, let answer):
            (state, closedOn, self.answer, hours, activity) = ("done", on, answer.answer, answer.hours, answer.activity)
        case .declined(let on, let reason):
            (state, closedOn, self.reason) = ("declined", on, reason)
        }
    }
}

/// The reasoning for one exemption in JSON.
struct ReasoningJSON: Encodable {
    var citation: String
    var part: Regime
    var engaged: String
    var factorsFor: [String]
    var factorsAgainst: [String]
    var balance: String?

    init(_ reasoning: ExemptionReasoning) {
        citation = reasoning.citation
        part = reasoning.part
        engaged = reasoning.engaged
        factorsFor = reasoning.factorsFor
        factorsAgainst = reasoning.factorsAgainst
        balance = reasoning.balance
    }
}

/// Another case of the same request in JSON: how it is linked and where it stands.
struct LinkedCaseJSON: Encodable {
    var relation: LinkedCase.Relation
    var ref: String
    var regime: Regime
    var status: CaseStatus
    var due: CivilDate?

    init(_ linked: LinkedCase) {
        relation = linked.relation
        ref = linked.summary.ref.rawValue
        regime = linked.summary.regime
        status = linked.summary.status
        due = linked.summary.due
    }
}

/// One clock of a case in JSON (documented in the README).
struct CaseClockJSON: Encodable {
    var name: ClockName
    /// A task's number; absent for every other clock.
    @NullWhenAbsent var task: Int?
    var title: String
    var started: CivilDate
    @NullWhenAbsent var due: CivilDate?
    var status: ClockStatus
    @NullWhenAbsent var workingDaysLeft: Int?
    var provisional: Bool
    var guidance: Bool
    var watch: ClockWatch
    var citation: String
    @NullWhenAbsent var metOn: CivilDate?
    @NullWhenAbsent var stoppedOn: CivilDate?
    var derivation: [String]

    init(_ clock: CaseClock, calendars: Calendars, regime: Regime, today: CivilDate) throws {
        name = clock.name
        task = clock.task
        title = clock.title
        started = clock.startedOn
        due = clock.due
        status = clock.status(today: today)
        workingDaysLeft =
            clock.isPending && status != .met && status != .notStarted
            ? try clock.due.map { try calendars.workingDaysLeft(until: $0, regime: regime, today: today) } : nil
        provisional = clock.provisional
        guidance = clock.isGuidance
        watch = clock.name.watch
        citation = clock.citation
        metOn = clock.metOn
        stoppedOn = clock.stoppedOn
        derivation = clock.derivation
    }
}

/// The case's internal review in JSON.
struct ReviewJSON: Encodable {
    var subject: ReviewSubject
    var requested: CivilDate
    @NullWhenAbsent var by: String?
    @NullWhenAbsent var lateWindowClosed: CivilDate?
    var declined: Bool
    @NullWhenAbsent var declinedOn: CivilDate?
    @NullWhenAbsent var extendedTo: Int?
    @NullWhenAbsent var extensionReason: String?
    @NullWhenAbsent var decided: CivilDate?
    @NullWhenAbsent var outcome: ReviewOutcome?
    @NullWhenAbsent var reviewer: String?
    var withdrawnExemptions: [String]
    var addedExemptions: [String]

    init(_ review: Review) {
        subject = review.subject
        requested = review.requested
        declinedOn = review.declinedOn
        by = review.request.by
        lateWindowClosed = review.request.outOfTime?.lastDay
        declined = review.isDeclined
        extendedTo = review.extendedTo
        extensionReason = review.extensionReason
        decided = review.decided
        outcome = review.decision?.outcome
        reviewer = review.decision?.reviewer
        withdrawnExemptions = review.decision?.withdrawnExemptions ?? []
        addedExemptions = review.decision?.addedExemptions.map(\.citation) ?? []
    }
}

/// The case's complaint to the regulator, with its decision notice, in JSON.
struct ComplaintJSON: Encodable {
    var regulator: String
    var reference: String
    var notified: CivilDate
    @NullWhenAbsent var submissionsDue: CivilDate?
    @NullWhenAbsent var submissionsSent: CivilDate?
    @NullWhenAbsent var decisionNotice: NoticeJSON?
    /// How it ended without a decision notice, and when.
    @NullWhenAbsent var ending: ComplaintEnding?
    @NullWhenAbsent var closed: CivilDate?
    /// Whether steps are due now (the notice's, or the Tribunal's), and the day they were taken.
    var ordersSteps: Bool
    @NullWhenAbsent var complied: CivilDate?
    var appeals: [AppealJSON]

    struct NoticeJSON: Encodable {
        var reference: String
        var date: CivilDate
        var outcome: DecisionNoticeOutcome
        @NullWhenAbsent var steps: String?
        @NullWhenAbsent var complyBy: CivilDate?
        @NullWhenAbsent var sent: CivilDate?
        var noSteps: Bool
        @NullWhenAbsent var complied: CivilDate?
    }

    init(_ complaint: Complaint) {
        regulator = complaint.regulator.shortName
        reference = complaint.reference
        notified = complaint.notified
        submissionsDue = complaint.submissionsDue
        submissionsSent = complaint.submissionsSent
        if let notice = complaint.decisionNotice, let decided = complaint.decided {
            decisionNotice = NoticeJSON(
                reference: notice.reference, date: decided, outcome: notice.outcome, steps: notice.steps,
                complyBy: notice.complyBy, sent: notice.sent, noSteps: notice.ordersNoSteps,
                complied: complaint.complied)
        }
        ending = complaint.ending
        closed = complaint.closed
        ordersSteps = complaint.ordersSteps
        complied = complaint.complied
        appeals = complaint.appeals.map(AppealJSON.init)
    }
}

/// The case's appeal in JSON.
struct AppealJSON: Encodable {
    var level: AppealLevel
    var appellant: Appellant
    var reference: String
    var lodged: CivilDate
    @NullWhenAbsent var lateLastDay: CivilDate?
    @NullWhenAbsent var hearing: CivilDate?
    @NullWhenAbsent var decided: CivilDate?
    @NullWhenAbsent var outcome: AppealOutcome?
    @NullWhenAbsent var complyBy: CivilDate?
    @NullWhenAbsent var steps: String?

    init(_ appeal: Appeal) {
        level = appeal.lodging.level
        complyBy = appeal.decision?.complyBy
        steps = appeal.decision?.steps
        appellant = appeal.lodging.appellant
        reference = appeal.lodging.reference
        lodged = appeal.lodged
        lateLastDay = appeal.lodging.lastDay
        hearing = appeal.hearing
        decided = appeal.decided
        outcome = appeal.outcome
    }
}

/// One event in JSON: `sequence`, `kind`, `date`, `details` (for people), `event` (the stored payload).
struct EventJSON: Encodable {
    var sequence: Int
    var kind: String
    var date: CivilDate
    var details: String
    @NullWhenAbsent var actor: String?
    var recordedAt: String
    /// The stored payload in the permanent event format (docs/EVENTS.md).
    var event: JSONValue
    /// The step that voided it, and why; null while it stands.
    @NullWhenAbsent var voidedBy: Int?
    @NullWhenAbsent var voidReason: String?

    init(_ stored: StoredEvent, names: Names, void: (by: Int, reason: String)? = nil) {
        voidedBy = void?.by
        voidReason = void?.reason
        sequence = stored.sequence
        kind = stored.recorded.event.kind.rawValue
        date = stored.recorded.date
        details = Self.details(stored.recorded.event, names: names)
        actor = stored.actorName(names)
        recordedAt = stored.recordedAt
        event = EventFormat.object(of: stored.recorded.event)
    }

    /// `events` in JSON, each voided one with the step that voided it.
    static func events(_ events: [StoredEvent], names: Names) -> [EventJSON] {
        let voided = VoidedStep.voids(in: events.map(\.recorded))
        return events.map { EventJSON($0, names: names, void: voided[$0.sequence]) }
    }

    static func details(_ event: CaseEvent, names: Names) -> String {
        switch event {
        case .received(let receipt):
            "\(receipt.regime.shortName) request by \(receipt.channel.rawValue): \(receipt.subject)"
                + (receipt.splitFrom.map { " (split from \($0))" } ?? "")
        case .acknowledged, .clarificationReceived, .clarificationLapsed, .feePaid, .feeLapsed: ""
        case .clarificationRequested(let note): note ?? ""
        case .feeNoticeIssued(let amount): amount.map { "fee \($0)" } ?? ""
        case .transferred(let to): "to \(to)"
        case .split(let part): "the \(part.regime.shortName) part is \(part.into)"
        case .withdrawn(let reason): reason ?? ""
        case .searchRecorded(let search): "\(search.location): \(search.held ? "held" : "not held"), \(search.hours) h"
        case .exemptionApplied(let decision):
            "\(decision.part.shortName) "
                + "\(decision.citation)\(decision.neitherConfirmNorDeny ? " NCND" : "")"
                + (decision.publicInterest.map { ", public interest: \($0.rawValue)" } ?? "")
        case .extended(let days, let reason, let late):
            (late ? "given late, so not extending the time: " : "")
                + (days.map { "\($0) further working days" } ?? "regime extension") + (reason.map { ": \($0)" } ?? "")
        case .responded(let outcome, let details):
            ([
                outcome.label, details.earlierCase.map { "earlier notice: \($0)" },
                details.advice.map { "advice: \($0)" },
            ]
                as [String?]).compactMap { $0 }.joined(separator: "; ")
        case .note(let text): text
        case .requestRecorded(let text): text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        case .reasoningRecorded(let reasoning):
            "\(reasoning.part.shortName) \(reasoning.citation): \(reasoning.factorsFor.count) factors for, "
                + "\(reasoning.factorsAgainst.count) against" + (reasoning.balance == nil ? "" : ", balance given")
        case .letterIssued(let record): "\(record.letter) (\(record.template)), sha256 \(record.digest.prefix(12))"
        case .publicationDecided(let publication):
            publication.heldBack.map { "held back from the disclosure log: \($0)" }
                ?? publication.title.map { "published as: \($0)" } ?? "published under its subject"
        case .assigned(.user(let id)?): "to \(names.user(id))"
        case .assigned(.named(let name)?): "to \(name)"
        case .assigned(nil): "no one handles it now"
        case .reopened(let reason): reason
        case .deadlineMoved(let from, let to, let reason):
            "\(from?.description ?? "none") → \(to?.description ?? "none"): \(reason)"
        case .reviewRequested(let request):
            [
                request.by.map { "by \($0)" },
                request.outOfTime.map {
                    "late (window closed \($0.lastDay)), "
                        + ($0.accepted ? "accepted" : "declined\($0.declinedOn.map { " on \($0)" } ?? "")")
                },
            ]
            .compactMap { $0 }.joined(separator: "; ")
        case .reviewExtended(let days, let reason): "to \(days) working days: \(reason)"
        case .reviewDecided(let decision):
            ([decision.outcome.label, decision.reviewer.map { "by \($0)" }]
                + decision.withdrawnExemptions.map { "withdrew \($0)" }
                + decision.addedExemptions.map { "added \($0.citation)" })
                .compactMap { $0 }.joined(separator: "; ")
        case .complaintNotified(let notice):
            notice.reference + (notice.submissionsDue.map { "; submissions due \($0)" } ?? "")
        case .submissionsRequested(let due): "submissions due \(due)"
        case .submissionsSent, .decisionNoticeComplied: ""
        case .decisionNoticeIssued(let notice):
            "\(notice.reference): \(notice.outcome.label)" + (notice.steps.map { "; steps: \($0)" } ?? "")
                + (notice.complyBy.map { "; comply by \($0)" } ?? "")
        case .complaintClosed(let ending): ending.label
        case .appealLodged(let lodging):
            (lodging.level == .upperTribunal ? "permission to appeal sought: " : "")
                + "\(lodging.reference) by the \(lodging.appellant.rawValue)"
                + (lodging.lastDay.map { "; late (last day \($0))" } ?? "")
        case .hearingListed(let on, let appeal): "hearing on \(on)" + (appeal.map { " (\($0))" } ?? "")
        case .appealDecided(let decision):
            ([
                decision.appeal, decision.outcome.label, decision.steps.map { "steps: \($0)" },
                decision.complyBy.map { "comply by \($0)" },
            ] as [String?]).compactMap { $0 }.joined(separator: "; ")
        case .anonymised(let removal):
            "personal data removed: "
                + (removal.requester ? "the requester's identity and " : "")
                + "\(removal.texts) personal text\(removal.texts == 1 ? "" : "s")"
        case .corrected(let correction):
            ([
                correction.received.map { "received \($0)" + (correction.timestamp.map { " (\($0))" } ?? "") },
                correction.subject.map { "subject: \($0)" }, correction.regime.map { "regime \($0.shortName)" },
                correction.channel.map { "channel \($0.rawValue)" },
                correction.requester.isEmpty
                    ? nil : "requester's " + correction.requester.map(\.rawValue).joined(separator: ", "),
            ] as [String?]).compactMap { $0 }.joined(separator: "; ") + " — \(correction.reason)"
        case .voided(let void): "step \(void.number) treated as never having happened — \(void.reason)"
        case .exemptionWithdrawn(let citation, let part): "\(part.shortName) \(citation) no longer relied on"
        case .answerRecorded(let answer):
            ([
                (answer.part.map { "part \($0)" } ?? "the request") + ": " + answer.finding.rawValue,
                answer.exemptions.isEmpty ? nil : "under " + answer.exemptions.joined(separator: ", "),
                answer.enclosures.isEmpty ? nil : answer.enclosures.map(\.name).joined(separator: ", "),
            ] as [String?]).compactMap { $0 }.joined(separator: "; ")
        case .taskGiven(let request):
            "task \(request.number) to \(names.party(request.contributor)), "
                + "\(request.workingDays) working days: "
                + (request.ask.split(whereSeparator: \.isNewline).first.map(String.init) ?? "")
        case .taskDone(let answer):
            "task \(answer.number) answered"
                + (answer.hours.map { "; \($0) h " + (answer.activity?.phrase ?? "(no activity: not counted)") } ?? "")
        case .taskDeclined(let number, let reason): "task \(number) declined: \(reason)"
        case .flagged(let flag, let removed): (removed ? "removed: " : "raised: ") + flag.rawValue
        case .approvalRequested(let request):
            "sign-off by " + request.chain.map { names.party($0) }.joined(separator: ", then ")
                + ", \(request.workingDays) working days each"
        case .approved(let decision), .approvalRejected(let decision), .approvalBypassed(let decision):
            "stage \(decision.stage), draft sha256 \(decision.digest.prefix(12))"
                + (decision.note.map { ": \($0)" } ?? "")
        case .allocated(let team): "offered to the team \(names.team(team))"
        case .allocationAccepted(let user): "accepted by \(names.user(user))"
        case .allocationRejected(let user, let reason): "given back by \(names.user(user)): \(reason)"
        case .taskReassigned(let number, let user): "task \(number) passed to \(names.user(user))"
        case .qualifiedPersonOpinion(let opinion):
            "the qualified person, \(opinion.person): "
                + (opinion.opinion.split(whereSeparator: \.isNewline).first.map(String.init) ?? "")
        case .commented(let text, let mentions):
            (mentions.isEmpty ? "" : "to " + mentions.map(names.user).joined(separator: ", ") + ": ")
                + (text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "")
        }
    }
}
