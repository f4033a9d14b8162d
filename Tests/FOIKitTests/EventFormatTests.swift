import FOIKit
import FOITestSupport
import Foundation
import Testing

/// The permanent event format (docs/EVENTS.md). `Tests/Fixtures/events-v1` holds a payload of every kind, as
/// stored: every later version of foi must still read each one, and writes it back byte for byte.
@Suite struct EventFormatTests {
    static let directory = Fixtures.directory.appendingPathComponent("events-v1")

    /// `kind.json` or `kind--variant.json`.
    static let fixtures: [String] =
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?
        .filter { $0.hasSuffix(".json") }.sorted() ?? []

    static func kind(of fixture: String) -> String {
        String(fixture.dropLast(5)).components(separatedBy: "--")[0]
    }

    @Test func everyKindHasAFixture() {
        let covered = Set(Self.fixtures.map(Self.kind(of:)))
        #expect(covered == Set(EventKind.allCases.map(\.rawValue)))
    }

    @Test(arguments: fixtures)
    func eachFixtureReadsAndIsWrittenBackByteForByte(fixture: String) throws {
        let stored = try String(contentsOf: Self.directory.appendingPathComponent(fixture), encoding: .utf8)
            .trimmingCharacters(in: .newlines)
        let event = try EventFormat.event(kind: Self.kind(of: fixture), payload: stored)
        #expect(event.kind.rawValue == Self.kind(of: fixture))
        #expect(EventFormat.payload(of: event) == stored)
    }

