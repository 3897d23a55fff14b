import CSQLite
import Foundation

// What `Database.init` checks before it writes anything to a file (docs/storage.md,
// "Which files piloteval opens"): that the path is a regular file, that the file is
// piloteval's, and that its schema version is one this piloteval can work with.

extension Database {
    /// The mark piloteval puts in every database it creates (`PRAGMA application_id`,
    /// bytes 68–71 of the file header): ASCII "PiEv". `file piloteval.db` does not know
    /// it, but `sqlite3 piloteval.db 'PRAGMA application_id'` prints 1349076342.
    public static let applicationID: Int32 = 0x5069_4576

    /// What the first read of a file found: enough to tell a piloteval database from
    /// another program's SQLite file before anything is written to it.
    struct Identity {
        var applicationID: Int
        var userVersion: Int
        /// Tables, indexes, views and triggers, without SQLite's own (`sqlite_sequence`).
        var schemaNames: [String]
        var documentsColumns: Set<String>

        enum Kind: Equatable {
            /// Marked with piloteval's application id.
            case piloteval
            /// Made by a piloteval from before the mark: no application id, but the
            /// tables of the schema version it records. Accepted, and marked on a
            /// writable open.
            case unmarkedPiloteval
            /// Nothing written yet (a new or zero-length file).
            case empty
        }
    }

    /// Reads the header values and the schema. The first read of a connection: SQLite
    /// opens lazily, so this is where a file that is not a database shows.
    func identify() throws -> Identity {
        do {
            let applicationID = try scalar("PRAGMA application_id").int ?? 0
            let userVersion = try scalar("PRAGMA user_version").int ?? 0
            let names = try query("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
                .compactMap { $0.string("name") }
            let columns = try query("SELECT name FROM pragma_table_info('documents')").compactMap { $0.string("name") }
            return Identity(applicationID: applicationID, userVersion: userVersion,
                            schemaNames: names, documentsColumns: Set(columns))
        } catch let error as DatabaseError where error.code == SQLITE_NOTADB || error.code == SQLITE_CORRUPT {
            throw DatabaseError(code: error.code, extendedCode: error.extendedCode,
                                message: "\(path) is damaged or is not a database (SQLite: \(error.message)); nothing was written to it. If it is a piloteval database, restore it from a backup (the .db file together with its -wal file)",
                                databasePath: path, refusal: .damaged)
        }
    }

    /// Decides whether `identity` is a piloteval database this piloteval can open, and
    /// throws a refusal naming the file when it is not.
    func classify(_ identity: Identity, known: Int) throws -> Identity.Kind {
        let ours = Int(Database.applicationID)
        if identity.applicationID != 0 && identity.applicationID != ours {
            throw refusal(.notPiloteval, "\(path) is not a piloteval database: its application id is \(Self.hex(identity.applicationID)), piloteval's is \(Self.hex(ours)) (another program's SQLite file); nothing was written to it")
        }
        if identity.userVersion < 0 {
            throw refusal(.invalidSchemaVersion, "\(path) has schema version \(identity.userVersion) (PRAGMA user_version), which no piloteval writes: it is damaged or is not a piloteval database; nothing was written to it")
        }
        let kind: Identity.Kind
        if identity.applicationID == ours {
            kind = .piloteval
        } else if identity.schemaNames.isEmpty && identity.userVersion == 0 {
            kind = .empty
        } else if identity.userVersion >= 1
                    && identity.documentsColumns.isSuperset(of: ["kind", "id", "version", "sha256", "content", "json"])
                    && (identity.userVersion < 2 || identity.schemaNames.contains("imports")) {
            // Every piloteval file has `documents` from schema 1 and `imports` from 2.
            kind = .unmarkedPiloteval
        } else {
            let found = identity.schemaNames.isEmpty
                ? "it has schema version \(identity.userVersion) but no tables"
                : "it has tables (\(identity.schemaNames.prefix(5).joined(separator: ", "))\(identity.schemaNames.count > 5 ? ", …" : "")) but not piloteval's, and no piloteval application id"
            throw refusal(.notPiloteval, "\(path) is not a piloteval database: \(found) (another program's SQLite file); nothing was written to it")
        }
        if identity.userVersion > known {
            throw refusal(.newerSchema, "\(path) has schema version \(identity.userVersion), newer than this piloteval knows (\(known)); use a newer piloteval")
        }
        return kind
    }

    /// A read-only open: the file must be a piloteval database at exactly the schema
    /// version `migrations` lead to, since nothing here may migrate it.
    func checkReadable(_ identity: Identity, migrations: [Migration]) throws {
        switch try classify(identity, known: migrations.count) {
        case .empty:
            throw refusal(.empty, "\(path) is empty: nothing has been stored in it yet")
        case .piloteval, .unmarkedPiloteval:
            if identity.userVersion < migrations.count {
                throw refusal(.olderSchema, "\(path) was last written by an older piloteval (schema version \(identity.userVersion); this one's is \(migrations.count)), and opening it to read does not update it")
            }
        }
    }

    /// Puts piloteval's application id in the file, in a transaction of its own (for a
    /// file made before the mark; a new file gets it with its first migration).
    func markAsPiloteval() throws {
        try transaction {
            try execute("PRAGMA application_id = \(Database.applicationID)")
        }
    }

    func refusal(_ refusal: DatabaseError.Refusal, _ message: String) -> DatabaseError {
        let code: Int32
        switch refusal {
        case .missing, .notAFile, .inaccessible: code = SQLITE_CANTOPEN
        case .damaged, .notPiloteval, .invalidSchemaVersion: code = SQLITE_NOTADB
        case .notWritable: code = SQLITE_READONLY
        case .newerSchema, .olderSchema, .empty: code = SQLITE_ERROR
        }
        return DatabaseError(code: code, message: message, databasePath: path, refusal: refusal)
    }

    static func hex(_ value: Int) -> String {
        "0x" + String(UInt32(truncatingIfNeeded: value), radix: 16, uppercase: true)
    }

    /// The first read of a read-only connection, with one fallback. SQLite reads a WAL
    /// database through its -shm file, and a read-only connection creates it (and an
    /// empty -wal) when they are missing; in a folder it cannot write to, that fails
    /// (SQLITE_READONLY_DIRECTORY). If no -wal holds changes, no other connection has the
    /// file open for writing — a writer needs that -wal, and the folder is read-only to
    /// it too — so the file alone is the whole database and SQLite may read it as
    /// `immutable=1`: without locks or -shm.
    func identifyReadOnly(_ file: DatabaseFile) throws -> Identity {
        do {
            return try identify()
        } catch let error as DatabaseError where error.refusal == nil && Self.cannotMakeSharedMemory(error) {
            guard file.isOnDisk else { throw error }
            guard !file.walHasContent else {
                throw refusal(.inaccessible, "cannot read \(path): its folder cannot be written, so SQLite cannot create the \(path)-shm it needs to read the recent changes in \(path)-wal (\(error.message)); run a command on it where the folder can be written, or copy the .db and its -wal to such a folder")
            }
            try reconnect(uri: file.immutableURI)
            return try identify()
        }
    }

    /// Failures of a read-only connection that cannot create or lock the -shm/-wal.
    static func cannotMakeSharedMemory(_ error: DatabaseError) -> Bool {
        // Extended codes from sqlite3.h: SQLITE_READONLY | (n << 8).
        let readOnlyRecovery: Int32 = 8 | (1 << 8), readOnlyCantLock: Int32 = 8 | (2 << 8)
        let readOnlyCantInit: Int32 = 8 | (5 << 8), readOnlyDirectory: Int32 = 8 | (6 << 8)
        return error.code == SQLITE_CANTOPEN
            || [readOnlyRecovery, readOnlyCantLock, readOnlyCantInit, readOnlyDirectory].contains(error.extendedCode)
    }
}

/// The path of a database as the file system sees it.
struct DatabaseFile {
    let path: String

