import ArgumentParser
import FOIFiles
import FOIKit
import FOIViews
import Foundation

/// `foi export`: everything the database holds, to leave with or to keep.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Everything the database holds: every case with its events, settings, holidays and templates.",
        discussion: """
            JSON Lines (default): one object per line, each with a "type": first "foi-export" (the event format and \
            the schema), then a row of each organisation table ("settings", "holidays", "cancelled_holidays", \
            "imported_holidays", "paragraphs"), every edited letter template ("template", from the templates-dir \
            setting), and every case ("case": its reference and each event in the permanent format of \
            docs/EVENTS.md). Requesters' names, emails and addresses (as "requester" on each case) and the \
            personal texts of events (a request's words, a note: otherwise read as removed, listed in "removed") \
            only with --include-requesters; the files are then readable by their owner alone. 'foi import' \
            restores the JSON Lines into a new database.

            CSV (needs --output DIR): events.csv (ref, sequence, date, kind, event as JSON, actor, recorded_at), a \
            file per organisation table, template files under templates/, and with --include-requesters \
            requesters.csv. Without --output, JSON Lines go to standard output; --output names a new directory \
            (export.jsonl in it).
            """)
    @Option(help: "jsonl (default) or csv.") var format: ExportFormat = .jsonl
    @Flag(help: "Include the requesters' names, emails and addresses (personal data).") var includeRequesters = false
    @Option(help: ArgumentHelp("A new directory to write the export into.", valueName: "dir")) var output: String?
    @OptionGroup var store: StoreOptions

    enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
        case jsonl, csv
    }

    func validate() throws {
        if format == .csv && output == nil {
            throw ValidationError("--format csv writes several files: give --output DIR")
        }
        try NewOutput.check(output, "directory")
    }

    func run() async throws {
        let caseStore = try store.open(.read)
        let directory = try await perform { try await caseStore.setting(.templatesDirectory) }
        let templates = try LetterTemplates(directory: directory.isEmpty ? nil : directory)
        let edited = templates.templates.keys.sorted().filter { templates.file($0) != $0 }
        var cases = 0
        func export(into directory: String?) async throws {
            let files = ExportFiles(directory: directory, named: output, personal: includeRequesters)
            defer { try? files.close() }
            try await perform {
                try await caseStore.export(requesters: includeRequesters) { record in
                    if case .object(let fields) = record, fields["type"] == .string("case") { cases += 1 }
                    try files.write(record, format: format)
                }
                for name in edited {
                    try files.write(
                        .object([
                            "type": .string("template"), "name": .string(name),
                            "text": .string(templates.templates[name]!),
                        ]), format: format)
                }
            }
            try files.close()
        }
        guard let output else { return try await export(into: nil) }
        // The directory is filled aside and takes its name only once whole: a failed export leaves nothing.
        try await NewOutput.directory(output, personal: includeRequesters) { try await export(into: $0) }
        say("Exported \(cases) case\(cases == 1 ? "" : "s") to \(output.printable).")
    }
}

/// Where an export goes: standard output, or the files of a new directory (owner-only when they hold personal
/// data). Lines are buffered and written in large blocks.
final class ExportFiles {
    let directory: String?
    /// The directory as the officer named it (`directory` is filled aside), for messages.
    let name: String?
    let isPrivate: Bool
    private var handles: [String: FileHandle] = [:]
    private var buffers: [String: [UInt8]] = [:]
    private var headers: [String: [String]] = [:]

    init(directory: String?, named name: String?, personal isPrivate: Bool) {
        self.directory = directory
        self.name = name
        self.isPrivate = isPrivate
    }

    func write(_ record: JSONValue, format: ExportCommand.ExportFormat) throws {
        guard case .object(var fields) = record, case .string(let type)? = fields.removeValue(forKey: "type") else {
            return
        }
        switch format {
        case .jsonl:
            append(record.canonicalBytes + [0x0A], to: "export.jsonl")
        case .csv where type == "case":
            guard case .string(let ref)? = fields["ref"], case .array(let events)? = fields["events"] else { return }
            for case .object(let event) in events {
                let values = ["sequence", "date", "kind", "event", "actor", "recordedAt"].map { key -> String in
                    switch event[key] {
                    case .string(let text)?: text
                    case .integer(let number)?: "\(number)"
                    case .null?, nil: ""
                    case let value?: value.canonicalText
                    }
                }
                try row(
                    ["ref", "sequence", "date", "kind", "event", "actor", "recorded_at"], [ref] + values, "events.csv")
            }
            if case .object(let requester)? = fields["requester"] {
                let values = ["name", "email", "address"].map { key -> String in
                    if case .string(let text)? = requester[key] { text } else { "" }
                }
                try row(["ref", "name", "email", "address"], [ref] + values, "requesters.csv")
            }
        case .csv where type == "template":
            guard case .string(let name)? = fields["name"], case .string(let text)? = fields["text"] else { return }
            append(Array(text.utf8), to: "templates/\(name).mustache")
        case .csv:
            let keys = fields.keys.sorted()
            try row(
                keys,
                keys.map { key in
                    switch fields[key] {
                    case .string(let text)?: text
                    case .null?, nil: ""
                    case let value?: value.canonicalText
                    }
                }, "\(type).csv")
        }
        if buffers.values.contains(where: { $0.count > 1 << 20 }) { try flush() }
    }

    private func row(_ header: [String], _ values: [String], _ file: String) throws {
        if headers[file] == nil {
            headers[file] = header
            append(Array(CSV.line(header).utf8), to: file)
        }
        append(Array(CSV.line(values).utf8), to: file)
    }

    private func append(_ bytes: [UInt8], to file: String) {
        buffers[file, default: []] += bytes
    }

    private func flush() throws {
        for (file, bytes) in buffers where !bytes.isEmpty {
            do {
                try handle(file).write(contentsOf: bytes)
            } catch {
                throw Failure.refused(WholeFileError(path: name ?? "-", error).description.printable)
            }
            buffers[file] = []
        }
    }

    private func handle(_ file: String) throws -> FileHandle {
        if let handle = handles[file] { return handle }
        guard let directory else { return FileHandle.standardOutput }
        let path = (directory as NSString).appendingPathComponent(file)
        let manager = FileManager.default
        let mode = isPrivate ? 0o700 : 0o755
        do {
            try manager.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                attributes: [.posixPermissions: mode])
        } catch {
            throw Failure.refused(WholeFileError(path: name ?? path, error).description.printable)
        }
        guard
            manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: isPrivate ? 0o600 : 0o644]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw Failure.refused("cannot write '\((name ?? path).printable)'; nothing was left there") }
        handles[file] = handle
        return handle
    }

    func close() throws {
        try flush()
        for handle in handles.values { try handle.close() }
        handles = [:]
    }
}
