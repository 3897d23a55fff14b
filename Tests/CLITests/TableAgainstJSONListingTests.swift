import Foundation
import Testing

/// The rest of the commands that print a table, each against its JSON (DESIGN §7): the
/// listings (`imports list`, `model list`, `measures list`, `pdsa list` and `show`,
/// `cases import`, `cases purge`), `compare` and `describe` on any CSV, `indicators
/// trend`, `readiness trend` and `gaps`. Figures are rounded here from the JSON by hand
/// (`String(format:)` after rounding half away from zero, counts grouped by three with a
/// comma: `NumberStyle.terminal`), independently of the formatter. The last test walks
/// the command tree so a new command with a table cannot go unchecked.
extension TableAgainstJSONTests {
    // MARK: Reading a table

    /// A table as the terminal writer draws it: the header, the rule of dashes under it,
    /// the rows up to the first blank line. Cells are cut at the rule's column extents,
    /// so empty cells and cells with spaces are read right. `after` skips to the first
    /// table below a line starting with it.
    static func grid(_ text: String, after: String? = nil) -> (header: [String], rows: [[String]])? {
        var lines = text.components(separatedBy: "\n")
        if let after, let k = lines.firstIndex(where: { $0.hasPrefix(after) }) { lines = Array(lines[(k + 1)...]) }
        // The rule under a header has a gap between columns; a heading's underline has none.
        guard let r = lines.firstIndex(where: { $0.hasPrefix("-") && $0.contains(" ") && $0.allSatisfy { $0 == "-" || $0 == " " } }),
              r > 0 else {
            return nil
        }
        let rule = Array(lines[r])
        var extents: [Range<Int>] = []
        var start: Int? = nil
        for (i, c) in rule.enumerated() {
            if c == "-", start == nil { start = i }
            if c == " ", let s = start { extents.append(s..<i); start = nil }
        }
        if let s = start { extents.append(s..<rule.count) }
        func cells(_ line: String) -> [String] {
            let chars = Array(line)
            return extents.enumerated().map { k, e in
                // The last column takes the rest of the line (it is not padded).
                let upper = k == extents.count - 1 ? chars.count : min(e.upperBound, chars.count)
                guard e.lowerBound < upper else { return "" }
                return String(chars[e.lowerBound..<upper]).trimmingCharacters(in: .whitespaces)
            }
        }
        let body = lines[(r + 1)...].prefix { !$0.isEmpty }
        return (cells(lines[r - 1]), body.map(cells))
    }

    /// A count as the terminal writes it: 1234 → "1,234".
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func rounded(_ x: Double, _ decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        return String(format: "%.\(decimals)f", (x * scale).rounded(.toNearestOrAwayFromZero) / scale)
    }

