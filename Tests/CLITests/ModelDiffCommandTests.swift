import Foundation
import Testing

/// `piloteval model diff`: two versions of the fixture model stored with `model add`,
/// compared as a table (Swedish and English) and as JSON, and the located errors.
@Suite struct ModelDiffCommandTests {
    /// A database holding versions 1 and 2 of `exempelteamet` (version 2: I3's 2022 target
    /// raised, G2 retitled, O1 now contributing to G1 as well, I6 added).
    static func twoVersions() throws -> CLIRunner {
        let cli = try CLIRunner()
        let file = cli.path("model.yaml")
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("model.yaml"), toPath: file)
        #expect(try cli.run(["model", "add", file]).status == 0)
        var text = try String(contentsOfFile: file, encoding: .utf8)
        for (a, b) in [
            ("      - {period: \"2022\", rule: \">= 80\"}", "      - {period: \"2022\", rule: \">= 85\"}"),
            ("    title: Barn och familjer får rätt stöd i tid", "    title: Barn och familjer får rätt stöd i rätt tid"),
            ("contributes_to: [G2]}", "contributes_to: [G2, G1]}"),
        ] {
            #expect(text.contains(a), "\(a)")
            text = text.replacingOccurrences(of: a, with: b)
        }
        text += """
              - id: I6
                title: Andel barn som kommer till tals
                measures: O1
                unit: percent
                direction: increase

            """
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let second = try cli.run(["model", "add", file])
        #expect(second.stdout.contains("version 2"), "\(second.stderr)")
        return cli
    }

    @Test func tableInSwedishShowsTheChanges() throws {
        let cli = try Self.twoVersions()
        // Default: the two latest versions, in the model's language (sv).
        let out = try cli.run(["model", "diff", "exempelteamet"])
        #expect(out.status == 0, "\(out.stderr)")
        let nb = "\u{00A0}"
        // The terminal wraps at 88 columns; a list item's continuation is indented by two.
        let unwrapped = out.stdout.replacingOccurrences(of: "\n  ", with: " ")
        for line in [
            "Logikmodellen ”Exempelteamet — hela kedjan”: version 2 jämförd med version 1.",
            "Mål\n===",
            "Ändrat: 1.4 Barn och familjer får rätt stöd i rätt tid (G2)",
            "- Titeln ändrades från ”Barn och familjer får rätt stöd i tid” till ”Barn och familjer får rätt stöd i rätt tid”.",
            "Ändrat: Färre barn aktualiseras på nytt (O1)",
            "- Bidrar nu även till ”Barn och unga i kontakt med socialtjänsten har en trygg uppväxt” (G1).",
            "- Tillagt: Andel barn som kommer till tals (I6)",
            "Ändrat: Andel mål som uppfylls (I3)",
            "- Målet för 2022 ändrades från ≥\(nb)80\(nb)% till ≥\(nb)85\(nb)%.",
        ] {
            #expect(unwrapped.contains(line), "missing: \(line)\n\(out.stdout)")
        }
        #expect(!out.stdout.contains("Effekter\n========\n\n- Tillagt"))
        // Explicit versions and English give the same changes.
        let en = try cli.run(["model", "diff", "exempelteamet", "--from", "1", "--to", "2", "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stdout.contains("- The target for 2022 changed from ≥\(nb)80% to ≥\(nb)85%."))
        // Backwards and the same version.
        let back = try cli.run(["model", "diff", "exempelteamet", "--from", "2", "--to", "1"])
        #expect(back.stdout.contains("- Borttaget: Andel barn som kommer till tals (I6)"))
        let same = try cli.run(["model", "diff", "exempelteamet", "--from", "2", "--to", "2"])
        #expect(same.stdout.contains("Det är samma version; inget skiljer."))
    }

    /// The table against its JSON (TableAgainstJSONListingTests.tablesChecked).
    @Test func jsonHoldsWhatTheTableShows() throws {
        let cli = try Self.twoVersions()
        let out = try cli.run(["model", "diff", "exempelteamet", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(json["model"] as? String == "exempelteamet")
        #expect(json["from_version"] as? Int == 1 && json["to_version"] as? Int == 2)
        #expect(json["unchanged"] as? Bool == false)
        let indicators = try #require(json["indicators"] as? [String: Any])
        let added = try #require(indicators["added"] as? [[String: Any]])
        #expect(added.map { $0["id"] as? String } == ["I6"])
        let changed = try #require(indicators["changed"] as? [[String: Any]])
        #expect(changed.map { $0["id"] as? String } == ["I3"])
        let target = try #require((changed[0]["targets"] as? [[String: Any]])?.first)
        #expect(target["change"] as? String == "changed" && target["period"] as? String == "2022" && target["set_by"] as? String == "unit")
        #expect((target["old"] as? [String: Any])?["rule"] as? String == ">= 80")
        #expect((target["new"] as? [String: Any])?["rule"] as? String == ">= 85")
        let goals = try #require(json["goals"] as? [String: Any])
        let g2 = try #require((goals["changed"] as? [[String: Any]])?.first)
        let title = try #require((g2["fields"] as? [[String: Any]])?.first)
        #expect(title["field"] as? String == "title" && title["new"] as? String == "Barn och familjer får rätt stöd i rätt tid")
        let outcomes = try #require(json["outcomes"] as? [String: Any])
        let link = try #require(((outcomes["changed"] as? [[String: Any]])?.first?["fields"] as? [[String: Any]])?.first)
        #expect(link["field"] as? String == "contributes_to" && link["old"] as? String == "G2" && link["new"] as? String == "G2, G1")
        #expect((link["added"] as? [[String: Any]])?.first?["id"] as? String == "G1")
        for kind in ["outputs", "activities", "inputs", "assumptions"] {
            let k = try #require(json[kind] as? [String: Any])
            #expect((k["added"] as? [Any])?.isEmpty == true && (k["removed"] as? [Any])?.isEmpty == true
                    && (k["changed"] as? [Any])?.isEmpty == true, "\(kind)")
        }
        // The table names what the JSON holds.
        let table = try cli.run(["model", "diff", "exempelteamet", "--lang", "en"]).stdout
        for id in ["(I6)", "(I3)", "(G2)", "(O1)"] { #expect(table.contains(id), "\(id)") }
        #expect(table.contains("In short: 1 indicator added, 1 goal changed, 1 outcome changed and 1 indicator changed."))
    }

    @Test func errorsNameTheModelAndTheStoredVersions() throws {
        let cli = try Self.twoVersions()
        let unknown = try cli.run(["model", "diff", "nosuchmodel"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no stored model with id \"nosuchmodel\"; stored models: exempelteamet"), "\(unknown.stderr)")
        let missing = try cli.run(["model", "diff", "exempelteamet", "--from", "5"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("--from 5: exempelteamet has no version 5; stored versions: 1, 2"), "\(missing.stderr)")
        let missingTo = try cli.run(["model", "diff", "exempelteamet", "--to", "3"])
        #expect(missingTo.stderr.contains("--to 3: exempelteamet has no version 3; stored versions: 1, 2"), "\(missingTo.stderr)")
        let first = try cli.run(["model", "diff", "exempelteamet", "--to", "1"])
        #expect(first.status == 1)
        #expect(first.stderr.contains("exempelteamet has no version before version 1 to compare with (stored versions: 1, 2)"), "\(first.stderr)")
        let path = try cli.run(["model", "diff", "Models/x.yaml"])
        #expect(path.status == 64)
        let noDatabase = try CLIRunner().run(["model", "diff", "exempelteamet"])
        #expect(noDatabase.status == 1 && noDatabase.stderr.contains("no database"))
    }
}
