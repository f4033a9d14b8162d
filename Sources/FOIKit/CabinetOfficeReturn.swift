/// The Cabinet Office's quarterly or annual return of a central government body: the FOIA and EIR requests
/// received in the period as they stood on the as-at date, under the published data file's column names
/// (docs/STATISTICS.md gives each definition and the choices where the published notes are silent). Its identities
/// hold by construction: received = processed + on hold or lapsed + still being processed; received excluding on hold
/// and lapsed = deadline met + permitted extension + late; resolvable = that total - advice and assistance - not held =
/// granted + partially withheld + fully withheld + not yet provided; fully withheld = vexatious + repeated + cost
/// limit + exemption.
public struct CabinetOfficeReturn: Sendable {
    /// The columns in the order of the published file, each with its value (a count, or a percentage to one
    /// decimal place; empty where a percentage has nothing to divide).
    public private(set) var columns: [(name: String, value: String)] = []

    /// The requests of the cohort (received in the period), each the fold of its events dated by `asAt`. For an
    /// annual return, `previousYear` holds the requests received in the year before, as at the same date: their
    /// public interest extensions and reviews still under way when that year ended are the carry-over.
    public init(
        cases: [Case], asAt: CivilDate, calendars: Calendars, catalogue: ExemptionCatalogue,
        previousYear: (cases: [Case], end: CivilDate)? = nil
    ) throws(DeadlineError) {
        var tally = Tally()
        for file in cases where file.regime == .foia || file.regime == .eir {
            try tally.add(file, asAt: asAt, calendars: calendars, catalogue: catalogue)
            try tally.lengths.add(file, asAt: asAt, calendars: calendars)
        }
        columns = tally.columns(catalogue: catalogue)
        if let previousYear {
            var carried = Lengths()
            for file in previousYear.cases where file.regime == .foia || file.regime == .eir {
                try carried.add(file, asAt: asAt, calendars: calendars, underWayOn: previousYear.end)
            }
            columns += carried.columns(prefix: "uncompleted prev year ")
        }
    }

    /// The lengths of public interest extensions and of internal reviews, in working days, in the published bands.
    struct Lengths {
        static let extensionBands = [5, 10, 15, 20, 30, 40, 60, 80, 100]
        static let reviewBands = [10, 20, 40, 60, 80, 100]
        var extended = 0, extensionsCompleted = 0, reviews = 0, reviewsCompleted = 0
        var extensionLengths = [Int](repeating: 0, count: extensionBands.count + 1)
        var reviewLengths = [Int](repeating: 0, count: reviewBands.count + 1)

        /// Counts the case's FOIA public interest extension (s.10(3)) and its reviews; with `underWayOn`, only
        /// those started by that day and not completed by it (the carry-over).
        mutating func add(_ file: Case, asAt: CivilDate, calendars: Calendars, underWayOn: CivilDate? = nil)
            throws(DeadlineError)
        {
            let cutoff = underWayOn ?? asAt
            // Carried over: not completed by the day the previous year ended.
            func underWay(_ completed: CivilDate?) -> Bool {
                underWayOn == nil || completed.map { $0 > cutoff } ?? true
            }
            if file.publicInterestExtension != nil, let extendedOn = file.extendedOn, extendedOn <= cutoff,
                underWay(file.responses.first?.on)
            {
                extended += 1
                // The length is the time taken beyond the 20 working days: from the statutory date to the response.
                if let answered = file.responses.first?.on,
                    let entry = try file.timelinessEntries(calendars: calendars).first(where: { $0.kind == .request })
                {
                    extensionsCompleted += 1
                    let taken = max(
                        0,
                        try calendars.workingDaysLeft(
                            until: answered, regime: file.regime, today: entry.statutoryDue))
                    extensionLengths[Self.band(taken, Self.extensionBands)] += 1
                }
            }
            // A guard rather than a `where` clause: Swift 6.3.1's optimiser crashes (CopyPropagation) on that form
            // over a review's state.
            for review in file.reviews {
                let (requested, decided) = (review.requested, review.decided)
                guard !review.isDeclined, requested <= cutoff, underWay(decided) else { continue }
                reviews += 1
                guard let decided else { continue }
                reviewsCompleted += 1
                let taken = try calendars.workingDaysLeft(until: decided, regime: file.regime, today: requested)
                reviewLengths[Self.band(taken, Self.reviewBands)] += 1
            }
        }

