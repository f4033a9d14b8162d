import FOIKit

/// Running clocks as an iCalendar file (RFC 5545) for Outlook and other calendars: one all-day event per clock on
/// its date, with a UID stable per case and clock so that a calendar subscribed to the file, or importing it again,
/// moves the event rather than adding another.
public enum ICalendar {
    /// The file: CRLF line ends, lines folded at 75 octets, text escaped. `stamp` is the DTSTAMP (UTC,
    /// `20261121T094500Z`): when the file was written. Summaries and descriptions name the case, never the requester
    /// (calendars are shared) nor the subject (requesters write subjects, with names in them).
    public static func render(_ clocks: [CalendarClock], stamp: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(400 * clocks.count + 200)
        func add(_ lines: [String]) {
            for line in lines { appendFolded(line, to: &output) }
        }
        add([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//foi//FOI case deadlines//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:FOI deadlines", "X-PUBLISHED-TTL:PT1H",
        ])
        for clock in clocks {
            let waitsOnAuthority = clock.clock.watch == .duty
            let summary = "\(clock.reference) \(clock.clock.title)\(waitsOnAuthority ? " due" : "")"
            var description =
                "\(clock.regime.shortName) case \(clock.reference) (stage: \(clock.stage.rawValue)): "
                + "\(clock.clock.title) \(clock.due.longDescription)."
            if clock.provisional {
                description += " Provisional: it counts holidays not yet published."
            }
            add([
                "BEGIN:VEVENT", "UID:\(uid(clock))", "DTSTAMP:\(stamp)", "SEQUENCE:\(clock.sequence)",
                "DTSTART;VALUE=DATE:\(compact(clock.due))", "DTEND;VALUE=DATE:\(compact(clock.due.adding(days: 1)))",
                "SUMMARY:\(escape(summary))", "DESCRIPTION:\(escape(description))",
                "CATEGORIES:\(escape(waitsOnAuthority ? "FOI deadline" : "FOI date"))", "TRANSP:TRANSPARENT",
                "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE", "END:VEVENT",
            ])
        }
        add(["END:VCALENDAR"])
        return String(decoding: output, as: UTF8.self)
    }

    /// `FOI-2026-000042.response@foi`: the case and the clock, the same in every file written.
    static func uid(_ clock: CalendarClock) -> String {
        escape("\(clock.reference).\(clock.clock.rawValue)@foi")
    }

    /// `20261201`.
    static func compact(_ date: CivilDate) -> String {
        var bytes: [UInt8] = []
        date.appendISO(to: &bytes)
        bytes.removeAll { $0 == UInt8(ascii: "-") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// TEXT as RFC 5545 §3.3.11 writes it: backslash, semicolon, comma and line breaks escaped.
    static func escape(_ text: String) -> String {
        // Most texts need nothing: checked byte by byte first (a hundred thousand events are written at a time).
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A content line folded so that no line is longer than 75 octets (RFC 5545 §3.1), each continuation starting
    /// with a space; a character's UTF-8 bytes are never split.
    static func fold(_ line: String) -> String {
        var output: [UInt8] = []
        appendFolded(line, to: &output)
        return String(decoding: output.dropLast(2), as: UTF8.self)
    }

    /// Appends `line`, folded, and its CRLF to `output`.
    static func appendFolded(_ line: String, to output: inout [UInt8]) {
        var line = line
        line.withUTF8 { bytes in
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
    }
}
