import Foundation
import LogicModel
import Periods
import Store
import Testing
@testable import Evaluation

/// Retention (gallring): `CasePurge` removes closed cases older than the cut-off, every
/// snapshot of them, keeps open and undated cases, keeps emptied imports as tombstones,
/// and leaves no byte of the purged rows in the database file, its WAL or its -shm.
@Suite("Case purge (gallring)")
struct CasePurgeTests {
    static let header = "case_id;person_id;cohort;gender;referral_date;referral_reason;assessment_decision_date;investigation_start;investigation_end;intervention_start;intervention_end;re_referral_date;anteckning"

    /// Keeps the free-text column, so the scan also covers `texts`.
    func mapping() throws -> CaseMapping {
        try CaseMapping.parse(Data("schema: piloteval/case-mapping/v1\ntext: [anteckning]\n".utf8), file: "m.yaml")
    }

    /// Three extracts of the test model. Every case's fate with --before 2020-07-01 is
    /// worked out by hand beside it (the latest snapshot decides):
    ///
    /// T0 (2018-12-31): B1, B2 closed in 2018                         → both purged; T0 emptied
    /// T1 (2020-12-31) and T2 (2021-12-31):
    ///   A1  decided 2019-01-20, no investigation (T1)                 → closed 2019-01-20: purged
    ///   A2  investigation and intervention ended 2019-11-30 (T1, T2)  → purged, 2 rows
    ///   A3  intervention open in T1, ended 2020-03-01 in T2           → closed 2020-03-01: purged, 2 rows
    ///   A4  investigation started 2019-04-10, still open in T2        → open: kept (quiet since 2019-04-10)
    ///   A5  decided 2020-06-05 (T1 only)                              → purged
    ///   A6  decided 2019-05-07, re-referred 2020-11-01 (T1)           → last date 2020-11-01: kept
    ///   A7  referred 2019-06-01, no decision (T1)                     → open: kept (quiet)
    ///   A8  no date at all (T1)                                       → undated: kept
    ///   A9  decided 2021-05-05 (T2)                                   → kept
    ///
    /// Purged: B1 B2 A1 A2 A3 A5 = 6 cases; rows: T0 2 + T1 4 (A1 A2 A3 A5) + T2 2 (A2 A3) = 8.
    /// Left: T0 0 of 2, T1 4 of 8 (A4 A6 A7 A8), T2 2 of 4 (A4 A9).
    func prepared() throws -> (CaseTestBench, t0: Int, t1: Int, t2: Int) {
        let bench = try CaseTestBench()
        let map = try mapping()
        let t0 = try bench.write("t0.csv", """
            \(Self.header)
            PURGEMARK-B1;PERSONMARK-B1;testteamet;girl;2018-02-01;ORSAKMARK-B1;2018-02-05;;;;;;NOTEMARK-B1
            PURGEMARK-B2;PERSONMARK-B2;linjen;boy;2018-03-01;;2018-03-09;2018-03-09;2018-06-30;;;;NOTEMARK-B2

            """)
        let t1 = try bench.write("t1.csv", """
            \(Self.header)
            PURGEMARK-A1;PERSONMARK-A1;testteamet;girl;2019-01-10;ORSAKMARK-A1;2019-01-20;;;;;;NOTEMARK-A1
            PURGEMARK-A2;PERSONMARK-A2;linjen;boy;2019-02-01;;2019-02-10;2019-02-10;2019-05-01;2019-05-10;2019-11-30;;NOTEMARK-A2
            PURGEMARK-A3;PERSONMARK-A3;testteamet;boy;2019-03-01;;2019-03-05;2019-03-05;2019-06-01;2019-06-15;;;NOTEMARK-A3-T1
            KEEP-A4;KEEPPERSON-A4;linjen;girl;2019-04-01;;2019-04-10;2019-04-10;;;;;keep note A4
            PURGEMARK-A5;PERSONMARK-A5;testteamet;other;2020-06-01;;2020-06-05;;;;;;NOTEMARK-A5
            KEEP-A6;KEEPPERSON-A6;linjen;boy;2019-05-01;;2019-05-07;;;;;2020-11-01;
            KEEP-A7;KEEPPERSON-A7;testteamet;girl;2019-06-01;;;;;;;;
            KEEP-A8;KEEPPERSON-A8;linjen;girl;;;;;;;;;

            """)
        let t2 = try bench.write("t2.csv", """
            \(Self.header)
            PURGEMARK-A2;PERSONMARK-A2;linjen;boy;2019-02-01;;2019-02-10;2019-02-10;2019-05-01;2019-05-10;2019-11-30;;NOTEMARK-A2
            PURGEMARK-A3;PERSONMARK-A3;testteamet;boy;2019-03-01;;2019-03-05;2019-03-05;2019-06-01;2019-06-15;2020-03-01;;NOTEMARK-A3-T2
            KEEP-A4;KEEPPERSON-A4;linjen;girl;2019-04-01;;2019-04-10;2019-04-10;;;;;keep note A4
            KEEP-A9;KEEPPERSON-A9;testteamet;boy;2021-05-01;;2021-05-05;;;;;;

            """)
        let i0 = try bench.importCases(t0, mapping: map, extractDate: date("2018-12-31")).importID
        let i1 = try bench.importCases(t1, mapping: map, extractDate: date("2020-12-31")).importID
        let i2 = try bench.importCases(t2, mapping: map, extractDate: date("2021-12-31")).importID
        return (bench, i0, i1, i2)
    }

