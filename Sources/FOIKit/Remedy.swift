/// What to do instead of a refused step, as data. FOIKit words it plainly (`description`); the command line, a
/// letter or a web page each word it their own way, e.g. as the command to type.
public enum Remedy: Hashable, Sendable, CustomStringConvertible {
    /// A review follows the response.
    case recordResponse
    /// FOIA and SAR: a review follows the response; the ICO takes a complaint about a failure to respond directly.
    case recordResponseOrComplaint
    /// A complaint that ends without a decision notice (resolved, withdrawn, declined; SAR: concluded).
    case closeComplaint
    /// Two appeals are under way: name the one meant.
    case nameAppeal
    /// The regime's own outcome for the refusal.
    case useOutcome(Outcome)
    /// s.17(6) names the earlier case whose notice warned.
    case giveEarlierCase
    case recordClarification
    case recordFeePaymentOrLapse
    case reopen
    case alreadyExtended
    case alreadyOpen
    /// No clarification is awaited.
    case requestClarification
    /// No fee is awaited.
    case issueFeeNotice
    case seeHistory
    case seeCase
    case recordReviewOutcome
    case recordDecisionNotice
    case recordAppealOutcome
    case recordReviewRequest
    case recordComplaint
    case recordSubmissionsDate
    /// Compliance needs a notice that orders steps.
    case recordNoticeWithSteps
    /// An appeal needs a decision notice.
    case recordNoticeToAppeal
    case recordAppeal
    case listExemptions(Regime)
    /// The citation exists under the sibling regime: say which part of the request it belongs to.
    case givePart
    case dropNeitherConfirmNorDeny
    case givePublicInterest
    case applyExemptions
    /// Record the qualified person's opinion (FOIA s.36) before the response relying on it.
    case recordQualifiedPersonOpinion
    case dropDeclineLate
    case dropSteps
    case giveReviewExtensionReason
    case givePublicInterestDays
    case dropExtensionDays
    /// Record an extension given after its time as late: it is kept, and extends nothing.
    case recordExtensionLate
    /// A review of a failure to respond is procedural: the failure is admitted, and the response gives the decision.
    case recordProcedural
    case dropLate
    case useRegimeExtension
    case giveClarificationRequestDate
    case giveFeeNoticeDate
    /// Environmental information is refused as manifestly unreasonable (EIR reg 12(4)(b), EIR(S) reg 10(4)(b)):
    /// the exception, then a response that withholds.
    case applyManifestlyUnreasonable(citation: String)

    public var description: String {
        switch self {
        case .recordResponse: "a review follows the response: record the response first"
        case .recordResponseOrComplaint: "record the response first, or the complaint to the ICO"
        case .closeComplaint: "record how the complaint ended instead"
        case .nameAppeal: "give the appeal's reference"
        case .useOutcome(let outcome): "record the response as \(outcome.label)"
        case .giveEarlierCase: "give the earlier case's reference"
        case .recordClarification: "record the clarification first, or withdraw the case"
        case .recordFeePaymentOrLapse: "record the payment first, or that the fee lapsed"
        case .reopen: "reopen it first"
        case .alreadyExtended: "the deadline is already extended"
        case .alreadyOpen: "it is already open"
        case .requestClarification: "no clarification is awaited; request it first"
        case .issueFeeNotice: "no fee is awaited; issue a fees notice first"
        case .seeHistory: "see the case's history"
        case .seeCase: "see the case"
        case .recordReviewOutcome, .recordAppealOutcome: "record its outcome first"
        case .recordDecisionNotice, .recordNoticeToAppeal: "record the decision notice first"
        case .recordReviewRequest: "record the request first"
        case .recordComplaint: "record the complaint first"
        case .recordSubmissionsDate: "record its date first"
        case .recordNoticeWithSteps: "record the notice first"
        case .recordAppeal: "record the appeal first"
        case .listExemptions(let regime): "see the exemptions of \(regime.shortName)"
        case .givePart: "say which part of the request it belongs to"
        case .dropNeitherConfirmNorDeny: "apply it without neither confirming nor denying"
        case .givePublicInterest: "record the public interest conclusion (maintain or disclose)"
        case .recordQualifiedPersonOpinion: "record the qualified person's opinion, dated by the response, first"
        case .applyExemptions: "apply them first"
        case .dropDeclineLate: "record it as an ordinary request for review"
        case .dropSteps: "leave out the steps and the compliance date, or give the outcome upheld or partly-upheld"
        case .giveReviewExtensionReason: "give the reason: the Code allows more time only where it is needed"
        case .givePublicInterestDays: "give its further working days"
        case .dropExtensionDays: "leave out the working days"
        case .recordExtensionLate:
            "record it as given late, if it was sent: it is kept in the history and the request stays due, and "
                + "counts late, by the unextended date"
        case .dropLate: "record it as an ordinary extension"
        case .recordProcedural:
            "record the response the review reached, then the review's outcome as procedural (the failure admitted)"
        case .useRegimeExtension: "use the regime's own extension instead"
        case .giveClarificationRequestDate: "give that date too"
        case .giveFeeNoticeDate: "give the date of its fees notice"
        case .applyManifestlyUnreasonable(let citation):
            "apply reg \(citation) (manifestly unreasonable: a qualified exception, with its public interest "
                + "conclusion), then record the response as withheld in full"
        }
    }
}
