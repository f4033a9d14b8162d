import Foundation

/// The files of a case database and its backups as the operating system has them: what is at a path, a new private
/// file, and a file built under a temporary name and given its own only when whole. They hold requesters' personal
/// data: a new one is its owner's alone (0600), is never made through a symbolic link, and never replaces a file.
/// (`WholeFile` writes the other outputs the same way.)
public enum DatabaseFile {
    public enum Kind: Equatable, Sendable {
        case missing
        case empty
        case file
    }

    /// What is at `path` (a symbolic link followed): nothing, an empty file, or a file. Anything else is refused: a
    /// directory, a pipe (SQLite would wait on it for ever), a device, a link to nothing.
    public static func kind(at path: String) throws(DatabaseFileError) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return .missing }
            throw .system(errno)
        }
        if status.st_mode & S_IFMT == S_IFLNK && stat(path, &status) != 0 {
            throw errno == ENOENT ? .danglingLink : .system(errno)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return status.st_size == 0 ? .empty : .file
        case S_IFDIR: throw .notAFile("a directory")
        case S_IFIFO, S_IFSOCK: throw .notAFile("a pipe")
        default: throw .notAFile("a device")
        }
    }

    /// Whether nothing at all is at `path`, not even a symbolic link.
    public static func isAbsent(_ path: String) throws(DatabaseFileError) -> Bool {
        var status = stat()
        if lstat(path, &status) == 0 { return false }
        guard errno == ENOENT else { throw .system(errno) }
        return true
    }

    /// An empty file at `path` with mode 0600 (SQLite gives its -wal and -shm files the same), its directory made
    /// with 0700 where it does not exist, whatever the umask. Another officer's process may have made it a moment
    /// ago: then it is theirs, with the same mode; a symbolic link there is refused, never followed.
    public static func createPrivate(at path: String, mode: mode_t = 0o600) throws(DatabaseFileError) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if try isAbsent(directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
            } catch {
                throw .cannotMakeDirectory(directory)
            }
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            guard errno == EEXIST else { throw .system(errno) }
            var status = stat()
            guard lstat(path, &status) == 0 else { throw .system(errno) }
            guard status.st_mode & S_IFMT == S_IFREG else {
                throw status.st_mode & S_IFMT == S_IFLNK ? .danglingLink : .notAFile("not a file")
            }
            return
        }
        fchmod(descriptor, mode)
        close(descriptor)
    }

    /// The file `build` writes at a temporary path beside `path` (made private and empty for it), given the name
    /// `path` once `build` has returned: flushed to the disk, then linked into place, which fails rather than
    /// replace whatever another process put there meanwhile (`DatabaseFileError.appeared`). A failure leaves
    /// nothing: neither the temporary file nor a directory made for it. `purpose` names the temporary file
    /// (`.foi.sqlite.import-4242`); one that a process that has died left is removed.
    public static func publish<T>(at path: String, purpose: String, mode: mode_t = 0o600, _ build: (String) throws -> T)
        throws -> T
    {
        let pending = try Publication(at: path, purpose: purpose, mode: mode)
        defer { pending.clear() }
        let result = try build(pending.temporary)
        try pending.complete()
        return result
    }

    /// `publish` for a `build` that waits.
    public static func publish<T>(
        at path: String, purpose: String, mode: mode_t = 0o600, _ build: (String) async throws -> T
    ) async throws -> T {
        let pending = try Publication(at: path, purpose: purpose, mode: mode)
        defer { pending.clear() }
        let result = try await build(pending.temporary)
        try pending.complete()
        return result
    }

    /// A file being built under a temporary name for `publish`.
    private final class Publication {
        let path: String
        let directory: String
        let temporary: String
        let madeDirectory: Bool
        var published = false

        init(at path: String, purpose: String, mode: mode_t) throws {
            self.path = path
            let url = URL(fileURLWithPath: path)
            directory = url.deletingLastPathComponent().path
            madeDirectory = try isAbsent(directory)
            let prefix = ".\(url.lastPathComponent).\(purpose)-"
            removeAbandoned(in: directory, prefix: prefix)
            temporary = (directory as NSString).appendingPathComponent(prefix + String(getpid()))
            remove(temporary)
            do {
                try createPrivate(at: temporary, mode: mode)
            } catch {
                clear()
                throw error
            }
        }

        /// Flushed and linked into place.
        func complete() throws {
            try flush(temporary)
            guard link(temporary, path) == 0 else {
                throw errno == EEXIST ? DatabaseFileError.appeared : DatabaseFileError.system(errno)
            }
            published = true
            try? flush(directory)
        }

        /// The temporary file removed, and the directory made for it unless the file was published there.
        func clear() {
            remove(temporary)
            if madeDirectory && !published { rmdir(directory) }
        }
    }

    /// Writes what the system holds of the file or directory at `path` to the disk.
    public static func flush(_ path: String) throws(DatabaseFileError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .system(errno) }
    }

    /// Removes the file at `path` and the journal, log and shared-memory files SQLite keeps beside it.
    private static func remove(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }

    /// Removes the temporary files named `prefix` and a process id in `directory` whose process has died.
    private static func removeAbandoned(in directory: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let process = Int32(name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }),
                kill(process, 0) != 0 && errno == ESRCH
            else { continue }
            unlink((directory as NSString).appendingPathComponent(name))
        }
    }
}

/// Why a database file cannot be used or made, as the system says.
public enum DatabaseFileError: Error, CustomStringConvertible, Sendable {
    /// Another process made the file while this one was building it.
    case appeared
    case notAFile(String)
    case danglingLink
    case cannotMakeDirectory(String)
    case system(Int32)

    public var description: String {
        switch self {
        case .appeared: "another process made it meanwhile"
        case .notAFile(let kind): "it is \(kind), not a database file"
        case .danglingLink: "it is a symbolic link to nothing; give the database's own path"
        case .cannotMakeDirectory(let directory): "its directory \(directory) cannot be made"
        case .system(let code): String(cString: strerror(code)).lowercased()
        }
    }
}
