import Foundation
import Testing

/// `piloteval demo` from nothing: every artefact, ten findings, a fresh database each
/// run, and a run into a database that already holds the data.
@Suite struct DemoCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sources = ["--models", root.appendingPathComponent("Models").path,
                          "--datasets", root.appendingPathComponent("Datasets").path]

    @Test func writesEveryArtefactAndTenFindings() throws {
        let cli = try CLIRunner()
        let out = try cli.run(["demo", "--out", "demo"] + Self.sources)
        #expect(out.status == 0, "\(out.stderr)")
        let expected = [
            "piloteval.db", "models/vallingbyteamet.svg", "models/vallingbyteamet.logframe.md",
            "indicators/familjeenheten-2022-status.json", "indicators/familjeenheten-2022-trend.csv",
            "readiness/summary-2023-03.json", "readiness/trend.json", "readiness/heatmap-2023-03.svg",
            "readiness/trend-all_items.svg", "runcharts/tidsplanerade-utredningar.svg",
            "runcharts/tidsplanerade-utredningar.json", "runcharts/pdsa-cycles.json",
        ] + ["final", "steering", "tertial"].flatMap { kind in ["html", "docx", "md"].map { "reports/\(kind).\($0)" } }
            + ["reports/final.json"]
        for file in expected {
            #expect(FileManager.default.fileExists(atPath: cli.path("demo/\(file)")), "missing \(file)")
        }
        // The findings: exactly ten numbered lines between their heading and "Next:".
        let lines = out.stdout.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Findings") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("Next:") })
        let findings = lines[(start + 1)..<end].filter { !$0.isEmpty }
        #expect(findings.count == 10, "\(findings)")
        #expect(findings.first?.hasPrefix(" 1 ") == true)
        // Progress went to stderr, the summary to stdout.
        #expect(out.stderr.contains("demo: "))
        #expect(!out.stdout.contains("demo: importing"))
        // Run again into the same folder: a fresh database, nothing "already imported".
        let again = try cli.run(["demo", "--out", "demo"] + Self.sources)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stderr.contains("already import"))
        // The demo's own report record verifies with the command a user runs.
        let verify = try cli.run(["report", "verify", "demo/reports/final.json", "--db", "demo/piloteval.db"])
        #expect(verify.status == 0, "\(verify.stderr)")
        // The tertial report is for the last tertial the case extract (31 December 2022)
        // covers, 2022-T3; the yearly survey indicators show the March 2022 wave: I1 is
        // the mean shared_vision answer of the wave's respondents (every unit has at
        // least 5), worked out here from the shipped file: 383/75 = 5,1.
        let tertial = try String(contentsOfFile: cli.path("demo/reports/tertial.md"), encoding: .utf8)
        #expect(tertial.contains("Period: tertial 3 2022"))
        let wave = try String(contentsOf: Self.root.appendingPathComponent("Datasets/vallingbyteamet/readiness-2022-03-synthetic.csv"), encoding: .utf8)
        let rows = wave.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = try #require(rows.first?.firstIndex(of: "shared_vision"))
        let answers = rows.dropFirst().compactMap { $0.count > column ? Double($0[column]) : nil }
        let mean = answers.reduce(0, +) / Double(answers.count)
        let written = String(format: "%.1f", mean).replacingOccurrences(of: ".", with: ",")
        #expect(written == "5,1")
        #expect(tertial.contains("| **I1** Jag anser att socialtjänsten arbetar utifrån en gemensam vision | \(written) (enkät mars 2022) |"))
        #expect(tertial.contains("- I11: inget värde för tertial 3 2022 – ärendeutdraget har ingen uppföljning på 12 månader ännu (uttagsdatum 31 december 2022)."))
        // The final report is about 2021, the year of its text and budget, and shows the
        // case-bound indicators' values for it (not the 2023 survey wave, after the pilot).
        let final = try String(contentsOfFile: cli.path("demo/reports/final.md"), encoding: .utf8)
        #expect(final.contains("Indikatorernas utfall för 2021"))
        for id in ["I9", "I10", "I11", "I12", "I13"] {
            let row = try #require(final.components(separatedBy: "\n").first { $0.hasPrefix("| **\(id)** ") && $0.contains("(2020)") })
            #expect(row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[2] != "–", "\(row)")
        }
        // Notebooks read the readiness and run-chart JSON the demo writes.
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.path("demo/readiness/summary-2023-03.json")))) as? [String: Any]
        #expect(summary?["wave"] as? String == "2023-03")
    }

    @Test func usesANamedDatabaseAndTheDataItAlreadyHolds() throws {
        let cli = try CLIRunner()
        // The user's database already holds two of the demo's files (imported by hand).
        let data = Self.root.appendingPathComponent("Datasets")
        #expect(try cli.run(["indicators", "import", data.appendingPathComponent("seeds-observations/familjeenheten-2022.csv").path,
                             "--model", Self.root.appendingPathComponent("Models/familjeenheten-2022.yaml").path,
                             "--db", "mine.db"]).status == 0)
        #expect(try cli.run(["measures", "import", data.appendingPathComponent("vallingbyteamet/genombrott-tidsplanerade-utredningar.csv").path,
                             "--measure", "tidsplanerade-utredningar", "--value", "planerade", "--denominator", "inledda",
                             "--db", "mine.db"]).status == 0)
        // The demo keeps them (never deletes a named database) and goes on.
        let named = try cli.run(["demo", "--out", "b"] + Self.sources, environment: ["PILOTEVAL_DB": "mine.db"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stderr.components(separatedBy: "already import").count == 3, "\(named.stderr)")
        #expect(named.stdout.contains("mine.db"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("b/piloteval.db")))
        let imports = try cli.run(["imports", "list", "--db", "mine.db"])
        #expect(!imports.stdout.isEmpty)
    }

    @Test func namesAMissingSourceFolder() throws {
        let cli = try CLIRunner()
        let out = try cli.run(["demo", "--out", "d", "--datasets", "nowhere"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("--datasets nowhere is not a folder"))
    }
}
