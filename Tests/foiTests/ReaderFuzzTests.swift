import FOIIntake
import FOIKit
import FOIResources
import FOITestSupport
import FOIViews
import Foundation
import Mustache
import Synchronization
import Testing

/// Every reader of what foi is given — CSV, Excel workbooks, JSON, letter templates — fed thousands of seeded
/// mutations of a valid input: in-process, each must end (an error is fine) within a time budget, and none may
/// crash; a sample then goes through the `foi` command under a memory budget (a gigabyte of address space), and
/// must end in a documented exit code with exactly one `Error:` line, nothing written to standard output.
@Suite struct ReaderFuzzTests {
    /// The time one input may take in-process (a debug build; a release build is five to ten times faster).
    static let budget = Duration.seconds(5)
    /// The address space a `foi` run may use.
    static let memory = 1 << 30
    static let catalogue = try! ExemptionCatalogue(json: Seeds.exemptionsJSON)

    /// Runs `read` on `count` mutations of `seeds`, each within `budget`; returns a sample of the inputs for the
    /// process-level runs.
    static func fuzz(
        seed: UInt64, seeds: [[UInt8]], tokens: [String], count: Int, sample: Int = 16,
        mutate: ((inout Mutator, [UInt8]) -> [UInt8])? = nil, _ read: ([UInt8]) -> Void
    ) -> [[UInt8]] {
        var mutator = Mutator(seed: seed, tokens: tokens)
        var sampled: [[UInt8]] = []
        for index in 0..<count {
            let base = seeds[mutator.pick(0..<seeds.count)]
            let input = mutate.map { $0(&mutator, base) } ?? mutator.mutate(base)
            let started = ContinuousClock.now
            read(input)
            let took = ContinuousClock.now - started
            if took > budget {
                Issue.record(
                    "input \(index) (seed \(seed)) took \(took): \(String(decoding: input.prefix(200), as: UTF8.self))")
            }
            if index % (count / sample) == 0 { sampled.append(input) }
        }
        return sampled
    }