    func request(_ before: String, dryRun: Bool = false, model: String? = nil) -> CasePurge.Request {
        CasePurge.Request(before: date(before), modelID: model, dryRun: dryRun, today: CaseTestBench.today)
    }

    func rowCounts(_ bench: CaseTestBench) throws -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: try ImportLog(bench.database).list().map { ($0.id, $0.rowCount) })
    }

    @Test func purgesClosedCasesBeforeTheCutOffAndKeepsOpenOnes() throws {
        let (bench, t0, t1, t2) = try prepared()
        #expect(try bench.count("cases") == 14)
        let s = try CasePurge.run(request("2020-07-01"), database: bench.database)

        #expect(s.casesPurged == 6)
        #expect(s.rowsDeleted == 8)
        let m = try #require(s.models.first)
        #expect(s.models.count == 1 && m.model == "testteamet")
        #expect(m.casesKept == 5)                       // A4 A6 A7 A8 A9
        #expect(m.openCasesKept == 2)                   // A4 A7
        #expect(m.openCasesQuietSinceBeforeCutOff == 2) // both: nothing recorded since 2019
        #expect(m.undatedCasesKept == 1)                // A8
        #expect(m.importsAffected == 3 && m.importsEmptied == 1)
        #expect(s.imports.map(\.importID) == [t0, t1, t2])
        #expect(s.imports.map(\.rowsBefore) == [2, 8, 4])
        #expect(s.imports.map(\.rowsDeleted) == [2, 4, 2])
        #expect(s.imports.map(\.rowsLeft) == [0, 4, 2])
        #expect(s.imports.map(\.emptied) == [true, false, false])

        // What is stored now, row by row.
        let left = try bench.database.query("SELECT import_id, case_id FROM cases ORDER BY import_id, case_id")
            .map { "\($0.int("import_id")!):\($0.string("case_id")!)" }
        #expect(left == ["\(t1):KEEP-A4", "\(t1):KEEP-A6", "\(t1):KEEP-A7", "\(t1):KEEP-A8", "\(t2):KEEP-A4", "\(t2):KEEP-A9"])
        // `imports list` tells the truth: rows it holds now; the emptied import stays, with 0.
        #expect(try rowCounts(bench) == [t0: 0, t1: 4, t2: 2])
        #expect(try bench.count("case_imports") == 3)

        // Analyses still read the rest: the latest snapshot of each remaining case.
        let dataset = try bench.load()
        #expect(dataset.cases.map(\.caseID).sorted() == ["KEEP-A4", "KEEP-A6", "KEEP-A7", "KEEP-A8", "KEEP-A9"])
        #expect(dataset.extractDate == date("2021-12-31"))
        let a4 = try #require(dataset.cases.first { $0.caseID == "KEEP-A4" })
        #expect(a4.values["investigation_days"] != nil)   // still open, censored at T2's date

        let scrub = try #require(s.scrub)
        #expect(scrub.secureDelete && scrub.vacuumed && scrub.walEmptied && scrub.isComplete)
    }

    @Test func dryRunCountsTheSameAndChangesNothing() throws {
        let (bench, t0, t1, t2) = try prepared()
        let before = try bench.database.query("SELECT import_id, case_id, texts FROM cases ORDER BY 1, 2")
        let preview = try CasePurge.run(request("2020-07-01", dryRun: true), database: bench.database)
        #expect(preview.dryRun && preview.scrub == nil)
        #expect(preview.casesPurged == 6 && preview.rowsDeleted == 8)
        #expect(try bench.database.query("SELECT import_id, case_id, texts FROM cases ORDER BY 1, 2") == before)
        #expect(try rowCounts(bench) == [t0: 2, t1: 8, t2: 4])
        #expect(!bench.database.isInTransaction)

        var done = try CasePurge.run(request("2020-07-01"), database: bench.database)
        #expect(done.scrub != nil)
        done.scrub = nil
        done.dryRun = true
        #expect(done == preview)
    }

    /// Nothing of a purged row is left in any of the files: case ids, person ids, the
    /// referral reason and the free text. The same scan finds them before the purge,
    /// so it would see them.
    @Test func purgedRowsLeaveNoBytesInTheFileWALOrSHM() throws {
        let (bench, _, _, _) = try prepared()
        let markers = ["PURGEMARK", "PERSONMARK", "ORSAKMARK", "NOTEMARK"]
        let unscrubbed = try bench.databaseBytes()
        for marker in markers { #expect(unscrubbed.contains(marker), "control: \(marker) should be there before the purge") }

        try CasePurge.run(request("2020-07-01"), database: bench.database)
        let names = try FileManager.default.contentsOfDirectory(atPath: bench.directory.path).filter { $0.hasPrefix("t.db") }
        #expect(Set(names).isSuperset(of: ["t.db", "t.db-wal", "t.db-shm"]), "\(names)")
        let bytes = try bench.databaseBytes()
        for marker in markers { #expect(!bytes.contains(marker), "\(marker) is still in the database files") }
        // What was kept is still there (the scan reads the right files).
        #expect(bytes.contains("KEEPPERSON-A9"))
        #expect(bytes.contains("keep note A4"))
        // The WAL is empty after the TRUNCATE checkpoint.
        let wal = try FileManager.default.attributesOfItem(atPath: bench.path("t.db-wal"))[.size] as? Int
        #expect(wal == 0)
    }

    /// The emptied import stays in the log, so the same file is refused rather than
    /// quietly bringing the purged cases back.
    @Test func anEmptiedImportIsATombstoneThatRefusesTheSameFileAgain() throws {
        let (bench, t0, _, _) = try prepared()
        try CasePurge.run(request("2020-07-01"), database: bench.database)
        let record = try #require(try ImportLog(bench.database).record(t0))
        #expect(record.rowCount == 0 && record.kind == "cases" && record.fileName == "t0.csv")
        #expect(throws: ImportLogError.self) {
            try bench.importCases(bench.path("t0.csv"), mapping: try mapping(), extractDate: date("2018-12-31"))
        }
        #expect(try bench.count("cases") == 6)
        // Undo still works on what is left (and on the tombstone).
        let undone = try ImportLog(bench.database).undo(t0)
        #expect(undone.deletedRows == ["case_imports": 1])
    }

    @Test func aSecondPurgeFindsNothingMore() throws {
        let (bench, _, _, _) = try prepared()
        try CasePurge.run(request("2020-07-01"), database: bench.database)
        let again = try CasePurge.run(request("2020-07-01"), database: bench.database)
        #expect(again.casesPurged == 0 && again.rowsDeleted == 0 && again.imports.isEmpty)
        #expect(again.models.first?.casesKept == 5)
        #expect(again.scrub?.isComplete == true)
        #expect(try bench.count("cases") == 6)
    }

    /// The cut-off is exclusive: a case closed on the day itself stays.
    @Test func aCaseClosedOnTheCutOffDayStays() throws {
        let (bench, _, _, _) = try prepared()
        // A5 was decided on 2020-06-05: kept with that cut-off, purged the day after.
        let on = try CasePurge.run(request("2020-06-05", dryRun: true), database: bench.database)
        let after = try CasePurge.run(request("2020-06-06", dryRun: true), database: bench.database)
        #expect(after.casesPurged - on.casesPurged == 1)
        #expect(on.casesPurged == 5)   // B1 B2 A1 A2 A3
    }

    @Test func onlyTheModelAskedForIsPurged() throws {
        let (bench, _, _, _) = try prepared()
        let other = try bench.write("other.yaml", """
            schema: piloteval/logic-model/v1
            id: andrateamet
            name: Andrateamet
            period: {start: 2020-01-01, end: 2022-12-31}
            cohorts: {pilot: andrateamet, comparison: [linjen]}
            goals:
              - {id: G1, title: Barn och familjer får rätt stöd i tid}
            outcomes:
              - {id: O1, title: Kortare utredningstider, contributes_to: [G1]}
            indicators:
              - {id: I1, title: Utredningstid, measures: O1, unit: days, direction: decrease}

            """)
        let otherModel = try ModelCatalog(bench.database).add(path: other).model
        let file = try bench.write("andra.csv", """
            case_id;cohort;referral_date;assessment_decision_date
            X1;andrateamet;2018-01-01;2018-01-05
            X2;linjen;2018-02-01;2018-02-03

            """)
        _ = try CaseImporter(bench.database).run(CaseImportRequest(
            path: file, displayName: "andra.csv", model: otherModel, mapping: nil, key: nil,
            extractDate: date("2018-12-31"), today: CaseTestBench.today))

        let s = try CasePurge.run(request("2020-07-01", model: "testteamet"), database: bench.database)
        #expect(s.models.map(\.model) == ["testteamet"] && s.casesPurged == 6)
        #expect(try bench.database.scalar("SELECT count(*) FROM cases WHERE case_id LIKE 'X%'").int == 2)

        let all = try CasePurge.run(request("2020-07-01", dryRun: true), database: bench.database)
        #expect(all.models.map(\.model) == ["andrateamet", "testteamet"])
        #expect(all.models.map(\.casesPurged) == [2, 0])

        #expect(throws: CasePurgeError.self) {
            try CasePurge.run(request("2020-07-01", model: "ingen"), database: bench.database)
        }
    }

    @Test func aCutOffAfterTodayIsRefusedAndChangesNothing() throws {
        let (bench, _, _, _) = try prepared()
        // CaseTestBench.today is 2024-06-01: that day is allowed, the next is not.
        do {
            try CasePurge.run(request("2024-06-02"), database: bench.database)
            Issue.record("a cut-off after today was accepted")
        } catch let e as CasePurgeError {
            #expect(e.message.contains("after today"))
        }
        #expect(try bench.count("cases") == 14)
        let today = try CasePurge.run(request("2024-06-01", dryRun: true), database: bench.database)
        // Everything closed goes; open (A4, A7) and undated (A8) cases stay.
        #expect(today.casesPurged == 8 && today.models.first?.casesKept == 3)
    }
}
