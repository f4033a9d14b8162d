import FOIKit
import FOIViews

extension LetterError {
    /// The refusal as one line, naming the command that records each missing part.
    func message(on reference: CaseReference?) -> String {
        let ref = reference?.rawValue ?? "REF"
        switch self {
        case .doesNotFit(let kind, let reason):
            return "cannot write the \(kind.rawValue) letter: \(reason); see 'foi show \(ref)'"
        case .missing(let kind, let gaps):
            return "cannot write the \(kind.rawValue) letter: missing "
                + gaps.map { "\($0) (\($0.fix.commandLine(ref)))" }.joined(separator: "; ")
                + "; or write a draft with the gaps marked (--draft)"
        case .template(let name, let reason):
            return "the letter template '\(name)' cannot be used: \(reason)"
        case .notInWelsh(let kind, let regime):
            return "cannot write the \(kind.rawValue) letter in Welsh: Welsh letters are for requests under FOIA, the "
                + "EIR and UK GDPR, and a request under \(regime.shortName) is answered in English (foi settings "
                + "letter-language en)"
        }
    }
}

extension LetterGap.Fix {
    /// The command that records what is missing.
    func commandLine(_ ref: String) -> String {
        /// What a response records is recorded with it: on an answered case, by reopening it and responding again.
        func respondingAgain(_ options: String) -> String {
            "recorded with the response: foi reopen \(ref) --reason TEXT, then foi respond \(ref) \(options)"
        }
        return switch self {
        case .setting(let field): "foi settings \(field.rawValue) TEXT"
        case .requestText: "foi request \(ref) --file FILE"
        case .reasoning(let citation, _): "foi reason \(ref) --section \(citation) --engaged-file FILE"
        case .publicInterest(let citation, _):
            "foi reason \(ref) --section \(citation) --engaged-file FILE --for-file FILE --against-file FILE "
                + "--balance TEXT"
        case .completion(let citation, _):
            "foi reason \(ref) --section \(citation) --engaged-file FILE --prepared-by NAME --finished-by TEXT"
        case .refusalReasons:
            respondingAgain("--outcome refused-art-12-5 --reasons TEXT")
        case .narrowingAdvice:
            respondingAgain("--outcome withheld-in-full --advice TEXT")
        case .reviewAction:
            "recorded with the review's outcome (foi review \(ref) --outcome OUTCOME --action-file FILE)"
        case .costEstimate:
            respondingAgain("--outcome refused-s12 --estimate-hours H --estimate-basis TEXT --advice TEXT")
        }
    }
}