        static func band(_ days: Int, _ bands: [Int]) -> Int { bands.firstIndex { days <= $0 } ?? bands.count }

        static func names(_ bands: [Int], first: String) -> [String] {
            var lower = 1
            return bands.enumerated().map { index, upper in
                defer { lower = upper + 1 }
                return index == 0 ? "\(upper) \(first)" : "\(lower) to \(upper)"
            } + ["More than \(bands.last!)"]
        }

        /// The PIT and IR length columns; `prefix` names the carry-over's.
        func columns(prefix: String = "") -> [(name: String, value: String)] {
            var columns = [
                (name: "PIT \(prefix)Total Requests Extended", value: "\(extended)"),
                (name: "PIT \(prefix)Number Completed", value: "\(extensionsCompleted)"),
            ]
            for (name, count) in zip(Self.names(Self.extensionBands, first: "or Less"), extensionLengths) {
                columns.append((name: "PIT \(prefix)\(name)", value: "\(count)"))
            }
            if !prefix.isEmpty { columns.append((name: "IR \(prefix)Total Reviews", value: "\(reviews)")) }
            columns.append((name: "IR \(prefix)Total Reviews Completed", value: "\(reviewsCompleted)"))
            for (name, count) in zip(Self.names(Self.reviewBands, first: "or less"), reviewLengths) {
                columns.append((name: "IR \(prefix)\(name)", value: "\(count)"))
            }
            return columns
        }
    }

    /// The exemption columns: FOIA `S(22)` … `S(44)` (s.21 has a block of its own), then the EIR exceptions.
    static func exemptionColumns(_ catalogue: ExemptionCatalogue) -> [(key: String, name: String)] {
        let foia = catalogue.exemptions.compactMap { exemption -> (key: String, name: String)? in
            guard exemption.regime == .foia, exemption.section != "21" else { return nil }
            let title = publishedTitles[exemption.section] ?? exemption.title
            return ("foia \(exemption.section)", "S(\(exemption.section)) - \(title)")
        }
        // The published EIR columns start with reg 13 as 3(a), then reg 12(4) and 12(5) as 4(a) to 5(g).
        let environmental = catalogue.exemptions.filter { $0.regime == .eir }
        let eir = (environmental.filter { $0.section == "13" } + environmental.filter { $0.section != "13" })
            .map { exemption -> (key: String, name: String) in
                guard exemption.section != "13" else { return ("eir 13", "3(a) - Exempt personal data") }
                let column = String(exemption.section.dropFirst(3).prefix(1)) + exemption.section.suffix(3)
                let title = publishedTitles[exemption.section] ?? exemption.title
                return ("eir \(exemption.section)", "\(column) - \(title)")
            }
        return foia + eir
    }

    /// The column titles of the published data where they differ from the catalogue's (the Cabinet Office's
    /// `foi-statistics-annual-2024-published-data.csv`).
    static let publishedTitles = [
        "22A": "Research intended for future publication", "32": "Court records, etc",
        "35": "Formulation of Government policy, etc", "37": "Communications with His Majesty, etc and honours",
        "38": "Health and Safety", "39": "Environmental information",
        "12(4)(a)": "Information not held", "12(4)(b)": "Manifestly unreasonable", "12(4)(c)": "Too general",
        "12(4)(d)": "Work in progress / incomplete data", "12(4)(e)": "Internal communications",
        "12(5)(a)": "Adverse effect on international relations, defence, national security, public safety",
        "12(5)(b)": "Adverse effect on course of justice or conduct of enquiries",
        "12(5)(c)": "Adverse effect on intellectual property rights",
        "12(5)(d)": "Impinges on confidentiality of a public authority's work",
        "12(5)(e)": "Impinges on confidentiality of commercial or industrial information",
        "12(5)(f)": "Adverse effect on interests of person who provided the information",
        "12(5)(g)": "Adverse effect on protection of environment to which information relates",
    ]

