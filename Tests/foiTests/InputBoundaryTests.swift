import FOITestSupport
import Foundation
import GRDB
import Testing

extension Workspace {
    /// Every row of every table, as text: what a refused command must leave as it was.
    func snapshot() throws -> String {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: db, configuration: configuration).read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.map { table in
                "\(table):\n"
                    + (try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map(\.description))
                    .joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }

    /// Writes `bytes` to a new file of the workspace named `name`; its path.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    /// Runs `arguments`, which must be refused as bad input is: `status`, one `Error:` line that contains
    /// `message`, nothing on standard output, and the database as it was.
    func expectRefused(
        _ arguments: [String], status: Int32 = 65, saying message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try snapshot()
        let run = try run(arguments)
        #expect(run.status == status, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "\(arguments): \(run.stdout)", sourceLocation: sourceLocation)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("Error: "), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(message), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(try snapshot() == before, "\(arguments) changed the database", sourceLocation: sourceLocation)
    }
}

/// What comes in from files: text that could not be stored whole is refused at the door with its line, a text in
/// another encoding is converted, and no file, however made, crashes or exhausts foi.
@Suite struct InputBoundaryTests {
    static let demoCase = "01.FOI.23.034376"

    func demo() throws -> Workspace {
        let workspace = try Workspace()
        #expect(try workspace.run(["demo"]).status == 0)
        return workspace
    }

