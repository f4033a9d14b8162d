import FOIKit
import Testing

/// The bounds a store selects candidate cases by hold for every day the calendars cover: a case they leave out
/// could not have concerned the date.
@Suite struct CaseSelectionTests {
    /// Every day of nine years of published holidays (the Jubilee, the Coronation and the State Funeral among them).
    static let days = (d("2019-01-01").dayNumber...d("2027-12-31").dayNumber).map(CivilDate.init(dayNumber:))

    /// The longest period with no pause or extension, a day the ICO specifies (the 60th working day), falls within
    /// `receiptReach` calendar days of the receipt in every regime of the figures.
    @Test(arguments: Regime.inFOIFigures)
    func aRequestFallsDueWithinTheReceiptReach(regime: Regime) throws {
        for received in Self.days {
            let input = ResponseClockInput(regime: regime, received: received, rule: .icoSpecified(60))
            let due = try #require(try ResponseClock.deadline(for: input, calendars: shipped).due)
            #expect(due.dayNumber - received.dayNumber <= CaseSelection.receiptReach, "\(received) → \(due)")
        }
    }

    /// A public interest extension of 200 further working days beyond the 20, the longest the reach allows for,
    /// ends within `dueDateStepReach` calendar days of the step.
    @Test func anExtensionEndsWithinTheStepReach() throws {
        let calendar = shipped.calendar(.unitedKingdom)
        for step in Self.days {
            let end = try calendar.date(adding: 220, workingDaysTo: step)
            #expect(end.dayNumber - step.dayNumber <= CaseSelection.dueDateStepReach, "\(step) → \(end)")
        }
    }

    /// The window to ask for a review closes within `reviewWindowReach` calendar days of the response: 40 working
    /// days, from the response or (FOISA) the later s.10 deadline, at most 20 working days after receipt.
    @Test(arguments: Regime.inFOIFigures)
    func theReviewWindowClosesWithinItsReach(regime: Regime) throws {
        for responded in Self.days {
            let latestDue = try shipped.calendar(regime.calendarKind).date(adding: 20, workingDaysTo: responded)
            let window = try #require(
                try Clocks.reviewRequestWindow(
                    response: responded, responseDue: latestDue, regime: regime, calendars: shipped))
            #expect(window.due.dayNumber - responded.dayNumber <= CaseSelection.reviewWindowReach, "\(responded)")
        }
    }

    /// Subject access is the one regime outside the FOI figures.
    @Test func subjectAccessIsOutsideTheFigures() {
        #expect(Regime.inFOIFigures == [.foia, .eir, .foisa, .eirs])
    }
}
