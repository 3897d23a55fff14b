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

    public var description: String {
        let name = String(cString: sqlite3_errstr(code))
        if let sql {
            return "SQLite error \(code) (\(name)): \(message) — in: \(sql)"
        }
        return "SQLite error \(code) (\(name)): \(message)"
    }
}
