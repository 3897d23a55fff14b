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

    /// Every number `compare` gives under each of `keys` is `cases compare`'s too, to 1e-12.
    static func expectSame(_ cases: [String: Any], _ plain: [String: Any], _ keys: [String],
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        for key in keys {
            let a = try #require(cases[key] as? [String: Any], "\(key)", sourceLocation: sourceLocation)
            let b = try #require(plain[key] as? [String: Any], "\(key)", sourceLocation: sourceLocation)
            for (name, value) in b {
                guard let y = value as? Double else { continue }
                let x = try #require(a[name] as? Double, "\(key).\(name)", sourceLocation: sourceLocation)
                #expect(abs(x - y) <= 1e-12 * max(1, abs(y)), "\(key).\(name): \(x) vs \(y)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func unadjustedMatchesCompareOnTheCSV() throws {
        let cli = try prepared()
        let cases = try object(cli.run(["cases", "compare", "--model", "vallingbyteamet",
                                        "--outcome", "intervention_hours", "--format", "json"]))
        let plain = try object(cli.run(["compare", "cases.csv", "--group", "cohort", "--pilot", "vallingbyteamet",
                                        "--outcome", "intervention_hours", "--kind", "continuous", "--format", "json"]))
        try Self.expectSame(cases, plain, ["difference", "welch", "mann_whitney", "hedges_g"])
        #expect((cases["pilot"] as? [String: Any])?["n"] as? Int == (plain["pilot"] as? [String: Any])?["n"] as? Int)
        // The honest part is always there.
        #expect(cases["design"] as? String == "unadjusted")
        let covariates = ((cases["balance"] as? [String: Any])?["covariates"] as? [[String: Any]]) ?? []
        #expect(covariates.contains { $0["name"] as? String == "age" })
        let caveats = try #require(cases["caveats"] as? [[String: Any]])
        #expect(caveats.contains { ($0["text"] as? String)?.contains("one team") == true
                                   || ($0["text"] as? String)?.contains("is one team") == true })
    }

    /// `--from-start`: the same figures as `compare` on the CSV's rows referred from the
    /// model's start (2020-01-01) — the window done by hand, here — and `compared_from`
    /// says so; without it the line's earlier cases count and a caveat says from when.
    @Test func fromStartMatchesCompareOnTheRowsFromTheStart() throws {
        let cli = try prepared()
        let text = try String(contentsOfFile: cli.path("cases.csv"), encoding: .utf8)
        // The export's lines end in CRLF, one Character in Swift: split on any newline.
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst()
        let column = try #require(header.split(separator: ";", omittingEmptySubsequences: false).firstIndex(of: "referral_date"))
        let kept = lines.filter { line in
            let date = line.split(separator: ";", omittingEmptySubsequences: false)[column]
            return !date.isEmpty && date >= "2020-01-01"
        }
        #expect(kept.count < lines.count, "the synthetic line reaches back before 2020")
        try ([header] + kept).joined(separator: "\n").write(toFile: cli.path("from-start.csv"), atomically: true, encoding: .utf8)

        let cases = try object(cli.run(["cases", "compare", "--model", "vallingbyteamet", "--outcome", "intervention_hours",
                                        "--from-start", "--format", "json"]))
        let plain = try object(cli.run(["compare", "from-start.csv", "--group", "cohort", "--pilot", "vallingbyteamet",
                                        "--outcome", "intervention_hours", "--kind", "continuous", "--format", "json"]))
        try Self.expectSame(cases, plain, ["difference", "welch"])
        #expect((cases["comparison"] as? [String: Any])?["n"] as? Int == (plain["comparison"] as? [String: Any])?["n"] as? Int)
        #expect(cases["compared_from"] as? String == "2020-01-01")

        let all = try object(cli.run(["cases", "compare", "--model", "vallingbyteamet", "--outcome", "intervention_hours",
                                      "--format", "json"]))
        #expect(all["compared_from"] is NSNull && (all["compared_from_note"] as? String)?.contains("--from-start") == true)
        let caveats = try #require(all["caveats"] as? [[String: Any]])
        #expect(caveats.contains { $0["code"] as? String == "period" && ($0["text"] as? String)?.contains("reach back to 2018") == true })
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

    // MARK: - The table format

    /// The figures of the table as it rounds them, from the JSON's values (the terminal
    /// writes English, `NumberStyle.terminal`: "12.5%", "+2.3 pp" with a no-break space).
    static func pct(_ x: Any?) -> String { String(format: "%.1f%%", 100 * (x as! Double)) }
    static func pp(_ x: Any?) -> String {
        let v = 100 * (x as! Double)
        return (v >= 0.05 ? "+" : "") + String(format: "%.1f", v) + "\u{00A0}pp"
    }
    static func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }
    static func row(_ text: String, startingWith prefix: String) -> [String]? {
        lines(text).first { $0.hasPrefix(prefix) }.map { $0.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    @Test func tableReadsAsAComparisonWithTheJSONsValues() throws {
        let cli = try prepared()
        let args = ["cases", "compare", "--model", "vallingbyteamet", "--outcome", "investigation_within_4m", "--design", "adjusted"]
        let json = try object(cli.run(args + ["--format", "json"]))
        let out = try cli.run(args)
        #expect(out.status == 0, "\(out.stderr)")
        let table = out.stdout
        // Header.
        #expect(table.hasPrefix("outcome       investigation_within_4m (0/1 outcome"))
        #expect(table.contains("\ndesign        adjusted\n"))
        #expect(table.contains("\nextract date  \(json["extract_date"] as! String)"))
        // Groups: n, events, share and its Wilson CI, rounded from the JSON.
        for key in ["pilot", "comparison"] {
            let g = try #require(json[key] as? [String: Any])
            let row = try #require(Self.row(table, startingWith: (g["label"] as! String) + " "), "\(key)")
            #expect(row == [g["label"] as! String, "\(g["n"] as! Int)", "\(g["events"] as! Int)", Self.pct(g["proportion"]),
                            String(format: "%.1f", 100 * (g["ci_low"] as! Double)) + " – " + Self.pct(g["ci_high"])], "\(row)")
        }
        // The difference with its CI and p.
        let d = try #require(json["difference"] as? [String: Any])
        let diff = try #require(Self.row(table, startingWith: "difference in share (Newcombe)"))
        #expect(diff[1] == Self.pp(d["estimate"]))
        #expect(diff[2] == Self.pp(d["ci_low"]).dropLast(3) + " – " + Self.pp(d["ci_high"]))
        let chiP = try #require((json["chi_square"] as? [String: Any])?["p"] as? Double)
        #expect(diff.last == (chiP < 0.001 ? "<\u{00A0}0.001" : String(format: "%.3f", chiP)))
        // Balance: every covariate, SMD before and after with its flag.
        let covariates = try #require((json["balance"] as? [String: Any])?["covariates"] as? [[String: Any]])
        for c in covariates {
            let name = c["name"] as! String
            let row = try #require(Self.row(table, startingWith: name + "  "), "\(name)")
            let before = c["smd_before"] as! Double
            #expect(row.contains { $0.hasPrefix(String(format: before >= 0 ? "+%.3f" : "%.3f", before)) }, "\(name): \(row)")
        }
        // The adjusted estimate.
        let adjusted = try #require(json["adjusted"] as? [String: Any])
        let ipw = try #require(Self.row(table, startingWith: "inverse probability weights (ATT)"))
        #expect(ipw[1] == Self.pct(adjusted["pilot"]) && ipw[2] == Self.pct(adjusted["comparison_weighted"]) && ipw[3] == Self.pp(adjusted["estimate"]))
        #expect(table.contains("regression adjustment (OLS, HC1)"))
        // The caveats as wrapped bullets: each starts a line with "- ", no line is long.
        let caveats = try #require(json["caveats"] as? [[String: Any]])
        let bullets = Self.lines(table).drop { $0 != "Caveats" }.filter { $0.hasPrefix("- ") }
        #expect(bullets.count == caveats.count)
        for (bullet, caveat) in zip(bullets, caveats) {
            let words = (caveat["text"] as! String).split(separator: " ").prefix(4).joined(separator: " ")
            #expect(bullet.hasPrefix("- " + words))
        }
        let caveatLines = Self.lines(table).drop { $0 != "Caveats" }
        #expect(caveatLines.count > caveats.count && caveatLines.allSatisfy { $0.count <= 88 })
        // No flattened keys.
        #expect(!table.contains("comparison.ci_high") && !table.contains("balance.covariates"))
    }

    @Test func tableForDurationsAndDesigns() throws {
        let cli = try prepared()
        let did = try cli.run(["cases", "compare", "--model", "vallingbyteamet", "--outcome", "investigation_within_4m", "--design", "did"])
        #expect(did.status == 0)
        #expect(did.stdout.contains("DiD estimate (two-way fixed effects): "))
        #expect(did.stdout.contains("randomisation over areas: rank "))
        #expect(did.stdout.contains("Event study"))
        let json = try object(cli.run(["cases", "compare", "--model", "vallingbyteamet", "--outcome", "days_to_assessment",
                                       "--design", "permutation", "--format", "json"]))
        let perm = try cli.run(["cases", "compare", "--model", "vallingbyteamet", "--outcome", "days_to_assessment", "--design", "permutation"])
        #expect(perm.status == 0)
        let pilot = try #require(json["pilot"] as? [String: Any])
        let row = try #require(Self.row(perm.stdout, startingWith: "vallingbyteamet "))
        #expect(row[4].hasPrefix("\(pilot["median"] as! Int) (") && row[5].hasPrefix(Self.pct(pilot["share_within_limit"])))
        let p = try #require(json["permutation"] as? [String: Any])
        #expect(perm.stdout.contains("pilot rank \(p["rank"] as! Int) of \(p["units"] as! Int): p = "))
    }
}
