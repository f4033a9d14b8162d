import FOIKit
import GRDB
import GRDBSQLite

extension CivilDate: DatabaseValueConvertible, StatementColumnConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CivilDate? {
        String.fromDatabaseValue(dbValue).flatMap { try? CivilDate(iso: $0) }
    }

    /// Read straight from the column's text, without a `DatabaseValue` between: a listing reads thousands.
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        guard let text = sqlite3_column_text(sqliteStatement, index) else { return nil }
        let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqliteStatement, index)))
        guard let date = CivilDate(isoBytes: bytes) else { return nil }
        self = date
    }
}

extension Digest: StatementColumnConvertible {
    /// Read straight from the column's hex digits: a verify reads two of every event.
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        guard let text = sqlite3_column_text(sqliteStatement, index) else { return nil }
        self.init(hex: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqliteStatement, index))))
    }
}

extension Digest: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Digest? {
        String.fromDatabaseValue(dbValue).flatMap { Digest(hex: $0) }
    }
}
