import ArgumentParser
import FOIKit
import FOIViews
import Foundation
import Synchronization

/// The steps a user records on a case, for foi-server: each is the command line's own command, so that a step has
/// one declaration of its fields, one set of checks and one help text, whether typed, clicked or posted. A form's
/// fields (or an API body's keys) are the command's options without their dashes; foi-server runs the command on its
/// store, as the signed-in user, on its today, and is handed the steps it recorded.
public enum StepCommands {
    /// Every command that records a step on one case.
    static let commands: [any AsyncParsableCommand.Type] = [
        AcknowledgeCommand.self, ClarifyCommand.self, FeeCommand.self, SearchCommand.self, ExemptCommand.self,
        ReasonCommand.self, ExtendCommand.self, DiscloseCommand.self, RespondCommand.self, WithdrawCommand.self,
        TransferCommand.self, ReopenCommand.self, RequestCommand.self, NoteCommand.self, AssignCommand.self,
        AcceptCommand.self, RejectCommand.self, FlagCommand.self, CommentCommand.self,
        PublishCommand.self, ReviewCommand.self, ComplaintCommand.self, DecisionNoticeCommand.self,
        AppealCommand.self, SplitCommand.self, CorrectCommand.self, VoidCommand.self, TaskCommand.Give.self,
        TaskCommand.Done.self, TaskCommand.Decline.self, ApprovalCommand.Request.self, ApprovalCommand.Approve.self,
        ApprovalCommand.Reject.self, ApprovalCommand.Opinion.self,
    ]

    /// The forms of subcommands, named as people say them (`foi task add` is the form `give-task`).
    static let formNames: [ObjectIdentifier: String] = [
        ObjectIdentifier(TaskCommand.Give.self): "give-task", ObjectIdentifier(TaskCommand.Done.self): "answer-task",
        ObjectIdentifier(TaskCommand.Decline.self): "decline-task",
        ObjectIdentifier(ApprovalCommand.Request.self): "request-approval",
        ObjectIdentifier(ApprovalCommand.Approve.self): "approve",
        ObjectIdentifier(ApprovalCommand.Reject.self): "reject",
        ObjectIdentifier(RejectCommand.self): "give-back",
        ObjectIdentifier(ApprovalCommand.Opinion.self): "qualified-person-opinion",
    ]

    /// The steps an approver records: a decision on the draft the chain waits for them on.
    public static let approverSteps: Set<String> = ["approve", "reject"]
    /// The steps a contributor records: on their own open tasks.
    public static let contributorSteps: Set<String> = ["answer-task", "decline-task"]

    /// The options every step shares that belong to the terminal, not to the step: the server decides them.
    static let terminalOptions: Set<String> = ["db", "today", "actor", "format", "output", "help", "version"]

    /// Fields a form does not give: a directory of templates is the server's own (a setting); a task's question is
    /// typed, not a file.
    static let notOnForms: [String: Set<String>] = ["import": ["templates-dir"], "give-task": ["ask-file"]]

    /// Fields whose files are documents, not texts: a form uploads them as they are.
    static let uploadOptions: [String: Set<String>] = ["disclose": ["attach"]]

    /// A file a form uploaded for a field: a document to enclose, or what a text field's file holds (a tracker to
    /// import), with the name it had on the user's computer.
    public struct Upload: Sendable, Equatable {
        public var field: String
        public var filename: String
        public var bytes: [UInt8]

        public init(field: String, filename: String, bytes: [UInt8]) {
            self.field = field
            self.filename = filename
            self.bytes = bytes
        }
    }

    /// A step: its command, its form and the fields the command takes by position (the note's text).
    struct Step {
        var command: any AsyncParsableCommand.Type
        var form: StepForm
        var positionals: Set<String>
    }

    static let steps: [Step] = commands.map(step(of:))

    static func step(of command: any AsyncParsableCommand.Type) -> Step {
        var dump = dump(of: command)
        if let name = formNames[ObjectIdentifier(command)] { dump.commandName = name }
        let positionals = dump.arguments?.filter { $0.kind == "positional" && $0.valueName != "ref" }
            .compactMap(\.valueName)
        return Step(command: command, form: form(of: dump), positionals: Set(positionals ?? []))
    }

