import Foundation
import Testing
import XLSXTestSupport

/// Every import that reads CSV reads .xlsx too (DESIGN §3.5, issue 25): the same rows
/// stored, errors at `Blad1!C14`, the same privacy rules, hostile files refused with
/// nothing imported. Workbooks are written by openpyxl (Tests/xlsx/make_xlsx.py).
@Suite(.enabled(if: XLSXFixture.available, XLSXFixture.skipReason))
struct ExcelImportTests {
    /// Rows of a table in the database, as the sqlite3 shell prints them.
    func rows(_ cli: CLIRunner, _ sql: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = ["-readonly", cli.path("piloteval.db"), sql]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Every byte of the database and its -wal/-shm files.
    func databaseBytes(_ cli: CLIRunner) throws -> Data {
        var bytes = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) where name.hasPrefix("piloteval.db") {
            bytes.append(try Data(contentsOf: cli.directory.appendingPathComponent(name)))
        }
        return bytes
    }

    func importsCount(_ cli: CLIRunner) throws -> Int {
        let list = try cli.run(["imports", "list", "--format", "json"])
        guard list.status == 0, let json = try? JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) else { return 0 }
        if let array = json as? [Any] { return array.count }
        if let object = json as? [String: Any], let imports = object["imports"] as? [Any] { return imports.count }
        return 0
    }

    // MARK: The same rows as the CSV

    @Test func aTwentyThousandRowSheetStoresTheSameCasesAsTheCSV() throws {
        let csv = try CLIRunner(), xlsx = try CLIRunner()
        for cli in [csv, xlsx] {
            #expect(try cli.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        }
        let made = try csv.run(["synth", "cases", "--seed", "11", "--cases", "20000", "--dialect", "plain", "--out", "cases.csv"])
        #expect(made.status == 0, "\(made.stderr)")
        // As a case system's Excel export holds it: a title row, numbers as numbers, dates
        // as date cells, text in the shared-strings table.
        try XLSXFixture.write(["from_csv": csv.path("cases.csv"), "title": "Utdrag ur verksamhetssystemet 2022-12-31",
                               "shared_strings": true], to: xlsx.path("cases.xlsx"))
        let a = try csv.run(["cases", "import", "cases.csv", "--model", "exempelteamet", "--format", "json"])
        #expect(a.status == 0, "\(a.stderr)")
        let started = Date()
        let b = try xlsx.run(["cases", "import", "cases.xlsx", "--model", "exempelteamet", "--format", "json"])
        let seconds = Date().timeIntervalSince(started)
        #expect(b.status == 0, "\(b.stderr)")
        let sql = "SELECT * FROM cases ORDER BY case_id"
        let fromCSV = try rows(csv, sql), fromSheet = try rows(xlsx, sql)
        #expect(fromCSV.split(separator: "\n").count == 20_000)
        #expect(fromSheet == fromCSV, "the sheet stored other rows than the CSV")
        let dates = "SELECT extract_date, extract_date_from, pilot_cohort FROM case_imports"
        #expect(try rows(xlsx, dates) == rows(csv, dates))
        print("20 000-row case sheet imported in \(String(format: "%.2f", seconds)) s")
    }

    @Test func observationsWithSwedishHeadersAndATitleStoreTheSameAsTheEnglishCSV() throws {
        let csv = try CLIRunner(), sheet = try CLIRunner(), swedishCSV = try CLIRunner()
        for cli in [csv, sheet, swedishCSV] {
            #expect(try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml")]).status == 0)
        }
        let text = try String(contentsOfFile: CLIRunner.fixture("indicators/tertial1.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let swedish = ["Indikator", "Period", "Grupp", "Värde", "Täljare", "Nämnare", "Kommentar"]
        // The same table on rows 3– under a merged title and an empty row; numbers as numbers.
        let body: [[Any]] = lines.dropFirst().map { row in
            row.map { cell -> Any in cell.isEmpty ? NSNull() : (Double(cell).map { $0 as Any } ?? cell) }
        }
        try XLSXFixture.write(["sheets": [["name": "Tertial 1", "merge": ["A1:G1"],
                                            "rows": [["Indikatorer tertial 1 2022"], []] + [swedish] + body]]],
                              to: sheet.path("tertial1.xlsx"))
        try (swedish.joined(separator: ";") + "\n" + lines.dropFirst().map { $0.joined(separator: ";") }.joined(separator: "\n"))
            .write(toFile: swedishCSV.path("tertial1.csv"), atomically: true, encoding: .utf8)
        #expect(try csv.run(["indicators", "import", CLIRunner.fixture("indicators/tertial1.csv"), "--model", "exempelenheten"]).status == 0)
        let s = try sheet.run(["indicators", "import", "tertial1.xlsx", "--model", "exempelenheten", "--sheet", "Tertial 1"])
        #expect(s.status == 0, "\(s.stderr)")
        #expect(s.stdout.contains("imported 8 rows"))
        let sv = try swedishCSV.run(["indicators", "import", "tertial1.csv", "--model", "exempelenheten"])
        #expect(sv.status == 0, "\(sv.stderr)")
        let sql = "SELECT indicator, period, group_name, value, numerator, denominator, note FROM indicator_observations ORDER BY id"
        let expected = try rows(csv, sql)
        #expect(expected.split(separator: "\n").count == 8)
        #expect(try rows(sheet, sql) == expected)
        #expect(try rows(swedishCSV, sql) == expected)
        // Rows are the sheet's: the header is row 3, the first observation row 4.
        #expect(try rows(sheet, "SELECT min(source_line) FROM indicator_observations") == "4\n")
        // (Status JSON differs only in the lines its warnings name: the sheet's rows.)
    }

    @Test func readinessMeasuresAndBudgetReadSheets() throws {
        let cli = try CLIRunner(), reference = try CLIRunner()
        // Readiness: Swedish headers on a sheet named with --sheet.
        let wave = try String(contentsOfFile: CLIRunner.fixture("readiness/wave-a.csv"), encoding: .utf8)
        let table = wave.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = ["Svarande", "Enhet", "Omgång"] + table[0].dropFirst(3)
        let answers: [[Any]] = table.dropFirst().map { row in
            row.enumerated().map { i, cell -> Any in cell.isEmpty ? NSNull() : (i >= 3 ? Int(cell)! as Any : cell) }
        }
        try XLSXFixture.write(["sheets": [["name": "Info", "rows": [["Enkät mars"]]],
                                          ["name": "Svar", "rows": [header] + answers]]], to: cli.path("wave-a.xlsx"))
        let instrument = CLIRunner.fixture("readiness/instrument.yaml")
        let r = try cli.run(["readiness", "import", "wave-a.xlsx", "--sheet", "Svar", "--instrument", instrument, "--wave", "wave-a"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try reference.run(["readiness", "import", CLIRunner.fixture("readiness/wave-a.csv"), "--instrument", instrument,
                                   "--wave", "wave-a"]).status == 0)
        let summary = ["readiness", "summary", "--instrument", "test-readiness", "--format", "json"]
        #expect(try cli.run(summary).stdout == reference.run(summary).stdout)

        // Measures: date cells and Swedish names.
        try XLSXFixture.write(rows: [["Datum", "Värde"], [["date": "2021-01-31"], 4], [["date": "2021-02-28"], 5],
                                     [["date": "2021-03-31"], "-"]], to: cli.path("measure.xlsx"))
        let m = try cli.run(["measures", "import", "measure.xlsx", "--measure", "vantetid"])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(m.stdout.contains("imported 3 values"))
        #expect(m.stderr.contains("1 cell(s) held a \"no data\" mark") && m.stderr.contains("the first at Blad1!B4"))

        // Budget: the report's --budget from a sheet gives the same budget as the CSV.
        let budget = try String(contentsOfFile: CLIRunner.fixture("reports/budget.csv"), encoding: .utf8)
            .replacingOccurrences(of: "\u{FEFF}", with: "")
        let lines = budget.split(whereSeparator: \.isNewline).map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let budgetRows: [[Any]] = lines.map { row in
            row.enumerated().map { i, cell -> Any in
                if cell.isEmpty { return NSNull() }
                if i == 3, let n = Int(cell.replacingOccurrences(of: " ", with: "")) { return n }
                return cell
            }
        }
        try XLSXFixture.write(["sheets": [["name": "Blad1", "rows": [["Budget"]]],
                                          ["name": "Budget 2021", "rows": [["Projektbudget 2021"]] + budgetRows]]],
                              to: cli.path("budget.xlsx"))
        #expect(try cli.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        #expect(try reference.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        let fromSheet = try cli.run(["report", "--model", "exempelteamet", "--kind", "final", "--format", "json",
                                     "--budget", "budget.xlsx", "--budget-sheet", "Budget 2021", "-o", "r.json"])
        #expect(fromSheet.status == 0, "\(fromSheet.stderr)")
        let fromCSV = try reference.run(["report", "--model", "exempelteamet", "--kind", "final", "--format", "json",
                                         "--budget", CLIRunner.fixture("reports/budget.csv"), "-o", "r.json"])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        // The same lines and totals; the file name and the lines' places differ.
        func budgetOf(_ c: CLIRunner) throws -> [NSDictionary] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: c.path("r.json")))) as? [String: Any]
            let budget = (json?["inputs"] as? [String: Any])?["budget"] as? [String: Any]
            let entries = (budget?["lines"] as? [[String: Any]] ?? []) + (budget?["stated_totals"] as? [[String: Any]] ?? [])
            return entries.map { e in NSDictionary(dictionary: e.filter { $0.key != "source_line" }) }
        }
        #expect(try budgetOf(cli).count == 9)
        #expect(try budgetOf(cli) == budgetOf(reference))
    }

    // MARK: Errors and privacy

    @Test func errorsNameTheCellAndImportNothing() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml")]).status == 0)
        try XLSXFixture.write(rows: [["Indikator", "Period", "Grupp", "Värde"], ["I2", "2021", "total", 60],
                                     ["I2", "2022-T1", "total", "12 st"], ["I2", "2022-T5", "total", 3]],
                              to: cli.path("bad.xlsx"))
        let bad = try cli.run(["indicators", "import", "bad.xlsx", "--model", "exempelenheten"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.xlsx:Blad1!D3: column value:"), "\(bad.stderr)")
        #expect(bad.stderr.contains("bad.xlsx:Blad1!B4: column period:"), "\(bad.stderr)")
        #expect(try importsCount(cli) == 0)

        // A case extract: a date that does not exist, at its cell.
        #expect(try cli.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        try XLSXFixture.write(rows: [["Ärende", "Kohort", "Kön", "Aktualiseringsdatum"],
                                     ["BU-1", "exempelteamet", "flicka", ["date": "2021-03-05"]],
                                     ["BU-2", "linjen", "pojke", "2021-02-30"]], to: cli.path("cases.xlsx"))
        let cases = try cli.run(["cases", "import", "cases.xlsx", "--model", "exempelteamet"])
        #expect(cases.status == 1)
        #expect(cases.stderr.contains("cases.xlsx:Blad1!D3:"), "\(cases.stderr)")
        #expect(try importsCount(cli) == 0)
    }

    @Test func brokenAndHostileWorkbooksExitOneWithNothingImported() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml")]).status == 0)
        #expect(try cli.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        let good: [[Any]] = [["indicator", "period", "value"], ["I2", "2021", 60]]
        try "indicator;period;value\nI2;2021;60\n".write(toFile: cli.path("text.xlsx"), atomically: true, encoding: .utf8)
        try XLSXFixture.write(rows: good, to: cli.path("nosheet.xlsx"), extra: ["remove": ["xl/worksheets/sheet1.xml"]])
        try XLSXFixture.write(rows: good, to: cli.path("noworkbook.xlsx"), extra: ["remove": ["xl/workbook.xml", "_rels/.rels"]])
        try XLSXFixture.write(rows: good, to: cli.path("bomb.xlsx"), extra: ["shared_strings": true, "parts": ["xl/sharedStrings.xml": """
            <?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si><si><t>&b;</t></si></sst>
            """]])
        try XLSXFixture.write(rows: good, to: cli.path("strings.xlsx"), extra: ["shared_strings": true, "patches": [[
            "part": "xl/sharedStrings.xml", "old": #"count="5" uniqueCount="5""#, "new": #"count="999999999" uniqueCount="999999999""#]]])
        try XLSXFixture.write(rows: good, to: cli.path("rows.xlsx"), extra: ["patches": [[
            "part": "xl/worksheets/sheet1.xml", "old": #"<dimension ref="A1:C2" />"#, "new": #"<dimension ref="A1:C1000000000" />"#]]])
        let expected = [
            "text.xlsx": "not an Excel workbook", "nosheet.xlsx": "missing from the archive",
            "noworkbook.xlsx": "without a workbook", "bomb.xlsx": "DOCTYPE", "strings.xlsx": "claims 999999999 strings",
            "rows.xlsx": "claims the range A1:C1000000000",
        ]
        for (file, message) in expected.sorted(by: { $0.key < $1.key }) {
            let runs: [[String]] = [
                ["indicators", "import", file, "--model", "exempelenheten"],
                ["cases", "import", file, "--model", "exempelteamet"],
                ["readiness", "import", file, "--instrument", CLIRunner.fixture("readiness/instrument.yaml"), "--wave", "w"],
                ["measures", "import", file, "--measure", "m"],
            ]
            for args in runs {
                let result = try cli.run(args)
                #expect(result.status == 1, "\(args): \(result.stderr)")
                #expect(result.stderr.contains(message), "\(args): \(result.stderr)")
            }
        }
        #expect(try importsCount(cli) == 0)
        #expect(try rows(cli, "SELECT count(*) FROM indicator_observations") == "0\n")
    }

    @Test func identityNumbersInCellsNeverReachTheDatabase() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("model.yaml")]).status == 0)
        let synth = try cli.run(["synth", "cases", "--seed", "4", "--cases", "200", "--identity", "--headers", "swedish",
                                 "--dialect", "plain", "--out", "utdrag.csv", "--map-out", "map.yaml"])
        #expect(synth.status == 0, "\(synth.stderr)")
        let text = try String(contentsOfFile: cli.path("utdrag.csv"), encoding: .utf8)
        let rowsOfText = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = rowsOfText[0].firstIndex(of: "Personnummer")!
        let numbers = rowsOfText.dropFirst().map { $0[column] }
        #expect(numbers.count == 200 && numbers.allSatisfy { $0.count == 13 })
        // Half the numbers as Excel holds a number typed without its dash: a 12-digit
        // number cell. One more in a free-text note, next to a case id.
        let typed: [[Any]] = rowsOfText.enumerated().map { r, row in
            row.enumerated().map { c, cell -> Any in
                if cell.isEmpty { return NSNull() }
                if r > 0 && c == column && r % 2 == 0 { return Int(cell.replacingOccurrences(of: "-", with: ""))! }
                if r > 0, let n = Int(cell) { return n }
                if r > 0, cell.count == 10, cell.dropFirst(4).first == "-", cell.dropFirst(7).first == "-" { return ["date": cell] }
                return cell
            }
        }
        try XLSXFixture.write(rows: typed, to: cli.path("utdrag.xlsx"), extra: ["shared_strings": true])
        let refused = try cli.run(["cases", "import", "utdrag.xlsx", "--model", "exempelteamet", "--map", "map.yaml"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--key-file"))
        #expect(try cli.run(["key", "create", "k.key"]).status == 0)
        let imported = try cli.run(["cases", "import", "utdrag.xlsx", "--model", "exempelteamet", "--map", "map.yaml",
                                    "--key-file", "k.key", "--format", "json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect(summary?["rows"] as? Int == 200)
        #expect(summary?["identity_columns"] as? [String] == ["Personnummer"])

        // An indicator note holding a number, from a sheet.
        #expect(try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml")]).status == 0)
        try XLSXFixture.write(rows: [["Indikator", "Period", "Värde", "Kommentar"],
                                     ["I2", "2021", 60, "gäller syskon till \(numbers[0])"]], to: cli.path("obs.xlsx"))
        let note = try cli.run(["indicators", "import", "obs.xlsx", "--model", "exempelenheten"])
        #expect(note.status == 0, "\(note.stderr)")

        let bytes = try databaseBytes(cli)
        #expect(!bytes.isEmpty)
        for n in Set(numbers) {
            let digits = n.filter(\.isNumber)
            for form in [n, digits, String(digits.dropFirst(2))] {
                #expect(bytes.range(of: Data(form.utf8)) == nil, "an identity number reached the database")
            }
        }
        for output in [refused.stdout, refused.stderr, imported.stdout, imported.stderr, note.stdout, note.stderr] {
            for n in numbers { #expect(!output.contains(n.filter(\.isNumber)) && !output.contains(n)) }
        }
    }

    @Test func noDataMarksAreBlankWithAWarningInCSVAndSheets() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml")]).status == 0)
        try XLSXFixture.write(rows: [["Indikator", "Period", "Grupp", "Värde", "Täljare", "Nämnare"],
                                     ["I2", "2021", "total", 60, "-", "–"], ["I2", "2022-T1", "total", 30, "..", "saknas"]],
                              to: cli.path("marks.xlsx"))
        let sheet = try cli.run(["indicators", "import", "marks.xlsx", "--model", "exempelenheten"])
        #expect(sheet.status == 0, "\(sheet.stderr)")
        #expect(sheet.stderr.contains("warning: marks.xlsx: 4 cell(s) held a \"no data\" mark (-, –, .., n/a or saknas) and were read as blank; the first at Blad1!E2"))
        // A row whose only figure is a mark is no observation: left out, not an error.
        try "indikator;period;värde;kommentar\nI3;2022-T1;92;n/a\nI1;2022-T1;..;\n".write(toFile: cli.path("marks.csv"), atomically: true, encoding: .utf8)
        let csv = try cli.run(["indicators", "import", "marks.csv", "--model", "exempelenheten"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("imported 1 rows"), "\(csv.stdout)")
        #expect(csv.stderr.contains("2 cell(s) held a \"no data\" mark") && csv.stderr.contains("the first at line 2, column kommentar"))
        #expect(try rows(cli, "SELECT count(*) FROM indicator_observations WHERE note IS NOT NULL OR numerator IS NOT NULL") == "0\n")
    }
}

extension ExcelImportTests {
    /// A Microsoft Forms–style workbook and a Netigate-style CSV of the same answers as
    /// wave-a.csv: statements as headings, labels as answers, the tools' own columns.
    @Test func surveyToolExportsSummariseLikeTheCSV() throws {
        let wave = try String(contentsOfFile: CLIRunner.fixture("readiness/wave-a.csv"), encoding: .utf8)
        let table = wave.split(whereSeparator: \.isNewline).dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let instrument = CLIRunner.fixture("readiness/instrument.yaml")
        let reference = try CLIRunner(), forms = try CLIRunner(), netigate = try CLIRunner()
        #expect(try reference.run(["readiness", "import", CLIRunner.fixture("readiness/wave-a.csv"),
                                   "--instrument", instrument, "--wave", "wave-a"]).status == 0)
        // Forms: ID, times, e-mail and name, the unit question, the statements in Swedish;
        // 1 and 7 as their labels.
        let formsHeader: [Any] = ["ID", "Starttid", "Tid för slutförande", "E-post", "Namn", "Enhet",
                                  "Påstående A", "Påstående B", "Påstående C", "Påstående D", "Påstående E (omvänt)"]
        let formsRows: [[Any]] = table.enumerated().map { n, row in
            [n + 1, ["date": "2022-03-0\(n % 9 + 1)T10:00:00"], ["date": "2022-03-0\(n % 9 + 1)T10:05:00"],
             "person\(n)@example.se", "Förnamn Efternamnsson\(n)", row[1]]
            + row[3...].map { cell -> Any in
                switch cell { case "": return NSNull(); case "1": return "Instämmer inte alls"; case "7": return "Instämmer helt"
                default: return Int(cell)! }
            }
        }
        try XLSXFixture.write(rows: [formsHeader] + formsRows, sheet: "Form1", to: forms.path("forms.xlsx"))
        let f = try forms.run(["readiness", "import", "forms.xlsx", "--instrument", instrument, "--wave", "wave-a"])
        #expect(f.status == 0, "\(f.stderr)")
        #expect(f.stderr.contains("the survey tool's columns Starttid, Tid för slutförande, E-post, Namn were left out"))
        // Netigate: numbered English statements, answers as "7 – Agree completely".
        var csv = "Respondent ID;Enhet;Q1. Statement A;Q2. Statement B;Q3. Statement C;Q4. Statement D;Q5. Statement E (reversed)\n"
        for (n, row) in table.enumerated() {
            let answers = row[3...].map { cell in
                switch cell { case "1": return "1 – Do not agree at all"; case "7": return "7 – Agree completely"; default: return cell }
            }
            csv += (["R\(n + 100)", row[1]] + answers).joined(separator: ";") + "\n"
        }
        try csv.write(toFile: netigate.path("netigate.csv"), atomically: true, encoding: .utf8)
        let g = try netigate.run(["readiness", "import", "netigate.csv", "--instrument", instrument, "--wave", "wave-a"])
        #expect(g.status == 0, "\(g.stderr)")
        let summary = ["readiness", "summary", "--instrument", "test-readiness", "--format", "json"]
        let expected = try reference.run(summary).stdout
        #expect(!expected.isEmpty)
        #expect(try forms.run(summary).stdout == expected)
        #expect(try netigate.run(summary).stdout == expected)
        // The names and e-mail addresses were never stored.
        let bytes = try databaseBytes(forms)
        #expect(bytes.range(of: Data("Efternamnsson".utf8)) == nil && bytes.range(of: Data("example.se".utf8)) == nil)

        // An unknown label and an unknown heading are errors naming them.
        try "respondent;enhet;Påstående A;Påstående X\n1;U1;5;3\n".write(toFile: netigate.path("bad1.csv"), atomically: true, encoding: .utf8)
        let heading = try netigate.run(["readiness", "import", "bad1.csv", "--instrument", "test-readiness", "--wave", "w2"])
        #expect(heading.status == 1)
        #expect(heading.stderr.contains("bad1.csv:1:4: column 4 (Påstående X): not an item"), "\(heading.stderr)")
        try "respondent;enhet;Påstående A\n1;U1;Vet ej\n".write(toFile: netigate.path("bad2.csv"), atomically: true, encoding: .utf8)
        let label = try netigate.run(["readiness", "import", "bad2.csv", "--instrument", "test-readiness", "--wave", "w2"])
        #expect(label.status == 1)
        #expect(label.stderr.contains("bad2.csv:2:3: column 3 (Påstående A): \"Vet ej\" is not a number"), "\(label.stderr)")
        #expect(label.stderr.contains("nor one of the scale's labels (1 instämmer inte alls / do not agree at all, 7 instämmer helt"), "\(label.stderr)")
    }
}

extension ExcelImportTests {
    /// `indicators template` writes an entry sheet openpyxl reads as described, which,
    /// filled in (and partly left empty), imports back as the rows typed.
    /// Indicators computed from loaded data (`data:`) get no row: the issue's template is
    /// for hand-entered indicators, and a typed value would replace the computed one.
    @Test func templateLeavesOutComputedIndicators() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", RunChartCommandTests.shipped("Models/vallingbyteamet.yaml")]).status == 0)
        let made = try cli.run(["indicators", "template", "--model", "vallingbyteamet", "--period", "2022", "-o", "y.xlsx"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("left out, computed from loaded data: I1, I2, I3, I4, I5, I6, I7, I8"), "\(made.stderr)")
        let read = try XLSXFixture.python("""
            import json, sys
            from openpyxl import load_workbook
            ws = load_workbook(sys.argv[1])["Inmatning"]
            print(json.dumps(sorted({r[0] for r in ws.iter_rows(min_row=2, values_only=True)})))
            """, [cli.path("y.xlsx")])
        let indicators = try JSONSerialization.jsonObject(with: Data(read.utf8)) as! [String]
        #expect(!indicators.isEmpty)
        #expect(Set(indicators).isDisjoint(with: ["I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"]), "\(indicators)")
    }

    @Test func templateRoundTrip() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["model", "add", CLIRunner.fixture("indicators/model.yaml")]).status == 0)
        #expect(try cli.run(["indicators", "import", CLIRunner.fixture("indicators/tertial1.csv"), "--model", "exempelenheten"]).status == 0)
        let made = try cli.run(["indicators", "template", "--model", "exempelenheten", "--period", "2022-T2", "-o", "t2.xlsx"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("7 rows"))
        let read = try XLSXFixture.python("""
            import json, sys
            from openpyxl import load_workbook
            wb = load_workbook(sys.argv[1])
            ws = wb["Inmatning"]
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            print(json.dumps({"sheets": wb.sheetnames, "rows": rows, "protected": ws.protection.sheet,
                              "locked": [ws.cell(2, c).protection.locked for c in range(1, 12)],
                              "validation": [str(d.sqref) for d in ws.data_validations.dataValidation if d.type == "decimal"],
                              "freeze": ws.freeze_panes,
                              "instructions": wb["Instruktioner"]["A1"].value}))
            """, [cli.path("t2.xlsx")])
        let json = try JSONSerialization.jsonObject(with: Data(read.utf8)) as! [String: Any]
        #expect(json["sheets"] as? [String] == ["Inmatning", "Instruktioner"])
        let sheetRows = json["rows"] as! [[Any]]
        #expect(sheetRows.count == 8)
        #expect(sheetRows[0].compactMap { $0 as? String } == ["Indikator", "Grupp", "Värde", "Täljare", "Nämnare", "Kommentar",
                                                          "Period", "Titel", "Enhet", "Föregående värde", "Mål"])
        #expect(sheetRows[1][0] as? String == "I1" && sheetRows[1][1] as? String == "total" && sheetRows[1][6] as? String == "2022-T2")
        #expect(sheetRows[1][9] as? Double == 82 && sheetRows[1][10] as? String == ">= 80")   // 41 of 50 in 2022-T1; the unit's target
        #expect(json["protected"] as? Bool == true)
        #expect(json["locked"] as? [Bool] == [true, true, false, false, false, false, true, true, true, true, true])
        #expect(json["validation"] as? [String] == ["C2:E8"])
        #expect(json["freeze"] as? String == "A2")
        #expect((json["instructions"] as? String)?.contains("2022-T2") == true)

        // Filled in with openpyxl as a user would in Excel: a value, counts, a note; the
        // other rows left empty.
        _ = try XLSXFixture.python("""
            import sys
            from openpyxl import load_workbook
            wb = load_workbook(sys.argv[1])
            ws = wb["Inmatning"]
            ws["C2"] = 44; ws["F2"] = "tertialrapport 2"; ws["D3"] = 20; ws["E3"] = 25; ws["C5"] = 31
            wb.save(sys.argv[2])
            """, [cli.path("t2.xlsx"), cli.path("filled.xlsx")])
        let imported = try cli.run(["indicators", "import", "filled.xlsx", "--model", "exempelenheten"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try rows(cli, "SELECT indicator, group_name, value, numerator, denominator, note, source_line FROM indicator_observations WHERE period = '2022-T2' ORDER BY id")
                == "I1|total|44.0|||tertialrapport 2|2\nI1|girls||20.0|25.0||3\nI2|total|31.0||||5\n")
        // An empty template is refused as it is, not stored.
        let empty = try cli.run(["indicators", "import", "t2.xlsx", "--model", "exempelenheten"])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("no rows"), "\(empty.stderr)")
    }
}
