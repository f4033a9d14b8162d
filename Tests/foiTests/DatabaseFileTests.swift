import FOIFiles
import Foundation
import Testing

/// What `--db` and `foi backup` may name, and what foi leaves on the disk: never a file written through a link, a
/// file that looks like a database and is not one, or a database where a command failed.
@Suite struct DatabaseFileTests {
    /// Runs `arguments` with `--db db` and `--today`; the run.
    func run(_ arguments: [String], db: String) throws -> Run {
        try foi(arguments + ["--db", db, "--today", "2026-12-06"])
    }

    func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
    }

    @Test func aSymbolicLinkToNothingIsNeverWrittenThrough() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("link.sqlite").path
        let target = directory.appendingPathComponent("elsewhere.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let logged = try run(["log", "--subject", "x", "--requester", "Secret Person"], db: link)
        #expect(logged.status == 1 && logged.stderr.contains("it is a symbolic link to nothing"), "\(logged.stderr)")
        let database = directory.appendingPathComponent("foi.sqlite").path
        #expect(try run(["demo"], db: database).status == 0)
        let backup = try run(["backup", link], db: database)
        #expect(backup.status == 1 && backup.stderr.contains("exists already"), "\(backup.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
        // A backup into a new directory: the directory its owner's, the file too, whatever the umask.
        let fresh = directory.appendingPathComponent("backups/one.sqlite").path
        #expect(try run(["backup", fresh], db: database).status == 0)
        #expect(try mode(fresh) == 0o600 && mode(directory.appendingPathComponent("backups").path) == 0o700)
        #expect(try run(["verify"], db: fresh).status == 0)
    }

    /// Write commands and read commands alike refuse what is not a foi database, and write nothing into it.
    @Test func whatIsNotAFoiDatabaseIsRefusedAndLeftAsItWas() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.db").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        for command in [["verify"], ["list"], ["note", "X-1", "text"]] {
            let run = try run(command, db: empty)
            #expect(run.status == 1 && run.stderr.contains("is not a foi database: it is empty"), "\(run.stderr)")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
        let other = directory.appendingPathComponent("other.db").path
        let sqlite = try foi(
            ["-c", "import sqlite3; sqlite3.connect('\(other)').execute('create table t(x)')"],
            executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(sqlite.status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        for command in [["log", "--subject", "x"], ["verify"]] {
            let run = try run(command, db: other)
            #expect(run.stderr.contains("it is a SQLite database of another program"), "\(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
        let pipe = directory.appendingPathComponent("pipe.sqlite").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let waited = try run(["list"], db: pipe)
        #expect(waited.status == 1 && waited.stderr.contains("it is a pipe, not a database file"), "\(waited.stderr)")
    }

    /// A backup that cannot be finished (the file size limit stands in for a full disk) says why, and leaves no file
    /// that `foi verify` could take for a good backup.
    @Test func aBackupThatFailsLeavesNoFileBehind() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("foi.sqlite").path
        #expect(try run(["demo"], db: database).status == 0)
        let backup = directory.appendingPathComponent("backup.sqlite").path
        // SIGXFSZ ignored, so that a write past the limit fails as a full disk does rather than end the process.
        let run = try foi(
            [
                "-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" backup \"$1\" --db \"$2\"", foiBinary.path, backup,
                database,
            ],
            executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.status == 1 && run.stderr.hasPrefix("Error: cannot write \(backup): "), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was left there"))
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("backup") }
        #expect(left.isEmpty, "\(left)")
        let verify = try self.run(["verify"], db: backup)
        #expect(verify.status == 1 && verify.stderr.contains("there is no case database"), "\(verify.stderr)")
    }

    /// An import killed part-way into a path with no database leaves none there; the next import finishes the job
    /// and clears what the killed one left.
    @Test func aKilledImportLeavesNoDatabase() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tracker = directory.appendingPathComponent("tracker.csv")
        let rows = (0..<60_000).map { "K-\($0),05/10/2026,Request \($0)" }.joined(separator: "\n")
        try Data(("Our ref,Date received,Subject\n" + rows + "\n").utf8).write(to: tracker)
        let db = directory.appendingPathComponent("data/foi.sqlite").path
        let process = Process()
        process.executableURL = foiBinary
        process.arguments = ["import", tracker.path, "--db", db, "--today", "2026-12-06"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try launch(process)
        // Killed once it has begun to write its new database.
        let data = directory.appendingPathComponent("data").path
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline
            && ((try? FileManager.default.contentsOfDirectory(atPath: data))?.contains { $0.hasSuffix("-wal") } != true)
        {
            usleep(10_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: db))
        let again = try run(["import", tracker.path], db: db)
        #expect(again.status == 0 && again.stdout.hasSuffix("Imported 60000 cases.\n"), "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data) == ["foi.sqlite"])
    }

    /// A database in a place that cannot be written (a read-only share, a mounted backup) is read as it stands:
    /// run as another user, since the tests' own may write anywhere.
    @Test func aDatabaseInAReadOnlyPlaceCanBeReadAndVerified() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let directory = try temporaryDirectory()
        defer {
            chmod(directory.path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        chmod(directory.path, 0o755)
        let db = directory.appendingPathComponent("foi.sqlite").path
        #expect(try run(["demo"], db: db).status == 0)
        chmod(db, 0o444)
        chmod(directory.path, 0o555)
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", foiBinary.path]
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        // Another user may not be able to reach the built binary (a checkout in a private home): nothing to test.
        guard try foi(asNobody + ["--version"], executable: setpriv).status == 0 else { return }
        let verify = try foi(asNobody + ["verify", "--db", db, "--today", "2026-12-06"], executable: setpriv)
        #expect(verify.status == 0 && verify.stdout.hasSuffix("Everything verifies.\n"), "\(verify.stderr)")
        let board = try foi(asNobody + ["list", "--db", db, "--today", "2026-12-06"], executable: setpriv)
        #expect(board.status == 0 && board.stdout.contains("004078/20"), "\(board.stderr)")
        let note = try foi(
            asNobody + ["note", "004078/20", "x", "--db", db, "--today", "2026-12-06"], executable: setpriv)
        #expect(note.status == 1 && note.stderr.contains("cannot open the database"), "\(note.stderr)")
        // A directory of another's is not "no database".
        chmod(directory.path, 0o700)
        let unreachable = try foi(asNobody + ["list", "--db", db, "--today", "2026-12-06"], executable: setpriv)
        #expect(unreachable.status == 1 && unreachable.stderr.hasSuffix("permission denied\n"), "\(unreachable.stderr)")
    }

    /// A letter, a calendar, an export or a disclosure site that cannot be finished (a file size limit of 64 KiB
    /// stands in for a full disk) leaves nothing behind, says why in words, and the same command then works.
    @Test func anOutputThatFailsLeavesNothingAndATryAgainWorks() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("foi.sqlite").path
        // 1,500 requests of 2026, half answered: every output is larger than the limit.
        let rows = (0..<1_500).map { index in
            let day = 5 + index % 300
            let received = CivilDateText.day(2026, dayOfYear: day)
            let answered = index % 2 == 0 && day + 10 <= 330
            return "B-\(index),\(received),Request \(index) about a subject in some detail,"
                + (answered ? "\(CivilDateText.day(2026, dayOfYear: day + 10)),Granted in full" : ",")
        }
        let tracker = directory.appendingPathComponent("tracker.csv")
        try Data(("Our ref,Date received,Summary,Date of reply,Outcome\n" + rows.joined(separator: "\n")).utf8)
            .write(to: tracker)
        #expect(try run(["import", tracker.path], db: db).status == 0)
        let words = directory.appendingPathComponent("request.txt")
        try Data(String(repeating: "The minutes of every meeting. ", count: 4_000).utf8).write(to: words)
        #expect(try run(["request", "B-0", "--file", words.path], db: db).status == 0)
        let outputs: [(arguments: [String], name: String)] = [
            (["letter", "B-0", "response", "--draft", "--output"], "letter.md"),
            (["calendar", "--output"], "calendar.ics"),
            (["export", "--include-requesters", "--output"], "export"),
            (["disclosure-log", "--period", "2026", "--format", "html", "--output"], "site"),
        ]
        for (arguments, name) in outputs {
            let path = directory.appendingPathComponent(name).path
            // SIGXFSZ ignored, so that a write past the limit fails as on a full disk rather than end the process.
            let limited = try foi(
                ["-c", "trap '' XFSZ; exec prlimit --fsize=65536 \"$@\"", "sh", foiBinary.path] + arguments
                    + [path, "--db", db, "--today", "2026-12-06"],
                executable: URL(fileURLWithPath: "/bin/sh"))
            #expect(limited.status == 1, "\(name): \(limited.stderr)")
            #expect(limited.stderr.hasPrefix("Error: cannot write '\(path)"), "\(name): \(limited.stderr)")
            #expect(limited.stderr.contains("too large") && !limited.stderr.contains("Domain"), "\(limited.stderr)")
            let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(name) }
            #expect(left.isEmpty, "\(name): \(left)")
            let again = try run(arguments + [path], db: db)
            #expect(again.status == 0, "\(name): \(again.stderr)")
        }
        // A letter is addressed to a requester: its file is its owner's alone.
        #expect(try mode(directory.appendingPathComponent("letter.md").path) == 0o600)
    }

    /// References that make one page name each get a page of their own, and the index links each to its own.
    @Test func referencesThatMakeOnePageNameGetOneEach() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("foi.sqlite").path
        for reference in ["A/1", "A-1", "A 1"] {
            #expect(
                try run(["log", "--ref", reference, "--subject", "S \(reference)", "--received", "2026-10-01"], db: db)
                    .status == 0)
            #expect(
                try run(["respond", reference, "--outcome", "granted-in-full", "--on", "2026-10-20"], db: db).status
                    == 0)
        }
        let site = directory.appendingPathComponent("site").path
        let run = try run(["disclosure-log", "--period", "2026", "--format", "html", "--output", site], db: db)
        #expect(run.status == 0, "\(run.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: site + "/responses").sorted()
        #expect(pages == ["A-1-2.html", "A-1-3.html", "A-1.html"])
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        for page in pages { #expect(index.contains("href=\"responses/\(page)\"")) }
    }
}

/// Dates as a tracker writes them, day-first.
enum CivilDateText {
    /// The `dayOfYear`th day of `year` (from 1), as `DD/MM/YYYY`.
    static func day(_ year: Int, dayOfYear: Int) -> String {
        var components = DateComponents(year: year, day: dayOfYear)
        components.timeZone = TimeZone(identifier: "UTC")
        let date = Calendar(identifier: .gregorian).date(from: components)!
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%02d/%02d/%04d", parts.day!, parts.month!, parts.year!)
    }
}
