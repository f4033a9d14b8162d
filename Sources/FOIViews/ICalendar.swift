import FOIKit

/// Running clocks as an iCalendar file (RFC 5545) for Outlook and other calendars: one all-day event per clock on
/// its date, with a UID stable per case and clock so that a calendar subscribed to the file, or importing it again,
/// moves the event rather than adding another.
public enum ICalendar {
    /// The file: CRLF line ends, lines folded at 75 octets, text escaped. `stamp` is the DTSTAMP (UTC,
    /// `20261121T094500Z`): when the file was written. Summaries and descriptions name the case, never the requester
    /// (calendars are shared) nor the subject (requesters write subjects, with names in them).
    public static func render(_ clocks: [CalendarClock], stamp: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//foi//FOI case deadlines//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:FOI deadlines", "X-PUBLISHED-TTL:PT1H",
        ]
        for clock in clocks {
            let waitsOnAuthority = clock.clock.watch == .duty
            let summary = "\(clock.reference) \(clock.clock.title)\(waitsOnAuthority ? " due" : "")"
            var description =
                "\(clock.regime.shortName) case \(clock.reference), stage \(clock.stage.rawValue): "
                + "\(clock.clock.title), \(clock.due.longDescription)."
            if clock.provisional {
                description += " Provisional: it counts holidays not yet published."
            }
            lines += [
                "BEGIN:VEVENT", "UID:\(uid(clock))", "DTSTAMP:\(stamp)", "SEQUENCE:\(clock.sequence)",
                "DTSTART;VALUE=DATE:\(compact(clock.due))", "DTEND;VALUE=DATE:\(compact(clock.due.adding(days: 1)))",
                "SUMMARY:\(escape(summary))", "DESCRIPTION:\(escape(description))",
                "CATEGORIES:\(escape(waitsOnAuthority ? "FOI deadline" : "FOI date"))", "TRANSP:TRANSPARENT",
                "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `FOI-2026-000042.response@foi`: the case and the clock, the same in every file written.
    static func uid(_ clock: CalendarClock) -> String {
        escape("\(clock.reference).\(clock.clock.rawValue)@foi")
    }

    /// `20261201`.
    static func compact(_ date: CivilDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }

    /// TEXT as RFC 5545 §3.3.11 writes it: backslash, semicolon, comma and line breaks escaped.
    static func escape(_ text: String) -> String {
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
        var lines: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = character.utf8.count
            if octets + size > 75 {
                lines.append(current)
                current = " "
                octets = 1
            }
            current.append(character)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}
