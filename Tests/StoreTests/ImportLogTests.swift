import Foundation
import Store
import Testing

@Suite("Import log")
struct ImportLogTests {
    /// A data table following the convention in Schema.swift, as a later module adds it.
    static let observations = Migration(version: Schema.migrations.count + 1, name: "test observations", sql: """
        CREATE TABLE test_observations (
            import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
            value REAL
        );
        CREATE INDEX test_observations_import ON test_observations (import_id);
        """)

    func open(_ dir: URL) throws -> Database {
        try Database(path: dir.appendingPathComponent("i.db").path,
                     migrations: Schema.migrations + [Self.observations])
    }

    func importValues(_ log: ImportLog, _ db: Database, file: String, hash: String,
                      values: [Double], target: String? = "model-x") throws -> ImportRecord {
        try log.record(kind: "indicators", fileName: file, fileSHA256: hash, target: target) { id in
            let insert = try db.prepare("INSERT INTO test_observations (import_id, value) VALUES (?, ?)")
            for v in values { try insert.run(id, v) }
            return values.count
        }
    }

    @Test func recordsListsAndDetectsTheSameFile() throws {
        try withTemporaryDirectory { dir in
            let db = try open(dir)
            let log = ImportLog(db)
            let first = try importValues(log, db, file: "t1.csv", hash: "aaa", values: [1, 2, 3])
            #expect(first.id == 1)
            #expect(first.rowCount == 3)
            #expect(first.status == .complete)
            #expect(first.finishedAt != nil)

            #expect(try log.find(kind: "indicators", sha256: "aaa", target: "model-x")?.id == 1)
            #expect(try log.find(kind: "indicators", sha256: "aaa", target: "model-y") == nil)
            #expect(try log.find(kind: "cases", sha256: "aaa", target: "model-x") == nil)

            // The same bytes under another name: refused, and nothing written.
            let error = try #require(throws: ImportLogError.self) {
                _ = try importValues(log, db, file: "renamed.csv", hash: "aaa", values: [9])
            }
            #expect(error == .alreadyImported(first))
            #expect(error.description.contains("import 1"))
            #expect(try db.scalar("SELECT count(*) FROM test_observations").int == 3)
            #expect(try log.list().map(\.id) == [1])
        }
    }

    @Test func failingImportLeavesNoLogRowAndNoData() throws {
        struct BadRow: Error {}
        try withTemporaryDirectory { dir in
            let db = try open(dir)
            let log = ImportLog(db)
            #expect(throws: BadRow.self) {
                try log.record(kind: "indicators", fileName: "bad.csv", fileSHA256: "bbb", target: nil) { id in
                    try db.execute("INSERT INTO test_observations (import_id, value) VALUES (?, 1)", id)
                    throw BadRow()
                }
            }
            #expect(try log.list().isEmpty)
            #expect(try db.scalar("SELECT count(*) FROM test_observations").int == 0)
        }
    }

    @Test func undoCascadesToEveryRowTheImportBrought() throws {
        try withTemporaryDirectory { dir in
            let db = try open(dir)
            let log = ImportLog(db)
            let first = try importValues(log, db, file: "t1.csv", hash: "aaa", values: [1, 2, 3])
            let second = try importValues(log, db, file: "t2.csv", hash: "ccc", values: [4, 5])
            // Other modules add their own data tables; this one must be among them.
            #expect(try log.dataTables().contains("test_observations"))

            let undone = try log.undo(first.id)
            #expect(undone.record == first)
            #expect(undone.deletedRows == ["test_observations": 3])
            #expect(try log.list().map(\.id) == [second.id])
            let left = try db.query("SELECT value FROM test_observations ORDER BY value").compactMap { $0.double("value") }
            #expect(left == [4, 5])

            #expect(throws: ImportLogError.noSuchImport(first.id)) { try log.undo(first.id) }
            // After undo the file may be imported again, under a new id (never reused).
            let again = try importValues(log, db, file: "t1.csv", hash: "aaa", values: [1, 2, 3])
            #expect(again.id == 3)
        }
    }

    @Test func dataRowWithoutImportIsRejected() throws {
        try withTemporaryDirectory { dir in
            let db = try open(dir)
            #expect(throws: DatabaseError.self) {
                try db.execute("INSERT INTO test_observations (import_id, value) VALUES (99, 1)")
            }
        }
    }
}
