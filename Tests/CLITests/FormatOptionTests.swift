import Foundation
import Testing

/// DESIGN §5: every command that prints a result takes `--format json`. The command tree
/// is read from `--help` itself, so a new command without it fails here.
@Suite struct FormatOptionTests {
    /// Leaf commands that print no result of their own, with why; every other leaf
    /// must list `--format` in its help.
    static let withoutFormat: [String: String] = [
        "demo": "writes a folder of reports and prints where",
        "key create": "writes a key file",
        "synth cases": "writes a CSV file (--dialect chooses its form)",
        "report templates": "writes template files",
        "indicators template": "writes an .xlsx entry sheet (-o)",
        "serve": "serves pages and the JSON API (`/api/v1/…` answers in JSON)",
    ]

    /// Subcommand names listed under SUBCOMMANDS in a help text.
    static func subcommands(_ help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:") else { return [] }
        return help[start.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), !line.contains("See '") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    @Test func everyCommandThatPrintsAResultTakesFormat() throws {
        let cli = try CLIRunner()
        var leaves: [String] = []
        var queue: [[String]] = [[]]
        while let path = queue.popLast() {
            let help = try cli.run(path + ["--help"])
            #expect(help.status == 0, "\(path): \(help.stderr)")
            let children = Self.subcommands(help.stdout)
            if children.isEmpty {
                let name = path.joined(separator: " ")
                leaves.append(name)
                if Self.withoutFormat[name] == nil {
                    #expect(help.stdout.contains("--format"), "\(name) prints a result but has no --format")
                }
            }
            for child in children { queue.append(path + [child]) }
        }
        // The walk found the tree (and the exceptions name real commands).
        #expect(leaves.count > 25, "\(leaves)")
        for name in Self.withoutFormat.keys { #expect(leaves.contains(name), "\(name) is not a command") }
        for name in ["model list", "model validate", "model add", "measures list", "pdsa add", "imports undo", "report verify", "readiness chart"] {
            #expect(leaves.contains(name))
        }
    }

    func json(_ out: CLIRunner.Output, sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        #expect(out.status == 0, "\(out.stderr)", sourceLocation: sourceLocation)
        return try JSONSerialization.jsonObject(with: Data(out.stdout.utf8))
    }

    @Test func modelCommandsWriteJSON() throws {
        let cli = try CLIRunner()
        let empty = try cli.run(["model", "validate", CLIRunner.fixture("model.yaml"), "--format", "json"])
        let validated = try #require(try json(empty) as? [[String: Any]])
        #expect(validated.first?["valid"] as? Bool == true)
        #expect(validated.first?["model_id"] as? String == "exempelteamet")
        #expect((validated.first?["counts"] as? [String: Any])?["indicators"] is Int)
        #expect(empty.stderr.isEmpty == ((validated.first?["warnings"] as? Int) == 0))

        let added = try #require(try json(cli.run(["model", "add", CLIRunner.fixture("model.yaml"), "--format", "json"])) as? [String: Any])
        #expect(added["id"] as? String == "exempelteamet")
        #expect(added["version"] as? Int == 1 && added["outcome"] as? String == "added")
        let again = try #require(try json(cli.run(["model", "add", CLIRunner.fixture("model.yaml"), "--format", "json"])) as? [String: Any])
        #expect(again["outcome"] as? String == "unchanged")

        let list = try #require(try json(cli.run(["model", "list", "--format", "json"])) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list[0]["id"] as? String == "exempelteamet" && list[0]["latest_version"] as? Int == 1)
        let versions = try #require(list[0]["versions"] as? [[String: Any]])
        #expect((versions.first?["sha256"] as? String)?.count == 64)

        // A broken file: valid false, its diagnostics located, exit 1, still JSON.
        try "schema: piloteval/logic-model/v1\nid: x\nname: X\noutcomes:\n  - {id: O1, title: T, contributes-to: [G1]}\n"
            .write(toFile: cli.path("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try cli.run(["model", "validate", "bad.yaml", "--format", "json"])
        #expect(bad.status == 1)
        let badJSON = try #require(try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [[String: Any]])
        #expect(badJSON[0]["valid"] as? Bool == false)
        let diagnostic = try #require((badJSON[0]["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["line"] as? Int == 5 && diagnostic["column"] as? Int == 24 && diagnostic["severity"] as? String == "error")
    }

    /// `readiness chart` shares the analysis options: `--format json` gives the figures
    /// it draws; csv, which it cannot write, is refused (it used to be ignored).
    @Test func readinessChartWritesItsFiguresAsJSON() throws {
        let cli = try CLIRunner()
        for name in ["instrument.yaml", "wave-b.csv"] {
            try FileManager.default.copyItem(atPath: CLIRunner.fixture("readiness/" + name), toPath: cli.path(name))
        }
        #expect(try cli.run(["readiness", "import", "wave-b.csv", "--instrument", "./instrument.yaml", "--wave", "wave-b"]).status == 0)
        let summary = try #require(try json(cli.run(["readiness", "chart", "heatmap", "--instrument", "test-readiness", "--format", "json"])) as? [String: Any])
        #expect(summary["wave"] as? String == "wave-b" && summary["units"] is [Any])
        let trend = try #require(try json(cli.run(["readiness", "chart", "trend", "--instrument", "test-readiness", "--format", "json"])) as? [String: Any])
        #expect(trend["series"] is [Any])
        let svg = try cli.run(["readiness", "chart", "heatmap", "--instrument", "test-readiness"])
        #expect(svg.status == 0 && svg.stdout.hasPrefix("<svg"))
        let csv = try cli.run(["readiness", "chart", "heatmap", "--instrument", "test-readiness", "--format", "csv"])
        #expect(csv.status == 1)
        #expect(csv.stderr.contains("readiness chart writes SVG, or with --format json the figures it draws"))
    }

    @Test func listsAndUndoWriteJSON() throws {
        let cli = try CLIRunner()
        try "date,value\n2022-01-03,4\n2022-01-10,6\n".write(toFile: cli.path("m.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["measures", "import", "m.csv", "--measure", "vantetid"]).status == 0)
        let measures = try #require(try json(cli.run(["measures", "list", "--format", "json"])) as? [[String: Any]])
        #expect(measures.count == 1)
        #expect(measures[0]["measure"] as? String == "vantetid" && measures[0]["points"] as? Int == 2)
        #expect(measures[0]["kind"] as? String == "value" && measures[0]["imports"] as? [Int] == [1])

        let undo = try #require(try json(cli.run(["imports", "undo", "1", "--format", "json"])) as? [String: Any])
        #expect(undo["id"] as? Int == 1 && undo["kind"] as? String == "measures")
        #expect((undo["deleted_rows"] as? [String: Any])?["measure_values"] as? Int == 2)
        let none = try #require(try json(cli.run(["measures", "list", "--format", "json"])) as? [Any])
        #expect(none.isEmpty)
    }
}
