import ArgumentParser
import FOIApp
import FOIKit
import FOIResources
import FOIViews
import Foundation

/// `foi letter`: a letter to the requester, made from the case; `foi letter templates export DIR`.
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Write a letter from the case: acknowledgement, clarification, fees notice, response, review.",
        discussion: "'foi letter REF KIND' writes a letter (see 'foi letter write --help'); 'foi letter templates "
            + "export DIR' writes out the built-in templates to edit.",
        subcommands: [Write.self, Templates.self],
        defaultSubcommand: Write.self)
}

extension LetterCommand {
    struct Write: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write",
            abstract: "Write a letter from the case: acknowledgement, clarification, fees notice, response, review.",
            discussion: """
                Kinds: acknowledgement (with the due date), clarification, fees-notice (the amount and the last day \
                to pay), extension (FOIA s.10(3) with the exemptions relied on; EIR reg 7; SAR), response (whatever \
                the outcome, with the refusal notice where anything is refused: each exemption, why it is engaged, \
                the public interest test of a qualified one, the rights to a review and to the regulator), \
                review-acknowledgement, review-outcome. The regime chooses the words and every date comes from the \
                case's clocks.

                A letter needs the authority's profile ('foi settings': authority-name, authority-address, \
                foi-email, review-contact, signature; foi-contact and reuse-paragraph are optional), the request's \
                text ('foi request') and, for a refusal, the reasoning of each exemption ('foi reason'). Without \
                them it is refused with the list of what is missing; --draft writes it with each gap marked \
                [MISSING: …].

                The letter-language setting writes letters in Welsh (cy) or in Welsh and English (en+cy, the Welsh \
                first), from the Welsh templates (response-cy and the like).

                Writing a letter records a letter-issued event (its kind, template and the SHA-256 of its text); \
                --preview and --draft record nothing.

                A Word letter (--format docx) is written into the authority's letterhead where --reference-docx \
                or the letterhead-docx setting names one (a .docx or .dotx saved from Word or LibreOffice): it keeps \
                the letterhead's styles, headers, footers (a logo too) and page setup; every page's footer gives the \
                reference and the page number.

                Templates: the built-in ones, unless --templates DIR or the templates-dir setting names a directory \
                of edited ones ('foi letter templates export DIR' writes the built-in ones out): a template there \
                replaces the built-in one of its name. A template that does not parse, or names a variable letters \
                do not have (docs/LETTERS.md lists them), is refused with its file and line.
                """)

        @Argument(help: "The case reference.") var ref: String
        @Argument(help: "The letter: \(LetterKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: LetterKind
        @Option(help: "markdown (default), html, or docx (with --output).") var format: LetterFormat = .markdown
        @Option(
            help: ArgumentHelp(
                "A directory of edited templates (default: the templates-dir setting).", valueName: "dir"))
        var templates: String?
        @Option(help: ArgumentHelp("Write the letter to this new file rather than to stdout.", valueName: "file"))
        var output: String?
        @Option(
            name: .customLong("reference-docx"),
            help: ArgumentHelp(
                "A Word document (.docx or .dotx) whose styles, headers, footers and page setup a Word letter takes "
                    + "(default: the letterhead-docx setting).", valueName: "file"))
        var letterhead: String?
        @Flag(help: "Write it even with parts missing, marking each gap; records nothing.") var draft = false
        @Flag(help: "Write it without recording that it was issued.") var preview = false
        @Option(
            help: ArgumentHelp(
                "The letter's date (default: the step's own, e.g. the response's or the clarification request's; else "
                    + "today).", valueName: "date"))
        var on: DateOrTimestamp?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if format == .docx && output == nil {
                throw ValidationError("a Word letter is a file: give --output FILE.docx")
            }
            if letterhead != nil && format != .docx {
                throw ValidationError("--reference-docx is for a Word letter: give --format docx")
            }
            try NewOutput.check(output)
        }

        func run() async throws {
            let records = !(draft || preview)
            let caseStore = try store.open(records ? .write : .read)
            var bytes = Data()
            var delivered = false
            do {
                _ = try await Self.write(
                    kind, about: CaseReference(rawValue: ref), in: format, date: on?.date, templates: templates,
                    letterhead: letterhead, draft: draft, recording: records, storage: caseStore, actor: store.identity,
                    today: store.todayDate
                ) { written in
                    bytes = written
                    guard let output else { return }
                    // A letter is addressed to its requester: personal data, its owner's alone.
                    if delivered { try? FileManager.default.removeItem(atPath: output) }
                    try NewOutput.write(bytes, to: output, personal: true)
                    delivered = true
                }
            } catch {
                // A letter the history cannot record is not left behind as if issued.
                if delivered, let output { try? FileManager.default.removeItem(atPath: output) }
                throw error
            }
            if output == nil { emit(bytes) }
        }

        /// Writes the letter `kind` about the case `reference` in `format`, with the templates of the directory
        /// `templates` (default: the templates-dir setting's, else the built-in ones), a Word letter into the
        /// letterhead `letterhead` (default: the letterhead-docx setting's), and hands its bytes to `deliver`; where
        /// `recording`, records it as issued once delivered (`Casework.issueLetter`).
        static func write(
            _ kind: LetterKind, about reference: CaseReference, in format: LetterFormat, date: CivilDate?,
            templates: String?, letterhead: String?, draft: Bool, recording: Bool, storage: any CaseStorage,
            actor: Actor, today: CivilDate, deliver: (Data) throws -> Void
        ) async throws -> Letter {
            let directory: String
            if let templates {
                directory = templates
            } else {
                directory = try await perform { try await storage.setting(.templatesDirectory) }
            }
            let templateSet = try LetterTemplates(directory: directory.isEmpty ? nil : directory)
            var wordLetterhead: WordLetterhead?
            if format == .docx {
                var path = letterhead ?? ""
                if letterhead == nil { path = try await perform { try await storage.setting(.letterheadDocx) } }
                if !path.isEmpty { wordLetterhead = try readLetterhead(path) }
            }
            return try await perform(on: reference) {
                let required = try ApprovalRequest.requiredFlags(setting: try await storage.setting(.requireApproval))
                do {
                    return try await Casework(storage: storage).issueLetter(
                        kind, about: reference, date: date, templates: templateSet.templates,
                        templateOrigin: templateSet.origin, draft: draft, recording: recording,
                        approvalRequiredFor: required, by: actor, today: today
                    ) { letter in
                        try deliver(try perform { try format.bytes(of: letter, on: wordLetterhead) })
                    }
                } catch LetterError.template(let name, let reason) {
                    throw Failure.badInput(templateSet.describe(.template(name: name, reason: reason)))
                }
            }
        }
    }
}

