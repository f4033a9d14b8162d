import FOIKit
import FOIStore
import Foundation

/// An optional JSON field that is always present, `null` when absent: scripts can rely on every documented key.
// swift-format-ignore: UseSynthesizedInitializer
@propertyWrapper
struct NullWhenAbsent<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    // Written out: without it, an enclosing type's memberwise init would take a `NullWhenAbsent`, not the value.
    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

/// The JSON object of a case in `list`, `board` and `show` (documented in the README).
struct CaseJSON: Encodable {
    var ref: String
    var regime: Regime
    var status: CaseStatus
    var stage: CaseStage
    var statusSince: CivilDate
    var received: CivilDate
    @NullWhenAbsent var due: CivilDate?
    @NullWhenAbsent var extendedFrom: CivilDate?
    @NullWhenAbsent var workingDaysLeft: Int?
    var provisional: Bool
    var subject: String
    var channel: Channel
    var exemptions: [ExemptionJSON]
    @NullWhenAbsent var outcome: Outcome?
    @NullWhenAbsent var respondedOn: CivilDate?

    struct ExemptionJSON: Encodable {
        var citation: String
        var part: Regime
        var ncnd: Bool
        @NullWhenAbsent var publicInterest: PublicInterestConclusion?
    }

    init(_ summary: CaseSummary, workingDaysLeft: Int?) {
        ref = summary.ref.rawValue
        regime = summary.regime
        status = summary.status
        stage = summary.stage
        statusSince = summary.statusSince
        received = summary.received
        due = summary.due
        extendedFrom = summary.extendedFrom
        self.workingDaysLeft = workingDaysLeft
        provisional = summary.provisional
        subject = summary.subject
        channel = summary.channel
        exemptions = summary.exemptions.map {
            ExemptionJSON(
                citation: $0.citation, part: $0.part, ncnd: $0.neitherConfirmNorDeny, publicInterest: $0.publicInterest)
        }
        outcome = summary.outcome
        respondedOn = summary.respondedOn
    }
}

/// Renders cases as an aligned table, JSON or CSV.
enum CaseOutput {
    static let columns = ["ref", "regime", "status", "received", "due", "left", "exemptions", "outcome", "subject"]

    static func row(_ json: CaseJSON) -> [String] {
        [
            json.ref, json.regime.rawValue, json.status.rawValue, json.received.description,
            json.due.map { "\($0.longDescription)\(json.provisional ? " (provisional)" : "")" } ?? "-",
            json.workingDaysLeft.map { $0 < 0 ? "\(-$0) late" : "\($0)" } ?? "-",
            json.exemptions.map { "\($0.citation)\($0.ncnd ? " NCND" : "")" }.joined(separator: "; "),
            json.outcome?.rawValue ?? "", json.subject,
        ]
    }

    static func csvRow(_ json: CaseJSON) -> [String] {
        [
            json.ref, json.regime.rawValue, json.status.rawValue, json.received.description,
            json.due?.description ?? "",
            json.workingDaysLeft.map(String.init) ?? "", json.exemptions.map(\.citation).joined(separator: ";"),
            json.outcome?.rawValue ?? "", json.subject,
        ]
    }

    /// Prints `summaries` with working days left computed for open cases.
    static func printCases(_ summaries: [CaseSummary], store: CaseStore, today: CivilDate, format: OutputFormat) throws
    {
        let objects = try summaries.map { summary in
            CaseJSON(
                summary,
                workingDaysLeft: summary.status.isOpen
                    ? try perform { try store.workingDaysLeft(summary, today: today) } : nil)
        }
        var output = OutputBuffer()
        switch format {
        case .json:
            output.line(String(decoding: try JSONEncoder.output.encode(objects), as: UTF8.self))
        case .csv:
            output.write(CSV.line(columns))
            for object in objects { output.write(CSV.line(csvRow(object))) }
        case .table:
            if objects.isEmpty {
                output.line("No cases.")
            } else {
                output.write(Table.render(header: columns, rows: objects.map(row)))
            }
        }
        output.flush()
    }
}

/// Plain aligned columns for people; the last column is not padded.
enum Table {
    static func render(header: [String], rows: [[String]], maxWidth: Int = 60) -> String {
        let clipped = rows.map { $0.map { $0.count > maxWidth ? String($0.prefix(maxWidth - 1)) + "…" : $0 } }
        var widths = header.map(\.count)
        for row in clipped { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                text += cell
                if index < cells.count - 1 { text += String(repeating: " ", count: widths[index] - cell.count + 2) }
            }
            return text + "\n"
        }
        return line(header.map { $0.uppercased() }) + clipped.map(line).joined()
    }
}
