import Foundation
import Store
import Testing

@Suite("Database")
struct DatabaseTests {
    @Test func opensCreatesFileInWALModeWithForeignKeys() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("new.db").path
            let db = try Database(path: path)
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(try db.scalar("PRAGMA journal_mode").string == "wal")
            #expect(try db.scalar("PRAGMA foreign_keys").int == 1)
            #expect(try db.scalar("PRAGMA busy_timeout").int == Database.busyTimeoutMilliseconds)
            #expect(try db.userVersion == Schema.migrations.count)
        }
    }

    @Test func statementBindsAndReadsEveryType() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (i INTEGER, d REAL, s TEXT, b BLOB, n TEXT)")
            let insert = try db.prepare("INSERT INTO t VALUES (?, ?, ?, :blob, ?)")
            try insert.bind(42, at: 1)
            try insert.bind(1.5, at: 2)
            try insert.bind("Hässelby–Vällingby", at: 3)
            try insert.bind(Data([0, 1, 2, 255]), named: ":blob")
            try insert.bind(nil, at: 5)
            #expect(try insert.step() == false)
            // Reset clears bindings: the next row must not inherit the old values.
            insert.reset()
            try insert.bind(7, at: 1)
            try insert.step()

            let select = try db.prepare("SELECT i, d, s, b, n FROM t ORDER BY rowid")
            #expect(try select.step())
            #expect(select.int(at: 0) == 42)
            #expect(select.double(at: 1) == 1.5)
            #expect(select.string(at: 2) == "Hässelby–Vällingby")
            #expect(select.data(at: 3) == Data([0, 1, 2, 255]))
            #expect(select.string(at: 4) == nil)
            #expect(select.isNull(at: 4))
            #expect(try select.step())
            #expect(select.int(at: 0) == 7)
            #expect(select.double(at: 1) == nil)
            #expect(try select.step() == false)

            let rows = try db.query("SELECT s FROM t WHERE i = ?", 42)
            #expect(rows.count == 1)
            #expect(rows[0].string("s") == "Hässelby–Vällingby")
        }
    }

    @Test func errorsCarryMessageAndSQL() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("t.db").path)
            let sql = "SELECT nonexistent FROM nowhere"
            let error = try #require(throws: DatabaseError.self) { try db.query(sql) }
            #expect(error.message.contains("no such table: nowhere"))
            #expect(error.sql == sql)
            #expect(error.description.contains(sql))
        }
    }

    @Test func rollbackOnThrowLeavesNothing() throws {
        struct Boom: Error {}
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("t.db").path
            let db = try Database(path: path)
            try db.execute("CREATE TABLE t (x INTEGER)")
            var caught: (any Error)?
            do {
                try db.transaction {
                    for x in 0..<100 { try db.execute("INSERT INTO t VALUES (?)", x) }
                    throw Boom()
                }
            } catch {
                caught = error
            }
            #expect(caught is Boom)
            #expect(db.isInTransaction == false)
            #expect(try db.scalar("SELECT count(*) FROM t").int == 0)
            // A second connection sees the same: nothing was committed.
            let other = try Database(path: path)
            #expect(try other.scalar("SELECT count(*) FROM t").int == 0)

            try db.transaction { try db.execute("INSERT INTO t VALUES (1)") }
            #expect(try other.scalar("SELECT count(*) FROM t").int == 1)
        }
    }

    @Test func aDryRunReturnsWhatItDidAndKeepsNothing() throws {
        struct Boom: Error {}
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (x INTEGER)")
            try db.execute("INSERT INTO t VALUES (0)")
            let seen = try db.dryRun { () -> Int in
                for x in 1...5 { try db.execute("INSERT INTO t VALUES (?)", x) }
                return try db.scalar("SELECT count(*) FROM t").int ?? -1
            }
            #expect(seen == 6, "inside, the rows are there")
            #expect(try db.scalar("SELECT count(*) FROM t").int == 1, "afterwards, nothing was kept")
            #expect(db.isInTransaction == false)
            #expect(throws: Boom.self) { try db.dryRun { () -> Int in throw Boom() } }
            // Inside a caller's transaction a dry run rolls back only its own part.
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (7)")
                _ = try db.dryRun { try db.execute("INSERT INTO t VALUES (8)") }
            }
            let values = try db.query("SELECT x FROM t ORDER BY x").compactMap { $0.int("x") }
            #expect(values == [0, 7])
        }
    }

    @Test func nestedTransactionRollsBackOnlyItsOwnPart() throws {
        struct Boom: Error {}
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (x INTEGER)")
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (1)")
                try? db.transaction {
                    try db.execute("INSERT INTO t VALUES (2)")
                    throw Boom()
                }
                try db.execute("INSERT INTO t VALUES (3)")
            }
            let values = try db.query("SELECT x FROM t ORDER BY x").compactMap { $0.int("x") }
            #expect(values == [1, 3])
        }
    }

    @Test func constraintFailureInsideTransactionRollsBackEarlierRows() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)")
            #expect(throws: DatabaseError.self) {
                try db.transaction {
                    let insert = try db.prepare("INSERT INTO t VALUES (?)")
                    try insert.run(1)
                    try insert.run(2)
                    try insert.run(1)  // duplicate key
                }
            }
            #expect(try db.scalar("SELECT count(*) FROM t").int == 0)
        }
    }

    @Test func migrationsApplyOnceAndBumpUserVersion() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("m.db").path
            let base = Schema.migrations
            let extra = Migration(version: base.count + 1, name: "counter",
                                  sql: "CREATE TABLE counter (n INTEGER); INSERT INTO counter VALUES (1);")
            do {
                let db = try Database(path: path, migrations: base)
                #expect(try db.userVersion == base.count)
            }
            do {
                let db = try Database(path: path, migrations: base + [extra])
                #expect(try db.userVersion == base.count + 1)
                #expect(try db.scalar("SELECT count(*) FROM counter").int == 1)
            }
            // Opening again runs nothing twice: the INSERT would add a second row.
            let db = try Database(path: path, migrations: base + [extra])
            #expect(try db.userVersion == base.count + 1)
            #expect(try db.scalar("SELECT count(*) FROM counter").int == 1)
        }
    }

    @Test func failingMigrationLeavesPreviousVersion() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("m.db").path
            let base = Schema.migrations
            let bad = Migration(version: base.count + 1, name: "broken",
                                sql: "CREATE TABLE half (x INTEGER); THIS IS NOT SQL;")
            let error = try #require(throws: DatabaseError.self) {
                _ = try Database(path: path, migrations: base + [bad])
            }
            #expect(error.message.contains("broken"))
            let db = try Database(path: path, migrations: base)
            #expect(try db.userVersion == base.count)
            #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'half'").int == 0)
        }
    }

    @Test func newerFileIsRefused() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("m.db").path
            let base = Schema.migrations
            let extra = Migration(version: base.count + 1, name: "future", sql: "CREATE TABLE future (x);")
            _ = try Database(path: path, migrations: base + [extra])
            #expect(throws: DatabaseError.self) { _ = try Database(path: path, migrations: base) }
        }
    }

    @Test func newFilesGetLargerPagesAndOldFilesKeepTheirs() throws {
        try withTemporaryDirectory { dir in
            let fresh = try Database(path: dir.appendingPathComponent("new.db").path)
            #expect(try fresh.scalar("PRAGMA page_size").int == Database.pageSize)
            // A file written before with SQLite's default 4 KiB pages opens as it was and
            // takes the migrations: an empty in-memory database still takes a page size.
            // It has the first migration's tables, as every piloteval file of that time did
            // (a file with other tables only is another program's, and refused).
            let path = dir.appendingPathComponent("old.db").path
            let memory = try Database(path: ":memory:", migrations: [])
            try memory.execute("PRAGMA page_size = 4096")
            try memory.execute(Schema.migrations[0].sql + "PRAGMA user_version = 1;")
            try memory.execute("CREATE TABLE kept (x INTEGER)")
            try memory.execute("INSERT INTO kept VALUES (42)")
            try memory.execute("VACUUM INTO '\(path)'")
            let old = try Database(path: path)
            #expect(try old.scalar("PRAGMA page_size").int == 4096)
            #expect(try old.scalar("SELECT x FROM kept").int == 42)
            #expect(try old.userVersion == Schema.migrations.count)
        }
    }
}
