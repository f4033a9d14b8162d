import FOIKit
import FOIResources
import Foundation
import GRDB

/// The one owner of the case database: it creates and migrates it, writes what FOIKit decided about each step
/// (the event, the projection, the clocks) in one transaction, and answers the officer's questions. It decides
/// nothing itself: no SQL here repeats a rule of the law.
public final class CaseStore {
    /// Where the database is, for messages; `:memory:` for an in-memory one.
    public let path: String
    public let catalogue: ExemptionCatalogue
    let writer: any DatabaseWriter
    /// The bank holidays as published and shipped with foi.
    let shipped: HolidaySet
    public internal(set) var calendars: Calendars
    /// The database's changes to the shipped holidays that `calendars` was built with.
    var amendmentsInCalendars: HolidayAmendments

    /// What a command does with the database.
    public enum Access: Sendable {
        /// Reads only: the file is opened read-only, so that a read-only file or share can be inspected.
        case read
        case write
        /// Writes, making the database first if there is none (the commands that start one: log, demo, settings).
        case create
    }

    /// Opens the database file at `path` and brings its schema up to date. With `.create`, makes it first if there
    /// is none: a new file is readable by its owner only (0600), in a directory of its owner's (0700) if the
    /// directory is new too, for it holds requesters' personal data. With `.read`, opens it read-only, unless it
    /// was written by an older foi and must first be brought up to date.
    public convenience init(path: String, access: Access = .write) throws {
        let queue: DatabaseQueue
        do {
            if !FileManager.default.fileExists(atPath: path) {
                guard access == .create else { throw StoreError.noDatabase(path: path) }
                try Self.createPrivateFile(at: path)
            }
            // A read-only open that fails (another officer's foi is converting a new file to WAL or migrating it at
            // that moment) falls back to the ordinary open, which waits its turn.
            if access == .read, let reader = try? Self.currentReadOnly(path: path) {
                queue = reader
            } else {
                queue = try DatabaseQueue(path: path, configuration: Self.configuration)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
        }
        do {
            try self.init(writer: queue, path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw StoreError.cannotOpen(
                path: path,
                reason: "it was written by an older foi and must be brought up to date once, which needs write access")
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

    /// An empty file at `path` with mode 0600 (SQLite gives its -wal and -shm files the same), its directory made
    /// with 0700 where it does not exist; whatever the umask.
    private static func createPrivateFile(at path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: directory.path) {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        // Another officer's process may have made it a moment ago: then it is theirs, with the same mode.
        guard descriptor >= 0 || errno == EEXIST else {
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        if descriptor >= 0 {
            fchmod(descriptor, 0o600)
            close(descriptor)
        }
    }

    /// A store over `writer` (a queue or a pool; an in-memory queue in tests), made with `CaseStore.configuration`.
    public init(writer: any DatabaseWriter, path: String = ":memory:") throws {
        self.path = path
        try Migrations.migrate(writer, path: path)
        self.writer = writer
        catalogue = try ExemptionCatalogue(json: Seeds.exemptionsJSON)
        shipped = try HolidaySet(govUKJSON: Seeds.bankHolidaysJSON)
        amendmentsInCalendars = try writer.read { try HolidayAmendments.read($0) }
        calendars = Calendars(holidays: try amendmentsInCalendars.holidays(shipped: shipped))
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
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// The rules the cases are decided by, with the organisation's settings read in `db`.
    /// The calendars are those of the holidays as `db` has them now: another officer may have added one since this
    /// store opened, and a step recorded with the calendars of before would get a date the holiday moved.
    func rules(_ db: Database) throws -> CaseRules {
        let amendments = try HolidayAmendments.read(db, reusing: amendmentsInCalendars)
        if amendments != amendmentsInCalendars {
            calendars = Calendars(holidays: try amendments.holidays(shipped: shipped))
            amendmentsInCalendars = amendments
        }
        return CaseRules(catalogue: catalogue, calendars: calendars, policy: try Self.clockPolicy(db))
    }

    /// Runs `body` in one IMMEDIATE transaction, so that two officers writing at once queue on the busy timeout
    /// instead of failing, and a failure writes nothing.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else {
                    throw StoreError.cannotOpen(path: path, reason: "the transaction did not commit")
                }
                return result
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw StoreError.busy(path: path)
        }
    }

    static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }

    // MARK: - Backup

    /// A consistent copy of the whole database in a new file at `destination` (0600, like the database), taken with
    /// SQLite's online backup while other officers go on writing; returns how many cases it holds.
    public func backup(to destination: String) throws -> Int {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw StoreError.backupExists(path: destination)
        }
        do {
            try Self.createPrivateFile(at: destination)
            // Written in SQLite's default rollback mode: through a WAL every page would be written twice. The copied
            // header keeps the database's own WAL mode for whoever opens the copy next.
            let copy = try DatabaseQueue(path: destination)
            try writer.backup(to: copy)
            return try copy.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cases") ?? 0 }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: destination, reason: Self.reason(error))
        }
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
