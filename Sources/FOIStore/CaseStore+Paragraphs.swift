import FOIKit
import FOIResources
import Foundation
import GRDB

extension CaseStore {
    /// The paragraph library: the shipped paragraphs, each replaced by the authority's own of the same name, and the
    /// authority's others; by section, then name.
    public func paragraphs() async throws -> [ReasoningParagraph] {
        struct Library: Decodable { var paragraphs: [ReasoningParagraph] }
        let shipped: [ReasoningParagraph]
        do {
            shipped = try JSONDecoder().decode(Library.self, from: Data(Seeds.paragraphsJSON)).paragraphs
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "the shipped paragraph library is unreadable: \(error)")
        }
        let local = try await read { db in
            try Row.fetchAll(db, sql: "SELECT name, section, role, text FROM paragraphs").compactMap { row in
                ReasoningParagraph.Role(rawValue: row["role"]).map {
                    ReasoningParagraph(
                        name: row["name"], section: row["section"], role: $0, text: row["text"], isLocal: true)
                }
            }
        }
        let localNames = Set(local.map(\.name))
        return (shipped.filter { !localNames.contains($0.name) } + local).sorted {
            ($0.section, $0.name) < ($1.section, $1.name)
        }
    }

    /// The paragraph `name`, or an error naming the library's.
    public func paragraph(named name: String) async throws -> ReasoningParagraph {
        let library = try await paragraphs()
        guard let paragraph = library.first(where: { $0.name == name }) else {
            throw StoreError.unknownParagraph(name, known: library.map(\.name))
        }
        return paragraph
    }

    /// Adds the authority's own paragraph, or replaces the one of its name.
    public func addParagraph(_ paragraph: ReasoningParagraph) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO paragraphs (name, section, role, text, added_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET section = excluded.section, role = excluded.role,
                    text = excluded.text, added_at = excluded.added_at
                    """,
                arguments: [
                    paragraph.name, paragraph.section, paragraph.role.rawValue, paragraph.text, EventLog.timestamp(),
                ])
        }
    }
}