    /// Version 2 keeps each personal text beside the payload: sealed and read back, every fixture is the same
    /// event; a removed text reads as "(removed)", and a text for a field that is not personal is ignored.
    @Test(arguments: fixtures)
    func versionTwoKeepsPersonalTextsApart(fixture: String) throws {
        let stored = try String(contentsOf: Self.directory.appendingPathComponent(fixture), encoding: .utf8)
        let event = try EventFormat.event(kind: Self.kind(of: fixture), payload: stored, version: 1)
        let (payload, texts) = EventFormat.sealed(event)
        let personal = EventFormat.personalFields[event.kind] ?? []
        #expect(Set(texts.keys).isSubset(of: personal))
        for field in personal { #expect(!payload.contains("\"\(field)\":")) }
        #expect(try EventFormat.event(kind: event.kind.rawValue, payload: payload, texts: texts) == event)
        if !personal.isEmpty && !texts.isEmpty {
            let removed = try EventFormat.event(
                kind: event.kind.rawValue, payload: payload, texts: texts.mapValues { _ in nil })
            #expect(EventFormat.payload(of: removed).contains(EventFormat.removedText))
        }
    }

    @Test func aNoteIsStoredWithoutItsText() throws {
        #expect(EventFormat.sealed(.note("Called Ms Smith")) == ("{}", ["text": "Called Ms Smith"]))
        #expect(try EventFormat.event(kind: "note", payload: "{}", texts: ["text": nil]) == .note("(removed)"))
        #expect(
            try EventFormat.event(kind: "responded", payload: #"{"outcome":"not-held"}"#, texts: ["text": "x"])
                == .responded(.notHeld))
    }

    @Test func fieldsAreNamedAndDatesAreISO() throws {
        let event = try EventFormat.event(
            kind: "decision-notice",
            payload: #"{"complyBy":"2027-03-01","outcome":"partly-upheld","reference":"FS50123456"}"#)
        #expect(
            event
                == .decisionNoticeIssued(
                    DecisionNotice(reference: "FS50123456", outcome: .partlyUpheld, complyBy: d("2027-03-01"))))
        #expect(
            EventFormat.payload(of: .responded(.refusedCost)) == #"{"outcome":"refused-s12"}"#)
        #expect(
            EventFormat.payload(of: .deadlineMoved(from: nil, to: d("2027-01-04"), reason: "x"))
                == #"{"reason":"x","to":"2027-01-04"}"#)
    }

    /// Format 3 names users by number (`Tests/Fixtures/events-v3`): the handler an `assigned` event names is a
    /// user, written back byte for byte; the name a format-1 or format-2 event holds is read as the name it was.
    @Test func formatThreeNamesUsers() throws {
        let stored = try String(
            contentsOf: Fixtures.directory.appendingPathComponent("events-v3/assigned.json"), encoding: .utf8
        ).trimmingCharacters(in: .newlines)
        let event = try EventFormat.event(kind: "assigned", payload: stored, version: 3)
        #expect(event == .assigned(to: .user(UserID(rawValue: 7))))
        #expect(EventFormat.payload(of: event) == stored)
        #expect(
            try EventFormat.event(kind: "assigned", payload: #"{"to":"Priya Shah"}"#, version: 2)
                == .assigned(to: .named("Priya Shah")))
        #expect(throws: EventFormatError.self) {
            try EventFormat.event(kind: "assigned", payload: #"{"to":true}"#, version: 3)
        }
    }

    @Test func whatCannotBeReadIsSaidPrecisely() {
        #expect(throws: EventFormatError.unknownKind("archived")) {
            try EventFormat.event(kind: "archived", payload: "{}")
        }
        #expect(throws: EventFormatError.unsupportedVersion(4)) {
            try EventFormat.event(kind: "note", payload: #"{"text":"x"}"#, version: 4)
        }
        #expect(throws: EventFormatError.badField(kind: "responded", field: "outcome", reason: "is missing")) {
            try EventFormat.event(kind: "responded", payload: "{}")
        }
        #expect(
            throws: EventFormatError.badField(
                kind: "responded", field: "outcome",
                reason: "'won' is not one of " + Outcome.allCases.map(\.rawValue).joined(separator: ", "))
        ) {
            try EventFormat.event(kind: "responded", payload: #"{"outcome":"won"}"#)
        }
        #expect(throws: EventFormatError.self) { try EventFormat.event(kind: "note", payload: "{text}") }
        #expect(throws: EventFormatError.self) {
            try EventFormat.event(kind: "hearing-listed", payload: #"{"on":"2027-02-30"}"#)
        }
    }

    /// The encoding before format 1 (Swift's synthesized Codable), as the 2026-11-20 release wrote it.
    @Test(
        arguments: [
            (
                "exemption-applied",
                #"{"exemptionApplied":{"_0":{"publicInterest":"maintain","neitherConfirmNorDeny":false,"#
                    + #""citation":"31(1)(a)","part":"foia"}}}"#,
                #"{"citation":"31(1)(a)","ncnd":false,"part":"foia","publicInterest":"maintain"}"#
            ),
            ("responded", #"{"responded":{"_0":"partially-withheld"}}"#, #"{"outcome":"partially-withheld"}"#),
            ("note", #"{"note":{"_0":"a\/b"}}"#, #"{"text":"a/b"}"#),
            ("acknowledged", #"{"acknowledged":{}}"#, "{}"),
            (
                "search-recorded", #"{"searchRecorded":{"_0":{"location":"x","held":true,"hours":2}}}"#,
                #"{"held":true,"hours":2.0,"location":"x"}"#
            ),
            (
                "review-decided",
                #"{"reviewDecided":{"_0":{"outcome":"upheld","withdrawnExemptions":["40(2)"],"#
                    + #""addedExemptions":[{"citation":"24(1)","part":"foia","neitherConfirmNorDeny":false}]}}}"#,
                #"{"addedExemptions":[{"citation":"24(1)","ncnd":false,"part":"foia"}],"outcome":"upheld","#
                    + #""withdrawnExemptions":["40(2)"]}"#
            ),
        ] as [(String, String, String)])
    func legacyPayloadsBecomeFormatOne(kind: String, legacy: String, formatOne: String) throws {
        #expect(try EventFormat.versionOnePayload(fromLegacy: legacy, kind: kind) == formatOne)
    }

    @Test func aLegacyFieldWithNoPlaceIsRefusedNotDropped() {
        #expect(throws: EventFormatError.badField(kind: "note", field: "author", reason: "has no place in version 1")) {
            try EventFormat.versionOnePayload(fromLegacy: #"{"note":{"_0":"x","author":"y"}}"#, kind: "note")
        }
    }
}

@Suite struct JSONValueTests {
    @Test func canonicalTextSortsKeysAndEscapesOnlyWhatItMust() {
        let value = JSONValue.object([
            "b": .array([.integer(-3), .number(2.5), .number(3), .bool(true), .null]),
            "a": .string("tab\there \"q\" back\\slash é \u{1F600} \u{01}"),
        ])
        #expect(value.canonicalText == #"{"a":"tab\there \"q\" back\\slash é 😀 \u0001","b":[-3,2.5,3.0,true,null]}"#)
    }

    @Test func parsesWhatItWritesAndWhatOthersWrite() throws {
        let texts = [
            #"{"a":[1,2.5,-0.5e2,true,false,null],"b":{"c":"d"}}"#,
            "  { \"x\" : [ ] , \"y\" : { } }  ",
            #""\u00e9\ud83d\ude00\/\b\f\n\r\t""#,
        ]
        for text in texts {
            let value = try JSONValue(parsing: text)
            #expect(try JSONValue(parsing: value.canonicalText) == value)
        }
        #expect(try JSONValue(parsing: #""\u00e9\ud83d\ude00""#) == .string("é😀"))
        #expect(try JSONValue(parsing: "-0.5e2") == .number(-50))
        #expect(try JSONValue(parsing: "42") == .integer(42))
    }

    @Test(arguments: ["", "{", "[1,]", #"{"a" 1}"#, #""\ud83d""#, #""\x""#, "tru", "{} x", #""open"#, "1.2.3"])
    func refusesWhatIsNotJSON(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
    }
}

/// The hash of the event chain, against the examples of FIPS 180-4 (NIST's "SHA256.pdf") and lengths around the
/// block and padding boundaries, checked against Python's hashlib.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
        ("café £25", "a65f07ffcd459707a6059d02e40300508fdbf9869d7d9a9b620a1361a80c88e4"),
    ])
    func digests(text: String, hex: String) {
        #expect(SHA256.hex(Array(text.utf8)) == hex)
        // Fed in pieces of every size, the digest is the same.
        for size in [1, 7, 63, 64, 65] {
            var hash = SHA256()
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                hash.update(Array(bytes.prefix(size)))
                bytes = bytes.dropFirst(size)
            }
            #expect(hash.finalizeHex() == hex)
        }
    }
}

