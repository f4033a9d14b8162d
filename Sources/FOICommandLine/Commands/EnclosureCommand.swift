import ArgumentParser
import FOIKit
import Foundation

/// `foi enclosure`: a document kept beside a case, taken back out.
struct EnclosureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enclosure",
        abstract: "Write out a document enclosed with a response ('foi disclose --attach').",
        discussion: """
            NAME is the enclosure's file name as the letter's schedule lists it, or its SHA-256 from its first eight \
            hex digits where two share a name. The copy written is checked against the digest the answer recorded. \
            One holding personal data is written readable by its owner alone, and is gone once the case's personal \
            data is removed.
            """)
    @Argument(help: "The case reference.") var ref: String
    @Argument(help: "The enclosure's name or digest.") var name: String
    @Option(help: ArgumentHelp("A new file to write it to.", valueName: "file")) var output: String
    @OptionGroup var store: StoreOptions

    func validate() throws {
        try Check.nonBlank([(name, "NAME")])
        try NewOutput.check(output)
    }

    func run() async throws {
        let reference = CaseReference(rawValue: ref)
        let caseStore = try store.open(.read)
        let (enclosure, bytes) = try await perform(on: reference) {
            try await caseStore.enclosure(reference, named: name)
        }
        guard let bytes else {
            throw Failure.refused(
                "\(enclosure.name) of \(reference) held personal data and was removed with it; nothing was written")
        }
        guard SHA256.hex(bytes) == enclosure.digest else {
            throw Failure.refused(
                "\(enclosure.name) of \(reference) is not the file its answer lists (see 'foi verify'); nothing was "
                    + "written")
        }
        try NewOutput.write(Data(bytes), to: output, personal: enclosure.personal)
        say(
            "Wrote \(enclosure.name) (\(enclosure.size) bytes, SHA-256 \(enclosure.digest.prefix(12))…) to "
                + "\(output.printable).")
    }
}
