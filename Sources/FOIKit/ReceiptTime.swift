/// Turns the moment a request arrived into the Europe/London civil date it was received on.
///
/// An email at 23:30 BST on 1 June is received on 1 June, though it is 22:30 UTC; the UK's summer-time rule
/// (since 1996: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October) is applied
/// here as arithmetic so that FOIKit needs no time-zone database.
public enum ReceiptTime {
    /// Parses `YYYY-MM-DD`, or an ISO-8601 timestamp with a zone (`2026-06-01T23:30:00+01:00`,
    /// `2026-06-01T22:30Z`), and returns the London civil date.
    public static func londonDate(from text: String) throws(CivilDateError) -> CivilDate {
        var utf8 = text.utf8[...]
        guard let date = CivilDate.parseISO(&utf8) else { throw .malformed(text) }
        guard let day = CivilDate(year: date.year, month: date.month, day: date.day) else {
            throw .impossible(text, CivilDate.impossibilityReason(date.year, date.month, date.day))
        }
        if utf8.isEmpty { return day }
        guard let secondsIntoDay = parseTime(&utf8), let offsetSeconds = parseOffset(&utf8), utf8.isEmpty else {
            throw .malformed(text)
        }
        return londonDate(atUTCSeconds: day.dayNumber * 86_400 + secondsIntoDay - offsetSeconds)
    }

    /// An instant given as seconds since 1970-01-01T00:00Z as ISO 8601 in UTC: `2026-11-20T09:15:02Z`.
    public static func utcTimestamp(atUTCSeconds seconds: Int) -> String {
        let time = seconds - floorDivide(seconds, 86_400) * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(CivilDate(dayNumber: floorDivide(seconds, 86_400)))T\(two(time / 3600)):\(two(time / 60 % 60)):"
            + "\(two(time % 60))Z"
    }

    /// The London civil date at an instant given as seconds since 1970-01-01T00:00Z.
    public static func londonDate(atUTCSeconds seconds: Int) -> CivilDate {
        CivilDate(dayNumber: floorDivide(seconds + londonOffset(atUTCSeconds: seconds), 86_400))
    }

    /// Seconds east of UTC that London keeps at the given instant: 3600 in British Summer Time, else 0.
    public static func londonOffset(atUTCSeconds seconds: Int) -> Int {
        let year = CivilDate(dayNumber: floorDivide(seconds, 86_400)).year
        let summerStarts = CivilDate.last(.sunday, of: 3, in: year).dayNumber * 86_400 + 3600
        let summerEnds = CivilDate.last(.sunday, of: 10, in: year).dayNumber * 86_400 + 3600
        return (summerStarts..<summerEnds).contains(seconds) ? 3600 : 0
    }

    /// `THH:MM[:SS[.fraction]]`, as seconds into the day.
    private static func parseTime(_ utf8: inout Substring.UTF8View) -> Int? {
        guard let separator = utf8.first, separator == UInt8(ascii: "T") || separator == UInt8(ascii: " ") else {
            return nil
        }
        utf8.removeFirst()
        guard let hours = twoDigits(&utf8), hours < 24, utf8.popFirst() == UInt8(ascii: ":"),
            let minutes = twoDigits(&utf8), minutes < 60
        else { return nil }
        var seconds = 0
        if utf8.first == UInt8(ascii: ":") {
            utf8.removeFirst()
            guard let value = twoDigits(&utf8), value < 61 else { return nil }
            seconds = min(value, 59)
            if utf8.first == UInt8(ascii: ".") || utf8.first == UInt8(ascii: ",") {
                utf8.removeFirst()
                guard utf8.first.map(isDigit) == true else { return nil }
                while let byte = utf8.first, isDigit(byte) { utf8.removeFirst() }
            }
        }
        return hours * 3600 + minutes * 60 + seconds
    }

    /// `Z`, `+HH:MM`, `+HHMM` or `+HH`, as seconds east of UTC. A timestamp without a zone is refused: the
    /// same clock time is a different day in UTC and in BST.
    private static func parseOffset(_ utf8: inout Substring.UTF8View) -> Int? {
        guard let sign = utf8.popFirst() else { return nil }
        if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") { return 0 }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), let hours = twoDigits(&utf8), hours <= 14 else {
            return nil
        }
        var minutes = 0
        if utf8.first == UInt8(ascii: ":") { utf8.removeFirst() }
        if !utf8.isEmpty {
            guard let value = twoDigits(&utf8), value < 60 else { return nil }
            minutes = value
        }
        let offset = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -offset : offset
    }

    private static func twoDigits(_ utf8: inout Substring.UTF8View) -> Int? {
        guard let first = utf8.popFirst(), isDigit(first), let second = utf8.popFirst(), isDigit(second) else {
            return nil
        }
        return Int(first - 0x30) * 10 + Int(second - 0x30)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

func floorDivide(_ value: Int, _ divisor: Int) -> Int {
    value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
}
