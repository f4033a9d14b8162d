import FOIKit
import FOIViews

/// The FOI office's use cases over its whole store: requests logged and split, the demo, the figures it returns,
/// the bank holidays, keeping and removing personal data, checking and copying the record. Each is one call,
/// taking the identity that acts where it writes; the steps of one case are `Casework`'s.
public struct Office: Sendable {
    public let storage: any CaseStorage

    public init(storage: any CaseStorage) {
        self.storage = storage
    }

    /// The step use cases, over the same store.
    public var casework: Casework { Casework(storage: storage) }

    // MARK: Requests

    /// Logs a new request on `today`: the case FOIKit opens from it, under its own reference or the next of the
    /// organisation's pattern. Day 0 of one received on a non-working day follows `receiptConvention`, or the
    /// organisation's setting where none is given.
    public func log(
        _ new: NewCase, receiptConvention: ReceiptConvention?, by actor: Actor, today: CivilDate
    ) async throws -> CaseSummary {
        var new = new
        if let receiptConvention {
            new.receipt.convention = receiptConvention
        } else {
            new.receipt.convention =
                ReceiptConvention(rawValue: try await storage.setting(.receiptConvention)) ?? .statutory
        }
        return try await decidingAgain {
            let rules = try await storage.rules()
            let claim = new.reference == nil ? try await storage.nextReference(for: new.received.year) : nil
            let opened = try new.opened(as: new.reference ?? claim!.reference, rules: rules, today: today)
            return try await storage.open(opened, requester: new.requester, claim: claim, actor: actor)
        }
    }

    /// Splits part of the request `reference` into a case of its own under `regime` (a mixed FOIA/EIR request):
    /// the original records a split naming the part, and the part is a new case received the same day whose receipt
    /// names the original, with a copy of the requester.
    public func split(
        _ reference: CaseReference, into regime: Regime, subject: String?, partReference: CaseReference?,
        on date: CivilDate, by actor: Actor, today: CivilDate
    ) async throws -> (original: RecordedStep, part: CaseSummary) {
        try await decidingAgain {
            let loaded = try await storage.load(reference)
            let original = loaded.file
            let claim = partReference == nil ? try await storage.nextReference(for: original.received.year) : nil
            let partReference = partReference ?? claim!.reference
            let step = try original.step(
                RecordedEvent(date: date, event: .split(CaseSplit(into: partReference, regime: regime))),
                rules: loaded.rules, today: today)
            let part = try NewCase(
                received: original.received,
                receipt: original.receipt.part(regime: regime, subject: subject, splitFrom: reference)
            ).opened(as: partReference, rules: loaded.rules, today: today)
            return try await storage.split(step, off: part, claim: claim, actor: actor)
        }
    }

    // MARK: The record

    /// Changes the bank holidays (a day added, cancelled or moved by proclamation, or GOV.UK's data refreshed) and
    /// records, on every case with a clock whose date the change moves, a deadline-moved event for each such clock
    /// (FOIKit decides which move and how the move is worded). Refused, nothing is written.
    public func changeHolidays(_ edit: HolidayEdit, by actor: Actor, today: CivilDate) async throws
        -> HolidayChange
    {
        try await keep(try await planHolidays(edit, today: today), by: actor)
    }

    /// The first half of a change to the holidays: every move decided while reading. A change can move a hundred
    /// thousand cases, and deciding the moves takes most of its time: other officers go on recording steps
    /// meanwhile, and `keep` writes the change and every move in one short transaction.
    public func planHolidays(_ edit: HolidayEdit, today: CivilDate) async throws -> HolidayPlan {
        var plan = try HolidayPlan(edit, today: today, reading: try await storage.holidayReading())
        if let from = plan.from {
            let decided = plan
            plan.moves = try await storage.decide(forCasesReaching: from, among: nil) { try decided.move(of: $0) }
        }
        return plan
    }

    /// The second half: `plan` kept, with what changed since it was decided decided again (the whole plan where the
    /// holidays or the clock settings changed; otherwise the cases that took a step), for as long as others keep
    /// changing them, up to ten times. Nobody sees half a change, and nobody waits long for the lock.
    public func keep(_ plan: HolidayPlan, by actor: Actor) async throws -> HolidayChange {
        var plan = plan
        var attempts = 1
        while true {
            do {
                try await storage.keep(plan, actor: actor)
                return plan.change
            } catch StoreError.holidaysChanged where attempts < 10 {
                plan = try await planHolidays(plan.edit, today: plan.today)
            } catch StoreError.casesChanged(let references, let lastEvent) where attempts < 10 {
                let decided = plan
                let changed = Set(references)
                plan.moves.removeAll { changed.contains($0.state.file.reference) }
                plan.moves += try await storage.decide(forCasesReaching: plan.from ?? plan.today, among: references) {
                    try decided.move(of: $0)
                }
                plan.decidedAfter = lastEvent
            }
            attempts += 1
        }
    }

