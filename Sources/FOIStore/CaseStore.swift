import FOIFiles
import FOIKit
import FOIResources
import Foundation
import GRDB
import Synchronization

/// The one owner of the case database: it creates and migrates it, writes what FOIKit decided about each step
/// (the event, the projection, the clocks) in one transaction, and answers the officer's questions. It decides
/// nothing itself: no SQL here repeats a rule of the law.
///
/// Any thread may share one store: its state is immutable but for the calendars built from the database's holiday
/// changes, which are kept behind a lock and checked against the database at every read of the rules (so a holiday
/// another process added is seen without a write), and GRDB's writer serialises what reaches the file.
public final class CaseStore: Sendable {
    /// Where the database is, for messages; `:memory:` for an in-memory one.
    public let path: String
    /// What SQLite opens for another connection to the same file: its path, or a URI that opens it as immutable
    /// (a database in a place that cannot be written).
    let location: String
    public let catalogue: ExemptionCatalogue
    let writer: any DatabaseWriter
    /// The bank holidays as published and shipped with foi.
    let shipped: HolidaySet
    /// The calendars as last read, and the database's changes to the shipped holidays they were built with.
    private let calendarCache: Mutex<CalendarCache>

    struct CalendarCache: Sendable {
        var amendments: HolidayAmendments
        var calendars: Calendars
    }

    /// The working-day calendars as this store last read the database's holidays.
    public var calendars: Calendars { calendarCache.withLock { $0.calendars } }