    /// Every step's form, in the order an officer meets them.
    public static let forms: [StepForm] = steps.map(\.form)

    /// The form of the step `name`, if foi has one.
    public static func form(named name: String) -> StepForm? {
        forms.first { $0.name == name }
    }

    /// Why what was given for a step cannot be recorded, worded for a form: a field by its label, not its option.
    public struct Refusal: Error, Equatable, Sendable {
        public var message: String
    }

    /// Records the step `name` on the case `reference` with `values` (a field's name and what was given, a repeated
    /// field once a value; an empty value is no value), as `actor` on `today` in `storage`: the cases it recorded
    /// steps on, in order (this one, or a split's part too). Refused with a `Refusal` for a field foi does not
    /// have or a value its checks refuse; with the library's own error where the lifecycle or the store refuses.
    /// `uploads`: the files the form uploaded.
    public static func record(
        _ name: String, on reference: CaseReference, values: [(name: String, value: String)], uploads: [Upload] = [],
        storage: any CaseStorage, actor: Actor, today: CivilDate
    ) async throws -> [CaseReference] {
        guard let step = steps.first(where: { $0.form.name == name }) else {
            throw Refusal(message: "foi records no step called '\(name)'")
        }
        let host = CommandHost(storage: storage, actor: actor, today: today)
        try await run(step, on: reference, values: values, uploads: uploads, in: host)
        return host.recorded.withLock { $0 }
    }

    /// The form of a new request: `foi log`'s options.
    public static var logForm: StepForm { logStep.form }

    static let logStep = step(of: LogCommand.self)

    /// Logs a new request with `values` (as `record`): its reference.
    public static func log(
        values: [(name: String, value: String)], storage: any CaseStorage, actor: Actor, today: CivilDate
    ) async throws -> CaseReference {
        let host = CommandHost(storage: storage, actor: actor, today: today)
        try await run(logStep, on: nil, values: values, in: host)
        return host.recorded.withLock { $0[0] }
    }

    /// Runs `step`'s command on the case `reference` with `values`, in `host`.
    static func run(
        _ step: Step, on reference: CaseReference?, values: [(name: String, value: String)], uploads: [Upload] = [],
        in host: CommandHost, emptyAllowed: Bool = false
    ) async throws {
        let files = try TemporaryFolder()
        defer { files.remove() }
        var parsed = try parse(
            step, on: reference, values: values, uploads: uploads, files: files, emptyAllowed: emptyAllowed)
        do {
            try await CommandHost.$current.withValue(host) { try await parsed.run() }
        } catch let failure as Failure {
            throw Refusal(message: worded(failure.message, form: step.form))
        } catch let error as ValidationError {
            throw Refusal(message: worded(error.message, form: step.form))
        }
    }

    /// The office's administration, each the command line's own command.
    public enum Administration: String, CaseIterable, Sendable {
        case addUser = "user add"
        case deactivateUser = "user deactivate"
        case changeSetting = "settings"
        case importTracker = "import"
        case addTeam = "team add"
        case setMembership = "team member"

        var command: any AsyncParsableCommand.Type {
            switch self {
            case .importTracker: ImportCommand.self
            case .addUser: UserCommand.Add.self
            case .deactivateUser: UserCommand.Deactivate.self
            case .changeSetting: SettingsCommand.self
            case .addTeam: TeamCommand.Add.self
            case .setMembership: TeamCommand.Member.self
            }
        }
    }

    static let administration = Dictionary(
        uniqueKeysWithValues: Administration.allCases.map { ($0, step(of: $0.command)) })

    /// The form of `administration`: its command's options and arguments.
    public static func form(of administration: Administration) -> StepForm {
        self.administration[administration]!.form
    }

    /// Runs `administration` with `values` (as `record`), as `actor`: what the command said, line by line.
    /// `emptyAllowed`: an empty value is given as empty (a setting's), not left out.
    public static func administer(
        _ administration: Administration, values: [(name: String, value: String)], uploads: [Upload] = [],
        storage: any CaseStorage, actor: Actor, today: CivilDate, emptyAllowed: Bool = false
    ) async throws -> [String] {
        let host = CommandHost(storage: storage, actor: actor, today: today)
        try await run(
            self.administration[administration]!, on: nil, values: values, uploads: uploads, in: host,
            emptyAllowed: emptyAllowed)
        return host.said.withLock { $0 }
    }

