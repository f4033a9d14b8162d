import FOIKit
import FOIStore

/// The composition root: the one file of the command line that knows which store keeps the cases (a SQLite file
/// through FOIStore). Every other file speaks to `CaseStorage` and to FOIApp's use cases, as a web page will.
enum Stores {
    /// The store at `path`, opened for `access`.
    static func open(path: String, access: StoreAccess) throws -> any CaseStorage {
        try CaseStore(path: path, access: access)
    }

    /// Where the store is when no `--db` says: `$FOI_DB`, else the user's data directory.
    static func defaultPath(environment: [String: String]) -> String {
        CaseStore.defaultPath(environment: environment)
    }

    /// Whether there is a store at `path`.
    static func exists(at path: String) throws -> Bool {
        try CaseStore.exists(at: path)
    }

    /// An empty store in memory: what a dry run checks a file against before there is a database.
    static func inMemory() throws -> any CaseStorage {
        try CaseStore.inMemory()
    }

    /// A new store at `path`, made by `body` and put in its place only once `body` has succeeded.
    static func buildingNew<T>(at path: String, _ body: (any CaseStorage) async throws -> T) async throws -> T {
        try await CaseStore.buildingNew(at: path) { try await body($0) }
    }

    /// Whether `bytes` are an export of foi (rather than a tracker's CSV).
    static func isExport(_ bytes: [UInt8]) -> Bool {
        CaseStore.isExport(bytes)
    }
}
