import CSQLite

/// An error from SQLite, or from the wrapper's own checks, carrying what a user needs to
/// act on it: SQLite's own message and the SQL that was running.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The SQLite result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, …); the extended code
    /// lives in `extendedCode`.
    public let code: Int32
    public let extendedCode: Int32
    public let message: String
    /// The statement being prepared or run, if any.
    public let sql: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    /// Reads the message from the connection right after a failing call, before any
    /// later call can overwrite it.
    init(connection: OpaquePointer?, code: Int32, sql: String?) {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        self.init(code: code & 0xFF, extendedCode: extended, message: message, sql: sql)
    }

    /// What a user can do when the failure comes from the machine rather than the input
    /// (a full disk, a failing write, a lock held too long, a damaged file); nil otherwise.
    /// Every write runs in a transaction, so a failed one leaves the file as it was.
    public var advice: String? {
        switch code {
        case SQLITE_FULL:
            return "the disk is full (or the database reached its size limit); the failed write was rolled back and the database is as it was. Free some space and run the command again"
        case SQLITE_IOERR:
            return "writing to the disk failed (a full disk, a file-size limit, or a failing or network drive); the failed write was rolled back and the database is as it was. Check the disk and run the command again"
        case SQLITE_BUSY, SQLITE_LOCKED:
            return "another program held the database for more than \(Database.busyTimeoutMilliseconds / 60_000) minutes; nothing was written. Run the command again when it has finished"
        case SQLITE_READONLY:
            return "the database file cannot be written (its permissions, or a read-only disk); nothing was written"
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            return "the file is damaged or is not a piloteval database; restore it from a backup (copy the .db file together with its -wal file)"
        default:
            return nil
        }
    }

    public var description: String {
        let name = String(cString: sqlite3_errstr(code))
        var text = "SQLite error \(code) (\(name)): \(message)"
        if let sql { text += " — in: \(sql)" }
        if let advice { text = advice + " [" + text + "]" }
        return text
    }
}
