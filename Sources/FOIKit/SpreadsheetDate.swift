/// Dates as UK spreadsheets and trackers write them: ISO (`2024-05-07`), day-first with slashes, dots or dashes
/// (`7/5/2024`, `07/05/24`, `07.05.2024`), and long forms (`7 May 2024`, `07 May 2024`, `Tuesday 7th May 2024`,
/// `7 May, 2024`). Day-first is the convention: a date that can only be read month-first (`05/13/2024`) is refused
/// rather than guessed. A two-digit year is 20YY (FOI requests start in 2005).
public enum SpreadsheetDate {
    /// How a date was written, for a report of what was inferred.
    public enum Form: String, Hashable, Sendable {
        case iso
        case dayFirst = "day-first"
        case long
    }

    /// The date `text` names and its form.
    public static func parse(_ text: String) throws(SpreadsheetDateError) -> (date: CivilDate, form: Form) {
        var copy = text
        guard let parsed = copy.withUTF8({ parse($0) }) else { throw reason(text) }
        return parsed
    }

    /// The date the bytes name and its form, or nil (`parse(_:)` with a String says why): the quick way in for a
    /// column read by the hundred thousand.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (date: CivilDate, form: Form)? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let date = CivilDate(isoBytes: trimmed) { return (date, .iso) }
        if let parts = numericParts(trimmed), let date = dayFirst(parts) { return (date, .dayFirst) }
        if let date = long(trimmed) { return (date, .long) }
        return nil
    }

    /// Three numbers separated by one kind of separator (`/`, `.` or `-`), with their digit counts.
    private static func numericParts(_ bytes: UnsafeBufferPointer<UInt8>) -> [(value: Int, digits: Int)]? {
        var parts: [(value: Int, digits: Int)] = []
        var value = 0
        var digits = 0
        var separator: UInt8?
        for byte in bytes {
            if (0x30...0x39).contains(byte) {
                guard digits < 4 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            } else if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                guard digits > 0, separator == nil || separator == byte else { return nil }
                separator = byte
                parts.append((value, digits))
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        parts.append((value, digits))
        return parts.count == 3 ? parts : nil
    }

    private static func dayFirst(_ parts: [(value: Int, digits: Int)]) -> CivilDate? {
        let (day, month, year) = (parts[0], parts[1], parts[2])
        guard day.digits <= 2, month.digits <= 2, year.digits == 4 || year.digits == 2 else { return nil }
        return CivilDate(year: year.digits == 2 ? 2000 + year.value : year.value, month: month.value, day: day.value)
    }

    /// `[weekday] D[st|nd|rd|th] Month[,] YYYY`, the month in full or by its first three letters.
    private static func long(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        var words = bytes.split(whereSeparator: { $0 == 0x20 || $0 == UInt8(ascii: ",") })[...]
        if let first = words.first, let letter = first.first, !(0x30...0x39).contains(letter) {
            guard Self.weekday(first) else { return nil }
            words = words.dropFirst()
        }
        guard words.count == 3 else { return nil }
        let dayWord = words[words.startIndex]
        var day = 0
        var digits = 0
        for byte in dayWord {
            guard (0x30...0x39).contains(byte) else { break }
            day = day * 10 + Int(byte - 0x30)
            digits += 1
        }
        let suffix = String(decoding: dayWord.dropFirst(digits), as: UTF8.self).lowercased()
        guard (1...2).contains(digits), ["", "st", "nd", "rd", "th"].contains(suffix),
            let month = Self.month(words[words.startIndex + 1]),
            words[words.startIndex + 2].count == 4,
            let year = Int(String(decoding: words[words.startIndex + 2], as: UTF8.self))
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    private static func month(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        let text = String(decoding: word, as: UTF8.self).lowercased()
        guard text.count >= 3 else { return nil }
        return (1...12).first { month in
            let name = Month.name(month).lowercased()
            return name == text || name.prefix(3) == text || (month == 9 && text == "sept")
        }
    }

    private static func weekday(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let text = String(decoding: word, as: UTF8.self).lowercased()
        return Weekday.allCases.contains { day in
            let name = day.name.lowercased()
            return name == text || name.prefix(3) == text
        }
    }

    /// Why `text` is not a date this reads.
    static func reason(_ text: String) -> SpreadsheetDateError {
        var copy = text
        let parts = copy.withUTF8 { numericParts($0) }
        if let parts, parts[0].digits == 4 {
            // Year first: ISO, and why it names no day.
            do {
                _ = try CivilDate(iso: text)
            } catch {
                return .iso(error)
            }
        }
        if let parts, parts[2].digits == 4 || parts[2].digits == 2 {
            let (first, second) = (parts[0].value, parts[1].value)
            if second > 12 && first <= 12 { return .monthFirst(text) }
            return .impossible(text)
        }
        return .notADate(text)
    }
}

/// Why a spreadsheet's cell is not a date.
public enum SpreadsheetDateError: Error, Equatable, Sendable, CustomStringConvertible {
    case notADate(String)
    /// Numbers that name no day read day-first (31/02/2024).
    case impossible(String)
    /// Only a month-first reading makes it a date (05/13/2024): US-style, which is never guessed.
    case monthFirst(String)
    /// Written year first, and not a real ISO date.
    case iso(CivilDateError)

    public var description: String {
        switch self {
        case .iso(let error): "\(error)"
        case .notADate(let text):
            "'\(text)' is not a date: write it day-first (7/5/2024, 07/05/24), as 7 May 2024, or as 2024-05-07"
        case .impossible(let text):
            "'\(text)' is not a real date read day-first (day/month/year)"
        case .monthFirst(let text):
            "'\(text)' reads only month-first (US-style); dates are read day-first: write it as day/month/year"
        }
    }
}