    private struct Tally {
        var received = 0, processed = 0, onHold = 0, stillProcessing = 0, eir = 0
        var met = 0, extended = 0, late = 0
        var advice = 0, notHeld = 0, granted = 0, partly = 0, fully = 0, notYetProvided = 0
        var vexatious = 0, repeated = 0, cost = 0, exemption = 0
        var byExemption: [String: Int] = [:]
        var exemptionsApplied = 0, requestsWithExemption = 0
        var s21 = 0, s21Partly = 0, s21Fully = 0, s21Met = 0, s21Late = 0
        var reviews = Decisions(), complaints = Decisions()
        var lengths = Lengths()

        mutating func add(_ file: Case, asAt: CivilDate, calendars: Calendars, catalogue: ExemptionCatalogue)
            throws(DeadlineError)
        {
            received += 1
            if file.regime == .eir { eir += 1 }
            let first = file.responses.first
            let waiting: Set<CaseStatus> = [.awaitingClarification, .awaitingFee, .lapsed, .withdrawn, .transferred]
            guard first != nil || !waiting.contains(file.status) else {
                // On hold (waiting on the requester) or lapsed, withdrawn or transferred without a response.
                onHold += 1
                return
            }
            if first != nil { processed += 1 } else { stillProcessing += 1 }
            let entry = try file.timelinessEntries(calendars: calendars).first { $0.kind == .request }
            // An open request not yet past its date counts as on time so far (the published notes are silent).
            let standing: TimelinessStanding =
                entry.map { entry -> TimelinessStanding in
                    switch entry.standing(asAt: asAt) {
                    case .pending: entry.due == entry.statutoryDue ? .inTime : .withinExtension
                    case let standing: standing
                    }
                } ?? .inTime
            switch standing {
            case .inTime: met += 1
            case .withinExtension: extended += 1
            case .late, .pending: late += 1
            }
            reviewFigures(file)
            guard let first else {
                notYetProvided += 1
                return
            }
            let relied = file.exemptionsRelied(atFirstResponse: true)
            switch first.outcome {
            case .adviceOnly: advice += 1
            case .notHeld: notHeld += 1
            case .grantedInFull: granted += 1
            case .partiallyWithheld: partly += 1
            case .withheldInFull, .neitherConfirmNorDeny:
                fully += 1
                exemption += 1
            case .refusedCost:
                fully += 1
                cost += 1
            case .refusedVexatious, .noResponseRequired:
                fully += 1
                vexatious += 1
            case .refusedRepeated:
                fully += 1
                repeated += 1
            case .refusedManifestlyUnfounded:
                fully += 1
                exemption += 1
            }
            // Information reasonably accessible otherwise is advice and assistance, and under FOIA the s.21 its
            // letter cites (audit L12): counted in the s.21 block as fully exempt.
            if first.outcome == .adviceOnly && file.regime == .foia { countSection21(fully: true, standing) }
            // Not held under the EIR is the exception of reg 12(4)(a), the published 4(a) (audit L15).
            let notHeld: Set<String> = first.outcome == .notHeld && file.regime == .eir ? ["eir 12(4)(a)"] : []
            guard
                first.outcome == .partiallyWithheld || first.outcome.citesExemptions
                    || first.outcome == .neitherConfirmNorDeny || !notHeld.isEmpty
            else { return }
            let keys = Set(
                relied.map {
                    let section = catalogue.exemption(citing: $0.citation, in: $0.part)?.section ?? $0.citation
                    return "\($0.part.rawValue) \(section)"
                }
            ).union(notHeld)
            if keys.contains("foia 21") { countSection21(fully: first.outcome != .partiallyWithheld, standing) }
            let others = keys.subtracting(["foia 21"])
            for key in others { byExemption[key, default: 0] += 1 }
            exemptionsApplied += others.count
            if !others.isEmpty { requestsWithExemption += 1 }
        }

        /// One more request in the s.21 block, exempt in full or in part, and its timeliness.
        mutating func countSection21(fully: Bool, _ standing: TimelinessStanding) {
            s21 += 1
            if fully { s21Fully += 1 } else { s21Partly += 1 }
            if standing == .inTime { s21Met += 1 } else if standing == .late { s21Late += 1 }
        }

