import Foundation
import Testing

/// `piloteval report`, `report verify` and `report templates` end to end, as a user
/// runs them. No test needs Chromium or LibreOffice.
@Suite struct ReportCommandTests {
    func setUp() throws -> CLIRunner {
        let cli = try CLIRunner()
        let added = try cli.run(["model", "add", CLIRunner.fixture("model.yaml")])
        #expect(added.status == 0, "\(added.stderr)")
        return cli
    }

    func final(_ cli: CLIRunner, _ format: String, _ out: String, _ extra: [String] = []) throws -> CLIRunner.Output {
        try cli.run(["report", "--model", "exempelteamet", "--kind", "final", "--format", format,
                     "--budget", CLIRunner.fixture("reports/budget.csv"), "--text", CLIRunner.fixture("reports/text.md"),
                     "-o", out] + extra)
    }

    @Test func finalReportInEveryFileFormatThenVerify() throws {
        let cli = try setUp()
        for (format, name) in [("html", "r.html"), ("markdown", "r.md"), ("docx", "r.docx"), ("json", "r.json")] {
            let result = try final(cli, format, name)
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: cli.path(name)))
            // Missing prose is listed on stderr; the budget gap is flagged.
            #expect(result.stderr.contains("2 Bakgrund"))
            #expect(!result.stderr.contains("1 Sammanfattning"))
            #expect(result.stderr.contains("differ by 350,000 kr"))
        }
        #expect(FileManager.default.fileExists(atPath: cli.path("r-figures/figure-1.svg")))
        let verified = try cli.run(["report", "verify", "r.json"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stderr.contains("figures agree with the database"))
    }

    /// `-o` naming something that is not a regular file (a named pipe here; `/dev/null`
    /// alike) is written into, not replaced: the atomic write renamed its temporary file
    /// over `/dev/null` and left an ordinary file where the device was.
    @Test(.timeLimit(.minutes(1)))
    func writingToANamedPipeLeavesThePipe() throws {
        let cli = try setUp()
        let pipe = cli.path("out.pipe")
        #expect(mkfifo(pipe, 0o600) == 0)
        // A reader on the pipe, as a shell's `-o >(…)` or a viewer would be.
        let received = ReceivedBytes()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: pipe) { received.set(handle.readDataToEndOfFile()) }
        }
        reader.start()
        let result = try final(cli, "html", pipe)
        #expect(result.status == 0, "\(result.stderr)")
        while !received.done { Thread.sleep(forTimeInterval: 0.05) }
        let type = try FileManager.default.attributesOfItem(atPath: pipe)[.type] as? FileAttributeType
        #expect(type != nil && type != .typeRegular, "the pipe was replaced by a \(String(describing: type))")
        #expect(String(decoding: received.data, as: UTF8.self).contains("<html"))
    }

    final class ReceivedBytes: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data(), finished = false
        func set(_ data: Data) { lock.lock(); bytes = data; finished = true; lock.unlock() }
        var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
        var data: Data { lock.lock(); defer { lock.unlock() }; return bytes }
    }

    @Test func verifyFailsOnAHandEditedReport() throws {
        let cli = try setUp()
        #expect(try final(cli, "json", "r.json").status == 0)
        let json = try String(contentsOfFile: cli.path("r.json"), encoding: .utf8)
        try json.replacingOccurrences(of: "\"cost_total\" : 1500000", with: "\"cost_total\" : 1150000")
            .write(toFile: cli.path("edited.json"), atomically: true, encoding: .utf8)
        let result = try cli.run(["report", "verify", "edited.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("edited.json: results.budget.cost_total: report says 1150000, recomputed 1500000"))
        #expect(result.stderr.contains("figures differ"))
    }

    /// A budget named by a relative path is looked for from the current folder, then
    /// beside the report; when it is in neither, verify cannot check it and exits 1 with
    /// where it looked (it used to note it and exit 0).
    @Test func verifyFailsWhenARelativeBudgetCannotBeFound() throws {
        let cli = try setUp()
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("reports/budget.csv"), toPath: cli.path("budget.csv"))
        try FileManager.default.createDirectory(atPath: cli.path("ut"), withIntermediateDirectories: true)
        let made = try cli.run(["report", "--model", "exempelteamet", "--kind", "final", "--format", "json",
                                "--budget", "budget.csv", "-o", "ut/r.json"])
        #expect(made.status == 0, "\(made.stderr)")
        let here = try cli.run(["report", "verify", "ut/r.json"])
        #expect(here.status == 0, "\(here.stderr)")
        // Moved beside the report: found there, and said so.
        try FileManager.default.moveItem(atPath: cli.path("budget.csv"), toPath: cli.path("ut/budget.csv"))
        let beside = try cli.run(["report", "verify", "ut/r.json"])
        #expect(beside.status == 0, "\(beside.stderr)")
        #expect(beside.stderr.contains("note: budget file budget.csv found beside the report, as ut/budget.csv"))
        // Gone: exit 1, and where it looked.
        try FileManager.default.removeItem(atPath: cli.path("ut/budget.csv"))
        let gone = try cli.run(["report", "verify", "ut/r.json"])
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("ut/r.json: budget file budget.csv (parameters.budget_file) cannot be found: looked for ./budget.csv and ut/budget.csv"), "\(gone.stderr)")
        #expect(gone.stderr.contains("error: 1 file(s) the report was made from cannot be found, so it is not verified"))
        let json = try cli.run(["report", "verify", "ut/r.json", "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["verified"] as? Bool == false)
        #expect((object["missing_files"] as? [String])?.count == 1)
        #expect((object["differences"] as? [Any])?.isEmpty == true)
        #expect((object["figures_checked"] as? Int ?? 0) > 1)
    }

    @Test func verifyFailsWhenTheModelVersionIsGone() throws {
        let cli = try setUp()
        #expect(try final(cli, "json", "r.json").status == 0)
        let other = try CLIRunner()
        // A database without that model (a read command never creates one).
        #expect(try other.run(["model", "add", CLIRunner.fixture("indicators/model.yaml")]).status == 0)
        let result = try other.run(["report", "verify", cli.path("r.json")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("model: report says exempelteamet version 1, recomputed no such model version"))
    }

    @Test func steeringAndTertialSkeletons() throws {
        let cli = try setUp()
        let steering = try cli.run(["report", "--model", "exempelteamet", "--kind", "steering", "--format", "markdown"])
        #expect(steering.status == 0, "\(steering.stderr)")
        #expect(steering.stdout.contains("## 1 Förändringar sedan förra rapporten"))
        // Decisions no one has written are left out of the brief, and named on stderr.
        #expect(!steering.stdout.contains("## 5 Beslut som styrgruppen ombeds fatta"))
        #expect(steering.stderr.contains("5 Beslut som styrgruppen ombeds fatta"))
        #expect(try final(cli, "json", "r.json").status == 0)
        let since = try cli.run(["report", "--model", "exempelteamet", "--kind", "steering", "--format", "html",
                                 "--since", "r.json", "-o", "s.html"])
        #expect(since.status == 0, "\(since.stderr)")
        let tertial = try cli.run(["report", "--model", "exempelteamet", "--kind", "tertial", "--format", "markdown",
                                   "--lang", "en", "--period", "2021"])
        #expect(tertial.status == 0, "\(tertial.stderr)")
        // No city target set and no analysis written: those columns are left out (the
        // golden tertial table keeps both where a row fills them).
        #expect(tertial.stdout.contains("| Indicator | Outcome | Boys | Girls | Previous period | Unit target | Assessment |\n"))
    }

    @Test func domainSectionsFromImportedIndicatorsVerifyAndCatchAnEdit() throws {
        let cli = try CLIRunner()
        let fixture = { (name: String) in CLIRunner.fixture("indicators/" + name) }
        #expect(try cli.run(["model", "add", fixture("model.yaml")]).status == 0)
        for file in ["tertial1.csv", "year-excel.csv"] {
            let imported = try cli.run(["indicators", "import", fixture(file), "--model", "exempelenheten"])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let tertial = try cli.run(["report", "--model", "exempelenheten", "--kind", "tertial", "--format", "json", "-o", "t.json"])
        #expect(tertial.status == 0, "\(tertial.stderr)")
        let json = try String(contentsOfFile: cli.path("t.json"), encoding: .utf8)
        #expect(json.contains("\"outcome\" : 78.5"))                       // I1 2022, from year-excel.csv
        let verified = try cli.run(["report", "verify", "t.json"])
        #expect(verified.status == 0, "\(verified.stderr)")
        try json.replacingOccurrences(of: "\"outcome\" : 78.5", with: "\"outcome\" : 80")
            .write(toFile: cli.path("edited.json"), atomically: true, encoding: .utf8)
        let edited = try cli.run(["report", "verify", "edited.json"])
        #expect(edited.status == 1)
        #expect(edited.stderr.contains(".outcome: report says 80, recomputed 78.5"))

        // The final report carries the indicator tables, the gender table and a trend chart.
        let final = try cli.run(["report", "--model", "exempelenheten", "--kind", "final", "--format", "markdown", "--period", "2022-T1"])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(final.stdout.contains("Indikatorer per kön"))
        #expect(final.stdout.contains("Utveckling över tid"))
        // 2022-T1: girls 20 of 24 (4 without), boys 21 of 26, all 41 of 50: the only small
        // count is the girls' misses, so every share stays and every count goes
        // (docs/privacy.md, "Indicator shares"): 83,3 %, 80,8 %, 82 %, no "(n = …)".
        #expect(final.stdout.contains("| 83,3\u{00A0}% | 80,8\u{00A0}% | 82\u{00A0}% |"))
        #expect(!final.stdout.contains("n\u{00A0}=\u{00A0}50"))
    }

    @Test func pilotVersusLineFromImportedCases() throws {
        let cli = try CLIRunner()
        // The fixture model with the synthetic extract's pilot cohort.
        let model = try String(contentsOfFile: CLIRunner.fixture("model.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "pilot: exempelteamet", with: "pilot: vallingbyteamet")
        try model.write(toFile: cli.path("model.yaml"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["model", "add", "model.yaml"]).status == 0)
        #expect(try cli.run(["synth", "cases", "--seed", "5", "--cases", "400", "--out", "synthetic-cases.csv"]).status == 0)
        let imported = try cli.run(["cases", "import", "synthetic-cases.csv", "--model", "exempelteamet"])
        #expect(imported.status == 0, "\(imported.stderr)")

        let steering = try cli.run(["report", "--model", "exempelteamet", "--kind", "steering", "--format", "markdown"])
        #expect(steering.status == 0, "\(steering.stderr)")
        #expect(steering.stdout.contains("| Utfallsmått | Pilot | Linjen | Pilot − linje (95\u{00A0}%\u{00A0}KI) | Bättre eller sämre? |"))
        // One row per outcome followed: the share within 14 days stands for the days.
        #expect(steering.stdout.contains("Förhandsbedömning inom 14 dagar"))
        #expect(!steering.stdout.contains("Dagar till beslut om förhandsbedömning"))
        #expect(steering.stdout.contains("Säkerheten är låg: piloten är ett enda team"))
        #expect(steering.stdout.contains("syntetiska"))                 // the imported file's name says so
        let final = try cli.run(["report", "--model", "exempelteamet", "--kind", "final", "--format", "json", "-o", "r.json"])
        #expect(final.status == 0, "\(final.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.path("r.json")))) as! [String: Any]
        let section = (json["results"] as! [String: Any])["pilot_vs_line"] as! [String: Any]
        #expect(section["synthetic"] as? Bool == true)
        #expect((section["outcomes"] as! [[String: Any]]).count == 7)
        let verified = try cli.run(["report", "verify", "r.json"])
        #expect(verified.status == 0, "\(verified.stderr)")
    }

    @Test func badInputIsLocatedAndWritesNothing() throws {
        let cli = try setUp()
        try "section;line;amount\nincome;Bidrag;100\nincome;Summa;200\n".write(toFile: cli.path("b.csv"), atomically: true, encoding: .utf8)
        let budget = try cli.run(["report", "--model", "exempelteamet", "--kind", "final", "--format", "html",
                                  "--budget", "b.csv", "-o", "r.html"])
        #expect(budget.status == 1)
        #expect(budget.stderr.contains("b.csv:3:3: the income lines sum to 100 but the sum row says 200"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("r.html")))
        let docx = try cli.run(["report", "--model", "exempelteamet", "--kind", "final", "--format", "docx"])
        #expect(docx.status == 1)
        #expect(docx.stderr.contains("give -o FILE.docx"))
        let kind = try cli.run(["report", "--model", "exempelteamet", "--kind", "annual", "--format", "html"])
        #expect(kind.status == 64)
    }

    @Test func pdfWithoutChromiumSaysHowToInstallIt() throws {
        let cli = try setUp()
        let result = try cli.run(["report", "--model", "exempelteamet", "--kind", "final", "--format", "pdf", "-o", "r.pdf"],
                                 environment: ["PATH": "/nonexistent", "PILOTEVAL_CHROMIUM": ""])
        #expect(result.status == 1)
        #expect(result.stderr.contains("sudo apt-get install -y chromium"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("r.pdf")))
    }

    @Test func templatesAreWrittenAndUsed() throws {
        let cli = try setUp()
        let written = try cli.run(["report", "templates", "mallar"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("mallar/strings.sv.txt"))
        let again = try cli.run(["report", "templates", "mallar"])
        #expect(again.status == 1)
        let path = cli.path("mallar/strings.sv.txt")
        try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "final.9 = Bilagor", with: "final.9 = Bilagor och underlag")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try cli.run(["report", "--model", "exempelteamet", "--kind", "final", "--format", "markdown",
                                  "--templates", "mallar"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("## 9 Bilagor och underlag"))
    }
}
