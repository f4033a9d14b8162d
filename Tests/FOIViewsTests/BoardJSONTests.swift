import FOIKit
import Foundation
import Testing

@testable import FOIViews

/// The board's JSON drawn a row at a time, so that a server redraws only the rows a step changed: the same bytes as
/// the whole array encoded at once, whatever the rows hold.
@Suite struct BoardJSONTests {
    struct Item: Encodable {
        var text: String
        var list: [Int]
        var nested: [String: [String]]
    }

    /// Texts a cut between elements could trip on: the separator itself, line breaks and indentation in strings.
    static let awkward = ["", ",\n  {", "a\nb", "  ", "},\n  ", "\"quoted\"", "ünïcode ✓"]

    func wholeArray(_ items: [some Encodable]) throws -> [UInt8] {
        var output = TextOutput()
        try output.json(items)
        return output.bytes
    }

    func elementByElement(_ items: [some Encodable]) throws -> [UInt8] {
        var output = TextOutput()
        output.jsonArray(try TextOutput.jsonElements(items))
        return output.bytes
    }

    @Test func elementsJoinAsTheWholeArray() throws {
        var random = SystemRandomNumberGenerator()
        for count in 0..<12 {
            let items = (0..<count).map { index in
                Item(
                    text: Self.awkward[index % Self.awkward.count],
                    list: (0..<Int.random(in: 0...3, using: &random)).map { $0 },
                    nested: index.isMultiple(of: 2) ? [:] : ["k": [Self.awkward.randomElement(using: &random)!]])
            }
            #expect(try elementByElement(items) == wholeArray(items))
            #expect(try TextOutput.jsonElements(items).count == count)
        }
        #expect(try elementByElement([[Int]]()) == wholeArray([[Int]]()))
        #expect(try elementByElement([[1, 2], []]) == wholeArray([[1, 2], []]))
        #expect(try elementByElement(["a", ",\n  b"]) == wholeArray(["a", ",\n  b"]))
    }

    @Test func aBoardRedrawnAfterAStepDrawsOnlyTheChangedRow() throws {
        let rows = (1...5).map { number in
            var summary = open
            summary.ref = CaseReference(rawValue: "FOI-\(number)")
            return BoardRow(
                summary: summary, clock: .response, due: d("2026-12-01"), provisional: false, workingDaysLeft: 6)
        }
        func board(_ rows: [BoardRow], today: String = "2026-11-20") -> Board {
            Board(
                today: d(today), overdue: BoardSection(count: 0, rows: []),
                dueSoon: BoardSection(count: rows.count, rows: rows), awaiting: BoardSection(count: 0, rows: []))
        }
        let drawings = BoardRowDrawings(capacity: 100)
        func json(_ board: Board, _ drawings: BoardRowDrawings) throws -> [UInt8] {
            try BoardView.render(
                board, horizon: 5, calendars: calendars, format: .json, listingAll: { _ in "" },
                rowDrawings: drawings
            ).bytes
        }
        let fresh = BoardRowDrawings(capacity: 0)
        #expect(try json(board(rows), drawings) == json(board(rows), fresh))
        var changed = rows
        changed[2].summary.subject = "Changed by a step"
        #expect(try json(board(changed), drawings) == json(board(changed), fresh))
        // What is drawn: nothing, the board being the same; then the one row another step changed.
        var asked: [String] = []
        func draw(_ rows: [BoardRow], today: String = "2026-11-20") throws {
            _ = try drawings.json(
                of: rows.map { (section: "due-soon", row: $0) }, today: d(today), calendars: calendars
            ) { missing in
                asked = missing.map(\.row.summary.subject)
                return try TextOutput.jsonElements(asked)
            }
        }
        try draw(changed)
        #expect(asked.isEmpty)
        changed[4].summary.subject = "Changed by another step"
        try draw(changed)
        #expect(asked == ["Changed by another step"])
        // Another day: every row is drawn again (its days left are another day's).
        try draw(changed, today: "2026-11-23")
        #expect(asked.count == 5)
    }
}
