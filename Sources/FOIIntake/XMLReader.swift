import Foundation

/// A strict reader of the XML in an Office Open XML package, one event at a time over the bytes of a part already
/// inflated: nothing is recovered and nothing resolved. A document that is cut short, has text after its root, an
/// unclosed or mismatched element, an entity other than XML's five, a character reference to a character XML does
/// not allow, or a document type declaration (which Excel never writes, and through which entities are declared)
/// is refused whole rather than read in part. Linear in the size of the part, in time and in memory.
struct XMLReader {
    enum Event: Equatable {
        case start
        case end
        case text
    }

    struct Attribute {
        /// The local name (a namespace prefix dropped).
        var name: Range<Int>
        var value: Range<Int>
        /// The value holds an entity, a character reference or a line end to undo.
        var needsDecoding: Bool
    }

    /// How deeply elements may nest: a spreadsheet's parts are a few levels deep.
    static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// The qualified names of the elements open, innermost last, to match their end tags.
    private var open: [Range<Int>] = []
    private var rootSeen = false
    /// An empty element (`<c/>`) was started: its end comes next.
    private var emptyElementOpen = false
    /// The local name of the element just started or ended.
    private(set) var name: Range<Int> = 0..<0
    private(set) var attributes: [Attribute] = []
    /// The text just read, and whether it holds an entity, a reference or a line end to undo.
    private(set) var text: Range<Int> = 0..<0
    private(set) var textNeedsDecoding = false

    /// A reader of `bytes`, which must be UTF-8.
    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(XMLError) {
        self.bytes = bytes
        do {
            _ = try UTF8Span(validating: bytes.span)
        } catch {
            throw XMLError("it is not UTF-8 text at byte \(error.byteOffsets.lowerBound)")
        }
    }

    /// The number of elements open.
    var depth: Int { open.count }