    /// The letter `kind` about the case `reference` in `format`, written with the organisation's templates and
    /// letterhead as `foi letter` writes it, as `actor` on `today`: a draft marks its gaps; `recording`, it is
    /// recorded as issued (neither a draft nor a preview). The letter and its bytes in `format`.
    public static func letter(
        _ kind: LetterKind, about reference: CaseReference, in format: LetterFormat, draft: Bool, recording: Bool,
        storage: any CaseStorage, actor: Actor, today: CivilDate
    ) async throws -> (letter: Letter, bytes: Data) {
        let host = CommandHost(storage: storage, actor: actor, today: today)
        var bytes = Data()
        do {
            let letter = try await CommandHost.$current.withValue(host) {
                try await LetterCommand.Write.write(
                    kind, about: reference, in: format, date: nil, templates: nil, letterhead: nil, draft: draft,
                    recording: recording && !draft, storage: storage, actor: actor, today: today
                ) { bytes = $0 }
            }
            return (letter, bytes)
        } catch let failure as Failure {
            throw Refusal(message: failure.message)
        }
    }

    /// The office's figures, each the command line's own command.
    public enum Figures: String, CaseIterable, Sendable {
        case report
        case timeliness
        case delays
        case cabinetOffice = "cabinet-office"
        case s45
        case sic

        var command: any AsyncParsableCommand.Type {
            switch self {
            case .report: ReportCommand.self
            case .timeliness: StatsCommand.Timeliness.self
            case .delays: StatsCommand.Delays.self
            case .cabinetOffice: StatsCommand.CabinetOffice.self
            case .s45: StatsCommand.SectionFortyFive.self
            case .sic: StatsCommand.SIC.self
            }
        }
    }

    static let figures = Dictionary(uniqueKeysWithValues: Figures.allCases.map { ($0, step(of: $0.command)) })

    /// The form of `figures`: its command's options.
    public static func form(of figures: Figures) -> StepForm {
        self.figures[figures]!.form
    }

    /// What the command of `figures` prints with `values` (as `record`), in `format` (`table`, `json` or `csv`; the
    /// report is a page of HTML), on `today`.
    public static func figures(
        _ figures: Figures, values: [(name: String, value: String)], format: OutputFormat?, storage: any CaseStorage,
        today: CivilDate
    ) async throws -> Data {
        let host = CommandHost(storage: storage, actor: .user(.system), today: today)
        var step = self.figures[figures]!
        if let format {
            // The format is the page's to choose, not a field.
            step.form.fields.append(StepField(name: "format", hint: "", kind: .line, required: false, repeating: false))
        }
        try await run(step, on: nil, values: values + (format.map { [("format", $0.rawValue)] } ?? []), in: host)
        return host.output.withLock { $0 }
    }

    static let boardStep = step(of: BoardCommand.self)

    /// `foi board`'s options, as a form: what `GET /api/board` takes.
    public static var boardForm: StepForm { boardStep.form }

    /// The board `values` ask for (`foi board`'s options, as JSON): how many working days count as due soon, at
    /// most how many rows a section (nil: all), whose cases.
    public static func boardQuery(values: [(name: String, value: String)], storage: any CaseStorage) async throws
        -> (horizon: Int, limit: Int?, handler: HandlerFilter?)
    {
        var step = boardStep
        step.form.fields.append(StepField(name: "format", hint: "", kind: .line, required: false, repeating: false))
        guard let board = try parse(step, on: nil, values: values + [("format", "json")], files: nil) as? BoardCommand
        else { preconditionFailure("the board step is not foi board") }
        return (board.horizon, board.rowsPerSection, try await handlerFilter(board.handler, storage))
    }

    /// The filters of `foi list`, as a form: what the cases page offers.
    public static var listForm: StepForm { listStep.form }

    static let listStep = step(of: ListCommand.self)

