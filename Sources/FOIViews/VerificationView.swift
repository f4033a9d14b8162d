import FOIKit

/// `foi verify`'s report: what was checked and every case that fails, with why.
public enum VerificationView {
    public static func render(_ report: VerificationReport, thorough: Bool, format: OutputFormat) throws -> TextOutput {
        var output = TextOutput()
        switch format {
        case .json:
            try output.json(Report(report))
        case .csv:
            output.write(CSV.line(["ref", "problem"]))
            for failure in report.failures {
                for problem in failure.problems { output.write(CSV.line([failure.reference.rawValue, problem])) }
            }
            for finding in report.integrity { output.write(CSV.line(["", "SQLite: \(finding)"])) }
            for finding in report.foreignKeys + report.schema + report.ledger + report.requesters + report.enclosures {
                output.write(CSV.line(["", finding]))
            }
        case .table:
            let check = thorough ? "integrity check" : "quick check"
            output.line(
                "Checked \(report.cases) case\(report.cases == 1 ? "" : "s") and \(report.events) "
                    + "event\(report.events == 1 ? "" : "s"): hash chains, personal-text digests, the ledger of every "
                    + "event, the projection against a replay of each history, the schema and its protective "
                    + "triggers; SQLite's \(check) and foreign keys.")
            if report.cases == 0 { output.line("The database holds no case.") }
            for failure in report.failures {
                output.printableLine("\(failure.reference): \(failure.problems.joined(separator: "; "))")
            }
            for finding in report.integrity { output.printableLine("SQLite \(check): \(finding)") }
            for finding in report.foreignKeys { output.printableLine("Foreign key: \(finding)") }
            for finding in report.schema { output.printableLine("Schema: \(finding)") }
            for finding in report.ledger { output.printableLine("Ledger: \(finding)") }
            for finding in report.requesters { output.printableLine("Requesters: \(finding)") }
            for finding in report.enclosures { output.printableLine("Enclosures: \(finding)") }
            if report.orphanEvents > 0 {
                output.line("\(report.orphanEvents) event\(report.orphanEvents == 1 ? "" : "s") belong to no case.")
            }
            if let head = report.head {
                output.line("Ledger head (keep it elsewhere: the ledger can be checked against it later):")
                output.line("  \(head)")
            }
            if report.isSound { output.line("Everything verifies.") }
        }
        return output
    }

    private struct Report: Encodable {
        var cases: Int
        var events: Int
        var sound: Bool
        var failures: [Failure]
        var integrity: [String]
        var foreignKeys: [String]
        var orphanEvents: Int
        var schema: [String]
        var ledger: [String]
        var requesters: [String]
        var enclosures: [String]
        /// `EVENT:HASH`, or null for a database without events.
        var head: String?

        init(_ report: VerificationReport) {
            cases = report.cases
            events = report.events
            sound = report.isSound
            failures = report.failures.map { Failure(ref: $0.reference.rawValue, problems: $0.problems) }
            integrity = report.integrity
            foreignKeys = report.foreignKeys
            orphanEvents = report.orphanEvents
            schema = report.schema
            ledger = report.ledger
            requesters = report.requesters
            enclosures = report.enclosures
            head = report.head?.description
        }
    }

    private struct Failure: Encodable {
        var ref: String
        var problems: [String]
    }
}
