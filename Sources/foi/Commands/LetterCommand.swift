import ArgumentParser
import FOIKit
import FOIResources
import FOIStore
import FOIViews
import Foundation

/// `foi letter`: a letter to the requester, made from the case.
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Write a letter from the case: acknowledgement, clarification, fees notice, response, review.",
        discussion: """
            Kinds: acknowledgement (with the due date), clarification, fees-notice (the amount and the last day to \
            pay), extension (FOIA s.10(3) with the exemptions relied on; EIR reg 7; SAR), response (whatever the \
            outcome, with the refusal notice where anything is refused: each exemption, why it is engaged, the public \
            interest test of a qualified one, the rights to a review and to the regulator), review-acknowledgement, \
            review-outcome. The regime chooses the words and every date comes from the case's clocks.

            A letter needs the authority's profile ('foi settings': authority-name, authority-address, foi-email, \
            review-contact, signature; foi-contact and reuse-paragraph are optional), the request's text ('foi \
            request') and, for a refusal, the reasoning of each exemption ('foi reason'). Without them it is refused \
            with the list of what is missing; --draft writes it with each gap marked [MISSING: …].

            Writing a letter records a letter-issued event (its kind, template and the SHA-256 of its text); \
            --preview and --draft record nothing.
            """)

    @Argument(help: "The case reference.") var ref: String
    @Argument(help: "The letter: \(LetterKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: LetterKind
    @Option(help: "markdown (default), html, or docx (with --output).") var format: LetterFormat = .markdown
    @Option(help: ArgumentHelp("Write the letter to this new file rather than to stdout.", valueName: "file"))
    var output: String?
    @Flag(help: "Write it even with parts missing, marking each gap; records nothing.") var draft = false
    @Flag(help: "Write it without recording that it was issued.") var preview = false
    @Option(
        help: ArgumentHelp(
            "The letter's date (default: the step's own, e.g. the response's or the clarification request's; else "
                + "today).", valueName: "date"))
    var on: DateOrTimestamp?
    @OptionGroup var store: StoreOptions

    enum LetterFormat: String, CaseIterable, ExpressibleByArgument {
        case markdown, html, docx
    }

    func validate() throws {
        if format == .docx && output == nil {
            throw ValidationError("a Word letter is a file: give --output FILE.docx")
        }
        if let output, FileManager.default.fileExists(atPath: output) {
            throw ValidationError("'\(output)' exists; give a new file (foi does not overwrite one)")
        }
    }

    func run() throws {
        let records = !(draft || preview)
        let caseStore = try store.open(records ? .write : .read)
        let reference = CaseReference(rawValue: ref)
        let detail = try perform(on: reference) { try caseStore.detail(reference) }
        let date = on?.date ?? kind.defaultDate(of: detail.file) ?? store.todayDate
        let letter = try perform(on: reference) {
            let source = LetterSource(
                detail: detail, profile: try caseStore.profile(), calendars: caseStore.calendars,
                catalogue: caseStore.catalogue, date: date)
            return try LetterWriter.write(kind, from: source, templates: Seeds.letterTemplates, draft: draft)
        }
        let bytes: Data
        switch format {
        case .markdown: bytes = Data(letter.markdown.utf8)
        case .html: bytes = Data(letter.html.utf8)
        case .docx: bytes = try perform { try letter.docx() }
        }
        // Written before the letter is recorded as issued: a letter that could not be written was not issued.
        if let output {
            do {
                try bytes.write(to: URL(fileURLWithPath: output), options: .withoutOverwriting)
            } catch {
                throw Failure.refused("cannot write '\(output.printable)': \(error.localizedDescription)")
            }
        }
        if records {
            // A letter the history cannot record is not left behind as if issued.
            var recordFailed = true
            defer { if recordFailed, let output { try? FileManager.default.removeItem(atPath: output) } }
            try perform(on: reference) {
                try caseStore.record(
                    RecordedEvent(
                        date: date,
                        event: .letterIssued(
                            LetterRecord(letter: kind.rawValue, template: "built-in", digest: letter.digest))),
                    for: reference, actor: store.actorName, today: store.todayDate)
            }
            recordFailed = false
        }
        if output == nil { FileHandle.standardOutput.write(bytes) }
    }
}

extension LetterKind: ExpressibleByArgument {}
