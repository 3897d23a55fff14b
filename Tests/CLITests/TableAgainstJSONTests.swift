import Foundation
import Testing

/// The terminal table of a command shows the figures of its JSON (DESIGN §7: one result,
/// several views), rounded the way the table rounds (`NumberStyle.terminal`: English,
/// half away from zero, docs/decisions.md). The expected strings are made here from the
/// JSON's numbers with `String(format:)` after rounding half away from zero, independently
/// of the formatter. `cases compare` and `indicators
/// status` have their own such tests.
@Suite struct TableAgainstJSONTests {
    static func object(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    /// Two decimals, half away from zero (2.125 → "2.13"; printf alone gives "2.12").
    static func two(_ x: Double) -> String { String(format: "%.2f", (x * 100).rounded(.toNearestOrAwayFromZero) / 100) }

    /// The cells of the row starting with `prefix` (columns are two spaces apart).
    static func row(_ text: String, _ prefix: String) -> [String]? {
        text.components(separatedBy: "\n").first { $0.hasPrefix(prefix) }
            .map { $0.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    @Test func readinessSummaryTableShowsEveryItemMeanOfTheJSON() throws {
        let cli = try CLIRunner()
        for name in ["instrument.yaml", "wave-a.csv"] {
            try FileManager.default.copyItem(atPath: CLIRunner.fixture("readiness/" + name), toPath: cli.path(name))
        }
        #expect(try cli.run(["readiness", "import", "wave-a.csv", "--instrument", "./instrument.yaml", "--wave", "wave-a"]).status == 0)
        let json = try Self.object(cli.run(["readiness", "summary", "--instrument", "test-readiness", "--format", "json"]).stdout)
        let table = try cli.run(["readiness", "summary", "--instrument", "test-readiness"]).stdout
        let units = try #require(json["units"] as? [[String: Any]])
        var checked = 0
        for unit in units where (unit["suppressed"] as? Bool) != true {
            // Each unit's block starts at its heading; its item rows follow.
            let name = unit["unit"] as! String
            let block = try #require(table.components(separatedBy: name + "  n = ").dropFirst().first)
            for item in (unit["items"] as? [[String: Any]]) ?? [] {
                guard let mean = item["mean"] as? Double, let sd = item["sd"] as? Double else { continue }
                let key = item["item"] as! String
                let cells = try #require(Self.row(block, key + " ") ?? Self.row(block, key + "  "), "\(name) \(key)")
                #expect(cells[2] == Self.two(mean), "\(name) \(key): \(cells)")
                #expect(cells[3] == Self.two(sd), "\(name) \(key): \(cells)")
                checked += 1
            }
        }
        #expect(checked >= 10)
    }

    @Test func runChartTableShowsTheCentreLineAndPointsOfTheJSON() throws {
        let cli = try CLIRunner()
        let csv = "vecka,tid\n" + (1...20).map { "2024-\(String(format: "%02d", ($0 - 1) / 4 + 1))-\(String(format: "%02d", ($0 - 1) % 4 * 7 + 1)),\([12, 15, 11, 14, 13, 16, 12, 18, 9, 14, 13, 12, 17, 11, 10, 9, 8, 9, 7, 8][$0 - 1])" }.joined(separator: "\n") + "\n"
        try csv.write(toFile: cli.path("t.csv"), atomically: true, encoding: .utf8)
        let json = try Self.object(cli.run(["runchart", "t.csv", "--value", "tid", "--date", "vecka", "--format", "json"]).stdout)
        let table = try cli.run(["runchart", "t.csv", "--value", "tid", "--date", "vecka", "--format", "table"]).stdout
        let centre = try #require(json["centre"] as? Double)
        let phaseRow = try #require(Self.row(table, "    1  ") ?? Self.row(table, "1  "))
        // Four significant digits: a centre between 10 and 100 has two decimals.
        #expect(phaseRow.contains(Self.two(centre)), "\(phaseRow)")
        #expect(phaseRow.contains(String(json["n_useful"] as! Int)), "\(phaseRow)")
        let points = try #require(json["points"] as? [[String: Any]])
        #expect(points.count == 20)
        for (k, p) in points.enumerated() {
            let index = k + 1
            let y = try #require(p["y"] as? Double)
            let cells = try #require(table.components(separatedBy: "\n").first { line in
                line.trimmingCharacters(in: .whitespaces).hasPrefix("\(index)  ") && line.contains(p["label"] as! String)
            }.map { $0.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } })
            #expect(cells[2] == (y < 10 ? String(format: "%.3f", y) : Self.two(y)), "point \(index): \(cells)")
        }
    }
}

/// Every import command's `--format json` is the import's record, exactly as `imports
/// list --format json` shows it (DESIGN §8: the API answers an import with that record).
@Suite struct ImportRecordJSONTests {
    @Test func importCommandsPrintTheirRecordAsImportsListDoes() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml")]).status == 0)
        for name in ["instrument.yaml", "wave-a.csv"] {
            try FileManager.default.copyItem(atPath: CLIRunner.fixture("readiness/" + name), toPath: cli.path(name))
        }
        try "date;value\n2021-01-04;3\n2021-01-11;4\n".write(toFile: cli.path("m.csv"), atomically: true, encoding: .utf8)
        let runs = [
            ["indicators", "import", CLIRunner.fixture("indicators/tertial1.csv"), "--model", "exempelenheten", "--format", "json"],
            ["readiness", "import", "wave-a.csv", "--instrument", "./instrument.yaml", "--wave", "wave-a", "--format", "json"],
            ["measures", "import", "m.csv", "--measure", "tidsplan", "--format", "json"],
        ]
        var printed: [[String: Any]] = []
        for args in runs {
            let out = try cli.run(args)
            #expect(out.status == 0, "\(args[0]): \(out.stderr)")
            #expect(out.stderr.contains("imported"), "\(args[0]): the human line goes to stderr")
            printed.append(try TableAgainstJSONTests.object(out.stdout))
        }
        let list = try JSONSerialization.jsonObject(with: Data(try cli.run(["imports", "list", "--format", "json"]).stdout.utf8)) as! [[String: Any]]
        #expect(list.count == 3)
        for (record, listed) in zip(printed, list) {
            #expect(NSDictionary(dictionary: record).isEqual(to: listed), "\(record) vs \(listed)")
        }
        #expect(printed.map { $0["kind"] as? String } == ["indicators", "readiness", "measures"])
    }
}