    /// Runs `arguments(file)` for each input written to `file` under the memory budget: a documented exit code,
    /// and a failure is one `Error:` line with nothing on standard output.
    static func runThroughFoi(
        _ inputs: [[UInt8]], name: String, arguments: @escaping @Sendable (String, Workspace) -> [String]
    ) throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        #expect(try workspace.run(["demo"]).status == 0)
        let problems = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in stride(from: worker, to: inputs.count, by: 2) {
                let file = workspace.directory.appendingPathComponent("\(index)-\(name)").path
                do {
                    try Data(inputs[index]).write(to: URL(fileURLWithPath: file))
                    let command =
                        ["--as=\(memory)", foiBinary.path] + arguments(file, workspace)
                        + ["--db", workspace.db, "--today", "2026-12-06"]
                    let run = try foi(command, executable: URL(fileURLWithPath: "/usr/bin/prlimit"))
                    if let problem = FuzzTests.problem(in: run, arguments: Array(command.dropFirst(2))) {
                        problems.withLock { $0.append(problem) }
                    } else if run.status != 0 && !run.stdout.isEmpty {
                        problems.withLock { $0.append("\(index): output and an error") }
                    }
                } catch {
                    problems.withLock { $0.append("\(index): \(error)") }
                }
            }
        }
        let found = problems.withLock { $0 }
        #expect(found.isEmpty, "\(found.count) problems, e.g. \(found.prefix(3))")
    }

    static let tracker = Array(
        """
        Our Ref,Date Received,Type,Summary,Name,Officer,Deadline,Date of reply,Outcome,Exemptions applied,Status
        FOI/24/001,01/05/2024,FOI,Drone flights,Ann Private,Priya Shah,29/05/2024,20/05/2024,Granted in full,,Closed
        FOI/24/002,8 April 2024,EIR,"Stop, and search",Bob Public,,07/05/2024,,,,Open
        FOI/24/004,15/04/2024,FOI,Informants,Cat Person,,,10/05/2024,Refused in part,"s.40(2); 31(1)(a)",

        """.utf8)

    /// The rows of a CSV file, as the import reads them, and the import's plan of them.
    static func readCSV(_ bytes: [UInt8]) {
        guard let text = try? TextFile.utf8(bytes) else { return }
        var rows: [(line: Int, cells: [String])] = []
        guard
            (try? CSVReader.scan(
                text, { record in rows.append((record.line, record.fields.indices.map(record.string))) }))
                != nil
        else { return }
        _ = try? SpreadsheetImport.plan(rows, catalogue: catalogue, mapping: .init())
    }

    @Test func csvFiles() throws {
        let tokens = [
            "\"", "\"\"", ",", "\r\n", "\r", "\n", "=cmd|' /C calc'!A0", "31/02/2026", "12/25/2026", "\u{FEFF}",
        ]
        let sample = Self.fuzz(seed: 2026_12_06, seeds: [Self.tracker], tokens: tokens, count: 1_500, Self.readCSV)
        try Self.runThroughFoi(sample, name: "t.csv") { file, _ in ["import", file, "--dry-run"] }
    }

    /// A workbook's sheet and shared strings mutated as XML, then packed; sometimes the package's bytes instead.
    static func mutateWorkbook(_ mutator: inout Mutator, _ sheet: [UInt8]) -> [UInt8] {
        var workbook = TestWorkbook(sheet: String(decoding: mutator.mutate(sheet), as: UTF8.self))
        let strings = Array(
            ("<sst xmlns=\"\(TestWorkbook.main)\"><si><t>Shared</t></si>"
                + "<si><r><t>rich</t></r><rPh><t>x</t></rPh></si></sst>").utf8)
        workbook.parts.append(("xl/sharedStrings.xml", mutator.pick(0..<2) == 0 ? mutator.mutate(strings) : strings))
        guard let bytes = try? workbook.bytes() else { return [] }
        return mutator.pick(0..<8) == 0 ? mutator.mutate(bytes) : bytes
    }

    @Test func excelWorkbooks() throws {
        let rows =
            (2..<40).map { TestWorkbook.row($0, "X-\($0)") }.joined()
            + "<row r=\"40\"><c r=\"A40\" t=\"s\"><v>0</v></c><c r=\"B40\" s=\"1\"><v>46301</v></c></row>"
        let sheet = Array(TestWorkbook.sheet(rows).utf8)
        let tokens = [
            "&#0;", "&x;", "&amp;", "<!DOCTYPE x [<!ENTITY x \"y\">]>", "<![CDATA[", "]]>", "<c r=\"ZZZZZZZZ1\">",
            "<row r=\"99999999\">", "</sheetData>", "<v>", "t=\"s\"", "<!--", "<?pi?>", "<is><t>",
        ]
        let sample = Self.fuzz(
            seed: 1_048_576, seeds: [sheet], tokens: tokens, count: 400, mutate: Self.mutateWorkbook
        ) { bytes in
            guard let workbook = try? XLSX.Workbook(bytes) else { return }
            for name in workbook.sheetNames {
                guard let sheet = try? workbook.sheet(named: name) else { continue }
                _ = try? SpreadsheetImport.plan(
                    sheet.rows.map { ($0.number, $0.cells) }, catalogue: Self.catalogue, mapping: .init(), inSheet: true
                )
            }
        }
        try Self.runThroughFoi(sample.filter { !$0.isEmpty }, name: "t.xlsx") { file, _ in
            ["import", file, "--dry-run"]
        }
    }

    @Test func jsonFiles() throws {
        let mapping = Array(
            (#"{"columns": {"Logged": "received", "Notes": null}, "outcomes": {"Released": "granted-in-full"}, "#
                + #""statuses": {"With legal": "open"}}"#).utf8)
        let payload = Array(
            #"{"exemptions":[{"citation":"31(1)(a)","part":"foia"}],"outcome":"partially-withheld"}"#.utf8)
        let holidays = Array(
            (#"{"england-and-wales":{"division":"england-and-wales","events":[{"title":"New Year’s Day","#
                + #""date":"2026-01-01","notes":"","bunting":true}]}}"#).utf8)
        let tokens = ["[", "{", "\\u0000", "\\ud800", "\"", "1e999999", "-0", "null", ",", ":", "\\"]
        let sample = Self.fuzz(seed: 512, seeds: [mapping, payload, holidays], tokens: tokens, count: 3_000) { bytes in
            _ = try? JSONValue(parsing: bytes)
            _ = try? SpreadsheetImport.Mapping(parsing: bytes)
            _ = try? EventFormat.event(kind: "responded", payload: String(decoding: bytes, as: UTF8.self))
            _ = try? HolidaySet(govUKJSON: bytes)
        }
        let csv = try Workspace()
        defer { try? FileManager.default.removeItem(at: csv.directory) }
        let tracker = try csv.file("one.csv", "Our ref,Date received\nA-1,05/10/2026\n")
        try Self.runThroughFoi(sample, name: "mapping.json") { file, _ in
            ["import", tracker, "--mapping", file, "--dry-run"]
        }
    }

    @Test func letterTemplates() throws {
        let response = Array(Seeds.letterTemplates["response"]!.utf8)
        let tokens = [
            "{{", "}}", "{{> letterhead}}", "{{> response}}", "{{#request}}", "{{/request}}", "{{^granted}}",
            "{{=<% %>=}}",
            "{{{subject}}}", "{{& ref}}", "{{% CONTENT_TYPE: TEXT}}", "{{#request.lines}}", "{{/request.lines}}",
            "{{.}}",
        ]
        let context: [String: Any] = [
            "ref": "A-1", "request": ["lines": ["one", "two", "three"]], "exemptions": [["citation": "31(1)(a)"]],
            "granted": true,
        ]
        let sample = Self.fuzz(seed: 17, seeds: [response], tokens: tokens, count: 1_000) { bytes in
            // A template file is read up to 256 KiB (the parser's time grows with its tags times its length).
            guard bytes.count <= 256 << 10 else { return }
            var templates = Seeds.letterTemplates
            templates["response"] = String(decoding: bytes, as: UTF8.self)
            // As the letter writer does: the shape checked before the parser runs, the rest before rendering.
            guard (try? LetterTemplateCheck.checkShape(templates)) != nil else { return }
            var library = MustacheLibrary()
            for (name, text) in templates { try? library.register(text, named: name) }
            guard (try? LetterTemplateCheck.check(templates)) != nil else { return }
            _ = library.render(context, withTemplate: "response")
        }
        try Self.runThroughFoi(sample, name: "response.mustache") { file, workspace in
            let directory = workspace.directory.appendingPathComponent("templates-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? FileManager.default.moveItem(
                atPath: file, toPath: directory.appendingPathComponent("response.mustache").path)
            return ["letter", "004078/20", "response", "--preview", "--templates", directory.path]
        }
    }
}