    /// Opens the database file at `path` and brings its schema up to date. With `.create`, makes it first if there
    /// is none: a new file is readable by its owner only (0600), in a directory of its owner's (0700) if the
    /// directory is new too, for it holds requesters' personal data. With `.read`, opens it read-only, unless it
    /// was written by an older foi and must first be brought up to date; a database in a place that cannot be
    /// written (a read-only share, a mounted backup) is read as it stands.
    ///
    /// What is not a foi database is refused before anything is written to it: a path that is not a file (a
    /// directory, a pipe, a device), a symbolic link to nothing, an empty file (except to a command that starts a
    /// database), a SQLite database of another program.
    ///
    /// `shared`: the store is shared by many tasks at once (a server's requests): a pool of connections, reading
    /// side by side while one writes; else one connection (a command's).
    public convenience init(path: String, access: StoreAccess = .write, shared: Bool = false) throws {
        let queue: any DatabaseWriter
        var location = path
        do {
            switch try DatabaseFile.kind(at: path) {
            case .missing:
                guard access == .create else { throw StoreError.noDatabase(path: path) }
                try DatabaseFile.createPrivate(at: path)
            case .empty where access != .create:
                throw StoreError.notADatabase(path: path, reason: "it is empty")
            case .empty, .file:
                break
            }
            // A read-only open that fails (another officer's foi is converting a new file to WAL or migrating it at
            // that moment) falls back to the ordinary open, which waits its turn.
            if access == .read, let reader = try? Self.currentReadOnly(path: path) {
                queue = reader
            } else if access == .read, let immutable = try Self.immutableLocation(path: path) {
                queue = try Self.readOnlyQueue(path: immutable)
                location = immutable
            } else if shared {
                // Read through each connection's small page cache, not a mapping of the file: foi-server draws a
                // board once a step, so the mapping's speed was little, and each page it mapped counted in the
                // server's memory.
                queue = try DatabasePool(path: path, configuration: Self.configuration)
            } else {
                queue = try DatabaseQueue(path: path, configuration: Self.configuration)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseFileError {
            throw StoreError.cannotOpen(path: path, reason: error.description)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
        }
        do {
            try self.init(writer: queue, path: path, location: location)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw StoreError.cannotOpen(
                path: path,
                reason: "it was written by an older foi and must be brought up to date once, which needs write access")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path, reason: "it is not a SQLite database")
        }
    }

    /// Whether there is a database file at `path` (a symbolic link followed); what is neither a file nor nothing
    /// (a directory, a pipe, a link to nothing) is refused.
    /// Where the database is when none is named: `$FOI_DB`, else `$XDG_DATA_HOME/foi/foi.sqlite`
    /// (`$HOME/.local/share/foi/foi.sqlite`): the command line and foi-server alike.
    public static func defaultPath(environment: [String: String]) -> String {
        if let fromEnvironment = environment["FOI_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (home as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("foi/foi.sqlite")
    }

    public static func exists(at path: String) throws -> Bool {
        do {
            return try DatabaseFile.kind(at: path) != .missing
        } catch {
            throw StoreError.cannotOpen(path: path, reason: error.description)
        }
    }

    /// A connection to the file at `path` that can only read.
    static func readOnlyQueue(path: String) throws -> DatabaseQueue {
        var configuration = Self.configuration
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// The file at `path` opened read-only, or nil if its schema is behind this foi's.
    private static func currentReadOnly(path: String) throws -> DatabaseQueue? {
        let reader = try readOnlyQueue(path: path)
        return try reader.read { try Migrations.isCurrent($0, path: path) } ? reader : nil
    }

    /// For the file at `path` in a directory this process cannot write, the URI that opens it as immutable: SQLite
    /// cannot make there the shared-memory file a WAL database is read with, and no one can be writing to it. Nil
    /// where the directory can be written (the ordinary open is the way); refused where a write-ahead log beside it
    /// holds changes that reading it as immutable would miss.
    private static func immutableLocation(path: String) throws -> String? {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard access(directory, W_OK) != 0 else { return nil }
        if let log = try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int, log > 0 {
            throw StoreError.cannotOpen(
                path: path,
                reason: "it is in a place that cannot be written, and its write-ahead log (-wal) holds changes that "
                    + "can only be read where it can; copy the database with its -wal file somewhere writable")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute)
            + "?immutable=1"
    }

    /// A store over `writer` (a queue or a pool; an in-memory queue in tests), made with `CaseStore.configuration`.
    public init(writer: any DatabaseWriter, path: String = ":memory:", location: String? = nil) throws {
        self.path = path
        self.location = location ?? path
        try Migrations.migrate(writer, path: path)
        self.writer = writer
        catalogue = try ExemptionCatalogue(json: Seeds.exemptionsJSON)
        shipped = try HolidaySet(govUKJSON: Seeds.bankHolidaysJSON)
        let amendments = try writer.read { try HolidayAmendments.read($0) }
        calendarCache = Mutex(
            CalendarCache(
                amendments: amendments, calendars: Calendars(holidays: try amendments.holidays(shipped: shipped))))
    }

    /// An empty store in memory, migrated: what a dry run checks a file against before there is a database.
    public static func inMemory() throws -> CaseStore {
        try CaseStore(writer: DatabaseQueue(configuration: configuration))
    }

    /// The connection settings every store uses: WAL, a busy timeout so that officers writing at once queue
    /// instead of failing, foreign keys on.
    public static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        // WAL set here rather than by GRDB's `journalMode = .wal`, which creates and drops a table on every open
        // whose log is empty (for its pools' readers; foi uses a queue): a refused command must leave the file's
        // bytes as they were. The mode is kept in the file, so this writes only when a database is new.
        configuration.prepareDatabase { db in
            guard !db.configuration.readonly else { return }
            // Officers opening a new file at once can each hold the lock the other needs to switch it to WAL:
            // SQLite then answers one of them BUSY at once rather than wait (it would wait for ever), and that one
            // lets go and tries again, for as long as the busy timeout.
            for attempt in 1... {
                do {
                    // Another program's database is left as it is (the migrator refuses it): only a new file or a
                    // foi database becomes WAL.
                    if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal",
                        try !Bool.fetchOne(db, sql: Migrations.isForeignSQL)!
                    {
                        try db.execute(sql: "PRAGMA journal_mode = WAL")
                    }
                    break
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 200 {
                    usleep(50_000)
                }
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// The rules the cases are decided by, with the organisation's settings read in `db`.
    /// The calendars are those of the holidays as `db` has them now: another officer may have added one since this
    /// store opened, and a step recorded with the calendars of before would get a date the holiday moved.
    func rules(_ db: Database) throws -> CaseRules {
        try rulesAndAmendments(db).rules
    }

    /// The rules, and the holiday changes as `db` has them that their calendars were built with.
    func rulesAndAmendments(_ db: Database) throws -> (rules: CaseRules, amendments: HolidayAmendments) {
        let cached = calendarCache.withLock { $0 }
        let amendments = try HolidayAmendments.read(db, reusing: cached.amendments)
        var calendars = cached.calendars
        if amendments != cached.amendments {
            // Built outside the lock: another thread reading the rules meanwhile waits for nothing.
            calendars = Calendars(holidays: try amendments.holidays(shipped: shipped))
            remember(CalendarCache(amendments: amendments, calendars: calendars))
        }
        return (CaseRules(catalogue: catalogue, calendars: calendars, policy: try Self.clockPolicy(db)), amendments)
    }

    /// Keeps `calendars` as the store's own, for what it reads next.
    func remember(_ calendars: CalendarCache) {
        calendarCache.withLock { $0 = calendars }
    }

    /// Runs `body` in one IMMEDIATE transaction, so that two officers writing at once queue on the busy timeout
    /// instead of failing, and a failure writes nothing. The caller waits without holding a thread (`read`).
    func write<T>(_ body: (Database) throws -> T) async throws -> T {
        do {
            if let queue = writer as? DatabaseQueue {
                return try queue.inDatabase { db in try Self.immediately(db, body) }
            }
            return try await withoutActuallyEscaping(body) { body in
                let body = Unchecked(body)
                return try await writer.writeWithoutTransaction { db in
                    Unchecked(try Self.immediately(db, body.value))
                }.value
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw StoreError.busy(path: path)
        }
    }

    /// Runs `body` in a read of the database. Over a pool, the caller waits without holding a thread: a task that
    /// blocked its thread on a store many tasks share could wait for ever for a reader, the threads that would free
    /// one being blocked too. A queue (one command's store, or a test's) is waited for on the caller's thread: it
    /// serialises every access, each of which waits on nothing but SQLite, so waiting cannot deadlock, and the
    /// closure runs on the caller's own thread, sparing a command the thread hops that cost `foi show` a fifth.
    func read<T>(_ body: (Database) throws -> T) async throws -> T {
        if let queue = writer as? DatabaseQueue { return try queue.read(body) }
        return try await withoutActuallyEscaping(body) { body in
            let body = Unchecked(body)
            return try await writer.read { db in Unchecked(try body.value(db)) }.value
        }
    }

    private static func immediately<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        var result: T?
        try db.inTransaction(.immediate) {
            result = try body(db)
            return .commit
        }
        guard let result else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "the transaction did not commit")
        }
        return result
    }

    /// Why an operation on a database file failed, in words.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        switch error.resultCode {
        case .SQLITE_FULL: return "the disk is full"
        // SQLite's own message for a failed backup step is "not an error": the code says what happened.
        case .SQLITE_IOERR: return "the disk could not be read or written (is it full?)"
        case .SQLITE_NOTADB: return "it is not a SQLite database"
        case .SQLITE_CORRUPT: return "the database is damaged"
        case .SQLITE_READONLY: return "it cannot be written here"
        case .SQLITE_CANTOPEN: return "it cannot be opened"
        default: return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
    }

    // MARK: - Backup

    /// A consistent copy of the whole database in a new file at `destination` (0600, like the database), taken with
    /// SQLite's online backup while other officers go on working; returns how many cases it holds. The copy is
    /// written under a temporary name, flushed to the disk and only then given its name: a backup that fails (a
    /// full disk) leaves no file behind that could be taken for a good one, and none is ever written through a
    /// symbolic link or over a file.
    public func backup(to destination: String) throws -> Int {
        do {
            guard try DatabaseFile.isAbsent(destination) else {
                throw StoreError.backupExists(path: destination)
            }
            return try DatabaseFile.publish(at: destination, purpose: "backup") { temporary in
                // Written in SQLite's default rollback mode: through a WAL every page would be written twice. The
                // copied header keeps the database's own WAL mode for whoever opens the copy next.
                let copy = try DatabaseQueue(path: temporary)
                try writer.backup(to: copy)
                let cases = try copy.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cases") ?? 0 }
                try copy.close()
                return cases
            }
        } catch DatabaseFileError.appeared {
            throw StoreError.backupExists(path: destination)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotWrite(path: destination, reason: Self.reason(error))
        }
    }

    /// A new database at `path`, where there is none, made by `body` on a store under a temporary name beside it and
    /// put in its place only once `body` has succeeded: a refused or interrupted import leaves no database, and the
    /// one it makes never replaces one another process made meanwhile (that is refused, and the import can be run
    /// again into it). A build abandoned by a process that died is removed by the next.
    public static func buildingNew<T>(at path: String, _ body: (CaseStore) async throws -> T) async throws -> T {
        do {
            return try await DatabaseFile.publish(at: path, purpose: "import") { temporary in
                let store = try CaseStore(path: temporary, access: .create)
                let result = try await body(store)
                // Its log checkpointed into the file and the file closed, so that the file alone is the database.
                try await store.writer.writeWithoutTransaction {
                    try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                }
                try store.writer.close()
                return result
            }
        } catch DatabaseFileError.appeared {
            throw StoreError.databaseAppeared(path: path)
        } catch let error as DatabaseFileError {
            throw StoreError.cannotWrite(path: path, reason: error.description)
        } catch let error as DatabaseError {
            throw StoreError.cannotWrite(path: path, reason: Self.reason(error))
        }
    }
}

/// A value handed to the database's queue and back while its owner waits for it (`CaseStore.read`): used by one
/// thread at a time, each hand-over ordered by the queue and the continuation, however it is typed.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// Runs FOIKit's decision, turning its refusal into the store's error.
func deciding<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LifecycleError {
        throw StoreError.lifecycle(error)
    }
}

/// Items `0..<count` prepared on another thread, a run of them at a time, while the run before is handed to `write`
/// in order: one core replays and seals cases while the other writes them. `progress` is told how many are done,
/// every thousand.
func pipelined<Prepared: Sendable>(
    count: Int, progress: (Int) -> Void = { _ in }, prepare: @escaping @Sendable (Int) throws -> Prepared,
    write: (Int, Prepared) throws -> Void
) throws {
    let runs = stride(from: 0, to: count, by: 500).map { $0..<min($0 + 500, count) }
    func start(_ run: Range<Int>) -> Prefetch<[Prepared]> { Prefetch { try run.map(prepare) } }
    var next = runs.first.map(start)
    for (index, run) in runs.enumerated() {
        let prepared = try next!.value()
        next = index + 1 < runs.count ? start(runs[index + 1]) : nil
        if index > 0 && run.lowerBound % 1000 == 0 { progress(run.lowerBound) }
        for (offset, item) in zip(run, prepared) { try write(offset, item) }
    }
}

/// Work begun on another thread at once, its result waited for when it is needed: one core prepares while the
/// other writes.
final class Prefetch<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before it signals, read only after the wait.
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.result = Result(catching: work)
            self.done.signal()
        }
    }

    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
