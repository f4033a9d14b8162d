import FOIKit
import FOITestSupport
import Foundation
import Testing

/// FOIKit is the domain: it speaks of the law and the case, never of the command line, so that a letter or a web
/// page can use its errors and advice as they are.
@Suite struct LayeringTests {
    static let sources = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/FOIKit")

    @Test func foiKitNamesNoCommandAndNoOption() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter {
            $0.hasSuffix(".swift")
        }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let commandOrOption = line.range(of: #"\bfoi [a-z]|(^|[^-])--[a-z]"#, options: .regularExpression)
                #expect(commandOrOption == nil, "\(file):\(number + 1): \(line)")
            }
        }
    }

    @Test func refusalsWordTheirRemedyPlainly() {
        let error = LifecycleError.notAllowed(
            action: "record a response", status: .awaitingFee, since: CivilDate(year: 2026, month: 1, day: 6)!,
            remedy: .recordFeePaymentOrLapse)
        #expect(error.remedy == .recordFeePaymentOrLapse)
        #expect(
            error.description
                == "cannot record a response: the case is awaiting fee since 2026-01-06; record the payment first, or "
                + "that the fee lapsed")
        #expect(
            error.message { _ in "WORDED" }
                == "cannot record a response: the case is awaiting fee since 2026-01-06; WORDED")
    }
}
