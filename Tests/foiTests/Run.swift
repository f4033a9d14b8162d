import Foundation
import Testing

/// What one run of the built `foi` printed and how it exited.
struct Run {
    var stdout: String
    var stderr: String
    var status: Int32
}

/// The `foi` executable built beside the test bundle.
let foiBinary: URL = {
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("foi")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    let fromProducts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/foi")
    return fromProducts
}()

/// Foundation's `Process.run()` is not safe to call from two threads at once on Linux (it crashed the fuzz test
/// once, copying a file-descriptor list): launches are one at a time; the processes still run side by side.
let processLaunch = NSLock()

/// Starts `process`, one launch at a time.
func launch(_ process: Process) throws {
    processLaunch.lock()
    defer { processLaunch.unlock() }
    try process.run()
}

/// Runs `foi` (or `executable`, a program that runs it) with `arguments`, feeding `input` on standard input, with
/// `environment` added, in `directory` (default: the test's). A run not finished within two minutes is killed and
/// reported with status -1.
func foi(
    _ arguments: [String], input: String? = nil, environment: [String: String] = [:], in directory: URL? = nil,
    executable: URL = foiBinary
) throws -> Run {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let directory { process.currentDirectoryURL = directory }
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    try launch(process)
    let watchdog = DispatchWorkItem { process.terminate() }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    // Closed now rather than whenever the handles are freed: a test process runs thousands of these, and
    // Foundation's launch overflows once too many descriptors are open.
    for handle in [stdout.fileHandleForReading, stderr.fileHandleForReading, stdin.fileHandleForReading] {
        try? handle.close()
    }
    guard process.terminationReason == .exit else {
        return Run(stdout: "", stderr: "killed: no answer within two minutes", status: -1)
    }
    return Run(
        stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
        status: process.terminationStatus)
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("foi-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The `foi-server` executable built beside `foi`.
let serverBinary = foiBinary.deletingLastPathComponent().appendingPathComponent("foi-server")

/// A `foi-server --demo` started on the database `db` and a random loopback port (with `arguments` added), once it
/// has printed its login: the process (to stop), the port, what it printed and the demo admin's password.
func startDemoServer(db: String, _ arguments: [String] = []) throws -> (
    server: Process, port: Int, printed: String, password: String
) {
    let login = Pipe()
    let (server, port) = try startServer(db: db, ["--demo"] + arguments, output: login, log: FileHandle.nullDevice)
    // The login it prints: "Sign in at http://127.0.0.1:PORT/ as admin@demo.example with the password P (…".
    var printed = ""
    while !printed.contains(" (shown once"), server.isRunning {
        printed += String(decoding: login.fileHandleForReading.availableData, as: UTF8.self)
    }
    let password = printed.components(separatedBy: "with the password ").last?.split(separator: " ").first
    return (server, port, printed, password.map(String.init) ?? "")
}

/// A `foi-server` started on the database `db` and a random loopback port, with `arguments` added: the process (to
/// stop) and the port. It prints to `output`; it logs to `log`.
func startServer(db: String, _ arguments: [String], output: Any, log: Any) throws -> (server: Process, port: Int) {
    let port = Int.random(in: 20_000...40_000)
    let server = Process()
    server.executableURL = serverBinary
    server.arguments = ["--db", db, "--port", String(port)] + arguments
    server.standardOutput = output
    server.standardError = log
    try launch(server)
    return (server, port)
}
