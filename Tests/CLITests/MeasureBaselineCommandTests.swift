import Foundation
import Testing

/// `measures baseline`: the points a measure's centre line and limits come from, set
/// once and read alike by `runchart --measure` and the reports (the demo's P chart of
/// family group conferences read "5 outside limits" in the CLI and "none outside" in
/// the final report before the baseline was stored with the measure).
///
/// The series, by hand: months 2021-01 … 2021-08, numerators 2, 3, 2, 3, 8, 9, 2, 3 of
/// 10 each. Baseline through 2021-04: p̄ = 10/40 = 0,25, UCL = 0,25 + 3·√(0,25·0,75/10)
/// = 0,660792, so 2021-05 (0,8) and 2021-06 (0,9) lie outside: 2 points. From every
/// point: p̄ = 32/80 = 0,4, UCL = 0,4 + 3·√(0,4·0,6/10) = 0,864758: only 2021-06, 1 point.
@Suite struct MeasureBaselineCommandTests {
    static let csv = """
    månad;planerade;inledda
    2021-01;2;10
    2021-02;3;10
    2021-03;2;10
    2021-04;3;10
    2021-05;8;10
    2021-06;9;10
    2021-07;2;10
    2021-08;3;10

    """

    func setUp() throws -> CLIRunner {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        try Self.csv.write(toFile: cli.path("t.csv"), atomically: true, encoding: .utf8)
        let imported = try cli.run(["measures", "import", "t.csv", "--measure", "tidsplan", "--value", "planerade",
                                    "--denominator", "inledda", "--title", "Tidsplanerade utredningar"])
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    func json(_ cli: CLIRunner, _ arguments: [String]) throws -> [String: Any] {
        let out = try cli.run(arguments)
        #expect(out.status == 0, "\(out.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }

    /// The report's record of the measure (`results.improvement.measures[0]`).
    func reported(_ cli: CLIRunner) throws -> [String: Any] {
        let made = try cli.run(["report", "--model", "exempelteamet", "--kind", "final", "--format", "json", "-o", "r.json"])
        #expect(made.status == 0, "\(made.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.path("r.json"))))
                                  as? [String: Any])
        let results = try #require(record["results"] as? [String: Any])
        let improvement = try #require(results["improvement"] as? [String: Any])
        return try #require((improvement["measures"] as? [[String: Any]])?.first)
    }

    @Test func theCLIAndTheReportReadTheStoredBaselineAlike() throws {
        let cli = try setUp()
        // Before a baseline: every point.
        var report = try reported(cli)
        #expect(abs((report["centre"] as? Double ?? 0) - 0.4) < 1e-12)
        #expect(report["points_outside_limits"] as? Int == 1 && report["baseline"] == nil)

        let set = try cli.run(["measures", "baseline", "tidsplan", "--through", "2021-04"])
        #expect(set.status == 0 && set.stdout.contains("baseline through 2021-04 (kept with import 1)"), "\(set.stdout)\(set.stderr)")
        let shown = try cli.run(["measures", "baseline", "tidsplan"])
        #expect(shown.stdout.contains("baseline 2021-01 … 2021-04 (4 of 8 points)"), "\(shown.stdout)")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["measures", "list", "--format", "json"]).stdout.utf8))
                                  as? [[String: Any]])
        #expect(listed.first?["baseline_through"] as? String == "2021-04-01")
        let asJSON = try json(cli, ["measures", "baseline", "tidsplan", "--format", "json"])
        #expect(asJSON["measure"] as? String == "tidsplan" && asJSON["baseline_through"] as? String == "2021-04-01")

        // runchart --measure reads it, and says so.
        let chart = try cli.run(["runchart", "--measure", "tidsplan", "--chart", "p", "--format", "json"])
        #expect(chart.stderr.contains("baseline 2021-01 … 2021-04 (4 points)"), "\(chart.stderr)")
        let read = try #require(try JSONSerialization.jsonObject(with: Data(chart.stdout.utf8)) as? [String: Any])
        let part = try #require((read["parts"] as? [[String: Any]])?.first)
        #expect(abs((read["centre"] as? Double ?? 0) - 0.25) < 1e-12)
        #expect(part["points_outside_limits"] as? Int == 2)
        let ucl = try #require((read["points"] as? [[String: Any]])?[4]["ucl"] as? Double)
        #expect(abs(ucl - (0.25 + 3 * (0.25 * 0.75 / 10).squareRoot())) < 1e-12 && abs(ucl - 0.660792) < 1e-6)

        // The report agrees, and names the baseline.
        report = try reported(cli)
        #expect(abs((report["centre"] as? Double ?? 0) - 0.25) < 1e-12)
        #expect(report["points_outside_limits"] as? Int == 2)
        let baseline = try #require(report["baseline"] as? [String: Any])
        #expect(baseline["points"] as? Int == 4 && baseline["first"] as? String == "2021-01" && baseline["last"] as? String == "2021-04")
        let md = try cli.run(["report", "--model", "exempelteamet", "--kind", "final", "--format", "markdown", "-o", "r.md"])
        #expect(md.status == 0)
        let text = try String(contentsOfFile: cli.path("r.md"), encoding: .utf8)
        #expect(text.contains("räknas på baslinjen, de 4 mätpunkterna januari 2021 – april 2021"), "\(text)")
        #expect(text.contains("Baslinjens centrumlinje är 25\u{A0}%") && text.contains("2 punkter ligger utanför styrgränserna"), "\(text)")

        // --freeze still overrides for one chart: 6 points, p̄ = 27/60.
        let frozen = try json(cli, ["runchart", "--measure", "tidsplan", "--chart", "p", "--freeze", "6", "--format", "json"])
        #expect(abs((frozen["centre"] as? Double ?? 0) - 0.45) < 1e-12)

        // --none reads every point again.
        let none = try cli.run(["measures", "baseline", "tidsplan", "--none"])
        #expect(none.status == 0 && none.stdout.contains("no baseline"), "\(none.stdout)")
        #expect(abs((try reported(cli)["centre"] as? Double ?? 0) - 0.4) < 1e-12)
        let again = try json(cli, ["runchart", "--measure", "tidsplan", "--chart", "p", "--format", "json"])
        #expect(abs((again["centre"] as? Double ?? 0) - 0.4) < 1e-12)
    }