/// The chain's hash is written byte by byte for speed; it must stay the SHA-256 of the canonical JSON object that
/// docs/EVENTS.md describes.
@Suite struct EventChainTests {
    @Test(arguments: [nil, "0f" + String(repeating: "a", count: 62)])
    func theHashIsOfTheDocumentedObject(previous: String?) {
        let link = EventChain.Link(
            caseReference: CaseReference(rawValue: "FOI-2026-000001"), sequence: 3, kind: "note",
            date: d("2026-11-02"), format: 2, payload: #"{"a":"quote \" and \\ and \n"}"#, actor: nil,
            recordedAt: "2026-11-02T09:15:02Z", textDigests: ["text": "ab12"])
        let object: JSONValue = .object([
            "actor": .null, "case": .string("FOI-2026-000001"), "date": .string("2026-11-02"), "format": .integer(2),
            "kind": .string("note"), "payload": .string(link.payload),
            "previous": previous.map(JSONValue.string) ?? .null,
            "recordedAt": .string("2026-11-02T09:15:02Z"), "sequence": .integer(3),
            "texts": .object(["text": .string("ab12")]),
        ])
        #expect(EventChain.hash(of: link, after: previous) == SHA256.hex(Array(object.canonicalText.utf8)))
    }

    /// The ledger as docs/EVENTS.md describes it, worked with Python's hashlib: the events' hashes are those of
    /// "first" and "second"; the first ledger hash is of 32 zero bytes and the first event's, the second of the
    /// first ledger hash and the second event's, each as its 32 bytes.
    @Test func theLedgerChainsEventsAsDocumented() {
        let first = "a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e"
        let second = "16367aacb67a4a017c8da8ab95682ccb390863780f7114dda0a0e0c55644c7c4"
        #expect(first == SHA256.hex(Array("first".utf8)) && second == SHA256.hex(Array("second".utf8)))
        let ledger = EventChain.ledgerHash(after: nil, event: first)
        #expect(ledger == "664cc94c690b164c5c4e366131ce26d2f535300a175c0486c5f470991af63a5f")
        #expect(
            EventChain.ledgerHash(after: ledger, event: second)
                == "5898c2c1efbc17ff65053618ccf77d3e8962574875df360a91092a990f1f25c7")
    }
}
