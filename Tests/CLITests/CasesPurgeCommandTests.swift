import Foundation
import Testing

/// `piloteval cases purge` end to end: what it says on stdout (table and JSON), that
/// `--dry-run` changes nothing, that `imports list` and `cases compare` still tell the
/// truth afterwards, that no byte of a purged case is left in piloteval.db, -wal or -shm,
/// and that bad input changes nothing.
@Suite struct CasesPurgeCommandTests {
    static let model = """
        schema: piloteval/logic-model/v1
        id: vallingbyteamet
        name: Vällingbyteamet
        period: {start: 2020-01-01, end: 2022-12-31}
        cohorts: {pilot: vallingbyteamet, comparison: [linjen]}
        goals:
          - {id: G1, title: "Trygg uppväxt"}
        activities:
          - {id: A1, title: "Hela kedjan", leads_to: [G1], start: 2020-01-01}

        """

    static let header = "case_id;person_id;cohort;referral_date;referral_reason;assessment_decision_date;investigation_start;investigation_end"

    /// Two extracts. With --before 2020-01-01, by hand:
    ///   PURGEMARK-1  decided 2019-02-01 (T1)                      → purged (1 row)
    ///   PURGEMARK-2  investigated 2019-03-01 – 2019-06-30 (T1, T2) → purged (2 rows)
    ///   KEEP-3       investigation open since 2019-04-01 (T1, T2)  → open: kept
    ///   KEEP-4       decided 2020-10-01 (T1)                       → kept
    ///   KEEP-5       decided 2021-06-01 (T2)                       → kept
    /// 2 cases, 3 rows; T1 4 → 2 rows, T2 3 → 2 rows; no import emptied.
    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try Self.model.write(toFile: cli.path("model.yaml"), atomically: true, encoding: .utf8)
        try """
            \(Self.header)
            PURGEMARK-1;PERSONMARK-1;vallingbyteamet;2019-01-10;ORSAKMARK-1;2019-02-01;;
            PURGEMARK-2;PERSONMARK-2;linjen;2019-02-20;ORSAKMARK-2;2019-03-01;2019-03-01;2019-06-30
            KEEP-3;KEEPPERSON-3;linjen;2019-03-20;;2019-04-01;2019-04-01;
            KEEP-4;KEEPPERSON-4;vallingbyteamet;2020-09-20;;2020-10-01;;

            """.write(toFile: cli.path("t1.csv"), atomically: true, encoding: .utf8)
        try """
            \(Self.header)
            PURGEMARK-2;PERSONMARK-2;linjen;2019-02-20;ORSAKMARK-2;2019-03-01;2019-03-01;2019-06-30
            KEEP-3;KEEPPERSON-3;linjen;2019-03-20;;2019-04-01;2019-04-01;
            KEEP-5;KEEPPERSON-5;vallingbyteamet;2021-05-20;;2021-06-01;;

            """.write(toFile: cli.path("t2.csv"), atomically: true, encoding: .utf8)
        for args in [["model", "add", "model.yaml"],
                     ["cases", "import", "t1.csv", "--model", "vallingbyteamet", "--extract-date", "2020-12-31"],
                     ["cases", "import", "t2.csv", "--model", "vallingbyteamet", "--extract-date", "2021-12-31"]] {
            let out = try cli.run(args)
            #expect(out.status == 0, "\(args): \(out.stderr)")
        }
        return cli
    }

    func json(_ out: CLIRunner.Output) throws -> [String: Any] {
        #expect(out.status == 0, "\(out.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], "\(out.stdout)")
    }

    /// `imports list --format json`: import id → row_count.
    func rowCounts(_ cli: CLIRunner) throws -> [Int: Int] {
        let out = try cli.run(["imports", "list", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as! Int, $0["row_count"] as! Int) })
    }

    func databaseBytes(_ cli: CLIRunner) throws -> Data {
        var all = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) where name.hasPrefix("piloteval.db") {
            all.append(try Data(contentsOf: URL(fileURLWithPath: cli.path(name))))
        }
        return all
    }

    @Test func dryRunThenPurgeSayWhatGoesAndTheFilesKeepNoTrace() throws {
        let cli = try prepared()
        #expect(try rowCounts(cli) == [1: 4, 2: 3])
        let markers = ["PURGEMARK", "PERSONMARK", "ORSAKMARK"]
        let before = try databaseBytes(cli)
        for m in markers { #expect(before.holds(m), "control: \(m) should be in the file before the purge") }

        let preview = try json(cli.run(["cases", "purge", "--before", "2020-01-01", "--dry-run", "--format", "json"]))
        #expect(preview["dry_run"] as? Bool == true)
        #expect(preview["cases_purged"] as? Int == 2)
        #expect(preview["rows_deleted"] as? Int == 3)
        #expect(preview["scrub"] is NSNull)
        #expect((preview["scrub_note"] as? String)?.contains("dry run") == true)
        #expect(try rowCounts(cli) == [1: 4, 2: 3], "a dry run changed the import log")

        let done = try json(cli.run(["cases", "purge", "--before", "2020-01-01", "--format", "json"]))
        #expect(done["dry_run"] as? Bool == false)
        #expect(done["cases_purged"] as? Int == 2 && done["rows_deleted"] as? Int == 3)
        let model = try #require((done["models"] as? [[String: Any]])?.first)
        #expect(model["model"] as? String == "vallingbyteamet")
        #expect(model["cases_kept"] as? Int == 3)
        #expect(model["open_cases_kept"] as? Int == 1)
        #expect(model["open_cases_quiet_since_before_cut_off"] as? Int == 1)
        #expect(model["imports_affected"] as? Int == 2 && model["imports_emptied"] as? Int == 0)
        let imports = try #require(done["imports"] as? [[String: Any]])
        #expect(imports.map { $0["import_id"] as? Int } == [1, 2])
        #expect(imports.map { $0["rows_before"] as? Int } == [4, 3])
        #expect(imports.map { $0["rows_deleted"] as? Int } == [2, 1])
        #expect(imports.map { $0["rows_left"] as? Int } == [2, 2])
        let scrub = try #require(done["scrub"] as? [String: Any])
        #expect(scrub["complete"] as? Bool == true && scrub["vacuumed"] as? Bool == true)

        #expect(try rowCounts(cli) == [1: 2, 2: 2])
        let after = try databaseBytes(cli)
        for m in markers { #expect(!after.holds(m), "\(m) is still in piloteval.db*") }
        #expect(after.holds("KEEPPERSON-5"))

        // Nothing more to purge; the table says so.
        let again = try cli.run(["cases", "purge", "--before", "2020-01-01"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("vallingbyteamet"))
        #expect(again.stdout.contains("No import loses any rows"))
    }

    @Test func tableSaysCasesPerModelAndImportsAffected() throws {
        let cli = try prepared()
        let out = try cli.run(["cases", "purge", "--before", "2020-01-01", "--dry-run"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("Dry run: nothing was changed"))
        let lines = out.stdout.components(separatedBy: "\n")
        let row = try #require(lines.first { $0.hasPrefix("vallingbyteamet") })
        #expect(row.split(separator: " ").prefix(4) == ["vallingbyteamet", "2", "3", "3"])
        #expect(lines.contains { $0.hasPrefix("1 ") && $0.contains("t1.csv") && $0.contains("2020-12-31") })
        #expect(lines.contains { $0.hasPrefix("2 ") && $0.contains("t2.csv") })
        // The quiet open case is pointed out on stderr.
        #expect(out.stderr.contains("1 open case(s) have nothing recorded since before 2020-01-01"))
    }

    /// A realistic extract: after a purge `cases compare` still runs on the cases that
    /// are left, and the log's row count is the cases left.
    @Test func casesCompareWorksOnWhatIsLeft() throws {
        let cli = try CLIRunner()
        try Self.model.write(toFile: cli.path("model.yaml"), atomically: true, encoding: .utf8)
        for args in [["model", "add", "model.yaml"],
                     ["synth", "cases", "--seed", "11", "--cases", "1500", "--out", "cases.csv"],
                     ["cases", "import", "cases.csv", "--model", "vallingbyteamet"]] {
            let out = try cli.run(args)
            #expect(out.status == 0, "\(args): \(out.stderr)")
        }
        let compare = ["cases", "compare", "--model", "vallingbyteamet", "--outcome", "days_to_assessment", "--format", "json"]
        let first = try json(cli.run(compare))
        let rowsBefore = try #require(try rowCounts(cli)[1])
        let purge = try json(cli.run(["cases", "purge", "--before", "2020-01-01", "--format", "json"]))
        let purged = try #require(purge["cases_purged"] as? Int)
        let model = try #require((purge["models"] as? [[String: Any]])?.first)
        #expect(purged > 0)
        // One extract: one row per case.
        #expect(purge["rows_deleted"] as? Int == purged)
        #expect(try rowCounts(cli)[1] == rowsBefore - purged)
        #expect(model["cases_kept"] as? Int == rowsBefore - purged)

        let second = try json(cli.run(compare))
        func n(_ object: [String: Any], _ group: String) -> Int { ((object[group] as? [String: Any])?["n"] as? Int) ?? -1 }
        #expect(n(second, "pilot") > 0 && n(second, "comparison") > 0)
        #expect(n(second, "pilot") + n(second, "comparison") < n(first, "pilot") + n(first, "comparison"))
        let did = try cli.run(["cases", "compare", "--model", "vallingbyteamet", "--outcome", "investigation_within_4m",
                               "--design", "did", "--format", "json"])
        #expect(did.status == 0, "\(did.stderr)")
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let empty = try CLIRunner()
        let missing = try empty.run(["cases", "purge", "--before", "2020-01-01"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database at ./piloteval.db"))
        #expect(!FileManager.default.fileExists(atPath: empty.path("piloteval.db")), "a purge created a database")

        let cli = try prepared()
        for (date, says) in [("2019-13-01", "no such day"), ("2019-02-30", "no such day"), ("01/02/2019", "is not a date"),
                             ("20190101", "is not a date"), ("", "is not a date"), ("igår", "is not a date"),
                             ("2999-01-01", "after today")] {
            let out = try cli.run(["cases", "purge", "--before", date])
            #expect(out.status == 1, "\(date)")
            #expect(out.stderr.contains(says), "\(date): \(out.stderr)")
            #expect(out.stdout.isEmpty)
        }
        let unknown = try cli.run(["cases", "purge", "--before", "2020-01-01", "--model", "ingen"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no case extract is imported for model ingen"))
        #expect(unknown.stderr.contains("vallingbyteamet"))
        #expect(try cli.run(["cases", "purge"]).status == 64)
        #expect(try rowCounts(cli) == [1: 4, 2: 3])
    }
}

private extension Data {
    func holds(_ text: String) -> Bool { range(of: Data(text.utf8)) != nil }
}
