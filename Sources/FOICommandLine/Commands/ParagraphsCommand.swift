import ArgumentParser
import FOIKit
import FOIViews

/// `foi paragraphs`: the library of standard reasoning.
struct ParagraphsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paragraphs",
        abstract: "List, show or add the standard paragraphs of reasoning an exemption's reasoning can use.",
        discussion: """
            foi ships paragraphs for the commonest exemptions (why s.23, s.24, s.31 and s.40 are engaged; public \
            interest factors for s.24 and s.31), written for foi. An authority adds its own, or replaces a shipped \
            one, with 'foi paragraphs add'. 'foi reason --engaged-paragraph NAME' (and --for-paragraph, \
            --against-paragraph) copies a paragraph into a case's reasoning: a later change to the library does not \
            change a case already reasoned.
            """,
        subcommands: [List.self, Show.self, Add.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the paragraphs, by section.")
        @Option(help: ArgumentHelp("Only those for this section, e.g. 31.", valueName: "section")) var section: String?
        @Option(help: "Output format.") var format: OutputFormat = .table
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let caseStore = try store.open(.read)
            let paragraphs = try await perform { try await caseStore.paragraphs() }.filter {
                section == nil || $0.section == section.map(ExemptionCatalogue.normalise)
            }
            try perform { try ReferenceView.render(paragraphs, format: format) }.flush()
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print one paragraph's text.")
        @Argument(help: "The paragraph's name.") var name: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let caseStore = try store.open(.read)
            say(try await perform { try await caseStore.paragraph(named: name) }.text.printable)
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a paragraph of the authority's own, or replace the one of its name.")
        @Argument(help: "Its name, e.g. s31-burglary-patterns (letters, digits and hyphens).") var name: String
        @Option(help: ArgumentHelp("The exemption's section, e.g. 31.", valueName: "section")) var section: String
        @Option(help: "What it argues: engaged, for or against.") var role: ReasoningParagraph.Role
        @Option(help: ArgumentHelp("A UTF-8 text file holding it, or - for standard input.", valueName: "file"))
        var file: String
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw ValidationError("a paragraph's name is letters, digits and hyphens, e.g. s31-burglary-patterns")
            }
            try Check.nonBlank([(section, "--section")])
        }

        func run() async throws {
            let text = try readText(file)
            let caseStore = try store.open(.create)
            try await perform {
                try await caseStore.addParagraph(
                    ReasoningParagraph(
                        name: name, section: ExemptionCatalogue.normalise(section), role: role, text: text,
                        isLocal: true))
            }
            say("Added \(name) (section \(ExemptionCatalogue.normalise(section)), \(role.rawValue)).")
        }
    }
}

extension ReasoningParagraph.Role: ExpressibleByArgument {}
