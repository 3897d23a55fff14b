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
        for format in ["markdown", "json", "mermaid", "dot", "svg", "logframe"] {
            let out = try cli.run(["model", "show", CLIRunner.fixture("model.yaml"), "--format", format])
            #expect(out.status == 0, "\(format): \(out.stderr)")
            #expect(!out.stdout.isEmpty)
        }
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
