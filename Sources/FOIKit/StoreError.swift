/// Why a store operation failed, in words that name no front end: each front end adds where to look or what to
/// type (the command line's `StoreError.commandLine`).
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case caseNotFound(CaseReference)
    case duplicateReference(CaseReference)
    /// The database was written by a newer `foi`.
    case newerDatabase(path: String, unknownMigrations: [String])
    case cannotOpen(path: String, reason: String)
    /// What is at the path is not a foi database (an empty file, another program's database).
    case notADatabase(path: String, reason: String)
    /// A new file (a backup, an imported database) could not be written; nothing was left there.
    case cannotWrite(path: String, reason: String)
    /// Another process made a database where an import was building one.
    case databaseAppeared(path: String)
    /// A backup would overwrite a file.
    case backupExists(path: String)
    /// Another process held the write lock for longer than the busy timeout.
    case busy(path: String)
    /// A command that only reads or records steps was given a database that does not exist.
    case noDatabase(path: String)
    case lifecycle(LifecycleError)
    case deadline(DeadlineError)
    case holidayExists(CivilDate, Division)
    /// A paragraph the library does not have.
    case unknownParagraph(String, known: [String])
    /// A day to cancel or move that is not a bank holiday of the division.
    case notAHoliday(CivilDate, Division)
    /// Bank holiday data that is not GOV.UK's bank-holidays.json.
    case badHolidayData(String)
    /// A stored event that cannot be read: the database was changed by something other than foi.
    case unreadableEvent(id: Int64, reason: String)
    /// A projection row that cannot be read: the database was changed by something other than foi.
    case unreadableCase(id: Int64)
    /// A stored setting that is not a value it can take: the database was changed by something other than foi.
    case unreadableSetting(Settings.Key, value: String)
    case alreadyAnonymised(CaseReference, on: CivilDate)
    /// Personal data is kept while anything about the case is under way.
    case notClosed(CaseReference)
    /// A line of an export that cannot be restored.
    case badExport(line: Int, reason: String)
    /// Case number `row` (from 0) of an import cannot happen as its row has it.
    case importRefused(row: Int, reason: String)
    /// An export is restored whole, into a database without cases.
    case restoreNeedsNewDatabase(cases: Int)
    /// A text of the case holds the NUL character, which SQLite's texts end at.
    case textHoldsNUL(CaseReference)
    /// Another step was appended to the case after it was read, twice over: decide again on the case as it now
    /// stands.
    case caseMoved(CaseReference)
    /// Another case took the reference generated for a new one, twice over: generate it again.
    case referenceTaken(CaseReference)
    /// Another change of the bank holidays or of the clock settings was kept after this one was planned, again and
    /// again: plan it again.
    case holidaysChanged
    /// These cases took a step after the last event a change of the holidays was decided with (`lastEvent` is the
    /// last now): decide them again.
    case casesChanged([CaseReference], lastEvent: Int64)
    /// A user of that e-mail address is there already.
    case userExists(String)
    /// No user has that e-mail address.
    case noUser(String)
    /// A team of that name is there already (names are matched without regard to case).
    case teamExists(String)
    /// No team has that name; `known` are the teams there are.
    case noTeam(String, known: [String])
    /// A correction of the requester's details where the case has no requester and no name was given.
    case noRequester(CaseReference)
    /// An answer lists an enclosure whose bytes were not given to keep.
    case enclosureMissing(String)
    /// No document kept beside the case has that name or digest, or two have the name.
    case noEnclosure(CaseReference, named: String, known: [String])

    /// The error lies in data given to foi (a file to read), not in the database or the request.
    public var isBadInput: Bool {
        switch self {
        case .badHolidayData, .badExport, .textHoldsNUL: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .caseNotFound(let ref):
            "no case '\(ref)'"
        case .duplicateReference(let ref):
            "a case '\(ref)' already exists; give another reference, or none to have one generated"
        case .newerDatabase(let path, let unknown):
            "\(path) was written by a newer foi (migrations \(unknown.joined(separator: ", "))); upgrade foi before "
                + "using it"
        case .backupExists(let path):
            "\(path) exists already; give the backup a new file name (a backup never overwrites a file)"
        case .busy(let path):
            "another foi command is writing to \(path) and did not finish in time; nothing was recorded, try again"
        case .noDatabase(let path):
            "there is no case database at \(path)"
        case .cannotOpen(let path, let reason):
            "cannot open the database \(path): \(reason)"
        case .notADatabase(let path, let reason):
            "\(path) is not a foi database: \(reason)"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason); nothing was left there"
        case .databaseAppeared(let path):
            "another foi made a database at \(path) while this import ran; nothing was imported, and that database is "
                + "as it was: run the import again to import into it"
        case .lifecycle(let error):
            error.description
        case .deadline(let error):
            error.description
        case .holidayExists(let date, let division):
            "\(date) is already a bank holiday in \(division.name)"
        case .unknownParagraph(let name, let known):
            "no paragraph '\(name)' in the library; it has \(known.joined(separator: ", "))"
        case .notAHoliday(let date, let division):
            "\(date) is not a bank holiday in \(division.name)"
        case .badHolidayData(let reason):
            reason
        case .unreadableEvent(let id, let reason):
            "event \(id) cannot be read: \(reason); the database was changed outside foi"
        case .unreadableCase(let id):
            "case row \(id) cannot be read; the database was changed outside foi"
        case .unreadableSetting(let key, let value):
            "the setting \(key.rawValue) holds '\(value)', which is not one of its values; the database was changed "
                + "outside foi"
        case .alreadyAnonymised(let reference, let date):
            "\(reference)'s personal data was removed on \(date); nothing was changed"
        case .badExport(let line, let reason):
            "line \(line) of the export: \(reason)"
        case .importRefused(let row, let reason):
            "case \(row + 1) of the import: \(reason)"
        case .restoreNeedsNewDatabase(let cases):
            "the database holds \(cases) case\(cases == 1 ? "" : "s") already; an export is restored whole into a new "
                + "database"
        case .textHoldsNUL(let reference):
            "a text of \(reference) holds a NUL character, which is not text and cannot be stored; nothing was written"
        case .userExists(let email):
            "a user of \(email) exists already; nothing was changed"
        case .noUser(let email):
            "no user has the e-mail address \(email)"
        case .teamExists(let name):
            "a team named \(name) exists already; nothing was changed"
        case .noTeam(let name, let known):
            "no team is named \(name); "
                + (known.isEmpty
                    ? "there are none yet" : "the teams are " + known.joined(separator: ", "))
        case .noEnclosure(let reference, let name, let known):
            "\(reference) has no one enclosure '\(name)'; "
                + (known.isEmpty
                    ? "it has none"
                    : "it has " + known.joined(separator: ", ") + " (give a digest where two share a name)")
        case .enclosureMissing(let name):
            "the enclosure \(name) was not given to keep; nothing was recorded"
        case .noRequester(let reference):
            "\(reference) has no requester to correct; give the requester's name, and nothing was changed"
        case .caseMoved(let reference):
            "another step was recorded on \(reference) at the same moment, twice; nothing was recorded: try again"
        case .referenceTaken(let reference):
            "another case was given the reference \(reference) at the same moment, twice; nothing was recorded: try "
                + "again"
        case .holidaysChanged:
            "another change of the bank holidays or the clock settings was kept at the same moment, again and again; "
                + "nothing was changed: try again"
        case .casesChanged(let references, _):
            "\(references.count) case\(references.count == 1 ? "" : "s") took steps while the change was decided, "
                + "again and again; nothing was changed: try again"
        case .notClosed(let reference):
            "cannot anonymise \(reference): the request, or a review, complaint or appeal about it, is still under "
                + "way and needs its personal data; nothing was changed"
        }
    }
}