    /// The cases `values` select, read as `foi list` reads its options (refused as a step's values are).
    public static func caseFilter(values: [(name: String, value: String)], storage: any CaseStorage) async throws
        -> CaseFilter
    {
        // The list's options name no file.
        guard let list = try parse(listStep, on: nil, values: values, files: nil) as? ListCommand else {
            preconditionFailure("the list step is not foi list")
        }
        var filter = list.filter
        filter.handler = try await handlerFilter(list.handler, storage)
        return filter
    }

    /// Whose cases `options` select, an unknown team refused as a value is.
    private static func handlerFilter(_ options: HandlerOptions, _ storage: any CaseStorage) async throws
        -> HandlerFilter?
    {
        do { return try await options.filter(in: storage) } catch let error as StoreError {
            throw Refusal(message: error.description)
        }
    }

    /// `step`'s command with `values` as its options (each a field of its form), on the case `reference`: the
    /// texts of fields the command reads from a file, and the `uploads`, written to `files`. Refused as `record`
    /// says.
    static func parse(
        _ step: Step, on reference: CaseReference?, values: [(name: String, value: String)], uploads: [Upload] = [],
        files: TemporaryFolder?, emptyAllowed: Bool = false
    ) throws -> any AsyncParsableCommand {
        let form = step.form
        var options: [String] = []
        var positionals: [String] = reference.map { [$0.rawValue] } ?? []
        func give(_ value: String, for field: StepField) {
            if step.positionals.contains(field.name) {
                positionals.append(value)
            } else {
                options.append("--\(field.name)=\(value)")
            }
        }
        for (index, upload) in uploads.enumerated() {
            // A document, or a file in place of a text the command reads from one.
            guard let field = form.fields.first(where: { $0.name == upload.field }),
                field.kind == .upload || fileOptions.contains(field.name)
            else { throw Refusal(message: "\(form.title) takes no file as '\(upload.field)'") }
            guard let files else { throw Refusal(message: "\(field.label) is not given here") }
            give(try files.write(upload.bytes, as: upload.filename, number: index), for: field)
        }
        for (fieldName, value) in values where emptyAllowed || !value.isEmpty {
            guard let field = form.fields.first(where: { $0.name == fieldName }) else {
                throw Refusal(message: "\(form.title) has no field '\(fieldName)'")
            }
            let given: String
            switch field.kind {
            case .upload:
                throw Refusal(message: "“\(field.label)” is a file to upload, not a text")
            case .flag, .yesOrNo:
                guard let yes = StepForm.yesOrNo(value) else {
                    throw Refusal(message: "\(field.label): give yes or no, not '\(value)'")
                }
                if yes || field.kind == .yesOrNo { options.append(yes ? "--\(field.name)" : "--no-\(field.name)") }
                continue
            case .date:
                given = try typedDate(value, for: field)
            case .text where fileOptions.contains(field.name):
                guard let files else { throw Refusal(message: "\(field.label) is not given here") }
                given = try files.write(value, as: field.name)
            default:
                given = value
            }
            give(given, for: field)
        }
        do {
            // Parsing runs the command's own checks (`validate()`).
            return try step.command.parseAsRoot(options + ["--"] + positionals) as! any AsyncParsableCommand
        } catch {
            throw Refusal(message: worded(step.command.message(for: error), form: form))
        }
    }

    /// The options whose value is a file the command reads: a form gives the text, which foi-server writes to a
    /// private file of its own for the command to read (a user never names a file on the server).
    static let fileOptions: Set<String> = {
        var names = Set<String>()
        for command in commands + [LogCommand.self, ImportCommand.self] {
            for argument in dump(of: command).arguments ?? [] where argument.valueName == "file" {
                // An option by its name, a positional (the tracker to import) by its value's.
                if let name = argument.preferredName?.name ?? argument.valueName { names.insert(name) }
            }
        }
        return names
    }()

