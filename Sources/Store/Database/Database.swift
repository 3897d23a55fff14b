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
    /// True for a connection opened with `readOnly: true`: it never writes, creates or
    /// migrates anything.
    public let isReadOnly: Bool
    /// True when a read-only open fell back to SQLite's `immutable=1` (a WAL file in a
    /// folder where the -shm cannot be created; see `Database+Open.swift`).
    public private(set) var isImmutable = false
    var handle: OpaquePointer
    /// Depth of nested `transaction` calls; the outermost is BEGIN/COMMIT, inner ones are
    /// savepoints (see Database+Transaction.swift).
    var transactionDepth = 0

    /// Opens the file and brings its schema up to date by applying `migrations` that have
    /// not yet run (see Schema.swift).
    ///
    /// Writable (the default): a missing file is created owner-only (0600; SQLite gives
    /// the -wal and -shm the file's mode), and a new file is marked as piloteval's with
    /// `PRAGMA application_id` (`Database.applicationID`) in the transaction of the first
    /// migration. `readOnly: true`: the file must exist and be a piloteval database at
    /// the schema version `migrations` lead to; nothing is created, migrated or written.
    ///
    /// A file that is not piloteval's (another program's SQLite file, a damaged file, a
    /// directory or device) is refused before anything is written to it: the error has
    /// `refusal` set and a message naming the path (Database+Open.swift).
    public init(path: String, migrations: [Migration] = Schema.migrations, readOnly: Bool = false) throws {
        _ = Database.configureOnce
        let file = DatabaseFile(path: path)
        try file.check(creating: !readOnly)
        self.path = path
        self.isReadOnly = readOnly
        self.handle = try Database.connect(uri: path, readOnly: readOnly)
        // A second writer waits for the first instead of failing with SQLITE_BUSY. The
        // wait covers a whole import of a large file (100 000 survey respondents took
        // 10–20 s on 2 busy cores; a 5 s wait failed the second of two imports started
        // together: Tests/faults/run.sh), and still ends if a lock is never released.
        sqlite3_busy_timeout(handle, Int32(Database.busyTimeoutMilliseconds))
        // Foreign keys are off by default in SQLite, and `imports undo` relies on
        // ON DELETE CASCADE. This pragma is a no-op inside a transaction, so it goes first.
        // It is a setting of the connection, not of the file: read-only connections take it too.
        try execute("PRAGMA foreign_keys = ON")
        if readOnly {
            let identity = try identifyReadOnly(file)
            try checkReadable(identity, migrations: migrations)
            return
        }
        if sqlite3_db_readonly(handle, "main") == 1 {
            throw refusal(.notWritable, "\(path) cannot be written (its permissions, or a read-only disk); commands that only read it still work")
        }
        // 16 KiB pages for a new file (SQLite's default is 4 KiB): a case row is about
        // 200 bytes, so a large import writes a quarter as many pages — WAL writes each
        // page twice — and seeks through a shallower B-tree; it cut the inserting
        // thread's time by a fifth (Benchmarks/cases-import/README.md). The setting
        // only takes where no page has been written yet; older files keep theirs.
        try execute("PRAGMA page_size = \(Database.pageSize)")
        // Before anything below writes to the file (journal_mode = WAL rewrites its
        // header): a file that is not piloteval's is left exactly as it was.
        let identity: Identity
        do {
            identity = try identify()
        } catch let error as DatabaseError where error.refusal == nil && Database.cannotMakeSharedMemory(error) {
            // The file is writable but its folder is not: WAL needs a -wal and -shm beside it.
            throw refusal(.notWritable, "\(path) cannot be written: its folder does not let SQLite create the \(path)-wal and -shm files it writes through (\(error.message)); commands that only read it still work")
        }
        let kind = try classify(identity, known: migrations.count)
        // WAL: readers do not block the writer, and a crash mid-write leaves the last
        // committed state. synchronous=NORMAL is durable enough in WAL mode (a power cut
        // can lose the last commit, never corrupt the file) and much faster for imports.
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        // Deleted rows are overwritten with zeros, not just unlinked: `imports undo` of a
        // file imported by mistake leaves none of its text in the database's free pages.
        try execute("PRAGMA secure_delete = ON")
        if kind == .unmarkedPiloteval { try markAsPiloteval() }
        // A new file is marked in the transaction of its first migration.
        try migrate(migrations, stamp: kind == .empty)
    }

    /// Opens a connection without reading anything (SQLite opens lazily), turning a
    /// failure into an error that names the file.
    static func connect(uri: String, readOnly: Bool) throws -> OpaquePointer {
        var connection: OpaquePointer?
        // NOMUTEX: a connection is used from one thread at a time (see above), so SQLite's
        // own per-call connection lock is pure cost — and an import makes two dozen calls
        // per row.
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(uri, &connection, flags, nil)
        guard rc == SQLITE_OK, let connection else {
            let error = DatabaseError(connection: connection, code: rc, sql: nil)
            sqlite3_close_v2(connection)  // open allocates a handle even when it fails
            throw DatabaseError(code: error.code, extendedCode: error.extendedCode,
                                message: "cannot open database \(uri): \(error.message)", databasePath: uri)
        }
        return connection
    }

    /// Replaces the connection by one opened on `uri` (the immutable fallback).
    func reconnect(uri: String) throws {
        let connection = try Database.connect(uri: uri, readOnly: true)
        sqlite3_close_v2(handle)
        handle = connection
        isImmutable = true
        sqlite3_busy_timeout(handle, Int32(Database.busyTimeoutMilliseconds))
        try execute("PRAGMA foreign_keys = ON")
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
                                    message: text, sql: sql, databasePath: DatabaseError.filename(handle))
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
