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
        // The demo's own report record verifies with the command a user runs.
        let verify = try cli.run(["report", "verify", "demo/reports/final.json", "--db", "demo/piloteval.db"])
        #expect(verify.status == 0, "\(verify.stderr)")
        // Notebooks read the readiness and run-chart JSON the demo writes.
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.path("demo/readiness/summary-2023-03.json")))) as? [String: Any]
        #expect(summary?["wave"] as? String == "2023-03")
    }

    @Test func startsFreshEachRunAndToleratesANamedDatabaseThatHasTheData() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo", "--out", "a"] + Self.sources).status == 0)
        let again = try cli.run(["demo", "--out", "a"] + Self.sources)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stderr.contains("already import"))
        // A named database is not deleted: the second run finds its imports and uses them.
        #expect(try cli.run(["demo", "--out", "b", "--db", "mine.db"] + Self.sources).status == 0)
        let named = try cli.run(["demo", "--out", "b"] + Self.sources, environment: ["PILOTEVAL_DB": "mine.db"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stderr.contains("already import"))
        #expect(named.stdout.contains("mine.db"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("b/piloteval.db")))
    }

    @Test func namesAMissingSourceFolder() throws {
        let cli = try CLIRunner()
        let out = try cli.run(["demo", "--out", "d", "--datasets", "nowhere"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("--datasets nowhere is not a folder"))
    }
}
