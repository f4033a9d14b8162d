import FOIKit
import GRDB

/// The protocol's reads and writes are the store's own methods: each is safe from any thread; `load`, `loadDetail` and
/// `append`, which every step takes, wait for the database without holding a thread.
extension CaseStore: CaseStorage {
    public var address: String { path }

    public func rules() throws -> CaseRules {
        try writer.read { db in try rules(db) }
    }

    public func load(_ reference: CaseReference) async throws -> LoadedCase {
        try await writer.read { db in
            LoadedCase(file: try self.loadCase(reference, db).1, rules: try self.rules(db))
        }
    }

    public func loadDetail(_ reference: CaseReference) async throws -> LoadedDetail {
        try await writer.read { db in
            let (detail, rules) = try self.detail(reference, requester: true, db)
            return LoadedDetail(detail: detail, rules: rules, profile: try Self.profile(db))
        }
    }

    public func append(_ step: CaseStep, actor: Actor) async throws -> RecordedStep {
        let reference = step.state.file.reference
        return try await write { db in
            let caseID = try Self.caseID(reference, db)
            let step = try step.resolvingAssignee { try Users.id(named: $0, db) }
            // The step was decided on the case with one event fewer than it now holds; the store's own guard
            // (UNIQUE(case_id, sequence) and the trigger that keeps events from being replaced) backs this up.
            let stored = try Int.fetchOne(db, sql: "SELECT event_count FROM cases WHERE id = ?", arguments: [caseID])
            guard stored == step.state.file.history.count - 1 else { throw StoreError.caseMoved(reference) }
            try Projection.update(
                to: step.state, appending: [step.event], exemptionsChanged: step.exemptionsChanged, caseID: caseID,
                actor: try Users.column(for: actor, db), db)
            return RecordedStep(summary: try Projection.summary(caseID: caseID, db), event: step.event)
        }
    }
}
