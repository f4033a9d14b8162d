import FOIKit
import FOIViews
import Synchronization

/// The JSON of every row of the API's board as drawn, each kept under its section and entry (its case, its clock
/// and the case's count of steps), with the day and the calendars it was drawn on (its days left change with
/// either): a board drawn again after a step reads the cases of the rows that changed only, not every case on the
/// board. Any thread may share one.
final class BoardRows: Sendable {
    /// A row of the board: a case's clock in a section.
    struct Row: Hashable {
        var section: Int
        var reference: CaseReference
        var clock: ClockName
    }

    /// The most cases a drawing reads afresh by name: beyond, it reads the whole board.
    static let readByName = 2_000

    /// The last drawing's rows, each with the case's count of steps it was drawn at.
    private let kept = Mutex<(today: CivilDate?, calendars: Calendars?, rows: [Row: (steps: Int, json: [UInt8])])>(
        (nil, nil, [:]))

    /// Every row of the board of `today` (of the cases `handler` selects) as `foi board --format json` writes it.
    func json(storage: any CaseStorage, today: CivilDate, horizon: Int, handler: HandlerFilter?) async throws
        -> [UInt8]
    {
        let calendars = storage.calendars
        let entries = try await storage.boardEntries(today: today, horizon: horizon, handler: handler).enumerated()
            .flatMap { section, entries in
                entries.map { (row: Row(section: section, reference: $0.reference, clock: $0.clock), steps: $0.steps) }
            }
        var elements = kept.withLock { kept in
            guard kept.today == today && kept.calendars === calendars else {
                return [[UInt8]?](repeating: nil, count: entries.count)
            }
            return entries.map { entry in kept.rows[entry.row].flatMap { $0.steps == entry.steps ? $0.json : nil } }
        }
        let changed = Set(entries.indices.filter { elements[$0] == nil }.map { entries[$0].row.reference })
        guard !changed.isEmpty else { return Self.array(elements.compactMap { $0 }) }
        let whole = changed.count > Self.readByName
        let read = try BoardView.jsonRows(
            try await storage.board(
                today: today, horizon: horizon, limit: nil, handler: handler, among: whole ? nil : Array(changed)),
            calendars: calendars)
        let drawn = Dictionary(
            read.map { (Row(section: $0.section, reference: $0.row.summary.ref, clock: $0.row.clock), $0.json) },
            uniquingKeysWith: { first, _ in first })
        for index in entries.indices where elements[index] == nil { elements[index] = drawn[entries[index].row] }
        // A row drawn after a step later than its entry is kept under the count before, and read again next time.
        let current = zip(entries, elements).compactMap { entry, json in json.map { (entry.row, (entry.steps, $0)) } }
        kept.withLock { $0 = (today, calendars, Dictionary(current, uniquingKeysWith: { first, _ in first })) }
        // Read whole: the board as that one read drew it.
        if whole { return Self.array(read.map(\.json)) }
        guard elements.contains(where: { $0 == nil }) else { return Self.array(elements.compactMap { $0 }) }
        // A case moved on between the two reads: the board as one read of it all draws it.
        return Self.array(
            try BoardView.jsonRows(
                try await storage.board(today: today, horizon: horizon, limit: nil, handler: handler, among: nil),
                calendars: calendars
            ).map(\.json))
    }

    private static func array(_ elements: [[UInt8]]) -> [UInt8] {
        var output = TextOutput()
        output.jsonArray(elements)
        return output.bytes
    }
}