    @Test func aNULInAnyTextIsRefusedAtTheDoorAndTheRecordStillVerifies() throws {
        let workspace = try demo()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let request = try workspace.file("request.txt", "Please send me\0 the minutes\n")
        try workspace.expectRefused(
            ["request", Self.demoCase, "--file", request], saying: "line 1 holds a NUL character")
        try workspace.expectRefused(
            ["paragraphs", "add", "p", "--section", "31(1)(a)", "--role", "for", "--file", request],
            saying: "holds a NUL character")
        let csv = try workspace.file(
            "nul.csv", "Our ref,Date received,Subject\nA-1,05/10/2026,ok\nA-2,05/10/2026,sub\0j\n")
        try workspace.expectRefused(["import", csv], saying: "'\(csv)', line 3 holds a NUL character")
        let deadlines = try workspace.file("nul-deadlines.csv", "received,note\n2026-10-05,ok\n2026-10-06,n\0\n")
        let bulk = try foi(["deadline", "--input", deadlines])
        #expect(bulk.status == 65 && bulk.stdout.isEmpty, "\(bulk.stderr)")
        #expect(
            bulk.stderr == "Error: '\(deadlines)', line 3 holds a NUL character (a zero byte), which is not text; "
                + "save the file as UTF-8\n")
        #expect(try workspace.run(["verify"]).status == 0)
    }

    @Test func spreadsheetsSavedAsUTF16OrWithClassicMacLineEndsImport() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let rows = "Our ref,Date received,Subject\nU-1,05/10/2026,Café minutes\nU-2,06/10/2026,Parking\n"
        let utf16 = rows.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let withMark = try workspace.file("mark.csv", [0xFF, 0xFE] + utf16)
        let withoutMark = try workspace.file("nomark.csv", utf16)
        let classicMac = try workspace.file("mac.csv", rows.replacingOccurrences(of: "\n", with: "\r"))
        for file in [withMark, withoutMark, classicMac] {
            let dry = try workspace.run(["import", file, "--dry-run"])
            #expect(dry.status == 0 && dry.stdout.contains("2 cases would be imported"), "\(file): \(dry.stderr)")
        }
        #expect(try workspace.run(["import", withoutMark]).status == 0)
        #expect(try workspace.run(["show", "U-1"]).stdout.contains("Café minutes"))
        let deadlines = try workspace.file(
            "mac-deadlines.csv", "received,subject\r05/10/2026,Café\r06/10/2026,Parking\r")
        let due = try foi(["deadline", "--input", deadlines]).stdout
        #expect(due.split(separator: "\n").count == 3 && due.contains("06/10/2026,Parking,2026-11-03"), "\(due)")
    }

    @Test func deeplyNestedJSONIsRefusedNotACrash() throws {
        let workspace = try demo()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let mapping = try workspace.file("mapping.json", "{\"columns\": \(deep)}")
        let csv = try workspace.file("one.csv", "Our ref,Date received\nA-1,05/10/2026\n")
        try workspace.expectRefused(
            ["import", csv, "--mapping", mapping], saying: "nested deeper than 512 levels")
        let holidays = try workspace.file(
            "holidays.json", "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"notes\": \(deep)}}")
        try workspace.expectRefused(["holidays", "import", holidays], saying: "nested deeper than 512 levels")
        let export = try workspace.file(
            "export.jsonl",
            "{\"eventFormat\":1,\"type\":\"foi-export\"}\n{\"ref\":\"D-1\",\"events\":\(deep),\"type\":\"case\"}\n")
        let fresh = try Workspace()
        defer { try? FileManager.default.removeItem(at: fresh.directory) }
        let restore = try fresh.run(["import", export])
        #expect(restore.status == 65 && restore.stderr.contains("line 2 of the export"), "\(restore.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fresh.db))
    }

    @Test func referencesFromFilesFollowTheRuleOfLogRef() throws {
        let workspace = try demo()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        for (name, reference) in [
            ("cr", "\"V-29\rX\""), ("esc", "V-30\u{1B}[2J"), ("long", String(repeating: "R", count: 65)),
        ] {
            let csv = try workspace.file("\(name).csv", "Our ref,Date received\n\(reference),05/10/2026\n")
            try workspace.expectRefused(["import", csv], saying: "line 2, column 'Our ref': a reference")
        }
        let export = try workspace.file(
            "export.jsonl",
            "{\"eventFormat\":1,\"type\":\"foi-export\"}\n"
                + "{\"events\":[],\"ref\":\"CTL\\r\\nEND:VCALENDAR\\u001b[31m\",\"type\":\"case\"}\n")
        let fresh = try Workspace()
        defer { try? FileManager.default.removeItem(at: fresh.directory) }
        let restore = try fresh.run(["import", export])
        #expect(restore.status == 65, "\(restore.stderr)")
        #expect(restore.stderr.contains("line 2 of the export: the case 'CTL\\r\\nEND:VCALENDAR\\u{1B}[31m'"))
        #expect(restore.stderr.contains("a reference cannot hold a control character"), "\(restore.stderr)")
    }

    @Test func anExportWithANULIsRefusedNamingItsLine() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let export = try workspace.file(
            "export.jsonl",
            "{\"eventFormat\":1,\"type\":\"foi-export\"}\n"
                + "{\"key\":\"a\",\"type\":\"settings\",\"value\":\"x\\u0000y\"}\n"
        )
        let run = try workspace.run(["import", export])
        #expect(run.status == 65 && run.stderr.contains("line 2 of the export: not JSON"), "\(run.stderr)")
        #expect(run.stderr.contains("NUL"))
    }

    @Test func devicesAndEndlessInputsAreRefusedInBoundedTime() throws {
        let workspace = try demo()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let endless = "is larger than foi reads of such a file (16 MiB)"
        try workspace.expectRefused(["import", "/dev/zero"], saying: "'/dev/zero' \(endless)")
        try workspace.expectRefused(["request", Self.demoCase, "--file", "/dev/urandom"], saying: endless)
        let csv = try workspace.file("one.csv", "Our ref,Date received\nA-1,05/10/2026\n")
        try workspace.expectRefused(["import", csv, "--mapping", "/dev/zero"], saying: endless)
        // A file larger than any text of its kind is refused before it is read.
        let large = try workspace.file("large.txt", [UInt8](repeating: 0x61, count: (16 << 20) + 1))
        try workspace.expectRefused(
            ["request", Self.demoCase, "--file", large], saying: "larger than foi reads of such a file (16 MiB)")
    }

    @Test func templatesThatWouldCrashOrEscapeTheirDirectoryAreRefused() throws {
        let workspace = try demo()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let header = "{\"eventFormat\":1,\"type\":\"foi-export\"}\n"
        let fresh = try Workspace()
        defer { try? FileManager.default.removeItem(at: fresh.directory) }
        let templatesDirectory = fresh.directory.appendingPathComponent("a/tpl").path
        for (template, message) in [
            ("{\"name\":\"../../traversal\",\"text\":\"x\",\"type\":\"template\"}", "name is lower-case letters"),
            (
                "{\"name\":\"letterhead\",\"text\":\"{{> letterhead}}\",\"type\":\"template\"}",
                "the partial 'letterhead' includes itself"
            ),
        ] {
            let export = try workspace.file("export.jsonl", header + template + "\n")
            let run = try fresh.run(["import", export, "--templates-dir", templatesDirectory])
            #expect(run.status == 65 && run.stderr.contains(message), "\(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: fresh.directory.path).isEmpty)
        }
        // A directory of templates that every letter would fail with is refused when it is set.
        let directory = workspace.directory.appendingPathComponent("tpl").path
        #expect(try foi(["letter", "templates", "export", directory]).status == 0)
        let letterhead = URL(fileURLWithPath: directory).appendingPathComponent("letterhead.mustache")
        try (String(contentsOf: letterhead, encoding: .utf8) + "{{> signoff}}\n").write(
            to: letterhead, atomically: true, encoding: .utf8)
        let signoff = URL(fileURLWithPath: directory).appendingPathComponent("signoff.mustache")
        try (String(contentsOf: signoff, encoding: .utf8) + "{{> letterhead}}\n").write(
            to: signoff, atomically: true, encoding: .utf8)
        try workspace.expectRefused(
            ["settings", "templates-dir", directory], saying: "(letterhead → signoff → letterhead)")
        try workspace.expectRefused(
            ["letter", "004078/20", "response", "--preview", "--templates", directory], saying: "includes itself")
        // A template that is a pipe with no writer, or a link to a device, is read no further than a template is.
        try FileManager.default.removeItem(at: signoff)
        #expect(mkfifo(signoff.path, 0o600) == 0)
        try workspace.expectRefused(
            ["letter", "004078/20", "response", "--preview", "--templates", directory], saying: "is empty")
        try FileManager.default.removeItem(at: signoff)
        try FileManager.default.createSymbolicLink(atPath: signoff.path, withDestinationPath: "/dev/zero")
        try workspace.expectRefused(
            ["letter", "004078/20", "response", "--preview", "--templates", directory],
            saying: "is larger than foi reads of such a file (256 KiB)")
    }

    /// Messages a person can act on: a reference twice in a file names both lines, a header of a hundred thousand
    /// columns is not printed whole, and an update that differs says how.
    @Test func refusalsSayWhatIsWrongInALine() throws {
        let workspace = try demo()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        let twice = try workspace.file(
            "twice.csv", "Our ref,Date received\nV-15,05/10/2026\nV-16,05/10/2026\nV-15,06/10/2026\n")
        try workspace.expectRefused(
            ["import", twice], saying: "line 4, column 'Our ref': 'V-15' is on line 2 too: one reference is one case")
        let wide = try workspace.file(
            "wide.csv", (0..<100_000).map { "Column number \($0)" }.joined(separator: ",") + "\nx\n")
        let run = try workspace.run(["import", wide])
        #expect(run.status == 65 && run.stderr.count < 1_000, "\(run.stderr.prefix(300))")
        #expect(run.stderr.contains("'Column number 9' and 99990 more"))
        let tracker = try workspace.file(
            "tracker.csv", "Ref,Date received,Date of reply,Outcome\nU-1,05/10/2026,20/10/2026,Granted in full\n")
        #expect(try workspace.run(["import", tracker]).status == 0)
        let changed = try workspace.file(
            "changed.csv", "Ref,Date received,Date of reply,Outcome\nU-1,05/10/2026,20/10/2026,Information not held\n")
        try workspace.expectRefused(
            ["import", changed, "--update"],
            saying:
                "its history has response on 2026-10-20 (outcome 'granted-in-full') where the sheet has response on "
                + "2026-10-20 (outcome 'not-held')")
    }
}
