import FOIKit
import Testing

@testable import FOIViews

/// The iCalendar writer's line rules (RFC 5545 §3.1, §3.3.11).
@Suite struct ICalendarTests {
    /// Folded lines are at most 75 octets, continuations start with a space, and unfolding gives the line back,
    /// whatever the width of its characters.
    @Test(arguments: ["a", "é", "☃", "😀"])
    func foldingNeverSplitsACharacter(unit: String) {
        for count in 1...200 {
            let line = "DESCRIPTION:" + String(repeating: unit, count: count)
            var written = ICalendar.Line()
            written.raw(line)
            var output: [UInt8] = []
            written.end(into: &output)
            let parts = String(decoding: output.dropLast(2), as: UTF8.self).components(separatedBy: "\r\n")
            #expect(parts.allSatisfy { $0.utf8.count <= 75 })
            #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
            #expect(parts.first! + parts.dropFirst().map { String($0.dropFirst()) }.joined() == line)
        }
    }

    @Test func textIsEscaped() {
        func escaped(_ text: String) -> String {
            var line = ICalendar.Line()
            line.text(text)
            return String(decoding: line.bytes, as: UTF8.self)
        }
        #expect(escaped("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne")
        #expect(escaped("plain text") == "plain text")
    }
}