    @Test func aBaselineThatCannotBeUsedIsRefusedAndChangesNothing() throws {
        let cli = try setUp()
        #expect(try cli.run(["measures", "baseline", "tidsplan", "--through", "2021-03"]).status == 0)
        for (through, says) in [("2021-13", "no stored point is 2021-13; its points run 2021-01 … 2021-08"),
                                ("2021-01", "at least 2 points"),
                                ("2021-08", "it is the last point"),
                                // An identity number typed by mistake is not echoed.
                                ("19121212-1212", "no stored point is ")] {
            let refused = try cli.run(["measures", "baseline", "tidsplan", "--through", through])
            #expect(refused.status == 1 && refused.stderr.contains(says) && refused.stderr.contains("nothing was changed"),
                    "\(through): \(refused.stderr)")
            #expect(!refused.stderr.contains("1212-1212") && !refused.stderr.contains("19121212"))
        }
        #expect(try cli.run(["measures", "baseline", "tidsplan"]).stdout.contains("baseline 2021-01 … 2021-03 (3 of 8 points)"))
        let unknown = try cli.run(["measures", "baseline", "ingen", "--through", "2021-03"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no stored measure \"ingen\""), "\(unknown.stderr)")
        let both = try cli.run(["measures", "baseline", "tidsplan", "--through", "2021-03", "--none"])
        #expect(both.status != 0 && both.stderr.contains("not both"))
        // Undoing the import the baseline was kept with takes it back with the values.
        let undone = try cli.run(["imports", "undo", "1"])
        #expect(undone.status == 0 && undone.stderr.contains("1 from measure_baselines"), "\(undone.stderr)")
    }
}