    static func list(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], "\(text)")
    }

    // MARK: Listings

    /// A database with two models (one in two versions), indicator, readiness, measure
    /// and case imports and the shipped PDSA cycles.
    static func listingsDatabase() throws -> CLIRunner {
        let cli = try CLIRunner()
        let model = try String(contentsOfFile: CLIRunner.fixture("indicators/model.yaml"), encoding: .utf8)
        try model.write(toFile: cli.path("plan.yaml"), atomically: true, encoding: .utf8)
        for name in ["instrument.yaml", "wave-a.csv"] {
            try FileManager.default.copyItem(atPath: CLIRunner.fixture("readiness/" + name), toPath: cli.path(name))
        }
        let pdsaDir = RunChartCommandTests.shipped("Models/pdsa")
        let cycles = try FileManager.default.contentsOfDirectory(atPath: pdsaDir).filter { $0.hasSuffix(".yaml") }.sorted()
        let runs: [[String]] = [
            ["model", "add", "plan.yaml"],
            ["model", "add", RunChartCommandTests.shipped("Models/vallingbyteamet.yaml")],
            ["indicators", "import", CLIRunner.fixture("indicators/tertial1.csv"), "--model", "exempelenheten"],
            ["readiness", "import", "wave-a.csv", "--instrument", "./instrument.yaml", "--wave", "wave-a"],
            ["measures", "import", RunChartCommandTests.shipped("Datasets/vallingbyteamet/genombrott-tidsplanerade-utredningar.csv"),
             "--measure", "tidsplanerade-utredningar", "--value", "planerade", "--denominator", "inledda"],
            ["pdsa", "add"] + cycles.map { pdsaDir + "/" + $0 },
            ["synth", "cases", "--seed", "3", "--cases", "1200", "--out", "cases.csv"],
        ]
        for args in runs {
            let out = try cli.run(args)
            #expect(out.status == 0, "\(args): \(out.stderr)")
        }
        // A second version of the plan.
        try (model + "\n# a second version\n").replacingOccurrences(of: "name: Exempelenheten, verksamhetsplan 2022",
                                                                   with: "name: Exempelenheten, verksamhetsplan 2022 (rev.)")
            .write(toFile: cli.path("plan.yaml"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["model", "add", "plan.yaml"]).status == 0)
        return cli
    }

    @Test func listingsShowTheirJSON() throws {
        let cli = try Self.listingsDatabase()

        // cases import: the summary's figures; its JSON from the same file imported into
        // a second database (a file is imported once per database).
        let synthModel = try String(contentsOfFile: CLIRunner.fixture("model.yaml"), encoding: .utf8)
        try synthModel.write(toFile: cli.path("team.yaml"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["model", "add", "team.yaml"]).status == 0)
        #expect(try cli.run(["model", "add", "team.yaml", "--db", "second.db"]).status == 0)
        let imported = try cli.run(["cases", "import", "cases.csv", "--model", "exempelteamet"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let caseJSON = try Self.object(cli.run(["cases", "import", "cases.csv", "--model", "exempelteamet", "--db", "second.db",
                                                "--format", "json"]).stdout)
        let fields = Dictionary(imported.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }.map { line -> (String, String) in
            let parts = line.components(separatedBy: "  ").filter { !$0.isEmpty }
            return (parts[0], parts.dropFirst().joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }, uniquingKeysWith: { a, _ in a })
        #expect(fields["cases"] == Self.count(caseJSON["rows"] as! Int) + ": pilot " + Self.count(caseJSON["pilot_rows"] as! Int)
                + ", line " + Self.count(caseJSON["line_rows"] as! Int), "\(imported.stdout)")
        #expect(fields["cohorts"] == (caseJSON["cohorts"] as! [String: Int]).sorted { $0.key < $1.key }
            .map { "\($0.key) \(Self.count($0.value))" }.joined(separator: ", "))
        #expect(fields["extract date"]?.hasPrefix(caseJSON["extract_date"] as! String) == true)
        #expect(fields["outcomes"] == ((caseJSON["outcomes"] as! [String]).isEmpty ? "none" : (caseJSON["outcomes"] as! [String]).joined(separator: ", ")))
        #expect(fields["superseded"] == "\(caseJSON["superseded_cases"] as! Int) case(s) replace an earlier extract's snapshot")

        // imports list: every import, each cell from its record.
        let imports = try Self.list(cli.run(["imports", "list", "--format", "json"]).stdout)
        let importsTable = try #require(Self.grid(try cli.run(["imports", "list"]).stdout))
        #expect(importsTable.header == ["id", "kind", "file", "target", "rows", "imported (UTC)", "sha256"])
        #expect(importsTable.rows.count == imports.count && imports.count == 4, "\(importsTable.rows)")
        for (row, r) in zip(importsTable.rows, imports) {
            #expect(row == ["\(r["id"] as! Int)", r["kind"] as! String, r["file_name"] as! String, (r["target"] as? String) ?? "",
                            Self.count(r["row_count"] as! Int), r["started_at"] as! String,
                            String((r["file_sha256"] as! String).prefix(12))], "\(row)")
        }

        // model list --versions: each model, then each version under it.
        let models = try Self.list(cli.run(["model", "list", "--format", "json"]).stdout)
        let modelsTable = try #require(Self.grid(try cli.run(["model", "list", "--versions"]).stdout))
        var expected: [[String]] = []
        for m in models {
            expected.append([m["id"] as! String, "\(m["latest_version"] as! Int)", "\(m["version_count"] as! Int)", m["added_at"] as! String])
            for v in m["versions"] as! [[String: Any]] {
                expected.append(["v\(v["version"] as! Int)", String((v["sha256"] as! String).prefix(12)),
                                 (v["source_path"] as? String) ?? "", v["added_at"] as! String])
            }
        }
        #expect(modelsTable.rows == expected)
        #expect(models.contains { $0["version_count"] as? Int == 2 })

        // measures list.
        let measures = try Self.list(cli.run(["measures", "list", "--format", "json"]).stdout)
        let measuresTable = try #require(Self.grid(try cli.run(["measures", "list"]).stdout))
        #expect(measuresTable.rows == measures.map { m in
            [m["measure"] as! String, (m["title"] as? String) ?? "", Self.count(m["points"] as! Int), m["first"] as! String, m["last"] as! String,
             (m["kind"] as! String) == "numerator_denominator" ? "numerator/denominator" : "value", m["counts"] as! String,
             (m["imports"] as! [Int]).map(String.init).joined(separator: ", ")]
        })

        // pdsa list: every cycle by start date.
        let cycles = try Self.list(cli.run(["pdsa", "list", "--format", "json"]).stdout)
        let cyclesTable = try #require(Self.grid(try cli.run(["pdsa", "list"]).stdout))
        #expect(cyclesTable.rows.count == cycles.count && cycles.count >= 10)
        for (row, c) in zip(cyclesTable.rows, cycles) {
            #expect(Array(row.prefix(5)) == [c["start"] as! String, (c["end"] as? String) ?? "", c["id"] as! String,
                                            c["activity"] as! String, (c["measure"] as? String) ?? ""], "\(row)")
            if let decision = c["decision"] as? String { #expect(row[5] == decision) }
            #expect(row[6] == ((c["previous"] as? String) ?? "") && row[7] == c["title"] as! String)
        }

        // pdsa show: the fields of one cycle.
        let shown = try Self.object(cli.run(["pdsa", "show", "tidsplan-2", "--format", "json"]).stdout)
        let showTable = try #require(Self.grid(try cli.run(["pdsa", "show", "tidsplan-2"]).stdout))
        let shownFields = Dictionary(showTable.rows.map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
        #expect(shownFields["title"] == shown["title"] as? String)
        #expect(shownFields["change idea"] == shown["change_idea"] as? String)
        #expect(shownFields["plan: prediction"] == shown["prediction"] as? String)
        #expect(shownFields["do"] == "\(shown["start"] as! String) … \(shown["end"] as! String)")
        #expect(shownFields["study"] == shown["observations"] as? String)
        #expect(shownFields["act"] == "\(shown["decision"] as! String): \(shown["next"] as! String)")
        #expect(shownFields["measure"] == shown["measure"] as? String)

        // cases purge --dry-run: per model and per import.
        let purge = try Self.object(cli.run(["cases", "purge", "--before", "2022-01-01", "--dry-run", "--format", "json"]).stdout)
        let purgeText = try cli.run(["cases", "purge", "--before", "2022-01-01", "--dry-run"]).stdout
        let perModel = try #require(Self.grid(purgeText))
        #expect(perModel.rows == (purge["models"] as! [[String: Any]]).map { m in
            [m["model"] as! String] + ["cases_purged", "rows_deleted", "cases_kept", "open_cases_kept",
                                       "open_cases_quiet_since_before_cut_off", "undated_cases_kept", "imports_emptied"]
                .map { Self.count(m[$0] as! Int) }
        })
        let perImport = try #require(Self.grid(purgeText, after: "exempelteamet"))
        #expect(perImport.rows == (purge["imports"] as! [[String: Any]]).map { i in
            ["\(i["import_id"] as! Int)", i["model"] as! String, i["file_name"] as! String, i["extract_date"] as! String,
             Self.count(i["rows_before"] as! Int), Self.count(i["rows_deleted"] as! Int),
             (i["emptied"] as! Bool) ? "0 (kept in the log with 0 rows)" : Self.count(i["rows_left"] as! Int)]
        })
        #expect(!(purge["imports"] as! [Any]).isEmpty)
    }

    // MARK: compare and describe on any CSV

    /// 60 rows: a pilot of 20 and a line of 40, a 0/1 outcome, days, two genders.
    static func anyCSV(_ cli: CLIRunner) throws {
        var csv = "grupp;kön;utfall;dagar\n"
        for i in 1...60 {
            let pilot = i % 3 == 0
            csv += "\(pilot ? "pilot" : "linjen");\(i % 2 == 0 ? "flicka" : "pojke");\((pilot ? i % 4 != 0 : i % 3 == 1) ? 1 : 0);\((i * 37) % 90 + (pilot ? 5 : 20))\n"
        }
        try csv.write(toFile: cli.path("any.csv"), atomically: true, encoding: .utf8)
    }

    @Test func compareAndDescribeShowTheirJSON() throws {
        let cli = try CLIRunner()
        try Self.anyCSV(cli)
        let base = ["compare", "any.csv", "--group", "grupp", "--pilot", "pilot"]

        // Binary: n, events, share and CI per group; the difference; p.
        let binary = try Self.object(cli.run(base + ["--outcome", "utfall", "--format", "json"]).stdout)
        let binaryText = try cli.run(base + ["--outcome", "utfall"]).stdout
        let groups = try #require(Self.grid(binaryText, after: "Groups"))
        for (row, key) in zip(groups.rows, ["pilot", "comparison"]) {
            let g = binary[key] as! [String: Any]
            #expect(row == [g["label"] as! String, Self.count(g["n"] as! Int), Self.count(g["events"] as! Int),
                            Self.rounded(100 * (g["proportion"] as! Double), 1) + "%",
                            Self.rounded(100 * (g["ci_low"] as! Double), 1) + " – " + Self.rounded(100 * (g["ci_high"] as! Double), 1) + "%"],
                    "\(row)")
        }
        let difference = try #require(Self.grid(binaryText, after: "Difference"))
        let d = binary["difference"] as! [String: Any]
        let estimate = 100 * (d["estimate"] as! Double)
        #expect(difference.rows[0][1] == (estimate > 0 ? "+" : "") + Self.rounded(estimate, 1) + "\u{00A0}pp", "\(difference.rows[0])")
        let chi = (binary["chi_square"] as! [String: Any])["p"] as! Double
        #expect(difference.rows[0][4] == (chi < 0.001 ? "<\u{00A0}0.001" : Self.rounded(chi, 3)))
        #expect((binary["fisher"] as! [String: Any])["p"] as! Double >= 0 && difference.rows[1][3] == "Fisher's exact test")
        #expect(!binaryText.contains("chi_square.p"))                       // no flattened keys

        // Continuous, by gender: means and SDs per group, the difference in means, each stratum.
        let continuous = try Self.object(cli.run(base + ["--outcome", "dagar", "--by", "kön", "--format", "json"]).stdout)
        let continuousText = try cli.run(base + ["--outcome", "dagar", "--by", "kön"]).stdout
        let overall = continuous["overall"] as! [String: Any]
        let cGroups = try #require(Self.grid(continuousText, after: "Groups"))
        for (row, key) in zip(cGroups.rows, ["pilot", "comparison"]) {
            let g = overall[key] as! [String: Any]
            #expect(Array(row.prefix(4)) == [g["label"] as! String, Self.count(g["n"] as! Int), Self.rounded(g["mean"] as! Double, 2),
                                             Self.rounded(g["sd"] as! Double, 2)], "\(row)")
        }
        let cDifference = try #require(Self.grid(continuousText, after: "Difference"))
        let dm = (overall["difference"] as! [String: Any])["estimate"] as! Double
        #expect(cDifference.rows[0][1] == (dm > 0 ? "+" : "") + Self.rounded(dm, 2), "\(cDifference.rows[0])")
        let strata = try #require(Self.grid(continuousText, after: "By kön"))
        let byValue = continuous["groups"] as! [String: Any]
        #expect(strata.rows.count == byValue.count)
        for row in strata.rows {
            let s = try #require(byValue[row[0]] as? [String: Any])
            let p = s["pilot"] as! [String: Any], c = s["comparison"] as! [String: Any]
            #expect(Array(row[1...4]) == [Self.count(p["n"] as! Int), Self.rounded(p["mean"] as! Double, 2),
                                         Self.count(c["n"] as! Int), Self.rounded(c["mean"] as! Double, 2)], "\(row)")
        }

        // describe, by group: one row per group with its figures.
        let described = try Self.object(cli.run(["describe", "any.csv", "--column", "dagar", "--by", "grupp", "--format", "json"]).stdout)
        let describeTable = try #require(Self.grid(try cli.run(["describe", "any.csv", "--column", "dagar", "--by", "grupp"]).stdout))
        let byGroup = described["groups"] as! [String: Any]
        #expect(describeTable.rows.count == 2)
        for row in describeTable.rows {
            let g = try #require(byGroup[row[0]] as? [String: Any])
            func whole(_ key: String) -> String {
                let v = g[key] as! Double
                return v == v.rounded() ? String(Int(v)) : Self.rounded(v, 2)
            }
            #expect(row == [row[0], Self.count(g["n"] as! Int), Self.count(g["missing"] as! Int), Self.rounded(g["mean"] as! Double, 2),
                            Self.rounded(g["sd"] as! Double, 2), whole("min"), whole("q1"), whole("median"), whole("q3"), whole("max"),
                            Self.rounded(g["ci_low"] as! Double, 2) + " – " + Self.rounded(g["ci_high"] as! Double, 2)], "\(row)")
        }
        let one = try Self.object(cli.run(["describe", "any.csv", "--column", "dagar", "--format", "json"]).stdout)
        let oneTable = try #require(Self.grid(try cli.run(["describe", "any.csv", "--column", "dagar"]).stdout))
        #expect(oneTable.rows.count == 1 && oneTable.rows[0][0] == "dagar" && oneTable.rows[0][3] == Self.rounded(one["mean"] as! Double, 2))
    }

    // MARK: Trends and gaps

    @Test func indicatorTrendShowsItsJSON() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml")]).status == 0)
        #expect(try cli.run(["indicators", "import", CLIRunner.fixture("indicators/tertial1.csv"), "--model", "exempelenheten"]).status == 0)
        let json = try Self.object(cli.run(["indicators", "trend", "--model", "exempelenheten", "--format", "json"]).stdout)
        let text = try cli.run(["indicators", "trend", "--model", "exempelenheten"]).stdout
        var checked = 0
        for indicator in json["indicators"] as! [[String: Any]] {
            let id = indicator["id"] as! String
            let points = indicator["points"] as! [[String: Any]]
            guard !points.isEmpty else { continue }
            let table = try #require(Self.grid(text, after: id + "  "), "\(id)")
            #expect(table.rows.map { $0[0] } == points.map { $0["period"] as! String }, "\(id)")
            for (row, p) in zip(table.rows, points) {
                guard let v = p["value"] as? Double else { #expect(row[1] == "–"); continue }
                // A value computed from counts has one decimal and its counts beside it.
                if let k = p["numerator"] as? Double, let n = p["denominator"] as? Double {
                    #expect(row[1] == Self.rounded(v, 1) + "% (\(Int(k))/\(Int(n)))", "\(id) \(row)")
                } else {
                    #expect(row[1].hasPrefix(v == v.rounded() ? String(Int(v)) : String(v)), "\(id) \(row)")
                }
                checked += 1
            }
        }
        #expect(checked >= 4)
    }

    @Test func readinessTrendAndGapsShowTheirJSON() throws {
        let cli = try CLIRunner()
        for name in ["instrument.yaml", "wave-a.csv", "wave-b.csv"] {
            try FileManager.default.copyItem(atPath: CLIRunner.fixture("readiness/" + name), toPath: cli.path(name))
        }
        #expect(try cli.run(["readiness", "import", "wave-a.csv", "--instrument", "./instrument.yaml", "--wave", "wave-a"]).status == 0)
        #expect(try cli.run(["readiness", "import", "wave-b.csv", "--instrument", "test-readiness", "--wave", "wave-b"]).status == 0)

        let trend = try Self.object(cli.run(["readiness", "trend", "--instrument", "test-readiness", "--format", "json"]).stdout)
        let trendTable = try #require(Self.grid(try cli.run(["readiness", "trend", "--instrument", "test-readiness"]).stdout))
        let series = trend["series"] as! [[String: Any]]
        #expect(trendTable.rows.count == series.count)
        for (row, s) in zip(trendTable.rows, series) {
            let key = (s["item"] as? String) ?? ("scale: " + ((s["scale"] as? String) ?? ""))
            #expect(row[0] == s["unit"] as! String && row[1] == key, "\(row)")
            for (k, point) in (s["points"] as! [[String: Any]]).enumerated() {
                if point["suppressed"] as? Bool == true { #expect(row[2 + k] == "<5"); continue }
                if let mean = point["mean"] as? Double { #expect(row[2 + k] == Self.rounded(mean, 2), "\(row)") }
            }
            if let change = (s["changes"] as! [[String: Any]]).last, let d = change["difference"] as? Double {
                let text = Self.rounded(d, 2)
                #expect(row[4] == (d > 0 && text != "0.00" ? "+" : "") + (text == "-0.00" ? "0.00" : text), "\(row)")
            }
        }

        let gaps = try Self.object(cli.run(["readiness", "gaps", "--instrument", "test-readiness", "--items", "a,d", "--format", "json"]).stdout)
        let gapsTable = try #require(Self.grid(try cli.run(["readiness", "gaps", "--instrument", "test-readiness", "--items", "a,d"]).stdout))
        let within = gaps["within_units"] as! [[String: Any]]
        #expect(gapsTable.rows.count == within.count && within.count == 3)
        for (row, x) in zip(gapsTable.rows, within) {
            #expect(Array(row.prefix(3)) == [x["unit"] as! String, x["item_a"] as! String, x["item_b"] as! String], "\(row)")
            #expect(row[4] == Self.rounded(x["mean_a"] as! Double, 2) && row[5] == Self.rounded(x["mean_b"] as! Double, 2), "\(row)")
        }
    }

    /// `model show --format table`: the report's logframe, one row per node of the JSON,
    /// every indicator in the row of the node it measures, every assumption in the rows
    /// of the nodes it is on.
    @Test func modelShowTableHoldsEveryNodeOfTheJSON() throws {
        let cli = try CLIRunner()
        let model = try Self.object(cli.run(["model", "show", CLIRunner.fixture("model.yaml"), "--format", "json"]).stdout)
        let table = try cli.run(["model", "show", CLIRunner.fixture("model.yaml"), "--format", "table"]).stdout
        // A row starts with its level in the first column and the node's id in the second.
        let lines = table.components(separatedBy: "\n")
        let header = try #require(lines.first { $0.hasPrefix("Nivå") })
        let column = header.distance(from: header.startIndex, to: try #require(header.range(of: "Beskrivning")).lowerBound)
        let rowIDs = lines.compactMap { line -> String? in
            guard line.count > column, line.first != " " else { return nil }
            return String(line.dropFirst(column)).split(separator: " ").first.map(String.init)
        }.filter { $0.first?.isLetter == true && $0.last?.isNumber == true }
        var nodes: [String] = []
        for kind in ["goals", "outcomes", "outputs", "activities", "inputs"] {
            nodes += (model[kind] as? [[String: Any]] ?? []).map { $0["id"] as! String }
        }
        #expect(Set(rowIDs) == Set(nodes), "\(table)")
        #expect(rowIDs.count == nodes.count)
        for indicator in model["indicators"] as! [[String: Any]] {
            #expect(table.contains((indicator["id"] as! String) + " "), "\(indicator["id"]!)")
        }
        for assumption in model["assumptions"] as! [[String: Any]] {
            let id = assumption["id"] as! String
            #expect(table.components(separatedBy: id + ":").count - 1 == (assumption["on"] as! [String]).count, "\(id)")
        }
    }

    // MARK: Every table is checked

    /// Commands whose `--format` offers `table` but print no table on stdout, with why.
    static let tableFormatWithoutATable: [String: String] = [
        "model validate": "one summary line per file",
        "model add": "one line: stored or unchanged",
        "pdsa add": "one line per cycle: stored or unchanged",
        "indicators import": "one line: what was imported",
        "readiness import": "a line on stderr",
        "measures import": "one line: what was imported",
        "measures title": "one line: the title and the import it is kept with",
        "measures baseline": "one line: the baseline (its points) and the import it is kept with",
        "imports undo": "a line on stderr; stdout only with --format json",
        "report verify": "the differences on stderr",
        "readiness chart": "an SVG: the readiness commands' shared --format, whose table here means the chart",
        "users add": "a line (and the generated password, once)", "users grant": "one line", "users revoke": "one line", "users disable": "one line",
        "users reset-password": "a line (and the generated password, once)", "users token": "one line ending in the token",
        "users revoke-token": "one line",
        "audit prune": "one line: how many entries were removed",
        "backup": "one line: where, how large, integrity checked",
    ]

    /// Commands with a table checked against their JSON: here, in TableAgainstJSONTests,
    /// or in the command's own tests (named).
    static let tablesChecked: [String: String] = [
        "imports list": "listingsShowTheirJSON", "model list": "listingsShowTheirJSON", "measures list": "listingsShowTheirJSON",
        "pdsa list": "listingsShowTheirJSON", "pdsa show": "listingsShowTheirJSON", "cases import": "listingsShowTheirJSON",
        "cases purge": "listingsShowTheirJSON",
        "users tokens": "UsersCommandTests.oneTokenIsRevokedByItsID",
        "compare": "compareAndDescribeShowTheirJSON", "describe": "compareAndDescribeShowTheirJSON",
        "indicators trend": "indicatorTrendShowsItsJSON",
        "indicators status": "IndicatorsCommandTests.yearStatusTableShowsComputedBesideRecorded",
        "readiness summary": "readinessSummaryTableShowsEveryItemMeanOfTheJSON",
        "readiness trend": "readinessTrendAndGapsShowTheirJSON", "readiness gaps": "readinessTrendAndGapsShowTheirJSON",
        "runchart": "runChartTableShowsTheCentreLineAndPointsOfTheJSON",
        "cases compare": "CasesCompareCommandTests.tableReadsAsAComparisonWithTheJSONsValues",
        "model diff": "ModelDiffCommandTests.jsonHoldsWhatTheTableShows",
        "model show": "modelShowTableHoldsEveryNodeOfTheJSON",
        "users list": "UsersCommandTests.listAndAuditTablesShowTheirJSON", "audit show": "UsersCommandTests.listAndAuditTablesShowTheirJSON",
    ]

    @Test func everyCommandThatPrintsATableIsChecked() throws {
        let cli = try CLIRunner()
        var withTable: [String] = []
        var queue: [[String]] = [[]]
        while let path = queue.popLast() {
            let help = try cli.run(path + ["--help"]).stdout
            let children = FormatOptionTests.subcommands(help)
            for child in children { queue.append(path + [child]) }
            guard children.isEmpty else { continue }
            // The help of --format, as argument-parser lists it (wrapped or not): up to the
            // next option.
            let flat = help.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            guard let start = flat.range(of: "OPTIONS:"), let option = flat[start.upperBound...].range(of: "--format <format>") else { continue }
            let rest = flat[option.upperBound...]
            let end = rest.range(of: #" --[a-z]"#, options: .regularExpression)?.lowerBound ?? rest.endIndex
            if rest[..<end].contains("table") { withTable.append(path.joined(separator: " ")) }
        }
        #expect(withTable.count > 20, "\(withTable)")
        for name in withTable {
            #expect(Self.tablesChecked[name] != nil || Self.tableFormatWithoutATable[name] != nil,
                    "\(name) prints a table that no test checks against its JSON")
        }
        for name in Array(Self.tablesChecked.keys) + Array(Self.tableFormatWithoutATable.keys) {
            #expect(withTable.contains(name), "\(name) is not a command with --format table")
        }
    }
}
