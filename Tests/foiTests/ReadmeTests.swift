import Foundation
import Testing

/// The README's "Everyday use" block runs as written, line by line, on a new database: each command succeeds.
@Suite struct ReadmeTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The block's command lines, comments dropped.
    static func everydayUse() throws -> [String] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let section = text.range(of: "## Everyday use"),
            let open = text.range(of: "```sh\n", range: section.upperBound..<text.endIndex),
            let close = text.range(of: "```", range: open.upperBound..<text.endIndex)
        else { return [] }
        return text[open.upperBound..<close.lowerBound].split(separator: "\n").map { line in
            String(line.split(separator: "#", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces)
        }.filter { $0.hasPrefix("foi ") }
    }

    @Test func everydayUseRunsAsWritten() throws {
        let lines = try Self.everydayUse()
        #expect(lines.count == 12)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("foi.sqlite").path
        for line in lines {
            // The shell splits the quoted arguments as a reader's shell would; the database comes from $FOI_DB.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\"$FOI\" " + line.dropFirst(4)]
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["FOI": foiBinary.path, "FOI_DB": database]) { $1 }
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try launch(process)
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(line): \(message)")
        }
    }
}
