import ArgumentParser
import FOIFiles
import FOIKit
import FOIViews
import Foundation

// The domain's values parse themselves from the command line; ArgumentParser lists the enums' values in help.

extension Regime: ExpressibleByArgument {}
extension ReceiptConvention: ExpressibleByArgument {}
extension Division: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension Outcome: ExpressibleByArgument {}
extension PublicInterestConclusion: ExpressibleByArgument {}
extension CaseStatus: ExpressibleByArgument {}
extension CaseStage: ExpressibleByArgument {}
extension CostActivity: ExpressibleByArgument {}
extension CaseFlag: ExpressibleByArgument {}
extension Team.Role: ExpressibleByArgument {}
extension ClockName: ExpressibleByArgument {
    /// The clocks a listing can select: the requester's windows are shown on the case only.
    public static var allValueStrings: [String] { allCases.filter(\.isOnBoard).map(\.rawValue) }
}
extension ReviewOutcome: ExpressibleByArgument {}
extension DecisionNoticeOutcome: ExpressibleByArgument {}
extension Appellant: ExpressibleByArgument {}
extension AppealOutcome: ExpressibleByArgument {}
extension ComplaintEnding: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

extension CivilDate: ExpressibleByArgument {
    /// An ISO date, `2026-11-20`. Why a text is not one is said by `DateArgument.reason(forInvalidValueIn:)`.
    public init?(argument: String) {
        guard let date = try? CivilDate(iso: argument) else { return nil }
        self = date
    }
}

/// A date, or a timestamp with its zone (`2026-06-01T23:30:00+01:00`) taken as its London date: when a request
/// or a step arrived.
struct DateOrTimestamp: ExpressibleByArgument {
    var date: CivilDate
    /// The text as given, kept when it was a timestamp.
    var text: String

    init?(argument: String) {
        guard let date = try? ReceiptTime.londonDate(from: argument) else { return nil }
        self.date = date
        text = argument
    }

    /// The timestamp as given, or nil for a plain date.
    var timestamp: String? { text.count > 10 ? text : nil }
}

/// How a command prints what it shows.
enum TextOrJSON: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

enum DateArgument {
    /// For ArgumentParser's "The value 'X' is invalid for '--option <date>'", the option and why X is not a date
    /// (or a timestamp where one is allowed); nil when the message is about something else.
    static func reason(forInvalidValueIn message: String) -> String? {
        guard message.hasPrefix("The value '"), let quote = message.dropFirst(11).firstIndex(of: "'") else {
            return nil
        }
        let value = String(message[message.index(message.startIndex, offsetBy: 11)..<quote])
        let rest = message[quote...]
        guard let optionStart = rest.range(of: "for '")?.upperBound, let dateMark = rest.range(of: "<date>'"),
            optionStart <= dateMark.lowerBound
        else { return nil }
        // A positional date has no option name: `for '<date>'`.
        let named = rest[optionStart..<dateMark.lowerBound].trimmingCharacters(in: .whitespaces)
        let option = named.isEmpty ? "date" : named
        do {
            _ = try ReceiptTime.londonDate(from: value)
            _ = try CivilDate(iso: value)
        } catch {
            return "\(option): \(error)"
        }
        return nil
    }
}

/// The checks every command's `validate()` shares: a text given is not blank, a number is within its range.
enum Check {
    /// Refuses a text option given as blank (`--reason ""`): an empty value recorded would look like a real one.
    static func nonBlank(_ values: [(String?, String)]) throws {
        for (value, option) in values {
            if let value, value.allSatisfy(\.isWhitespace) { throw ValidationError("\(option) cannot be blank") }
        }
    }

    /// Refuses a reference that `CaseReference(validating:)` would not take.
    static func reference(_ text: String?, _ option: String) throws {
        guard let text else { return }
        do throws(ReferenceError) {
            _ = try CaseReference(validating: text)
        } catch {
            throw ValidationError("\(option): \(error)")
        }
    }

