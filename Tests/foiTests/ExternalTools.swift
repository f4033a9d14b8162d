import Foundation
import Testing

/// Programs and Python modules some tests check foi's output with (a letter printed by Chromium, a Word letter
/// converted by LibreOffice, a PDF read by poppler, a calendar parsed by Python's icalendar, a tracker written by
/// openpyxl). Outside CI a test whose tool is missing is skipped with a message naming it; in CI (`FOI_CI=1`, set by
/// `.ci/run`, which installs them all) it always runs, so a missing tool fails it.
/// Kept in this test target, not FOITestSupport: it needs swift-testing, which the release benchmarks lack.
public enum ExternalTools {
    /// Whether the tests run in CI, where every tool must be there.
    public static let inCI = ProcessInfo.processInfo.environment["FOI_CI"] == "1"

    /// The path of the program `name`, or nil.
    public static func program(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether Python 3 can import `module`.
    public static func hasPythonModule(_ module: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// The trait of a test that needs `programs` and the Python `modules`: it runs in CI, and elsewhere only where
    /// they are all installed (`install` says how).
    public static func needed(programs: [String] = [], pythonModules modules: [String] = [], install: String)
        -> ConditionTrait
    {
        let missing =
            programs.filter { program($0) == nil }
            + modules.filter { !hasPythonModule($0) }.map {
                "Python's \($0)"
            }
        return .enabled(
            if: inCI || missing.isEmpty,
            Comment(rawValue: "needs \(missing.joined(separator: ", ")): \(install)"))
    }
}

extension Tag {
    /// Checked with a program or a Python module from outside (Chromium, LibreOffice, poppler, Python).
    @Tag public static var externalTool: Tag
}
