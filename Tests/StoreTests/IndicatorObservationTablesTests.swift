import Foundation
import Store
import Testing

/// The "indicator observations" migration: the two tables follow the data-table
/// convention (undo cascades), refuse a row without any value, and survive reopening.
@Suite("Indicator observation tables")
struct IndicatorObservationTablesTests {
    func importRows(_ db: Database, hash: String) throws -> ImportRecord {
        try ImportLog(db).record(kind: "indicators", fileName: "obs.csv", fileSHA256: hash, target: "m") { id in
            try db.execute("""
                INSERT INTO indicator_observations
                  (import_id, model_id, model_version, indicator, period, group_name, value, numerator, denominator, note, source_line)
                VALUES (?, 'm', 1, 'I1', '2022', 'total', NULL, 142, 346, 'l. 1017', 2),
                       (?, 'm', 1, 'I1', '2022', 'girls', 41.5, NULL, NULL, NULL, 3)
                """, id, id)
            try db.execute("""
                INSERT INTO indicator_observation_warnings
                  (import_id, model_id, indicator, period, kind, message, source_lines)
                VALUES (?, 'm', 'I1', '2022', 'total_outside_parts', 'x', '2,3')
                """, id)
            return 2
        }
    }

    @Test func tablesFollowTheConventionAndUndoCascades() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("o.db").path
            let db = try Database(path: path)
            #expect(try ImportLog(db).dataTables().contains("indicator_observations"))
            #expect(try ImportLog(db).dataTables().contains("indicator_observation_warnings"))
            let indexes = try db.query("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%(import_id)%'")
                .compactMap { $0.string("name") }
            #expect(Set(indexes).isSuperset(of: ["indicator_observations_by_import", "indicator_observation_warnings_by_import"]))

            let record = try importRows(db, hash: "h1")
            #expect(try db.scalar("SELECT count(*) FROM indicator_observations").int == 2)
            // Counts are stored as written, not turned into a value.
            let row = try #require(try db.queryFirst("SELECT value, numerator, denominator FROM indicator_observations WHERE group_name = 'total'"))
            #expect(row["value"].isNull)
            #expect(row.double("numerator") == 142)

            let undone = try ImportLog(db).undo(record.id)
            #expect(undone.deletedRows == ["indicator_observations": 2, "indicator_observation_warnings": 1])
            #expect(try db.scalar("SELECT count(*) FROM indicator_observations").int == 0)
            #expect(try db.scalar("SELECT count(*) FROM indicator_observation_warnings").int == 0)
        }
    }

    @Test func aRowWithoutAnyValueIsRefusedAndNothingIsHalfWritten() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("o.db").path)
            #expect(throws: (any Error).self) {
                try ImportLog(db).record(kind: "indicators", fileName: "bad.csv", fileSHA256: "h", target: "m") { id in
                    try db.execute("""
                        INSERT INTO indicator_observations
                          (import_id, model_id, model_version, indicator, period, group_name, source_line)
                        VALUES (?, 'm', 1, 'I1', '2022', 'total', 2)
                        """, id)
                    return 1
                }
            }
            #expect(try ImportLog(db).list().isEmpty)
        }
    }

    @Test func migratesAnExistingFileAndReopens() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("old.db").path
            // A file made by the schema before this migration…
            let before = Array(Schema.migrations.prefix { $0.name != "indicator observations" })
            _ = try Database(path: path, migrations: before)
            // …gains the tables when opened with the full list, and keeps them on reopening.
            let db = try Database(path: path)
            #expect(try db.userVersion == Schema.migrations.count)
            _ = try importRows(db, hash: "h2")
            let again = try Database(path: path)
            #expect(try again.scalar("SELECT count(*) FROM indicator_observations").int == 2)
        }
    }
}
