import ArgumentParser
import FOIApp
import FOIKit
import FOIViews

/// `foi log`: a new request arrives.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a new request and show its due date.",
        discussion: """
            The reference is generated from the reference-pattern setting (default FOI-{YYYY}-{SEQ:6}, a yearly \
            sequence) unless --ref gives the case its own (an imported case). The requester's details are kept apart \
            from the case history so that they can be anonymised.

            --period sets a response period of the request's own: public-records (FOIA, transferred public records \
            not designated open: 30 working days, SI 2004/3364 reg 4), keeper (FOISA, records transferred to the \
            Keeper of the Records of Scotland: 30 working days, s.10(2), and 30 for a review, s.21(2)), \
            ico-specified with --period-days N (FOIA, the day the ICO specifies: 21 to 60 working days, SI 2004/3364 \
            regs 5-6), or school with --non-school-days FILE (FOIA, maintained schools and academies: the 20th \
            working day that is a school day, or the 60th working day if earlier, SI 2004/3364 reg 3). The school's \
            closures within a year of the receipt are kept with the case, so that its dates never change with a \
            later calendar.
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

    @Option(help: "A response period of the request's own: public-records, keeper, ico-specified or school.")
    var period: PeriodName?

    @Option(help: ArgumentHelp("With --period ico-specified: the working days the ICO specified.", valueName: "n"))
    var periodDays: Int?

    @Option(
        help: ArgumentHelp(
            "With --period school: a file of the days that are not school days (one YYYY-MM-DD or "
                + "YYYY-MM-DD..YYYY-MM-DD a line; # starts a comment).", valueName: "file"))
    var nonSchoolDays: String?

    enum PeriodName: String, CaseIterable, ExpressibleByArgument {
        case publicRecords = "public-records"
        case keeper
        case icoSpecified = "ico-specified"
        case school

        /// The regime whose regulations set it.
        var regime: Regime { self == .keeper ? .foisa : .foia }
    }

    /// The period as FOIKit has it, once `validate` has checked the options: the school's closures read from the
    /// file, those from the day the request came to a year after it.
    func requestPeriod(received: CivilDate) throws -> RequestPeriod? {
        switch period {
        case nil: return nil
        case .publicRecords: return .publicRecords
        case .keeper: return .keeper
        case .icoSpecified: return periodDays.map { .icoSpecified(workingDays: $0) }
        case .school:
            let horizon = received...received.adding(days: 366)
            let closures = try nonSchoolDays.map { try readNonSchoolDays($0) } ?? []
            return .school(nonSchoolDays: closures.filter(horizon.contains))
        }
    }

    @Option(
        help: ArgumentHelp(
            "The request's full text, from a UTF-8 file or - for standard input (see 'foi request').",
            valueName: "file"))
    var requestFile: String?

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
        try Check.reference(ref, "--ref")
        if (period == .icoSpecified) != (periodDays != nil) {
            throw ValidationError("--period ico-specified and --period-days go together")
        }
        let specified = RequestPeriod.specifiedWorkingDays
        if let periodDays, !specified.contains(periodDays) {
            throw ValidationError(
                "--period-days must be from \(specified.lowerBound) to \(specified.upperBound): the ICO may specify up "
                    + "to the 60th working day (FOIA s.10(5))")
        }
        if (period == .school) != (nonSchoolDays != nil) {
            throw ValidationError("--period school and --non-school-days go together")
        }
        if let period, period.regime != regime {
            throw ValidationError(
                "--period \(period.rawValue) is a \(period.regime.shortName) period; this request is "
                    + "\(regime.shortName)")
        }
        if requestFile == "-" && nonSchoolDays == "-" {
            throw ValidationError("only one of --request-file and --non-school-days can be standard input (-)")
        }
        if (email != nil || address != nil) && requester == nil {
            throw ValidationError("give the requester's name (--requester) with their contact details")
        }
    }

    func run() async throws {
        let today = store.todayDate
        let receivedOn = received?.date ?? today
        // Read before the store opens: a bad file must not leave a new, empty database behind.
        let requestPeriod = try requestPeriod(received: receivedOn)
        let requestText = try requestFile.map { try readText($0) }
        let caseStore = try store.open(.create)
        let receipt = Receipt(
            regime: regime, subject: subject, channel: channel, timestamp: received?.timestamp, period: requestPeriod)
        let new = NewCase(
            reference: ref.map(CaseReference.init(rawValue:)), received: receivedOn, receipt: receipt,
            requester: requester.map { Requester(name: $0, email: email, address: address) }, requestText: requestText)
        let summary = try await perform {
            try await Office(storage: caseStore).log(
                new, receiptConvention: receiptConvention, by: store.identity, today: today)
        }
        guard !CommandHost.handedOver([summary.ref]) else { return }
        try perform { try CaseView.render([summary], calendars: caseStore.calendars, today: today, format: format) }
            .flush()
    }
}
