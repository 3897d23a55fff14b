import Foundation
import Testing

@Suite struct CompareCommandTests {
    /// Swedish Excel's semicolon CSV with decimal commas (Windows-1252 header byte
    /// for "å") gives exactly the JSON of a plain comma CSV.
    @Test func semicolonDecimalCommaMatchesPlainCSV() throws {
        let cli = try CLIRunner()
        try "grupp,dagar\nvallingbyteamet,12.5\nvallingbyteamet,14\nvallingbyteamet,9.5\nlinjen,20\nlinjen,18.5\nlinjen,25\n"
            .write(toFile: cli.path("plain.csv"), atomically: true, encoding: .utf8)
        var bytes: [UInt8] = Array("grupp;dagar;v".utf8) + [0xE5] + Array("rd\r\n".utf8)
        bytes += Array("vallingbyteamet;12,5;x\r\nvallingbyteamet;14;x\r\nvallingbyteamet;9,5;x\r\nlinjen;20;x\r\nlinjen;18,5;x\r\nlinjen;25;x\r\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: cli.path("excel.csv")))
        let args = ["--group", "grupp", "--pilot", "vallingbyteamet", "--outcome", "dagar", "--format", "json"]
        let plain = try cli.run(["compare", "plain.csv"] + args)
        let excel = try cli.run(["compare", "excel.csv"] + args)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(excel.status == 0, "\(excel.stderr)")
        #expect(plain.stdout == excel.stdout)
        // Welch difference pilot − line by hand: 12 − 21.1666… = −9.1666…
        let json = try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as! [String: Any]
        let diff = (json["difference"] as! [String: Any])["estimate"] as! Double
        #expect(abs(diff - (12.0 - 63.5 / 3)) < 1e-12)
        #expect(json["kind"] as? String == "continuous")
    }

    /// `--by` gives, per stratum, exactly what `compare` gives on that stratum's rows
    /// alone, and overall what it gives without `--by`; rows with a blank stratum count
    /// only overall.
    @Test func byStratumMatchesSeparateFiles() throws {
        let cli = try CLIRunner()
        let rows = [("vallingbyteamet", "flicka", "12,5"), ("vallingbyteamet", "pojke", "14"),
                    ("vallingbyteamet", "flicka", "9,5"), ("vallingbyteamet", "pojke", "11"),
                    ("linjen", "flicka", "20"), ("linjen", "pojke", "18,5"), ("linjen", "flicka", "25"),
                    ("linjen", "pojke", "22"), ("linjen", "", "30")]
        func write(_ name: String, _ keep: (String) -> Bool) throws {
            let body = rows.filter { keep($0.1) }.map { "\($0.0);\($0.1);\($0.2)" }.joined(separator: "\n")
            try ("cohort;kön;dagar\n" + body + "\n").write(toFile: cli.path(name), atomically: true, encoding: .utf8)
        }
        try write("all.csv") { _ in true }
        try write("girls.csv") { $0 == "flicka" }
        try write("boys.csv") { $0 == "pojke" }
        let args = ["--group", "cohort", "--pilot", "vallingbyteamet", "--outcome", "dagar", "--format", "json"]
        func object(_ out: CLIRunner.Output) throws -> [String: Any] {
            #expect(out.status == 0, "\(out.stderr)")
            return try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
        }
        let by = try object(cli.run(["compare", "all.csv"] + args + ["--by", "kön"]))
        let groups = by["groups"] as! [String: Any]
        #expect(Set(groups.keys) == ["flicka", "pojke"])
        #expect(by["by"] as? String == "kön")
        // The count of non-numeric cells is the file's, once at the top (with --by) or
        // beside the result (without); the comparisons themselves are the same.
        #expect((by["non_numeric_cells"] as? [String: Any])?["count"] as? Int == 0)
        func comparison(_ file: String) throws -> [String: Any] {
            var result = try object(cli.run(["compare", file] + args))
            #expect(result.removeValue(forKey: "non_numeric_cells") != nil)
            return result
        }
        let girls = try comparison("girls.csv")
        let boys = try comparison("boys.csv")
        let overall = try comparison("all.csv")
        #expect(NSDictionary(dictionary: groups["flicka"] as! [String: Any]).isEqual(to: girls))
        #expect(NSDictionary(dictionary: groups["pojke"] as! [String: Any]).isEqual(to: boys))
        #expect(NSDictionary(dictionary: by["overall"] as! [String: Any]).isEqual(to: overall))
        // Girls by hand: pilot mean (12.5 + 9.5)/2 = 11, line (20 + 25)/2 = 22.5.
        let diff = ((groups["flicka"] as! [String: Any])["difference"] as! [String: Any])["estimate"] as! Double
        #expect(abs(diff - (11 - 22.5)) < 1e-12)
    }

    /// Text in a numeric column is left out as missing; the JSON says how many cells and
    /// where the first was, as stderr does, beside DESIGN §5's keys (which stay as they are).
    @Test func textInNumericCellsIsCountedInTheJSON() throws {
        let cli = try CLIRunner()
        try "grupp;dagar\nvallingbyteamet;12\nvallingbyteamet;uppgift saknas\nvallingbyteamet;9\nlinjen;20\nlinjen;okänt\nlinjen;25\nlinjen;\n"
            .write(toFile: cli.path("x.csv"), atomically: true, encoding: .utf8)
        func json(_ arguments: [String]) throws -> (object: [String: Any], stderr: String) {
            let out = try cli.run(arguments + ["--format", "json"])
            #expect(out.status == 0, "\(out.stderr)")
            return (try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any], out.stderr)
        }
        func expectTwoCells(_ object: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
            let cells = object["non_numeric_cells"] as? [String: Any] ?? [:]
            #expect(cells["column"] as? String == "dagar", sourceLocation: sourceLocation)
            #expect(cells["count"] as? Int == 2, sourceLocation: sourceLocation)
            #expect(cells["first_location"] as? String == "x.csv:3:2", sourceLocation: sourceLocation)
            #expect(cells["first_text"] as? String == "uppgift saknas", sourceLocation: sourceLocation)
        }
        let compare = try json(["compare", "x.csv", "--group", "grupp", "--pilot", "vallingbyteamet", "--outcome", "dagar"])
        expectTwoCells(compare.object)
        #expect(compare.stderr.contains("2 cell(s) in dagar are not numbers and were left out as missing (first: x.csv:3:2: \"uppgift saknas\")"))
        for key in ["kind", "outcome", "pilot", "comparison", "difference", "welch", "student", "mann_whitney", "hodges_lehmann", "hedges_g"] {
            #expect(compare.object[key] != nil, "compare.\(key)")
        }
        #expect((compare.object["pilot"] as! [String: Any])["n"] as? Int == 2)
        let byGroup = try json(["compare", "x.csv", "--group", "grupp", "--pilot", "vallingbyteamet", "--outcome", "dagar", "--by", "grupp"])
        expectTwoCells(byGroup.object)
        let describe = try json(["describe", "x.csv", "--column", "dagar"])
        expectTwoCells(describe.object)
        #expect(describe.object["n"] as? Int == 4 && describe.object["missing"] as? Int == 3)
        let describeBy = try json(["describe", "x.csv", "--column", "dagar", "--by", "grupp"])
        expectTwoCells(describeBy.object)
        // A clean column says 0, without a first cell.
        try "y\n1\n2\n".write(toFile: cli.path("clean.csv"), atomically: true, encoding: .utf8)
        let none = try json(["describe", "clean.csv", "--column", "y"])
        let cells = none.object["non_numeric_cells"] as? [String: Any] ?? [:]
        #expect(cells["column"] as? String == "y" && cells["count"] as? Int == 0 && cells.count == 2)
    }

    @Test func missingColumnIsAClearError() throws {
        let cli = try CLIRunner()
        try "a,b\n1,2\n".write(toFile: cli.path("x.csv"), atomically: true, encoding: .utf8)
        let out = try cli.run(["describe", "x.csv", "--column", "c"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("no column named \"c\""))
    }

    @Test func degenerateGroupSaysWhy() throws {
        let cli = try CLIRunner()
        try "g,y\np,1\nl,2\nl,3\n".write(toFile: cli.path("x.csv"), atomically: true, encoding: .utf8)
        let out = try cli.run(["compare", "x.csv", "--group", "g", "--pilot", "p", "--outcome", "y", "--kind", "continuous", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stdout.contains("NaN"))
        #expect(out.stdout.contains("_note"))
    }
}
