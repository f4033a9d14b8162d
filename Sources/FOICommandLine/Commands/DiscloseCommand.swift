import ArgumentParser
import FOIApp
import FOIKit
import Foundation

/// `foi disclose`: what the response gives, part by part.
struct DiscloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclose",
        abstract: "Record what the response gives for a part of the request, with the documents it encloses.",
        discussion: """
            For each numbered part of the request (--part, as the request numbers it: 1, A, 2(b)), or for the whole \
            request: what is released (--file, Markdown: paragraphs, lists and tables), whether some or all of it is \
            withheld (--withheld-under CITATION, repeatable: exemptions the case applies; with --file, partly \
            released), not held (--not-held), or already accessible to the requester (--accessible, with --file \
            saying where). --attach lists a document sent with the response (repeatable): its name, size and \
            SHA-256 go in the letter's schedule of enclosures, and the file is kept beside the case (--personal: it \
            holds personal data, and is removed with the case's). A later answer to the same part replaces the \
            earlier; the response letter gives 'Our response' part by part.
            """)
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("The part of the request, as the request numbers it.", valueName: "part"))
    var part: String?
    @Option(help: ArgumentHelp("What is released: Markdown, or - for standard input.", valueName: "file"))
    var file: String?
    @Option(help: ArgumentHelp("An exemption the part is withheld under; repeatable.", valueName: "citation"))
    var withheldUnder: [String] = []
    @Flag(help: "The information of this part is not held.") var notHeld = false
    @Flag(help: "It is reasonably accessible to the requester otherwise: --file says where.") var accessible = false
    @Option(help: ArgumentHelp("A document enclosed with the response; repeatable.", valueName: "file"))
    var attach: [String] = []
    @Flag(help: "The enclosures hold personal data.") var personal = false
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

    func validate() throws {
        try Check.nonBlank([(part, "--part")])
        if notHeld && (accessible || !withheldUnder.isEmpty || file != nil || !attach.isEmpty) {
            throw ValidationError("--not-held stands alone: a part not held has nothing released or withheld")
        }
        if accessible && !withheldUnder.isEmpty {
            throw ValidationError("give --accessible or --withheld-under, not both")
        }
        if !notHeld && file == nil && attach.isEmpty && withheldUnder.isEmpty {
            throw ValidationError("give what the part gives: --file, --attach, --withheld-under or --not-held")
        }
        if attach.filter({ $0 == "-" }).count + (file == "-" ? 1 : 0) > 1 {
            throw ValidationError("only one input can be standard input (-)")
        }
    }

    var finding: Finding {
        if notHeld { return .notHeld }
        if accessible { return .accessible }
        if withheldUnder.isEmpty { return .released }
        return file == nil && attach.isEmpty ? .withheld : .partlyReleased
    }

    func run() async throws {
        let text = try file.map { String(decoding: try readTextInput($0), as: UTF8.self) }
        let files = try attach.map { path in
            Casework.EnclosedFile(
                name: path == "-" ? "standard input" : (path as NSString).lastPathComponent,
                bytes: try readInput(path, limit: Enclosure.maximumSize), personal: personal)
        }
        let answer = PartAnswer(
            part: part, finding: finding, text: text,
            exemptions: withheldUnder.map(ExemptionCatalogue.normalise))
        try await step.record { casework in
            try await casework.answer(
                step.reference, answer, enclosing: files, on: step.date(on), by: step.store.identity,
                today: step.store.todayDate)
        }
    }
}
