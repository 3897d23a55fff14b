import Foundation
import Testing

/// `piloteval runchart`, `measures` and `pdsa` as a user runs them.
@Suite struct RunChartCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func shipped(_ path: String) -> String { repository.appendingPathComponent(path).path }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// 1…12 by hand: median 6,5, longest run 6 (limit 7), 1 crossing (limit 3): signal.
    @Test func jsonOfAHandCheckedRunChart() throws {
        let cli = try CLIRunner()
        let rows = (1...12).map { "2021-\(String(format: "%02d", $0));\($0),0" }.joined(separator: "\r\n")
        try ("månad;tid\r\n" + rows + "\r\n").write(toFile: cli.path("t.csv"), atomically: true, encoding: .utf8)
        let out = try cli.run(["runchart", "t.csv", "--value", "tid", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let j = try json(out.stdout)
        #expect(j["chart"] as? String == "run" && j["n"] as? Int == 12 && j["n_useful"] as? Int == 12)
        #expect(j["median"] as? Double == 6.5 && j["longest_run"] as? Int == 6 && j["longest_run_max"] as? Int == 7)
        #expect(j["crossings"] as? Int == 1 && j["crossings_min"] as? Int == 3 && j["runs_signal"] as? Bool == true)
        let points = try #require(j["points"] as? [[String: Any]])
        #expect(points.count == 12 && points[0]["x"] as? String == "2021-01-01" && points[0]["phase"] as? Int == 1)
    }

    @Test func tooFewPointsSaysSoInWords() throws {
        let cli = try CLIRunner()
        try "v,y\n1,4\n2,6\n3,5\n4,7\n5,3\n".write(toFile: cli.path("few.csv"), atomically: true, encoding: .utf8)
        let out = try cli.run(["runchart", "few.csv", "--value", "y", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("no signal is possible"))
        let j = try json(out.stdout)
        #expect(j["signal_possible"] as? Bool == false)
        #expect((j["runs_note"] as? String)?.contains("no signal is possible") == true)
        let table = try cli.run(["runchart", "few.csv", "--value", "y", "--format", "table"])
        #expect(table.stdout.contains("not possible"))
    }

    @Test func usageAndInputErrors() throws {
        let cli = try CLIRunner()
        try "v;y\n1;4\n2;x\n".write(toFile: cli.path("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try cli.run(["runchart", "bad.csv", "--value", "y"])
        #expect(bad.status == 1 && bad.stderr.contains("bad.csv:3:2"))
        let both = try cli.run(["runchart", "bad.csv", "--value", "y", "--freeze", "2", "--part", "1"])
        #expect(both.status == 64)
        let noValue = try cli.run(["runchart", "bad.csv"])
        #expect(noValue.status == 64)
        let noDen = try cli.run(["runchart", Self.shipped("Datasets/vallingbyteamet/genombrott-tidsplanerade-utredningar.csv"),
                                 "--value", "planerade", "--chart", "p"])
        #expect(noDen.status == 1 && noDen.stderr.contains("needs a denominator"))
    }

    @Test func svgIsAccessibleAndSwedish() throws {
        let cli = try CLIRunner()
        let out = try cli.run(["runchart", Self.shipped("Datasets/vallingbyteamet/genombrott-tidsplanerade-utredningar.csv"),
                               "--value", "planerade", "--denominator", "inledda", "--chart", "p", "--freeze", "7", "-o", "p.svg"])
        #expect(out.status == 0, "\(out.stderr)")
        let svg = try String(contentsOfFile: cli.path("p.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("<title id=\"runchart-title\">") && svg.contains("aria-label="))
        #expect(svg.contains("p-diagram") && svg.contains("Baslinje") && svg.contains("ÖSG"))
        #expect(svg.contains(",") && svg.contains("\u{00A0}%"))        // "42,0 %" with a no-break space
        let en = try cli.run(["runchart", Self.shipped("Datasets/vallingbyteamet/genombrott-tidsplanerade-utredningar.csv"),
                              "--value", "planerade", "--denominator", "inledda", "--chart", "p", "--lang", "en"])
        #expect(en.stdout.contains("P chart") && en.stdout.contains("UCL"))
    }

    /// The whole flow: model, cycles, measure import (once), chart with annotations, undo.
    @Test func measuresAndPDSAEndToEnd() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", Self.shipped("Models/vallingbyteamet.yaml")]).status == 0)
        let pdsaDir = Self.shipped("Models/pdsa")
        let files = try FileManager.default.contentsOfDirectory(atPath: pdsaDir).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { pdsaDir + "/" + $0 }
        let added = try cli.run(["pdsa", "add"] + files)
        #expect(added.status == 0, "\(added.stderr)")
        let csv = Self.shipped("Datasets/vallingbyteamet/genombrott-tidsplanerade-utredningar.csv")
        let imported = try cli.run(["measures", "import", csv, "--measure", "tidsplanerade-utredningar",
                                    "--value", "planerade", "--denominator", "inledda"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let again = try cli.run(["measures", "import", csv, "--measure", "tidsplanerade-utredningar",
                                 "--value", "planerade", "--denominator", "inledda"])
        #expect(again.status == 1 && again.stderr.contains("already imported"))
        let chart = try cli.run(["runchart", "--measure", "tidsplanerade-utredningar", "--chart", "p", "--format", "json"])
        #expect(chart.status == 0, "\(chart.stderr)")
        let j = try json(chart.stdout)
        let pdsa = try #require(j["pdsa"] as? [[String: Any]])
        #expect(pdsa.map { $0["id"] as? String } == ["tidsplan-1", "tidsplan-2", "tidsplan-3"])
        let show = try cli.run(["pdsa", "show", "tidsplan-2"])
        #expect(show.stdout.contains("tidsplan-1 → [tidsplan-2] → tidsplan-3"))
        let list = try cli.run(["pdsa", "list", "--measure", "informationsbrev-till-barn"])
        #expect(list.stdout.contains("infobrev-3") && !list.stdout.contains("tidsplan-1"))
        let undo = try cli.run(["imports", "undo", "1"])
        #expect(undo.status == 0 && undo.stderr.contains("measure_values"), "\(undo.stdout)\(undo.stderr)")
    }

    @Test func invalidPDSAFileIsLocatedAndNothingStored() throws {
        let cli = try CLIRunner()
        try """
        schema: piloteval/pdsa/v1
        id: x
        title: T
        activity: A1
        change_idea: C
        plan: {prediction: P}
        do: {start: 2021-03-01, end: 2021-03-20}
        act: {decision: keep}
        """.write(toFile: cli.path("x.yaml"), atomically: true, encoding: .utf8)
        let out = try cli.run(["pdsa", "add", "x.yaml"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("x.yaml:8:"), "\(out.stderr)")
        #expect(out.stderr.contains("adopt, adapt, abandon"))
        let list = try cli.run(["pdsa", "list", "--format", "json"])
        #expect(list.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || list.stdout.contains("[]"))
    }
}
