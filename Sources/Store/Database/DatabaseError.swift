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
    /// The database file the failing connection had open, when known: a damaged file is
    /// named in `advice`, so the message cannot be mistaken for one about the input.
    public let databasePath: String?
    /// Set when `Database.init` refused to open a file (see `Refusal`); `message` then says
    /// why, naming the file, and is all a user needs to read. Nil for SQLite's own errors.
    public let refusal: Refusal?

    /// Why `Database.init` refused a file.
    public enum Refusal: Sendable, Equatable {
        /// A read-only open found no file (it never creates one).
        case missing
        /// The path is a directory, FIFO, device or socket.
        case notAFile
        /// The path cannot be reached, or a new file cannot be created there (a missing
        /// folder, permissions).
        case inaccessible
        /// A SQLite file of another program, or another kind of file altogether.
        case notPiloteval
        /// SQLite could not read the file as a database (random bytes, a truncated file).
        case damaged
        /// `user_version` is negative: no piloteval writes that.
        case invalidSchemaVersion
        /// Written by a newer piloteval (more migrations than this one knows).
        case newerSchema
        /// A read-only open of a file an older piloteval wrote: it needs migrations, which
        /// only a writable open runs.
        case olderSchema
        /// A read-only open of a file nothing has been written to yet.
        case empty
        /// A writable open of a file that cannot be written (permissions, read-only disk).
        case notWritable
    }

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil,
                databasePath: String? = nil, refusal: Refusal? = nil) {
        self.code = code
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
        self.databasePath = databasePath
        self.refusal = refusal
    }

    /// Reads the message from the connection right after a failing call, before any
    /// later call can overwrite it.
    init(connection: OpaquePointer?, code: Int32, sql: String?) {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        self.init(code: code & 0xFF, extendedCode: extended, message: message, sql: sql,
                  databasePath: Self.filename(connection))
    }

    /// The main database's file name, or nil for an in-memory or temporary database.
    static func filename(_ connection: OpaquePointer?) -> String? {
        guard let connection, let name = sqlite3_db_filename(connection, "main") else { return nil }
        let path = String(cString: name)
        return path.isEmpty ? nil : path
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
            let file = databasePath.map { "the database \($0)" } ?? "the database file"
            return "\(file) is damaged or is not a piloteval database; restore it from a backup (copy the .db file together with its -wal file)"
        default:
            return nil
        }
    }

    public var description: String {
        // A refusal's message is written for the user and names the file; SQLite's code
        // and name would only add noise ("SQL logic error" for a file of another program).
        if refusal != nil { return message }
        let name = String(cString: sqlite3_errstr(code))
        var text = "SQLite error \(code) (\(name)): \(message)"
        if let sql { text += " — in: \(sql)" }
        if let advice { text = advice + " [" + text + "]" }
        return text
    }
}
