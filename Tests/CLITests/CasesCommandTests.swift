import Foundation
import Testing

@Suite struct CasesCommandTests {
    @Test func keyCreateIsOwnerOnlyAndNeverOverwrites() throws {
        let cli = try CLIRunner()
        let made = try cli.run(["key", "create", "k.key"])
        #expect(made.status == 0, "\(made.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: cli.path("k.key"))[.posixPermissions] as! Int
        #expect(mode == 0o600)
        let before = try String(contentsOfFile: cli.path("k.key"), encoding: .utf8)
        #expect(before.contains("schema: piloteval/pseudonym-key/v1"))
        let again = try cli.run(["key", "create", "k.key"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("never overwrites"))
        #expect(try String(contentsOfFile: cli.path("k.key"), encoding: .utf8) == before)
    }

    /// The whole path a user takes: a synthetic extract with personnummer, refused
    /// without a key, imported with one, listed, undone; the numbers never reach any of
    /// the database's files.
    @Test func identityExtractFromSynthToUndo() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        let synth = try cli.run(["synth", "cases", "--seed", "3", "--cases", "300", "--identity", "--headers", "swedish",
                                 "--dialect", "windows-1252", "--out", "utdrag.csv", "--map-out", "map.yaml"])
        #expect(synth.status == 0, "\(synth.stderr)")
        let again = try cli.run(["synth", "cases", "--seed", "3", "--cases", "300", "--identity", "--headers", "swedish",
                                 "--dialect", "windows-1252", "--out", "again.csv"])
        #expect(again.status == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: cli.path("utdrag.csv")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("again.csv"))) == written)   // same seed, same bytes
        // Personnummer in the file, as written (Windows-1252 is ASCII for digits).
        let text = String(decoding: written, as: UTF8.self)
        let numbers = text.split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ";", omittingEmptySubsequences: false)[1]) }
        #expect(numbers.count == 300 && numbers.allSatisfy { $0.count == 13 })

        let args = ["cases", "import", "utdrag.csv", "--model", "exempelteamet", "--map", "map.yaml"]
        let refused = try cli.run(args)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("utdrag.csv:1:"))
        #expect(refused.stderr.contains("--key-file"))
        #expect(try cli.run(["key", "create", "k.key"]).status == 0)
        let imported = try cli.run(args + ["--key-file", "k.key", "--format", "json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as! [String: Any]
        #expect(json["rows"] as? Int == 300)
        #expect(json["identity_columns"] as? [String] == ["Personnummer"])
        #expect(json["extract_date_from"] as? String == "latest_in_file")
        #expect(imported.stderr.contains("no case has cohort \"exempelteamet\""))   // warned: synth's pilot is vallingbyteamet

        var bytes = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) where name.hasPrefix("piloteval.db") {
            bytes.append(try Data(contentsOf: cli.directory.appendingPathComponent(name)))
        }
        #expect(!bytes.isEmpty)
        for n in Set(numbers) {
            let digits = n.filter(\.isNumber)
            for form in [n, digits, String(digits.dropFirst(2))] {
                #expect(bytes.range(of: Data(form.utf8)) == nil, "an identity number reached the database")
            }
        }
        let duplicate = try cli.run(args + ["--key-file", "k.key"])
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("already imported"))
        let list = try cli.run(["imports", "list", "--format", "json"])
        #expect(list.stdout.contains("\"kind\" : \"cases\""))
        let undo = try cli.run(["imports", "undo", "1"])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stderr.contains("300 from cases"))
    }

    @Test func badRowIsLocatedAndExitsOne() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        try "case_id;cohort;referral_date\n1;exempelteamet;2021-03-01\n2;linjen;5/3/2021\n"
            .write(toFile: cli.path("x.csv"), atomically: true, encoding: .utf8)
        let out = try cli.run(["cases", "import", "x.csv", "--model", "exempelteamet"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("x.csv:3:10: referral_date: \"5/3/2021\" is not a date"))
        let table = try cli.run(["cases", "import", "x.csv", "--model", "exempelteamet", "--extract-date", "2021-13-01"])
        #expect(table.status == 1)
        #expect(table.stderr.contains("--extract-date"))
    }

    /// Datasets/vallingbyteamet/synthetic-cases-* are exactly what the command in that
    /// folder's README writes, and import with their mapping.
    @Test func committedSyntheticExtractIsReproducible() throws {
        let cli = try CLIRunner()
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Datasets/vallingbyteamet")
        let out = try cli.run(["synth", "cases", "--seed", "2020", "--cases", "4000", "--effect-assessment-days=-2",
                               "--effect-investigation-days=-15", "--effect-re-referral=-0.05", "--effect-caseworkers=-0.5",
                               "--headers", "swedish", "--dialect", "windows-1252", "--out", "x.csv",
                               "--map-out", "x.yaml", "--truth", "x.json"])
        #expect(out.status == 0, "\(out.stderr)")
        for (mine, committed) in [("x.csv", "synthetic-cases-2022-12-31.csv"), ("x.yaml", "synthetic-cases-mapping.yaml"),
                                  ("x.json", "synthetic-cases-truth.json")] {
            let a = try Data(contentsOf: URL(fileURLWithPath: cli.path(mine)))
            let b = try Data(contentsOf: folder.appendingPathComponent(committed))
            #expect(a == b, "\(committed) differs from what its command writes")
        }
        #expect(try cli.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        let imported = try cli.run(["cases", "import", folder.appendingPathComponent("synthetic-cases-2022-12-31.csv").path,
                                    "--model", "exempelteamet", "--map", folder.appendingPathComponent("synthetic-cases-mapping.yaml").path,
                                    "--format", "json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("\"rows\" : 4000"))
    }
}
