import Foundation
import GRDB

/// The files under `Tests/Fixtures`, shared by the test targets.
public enum Fixtures {
    /// `Tests/Fixtures`, found from this file's place in the repository.
    public static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")

    /// The folder of the database written by foi as released on 2026-11-20 (events in Swift's synthesized
    /// encoding, schema 0001–0003), with what that release showed of it.
    public static let release = directory.appendingPathComponent("release-2026-11-20")

    /// Writes the release's database to a new file at `path`, from its SQL dump.
    public static func writeReleaseDatabase(to path: String) throws {
        let dump = try String(contentsOf: release.appendingPathComponent("cases.sql"), encoding: .utf8)
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: dump) }
    }

    /// The text of a file of the release fixture.
    public static func releaseFile(_ name: String) throws -> String {
        try String(contentsOf: release.appendingPathComponent(name), encoding: .utf8)
    }
}
