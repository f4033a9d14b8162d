import FOIKit

/// Comments on a case for the team: each an event naming the users it mentions (by their e-mail addresses in the
/// text), each of whom is sent a message in the same transaction.
public struct Discussion: Sendable {
    public let storage: any CaseStorage

    public init(storage: any CaseStorage) {
        self.storage = storage
    }

    /// Records `text` on the case `reference`; every e-mail address in it must be an active user's, who is mentioned.
    public func comment(
        _ reference: CaseReference, text: String, on date: CivilDate, by actor: Actor, today: CivilDate
    ) async throws -> RecordedStep {
        var mentions: [UserID] = []
        for address in Self.addresses(in: text) {
            guard let user = try await storage.user(.named(address)), user.active, user.role != .system else {
                throw CaseworkError.noSuchUser(address)
            }
            if !mentions.contains(user.id) { mentions.append(user.id) }
        }
        return try await Casework(storage: storage).record(
            on: date, for: reference, by: actor, today: today,
            notifying: try await Notifier(storage: storage, actor: actor).messages
        ) { _, _ in .commented(text: text, mentions: mentions) }
    }

    /// The e-mail addresses written in `text`, in order: words with an @ between a local part and a domain with a
    /// dot, without the punctuation around them (`(legal@council.example),` is `legal@council.example`).
    static func addresses(in text: String) -> [String] {
        let edges: Set<Character> = ["(", ")", "<", ">", ",", ";", ":", ".", "!", "?", "\"", "'", "[", "]"]
        return text.split(whereSeparator: \.isWhitespace).compactMap { word in
            let trimmed = word.drop { edges.contains($0) || $0 == "@" }.reversed().drop { edges.contains($0) }
            let address = String(trimmed.reversed())
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
                !parts[1].hasSuffix(".")
            else { return nil }
            return address
        }
    }
}