        mutating func reviewFigures(_ file: Case) {
            for review in file.reviews where !review.isDeclined {
                reviews.add(
                    review.decision.map {
                        switch $0.outcome {
                        case .upheld, .procedural: .upheld
                        case .partiallyUpheld: .inPart
                        case .overturned: .overturned
                        }
                    })
            }
            // Upheld, as for reviews, is the authority's decision: a complaint not upheld upholds it in full.
            for complaint in file.complaints where complaint.regulator == .ico {
                complaints.add(
                    complaint.decisionNotice.map {
                        switch $0.outcome {
                        case .notUpheld: .upheld
                        case .partlyUpheld: .inPart
                        case .upheld: .overturned
                        }
                    })
            }
        }

        /// How the cohort's reviews, or its complaints, were decided: the authority's decision upheld in full, in
        /// part, or overturned.
        struct Decisions {
            enum Verdict { case upheld, inPart, overturned }
            var total = 0, known = 0, upheld = 0, inPart = 0, overturned = 0

            /// One more, decided with `verdict` (nil: not yet decided).
            mutating func add(_ verdict: Verdict?) {
                total += 1
                guard let verdict else { return }
                known += 1
                switch verdict {
                case .upheld: upheld += 1
                case .inPart: inPart += 1
                case .overturned: overturned += 1
                }
            }
        }

        func columns(catalogue: ExemptionCatalogue) -> [(name: String, value: String)] {
            func percent(_ part: Int, _ whole: Int) -> String {
                whole == 0 ? "" : "\((Double(part) * 1000 / Double(whole)).rounded() / 10)"
            }
            let excluding = received - onHold
            let resolvable = excluding - advice - notHeld
            var columns: [(String, String)] = [
                ("Total requests received", "\(received)"), ("Requests Processed", "\(processed)"),
                ("Requests on-hold or lapsed", "\(onHold)"), ("Requests still being processed", "\(stillProcessing)"),
                ("Requests handled under EIRs", "\(eir)"),
                ("Total requests received (excluding on-hold and lapsed)", "\(excluding)"),
                ("20-day deadline met", "\(met)"), ("Permitted extension to 20-day deadline", "\(extended)"),
                ("Late response (i.e. 20-day deadline missed)", "\(late)"),
                ("Percentage of requests meeting 20-day deadline", percent(met, excluding)),
                (
                    "Percentage of requests \"in time\" (i.e. meeting deadline or with permitted extension)",
                    percent(met + extended, excluding)
                ),
                // The published header repeats it here: a row pasted into the template keeps its columns.
                ("Total requests received (excluding on-hold and lapsed)", "\(excluding)"),
                ("Requests where advice and assistance provided", "\(advice)"),
                ("Requests where information not held", "\(notHeld)"),
                ("Total \"resolvable\" requests", "\(resolvable)"), ("Initial Outcome Granted in full", "\(granted)"),
                ("Initial Outcome  Partially withheld", "\(partly)"), ("Initial Outcome  Fully withheld", "\(fully)"),
                ("Initial Outcome Response not yet provided", "\(notYetProvided)"),
                ("Percentage of resolvable requests granted in full", percent(granted, resolvable)),
                ("Percentage of resolvable requests withheld in full", percent(fully, resolvable)),
                ("Fully refused - vexatious", "\(vexatious)"), ("Fully refused - repeated", "\(repeated)"),
                ("Fully refused - cost limit", "\(cost)"), ("Fully refused - exemption", "\(exemption)"),
            ]
            for (key, name) in CabinetOfficeReturn.exemptionColumns(catalogue) {
                columns.append((name, "\(byExemption[key] ?? 0)"))
            }
            columns += [
                ("Total exemptions and exceptions applied", "\(exemptionsApplied)"),
                ("Number of requests where an exemption was claimed", "\(requestsWithExemption)"),
                ("Total Section 21 exemptions used", "\(s21)"), ("S21 Partly Exempt", "\(s21Partly)"),
                ("S21 Fully Exempt", "\(s21Fully)"), ("S21 20-day deadline met", "\(s21Met)"),
                ("S21 Late response (i.e. 20-day deadline missed)", "\(s21Late)"),
                ("S21 Percentage of requests meeting 20-day deadline", percent(s21Met, s21)),
                ("Total Internal Reviews", "\(reviews.total)"),
                ("Internal Reviews with outcome known", "\(reviews.known)"),
                ("IR number upheld in full", "\(reviews.upheld)"), ("IR number upheld in part", "\(reviews.inPart)"),
                ("IR number overturned", "\(reviews.overturned)"),
                ("IR percentage upheld in full", percent(reviews.upheld, reviews.known)),
                ("ICO Total Complaints", "\(complaints.total)"),
                ("ICO Complaints with known outcome", "\(complaints.known)"),
                ("ICO Number upheld in full", "\(complaints.upheld)"),
                ("ICO Number upheld in part", "\(complaints.inPart)"),
                ("ICO Number overturned", "\(complaints.overturned)"),
                ("ICO Percentage upheld in full", percent(complaints.upheld, complaints.known)),
            ]
            return columns.map { (name: $0.0, value: $0.1) } + lengths.columns()
        }
    }
}

