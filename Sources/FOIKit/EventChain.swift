/// Each case's events form a hash chain: an event's hash covers its own canonical content and the hash of the
/// event before it, so a changed, replaced or inserted event breaks every hash from it on (docs/EVENTS.md). Personal
/// texts are covered by their salted digest, which stays when the text is removed: anonymising breaks nothing.
public enum EventChain {
    /// One stored event as the chain sees it.
    public struct Link: Sendable {
        public var caseReference: CaseReference
        public var sequence: Int
        public var kind: String
        public var date: CivilDate
        public var format: Int
        public var payload: String
        public var actor: String?
        public var recordedAt: String
        /// The digest of each personal text kept beside the payload, by field.
        public var textDigests: [String: String]

        public init(
            caseReference: CaseReference, sequence: Int, kind: String, date: CivilDate, format: Int, payload: String,
            actor: String?, recordedAt: String, textDigests: [String: String] = [:]
        ) {
            self.caseReference = caseReference
            self.sequence = sequence
            self.kind = kind
            self.date = date
            self.format = format
            self.payload = payload
            self.actor = actor
            self.recordedAt = recordedAt
            self.textDigests = textDigests
        }
    }

    /// The hash of `link` following the event whose hash is `previous` (nil for a case's first event): SHA-256 of
    /// the canonical JSON text of every column and of `previous`, as 64 hex digits.
    public static func hash(of link: Link, after previous: String?) -> String {
        // The object written key by key in canonical order (it is hashed for every event a verify reads).
        var text: [UInt8] = []
        text.reserveCapacity(256 + link.payload.utf8.count)
        func key(_ name: String, first: Bool = false) {
            if !first { text.append(UInt8(ascii: ",")) }
            JSONValue.writeString(name, to: &text)
            text.append(UInt8(ascii: ":"))
        }
        func string(_ value: String?) {
            if let value { JSONValue.writeString(value, to: &text) } else { text += "null".utf8 }
        }
        text.append(UInt8(ascii: "{"))
        key("actor", first: true)
        string(link.actor)
        key("case")
        string(link.caseReference.rawValue)
        key("date")
        string(link.date.description)
        key("format")
        text += String(link.format).utf8
        key("kind")
        string(link.kind)
        key("payload")
        string(link.payload)
        key("previous")
        string(previous)
        key("recordedAt")
        string(link.recordedAt)
        key("sequence")
        text += String(link.sequence).utf8
        key("texts")
        text +=
            link.textDigests.isEmpty
            ? Array("{}".utf8) : JSONValue.object(link.textDigests.mapValues(JSONValue.string)).canonicalBytes
        text.append(UInt8(ascii: "}"))
        return SHA256.hex(text)
    }

    /// An event's ledger hash: SHA-256 of 64 bytes, the ledger hash of the event before it (32 zero bytes for the
    /// first) and the event's own hash, each as the 32 bytes its hex digits write. The ledger chains every event of
    /// the database in the order it was appended, so that removing a case's last event, or a whole case, breaks it.
    /// (Bytes rather than text: 64 bytes are two blocks of SHA-256 to hash, the texts three, and a verification hashes
    /// every event so.)
    public static func ledgerDigest(after previous: Digest?, event: Digest) -> Digest {
        SHA256.digest((previous ?? Digest()).bytes + event.bytes)
    }

    /// `ledgerDigest` of hashes as stored, as 64 hex digits; a hash that is not 64 hex digits is read as zeros (a
    /// ledger over it then fails to match).
    public static func ledgerHash(after previous: String?, event: String) -> String {
        ledgerDigest(after: previous.map { Digest(hex: $0) ?? Digest() }, event: Digest(hex: event) ?? Digest())
            .description
    }

    /// The digest of a personal text under its salt. The salt (random, kept beside the text and removed with it)
    /// stops a removed name from being found again by hashing candidate names.
    public static func digest(of text: String, salt: String) -> String {
        SHA256.hex(Array((salt + "\n" + text).utf8))
    }
}