    /// The next event, or nil at the end of a well-formed document.
    mutating func next() throws(XMLError) -> Event? {
        if emptyElementOpen {
            emptyElementOpen = false
            open.removeLast()
            return .end
        }
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let start = index
                textNeedsDecoding = false
                while index < bytes.count && bytes[index] != UInt8(ascii: "<") {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "&") {
                        try reference()
                        textNeedsDecoding = true
                        continue
                    }
                    if byte == 0x0D { textNeedsDecoding = true }
                    try checkCharacter(byte)
                    index += 1
                }
                if open.isEmpty {
                    guard bytes[start..<index].allSatisfy(Self.isSpace) else {
                        throw XMLError(
                            rootSeen ? "text after the end of the document" : "text before its first element")
                    }
                    continue
                }
                text = start..<index
                return .text
            }
            let second = index + 1 < bytes.count ? bytes[index + 1] : 0
            if second != UInt8(ascii: "?") && second != UInt8(ascii: "!") && second != UInt8(ascii: "/") {
                return try startTag()
            }
            if starts(with: "<?") {
                try skip(past: "?>", what: "a processing instruction")
            } else if starts(with: "<!--") {
                try skip(past: "-->", what: "a comment")
            } else if starts(with: "<![CDATA[") {
                guard !open.isEmpty else { throw XMLError("character data outside an element") }
                let start = index + 9
                try skip(past: "]]>", what: "a CDATA section")
                for byte in bytes[start..<index - 3] { try checkCharacter(byte) }
                text = start..<index - 3
                // Nothing in it is an entity; only its line ends are undone.
                textNeedsDecoding = bytes[text].contains(0x0D)
                return .text
            } else if starts(with: "<!") {
                throw XMLError("it has a document type declaration, which Excel never writes")
            } else if starts(with: "</") {
                index += 2
                let qualified = try nameHere()
                skipSpace()
                try expect(">")
                guard let opened = open.popLast(), Self.same(opened, qualified, in: bytes) else {
                    throw XMLError("an end tag that does not close the element open")
                }
                name = Self.local(qualified, in: bytes)
                return .end
            } else {
                return try startTag()
            }
        }
        guard rootSeen else { throw XMLError("it has no element") }
        guard open.isEmpty else { throw XMLError("it ends before its elements are closed: the file is cut short") }
        return nil
    }

    /// The local name of the element just started or ended, as bytes.
    var nameBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[name]) }

    /// Whether the element just started or ended is named `local`.
    func isNamed(_ local: StaticString) -> Bool {
        Self.equal(name, local, in: bytes)
    }

    /// The value of the attribute named `local` of the element just started, or nil.
    func attribute(_ local: StaticString) -> String? {
        guard let attribute = attributes.first(where: { Self.equal($0.name, local, in: bytes) }) else { return nil }
        return value(of: attribute)
    }

    /// The value of `attribute`, one of `attributes`.
    func value(of attribute: Attribute) -> String {
        decoded(attribute.value, needsDecoding: attribute.needsDecoding, isAttribute: true)
    }

    /// The bytes of the attribute named `local`, when its value needs no decoding (a number, a cell reference).
    func attributeBytes(_ local: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let attribute = attributes.first(where: { Self.equal($0.name, local, in: bytes) }) else { return nil }
        return attribute.needsDecoding ? nil : UnsafeBufferPointer(rebasing: bytes[attribute.value])
    }

    /// Appends the text just read, decoded, to `target`.
    func appendText(to target: inout [UInt8]) {
        if !textNeedsDecoding {
            target.append(contentsOf: bytes[text])
        } else {
            decode(text, isAttribute: false, into: &target)
        }
    }

    /// The text just read, decoded.
    var textString: String { decoded(text, needsDecoding: textNeedsDecoding, isAttribute: false) }

    // MARK: - Scanning

    private mutating func startTag() throws(XMLError) -> Event {
        if rootSeen && open.isEmpty { throw XMLError("a second root element") }
        guard open.count < Self.maximumDepth else {
            throw XMLError("elements nested deeper than \(Self.maximumDepth) levels")
        }
        index += 1
        let qualified = try nameHere()
        attributes.removeAll(keepingCapacity: true)
        while true {
            let spaced = skipSpace()
            guard index < bytes.count else { throw XMLError("it ends inside a tag: the file is cut short") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                break
            }
            if bytes[index] == UInt8(ascii: "/") {
                index += 1
                try expect(">")
                emptyElementOpen = true
                break
            }
            guard spaced else { throw XMLError("attributes not separated by a space") }
            let attributeName = try nameHere()
            skipSpace()
            try expect("=")
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw XMLError("an attribute value that is not quoted")
            }
            let quote = bytes[index]
            index += 1
            let start = index
            var needsDecoding = false
            while index < bytes.count && bytes[index] != quote {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") { throw XMLError("a '<' inside an attribute value") }
                if byte == UInt8(ascii: "&") {
                    try reference()
                    needsDecoding = true
                    continue
                }
                if byte < 0x20 { needsDecoding = true }
                try checkCharacter(byte)
                index += 1
            }
            guard index < bytes.count else { throw XMLError("it ends inside a tag: the file is cut short") }
            let local = Self.local(attributeName, in: bytes)
            if attributes.contains(where: { Self.same($0.name, local, in: bytes) })
                && !bytes[attributeName].contains(UInt8(ascii: ":"))
            {
                throw XMLError("an element with two attributes of one name")
            }
            attributes.append(Attribute(name: local, value: start..<index, needsDecoding: needsDecoding))
            index += 1
        }
        rootSeen = true
        open.append(qualified)
        name = Self.local(qualified, in: bytes)
        return .start
    }

    /// A name at `index`: up to a space, `/`, `>` or `=`.
    private mutating func nameHere() throws(XMLError) -> Range<Int> {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "=")
            {
                break
            }
            guard
                byte != UInt8(ascii: "<") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
                    && byte != UInt8(ascii: "&") && byte > 0x20
            else { throw XMLError("a character that cannot be in a name") }
            index += 1
        }
        guard index > start else { throw XMLError("a tag without a name") }
        return start..<index
    }

    /// Checks the entity or character reference at `index` (its `&`) and moves past it.
    private mutating func reference() throws(XMLError) {
        let start = index + 1
        var end = start
        while end < bytes.count && end - start <= 10 && bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
            throw XMLError("a '&' that does not begin an entity: write it as &amp;")
        }
        guard Self.referenced(UnsafeBufferPointer(rebasing: bytes[start..<end])) != nil else {
            throw XMLError(
                "an entity or character reference that is not XML's ('&"
                    + String(decoding: bytes[start..<end], as: UTF8.self) + ";')"
            )
        }
        index = end + 1
    }

    /// The character an entity's name or a character reference stands for (`amp`, `#10`, `#x1F600`), or nil when
    /// it is none of XML's own or names a character XML does not allow.
    private static func referenced(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        switch String(decoding: name, as: UTF8.self) {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard name.count >= 2, name[0] == UInt8(ascii: "#") else { return nil }
        let hex = name[1] == UInt8(ascii: "x")
        let digits = String(decoding: name[(hex ? 2 : 1)...], as: UTF8.self)
        guard !digits.isEmpty, digits.count <= 8, let value = UInt32(digits, radix: hex ? 16 : 10),
            isAllowed(value), let scalar = Unicode.Scalar(value)
        else { return nil }
        return scalar
    }

    /// XML 1.0's characters: tab, line feed, carriage return and everything from space on, but surrogates and
    /// U+FFFE, U+FFFF.
    private static func isAllowed(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }

    /// Refuses a control character written as itself (the bytes are UTF-8, so every other byte is allowed).
    private func checkCharacter(_ byte: UInt8) throws(XMLError) {
        if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            throw XMLError("a control character (\(byte)), which XML does not allow")
        }
    }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        return index + count <= bytes.count && memcmp(bytes.baseAddress! + index, prefix.utf8Start, count) == 0
    }

    private mutating func skip(past end: StaticString, what: String) throws(XMLError) {
        let count = end.utf8CodeUnitCount
        while index + count <= bytes.count {
            if starts(with: end) {
                index += count
                return
            }
            index += 1
        }
        throw XMLError("it ends inside \(what): the file is cut short")
    }

    private mutating func expect(_ character: Unicode.Scalar) throws(XMLError) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else {
            throw XMLError(index < bytes.count ? "a tag that is not closed with '>'" : "it ends inside a tag")
        }
        index += 1
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count && Self.isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The part of `qualified` after its prefix (`x:c` → `c`).
    private static func local(_ qualified: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var position = qualified.upperBound
        while position > qualified.lowerBound {
            if bytes[position - 1] == UInt8(ascii: ":") { return position..<qualified.upperBound }
            position -= 1
        }
        return qualified
    }

    private static func equal(_ range: Range<Int>, _ name: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        matches(UnsafeBufferPointer(rebasing: bytes[range]), name)
    }

    /// Whether `buffer` holds `text`'s bytes. (By `memcmp`: an element's name is compared a million times a sheet.)
    static func matches(_ buffer: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        buffer.count == text.utf8CodeUnitCount
            && (buffer.isEmpty || memcmp(buffer.baseAddress!, text.utf8Start, buffer.count) == 0)
    }

    private static func same(_ first: Range<Int>, _ second: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        first.count == second.count
            && memcmp(bytes.baseAddress! + first.lowerBound, bytes.baseAddress! + second.lowerBound, first.count) == 0
    }

    // MARK: - Decoding

    private func decoded(_ range: Range<Int>, needsDecoding: Bool, isAttribute: Bool) -> String {
        if !needsDecoding { return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var target: [UInt8] = []
        decode(range, isAttribute: isAttribute, into: &target)
        return String(decoding: target, as: UTF8.self)
    }

    /// The text of `range` with its references resolved and its line ends made LF, as XML reads them; in an
    /// attribute value a tab or line end written as itself is a space.
    private func decode(_ range: Range<Int>, isAttribute: Bool, into target: inout [UInt8]) {
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "&"):
                let end = bytes[position..<range.upperBound].firstIndex(of: UInt8(ascii: ";"))!
                // Checked when the text was read.
                let scalar = Self.referenced(UnsafeBufferPointer(rebasing: bytes[position + 1..<end]))!
                UTF8.encode(scalar) { target.append($0) }
                position = end + 1
                continue
            case 0x0D:
                target.append(isAttribute ? 0x20 : 0x0A)
                if position + 1 < range.upperBound && bytes[position + 1] == 0x0A { position += 1 }
            case 0x09, 0x0A:
                target.append(isAttribute ? 0x20 : byte)
            default:
                target.append(byte)
            }
            position += 1
        }
    }
}

/// Why a part of a workbook is not XML that foi reads.
struct XMLError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
