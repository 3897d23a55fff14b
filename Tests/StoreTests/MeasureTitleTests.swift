import Foundation
import Store
import Testing

/// Migration 15 ("measure titles"): `measure_titles` names a measure for people, per
/// import as `measure_counts` says what it counts. A file from before the step keeps its
/// measures (untitled), the newest import's title is the measure's, undoing an import
/// takes its title back, `setTitle` names a stored measure without importing, and the
/// step runs again harmlessly.
@Suite("Measure titles")
struct MeasureTitleTests {
    func store(_ db: Database, measure: String, hash: String, dates: [String], title: String? = nil,
               events: Bool = false) throws -> ImportRecord {
        try ImportLog(db).record(kind: "measures", fileName: "m.csv", fileSHA256: hash, target: measure) { id in
            let values = dates.enumerated().map { i, d in
                MeasureValue(measure: measure, date: d, label: d, value: Double(i + 1), line: i + 2)
            }
            try MeasureTable(db).insert(values, importID: id, fileName: "m.csv", countsEvents: events, title: title)
            return values.count
        }
    }

    /// An old database gains the table and keeps its rows: values, what they count, the
    /// import log; its measures have no title and are listed as before.
    @Test func aDatabaseFromBeforeTheStepKeepsItsMeasuresUntitled() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("old.db").path
            let before = Array(Schema.migrations.prefix { $0.name != "measure titles" })
            #expect(before.count == 14, "migrations 1–14 come before it")
            let old = try Database(path: path, migrations: before)
            let record = try ImportLog(old).record(kind: "measures", fileName: "konsultationer.csv", fileSHA256: "h",
                                                   target: "forskolekonsultationer") { id in
                try old.execute("""
                    INSERT INTO measure_values (import_id, measure, date, label, value, line)
                    VALUES (?, 'forskolekonsultationer', '2021-01-11', '2021-v02', 1, 2),
                           (?, 'forskolekonsultationer', '2021-01-18', '2021-v03', 3, 3)
                    """, id, id)
                try old.execute("INSERT INTO measure_counts (import_id, measure, counts) VALUES (?, 'forskolekonsultationer', 'events')", id)
                return 2
            }
            #expect(try old.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'measure_titles'").int == 0)

            let db = try Database(path: path)
            #expect(try db.userVersion == Schema.migrations.count)
            #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'measure_titles'").int == 1)
            #expect(try ImportLog(db).dataTables().contains("measure_titles"))
            let table = MeasureTable(db)
            #expect(try table.values(of: "forskolekonsultationer").map(\.value) == [1, 3])
            let listed = try #require(try table.list().first)
            #expect(listed.measure == "forskolekonsultationer" && listed.points == 2 && listed.countsEvents)
            #expect(listed.imports == [record.id])
            #expect(listed.title == nil)
            #expect(try table.title(of: "forskolekonsultationer") == nil)
            #expect(try ImportLog(db).list().map(\.id) == [record.id])

            // Named afterwards, without importing again: kept with its one import.
            #expect(try table.setTitle("Konsultation till förskolor", of: "forskolekonsultationer") == record.id)
            #expect(try table.list().first?.title == "Konsultation till förskolor")
        }
    }

    @Test func theNewestImportsTitleIsTheMeasuresAndUndoTakesItBack() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("m.db").path)
            let table = MeasureTable(db)
            let first = try store(db, measure: "familjerad", hash: "h1", dates: ["2021-01-01"],
                                  title: "  Familjerådslag vid avslutad placering ")
            #expect(try table.title(of: "familjerad") == "Familjerådslag vid avslutad placering")   // trimmed
            // An import without a title keeps the measure's; one with a title renames it.
            let second = try store(db, measure: "familjerad", hash: "h2", dates: ["2021-02-01"])
            #expect(try table.title(of: "familjerad") == "Familjerådslag vid avslutad placering")
            let third = try store(db, measure: "familjerad", hash: "h3", dates: ["2021-03-01"], title: "Familjerådslag erbjudet")
            #expect(try table.list().map(\.title) == ["Familjerådslag erbjudet"])
            #expect(try table.list().map(\.points) == [3])   // the title adds no rows

            // Undo takes the title back with the import that gave it.
            let undone = try ImportLog(db).undo(third.id)
            #expect(undone.deletedRows == ["measure_values": 1, "measure_counts": 1, "measure_titles": 1])
            #expect(try table.title(of: "familjerad") == "Familjerådslag vid avslutad placering")

            // setTitle keeps the title with the newest import, replacing what it said.
            #expect(try table.setTitle("Familjerådslag vid avslutad placering (erbjudet)", of: "familjerad") == second.id)
            #expect(try table.setTitle("Familjerådslag när placeringen avslutas", of: "familjerad") == second.id)
            #expect(try db.scalar("SELECT count(*) FROM measure_titles WHERE import_id = ?", second.id).int == 1)
            #expect(try table.title(of: "familjerad") == "Familjerådslag när placeringen avslutas")
            _ = try ImportLog(db).undo(second.id)
            #expect(try table.title(of: "familjerad") == "Familjerådslag vid avslutad placering")
            _ = try ImportLog(db).undo(first.id)
            #expect(try table.title(of: "familjerad") == nil && table.list().isEmpty)
        }
    }

    @Test func aTitleIsOneLineOfReasonableLength() throws {
        #expect(try MeasureTable.checkedTitle(" Tidsplanerade utredningar\t") == "Tidsplanerade utredningar")
        for bad in ["", "   ", "Två\nrader", String(repeating: "å", count: MeasureTable.longestTitle + 1)] {
            #expect(throws: MeasureTableError.self, "\(bad.debugDescription)") { try MeasureTable.checkedTitle(bad) }
        }
        #expect(try MeasureTable.checkedTitle(String(repeating: "ö", count: MeasureTable.longestTitle)).count
                == MeasureTable.longestTitle)
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("m.db").path)
            // An unknown measure cannot be named; nothing is written.
            #expect(throws: MeasureTableError.unknownMeasure(measure: "ingen", stored: [])) {
                try MeasureTable(db).setTitle("Ingen", of: "ingen")
            }
            // A bad title in an import rolls the import back.
            #expect(throws: MeasureTableError.self) {
                _ = try store(db, measure: "m", hash: "h", dates: ["2021-01-01"], title: " ")
            }
            #expect(try MeasureTable(db).list().isEmpty && ImportLog(db).list().isEmpty)
            // The table refuses an empty title however it is written.
            _ = try store(db, measure: "m", hash: "h2", dates: ["2021-01-01"], title: "Mått")
            #expect(throws: (any Error).self) { try db.execute("UPDATE measure_titles SET title = '  '") }
        }
    }

    /// A file that already took the step takes it again without harm (a file whose
    /// version was set back, as the CLI's opening tests do), keeping its titles.
    @Test func theStepRunsAgainHarmlessly() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("m.db").path
            let db = try Database(path: path)
            _ = try store(db, measure: "k", hash: "h", dates: ["2021-01-04"], title: "Konsultation till förskolor", events: true)
            try db.execute("PRAGMA user_version = \(Schema.migrations.count - 1)")
            let again = try Database(path: path)
            #expect(try again.userVersion == Schema.migrations.count)
            #expect(try MeasureTable(again).list().first?.title == "Konsultation till förskolor")
            #expect(try MeasureTable(again).list().first?.countsEvents == true)
        }
    }
}