extension Case {
    /// The day the response clock was extended (FOIA s.10(3), EIR reg 7), nil without an extension.
    public var extendedOn: CivilDate? {
        standingSteps.last { if case .extended = $0.event { true } else { false } }?.date
    }

    /// The day the request was last acknowledged, nil before it was.
    public var acknowledgedOn: CivilDate? {
        standingSteps.last { if case .acknowledged = $0.event { true } else { false } }?.date
    }

    /// The exemptions relied on: as they stood at the first response, or as they stand now.
    public func exemptionsRelied(atFirstResponse: Bool) -> [ExemptionDecision] {
        let standing = standingSteps.map(\.event)
        guard atFirstResponse,
            let index = standing.firstIndex(where: { if case .responded = $0 { true } else { false } })
        else { return exemptions }
        var relied: [ExemptionDecision] = []
        for event in standing[...index] {
            // As the case applies and withdraws them (`Case.apply`, `Case.withdraw`).
            if case .exemptionApplied(let decision) = event {
                relied.append(decision)
            } else if case .exemptionWithdrawn(let citation, let part) = event,
                let index = relied.firstIndex(where: { $0.citation == citation && $0.part == part })
            {
                relied.remove(at: index)
            }
        }
        return relied
    }
}

/// The performance figures the s.45 Code of Practice (2018, paras 8.5-8.6) asks authorities of over 100 staff to
/// publish, for the FOIA and EIR requests received in the period as they stood on the as-at date (the lines
/// published by authorities that follow the Code most closely; docs/STATISTICS.md). Received = not yet processed +
/// processed + suspended + closed without a response.
public struct SectionFortyFiveReturn: Sendable {
    public private(set) var columns: [(name: String, value: String)] = []

    public init(cases: [Case], asAt: CivilDate, calendars: Calendars) throws(DeadlineError) {
        var counts: [String: Int] = [:]
        func add(_ name: String) { counts[name, default: 0] += 1 }
        let names = Self.lines
        for file in cases where file.regime == .foia || file.regime == .eir {
            add(names[0])
            let first = file.responses.first
            if first != nil {
                add(names[2])
            } else if file.status == .awaitingClarification || file.status == .awaitingFee {
                add(names[3])
            } else if file.status.isOpen {
                add(names[1])
            } else {
                add(names[4])
            }
            switch first?.outcome {
            case .grantedInFull?: add(names[5])
            case .partiallyWithheld?: add(names[6])
            case .notHeld?: add(names[7])
            // The rest refuse: an exemption, s.12, s.14, s.17(6), and s.21 (reasonably accessible elsewhere).
            case .some: add(names[8])
            case nil: break
            }
            let entry = try file.timelinessEntries(calendars: calendars).first { $0.kind == .request }
            if entry?.standing(asAt: asAt) == .late { add(names[9]) }
            if file.publicInterestExtension != nil || file.statutoryExtension { add(names[10]) }
            if file.reviews.contains(where: { !$0.isDeclined }) { add(names[11]) }
            if !file.clarifications.isEmpty { add(names[12]) }
            if !file.fees.isEmpty { add(names[13]) }
        }
        columns = names.map { (name: $0, value: "\(counts[$0] ?? 0)") }
    }

    static let lines = [
        "Requests received", "Received but not yet processed", "Processed in full",
        "Suspended (awaiting clarification or a fee)", "Closed without a response (withdrawn, lapsed or transferred)",
        "Granted in full", "Partially disclosed and partially refused", "Refused in full because not held",
        "Refused in full", "Not provided within the deadline", "Given an extended deadline",
        "Referred for internal review", "Clock stopped for clarification", "Clock paused for a fees notice",
    ]
}