    /// Refuses a number outside `range`, naming the range.
    static func within(_ value: Int?, _ range: ClosedRange<Int>, _ option: String, _ unit: String) throws {
        if let value, !range.contains(value) {
            throw ValidationError("\(option) must be from \(range.lowerBound) to \(range.upperBound) \(unit)")
        }
    }
}

/// Reads the schools rule's closures: one date, or an inclusive range `A..B`, a line; `#` starts a comment.
func readNonSchoolDays(_ path: String) throws -> Set<CivilDate> {
    let text = String(decoding: try readTextInput(path), as: UTF8.self)
    var days: Set<CivilDate> = []
    // Lines end in LF or CR LF (a file from Windows): a CR LF pair is one Character, so split on newlines.
    for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
        let line =
            rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?.trimmingCharacters(
                in: .whitespaces) ?? ""
        if line.isEmpty { continue }
        do throws(DayRunError) {
            days.formUnion(try DayRuns.days(in: line).days)
        } catch {
            throw Failure.badInput("\(path), line \(index + 1): \(error)")
        }
    }
    return days
}

/// A text file (or standard input for `-`) as the text it holds (`readTextInput`: UTF-8 or UTF-16, a byte-order mark
/// dropped), lines ending in LF, trailing blank lines and spaces removed. Blank, not text, or holding a NUL is bad
/// input (65).
func readText(_ path: String, limit: Int = InputLimit.text) throws -> String {
    let text = String(decoding: try readTextInput(path, limit: limit), as: UTF8.self)
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
        String($0.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
    let trimmed = lines.reversed().drop(while: \.isEmpty).reversed().joined(separator: "\n")
    guard !trimmed.allSatisfy(\.isWhitespace) else {
        throw Failure.badInput("'\(path.printable)' holds no text")
    }
    return trimmed
}

/// The paragraphs of a text: runs of lines separated by blank lines.
func paragraphs(_ text: String) -> [String] {
    text.components(separatedBy: "\n").split(whereSeparator: { $0.allSatisfy(\.isWhitespace) }).map {
        $0.joined(separator: "\n")
    }
}

/// The output paths foi writes: it never overwrites a file or a directory already there.
enum NewOutput {
    /// Refuses `path`, given as `option`, when it is blank or something is there already.
    static func check(_ path: String?, _ kind: String = "file", option: String = "--output") throws {
        try Check.nonBlank([(path, option)])
        if let path, FileManager.default.fileExists(atPath: path) { throw ValidationError(exists(path, kind)) }
    }

    /// Writes `data` to the new file `path`, whole or not at all (`WholeFile`); owner-only when it is `personal`.
    static func write(_ data: Data, to path: String, personal: Bool = false) throws {
        do throws(WholeFileError) {
            try WholeFile.write([UInt8](data), to: path, personal: personal)
        } catch {
            throw error.exists ? Failure.usage(exists(path)) : Failure.refused(error.description.printable)
        }
    }

    /// The refusal of an output path something is at.
    static func exists(_ path: String, _ kind: String = "file") -> String {
        "'\(path.printable)' exists; give a new \(kind) (foi does not overwrite one)"
    }

    /// Makes the new directory `path` with `fill`, whole or not at all (`WholeFile`).
    static func directory(_ path: String, personal: Bool, _ fill: (String) async throws -> Void) async throws {
        do {
            try await WholeFile.directory(at: path, personal: personal, fill)
        } catch let error as WholeFileError {
            throw error.exists ? Failure.usage(exists(path, "directory")) : Failure.refused(error.description.printable)
        }
    }
}

extension ReportingPeriod {
    /// The period a `--period` option names, or why it names none.
    static func option(_ text: String) throws -> ReportingPeriod {
        guard let period = ReportingPeriod(parsing: text) else {
            throw ValidationError("--period '\(text)' is not a month (2026-10), a quarter (2026Q3) or a year (2026)")
        }
        return period
    }
}
