import CSQLite
import Foundation

/// One connection to one SQLite file.
///
/// Concurrency: a `Database` is deliberately not `Sendable`. The CLI runs one command
/// on one thread, and a connection used from one thread at a time needs no locks of our
/// own. Code that wants parallelism opens a second `Database` on the same file: WAL mode
/// lets readers run beside one writer, and `busy_timeout` makes a second writer wait
/// instead of failing at once.
public final class Database {
    /// How long a connection waits for another one's lock before giving up: five minutes.
    public static let busyTimeoutMilliseconds = 300_000
    /// The page size of files this library creates (see `init`).
    public static let pageSize = 16_384

    /// The file path as given (`:memory:` for a private in-memory database).
    public let path: String
    let handle: OpaquePointer
    /// Depth of nested `transaction` calls; the outermost is BEGIN/COMMIT, inner ones are
    /// savepoints (see Database+Transaction.swift).
    var transactionDepth = 0

    /// Opens the file, creating it if missing, and brings its schema up to date by
    /// applying `migrations` that have not yet run (see Schema.swift).
    public init(path: String, migrations: [Migration] = Schema.migrations) throws {
        _ = Database.configureOnce
        var connection: OpaquePointer?
        // NOMUTEX: a connection is used from one thread at a time (see above), so SQLite's
        // own per-call connection lock is pure cost — and an import makes two dozen calls
        // per row.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &connection, flags, nil)
        guard rc == SQLITE_OK, let connection else {
            let error = DatabaseError(connection: connection, code: rc, sql: nil)
            sqlite3_close_v2(connection)  // open allocates a handle even when it fails
            throw DatabaseError(code: error.code, message: "cannot open database \(path): \(error.message)")
        }
        self.handle = connection
        self.path = path
        // A second writer waits for the first instead of failing with SQLITE_BUSY. The
        // wait covers a whole import of a large file (100 000 survey respondents took
        // 10–20 s on 2 busy cores; a 5 s wait failed the second of two imports started
        // together: Tests/faults/run.sh), and still ends if a lock is never released.
        sqlite3_busy_timeout(connection, Int32(Database.busyTimeoutMilliseconds))
        // Foreign keys are off by default in SQLite, and `imports undo` relies on
        // ON DELETE CASCADE. This pragma is a no-op inside a transaction, so it goes first.
        try execute("PRAGMA foreign_keys = ON")
        // 16 KiB pages for a new file (SQLite's default is 4 KiB): a case row is about
        // 200 bytes, so a large import writes a quarter as many pages — WAL writes each
        // page twice — and seeks through a shallower B-tree; it cut the inserting
        // thread's time by a fifth (Benchmarks/cases-import/README.md). The setting
        // only takes where no page has been written yet; older files keep theirs.
        try execute("PRAGMA page_size = \(Database.pageSize)")
        // WAL: readers do not block the writer, and a crash mid-write leaves the last
        // committed state. synchronous=NORMAL is durable enough in WAL mode (a power cut
        // can lose the last commit, never corrupt the file) and much faster for imports.
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try migrate(migrations)
    }

    /// Process-wide SQLite settings, applied before the first connection opens.
    private static let configureOnce: Void = {
        _ = csqlite_disable_memory_statistics()
    }()

    deinit {
        // close_v2 defers the close until every statement is finalized; statements
        // hold a reference to the Database, so in practice there are none left here.
        sqlite3_close_v2(handle)
    }

    /// Runs SQL. Without arguments the text may hold several statements (a migration,
    /// a script); with arguments it must be exactly one statement.
    public func execute(_ sql: String, _ arguments: (any DatabaseValueConvertible)?...) throws {
        if arguments.isEmpty {
            var message: UnsafeMutablePointer<CChar>?
            let rc = sqlite3_exec(handle, sql, nil, nil, &message)
            if rc != SQLITE_OK {
                let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
                sqlite3_free(message)
                throw DatabaseError(code: rc & 0xFF, extendedCode: sqlite3_extended_errcode(handle),
                                    message: text, sql: sql)
            }
            return
        }
        let statement = try prepare(sql)
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// Prepares one statement for repeated use.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// All rows of a query, copied out.
    public func query(_ sql: String, _ arguments: (any DatabaseValueConvertible)?...) throws -> [Row] {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        return try statement.rows()
    }

    /// The first row of a query, or nil when it has none.
    public func queryFirst(_ sql: String, _ arguments: (any DatabaseValueConvertible)?...) throws -> Row? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        return try statement.step() ? statement.row() : nil
    }

    /// The first column of the first row (`SELECT count(*) …`), or NULL when there is no row.
    public func scalar(_ sql: String, _ arguments: (any DatabaseValueConvertible)?...) throws -> DatabaseValue {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        return try statement.step() ? statement.value(at: 0) : .null
    }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertedRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }

    /// Rows changed by the last INSERT, UPDATE or DELETE (not counting cascades).
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The schema version recorded in the file (`PRAGMA user_version`).
    public var userVersion: Int {
        get throws { try scalar("PRAGMA user_version").int ?? 0 }
    }
}
