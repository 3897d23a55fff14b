import Foundation
import Testing

/// `piloteval readiness …` end to end, as a user runs it.
@Suite struct ReadinessCommandTests {
    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        for name in ["instrument.yaml", "wave-a.csv", "wave-b.csv", "out-of-scale.csv"] {
            try FileManager.default.copyItem(atPath: CLIRunner.fixture("readiness/" + name), toPath: cli.path(name))
        }
        return cli
    }

    @Test func importSummaryTrendGapsChart() throws {
        let cli = try prepared()
        let a = try cli.run(["readiness", "import", "wave-a.csv", "--instrument", "./instrument.yaml", "--wave", "wave-a"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.isEmpty && a.stderr.contains("28 respondent(s)"))
        let b = try cli.run(["readiness", "import", "wave-b.csv", "--instrument", "test-readiness", "--wave", "wave-b"])
        #expect(b.status == 0, "\(b.stderr)")

        let json = try cli.run(["readiness", "summary", "--instrument", "test-readiness", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(object["wave"] as? String == "wave-b")   // the latest by default
        #expect((object["aggregation"] as! [String: Any])["icc1"] is Double)
        #expect(!json.stdout.contains("NaN"))

        let table = try cli.run(["readiness", "summary", "--instrument", "test-readiness", "--wave", "wave-a"])
        #expect(table.status == 0 && table.stdout.contains("U4  n = <5") && table.stdout.contains("Verdict:"))

        let csv = try cli.run(["readiness", "summary", "--instrument", "test-readiness", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("instrument,wave,aggregated,unit,unit_n,suppressed,kind,key,n,mean,sd,ci_low,ci_high,agree_share,rwg_j\r\n"))

        let trend = try cli.run(["readiness", "trend", "--instrument", "test-readiness", "--scales-only"])
        #expect(trend.status == 0 && trend.stdout.contains("scale: all_items") && trend.stdout.contains("Holm"))

        let gaps = try cli.run(["readiness", "gaps", "--instrument", "test-readiness", "--items", "a,d", "--format", "json"])
        #expect(gaps.status == 0, "\(gaps.stderr)")
        let g = try JSONSerialization.jsonObject(with: Data(gaps.stdout.utf8)) as! [String: Any]
        #expect((g["within_units"] as! [Any]).count == 3)   // U1–U3, U4 suppressed
        #expect((g["within_units_correction"] as! String).contains("3 test"))

        for kind in ["heatmap", "trend", "likert"] {
            let out = try cli.run(["readiness", "chart", kind, "--instrument", "test-readiness", "-o", "\(kind).svg"])
            #expect(out.status == 0, "\(out.stderr)")
            let svg = try String(contentsOfFile: cli.path("\(kind).svg"), encoding: .utf8)
            #expect(svg.contains("<svg") && svg.contains("<title"))
        }
    }

    @Test func badCellIsLocatedAndNothingImported() throws {
        let cli = try prepared()
        let out = try cli.run(["readiness", "import", "out-of-scale.csv", "--instrument", "instrument.yaml", "--wave", "wave-b"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("out-of-scale.csv:2:6: column 6 (c): 8 is outside the scale 1–7"))
        #expect(out.stderr.contains("nothing was imported"))
        let imports = try cli.run(["imports", "list", "--format", "json"])
        #expect(imports.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || imports.stdout.contains("[]"))
    }

    @Test func duplicateImportExitsOne() throws {
        let cli = try prepared()
        let args = ["readiness", "import", "wave-a.csv", "--instrument", "instrument.yaml", "--wave", "wave-a"]
        #expect(try cli.run(args).status == 0)
        let again = try cli.run(args)
        #expect(again.status == 1 && again.stderr.contains("already imported"))
    }

    @Test func unknownInstrumentAndWaveAreExplained() throws {
        let cli = try prepared()
        // A read command never creates the database, so there is one to look in first.
        _ = try cli.run(["readiness", "import", "wave-a.csv", "--instrument", "instrument.yaml", "--wave", "wave-a"])
        let none = try cli.run(["readiness", "summary", "--instrument", "nope"])
        #expect(none.status == 1 && none.stderr.contains("no stored instrument"))
        let wave = try cli.run(["readiness", "summary", "--instrument", "test-readiness", "--wave", "2099"])
        #expect(wave.status == 1 && wave.stderr.contains("stored waves: wave-a"))
        let usage = try cli.run(["readiness", "summary", "--instrument", "test-readiness", "--format", "xml"])
        #expect(usage.status == 64)
    }
}
