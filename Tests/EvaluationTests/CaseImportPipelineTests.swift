import Foundation
import Store
import Testing
@testable import Evaluation

/// The two-thread import (CaseImportPipeline): files longer than one batch.
@Suite("Case import pipeline")
struct CaseImportPipelineTests {
    static let rows = 5_000   // more than two batches of CaseImportPipeline.rowsPerBatch

    /// `rows` cases; `edit(line, fields)` may change the fields of a (1-based file) line.
    static func extract(_ edit: (Int, inout [String]) -> Void = { _, _ in }) -> String {
        var text = "case_id;cohort;gender;referral_date;caseworker_count\n"
        for i in 1...rows {
            var f = ["K\(i)", i % 3 == 0 ? "testteamet" : "linjen", i % 2 == 0 ? "girl" : "boy",
                     String(format: "2021-%02d-%02d", 1 + i % 12, 1 + i % 28), "\(i % 4)"]
            edit(i + 1, &f)
            text += f.joined(separator: ";") + "\n"
        }
        return text
    }

    @Test func everyRowIsStoredInOrderWithProgressAndForeignKeysBackOn() throws {
        #expect(Self.rows > 2 * CaseImportPipeline.rowsPerBatch)
        let bench = try CaseTestBench()
        let file = try bench.write("big.csv", Self.extract())
        var reports: [(Int, Int)] = []
        let request = CaseImportRequest(path: file, displayName: "big.csv", model: bench.model, today: CaseTestBench.today)
        let summary = try CaseImporter(bench.database).run(request) { reports.append(($0, $1)) }
        #expect(summary.rows == Self.rows)
        #expect(summary.pilotRows == Self.rows / 3)
        #expect(try bench.count("cases") == Self.rows)
        // i = 4998: 4998 % 3 = 0 (pilot), even (girl), 4998 % 12 = 6 (July),
        // 4998 % 28 = 14 (the 15th), 4998 % 4 = 2.
        let late = try bench.database.queryFirst("SELECT cohort, gender, referral_date, caseworker_count FROM cases WHERE case_id = 'K4998'")
        #expect(late?.string("cohort") == "testteamet")
        #expect(late?.string("gender") == "girl")
        #expect(late?.string("referral_date") == "2021-07-15")
        #expect(late?.double("caseworker_count") == 2)
        let size = try #require(FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        #expect(reports.last.map { $0.0 == $0.1 && $0.1 == size } == true)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.0 <= $1.0 })
        #expect(try bench.database.scalar("PRAGMA foreign_keys").int == 1)
        #expect(try bench.database.scalar("PRAGMA foreign_key_check").isNull)
    }

    /// The converter runs ahead of the inserts, yet the error reported is the first in
    /// the file, whichever thread finds it; nothing is written either way.
    @Test func theFirstBadRowInTheFileIsReportedWhicheverThreadFindsIt() throws {
        let bench = try CaseTestBench()
        // A duplicate case id (found by the insert) on line 3000, a bad date (found by
        // the converter, in a later batch) on line 4500.
        let duplicateFirst = try bench.write("d.csv", Self.extract { line, f in
            if line == 3000 { f[0] = "K17" }
            if line == 4500 { f[3] = "2021-02-30" }
        })
        do {
            try bench.importCases(duplicateFirst)
            Issue.record("a repeated case id was accepted")
        } catch let e as CSVError {
            #expect(e.line == 3000 && e.column == 1)
            #expect(e.message == "case_id: case_id \"K17\" occurs earlier in the file; an extract has one row per case")
        }
        let dateFirst = try bench.write("e.csv", Self.extract { line, f in
            if line == 4500 { f[0] = "K17" }
            if line == 3000 { f[3] = "2021-02-30" }
        })
        do {
            try bench.importCases(dateFirst)
            Issue.record("an impossible date was accepted")
        } catch let e as CSVError {
            #expect(e.line == 3000)
            #expect(e.message.hasPrefix("referral_date: "))
        }
        // A bad value in the very last row, in the last, partly filled batch.
        let lastRow = try bench.write("l.csv", Self.extract { line, f in
            if line == Self.rows + 1 { f[2] = "kvinna" }
        })
        #expect(throws: CSVError.self) { try bench.importCases(lastRow) }
        #expect(try bench.count("cases") == 0)
        #expect(try bench.count("imports") == 0)
        #expect(try bench.database.scalar("PRAGMA foreign_keys").int == 1)
    }
}
