import Foundation
import Testing

/// `imports list` says when a later import replaced an import's rows, by the rule the
/// readers use (docs/storage.md, "Superseded imports"): indicator values by indicator,
/// period and group, the later import winning; cases by case id, the later extract date
/// (then the later import) winning. Undo brings the earlier rows back.
@Suite struct SupersededImportTests {
    func listing(_ cli: CLIRunner) throws -> [[String: Any]] {
        let out = try cli.run(["imports", "list", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        return try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [[String: Any]]
    }

    func superseded(_ rows: [[String: Any]]) -> [Int: (rows: Int, by: [Int])] {
        var out: [Int: (Int, [Int])] = [:]
        for r in rows { out[r["id"] as! Int] = (r["superseded_rows"] as! Int, r["superseded_by"] as! [Int]) }
        return out
    }

    @Test func aCorrectedIndicatorFileSupersedesTheCellsItGives() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml")]).status == 0)
        #expect(try cli.run(["indicators", "import", CLIRunner.fixture("indicators/tertial1.csv"), "--model", "exempelenheten"]).status == 0)
        // Nothing superseded yet: the table is as it always was.
        #expect(try !cli.run(["imports", "list"]).stdout.contains("superseded"))
        // The correction gives I1 2022-T1 total and girls again (2 of the first file's 8
        // rows) and a new cell (I3 2022-T2), which supersedes nothing.
        try "indicator,period,group,value,numerator,denominator\nI1,2022-T1,total,,42,50\nI1,2022-T1,girls,,21,24\nI3,2022-T2,total,93,,\n"
            .write(toFile: cli.path("rättelse.csv"), atomically: true, encoding: .utf8)
        let corrected = try cli.run(["indicators", "import", "rättelse.csv", "--model", "exempelenheten"])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        var s = superseded(try listing(cli))
        #expect(s[1]! == (2, [2]))
        #expect(s[2]! == (0, []))
        let table = try cli.run(["imports", "list"])
        #expect(table.stdout.contains("superseded"))
        #expect(table.stdout.contains("2 of 8 rows by 2"))
        // A third file with the whole of the first file's I1 cell, and undoing it.
        try "indicator,period,group,value,numerator,denominator\nI1,2022-T1,total,,43,50\nI1,2022-T1,girls,,21,24\nI1,2022-T1,boys,,22,26\n"
            .write(toFile: cli.path("igen.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["indicators", "import", "igen.csv", "--model", "exempelenheten"]).status == 0)
        s = superseded(try listing(cli))
        #expect(s[1]! == (3, [3]))                // total, girls and boys of I1: all now read from 3
        #expect(s[2]! == (2, [3]))
        #expect(try cli.run(["imports", "undo", "3"]).status == 0)
        s = superseded(try listing(cli))
        #expect(s[1]! == (2, [2]) && s[2]! == (0, []))
    }

    @Test func aLaterExtractSupersedesTheCasesItHoldsByExtractDate() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        let header = "case_id,cohort,gender,referral_date\n"
        try (header + "A1,exempelteamet,girl,2021-01-10\nA2,linjen,boy,2021-02-01\nA3,linjen,girl,2021-03-01\n")
            .write(toFile: cli.path("juni.csv"), atomically: true, encoding: .utf8)
        try (header + "A1,exempelteamet,girl,2021-01-10\nA2,linjen,boy,2021-02-01\nA4,linjen,girl,2021-09-01\n")
            .write(toFile: cli.path("december.csv"), atomically: true, encoding: .utf8)
        try (header + "A1,exempelteamet,girl,2021-01-10\n").write(toFile: cli.path("mars.csv"), atomically: true, encoding: .utf8)
        for (file, date) in [("juni.csv", "2021-06-30"), ("december.csv", "2021-12-31"), ("mars.csv", "2021-03-31")] {
            let out = try cli.run(["cases", "import", file, "--model", "exempelteamet", "--extract-date", date])
            #expect(out.status == 0, "\(out.stderr)")
        }
        // December replaces A1 and A2 of June; March, imported last but older, is
        // replaced whole by December, and replaces nothing.
        var s = superseded(try listing(cli))
        #expect(s[1]! == (2, [2]))
        #expect(s[2]! == (0, []))
        #expect(s[3]! == (1, [2]))
        #expect(try cli.run(["imports", "list"]).stdout.contains("all by 2"))
        // Without December, June is current again, and March is older than June.
        #expect(try cli.run(["imports", "undo", "2"]).status == 0)
        s = superseded(try listing(cli))
        #expect(s[1]! == (0, []) && s[3]! == (1, [1]))
    }
}
