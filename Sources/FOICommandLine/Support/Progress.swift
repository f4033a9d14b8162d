import Foundation

/// A progress bar on standard error while a long job runs: only when standard error is a terminal and the job is
/// large, so a pipe or a log file gets nothing.
final class Progress {
    let total: Int
    let noun: String
    let shown: Bool

    init(total: Int, noun: String, threshold: Int = 2_000) {
        self.total = total
        self.noun = noun
        shown = total >= threshold && isatty(STDERR_FILENO) == 1
    }

    /// `done` of the total are done.
    func update(_ done: Int) {
        guard shown else { return }
        let width = 30
        let filled = width * done / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        write("\r[\(bar)] \(done) of \(total) \(noun) (\(100 * done / max(total, 1))%)")
    }

    /// Clears the bar, leaving the line for what follows.
    func finish() {
        if shown { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
