import ArgumentParser
import FOIKit
import FOIStore
import FOIViews

/// `foi log`: a new request arrives.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a new request and show its due date.",
        discussion: """
            The reference is generated from the reference-pattern setting (default FOI-{YYYY}-{SEQ:6}, a yearly \
            sequence) unless --ref gives the case its own (an imported case). The requester's details are kept apart \
            from the case history so that they can be anonymised.

            --period sets a response period of the request's own: public-records (FOIA, transferred public records \
            not designated open: 30 working days, SI 2004/3364 reg 4), keeper (FOISA, records transferred to the \
            Keeper of the Records of Scotland: 30 working days, s.10(2), and 30 for a review, s.21(2)), or \
            ico-specified with --period-days N (FOIA, the day the ICO specifies: 21 to 60 working days, SI 2004/3364 \
            regs 5-6). The schools rule needs the school's calendar: use 'foi deadline --non-school-days'.
            """
    )

    @Option(help: ArgumentHelp("What is asked for, in a line.", valueName: "text"))
    var subject: String

    @Option(
        help: ArgumentHelp(
            "When it was received: YYYY-MM-DD or a timestamp with a zone (converted to the London date). "
                + "Default: today.", valueName: "date"))
    var received: DateOrTimestamp?

    @Option(help: "The regime it is handled under.")
    var regime: Regime = .foia

    @Option(help: "How it arrived.")
    var channel: Channel = .email

    @Option(help: ArgumentHelp("The requester's name.", valueName: "name"))
    var requester: String?

    @Option(help: ArgumentHelp("The requester's email address.", valueName: "address"))
    var email: String?

    @Option(help: ArgumentHelp("The requester's postal address.", valueName: "address"))
    var address: String?

    @Option(
        help: ArgumentHelp("The case's own reference, e.g. 01.FOI.23.028767 (default: generated).", valueName: "ref"))
    var ref: String?

    @Option(help: "A response period of the request's own: public-records, keeper or ico-specified.")
    var period: PeriodName?

    @Option(help: ArgumentHelp("With --period ico-specified: the working days the ICO specified.", valueName: "n"))
    var periodDays: Int?

    enum PeriodName: String, CaseIterable, ExpressibleByArgument {
        case publicRecords = "public-records"
        case keeper
        case icoSpecified = "ico-specified"
    }

    /// The period as FOIKit has it, once `validate` has checked the options.
    var requestPeriod: RequestPeriod? {
        switch period {
        case nil: nil
        case .publicRecords: .publicRecords
        case .keeper: .keeper
        case .icoSpecified: periodDays.map { .icoSpecified(workingDays: $0) }
        }
    }

    @Option(help: "Day 0 for a request received on a non-working day (default: the receipt-convention setting).")
    var receiptConvention: ReceiptConvention?

    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @OptionGroup var store: StoreOptions

    func validate() throws {
        try Check.nonBlank([
            (subject, "--subject"), (ref, "--ref"), (requester, "--requester"), (email, "--email"),
            (address, "--address"),
        ])
        if let ref, ref.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ValidationError("--ref cannot contain control characters (a line break, a tab, an escape)")
        }
        if (period == .icoSpecified) != (periodDays != nil) {
            throw ValidationError("--period ico-specified and --period-days go together")
        }
        let specified = RequestPeriod.specifiedWorkingDays
        if let periodDays, !specified.contains(periodDays) {
            throw ValidationError(
                "--period-days must be from \(specified.lowerBound) to \(specified.upperBound): the ICO may specify up "
                    + "to the 60th working day (FOIA s.10(5))")
        }
        if let requestPeriod, requestPeriod.regime != regime {
            throw ValidationError(
                "--period \(requestPeriod.name) is a \(requestPeriod.regime.shortName) period; this request is "
                    + "\(regime.shortName)")
        }
        if (email != nil || address != nil) && requester == nil {
            throw ValidationError("give the requester's name (--requester) with their contact details")
        }
    }

    func run() throws {
        let today = store.todayDate
        let caseStore = try store.open(.create)
        let convention =
            try receiptConvention
            ?? perform { ReceiptConvention(rawValue: try caseStore.setting(.receiptConvention)) ?? .statutory }
        let receipt = Receipt(
            regime: regime, subject: subject, channel: channel, convention: convention, timestamp: received?.timestamp,
            period: requestPeriod)
        let new = NewCase(
            reference: ref.map(CaseReference.init(rawValue:)), received: received?.date ?? today, receipt: receipt,
            requester: requester.map { Requester(name: $0, email: email, address: address) })
        try perform {
            let summary = try caseStore.log(new, actor: store.actorName, today: today)
            return try CaseView.render([summary], calendars: caseStore.calendars, today: today, format: format)
        }.flush()
    }
}
