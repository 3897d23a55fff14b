import Foundation
import Testing

/// `cases compare` end to end: a synthetic extract imported through the database gives,
/// for one of the extract's own outcome columns, the same unadjusted comparison as
/// `compare` on the CSV itself (a path whose figures are checked against scipy).
@Suite struct CasesCompareCommandTests {
    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try """
        schema: piloteval/logic-model/v1
        id: vallingbyteamet
        name: Vällingbyteamet
        period: {start: 2020-01-01, end: 2022-12-31}
        cohorts: {pilot: vallingbyteamet, comparison: [linjen]}
        goals:
          - {id: G1, title: "Trygg uppväxt"}
        activities:
          - {id: A1, title: "Hela kedjan", leads_to: [G1], start: 2020-01-01}

        """.write(toFile: cli.path("model.yaml"), atomically: true, encoding: .utf8)
        for args in [["model", "add", "model.yaml"],
                     ["synth", "cases", "--seed", "11", "--cases", "1500", "--out", "cases.csv"],
                     ["cases", "import", "cases.csv", "--model", "vallingbyteamet"]] {
            let out = try cli.run(args)
            #expect(out.status == 0, "\(args): \(out.stderr)")
        }
        return cli
    }

    func object(_ out: CLIRunner.Output) throws -> [String: Any] {
        #expect(out.status == 0, "\(out.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }

    @Test func unadjustedMatchesCompareOnTheCSV() throws {
        let cli = try prepared()
        let cases = try object(cli.run(["cases", "compare", "--model", "vallingbyteamet",
                                        "--outcome", "intervention_hours", "--format", "json"]))
        let plain = try object(cli.run(["compare", "cases.csv", "--group", "cohort", "--pilot", "vallingbyteamet",
                                        "--outcome", "intervention_hours", "--kind", "continuous", "--format", "json"]))
        for key in ["difference", "welch", "mann_whitney", "hedges_g"] {
            let a = try #require(cases[key] as? [String: Any], "\(key)")
            let b = try #require(plain[key] as? [String: Any], "\(key)")
            for (name, value) in b {
                guard let y = value as? Double else { continue }
                let x = try #require(a[name] as? Double, "\(key).\(name)")
                #expect(abs(x - y) <= 1e-12 * max(1, abs(y)), "\(key).\(name): \(x) vs \(y)")
            }
        }
        #expect((cases["pilot"] as? [String: Any])?["n"] as? Int == (plain["pilot"] as? [String: Any])?["n"] as? Int)
        // The honest part is always there.
        #expect(cases["design"] as? String == "unadjusted")
        let covariates = ((cases["balance"] as? [String: Any])?["covariates"] as? [[String: Any]]) ?? []
        #expect(covariates.contains { $0["name"] as? String == "age" })
        let caveats = try #require(cases["caveats"] as? [[String: Any]])
        #expect(caveats.contains { ($0["text"] as? String)?.contains("one team") == true
                                   || ($0["text"] as? String)?.contains("is one team") == true })
    }

    @Test func didAndPermutationSayWhatTheyCanSay() throws {
        let cli = try prepared()
        let did = try object(cli.run(["cases", "compare", "--model", "vallingbyteamet", "--outcome",
                                      "investigation_within_4m", "--design", "did", "--format", "json"]))
        let d = try #require(did["did"] as? [String: Any])
        #expect(d["estimate"] is Double)
        #expect(!((d["event_study"] as? [Any]) ?? []).isEmpty)
        let perm = try object(cli.run(["cases", "compare", "--model", "vallingbyteamet", "--outcome",
                                       "investigation_within_4m", "--design", "permutation", "--format", "json"]))
        let text = ((perm["caveats"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }.joined()
        #expect(text.contains("smallest attainable p"))
        #expect(!perm.description.contains("nan"))
    }

    @Test func unknownOutcomeListsTheKnownOnes() throws {
        let cli = try prepared()
        let out = try cli.run(["cases", "compare", "--model", "vallingbyteamet", "--outcome", "dagar"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("days_to_assessment"))
    }
}