/// The formats a letter is written in.
public enum LetterFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case markdown, html, docx

    func bytes(of letter: Letter, on letterhead: WordLetterhead?) throws -> Data {
        switch self {
        case .markdown: Data(letter.markdown.utf8)
        case .html: Data(letter.html.utf8)
        case .docx: try letter.docx(letterhead: letterhead)
        }
    }

    /// The file name's extension.
    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .docx: "docx"
        }
    }

    /// The media type served.
    public var mediaType: String {
        switch self {
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }
}

extension LetterKind: ExpressibleByArgument {}

/// The Word letterhead in the file at `path`, or a refusal naming it and saying why it cannot be used.
func readLetterhead(_ path: String) throws -> WordLetterhead {
    let bytes = try readInput(path, limit: InputLimit.letterhead)
    do {
        return try WordLetterhead.reading(bytes)
    } catch {
        throw Failure.badInput("the letterhead '\(path.printable)' cannot be used: \(error)")
    }
}

/// The templates a letter is written with: the built-in ones, each replaced by an edited one of its name in
/// `directory`.
struct LetterTemplates {
    var templates = Seeds.letterTemplates
    /// What the letter-issued event records: `built-in`, or the directory.
    var origin = "built-in"

    init(directory: String?) throws {
        guard let directory else { return }
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }
        } catch {
            throw Failure.refused(
                "cannot read the templates directory '\(directory.printable)'; export the built-in templates there "
                    + "with 'foi letter templates export DIR', or fix the templates-dir setting")
        }
        for file in files.sorted() {
            let path = (directory as NSString).appendingPathComponent(file)
            templates[String(file.dropLast(".mustache".count))] = try readText(path, limit: InputLimit.template) + "\n"
        }
        origin = directory
        edited = Set(files.map { String($0.dropLast(".mustache".count)) })
    }

    /// The templates the directory replaced.
    private var edited: Set<String> = []

    /// Where template `name` came from, for a message: its file, or the built-in name.
    func file(_ name: String) -> String {
        edited.contains(name) ? (origin as NSString).appendingPathComponent("\(name).mustache") : name
    }

    /// A template's refusal, naming its file.
    func describe(_ error: LetterError) -> String {
        guard case .template(let name, let reason) = error else { return error.message(on: nil) }
        return "the letter template '\(file(name))' cannot be used: \(reason)"
    }
}

extension LetterCommand {
    struct Templates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "templates",
            abstract: "Write out the built-in letter templates to edit.", subcommands: [Export.self])

        struct Export: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "export",
                abstract: "Write every built-in template into DIR, to edit and use with the templates-dir setting.",
                discussion: """
                    The directory is made if it does not exist; a template already there is not overwritten (the \
                    command refuses, naming it). Templates are Mustache, writing Markdown; docs/LETTERS.md lists the \
                    variables.
                    """)
            @Argument(help: ArgumentHelp("The directory.", valueName: "dir")) var directory: String

            func run() async throws {
                let templates = Seeds.letterTemplates.sorted { $0.key < $1.key }
                try Self.write(templates.map { ($0.key, $0.value) }, into: directory)
                say(
                    "Wrote \(templates.count) templates to \(directory.printable). To use them: foi settings "
                        + "templates-dir \(directory.printable)")
            }

            /// Writes each template as NAME.mustache into `directory` (made if need be), refusing to overwrite one.
            static func write(_ templates: [(name: String, text: String)], into directory: String) throws {
                let paths = templates.map { (directory as NSString).appendingPathComponent("\($0.name).mustache") }
                if let existing = paths.first(where: FileManager.default.fileExists(atPath:)) {
                    throw Failure.refused("'\(existing.printable)' exists; write into a new or empty directory")
                }
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    for (template, path) in zip(templates, paths) {
                        try Data(template.text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
                    }
                } catch {
                    throw Failure.refused("cannot write to '\(directory.printable)': \(error.localizedDescription)")
                }
            }
        }
    }
}
