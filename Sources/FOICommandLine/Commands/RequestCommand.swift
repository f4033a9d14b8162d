import ArgumentParser
import FOIKit

/// `foi request`: the request's own words.
struct RequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Record the request's full text, or correct it.",
        discussion: """
            The text is the request as the requester wrote it, kept line for line (numbered parts such as 1), 2) or \
            A., B. stay as written): letters restate it. A later text replaces an earlier one; both stay in the \
            history. The text is personal data: anonymisation removes it. 'foi log --request-file' records it with the \
            request.
            """)
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("A UTF-8 text file holding the request, or - for standard input.", valueName: "file"))
    var file: String
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

    func run() async throws {
        try await step.record(.requestRecorded(text: try readText(file)), on: step.date(on))
    }
}

/// `foi reason`: why an exemption applies, and its public interest test.
struct ReasonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reason",
        abstract: "Record why an exemption applies and, for a qualified one, the public interest test.",
        discussion: """
            A refusal notice states why each exemption applies (FOIA s.17(1)(c), FOISA s.16(1)(d)) and, for a \
            qualified one, the public interest reasons (FOIA s.17(3), EIR reg 14(3)(b), FOISA s.16(2)); 'foi letter' \
            takes them from here. Apply the exemption first ('foi exempt'). Texts come from files (- for standard \
            input for one of them); in --for-file and --against-file each paragraph, separated by a blank line, is \
            one factor. Standard paragraphs from the library ('foi paragraphs') are added after the files' text with \
            --engaged-paragraph, --for-paragraph and --against-paragraph. A later record for the same exemption \
            replaces the earlier one.
            """)
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("The exemption as applied, e.g. 31(1)(a)(b).", valueName: "citation")) var section:
        String
    @Option(help: "The regime of the part it was applied to (default: the case's).") var part: Regime?
    @Option(help: ArgumentHelp("Why it is engaged: the harm, or the class of information.", valueName: "file"))
    var engagedFile: String?
    @Option(
        help: ArgumentHelp(
            "A library paragraph on why it is engaged (see 'foi paragraphs'); repeatable.", valueName: "name"))
    var engagedParagraph: [String] = []
    @Option(help: ArgumentHelp("A library paragraph that is a factor for; repeatable.", valueName: "name"))
    var forParagraph: [String] = []
    @Option(help: ArgumentHelp("A library paragraph that is a factor against; repeatable.", valueName: "name"))
    var againstParagraph: [String] = []
    @Option(help: ArgumentHelp("The factors for disclosure (or for confirming or denying).", valueName: "file"))
    var forFile: String?
    @Option(help: ArgumentHelp("The factors against.", valueName: "file")) var againstFile: String?
    @Option(help: ArgumentHelp("The balance's conclusion, in a sentence.", valueName: "text")) var balance: String?
    @Option(
        help: ArgumentHelp(
            "A part of the request the exemption is engaged for, as the request numbers it (e.g. A or 2), where the "
                + "decision differs by part; repeatable.", valueName: "part"))
    var requestPart: [String] = []
    @Option(
        help: ArgumentHelp(
            "EIR reg 12(4)(d), EIR(S) reg 10(4)(d): the authority preparing the unfinished material (us, or another).",
            valueName: "name"))
    var preparedBy: String?
    @Option(
        help: ArgumentHelp(
            "EIR reg 12(4)(d), EIR(S) reg 10(4)(d): when it is expected to be finished.", valueName: "text"))
    var finishedBy: String?
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

    func validate() throws {
        try Check.nonBlank(
            [
                (section, "--section"), (balance, "--balance"), (preparedBy, "--prepared-by"),
                (finishedBy, "--finished-by"),
            ]
                + requestPart.map { ($0, "--request-part") })
        if [engagedFile, forFile, againstFile].filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one of the files can be standard input (-)")
        }
        if engagedFile == nil && engagedParagraph.isEmpty {
            throw ValidationError("say why it is engaged: --engaged-file FILE, or --engaged-paragraph NAME")
        }
    }

    func run() async throws {
        let citation = ExemptionCatalogue.normalise(section)
        // The library is read once, and the database opened for it only when a paragraph is named.
        let named = engagedParagraph + forParagraph + againstParagraph
        let available = named.isEmpty ? [] : try await perform { try await step.store.open().paragraphs() }
        /// The library paragraphs `names` as `role`, each checked to serve this exemption.
        func library(_ names: [String], _ role: ReasoningParagraph.Role) throws -> [String] {
            try names.map { name in
                guard let paragraph = available.first(where: { $0.name == name }) else {
                    throw Failure.usage(StoreError.unknownParagraph(name, known: available.map(\.name)).commandLine)
                }
                guard paragraph.role == role, paragraph.serves(citation) else {
                    throw Failure.usage(
                        "the paragraph '\(name)' is \(paragraph.role.rawValue) reasoning for section "
                            + "\(paragraph.section); it cannot be \(role.rawValue) reasoning for \(citation)")
                }
                return paragraph.text
            }
        }
        let engaged = (try engagedFile.map { [try readText($0)] } ?? []) + (try library(engagedParagraph, .engaged))
        let factorsFor = (try forFile.map { paragraphs(try readText($0)) } ?? []) + (try library(forParagraph, .for))
        let factorsAgainst =
            (try againstFile.map { paragraphs(try readText($0)) } ?? []) + (try library(againstParagraph, .against))
        try await step.record(on: step.date(on)) { file, _ in
            .reasoningRecorded(
                ExemptionReasoning(
                    citation: citation, part: part ?? file.regime, engaged: engaged.joined(separator: "\n\n"),
                    factorsFor: factorsFor, factorsAgainst: factorsAgainst, balance: balance,
                    requestParts: requestPart, preparedBy: preparedBy, finishedBy: finishedBy))
        }
    }
}
