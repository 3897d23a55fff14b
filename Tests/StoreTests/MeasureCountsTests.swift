import Foundation
import Store
import Testing

/// Migration 9 ("measures counting events"): `measure_counts` says, per import, whether
/// a measure counts events (never suppressed) or persons; values stored before it read
/// as persons, undoing an import takes its declaration back with its values, and the
/// step runs again harmlessly.
@Suite("Measures counting events")
struct MeasureCountsTests {
    func store(_ db: Database, measure: String, hash: String, events: Bool, dates: [String]) throws -> ImportRecord {
        try ImportLog(db).record(kind: "measures", fileName: "m.csv", fileSHA256: hash, target: measure) { id in
            let values = dates.enumerated().map { i, d in
                MeasureValue(measure: measure, date: d, label: d, value: Double(i + 1), line: i + 2)
            }
            try MeasureTable(db).insert(values, importID: id, fileName: "m.csv", countsEvents: events)
            return values.count
        }
    }

    @Test func eventsAreStoredListedAndUndone() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("m.db").path)
            #expect(try ImportLog(db).dataTables().contains("measure_counts"))
            let first = try store(db, measure: "konsultationer", hash: "h1", events: true, dates: ["2021-01-04", "2021-01-11"])
            let second = try store(db, measure: "konsultationer", hash: "h2", events: true, dates: ["2021-01-18"])
            _ = try store(db, measure: "tidsplan", hash: "h3", events: false, dates: ["2021-01-01"])
            // One row per import, not per value.
            #expect(try db.query("SELECT import_id, measure, counts FROM measure_counts ORDER BY import_id").map {
                "\($0.int("import_id") ?? 0) \($0.string("measure") ?? "") \($0.string("counts") ?? "")"
            } == ["\(first.id) konsultationer events", "\(second.id) konsultationer events", "3 tidsplan persons"])
            let listed = try MeasureTable(db).list()
            #expect(listed.map(\.measure) == ["konsultationer", "tidsplan"])
            #expect(listed.map(\.points) == [3, 1])                // the join adds no rows
            #expect(listed.map(\.countsEvents) == [true, false])
            let stored = try #require(try MeasureTable(db).storedCounts(of: "konsultationer"))
            #expect(stored.countsEvents && stored.importID == first.id)
            #expect(try MeasureTable(db).storedCounts(of: "tidsplan")?.countsEvents == false)
            #expect(try MeasureTable(db).storedCounts(of: "none") == nil)

            // Undo takes the declaration back with the values.
            let undone = try ImportLog(db).undo(first.id)
            #expect(undone.deletedRows == ["measure_values": 2, "measure_counts": 1])
            #expect(try MeasureTable(db).storedCounts(of: "konsultationer")?.importID == second.id)
            _ = try ImportLog(db).undo(second.id)
            #expect(try MeasureTable(db).storedCounts(of: "konsultationer") == nil)
        }
    }

    @Test func onlyPersonsOrEventsAreStored() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("m.db").path)
            _ = try store(db, measure: "m", hash: "h", events: false, dates: ["2021-01-01"])
            #expect(throws: (any Error).self) {
                try db.execute("UPDATE measure_counts SET counts = 'visits'")
            }
        }
    }

    @Test func valuesStoredBeforeTheMigrationCountPersons() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("old.db").path
            // A file at the schema before this migration, with a measure in it…
            let before = Array(Schema.migrations.prefix { $0.name != "measures counting events" })
            #expect(before.count == 8, "migrations 1–8 come before it")
            let old = try Database(path: path, migrations: before)
            _ = try ImportLog(old).record(kind: "measures", fileName: "m.csv", fileSHA256: "h", target: "m") { id in
                try old.execute("""
                    INSERT INTO measure_values (import_id, measure, date, label, value, line)
                    VALUES (?, 'm', '2021-01-01', '2021-01', 3, 2)
                    """, id)
                return 1
            }
            // …opens with the full list, keeps the value, and reads it as persons.
            let db = try Database(path: path)
            #expect(try db.userVersion == Schema.migrations.count)
            #expect(try MeasureTable(db).values(of: "m").map(\.value) == [3])
            #expect(try MeasureTable(db).list().first?.countsEvents == false)
            #expect(try MeasureTable(db).storedCounts(of: "m")?.countsEvents == false)
        }
    }

    /// A file that already took the step takes it again without harm (a file whose
    /// version was set back, as the CLI's opening tests do), keeping what it stored.
    @Test func theStepRunsAgainHarmlessly() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("m.db").path
            let db = try Database(path: path)
            _ = try store(db, measure: "k", hash: "h", events: true, dates: ["2021-01-04"])
            try db.execute("PRAGMA user_version = \(Schema.migrations.count - 1)")
            let again = try Database(path: path)
            #expect(try again.userVersion == Schema.migrations.count)
            #expect(try MeasureTable(again).list().first?.countsEvents == true)
        }
    }
}
