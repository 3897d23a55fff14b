import Foundation
import Store
import Testing

@Suite("Bulk rows and import settings")
struct BulkRowsTests {
    @Test func rowsAreInsertedAsTypedAndAFailingRowIsNamed() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("b.db").path)
            try db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER, x REAL, s TEXT)")
            // Two rows per step: three rows are one two-row step and one single-row step.
            let insert = try BulkInsert(database: db, table: "t", columns: ["k", "n", "x", "s"], rowsPerStep: 2)
            let rows = BulkRows(width: 4)
            // Text written piecewise before the row's earlier cells, as the case importer does.
            let start = rows.beginText()
            rows.appendByte(0x7B)
            rows.appendText("\"å\":1")
            rows.appendByte(0x7D)
            let json = rows.closeText(from: start)
            rows.append(text: "a"); rows.append(int: 7); rows.append(double: 2.5); rows.append(textAt: json)
            rows.endRow()
            rows.append(text: "b"); rows.append(int: nil); rows.append(double: nil); rows.append(text: "")
            rows.endRow()
            Array("Vällingby".utf8).withUnsafeBufferPointer { rows.append(utf8: $0) }
            rows.append(int: -1); rows.append(double: 0); rows.append(text: nil)
            rows.endRow()
            #expect(rows.count == 3)
            #expect(rows.text(row: 2, column: 0) == "Vällingby")
            #expect(rows.string(json) == "{\"å\":1}")
            try db.transaction { try insert.insert(rows) }
            let got = try db.query("SELECT k, n, x, s, typeof(s) AS ts FROM t ORDER BY rowid")
            #expect(got.map { $0.string("k") } == ["a", "b", "Vällingby"])
            #expect(got.map { $0.int("n") } == [7, nil, -1])
            #expect(got.map { $0.double("x") } == [2.5, nil, 0])
            #expect(got.map { $0.string("s") } == ["{\"å\":1}", "", nil])
            #expect(got.map { $0.string("ts") } == ["text", "text", "null"])   // "" is text, not NULL

            // Reused after removeAll; the second row repeats a key and is named as row 1.
            rows.removeAll()
            for key in ["c", "a"] {
                rows.append(text: key); rows.append(int: 1); rows.append(double: 1); rows.append(text: "s")
                rows.endRow()
            }
            do {
                try db.transaction { try insert.insert(rows) }
                Issue.record("a repeated primary key was accepted")
            } catch let failure as BulkInsertFailure {
                #expect(failure.row == 1)
                #expect(failure.error.code == 19)   // SQLITE_CONSTRAINT
            }
            #expect(try db.scalar("SELECT count(*) FROM t").int == 3)   // rolled back, "c" too
        }
    }

    /// Whichever row of a batch fails — first, middle or last of a multi-row step, or
    /// one of the single rows left over — that row is the one named, and every row
    /// before it in the batch was written (the caller's transaction then undoes them).
    @Test func theFailingRowIsNamedWhereverItFallsInASteps() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("s.db").path)
            try db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)")
            let insert = try BulkInsert(database: db, table: "t", columns: ["k", "v"], rowsPerStep: 4)
            // 11 rows: steps of rows 0–3 and 4–7, then rows 8, 9, 10 one at a time.
            for bad in 0..<11 {
                let rows = BulkRows(width: 2)
                for r in 0..<11 {
                    rows.append(int: 100 + r)
                    rows.append(text: r == bad ? nil : "v\(r)")   // NOT NULL fails on `bad`
                    rows.endRow()
                }
                try db.execute("BEGIN")
                do {
                    try insert.insert(rows)
                    Issue.record("row \(bad) broke NOT NULL and was accepted")
                } catch let failure as BulkInsertFailure {
                    #expect(failure.row == bad)
                    #expect(try db.scalar("SELECT count(*) FROM t").int == bad)
                }
                try db.execute("ROLLBACK")
            }
            // And a clean batch of the same shape goes in whole, in order.
            let rows = BulkRows(width: 2, reservingRows: 1, bytes: 1)   // grows as needed
            for r in 0..<11 { rows.append(int: r); rows.append(text: String(repeating: "x", count: r * 50)); rows.endRow() }
            try db.transaction { try insert.insert(rows) }
            let stored = try db.query("SELECT k, length(v) AS n FROM t ORDER BY k")
            #expect(stored.map { $0.int("k") } == Array(0..<11))
            #expect(stored.map { $0.int("n") } == (0..<11).map { $0 * 50 })
        }
    }

    @Test func foreignKeyChecksComeBackOnAfterTheImportAndStayOnInsideATransaction() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("f.db").path)
            try db.execute("CREATE TABLE child (import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE)")
            let seen = try db.withoutForeignKeyChecks { try db.scalar("PRAGMA foreign_keys").int }
            #expect(seen == 0)
            #expect(try db.scalar("PRAGMA foreign_keys").int == 1)
            struct Boom: Error {}
            #expect(throws: Boom.self) { try db.withoutForeignKeyChecks { throw Boom() } }
            #expect(try db.scalar("PRAGMA foreign_keys").int == 1)
            // Inside a caller's transaction the pragma cannot change: checks stay on.
            try db.transaction {
                let inner = try db.withoutForeignKeyChecks { try db.scalar("PRAGMA foreign_keys").int }
                #expect(inner == 1)
            }
            // And undo's cascade works afterwards.
            try db.withoutForeignKeyChecks {
                try db.transaction {
                    let id = try ImportLog(db).start(kind: "t", fileName: "f", fileSHA256: "s", target: nil)
                    try db.execute("INSERT INTO child VALUES (?)", id)
                    try ImportLog(db).finish(id, rowCount: 1)
                }
            }
            let id = try ImportLog(db).list()[0].id
            try ImportLog(db).undo(id)
            #expect(try db.scalar("SELECT count(*) FROM child").int == 0)
        }
    }

    /// A file made before the gender CHECK was rewritten keeps its cases, and the check
    /// still refuses what it refused.
    @Test func casesMigrateFromTheINCheckKeepingEveryRow() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("m.db").path
            let rewrite = try #require(Schema.migrations.firstIndex { $0.name == "cases gender check without IN" })
            do {
                let old = try Database(path: path, migrations: Array(Schema.migrations.prefix(rewrite)))
                try old.execute("INSERT INTO imports (id, kind, file_name, file_sha256, started_at, status) VALUES (1, 'cases', 'x.csv', 'h', 't', 'complete')")
                try old.execute("INSERT INTO cases (import_id, case_id, cohort, gender, outcomes) VALUES (1, 'A', 'linjen', 'girl', '{\"x\":1}'), (1, 'B', 'linjen', NULL, NULL)")
                #expect(try old.scalar("SELECT sql FROM sqlite_master WHERE name = 'cases'").string?.contains("IN (") == true)
            }
            let db = try Database(path: path)
            #expect(try db.userVersion == Schema.migrations.count)
            let rows = try db.query("SELECT case_id, gender, outcomes FROM cases ORDER BY case_id")
            #expect(rows.map { $0.string("case_id") } == ["A", "B"])
            #expect(rows.map { $0.string("gender") } == ["girl", nil])
            #expect(rows[0].string("outcomes") == "{\"x\":1}")
            #expect(try db.scalar("SELECT sql FROM sqlite_master WHERE name = 'cases'").string?.contains("IN (") == false)
            #expect(throws: DatabaseError.self) {
                try db.execute("INSERT INTO cases (import_id, case_id, cohort, gender) VALUES (1, 'C', 'linjen', 'x')")
            }
            #expect(throws: DatabaseError.self) {   // the primary key is still there
                try db.execute("INSERT INTO cases (import_id, case_id, cohort) VALUES (1, 'A', 'linjen')")
            }
            try ImportLog(db).undo(1)
            #expect(try db.scalar("SELECT count(*) FROM cases").int == 0)
        }
    }
}
