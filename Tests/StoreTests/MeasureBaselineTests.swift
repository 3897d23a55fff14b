import Foundation
import Store
import Testing

/// Migration 16 ("measure baselines"): `measure_baselines` keeps the last point of the
/// baseline a measure is read against, per import as its title is. A file from before
/// the step keeps its measures (without a baseline), the newest import's row is the
/// measure's, NULL clears it, and undoing the import takes it back.
@Suite("Measure baselines")
struct MeasureBaselineTests {
    func store(_ db: Database, hash: String, dates: [String]) throws -> ImportRecord {
        try ImportLog(db).record(kind: "measures", fileName: "m.csv", fileSHA256: hash, target: "m") { id in
            let values = dates.enumerated().map { i, d in
                MeasureValue(measure: "m", date: d + "-01", label: d, numerator: Double(i), denominator: 10, line: i + 2)
            }
            try MeasureTable(db).insert(values, importID: id, fileName: "m.csv")
            return values.count
        }
    }

    @Test func aDatabaseFromBeforeTheStepGainsTheTableAndKeepsItsMeasures() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("old.db").path
            let before = Array(Schema.migrations.prefix { $0.name != "measure baselines" })
            #expect(before.count == 15, "migrations 1–15 come before it")
            let old = try Database(path: path, migrations: before)
            _ = try store(old, hash: "h", dates: ["2021-01", "2021-02", "2021-03"])
            #expect(try old.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'measure_baselines'").int == 0)

            let db = try Database(path: path)
            #expect(try db.userVersion == Schema.migrations.count)
            #expect(try ImportLog(db).dataTables().contains("measure_baselines"))
            let table = MeasureTable(db)
            #expect(try table.list().first?.points == 3 && table.list().first?.baselineThrough == nil)
            #expect(try table.baseline(of: "m") == nil)
        }
    }

    @Test func theNewestImportsBaselineIsTheMeasuresAndUndoTakesItBack() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("m.db").path)
            let table = MeasureTable(db)
            let first = try store(db, hash: "h1", dates: ["2021-01", "2021-02", "2021-03"])
            // By label or by date; kept with the newest import.
            let set = try table.setBaseline(through: "2021-02", of: "m")
            #expect(set.importID == first.id && set.last?.label == "2021-02")
            #expect(try table.baseline(of: "m") == "2021-02-01")
            let second = try store(db, hash: "h2", dates: ["2021-04", "2021-05"])
            #expect(try table.baseline(of: "m") == "2021-02-01")   // an import without one keeps the measure's
            #expect(try table.setBaseline(through: "2021-03-01", of: "m").importID == second.id)
            #expect(try table.list().first?.baselineThrough == "2021-03-01")
            // Cleared: NULL is the newest row, so the earlier import's baseline does not return.
            #expect(try table.setBaseline(through: nil, of: "m").last == nil)
            #expect(try table.baseline(of: "m") == nil)
            // Undoing the newest import takes its row back: the first import's is the measure's again.
            let undone = try ImportLog(db).undo(second.id)
            #expect(undone.deletedRows["measure_baselines"] == 1)
            #expect(try table.baseline(of: "m") == "2021-02-01")
            // Refused, nothing written: a point that is not stored, the first point, the last.
            for through in ["2021-09", "2021-01", "2021-03"] {
                #expect(throws: MeasureTableError.self) { try table.setBaseline(through: through, of: "m") }
            }
            #expect(try db.scalar("SELECT count(*) FROM measure_baselines").int == 1)
        }
    }
}