    /// False for SQLite's in-memory and temporary databases and for `file:` URIs, which
    /// SQLite resolves itself.
    var isOnDisk: Bool { !(path.isEmpty || path == ":memory:" || path.hasPrefix("file:")) }

    /// Refuses a path that exists but is not a regular file (SQLite would fail on a
    /// folder with "unable to open database file", and block for ever reading a FIFO);
    /// refuses a missing file when not `creating`, and otherwise creates it empty and
    /// owner-only: SQLite then opens it as a new database, and gives the -wal and -shm
    /// it creates beside it the same mode.
    func check(creating: Bool) throws {
        guard isOnDisk else { return }
        var info = stat()
        if stat(path, &info) != 0 {
            let error = errno
            guard error == ENOENT else { throw failure(SQLITE_CANTOPEN, "cannot open database \(path): \(Self.describe(error))", .inaccessible) }
            guard creating else { throw failure(SQLITE_CANTOPEN, "no database at \(path)", .missing) }
            try create()
            return
        }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: kind = "a folder"
        case S_IFIFO: kind = "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: kind = "a device"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a regular file"
        }
        throw failure(SQLITE_CANTOPEN, "\(path) is \(kind), not a database file; give the path of a database file (a new one is created by the first command that writes)", .notAFile)
    }

    private func create() throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let error = errno
            if error == EEXIST { return }  // another process created it meanwhile
            let folder = (path as NSString).deletingLastPathComponent
            let reason = error == ENOENT ? "the folder \(folder.isEmpty ? "." : folder) does not exist" : Self.describe(error)
            throw failure(SQLITE_CANTOPEN, "cannot create database \(path): \(reason)", .inaccessible)
        }
        // Exactly owner read and write, whatever the umask took away.
        fchmod(descriptor, 0o600)
        close(descriptor)
    }

    /// True when a -wal file beside the database holds frames (changes not yet copied
    /// into the file). An empty or missing -wal means the file is the whole database.
    var walHasContent: Bool {
        var info = stat()
        return stat(path + "-wal", &info) == 0 && info.st_size > 0
    }

    /// `file:/absolute/path?immutable=1`, the path percent-encoded so that `?`, `#` and
    /// `%` in a folder name stay part of the name.
    var immutableURI: String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var encoded = ""
        for byte in absolute.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "-"),
                 UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return "file:" + encoded + "?immutable=1"
    }

    private func failure(_ code: Int32, _ message: String, _ refusal: DatabaseError.Refusal? = nil) -> DatabaseError {
        DatabaseError(code: code, message: message, databasePath: path, refusal: refusal)
    }

    private static func describe(_ error: Int32) -> String {
        String(cString: strerror(error))
    }
}
