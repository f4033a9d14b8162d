import FOIKit
import FOIResources

/// The calendars built from the shipped `seeds/uk-bank-holidays.json`, as the tool builds them.
let shipped: Calendars = {
    let holidays = try! HolidaySet(govUKJSON: Seeds.bankHolidaysJSON)
    return Calendars(holidays: holidays)
}()

/// A date from its ISO form; a typo in a test is a test bug, so it traps.
func d(_ iso: String) -> CivilDate {
    try! CivilDate(iso: iso)
}

/// The due date of the response clock for the given input.
func due(_ input: ResponseClockInput) throws -> CivilDate? {
    try ResponseClock.deadline(for: input, calendars: shipped).due
}
