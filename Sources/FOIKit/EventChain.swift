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
        let content: JSONValue = .object([
            "actor": link.actor.map(JSONValue.string) ?? .null, "case": .string(link.caseReference.rawValue),
            "date": .string(link.date.description), "format": .integer(link.format), "kind": .string(link.kind),
            "payload": .string(link.payload), "previous": previous.map(JSONValue.string) ?? .null,
            "recordedAt": .string(link.recordedAt), "sequence": .integer(link.sequence),
            "texts": .object(link.textDigests.mapValues(JSONValue.string)),
        ])
        return SHA256.hex(content.canonicalBytes)
    }

    /// The digest of a personal text under its salt. The salt (random, kept beside the text and removed with it)
    /// stops a removed name from being found again by hashing candidate names.
    public static func digest(of text: String, salt: String) -> String {
        SHA256.hex(Array((salt + "\n" + text).utf8))
    }
}
