import ArgumentParser
import FOIKit
import FOIViews
import Foundation

/// `foi settings`.
struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the organisation's settings.",
        discussion: """
            reference-pattern: how generated references look, with {YYYY}, {YY} and {SEQ:n} (a yearly sequence padded \
            to n digits). Default FOI-{YYYY}-{SEQ:6}; the Metropolitan Police style is 01.FOI.{YY}.{SEQ:6}. \
            receipt-convention: statutory (default) or next-working-day, for new cases. clarification-lapse-days: \
            working days to wait for a clarification before the request may be closed (default 60, 1-250; no statute \
            sets it). retention-years: years a closed case keeps its requester's personal data (default 3, 1-100), \
            with another for a regime after a comma, e.g. "3, sar=6" (see 'foi retention'). The authority's profile, \
            which letters print: authority-name, authority-address, foi-contact, foi-email, review-contact, signature, \
            reuse-paragraph (a value of several lines in one argument). authority-type: central-government, \
            other-public-authority or scottish-public-authority, the FOIA s.12 limit a refusal on cost quotes (£600 \
            for Schedule 1 Part I to the Fees Regulations, £450 for the rest). sar-information: what a reply to a \
            subject access request says beside the copy (UK GDPR Art. 15(1)-(2)). templates-dir: a directory of edited \
            letter templates (see 'foi letter templates export'). letterhead-docx: the authority's Word letterhead \
            (.docx or .dotx), whose styles, headers, footers and page setup Word letters take. letter-language: en \
            (default), cy (Welsh) or en+cy (both, the Welsh first), for letters under FOIA, the EIR and UK GDPR. \
            task-days: the working days a contributor task is given by default (5); approval-days: those each \
            approver of a chain of sign-off has (2); web-address: where the team opens foi-server (default \
            http://localhost:8080), for the links in the messages foi sends; require-approval: flagged, or a list \
            of flags (press, legal, ...), whose cases' response letter waits for sign-off ('foi approval').
            """)
    @Argument(help: "The setting to change.") var key: String?
    @Argument(help: "Its new value.") var value: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if key != nil && value == nil { throw ValidationError("give the new value after the setting's name") }
    }

    func run() async throws {
        let caseStore = try store.open(.create)
        if let key, let value {
            let settingKey: Settings.Key
            do { settingKey = try Settings.key(named: key) } catch { throw Failure.usage(error.description) }
            // A templates directory or a letterhead is kept as an absolute path: letters are written from any
            // directory.
            let isPath = settingKey == .templatesDirectory || settingKey == .letterheadDocx
            let stored =
                isPath && !value.isEmpty && !value.hasPrefix("/")
                ? URL(fileURLWithPath: value).standardizedFileURL.path : value
            // A letterhead no letter could be written into is refused now, not at the next letter.
            if settingKey == .letterheadDocx && !value.isEmpty { _ = try readLetterhead(stored) }
            // A directory of templates every letter would fail with is refused now, not at the next letter.
            if settingKey == .templatesDirectory && !value.isEmpty {
                let templates = try LetterTemplates(directory: stored)
                do throws(LetterError) {
                    try LetterTemplateCheck.check(templates.templates)
                } catch {
                    throw Failure.badInput(templates.describe(error))
                }
            }
            try await perform { try await caseStore.setSetting(settingKey, to: stored) }
        }
        for settingKey in Settings.Key.allCases {
            say("\(settingKey.rawValue) = \(try await perform { try await caseStore.setting(settingKey) }.printable)")
        }
    }
}
