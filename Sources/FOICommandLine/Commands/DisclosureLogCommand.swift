import ArgumentParser
import FOIFiles
import FOIKit
import FOIViews
import Foundation

/// `foi disclosure-log`: the requests answered in a period, for publication.
struct DisclosureLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclosure-log",
        abstract: "The requests answered in a period, for publication: never the requester, never a SAR.",
        discussion: """
            One row per request first answered in the period: its reference, regime, dates received and answered, \
            a title for publication (the subject, unless 'foi publish REF --title' gave another: requesters' \
            subjects can name people), the outcome and the exemptions relied on, with their subsections. Subject \
            access requests are never in it, and it is built without reading the requesters' details at all. A case \
            held back ('foi publish REF --hold-back REASON') is left out; the table lists those apart, for the \
            officer. CSV and JSON hold only what is published.
            """)
    @Option(help: ArgumentHelp("A month (2026-10), quarter (2026Q3) or year (2026).", valueName: "period"))
    var period: String
    @Option(help: "Output format: table, csv, json, or html (a static site, with --output DIR).")
    var format: LogFormat = .table
    @Option(help: ArgumentHelp("With --format html: a new directory to write the site into.", valueName: "dir"))
    var output: String?
    @Flag(
        help: """
            With --format html: put the response letter on each response's page, as published: addressed to no \
            one, the request restated by its title (letter templates as 'foi letter' uses them).
            """)
    var letters = false
    @OptionGroup var store: StoreOptions

    enum LogFormat: String, CaseIterable, ExpressibleByArgument {
        case table, csv, json, html
    }

    func validate() throws {
        _ = try ReportingPeriod.option(period)
        if (format == .html) != (output != nil) {
            throw ValidationError("--format html and --output DIR go together: the site is a directory of pages")
        }
        if letters && format != .html {
            throw ValidationError("--letters goes with --format html: the letters are pages of the site")
        }
        try NewOutput.check(output, "directory")
    }

    func run() async throws {
        guard let chosen = ReportingPeriod(parsing: period) else { return }
        let caseStore = try store.open(.read)
        let log = try await perform { try await caseStore.disclosureLog(respondedIn: chosen.dates) }
        guard format == .html, let output else {
            let format: OutputFormat = format == .csv ? .csv : format == .json ? .json : .table
            try perform { try DisclosureLogView.render(log.entries, heldBack: log.heldBack, format: format) }
                .flush()
            return
        }
        let profile = try await perform { try await caseStore.profile() }
        let published = letters ? try await publishedLetters(log.entries, caseStore, profile) : [:]
        let pages = DisclosureLogView.site(log.entries, period: chosen, authority: profile[.name], letters: published)
        try await NewOutput.directory(output, personal: false) { directory in
            for (path, html) in pages {
                let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
                do {
                    try FileManager.default.createDirectory(
                        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try WholeFile.create(Array(html.utf8), at: url.path)
                } catch {
                    throw Failure.refused(WholeFileError(path: output, error).description.printable)
                }
            }
        }
        let responses = pages.count - 1
        let plural = responses == 1 ? "" : "s"
        say("Wrote the site to \(output.printable): index.html and \(responses) response page\(plural).")
        if letters {
            let without = log.entries.filter { published[$0] == nil }.map(\.reference)
            say(
                "\(published.count) with the response letter"
                    + (without.isEmpty
                        ? "."
                        : "; \(without.count) without, its letter lacking a part ('foi letter REF response --draft' "
                            + "shows which): \(without.prefix(10).map(\.rawValue).joined(separator: ", "))"
                            + (without.count > 10 ? ", …" : "") + "."))
        }
    }

    /// Each entry's letter for publication, dated the day of its first response (or, for a release on review, of
    /// the review's outcome), written from the case without reading its requester; an entry whose letter lacks a
    /// part (or whose template fails) has none.
    private func publishedLetters(
        _ entries: [DisclosureLogEntry], _ caseStore: any CaseStorage, _ profile: AuthorityProfile
    ) async throws -> [DisclosureLogEntry: Letter] {
        let directory = try await perform { try await caseStore.setting(.templatesDirectory) }
        let templates = try LetterTemplates(directory: directory.isEmpty ? nil : directory).templates
        var letters: [DisclosureLogEntry: Letter] = [:]
        for entry in entries {
            let detail = try await perform(on: entry.reference) {
                try await caseStore.detail(entry.reference, requester: false)
            }
            let source = LetterSource(
                detail: detail, profile: profile, calendars: caseStore.calendars,
                catalogue: caseStore.catalogue,
                date: entry.responded, forPublication: true)
            letters[entry] = try? LetterWriter.write(
                entry.releasedOnReview == nil ? .response : .reviewOutcome, from: source, templates: templates,
                draft: false)
        }
        return letters
    }
}

/// `foi publish`: how a case appears in the disclosure log.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Set the title a case is published under in the disclosure log, or hold it back from the log.",
        discussion: """
            --title gives the title to publish instead of the subject (which a requester may have written with \
            names in it); --hold-back REASON keeps the case out of the log (e.g. publishing even the request would \
            identify someone); --include puts a held-back case back. Each is an event: the history shows who \
            decided what, and when.
            """)
    @OptionGroup var step: StepOptions
    @Option(help: ArgumentHelp("The title to publish.", valueName: "text")) var title: String?
    @Option(help: ArgumentHelp("Hold it back from the log, for this reason.", valueName: "reason")) var holdBack:
        String?
    @Flag(help: "Publish a case held back.") var include = false
    @Option(help: ArgumentHelp("When (default: today).", valueName: "date")) var on: DateOrTimestamp?

    func validate() throws {
        try Check.nonBlank([(title, "--title"), (holdBack, "--hold-back")])
        if holdBack != nil && include { throw ValidationError("give --hold-back or --include, not both") }
        if title == nil && holdBack == nil && !include {
            throw ValidationError("give --title TEXT, --hold-back REASON or --include")
        }
    }

    func run() async throws {
        try await step.record(on: step.date(on)) { file, _ in
            .publicationDecided(
                Publication(
                    title: title ?? file.publication.title,
                    heldBack: include ? nil : holdBack ?? file.publication.heldBack))
        }
    }
}
