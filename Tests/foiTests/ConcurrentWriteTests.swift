import Foundation
import Synchronization
import Testing

/// Officers' commands on one database at once, from its first moment: every step acknowledged is kept, whatever
/// fails beside it.
@Suite struct ConcurrentWriteTests {
    /// Six `foi log` and two imports that fail (one a dry run) start together on a path where there is no database
    /// yet, twenty times: every case a log acknowledged is in the database afterwards, and it verifies. (A refused
    /// import once removed the database it thought it had made, with the cases logged into it meanwhile.)
    @Test func aFailingImportNeverTakesCasesLoggedBesideIt() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.csv")
        try Data("Our ref,Date received\nB-1,05/10/2026\nB-bad,31/02/2026\n".utf8).write(to: bad)
        for trial in 0..<20 {
            let db = directory.appendingPathComponent("trial-\(trial)/foi.sqlite").path
            let commands: [[String]] =
                (0..<6).map { ["log", "--subject", "Case \($0)", "--received", "2026-12-01"] }
                + [["import", bad.path], ["import", bad.path, "--dry-run"]]
            let runs = Mutex<[(arguments: [String], run: Run)]>([])
            DispatchQueue.concurrentPerform(iterations: commands.count) { index in
                let arguments = commands[index] + ["--db", db, "--today", "2026-12-06"]
                let run = (try? foi(arguments)) ?? Run(stdout: "", stderr: "did not start", status: -1)
                runs.withLock { $0.append((arguments, run)) }
            }
            let results = runs.withLock { $0 }
            let logged = results.filter { $0.arguments[0] == "log" && $0.run.status == 0 }
            for result in results where result.arguments[0] == "import" {
                #expect(result.run.status == 65, "\(result.arguments): \(result.run.stderr)")
            }
            #expect(logged.count == 6, "\(results.filter { $0.run.status != 0 && $0.arguments[0] == "log" })")
            let references = Set(
                logged.compactMap {
                    $0.run.stdout.split(separator: "\n").dropFirst().first?
                        .split(separator: " ").first.map(String.init)
                })
            let list = try foi(["list", "--format", "json", "--db", db, "--today", "2026-12-06"])
            #expect(list.status == 0, "trial \(trial): \(list.stderr)")
            let cases = (try? JSONSerialization.jsonObject(with: Data(list.stdout.utf8))) as? [[String: Any]] ?? []
            #expect(cases.count == logged.count, "trial \(trial): \(cases.count) cases for \(logged.count) logged")
            #expect(Set(cases.compactMap { $0["ref"] as? String }) == references, "trial \(trial)")
            #expect(try foi(["verify", "--db", db, "--today", "2026-12-06"]).status == 0)
        }
    }
}
