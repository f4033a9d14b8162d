import ArgumentParser
import FOIKit
import FOIResources
import Foundation

extension Regime: ExpressibleByArgument {}
extension ReceiptConvention: ExpressibleByArgument {}
extension Division: ExpressibleByArgument {}

/// How a command prints what it shows.
enum TextOrJSON: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

/// Parses a date option's text, naming the option in the one-line error.
func parseDate(_ text: String, option: String) throws -> CivilDate {
    do {
        return try CivilDate(iso: text)
    } catch {
        throw Failure.usage("\(option): \(error)")
    }
}

/// Parses a receipt date or timestamp (converted to the London date), naming the option in the error.
func parseReceipt(_ text: String, option: String) throws -> CivilDate {
    do {
        return try ReceiptTime.londonDate(from: text)
    } catch {
        throw Failure.usage("\(option): \(error)")
    }
}

/// The calendars built from the bank holiday data compiled into the binary.
func shippedCalendars() throws -> Calendars {
    do {
        return Calendars(holidays: try HolidaySet(govUKJSON: Seeds.bankHolidaysJSON))
    } catch {
        throw Failure.refused("\(error)")
    }
}

/// Reads a whole file, or standard input for `-`.
func readInput(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw Failure.refused("cannot read '\(path)': no such file, or it is not readable")
    }
    return data
}

extension JSONEncoder {
    /// The encoder of every JSON output: stable key order, readable, ISO dates (CivilDate encodes itself).
    static let output: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
