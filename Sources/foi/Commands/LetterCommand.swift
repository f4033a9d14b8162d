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
    @Option(help: "markdown (default) or html.") var format: LetterFormat = .markdown
    @Flag(help: "Write it even with parts missing, marking each gap; records nothing.") var draft = false
    @Flag(help: "Write it without recording that it was issued.") var preview = false
    @Option(
        help: ArgumentHelp(
            "The letter's date (default: the response's date for a response, the review's for its outcome, else "
                + "today).", valueName: "date"))
    var on: DateOrTimestamp?
    @OptionGroup var store: StoreOptions

    enum LetterFormat: String, CaseIterable, ExpressibleByArgument {
        case markdown, html
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
        if records {
            try perform(on: reference) {
                try caseStore.record(
                    RecordedEvent(
                        date: date,
                        event: .letterIssued(
                            LetterRecord(letter: kind.rawValue, template: "built-in", digest: letter.digest))),
                    for: reference, actor: store.actorName, today: store.todayDate)
            }
        }
        FileHandle.standardOutput.write(Data((format == .html ? letter.html : letter.markdown).utf8))
    }
}

extension LetterKind: ExpressibleByArgument {}
