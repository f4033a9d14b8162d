import FOIKit
import FOIResources
import FOIStore
import Foundation
import GRDB

/// `foi-bench deadlines [count]`: the deadline engine against the day-by-day loop it replaces, in one run.
/// `foi-bench generate-store PATH COUNT TODAY [TASKS]`: a case database for scripts/bench-store, with TASKS
/// contributor tasks on each case for scripts/bench-tasks.
let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "generate-store", (4...5).contains(arguments.count) {
    let values = Array(arguments)
    try await generateStore(
        path: values[1], count: Int(values[2])!, today: try CivilDate(iso: values[3]),
        tasksPerCase: values.count == 5 ? Int(values[4])! : 0)
    exit(0)
}
if arguments.first == "startup" {
    func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        print(
            String(
                format: "%-28@ %6.2f ms", name as NSString, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6))
        return value
    }
    let bytes = measure("holiday data (the embedded bytes)") { Seeds.bankHolidaysJSON }
    _ = measure("holiday data (the bytes again)") { Seeds.bankHolidaysJSON }
    _ = try measure("holiday data (JSON parsed)") { try JSONValue(parsing: String(decoding: bytes, as: UTF8.self)) }
    let holidays = try measure("holiday data (HolidaySet)") { try HolidaySet(govUKJSON: bytes) }
    _ = measure("migrations (the embedded SQL)") { Seeds.migrations }
    _ = measure("calendars (all five)") { Calendars(holidays: holidays) }
    _ = measure("UK calendar alone") { WorkingDayCalendar(.unitedKingdom, holidays: holidays) }
    _ = try measure("exemption catalogue (JSON)") { try ExemptionCatalogue(json: Seeds.exemptionsJSON) }
    let path = NSTemporaryDirectory() + "/foi-startup-\(getpid()).sqlite"
    _ = try measure("CaseStore open (new file)") { try CaseStore(path: path, access: .create) }
    _ = try measure("CaseStore open (existing)") { try CaseStore(path: path) }
    let queue = try measure("database open (GRDB only)") {
        try DatabaseQueue(path: path, configuration: CaseStore.configuration)
    }
    _ = try measure("one read") { try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM settings") } }
    _ = try measure("a second read") { try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM holidays") } }
    exit(0)
}
guard arguments.first == "deadlines" else {
    print("usage: foi-bench deadlines [count] | foi-bench generate-store PATH COUNT TODAY [TASKS]")
    exit(64)
}
let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000

func seconds(_ body: () throws -> Int) rethrows -> (Double, Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let checksum = try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, checksum)
}

let (setupSeconds, calendars) = {
    let start = DispatchTime.now().uptimeNanoseconds
    let calendars = Calendars(holidays: try! HolidaySet(govUKJSON: Seeds.bankHolidaysJSON))
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, calendars)
}()

// Receipts spread over 2007–2028 (a stride coprime with the span visits every day).
let first = CivilDate(year: 2007, month: 1, day: 1)!.dayNumber
let span = CivilDate(year: 2028, month: 11, day: 30)!.dayNumber - first
let receipts = (0..<count).map { CivilDate(dayNumber: first + ($0 &* 7919) % span) }

// The loop a spreadsheet or a typical tracker runs: step a day at a time, asking whether each day is a weekend
// or in the set of holiday dates (any UK division, as FOIA s.10(6) requires).
let holidayDates: Set<CivilDate> = Set(
    (2007...2030).flatMap { year in
        Division.allCases.flatMap { calendars.holidays.holidays(of: $0, in: year).map(\.date) }
    })
func loopDue(_ received: CivilDate) -> CivilDate {
    var date = received
    var counted = 0
    while counted < 20 {
        date = date.adding(days: 1)
        if !date.isWeekend && !holidayDates.contains(date) { counted += 1 }
    }
    return date
}

let (engineSeconds, engineSum) = try seconds {
    var sum = 0
    for received in receipts {
        sum &+= try ResponseClock.deadline(
            for: ResponseClockInput(regime: .foia, received: received), calendars: calendars
        ).due!.dayNumber
    }
    return sum
}
let calendar = calendars.unitedKingdom
let (primitiveSeconds, primitiveSum) = try seconds {
    var sum = 0
    for received in receipts { sum &+= try calendar.date(adding: 20, workingDaysTo: received).dayNumber }
    return sum
}
let (loopSeconds, loopSum) = seconds {
    var sum = 0
    for received in receipts { sum &+= loopDue(received).dayNumber }
    return sum
}
let (tableLoopSeconds, tableLoopSum) = try seconds {
    var sum = 0
    for received in receipts {
        var date = received
        var counted = 0
        while counted < 20 {
            date = date.adding(days: 1)
            if try calendar.isWorkingDay(date) { counted += 1 }
        }
        sum &+= date.dayNumber
    }
    return sum
}
guard engineSum == loopSum, engineSum == tableLoopSum, engineSum == primitiveSum else {
    print("MISMATCH: the engine and the loops disagree (\(engineSum), \(loopSum), \(tableLoopSum))")
    exit(1)
}
func rate(_ seconds: Double) -> String { String(format: "%.1f M/s", Double(count) / seconds / 1e6) }
print("calendars built once in \(String(format: "%.1f", setupSeconds * 1000)) ms")
print("\(count) FOIA due dates, receipts spread over 2007–2028; all four methods agree")
print(
    "engine, full clock (ResponseClock.deadline): \(String(format: "%8.3f", engineSeconds)) s  \(rate(engineSeconds))")
print(
    "engine, calendar table (date(adding: 20)):   \(String(format: "%8.3f", primitiveSeconds)) s  "
        + "\(rate(primitiveSeconds))"
)
print("day-by-day loop (weekday + holiday set):     \(String(format: "%8.3f", loopSeconds)) s  \(rate(loopSeconds))")
print(
    "day-by-day loop over the calendar's table:   \(String(format: "%8.3f", tableLoopSeconds)) s  "
        + "\(rate(tableLoopSeconds))"
)
print(String(format: "holiday-set loop / calendar table: %.1fx (target ≥ 50x)", loopSeconds / primitiveSeconds))
print(String(format: "holiday-set loop / full clock:     %.1fx", loopSeconds / engineSeconds))
print(String(format: "table loop / calendar table:       %.1fx", tableLoopSeconds / primitiveSeconds))
