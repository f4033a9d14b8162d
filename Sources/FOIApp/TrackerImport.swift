import FOIIntake
import FOIKit

/// A tracker's spreadsheet brought in as cases: its rows planned (FOIIntake), the cases already kept skipped or
/// brought up to date, the rest imported in one transaction, and the sheet's due dates audited against the
/// statutory ones that the import's own replay decided (each row replayed once).
public enum TrackerImport {
    /// What the import did, or in a dry run would do, for its front end to word.
    public struct Report: Sendable {
        public var rows: Int
        public var columns: [(header: String, field: SpreadsheetImport.Field?)]
        public var dateForms: [SpreadsheetDate.Form: Int]
        /// The cases the sheet holds that are kept already: skipped, or brought up to date.
        public var existing: [CaseReference]
        /// How many steps each existing case gained, when they were brought up to date.
        public var gained: [Int]?
        public var imported: Int
        public var audit: DeadlineAudit
    }

    /// A row the lifecycle or the store refused: nothing of the import was written.
    public struct RowRefused: Error, Sendable {
        public var line: Int
        public var reference: CaseReference?
        public var reason: String
    }

    /// Imports `rows` (a sheet's, each with its line) into `storage`, or with `dryRun` checks them against it;
    /// `update` brings the cases already kept up to date with what their rows have since. Each event's actor is the
    /// importer (`Actor.importer`): its facts are the sheet's.
    public static func run(
        _ rows: [(line: Int, cells: [String])], mapping: SpreadsheetImport.Mapping, inSheet: Bool,
        into storage: any CaseStorage, update: Bool, dryRun: Bool, today: CivilDate,
        progress: (Int) -> Void = { _ in }
    ) async throws -> Report {
        let rules = try await storage.rules()
        let plan = try SpreadsheetImport.plan(rows, catalogue: rules.catalogue, mapping: mapping, inSheet: inSheet)
        let known = try await storage.existing(plan.rows.compactMap(\.new.reference))
        let existing = plan.rows.filter { $0.new.reference.map(known.contains) == true }
        let fresh = plan.rows.filter { $0.new.reference.map(known.contains) != true }
        // Brought up to date and imported in one transaction: a refused row writes nothing.
        let updating = update ? existing : []
        let updates = updating.map { row in
            CaseUpdate(reference: row.new.reference!) { current, userNamed in
                try row.stepsSince(current, today: today, userNamed: userNamed)
            }
        }
        let cases = fresh.map { ($0.new, $0.steps) }
        let result: ImportResult
        do {
            result =
                dryRun
                ? try await storage.checkImport(cases, updating: updates, today: today)
                : try await storage.importCases(
                    cases, updating: updates, actor: .importer, today: today, progress: progress)
        } catch StoreError.importRefused(let index, let reason) {
            let row = (updating + fresh)[index]
            throw RowRefused(line: row.line, reference: row.new.reference, reason: reason)
        }
        let audited = zip(fresh, result.deadlines).compactMap { row, deadline in
            row.sheetDue.map { (row, $0, deadline) }
        }
        return Report(
            rows: plan.rows.count, columns: plan.columns, dateForms: plan.dateForms,
            existing: existing.compactMap(\.new.reference), gained: update ? result.gained : nil,
            imported: fresh.count,
            audit: DeadlineAudit(
                checked: audited.count,
                findings: audited.compactMap { row, sheetDue, deadline in
                    DeadlineAudit.Finding(
                        line: row.line, reference: row.new.reference, regime: row.new.receipt.regime,
                        received: row.new.received, sheetDue: sheetDue, deadline: deadline,
                        calendars: rules.calendars)
                }),
        )
    }
}

extension TrackerImport {
    /// Records the steps of a sheet of later steps (an internal review tracker) on the cases kept already, each
    /// where its case does not have it yet, or with `dryRun` checks them; returns how many steps each case gained.
    public static func addLaterSteps(
        _ later: SpreadsheetImport.LaterSteps, into storage: any CaseStorage, dryRun: Bool,
        today: CivilDate
    ) async throws -> [Int] {
        do {
            return try await storage.addLaterSteps(
                later.rows.map { ($0.reference, $0.steps) }, actor: .importer, today: today, dryRun: dryRun)
        } catch StoreError.importRefused(let index, let reason) {
            throw RowRefused(line: later.rows[index].line, reference: later.rows[index].reference, reason: reason)
        }
    }
}

/// Where a sheet's due dates are not the statutory ones.
public struct DeadlineAudit: Sendable {
    /// How many rows gave a due date.
    public var checked: Int
    public var findings: [Finding]

    /// A row whose due date is not the statutory one: both dates, how the statutory one was counted, and the bank
    /// holidays between them (the usual cause: a holiday a hand count missed).
    public struct Finding: Sendable {
        public var line: Int
        public var reference: CaseReference?
        public var sheetDue: CivilDate
        public var due: CivilDate
        /// The working days counted, where the period is a count of them.
        public var workingDays: Int?
        public var dayZero: CivilDate
        /// The count restarted after the day the request came (a clarification).
        public var restarted: Bool
        /// Days awaiting a fee were left out of the count.
        public var paused: Bool
        public var holidays: [(date: CivilDate, title: String)]

        /// The finding for a row received on `received` whose sheet says `sheetDue`, against its statutory
        /// `deadline`; nil where they agree.
        init?(
            line: Int, reference: CaseReference?, regime: Regime, received: CivilDate, sheetDue: CivilDate,
            deadline: ImportResult.Deadline, calendars: Calendars
        ) {
            guard let due = deadline.due, due != sheetDue else { return nil }
            let divisions = regime.calendarKind.divisions
            var holidays: [(date: CivilDate, title: String)] = []
            var day = deadline.dayZero.adding(days: 1)
            while day <= max(due, sheetDue) {
                if let holiday = divisions.lazy.compactMap({ calendars.holidays.holiday(on: day, in: $0) }).first {
                    holidays.append((day, holiday.title))
                }
                day = day.adding(days: 1)
            }
            self.line = line
            self.reference = reference
            self.sheetDue = sheetDue
            self.due = due
            workingDays = deadline.workingDays
            dayZero = deadline.dayZero
            restarted = deadline.dayZero != received
            paused = deadline.paused
            self.holidays = holidays
        }
    }
}
