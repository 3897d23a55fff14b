import Foundation
import Testing

@Suite struct ModelCommandTests {
    @Test func addTwiceStoresOnceThenNewVersionOnChange() throws {
        let cli = try CLIRunner()
        let file = cli.path("model.yaml")
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("model.yaml"), toPath: file)
        let first = try cli.run(["model", "add", file])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("stored exempelteamet version 1"))
        let second = try cli.run(["model", "add", file])
        #expect(second.status == 0)
        #expect(second.stdout.contains("unchanged"))
        // A changed file becomes version 2.
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "name: Exempelteamet — hela kedjan", with: "name: Exempelteamet (ny version)")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let third = try cli.run(["model", "add", file])
        #expect(third.stdout.contains("version 2"))
        let list = try cli.run(["model", "list"])
        #expect(list.stdout.contains("exempelteamet"))
        #expect(list.stdout.split(separator: "\n").last?.contains(" 2 ") == true)
        // The database is the default ./piloteval.db.
        #expect(FileManager.default.fileExists(atPath: cli.path("piloteval.db")))
    }

    @Test func dbOptionAndEnvironmentBothWork() throws {
        let cli = try CLIRunner()
        let a = try cli.run(["model", "add", CLIRunner.fixture("model.yaml"), "--db", "a.db"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.path("a.db")))
        let b = try cli.run(["model", "list"], environment: ["PILOTEVAL_DB": "a.db"])
        #expect(b.stdout.contains("exempelteamet"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("piloteval.db")))
    }

    @Test func validateExitsOneWithLocatedErrors() throws {
        let cli = try CLIRunner()
        try "schema: piloteval/logic-model/v1\nid: x\nname: X\noutcomes:\n  - {id: O1, title: T, contributes-to: [G1]}\n"
            .write(toFile: cli.path("bad.yaml"), atomically: true, encoding: .utf8)
        let out = try cli.run(["model", "validate", "bad.yaml"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("bad.yaml:5:24: error: unknown key `contributes-to` in an outcome; did you mean `contributes_to`?"))
        // Nothing is stored by validate, and add refuses.
        let add = try cli.run(["model", "add", "bad.yaml"])
        #expect(add.status == 1)
        #expect(add.stderr.contains("nothing was stored"))
    }

    @Test func showByIdOrPathInEveryFormat() throws {
        let cli = try CLIRunner()
        for format in ["markdown", "json", "mermaid", "dot", "svg", "logframe", "table"] {
            let out = try cli.run(["model", "show", CLIRunner.fixture("model.yaml"), "--format", format])
            #expect(out.status == 0, "\(format): \(out.stderr)")
            #expect(!out.stdout.isEmpty)
        }
        // The report's logframe blocks in the terminal: a table no wider than 120 columns.
        let table = try cli.run(["model", "show", CLIRunner.fixture("model.yaml"), "--format", "table"])
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 120 }, "\(table.stdout)")
        #expect(table.stdout.contains("Nivå") || table.stdout.contains("Level"))
        let svg = try cli.run(["model", "show", "exempelteamet", "--format", "svg", "-o", "chain.svg"])
        #expect(svg.status == 0)
        #expect(try String(contentsOfFile: cli.path("chain.svg"), encoding: .utf8).hasPrefix("<svg"))
        let missing = try cli.run(["model", "show", "nosuchmodel"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no stored model with id \"nosuchmodel\""))
    }

    @Test func usageErrorsExit64() throws {
        let cli = try CLIRunner()
        let out = try cli.run(["model", "show", "x", "--format", "pdf"])
        #expect(out.status == 64)
    }
}

/// `model add` warns — on stderr, exit 0, the model stored — when a `data:` binding
/// names data that is not loaded yet (issue 21), and stops warning once it is.
@Suite struct ModelAddNotLoadedTests {
    static let instrument = """
    schema: piloteval/instrument/v1
    id: enkaten
    name: Enkäten
    language: sv
    scale: {min: 1, max: 7}
    items:
      - {key: a, sv: Påstående A}

    """

    static let model = """
    schema: piloteval/logic-model/v1
    id: bundet
    name: Bundet
    period: {start: 2021-01-01, end: 2022-12-31}
    cohorts: {pilot: teamet, comparison: [linjen]}
    goals:
      - {id: G1, title: Mål}
    outcomes:
      - {id: O1, title: Utfall, contributes_to: [G1]}
    indicators:
      - {id: I1, title: Enkät, measures: O1, unit: mean, direction: increase, frequency: year,
         data: {readiness: enkaten, item: a}}
      - {id: I2, title: Ärenden, measures: O1, unit: percent, direction: increase, frequency: tertial,
         data: {cases: investigation_within_4m, cohort: pilot}}
      - {id: I3, title: Mått, measures: O1, unit: count, direction: increase, frequency: tertial,
         data: {measure: konsultationer}}
      - {id: I4, title: Inmatad, measures: O1, unit: count, direction: increase}

    """

    @Test func warnsForEachBindingWhoseDataIsMissing() throws {
        let cli = try CLIRunner()
        try Self.model.write(toFile: cli.path("bundet.yaml"), atomically: true, encoding: .utf8)
        let first = try cli.run(["model", "add", "bundet.yaml"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("stored bundet version 1"))
        let lines = first.stderr.split(separator: "\n").map(String.init)
        // One warning per bound indicator, located at the indicator's id; none for I4.
        // (The model's other warnings — no targets — are the validator's.)
        let notLoaded = lines.filter { $0.contains(": warning: [I") && $0.contains("data: {") }
        #expect(notLoaded.count == 3, "\(first.stderr)")
        #expect(lines.contains { $0.hasPrefix("bundet.yaml:11:") && $0.contains("warning: [I1] data: {readiness: enkaten, item: a}: the instrument enkaten is not stored yet") })
        #expect(lines.contains { $0.contains("[I2] data: {cases: investigation_within_4m, cohort: pilot}: no case extract is imported for bundet yet") })
        #expect(lines.contains { $0.contains("[I3] data: {measure: konsultationer}: the measure konsultationer has no points yet") })
        #expect(!notLoaded.contains { $0.contains("[I4]") })

        // A wave of the survey loaded: I1 no longer warns, and the JSON lists the rest.
        try Self.instrument.write(toFile: cli.path("enkaten.yaml"), atomically: true, encoding: .utf8)
        try "respondent,unit,wave,a\n" .appending((1...5).map { "r\($0),Enheten,2022-03,\($0)" }.joined(separator: "\n") + "\n")
            .write(toFile: cli.path("wave.csv"), atomically: true, encoding: .utf8)
        let wave = try cli.run(["readiness", "import", "wave.csv", "--instrument", "./enkaten.yaml", "--wave", "2022-03"])
        #expect(wave.status == 0, "\(wave.stderr)")
        let second = try cli.run(["model", "add", "bundet.yaml", "--format", "json"])
        #expect(second.status == 0)
        #expect(!second.stderr.contains("[I1] data: {") && second.stderr.contains("[I2] data: {") && second.stderr.contains("[I3] data: {"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.filter { ($0["message"] as? String)?.hasPrefix("data: {") == true }.compactMap { $0["id"] as? String } == ["I2", "I3"])
    }
}
