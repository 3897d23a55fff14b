import Foundation
import Store
import Testing

/// What `Database.init` does with the file before and around the schema: the
/// application id, files that are not piloteval's, read-only opening, permissions and
/// secure delete (docs/storage.md, "Which files piloteval opens").
@Suite("Database file")
struct DatabaseFileTests {
    // MARK: Helpers

    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// A SQLite file written without piloteval's checks: `body` runs on a private
    /// in-memory database (no migrations, so nothing of piloteval's in it), which is
    /// then copied to `path`.
    static func makeFile(_ path: String, _ body: (Database) throws -> Void) throws {
        let memory = try Database(path: ":memory:", migrations: [])
        try body(memory)
        try memory.execute("VACUUM INTO '\(path)'")
    }

    /// Expects opening `path` (writable and read-only) to be refused for `reason`, with
    /// a message naming the path and containing `says`, and the file left as it was.
    static func expectRefused(_ path: String, _ reason: DatabaseError.Refusal, says: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try bytes(path)
        for readOnly in [false, true] {
            let error = try #require(throws: DatabaseError.self, sourceLocation: sourceLocation) {
                _ = try Database(path: path, readOnly: readOnly)
            }
            #expect(error.refusal == reason, "readOnly \(readOnly): \(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains(path), "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains(says), "\(error)", sourceLocation: sourceLocation)
        }
        #expect(try bytes(path) == before, "the file changed", sourceLocation: sourceLocation)
        // A read-only connection may leave an empty -wal behind; never one with content.
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0, "a -wal with \(wal) bytes", sourceLocation: sourceLocation)
    }

    // MARK: Application id

    @Test func newFileIsMarkedWithTheApplicationID() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("new.db").path
            do {
                let db = try Database(path: path)
                #expect(try db.scalar("PRAGMA application_id").int == 1_349_076_342)
            }
            // In the file header, bytes 68-71, big-endian: "PiEv".
            let header = try Self.bytes(path).prefix(100)
            #expect(String(decoding: header[68..<72], as: UTF8.self) == "PiEv")
            #expect(Database.applicationID == 0x5069_4576)
        }
    }

    @Test func fileOfAnotherProgramIsRefusedUntouched() throws {
        try withTemporaryDirectory { dir in
            // Tables, but no application id and no schema version: someone's own file.
            let plain = dir.appendingPathComponent("notes.db").path
            try Self.makeFile(plain) { db in
                try db.execute("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hej')")
            }
            try Self.expectRefused(plain, .notPiloteval, says: "is not a piloteval database")
            // Another application id and a schema version of its own.
            let other = dir.appendingPathComponent("other.db").path
            try Self.makeFile(other) { db in
                try db.execute("PRAGMA application_id = 42; PRAGMA user_version = 3; CREATE TABLE t (x)")
            }
            try Self.expectRefused(other, .notPiloteval, says: "application id is 0x2A")
            // A schema version but no tables is no piloteval file either.
            let versionOnly = dir.appendingPathComponent("version-only.db").path
            try Self.makeFile(versionOnly) { db in try db.execute("PRAGMA user_version = 2") }
            try Self.expectRefused(versionOnly, .notPiloteval, says: "no tables")
            // A table called `documents` that is not ours does not pass for piloteval's.
            let lookalike = dir.appendingPathComponent("lookalike.db").path
            try Self.makeFile(lookalike) { db in
                try db.execute("PRAGMA user_version = 1; CREATE TABLE documents (title TEXT)")
            }
            try Self.expectRefused(lookalike, .notPiloteval, says: "is not a piloteval database")
        }
    }

    /// Files made before the mark have application id 0 and piloteval's tables: they
    /// open as before, a writable open marks them, a read-only one leaves them be.
    @Test func unmarkedPilotevalFilesAreAcceptedAndMarked() throws {
        try withTemporaryDirectory { dir in
            let current = dir.appendingPathComponent("current.db").path
            do {
                let db = try Database(path: current)
                try db.execute("INSERT INTO imports (kind, file_name, file_sha256, started_at, status) VALUES ('measures', 'm.csv', 'h', 't', 'complete')")
                try db.execute("PRAGMA application_id = 0")
            }
            do {
                let reader = try Database(path: current, readOnly: true)
                #expect(try reader.scalar("PRAGMA application_id").int == 0)
                #expect(try reader.scalar("SELECT count(*) FROM imports").int == 1)
            }
            do {
                let db = try Database(path: current)
                #expect(try db.scalar("PRAGMA application_id").int == Int(Database.applicationID))
                #expect(try db.scalar("SELECT count(*) FROM imports").int == 1)
            }
            // An older schema without the mark: marked, then migrated.
            let old = dir.appendingPathComponent("old.db").path
            do {
                let db = try Database(path: old, migrations: Array(Schema.migrations.prefix(3)))
                try db.execute("PRAGMA application_id = 0")
            }
            let db = try Database(path: old)
            #expect(try db.scalar("PRAGMA application_id").int == Int(Database.applicationID))
            #expect(try db.userVersion == Schema.migrations.count)
        }
    }

    // MARK: Schema versions

    @Test func negativeOrUnknownSchemaVersionIsRefusedNotACrash() throws {
        try withTemporaryDirectory { dir in
            for (name, version, mark) in [("negative.db", -1, true), ("negative-unmarked.db", -7, false)] {
                let path = dir.appendingPathComponent(name).path
                do {
                    let db = try Database(path: path)
                    try db.execute("PRAGMA user_version = \(version)")
                    if !mark { try db.execute("PRAGMA application_id = 0") }
                }
                try Self.expectRefused(path, .invalidSchemaVersion, says: "schema version \(version)")
            }
            let newer = dir.appendingPathComponent("newer.db").path
            do {
                let db = try Database(path: newer)
                try db.execute("PRAGMA user_version = \(Schema.migrations.count + 1)")
            }
            try Self.expectRefused(newer, .newerSchema, says: "newer than this piloteval knows")
        }
    }

    // MARK: Damaged files, and paths that are not files

    @Test func damagedFilesAreRefusedNamingTheFile() throws {
        try withTemporaryDirectory { dir in
            let good = dir.appendingPathComponent("good.db").path
            do {
                let db = try Database(path: good)
                try db.execute("CREATE TABLE t (x TEXT)")
                for i in 0..<2000 { try db.execute("INSERT INTO t VALUES (?)", "row \(i) " + String(repeating: "x", count: 100)) }
            }
            let data = try Self.bytes(good)
            var generator = SystemRandomNumberGenerator()
            let damaged: [(String, Data)] = [
                ("random.db", Data((0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) })),
                ("text.db", Data("indicator;period;value\nI1;2022;5\n".utf8)),
                ("header-only.db", data.prefix(50)),
                ("half.db", data.prefix(data.count / 2)),
                ("first-page.db", data.prefix(Database.pageSize)),
            ]
            for (name, content) in damaged {
                let path = dir.appendingPathComponent(name).path
                try content.write(to: URL(fileURLWithPath: path))
                try Self.expectRefused(path, .damaged, says: "is damaged or is not a database")
            }
        }
    }

    /// Damage that only shows when a query reaches it: the error names the database,
    /// so a caller's message cannot be read as one about the file being imported.
    @Test func damageFoundByAQueryNamesTheDatabase() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("t.db").path
            do {
                let db = try Database(path: path)
                try db.execute("CREATE TABLE t (x TEXT)")
                try db.transaction {
                    for i in 0..<3000 { try db.execute("INSERT INTO t VALUES (?)", "row \(i) " + String(repeating: "x", count: 100)) }
                }
            }
            // Overwrite the last pages, which hold t's rows, with garbage.
            var data = try Self.bytes(path)
            let start = data.count - 4 * Database.pageSize
            data.replaceSubrange(start..<data.count, with: Data(repeating: 0xA5, count: 4 * Database.pageSize))
            try data.write(to: URL(fileURLWithPath: path))
            let db = try Database(path: path, readOnly: true)
            let error = try #require(throws: DatabaseError.self) { _ = try db.query("SELECT x FROM t") }
            #expect(error.databasePath == path)
            #expect(error.description.contains("the database \(path) is damaged"), "\(error)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func pathsThatAreNotFilesAreRefused() throws {
        try withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("folder").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            let fifo = dir.appendingPathComponent("pipe").path
            #expect(mkfifo(fifo, 0o600) == 0)
            for (path, says) in [(folder, "is a folder"), (fifo, "is a named pipe (FIFO)"), ("/dev/null", "is a device")] {
                for readOnly in [false, true] {
                    let error = try #require(throws: DatabaseError.self) { _ = try Database(path: path, readOnly: readOnly) }
                    #expect(error.refusal == .notAFile)
                    #expect(error.description.contains("\(path) \(says), not a database file"), "\(error)")
                }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        }
    }

    @Test func missingFolderIsNamed() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("nowhere/x.db").path
            let error = try #require(throws: DatabaseError.self) { _ = try Database(path: path) }
            #expect(error.refusal == .inaccessible)
            #expect(error.description.contains("cannot create database \(path): the folder"), "\(error)")
        }
    }

    // MARK: Read-only opening

    @Test func readOnlyOpenNeverCreatesAFile() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("missing.db").path
            let error = try #require(throws: DatabaseError.self) { _ = try Database(path: path, readOnly: true) }
            #expect(error.refusal == .missing)
            #expect(error.description == "no database at \(path)")
            #expect(!FileManager.default.fileExists(atPath: path))
            // An empty file (made by `touch`) has nothing to read either.
            let empty = dir.appendingPathComponent("empty.db").path
            #expect(FileManager.default.createFile(atPath: empty, contents: nil))
            let emptyError = try #require(throws: DatabaseError.self) { _ = try Database(path: empty, readOnly: true) }
            #expect(emptyError.refusal == .empty)
            #expect(try Self.bytes(empty).isEmpty)
        }
    }

    @Test func readOnlyOpenReadsAndWritesNothing() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("r.db").path
            do {
                let db = try Database(path: path)
                try db.execute("INSERT INTO imports (kind, file_name, file_sha256, started_at, status) VALUES ('measures', 'm.csv', 'h', 't', 'complete')")
            }
            let before = try Self.bytes(path)
            let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
            do {
                let db = try Database(path: path, readOnly: true)
                #expect(db.isReadOnly)
                #expect(try db.scalar("SELECT count(*) FROM imports").int == 1)
                #expect(try db.scalar("PRAGMA foreign_keys").int == 1)
                let error = try #require(throws: DatabaseError.self) {
                    try db.execute("DELETE FROM imports")
                }
                #expect(error.description.contains("readonly") || error.description.contains("read-only"), "\(error)")
            }
            #expect(try Self.bytes(path) == before)
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
        }
    }

    /// A read-only open cannot migrate, so a file an older piloteval wrote is refused
    /// with a message that says so, and stays at its version.
    @Test func readOnlyOpenOfAnOlderSchemaIsRefused() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("old.db").path
            _ = try Database(path: path, migrations: Array(Schema.migrations.prefix(5)))
            let error = try #require(throws: DatabaseError.self) { _ = try Database(path: path, readOnly: true) }
            #expect(error.refusal == .olderSchema)
            #expect(error.description.contains("\(path) was last written by an older piloteval (schema version 5"), "\(error)")
            #expect(try Database(path: path, migrations: Array(Schema.migrations.prefix(5)), readOnly: true).userVersion == 5)
            // A writable open brings it up to date; then it reads.
            _ = try Database(path: path)
            #expect(try Database(path: path, readOnly: true).userVersion == Schema.migrations.count)
        }
    }

    /// A read-only connection beside a writer sees its commits (it is an ordinary WAL
    /// reader, not `immutable`).
    @Test func readOnlyConnectionSeesAWritersCommits() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("w.db").path
            let writer = try Database(path: path)
            let reader = try Database(path: path, readOnly: true)
            #expect(!reader.isImmutable)
            #expect(try reader.scalar("SELECT count(*) FROM imports").int == 0)
            try writer.execute("INSERT INTO imports (kind, file_name, file_sha256, started_at, status) VALUES ('measures', 'm.csv', 'h', 't', 'complete')")
            #expect(try reader.scalar("SELECT count(*) FROM imports").int == 1)
        }
    }

    // MARK: Permissions

    /// The file is created 0600 whatever the umask, and SQLite gives its -wal and
    /// -shm the file's mode.
    @Test func newFileAndItsWALAndSHMAreOwnerOnly() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("private.db").path
            let previous = umask(0o022)
            defer { umask(previous) }
            let db = try Database(path: path)
            try db.execute("CREATE TABLE t (x TEXT)")
            try db.transaction {
                for i in 0..<100 { try db.execute("INSERT INTO t VALUES (?)", "row \(i)") }
            }
            for file in [path, path + "-wal", path + "-shm"] {
                #expect(FileManager.default.fileExists(atPath: file), "\(file) missing")
                let mode = try Self.mode(file)
                #expect(mode == 0o600, "\(file): \(String(mode, radix: 8))")
            }
        }
    }

    /// An existing file keeps the permissions its owner gave it.
    @Test func existingFileKeepsItsMode() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("shared.db").path
            _ = try Database(path: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
            _ = try Database(path: path)
            #expect(try Self.mode(path) == 0o640)
        }
    }

    // MARK: Secure delete

    /// Deleted text does not stay behind in the file's free space. The control at the
    /// end shows that the scan would find it: with the pragma off, it does.
    @Test func deletedTextIsScrubbedFromTheFile() throws {
        try withTemporaryDirectory { dir in
            func leavesTrace(secureDelete: Bool?) throws -> Bool {
                let path = dir.appendingPathComponent("scrub-\(UUID().uuidString).db").path
                let marker = "DELETED-\(UUID().uuidString)-KVAR"
                let db = try Database(path: path)
                #expect(try db.scalar("PRAGMA secure_delete").int == 1)
                if let secureDelete { try db.execute("PRAGMA secure_delete = \(secureDelete ? "ON" : "OFF")") }
                try db.execute("CREATE TABLE kept (x TEXT); CREATE TABLE gone (x TEXT)")
                try db.transaction {
                    for i in 0..<50 {
                        try db.execute("INSERT INTO kept VALUES (?)", "kept \(i)")
                        try db.execute("INSERT INTO gone VALUES (?)", "\(marker) \(i)")
                    }
                    // One value larger than a page: it goes to overflow pages.
                    try db.execute("INSERT INTO gone VALUES (?)", String(repeating: marker, count: 2 * Database.pageSize / marker.utf8.count))
                }
                // Into the file first, so the delete has to scrub it there.
                try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                #expect(try Self.bytes(path).range(of: Data(marker.utf8)) != nil)
                // Row by row, as the cascade of `imports undo` deletes.
                try db.execute("DELETE FROM gone WHERE rowid > 0")
                try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                var content = try Self.bytes(path)
                if FileManager.default.fileExists(atPath: path + "-wal") { content += try Self.bytes(path + "-wal") }
                return content.range(of: Data(marker.utf8)) != nil
            }
            let scrubbed = try leavesTrace(secureDelete: nil) == false
            #expect(scrubbed)
            let control = try leavesTrace(secureDelete: false)
            #expect(control, "control: the scan finds text a plain delete leaves")
        }
    }
}
