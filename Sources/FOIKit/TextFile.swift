/// A text file as people save it, read as the UTF-8 that is stored: UTF-8 with or without a byte-order mark, or
/// UTF-16 ("Unicode" in Windows tools) with a mark or without one, converted. What cannot be stored is refused,
/// naming its line: bytes that are not text in any of these encodings, and the NUL character, which SQLite's text
/// values end at (a text cut there would no longer match the event that records it).
public enum TextFile {
    /// The UTF-8 bytes of the text `bytes` hold, a byte-order mark dropped.
    public static func utf8(_ bytes: [UInt8]) throws(TextFileError) -> [UInt8] {
        let utf8: [UInt8]
        switch encoding(of: bytes) {
        case .utf8(let markLength):
            utf8 = markLength == 0 ? bytes : Array(bytes[markLength...])
            if let bad = firstInvalidUTF8(utf8) { throw .notUTF8(line: line(at: bad, in: utf8)) }
        case .utf16(let bigEndian, let markLength):
            utf8 = try fromUTF16(bytes[markLength...], bigEndian: bigEndian)
        }
        if let nul = utf8.firstIndex(of: 0) { throw .nul(line: line(at: nul, in: utf8)) }
        return utf8
    }

    /// `utf8(bytes)` as a string.
    public static func text(_ bytes: [UInt8]) throws(TextFileError) -> String {
        String(decoding: try utf8(bytes), as: UTF8.self)
    }

    enum Encoding: Equatable {
        case utf8(markLength: Int)
        case utf16(bigEndian: Bool, markLength: Int)
    }

    /// The encoding a byte-order mark names; without one, UTF-16 where most of the first characters have a zero
    /// byte on one side and not the other (text in a Latin script saved as UTF-16 has a zero beside every letter),
    /// else UTF-8.
    static func encoding(of bytes: [UInt8]) -> Encoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8(markLength: 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16(bigEndian: false, markLength: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16(bigEndian: true, markLength: 2) }
        let sample = bytes.prefix(1024)
        let pairs = sample.count / 2
        guard pairs >= 2 else { return .utf8(markLength: 0) }
        var (zeroFirst, zeroSecond) = (0, 0)
        for pair in 0..<pairs {
            let (first, second) = (sample[sample.startIndex + 2 * pair], sample[sample.startIndex + 2 * pair + 1])
            if first == 0 && second != 0 { zeroFirst += 1 }
            if second == 0 && first != 0 { zeroSecond += 1 }
        }
        if zeroSecond * 2 > pairs && zeroFirst == 0 { return .utf16(bigEndian: false, markLength: 0) }
        if zeroFirst * 2 > pairs && zeroSecond == 0 { return .utf16(bigEndian: true, markLength: 0) }
        return .utf8(markLength: 0)
    }

    /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        // Most texts are valid: the standard library checks them fast, and only a bad one is walked to find where.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// UTF-16 code units as UTF-8; a lone surrogate is refused with its line.
    static func fromUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(TextFileError) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): UTF8.encode(scalar) { utf8.append($0) }
            case .emptyInput:
                // An odd byte at the end is half a character.
                if bytes.count % 2 == 1 { throw .notUTF8(line: line(at: utf8.count, in: utf8)) }
                return utf8
            case .error: throw .notUTF8(line: line(at: utf8.count, in: utf8))
            }
        }
    }

    /// The line (from 1) of the byte at `offset`: lines end in LF, or in CR alone (a classic Mac file).
    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) { line += 1 }
        }
        return line
    }
}

/// Why a file is not text that can be stored, with the line where reading stopped.
public enum TextFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not UTF-8 (nor UTF-16 with or without a mark).
    case notUTF8(line: Int)
    /// A NUL character.
    case nul(line: Int)

    public var line: Int {
        switch self {
        case .notUTF8(let line), .nul(let line): line
        }
    }

    public var description: String {
        switch self {
        case .notUTF8(let line): "line \(line) is not UTF-8 text; save the file as UTF-8"
        case .nul(let line):
            "line \(line) holds a NUL character (a zero byte), which is not text; save the file as UTF-8"
        }
    }
}

extension Unicode.Scalar {
    /// `U+001B`: the scalar as the Unicode standard names code points, for messages about characters not shown.
    public var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