    /// Removes the personal data of `references`, or of every case past its retention date.
    public func anonymise(_ references: [CaseReference]?, by actor: Actor, today: CivilDate) async throws
        -> Anonymisation
    {
        try await storage.anonymise(references, actor: actor, today: today)
    }

    public func verify(thorough: Bool, head: LedgerHead?) async throws -> VerificationReport {
        try await storage.verify(thorough: thorough, head: head)
    }

    /// A consistent copy of the whole store at `destination`; returns how many cases it holds.
    public func backup(to destination: String) async throws -> Int {
        try await storage.backup(to: destination)
    }

    /// Restores an export whole into a store without cases; `writeTemplates` keeps its edited letter templates
    /// where the front end keeps them, returning where.
    public func restore(
        export bytes: [UInt8], today: CivilDate,
        writeTemplates: ([(name: String, text: String)]) throws -> String?
    ) async throws -> Restoration {
        try await storage.restore(export: bytes, today: today, writeTemplates: writeTemplates)
    }
}

// MARK: - Figures

extension Office {
    /// The ICO's view of timeliness for `period` as at `asAt`, with the early warning for the quarter of `asAt`; of
    /// the cases `handler` selects (a team's, an officer's) as they are handled now, or of every case.
    public func timeliness(
        _ period: ReportingPeriod, asAt: CivilDate, today: CivilDate, handler: HandlerFilter? = nil
    ) async throws -> TimelinessReport {
        let quarter = ReportingPeriod.quarter(of: asAt)
        let entries = try await storage.timeliness(dueIn: period.dates, asAt: asAt, today: today, handler: handler)
        let quarterEntries =
            period == quarter
            ? entries
            : try await storage.timeliness(dueIn: quarter.dates, asAt: asAt, today: today, handler: handler)
        let around = try await storage.timeliness(
            dueIn: ClosedInPeriodFigures.readingDays(for: period.dates), asAt: asAt, today: today, handler: handler)
        return TimelinessReport(
            period: period, asAt: asAt, entries: entries, quarterEntries: quarterEntries,
            closed: [.request, .review].map {
                ClosedInPeriodFigures(around, kind: $0, period: period.dates, asAt: asAt)
            })
    }

    /// The requests falling due in `period` that were late as at `asAt`, with the days each waited on its
    /// contributors and approvers; of the cases `handler` selects, or of every case.
    public func delays(
        _ period: ReportingPeriod, asAt: CivilDate, today: CivilDate, handler: HandlerFilter? = nil
    ) async throws -> DelayReport {
        let entries = try await storage.timeliness(dueIn: period.dates, asAt: asAt, today: today, handler: handler)
        var files: [CaseReference: Case] = [:]
        for entry in entries where entry.kind == .request && entry.standing(asAt: asAt) == .late {
            files[entry.reference] = try await storage.caseFile(entry.reference)
        }
        return try DelayReport(
            period: period, asAt: asAt, entries: entries, files: files, calendars: storage.calendars)
    }

    /// The Cabinet Office return for `period` (a quarter or a year) as at `asAt`: an annual return carries over the
    /// previous year's extensions and reviews still under way.
    public func cabinetOfficeReturn(_ period: ReportingPeriod, asAt: CivilDate) async throws -> CabinetOfficeReturn {
        let rules = try await storage.rules()
        let previous = ReportingPeriod(.year, year: period.year - 1, index: 1).dates
        let carriedOver =
            period.length == .year
            ? (try await storage.casesReceived(in: previous, asAt: asAt), previous.upperBound) : nil
        return try CabinetOfficeReturn(
            cases: try await storage.casesReceived(in: period.dates, asAt: asAt), asAt: asAt,
            calendars: rules.calendars, catalogue: rules.catalogue, previousYear: carriedOver)
    }

    /// The s.45 Code's performance figures for the requests received in `period`, as at `asAt`.
    public func sectionFortyFiveReturn(_ period: ReportingPeriod, asAt: CivilDate) async throws
        -> SectionFortyFiveReturn
    {
        try SectionFortyFiveReturn(
            cases: try await storage.casesReceived(in: period.dates, asAt: asAt), asAt: asAt,
            calendars: try await storage.rules().calendars)
    }

    /// The Scottish Information Commissioner's return for `quarter`, as at `asAt`: the activity of the quarter, of
    /// requests received up to `SICReturn.activityReach` days before it.
    public func sicReturn(_ quarter: ReportingPeriod, asAt: CivilDate) async throws -> SICReturn {
        let read = quarter.dates.lowerBound.adding(days: -SICReturn.activityReach)...quarter.dates.upperBound
        return try SICReturn(
            cases: try await storage.casesReceived(in: read, asAt: asAt), quarter: quarter.dates, asAt: asAt,
            calendars: try await storage.rules().calendars)
    }
}
