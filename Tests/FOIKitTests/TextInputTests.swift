import FOIKit
import Testing

/// What foi takes as text from a file, a JSON document or a person: nothing it would store cut short, nothing that
/// crashes the reader.
@Suite struct TextInputTests {
    static let sample = "Our ref,Date received\nA-1,05/10/2026,Café\n"

    @Test func utf16FromWindowsToolsIsReadWithOrWithoutItsMark() throws {
        let expected = Array(Self.sample.utf8)
        let littleEndian = Self.sample.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian = Self.sample.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try TextFile.utf8([0xFF, 0xFE] + littleEndian) == expected)
        #expect(try TextFile.utf8([0xFE, 0xFF] + bigEndian) == expected)
        // Saved without a mark: the zero beside every Latin letter gives it away.
        #expect(try TextFile.utf8(littleEndian) == expected)
        #expect(try TextFile.utf8(bigEndian) == expected)
        #expect(try TextFile.utf8([0xEF, 0xBB, 0xBF] + expected) == expected)
        #expect(try TextFile.utf8(expected) == expected)
    }

    @Test func aNULIsRefusedNamingItsLine() {
        #expect(throws: TextFileError.nul(line: 2)) { try TextFile.utf8(Array("one\ntw\0o\n".utf8)) }
        #expect(throws: TextFileError.nul(line: 3)) { try TextFile.utf8(Array("one\r\ntwo\r\n\0".utf8)) }
        // Lines that end in CR alone count too.
        #expect(throws: TextFileError.nul(line: 3)) { try TextFile.utf8(Array("one\rtwo\r\0".utf8)) }
        // U+0000 in UTF-16 is a NUL as well.
        let utf16: [UInt8] = [0xFF, 0xFE] + "ab\nc\0".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: TextFileError.nul(line: 2)) { try TextFile.utf8(utf16) }
    }

    @Test func bytesThatAreNotTextAreRefusedNamingTheirLine() {
        #expect(throws: TextFileError.notUTF8(line: 2)) { try TextFile.utf8([0x61, 0x0A, 0x62, 0xC3, 0x28]) }
        // An overlong encoding of NUL is not UTF-8 either.
        #expect(throws: TextFileError.notUTF8(line: 1)) { try TextFile.utf8([0x61, 0xC0, 0x80]) }
        // A lone surrogate in UTF-16, and half a character at the end.
        #expect(throws: TextFileError.notUTF8(line: 1)) { try TextFile.utf8([0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8]) }
        #expect(throws: TextFileError.notUTF8(line: 1)) { try TextFile.utf8([0xFF, 0xFE, 0x61, 0x00, 0x62]) }
    }

    @Test func jsonNestedPastTheLimitIsAnErrorNotACrash() throws {
        let limit = 512
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try JSONValue(parsing: deepest) }
        let deeper = "[" + deepest + "]"
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: deeper) }
        let hostile = "{\"a\":" + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "}"
        let error = #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: hostile) }
        #expect(error?.reason == "arrays and objects nested deeper than 512 levels")
    }

    @Test func jsonThatFoiWouldNotStoreIsRefused() throws {
        // NUL escaped, raw control characters (RFC 8259 asks for escapes), and bytes that are not UTF-8.
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: #"{"ref":"NUL\u0000REF"}"#) }
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: "{\"ref\":\"tab\there\"}") }
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: [0x22, 0x61, 0xFF, 0x22]) }
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: [0x22, 0xC0, 0x80, 0x22]) }
        // Every other escape still reads, as before.
        let escapes = #""a\u0001\t\n\"\\\/\u00e9\ud83d\ude00""#
        #expect(try JSONValue(parsing: escapes) == .string("a\u{1}\t\n\"\\/é😀"))
    }

    @Test func theStoreCanTellAnEscapedNULFromATypedOne() {
        #expect(JSONValue.canonicalTextHoldsNUL(JSONValue.string("a\u{0}b").canonicalText))
        #expect(JSONValue.canonicalTextHoldsNUL(JSONValue.object(["k": .array([.string("\u{0}")])]).canonicalText))
        // A backslash typed before "u0000" is written doubled: text, not a NUL.
        #expect(!JSONValue.canonicalTextHoldsNUL(JSONValue.string(#"C:\u0000"#).canonicalText))
        #expect(JSONValue.canonicalTextHoldsNUL(JSONValue.string("\\\u{0}").canonicalText))
        #expect(!JSONValue.canonicalTextHoldsNUL(JSONValue.string("\u{1}").canonicalText))
    }

    @Test func aReferenceIsWhatLogTakesWhereverItComesFrom() throws {
        #expect(try CaseReference(validating: "01.FOI.23.028767").rawValue == "01.FOI.23.028767")
        #expect(try CaseReference(validating: "FOI/24/001 (part 2)").rawValue == "FOI/24/001 (part 2)")
        for (text, error) in [
            ("", ReferenceError.blank), ("  ", .blank), ("V-29\rX", .controlCharacter("\r")),
            ("REF\nEND:VCALENDAR", .controlCharacter("\n")), ("a\u{1B}[2J", .controlCharacter("\u{1B}")),
            ("N\u{0}", .controlCharacter("\u{0}")), ("x\u{202E}gpj", .controlCharacter("\u{202E}")),
            ("a\u{2028}b", .controlCharacter("\u{2028}")), ("x\u{85}", .controlCharacter("\u{85}")),
            (String(repeating: "R", count: 65), .tooLong(65)),
        ] {
            #expect(throws: error) { try CaseReference(validating: text) }
        }
        #expect(ReferenceError.controlCharacter("\u{1B}").description.hasSuffix("here U+001B)"))
    }
}