    /// A date as people type it, day first (`3/12/2026`), as the ISO date the command reads (refused where it is
    /// not a day of the calendar); anything else as given, for the command to say why it is not a date.
    static func typedDate(_ text: String, for field: StepField) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let day = parts[0], let month = parts[1], let year = parts[2], year >= 1_000 else {
            return trimmed
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            throw Refusal(
                message: "“\(field.label)”: '\(trimmed)' is not a day of the calendar; type the day, the month "
                    + "and the year, e.g. 3/12/2026")
        }
        return date.description
    }

    /// The command line's message about an option, worded for a form: `--estimate-hours` as “Estimate hours”, and
    /// without the pointer to `--help`.
    static func worded(_ message: String, form: StepForm) -> String {
        var text = FOI.commandLineMessage(message, arguments: [])
        if text.hasSuffix(" (see --help)") { text.removeLast(" (see --help)".count) }
        return namingFields(in: text, of: form)
    }

    /// `text` with each of `form`'s options named as its field: `--estimate-hours` as “Estimate hours”.
    static func namingFields(in text: String, of form: StepForm) -> String {
        var text = text
        for field in form.fields.sorted(by: { $0.name.count > $1.name.count }) {
            let option = "--\(field.name)"
            // ArgumentParser's `'--status <status>'`, a positional's `'<text>'`, and the option in the text.
            if let quoted = try? Regex("'\(option)( <[^>]*>)?'|'<\(field.name)>'") {
                text = text.replacing(quoted, with: "“\(field.label)”")
            }
            text = text.replacing(option, with: "“\(field.label)”")
        }
        return text
    }

    /// The label of a text the command reads from a file: `file` is the text, `answer-file` the answer.
    static func textLabel(_ fileOption: String) -> String {
        fileOption == "file" ? "Text" : StepField.words(String(fileOption.dropLast("-file".count)))
    }

    /// The command's own description of its arguments: ArgumentParser's `--experimental-dump-help`.
    static func dump(of command: any AsyncParsableCommand.Type) -> CommandDump {
        do {
            _ = try command.parseAsRoot(["--experimental-dump-help"])
        } catch {
            if let data = command.message(for: error).data(using: .utf8),
                let dump = try? JSONDecoder().decode(ToolDump.self, from: data)
            {
                return dump.command
            }
        }
        preconditionFailure("\(command) did not describe its arguments")
    }

    /// The form of a command described by `dump`: its options and positional text, less the case's reference and
    /// the terminal's options.
    static func form(of dump: CommandDump) -> StepForm {
        let excluded = terminalOptions.union(notOnForms[dump.commandName] ?? [])
        var fields: [StepField] = []
        let flags = Set((dump.arguments ?? []).filter { $0.kind == "flag" }.compactMap(\.preferredName?.name))
        for argument in dump.arguments ?? [] where argument.shouldDisplay {
            let name = argument.preferredName?.name ?? argument.valueName ?? ""
            // The case's reference is the path's, not a field.
            guard !excluded.contains(name), argument.kind != "positional" || name != "ref" else { continue }
            // `--held` and `--no-held`: one question, answered yes or no.
            if argument.kind == "flag", name.hasPrefix("no-"), flags.contains(String(name.dropFirst(3))) { continue }
            let kind: StepField.Kind
            if uploadOptions[dump.commandName]?.contains(name) == true {
                kind = .upload
            } else if argument.kind == "flag" {
                kind = flags.contains("no-\(name)") ? .yesOrNo : .flag
            } else if let values = argument.allValues, !values.isEmpty {
                kind = .choice(values)
            } else {
                switch argument.valueName ?? "" {
                case "date", "date|timestamp": kind = .date
                case "n", "hours", "amount", "number": kind = .number
                // A filter's text is a few words; a step's may run to paragraphs.
                case "text" where dump.commandName == "list": kind = .line
                case "text", "file": kind = argument.isRepeating ? .line : .text
                default: kind = .line
                }
            }
            fields.append(
                StepField(
                    name: name, hint: argument.abstract ?? "", kind: kind, required: !argument.isOptional,
                    repeating: argument.isRepeating,
                    // A flag's default is being left out; a list's, none.
                    defaultValue: kind == .flag || argument.isRepeating ? nil : argument.defaultValue,
                    // The command's file is the form's text; an answer's file, the answer.
                    label: kind == .text && name.hasSuffix("file") ? textLabel(name) : nil))
        }
        var form = StepForm(name: dump.commandName, summary: dump.abstract ?? "", fields: fields)
        for index in form.fields.indices {
            // A form says how often a field is given by how it is drawn, and names no command.
            // A form's text is typed, not a file read: no standard input, no encoding to name.
            var hint = form.fields[index].hint.replacing(" (repeatable)", with: "")
                .replacing(", or - for standard input", with: "")
                .replacing("A UTF-8 text file holding the request", with: "The request's text")
            // Any other text a command reads from a file: the answer.
            if let file = try? Regex(#"A UTF-8 text file holding the ([a-z ]+)"#) {
                hint.replace(file) { "The " + $0.output[1].substring.map(String.init)! }
            }
            if let command = try? Regex(#" \(foi [a-z -]+\)|\(see 'foi [a-z -]+'\)"#) {
                hint.replace(command, with: "")
            }
            form.fields[index].hint = namingFields(in: hint, of: form)
        }
        return form
    }
}

