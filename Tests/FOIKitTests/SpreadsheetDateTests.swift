import FOIKit
import Testing

/// Dates as spreadsheets write them, read day-first.
@Suite struct SpreadsheetDateTests {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// Every day of 2000-2099 written in each form a tracker uses reads back as itself.
    @Test func everyFormReadsBackTheDay() throws {
        var date = CivilDate(year: 2000, month: 1, day: 1)!
        let last = CivilDate(year: 2099, month: 12, day: 31)!
        while date <= last {
            let (d, m, y) = (date.day, date.month, date.year)
            let name = Self.months[m - 1]
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            for (text, form) in [
                (date.description, SpreadsheetDate.Form.iso), ("\(d)/\(m)/\(y)", .dayFirst),
                ("\(two(d))/\(two(m))/\(two(y % 100))", .dayFirst), ("\(two(d)).\(two(m)).\(y)", .dayFirst),
                ("\(d) \(name) \(y)", .long), (" \(two(d)) \(name.prefix(3)) \(y)", .long),
                ("\(date.weekday.name) \(d)th \(name), \(y)", .long),
            ] {
                let parsed = try SpreadsheetDate.parse(text)
                #expect(parsed.date == date && parsed.form == form, "\(text)")
            }
            date = date.adding(days: 1)
        }
    }

    @Test(arguments: [
        ("12/25/2026", SpreadsheetDateError.monthFirst("12/25/2026")),
        ("31/02/2024", .impossible("31/02/2024")),
        ("2026-02-30", .iso(.impossible("2026-02-30", "February 2026 has 28 days"))),
        ("next Tuesday", .notADate("next Tuesday")), ("5 Smarch 2026", .notADate("5 Smarch 2026")),
        ("Friday 5 Jan", .notADate("Friday 5 Jan")), ("5/1/2026/1", .notADate("5/1/2026/1")),
        ("5/1-2026", .notADate("5/1-2026")), ("", .notADate("")),
    ])
    func whatIsNotADayFirstDate(text: String, error: SpreadsheetDateError) {
        #expect(throws: error) { try SpreadsheetDate.parse(text) }
    }
}