extension Remedy {
    /// The remedy as the `foi` command or option to use, on the case `reference` (nil: the deadline calculator).
    func commandLine(for reference: CaseReference?) -> String {
        let ref = reference?.rawValue ?? "REF"
        switch self {
        case .recordResponse:
            return "a review follows the response: record the response first (foi respond \(ref) --outcome OUTCOME)"
        case .recordResponseOrComplaint:
            return "record the response first (foi respond \(ref) --outcome OUTCOME), or the complaint to the ICO "
                + "(foi complaint \(ref) --notified DATE --regulator-ref REF)"
        case .closeComplaint:
            return "record how the complaint ended instead (foi complaint \(ref) --closed DATE --ending ENDING)"
        case .nameAppeal: return "give the appeal's reference (--appeal-ref REF)"
        case .useOutcome(let outcome): return "respond with --outcome \(outcome.rawValue)"
        case .giveEarlierCase: return "give the earlier case's reference (--earlier-case REF)"
        case .recordClarification:
            return "record the clarification first (foi clarify \(ref) --received DATE), or withdraw the case"
        case .recordFeePaymentOrLapse:
            return "record the payment first (foi fee \(ref) --paid DATE), or that the fee lapsed "
                + "(foi fee \(ref) --lapsed DATE)"
        case .reopen: return "reopen it first (foi reopen \(ref) --reason TEXT)"
        case .requestClarification:
            return "no clarification is awaited; request it first (foi clarify \(ref) --requested DATE)"
        case .issueFeeNotice: return "no fee is awaited; issue a fees notice first (foi fee \(ref) --notice DATE)"
        case .seeHistory: return "see 'foi history \(ref)'"
        case .seeCase: return "see 'foi show \(ref)'"
        case .recordReviewOutcome: return "record its outcome first (foi review \(ref) --outcome OUTCOME)"
        case .recordDecisionNotice:
            return "record the decision notice first (foi decision-notice \(ref) --notice-ref REF --outcome OUTCOME)"
        case .recordAppealOutcome: return "record its outcome first (foi appeal \(ref) --outcome OUTCOME)"
        case .recordReviewRequest: return "record the request first (foi review \(ref) --requested DATE)"
        case .recordComplaint:
            return "record the complaint first (foi complaint \(ref) --notified DATE --regulator-ref REF)"
        case .recordSubmissionsDate: return "record its date first (foi complaint \(ref) --submissions-due DATE)"
        case .recordNoticeWithSteps:
            return "record the notice first (foi decision-notice \(ref) --notice-ref REF --outcome upheld --steps TEXT)"
        case .recordNoticeToAppeal: return "record the decision notice first (foi decision-notice \(ref) …)"
        case .recordAppeal:
            return "record the appeal first (foi appeal \(ref) --lodged DATE --by WHO --appeal-ref REF)"
        case .listExemptions(let regime): return "see 'foi exemptions --regime \(regime.rawValue)'"
        case .givePart: return "give the part it belongs to with --part"
        case .dropNeitherConfirmNorDeny: return "drop --ncnd"
        case .givePublicInterest: return "record the public interest conclusion (--public-interest maintain|disclose)"
        case .applyExemptions: return "apply them first (foi exempt)"
        case .recordQualifiedPersonOpinion:
            return "record it first (foi approval opinion \(ref) --person WHO --opinion TEXT [--on DATE])"
        case .dropDeclineLate: return "drop --decline-late"
        case .dropSteps: return "drop --steps and --comply-by, or give the outcome upheld or partly-upheld"
        case .giveReviewExtensionReason:
            return "give the reason (--reason TEXT): the Code allows more time only where it is needed"
        case .givePublicInterestDays:
            return reference == nil ? "give its further working days (--extension-days N)" : "give them with --days N"
        case .dropExtensionDays: return "leave out --days"
        case .recordExtensionLate:
            return "if the notice was sent, add --late: it is kept in the history, and the request stays due (and "
                + "counts late) by the unextended date"
        case .dropLate: return "drop --late"
        case .recordProcedural:
            return "record the response the review reached (foi respond \(ref) --outcome OUTCOME), then the review's "
                + "outcome as procedural (foi review \(ref) --outcome procedural)"
        case .useRegimeExtension: return "use the regime's own extension (--extended) instead"
        case .giveClarificationRequestDate: return "give that date too (--clarification-requested)"
        case .giveFeeNoticeDate: return "give its date with --fee-notice"
        case .applyManifestlyUnreasonable(let citation):
            return "apply reg \(citation), manifestly unreasonable (foi exempt \(ref) --section '\(citation)' "
                + "--public-interest maintain), then respond with --outcome withheld-in-full"
        case .alreadyExtended, .alreadyOpen: return description
        }
    }
}

extension StepWarning {
    /// The warning with the option that records a refusal instead of an acceptance.
    var commandLine: String { message(declining: "--decline-late records a refusal instead") }
}

extension StoreError {
    /// The error with where to look or what to type on the command line.
    var commandLine: String {
        switch self {
        case .caseNotFound: "\(self); see 'foi list' for the references"
        case .noDatabase:
            "\(self); give the right one with --db (or $FOI_DB), or start one with 'foi log' or 'foi demo'"
        case .notADatabase: "\(self); give the right one with --db (or $FOI_DB)"
        case .unknownParagraph: "\(self) (see 'foi paragraphs')"
        case .notAHoliday(let date, _): "\(self); see 'foi holidays list --year \(date.year)'"
        case .restoreNeedsNewDatabase: "\(self): give one with --db NEW.sqlite"
        default: description
        }
    }
}