/// Where a command runs when foi-server runs it: the server's store, the signed-in user and the server's today,
/// and the cases the command recorded steps on (or logged), handed back rather than printed.
final class CommandHost: Sendable {
    @TaskLocal static var current: CommandHost?

    let storage: any CaseStorage
    let actor: Actor
    let today: CivilDate
    let recorded = Mutex<[CaseReference]>([])
    /// What the command said, line by line.
    let said = Mutex<[String]>([])
    /// What the command printed.
    let output = Mutex<Data>(Data())

    init(storage: any CaseStorage, actor: Actor, today: CivilDate) {
        self.storage = storage
        self.actor = actor
        self.today = today
    }

    /// Run by foi-server: hands it the cases `references` and says so (the command prints nothing); else false.
    static func handedOver(_ references: [CaseReference]) -> Bool {
        guard let current else { return false }
        current.recorded.withLock { $0 += references }
        return true
    }
}

/// A private folder for the texts a form gives where the command reads a file; removed once the step is recorded.
struct TemporaryFolder {
    let path: String

    init() throws {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("foi-step-XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else { throw Failure.refused("cannot make a folder for the step's texts") }
        path = String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `text` to a file of the folder named `name`, readable only by foi-server; its path.
    func write(_ text: String, as name: String) throws -> String {
        try write(Data(text.utf8), at: "\(path)/\(name)")
    }

    /// Writes the `number`th upload, `bytes`, under its name on the user's computer (the letter's schedule of
    /// enclosures names it so) made safe as a file's name, in a folder of its own; its path.
    func write(_ bytes: [UInt8], as filename: String, number: Int) throws -> String {
        let folder = "\(path)/\(number)"
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)) != nil
        else { throw Failure.refused("cannot keep the uploaded file") }
        return try write(Data(bytes), at: "\(folder)/\(Self.safeName(filename))")
    }

    /// A file's name as a browser sent it, made a name in a folder: the last part of a path, no control
    /// characters, at most its last 200 bytes (keeping its extension); `upload` where nothing is left.
    static func safeName(_ filename: String) -> String {
        var name = String(filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
        name.unicodeScalars.removeAll { $0.properties.generalCategory == .control }
        while name.utf8.count > 200 { name.removeFirst() }
        return name.isEmpty || name == "." || name == ".." ? "upload" : name
    }

    private func write(_ data: Data, at file: String) throws -> String {
        guard FileManager.default.createFile(atPath: file, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw Failure.refused("cannot keep the step's file") }
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// ArgumentParser's description of a command (`--experimental-dump-help`), the parts foi reads.
struct ToolDump: Decodable {
    var command: CommandDump
}

struct CommandDump: Decodable {
    var commandName: String
    var abstract: String?
    var arguments: [ArgumentDump]?
}

struct ArgumentDump: Decodable {
    struct Name: Decodable {
        var name: String
    }
    var kind: String
    var preferredName: Name?
    var valueName: String?
    var abstract: String?
    var isOptional: Bool
    var isRepeating: Bool
    var allValues: [String]?
    var shouldDisplay: Bool
    var defaultValue: String?
}
