import FOIKit

/// Running clocks as an iCalendar file (RFC 5545) for Outlook and other calendars: one all-day event per clock on
/// its date, with a UID stable per case and clock so that a calendar subscribed to the file, or importing it again,
/// moves the event rather than adding another.
public enum ICalendar {
    /// The file: CRLF line ends, lines folded at 75 octets, text escaped. `stamp` is the DTSTAMP (UTC,
    /// `20261121T094500Z`): when the file was written. Summaries and descriptions name the case, never the requester
    /// (calendars are shared) nor the subject (requesters write subjects, with names in them). Written as bytes, line
    /// by line into one buffer: a hundred thousand events make some 40 MB.
    public static func render(_ clocks: [CalendarClock], stamp: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(400 * clocks.count + 200)
        var line = Line()
        for fixed in [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//foi//FOI case deadlines//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:FOI deadlines", "X-PUBLISHED-TTL:PT1H",
        ] {
            line.raw(fixed)
            line.end(into: &output)
        }
        for clock in clocks {
            let waitsOnAuthority = clock.clock.watch == .duty
            let reference = clock.reference.rawValue
            line.raw("BEGIN:VEVENT")
            line.end(into: &output)
            line.raw("UID:")
            line.text(reference)
            line.text(".")
            line.text(clock.task.map { "task-\($0)" } ?? clock.clock.rawValue)
            line.text("@foi")
            line.end(into: &output)
            line.raw("DTSTAMP:")
            line.raw(stamp)
            line.end(into: &output)
            line.raw("SEQUENCE:")
            line.raw(String(clock.sequence))
            line.end(into: &output)
            line.raw("DTSTART;VALUE=DATE:")
            line.compact(clock.due)
            line.end(into: &output)
            line.raw("DTEND;VALUE=DATE:")
            line.compact(clock.due.adding(days: 1))
            line.end(into: &output)
            line.raw("SUMMARY:")
            line.text(reference)
            line.text(" ")
            line.text(clock.title)
            if waitsOnAuthority { line.text(" due") }
            line.end(into: &output)
            line.raw("DESCRIPTION:")
            line.text(clock.regime.shortName)
            line.text(" case ")
            line.text(reference)
            line.text(" (stage: ")
            line.text(clock.stage.rawValue)
            line.text("): ")
            line.text(clock.title)
            line.text(" ")
            line.text(clock.due.longDescription)
            line.text(".")
            if clock.provisional { line.text(" Provisional: it counts holidays not yet published.") }
            line.end(into: &output)
            line.raw(waitsOnAuthority ? "CATEGORIES:FOI deadline" : "CATEGORIES:FOI date")
            line.end(into: &output)
            for fixed in ["TRANSP:TRANSPARENT", "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE", "END:VEVENT"] {
                line.raw(fixed)
                line.end(into: &output)
            }
        }
        line.raw("END:VCALENDAR")
        line.end(into: &output)
        return output
    }

    /// A content line as it is built: its name and parameters as written, its values' TEXT escaped.
    struct Line {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(256) }

        mutating func raw(_ part: String) {
            bytes += part.utf8
        }

        /// TEXT as RFC 5545 §3.3.11 writes it: backslash, semicolon, comma and line breaks escaped.
        mutating func text(_ part: String) {
            var part = part
            part.withUTF8 { utf8 in
                // Most texts need nothing escaped: copied whole (a hundred thousand events are written at a time).
                if !utf8.contains(where: { $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) {
                    bytes += utf8
                } else {
                    escape(utf8)
                }
            }
        }

        private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
            var pendingReturn = false
            for byte in utf8 {
                if pendingReturn && byte != 0x0A { bytes.append(0x0D) }
                pendingReturn = false
                switch byte {
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x3B: bytes += [0x5C, 0x3B]
                case 0x2C: bytes += [0x5C, 0x2C]
                case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                // A CR LF pair is one line break; a CR alone is kept.
                case 0x0D: pendingReturn = true
                default: bytes.append(byte)
                }
            }
            if pendingReturn { bytes.append(0x0D) }
        }

        /// `20261201`.
        mutating func compact(_ date: CivilDate) {
            let start = bytes.count
            date.appendISO(to: &bytes)
            bytes.removeSubrange(start + 7...start + 7)
            bytes.removeSubrange(start + 4...start + 4)
        }

        /// Appends the line folded so that no line is longer than 75 octets (RFC 5545 §3.1), each continuation
        /// starting with a space and no character's UTF-8 bytes split, and its CRLF, to `output`; and empties it for
        /// the next.
        mutating func end(into output: inout [UInt8]) {
            bytes.withUnsafeBufferPointer { bytes in
                var start = 0
                var limit = 75
                while bytes.count - start > limit {
                    var end = start + limit
                    // Back to the first byte of a character: a continuation byte is 10xxxxxx.
                    while bytes[end] & 0xC0 == 0x80 { end -= 1 }
                    output += UnsafeBufferPointer(rebasing: bytes[start..<end])
                    output += [0x0D, 0x0A, 0x20]
                    start = end
                    limit = 74
                }
                output += UnsafeBufferPointer(rebasing: bytes[start...])
                output += [0x0D, 0x0A]
            }
            bytes.removeAll(keepingCapacity: true)
        }
    }
}
