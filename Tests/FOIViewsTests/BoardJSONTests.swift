import FOIKit
import Foundation
import Testing

@testable import FOIViews

/// The board's JSON cut into its rows, so that a server redraws only the rows a step changed: joined, the same bytes
/// as the whole array encoded at once, whatever the rows hold.
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
}
