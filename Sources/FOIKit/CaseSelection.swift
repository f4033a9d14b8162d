/// What a store looks for to find, without replaying every case, the cases a date can concern: the timeliness
/// figures of a period, the clocks a change to the bank holidays can move. The bounds are the law's, kept here so
/// that no store writes them again; a store binds them as its query's values.
public enum CaseSelection {
    /// The steps that can make a request's or a review's last permitted date later than its receipt alone gives: a
    /// clarification received or a fee paid restarts or resumes the clock, an extension or a reopening sets a new
    /// date, a review request starts the review's clock.
    public static let stepsMovingDueDates: [EventKind] = [
        .clarificationReceived, .feePaid, .extended, .reopened, .reviewRequested,
    ]

    /// Calendar days before a date that a request falling due on it with no pause or extension can have been
    /// received: 60 working days (a school's request, a day the ICO specifies) and the holidays between, with room
    /// to spare.
    public static let receiptReach = 120

    /// Calendar days before a date that the step which set it (one of `stepsMovingDueDates`) can lie: FOIA s.10(3)
    /// allows a public interest extension of up to 200 further working days in law, and a year covers it.
    public static let dueDateStepReach = 366

    /// Calendar days before a day that a response can lie with the requester's window to ask for a review still
    /// reaching it: 40 working days (the s.45 Code; EIR reg 11(2)) and FOISA's own lead, with room for holidays.
    public static let reviewWindowReach = 120

    /// The status of a case whose review window can still be running: answered, and nothing after.
    public static let reviewWindowStatus = CaseStatus.responded
}
