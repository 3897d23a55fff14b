import Foundation
import Store
import Testing
import XLSXTestSupport
@testable import piloteval

/// `--format xlsx` (docs/csv-output.md): the rows of `--format csv` as a workbook that
/// openpyxl reads back cell by cell — numbers as number cells, text as text (never a
/// formula; text that begins like a formula with a leading `'`, as `excel-sv`), dates as
/// date cells; the header bold and frozen, columns as wide as their content.
@Suite(.enabled(if: XLSXFixture.available, XLSXFixture.skipReason))
struct XLSXExportTests {
    /// Prints, as JSON, the CSV file argv[1] (csv module) and the first sheet of the
    /// workbook argv[2]: each cell as [type, value] (n number, s text, d date, f formula)
    /// or null (numbers as Python's shortest repr text: JSONSerialization's numbers can be
    /// off in the last place), the header's boldness, the frozen pane and the column widths.
    static let reader = #"""
    import csv, json, sys, openpyxl, datetime
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    wb = openpyxl.load_workbook(sys.argv[2])
    ws = wb.worksheets[0]
    def cell(c):
        v = c.value
        if v is None: return None
        if c.data_type == "f": return ["f", str(v)]
        if isinstance(v, datetime.datetime): return ["d", v.date().isoformat(), c.number_format]
        if isinstance(v, bool): return ["b", v]
        if isinstance(v, (int, float)): return ["n", repr(float(v)), c.number_format]
        return ["s", v]
    sheet = [[cell(c) for c in row] for row in ws.iter_rows()]
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(ws.max_column)]
    print(json.dumps({"csv": rows, "xlsx": sheet, "title": ws.title, "freeze": ws.freeze_panes,
                      "bold": [bool(c.font.b) for c in ws[1]], "widths": widths}))
    """#

    struct ReadBack {
        var csv: [[String]]
        var xlsx: [[[Any]?]]
        var object: [String: Any]
    }

    func readBack(csv: String, xlsx: String) throws -> ReadBack {
        let text = try XLSXFixture.python(Self.reader, [csv, xlsx])
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let sheet = (object["xlsx"] as! [[Any]]).map { $0.map { $0 is NSNull ? nil : ($0 as! [Any]) } }
        return ReadBack(csv: object["csv"] as! [[String]], xlsx: sheet, object: object)
    }

    /// Every cell of the sheet against the same cell of the CSV (written independently of
    /// the code under test): empty ↔ no cell; a number ↔ a number cell of that value (in
    /// the `0.0%` format in a share column, else General); any other text, and anything in
    /// a column of periods or names, ↔ a text cell of that text, with `'` in front when it
    /// begins with = + - @ (never a formula cell). Returns how many cells were numbers and text.
    @discardableResult
    func expectSame(_ r: ReadBack, sheet: String) -> (numbers: Int, texts: Int) {
        #expect(r.object["title"] as? String == sheet)
        #expect(r.object["freeze"] as? String == "A2")
        #expect((r.object["bold"] as! [Bool]).allSatisfy { $0 })
        #expect(r.csv.count == r.xlsx.count && r.csv.count > 1)
        var numbers = 0, texts = 0
        for (i, (csvRow, xRow)) in zip(r.csv, r.xlsx).enumerated() {
            for (j, value) in csvRow.enumerated() {
                let x: [Any]? = j < xRow.count ? xRow[j] : nil
                let at = "row \(i + 1) column \(j + 1): csv \(value), xlsx \(String(describing: x))"
                if value.isEmpty {
                    #expect(x == nil, "\(at)")
                } else if i > 0, !Self.textColumns.contains(r.csv[0][j]),
                          value.range(of: #"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil {
                    #expect(x?[0] as? String == "n" && (x?[1] as? String).flatMap(Double.init) == Double(value), "\(at)")
                    #expect(x?[2] as? String == (r.csv[0][j] == "agree_share" ? "0.0%" : "General"), "\(at)")
                    numbers += 1
                } else {
                    let formulaLike = ["=", "+", "-", "@"].contains { value.hasPrefix($0) }
                    #expect(x?[0] as? String == "s" && x?[1] as? String == (formulaLike ? "'" + value : value), "\(at)")
                    texts += 1
                }
            }
        }
        #expect(!r.xlsx.flatMap { $0 }.contains { $0?[0] as? String == "f" })
        let widths = r.object["widths"] as! [Double]
        for (j, w) in widths.enumerated() {
            let longest = r.csv.map { j < $0.count ? $0[j].count : 0 }.max() ?? 0
            #expect(w >= Double(min(longest, 58)), "column \(j + 1) is \(w) wide for \(longest) characters")
        }
        return (numbers, texts)
    }

    /// The columns of periods, ids and names, written out here apart from XLSXOutput's list.
    static let textColumns: Set<String> = [
        "model", "period", "previous_period", "target_period", "city_target_period", "indicator", "title", "unit",
        "group", "source", "instrument", "wave", "change_from", "key", "unit_or_item", "a", "b",
    ]

    @Test func indicatorsStatusAndTrendMatchTheirCSV() throws {
        let cli = try CSVExportInjectionTests().prepared()
        for (command, sheet) in [("status", "Status"), ("trend", "Trend")] {
            let csv = try cli.run(["indicators", command, "--model", "formler", "--format", "csv", "-o", "\(command).csv"])
            #expect(csv.status == 0, "\(csv.stderr)")
            let xlsx = try cli.run(["indicators", command, "--model", "formler", "--format", "xlsx", "-o", "\(command).xlsx"])
            #expect(xlsx.status == 0 && xlsx.stdout.isEmpty, "\(xlsx.stderr)")
            let r = try readBack(csv: cli.path("\(command).csv"), xlsx: cli.path("\(command).xlsx"))
            let (numbers, _) = expectSame(r, sheet: sheet)
            #expect(numbers >= 7)
            // The titles of CSVExportInjectionTests: formulas arrive as text with a `'`.
            let cells = r.xlsx.flatMap { $0 }.compactMap { $0 }
            let texts = Set(cells.filter { $0[0] as? String == "s" }.map { $0[1] as! String })
            #expect(texts.contains(#"'=HYPERLINK("http://example.org/x","klicka")"#))
            #expect(texts.contains("'=cmd|' /C calc'!A0") && texts.contains("'+1+1") && texts.contains("'-2+3"))
            #expect(texts.contains("'@SUM(A1)") && texts.contains("Andel = mål"))
            #expect(!texts.contains { $0.hasPrefix("=") })
            // Negative and exponent values are numbers, not text.
            let values = Set(cells.filter { $0[0] as? String == "n" }.map { Double($0[1] as! String)! })
            #expect(values.isSuperset(of: [-1.5, -2, 2.25, -0.125, 7, -1e-07, 3]))
        }
    }

    @Test func readinessSummaryTrendAndGapsMatchTheirCSV() throws {
        let cli = try ReadinessCommandTests().prepared()
        #expect(try cli.run(["readiness", "import", "wave-a.csv", "--instrument", "./instrument.yaml", "--wave", "wave-a"]).status == 0)
        #expect(try cli.run(["readiness", "import", "wave-b.csv", "--instrument", "test-readiness", "--wave", "wave-b"]).status == 0)
        for (command, sheet) in [("summary", "Summary"), ("trend", "Trend"), ("gaps", "Gaps")] {
            let base = ["readiness", command, "--instrument", "test-readiness"]
            let csv = try cli.run(base + ["--format", "csv", "-o", "\(command).csv"])
            #expect(csv.status == 0, "\(csv.stderr)")
            let xlsx = try cli.run(base + ["--format", "xlsx", "-o", "\(command).xlsx"])
            #expect(xlsx.status == 0 && xlsx.stdout.isEmpty, "\(xlsx.stderr)")
            let r = try readBack(csv: cli.path("\(command).csv"), xlsx: cli.path("\(command).xlsx"))
            let (numbers, texts) = expectSame(r, sheet: sheet)
            #expect(numbers > 10 && texts > 10, "\(command): \(numbers) numbers, \(texts) texts")
        }
    }

    /// `--headers sv`: only the header row changes, in CSV and xlsx alike; every English
    /// name has its Swedish word, and the kinds of column (periods as text, shares as
    /// percentages) stay as in English.
    @Test func swedishHeadersChangeOnlyTheHeaderRow() throws {
        let indicators = try CSVExportInjectionTests().prepared()
        let readiness = try ReadinessCommandTests().prepared()
        #expect(try readiness.run(["readiness", "import", "wave-a.csv", "--instrument", "./instrument.yaml", "--wave", "wave-a"]).status == 0)
        #expect(try readiness.run(["readiness", "import", "wave-b.csv", "--instrument", "test-readiness", "--wave", "wave-b"]).status == 0)
        let runs: [(CLIRunner, [String], [String: String])] = [
            (indicators, ["indicators", "status", "--model", "formler"], SwedishHeaders.indicators),
            (indicators, ["indicators", "trend", "--model", "formler"], SwedishHeaders.indicators),
            (readiness, ["readiness", "summary", "--instrument", "test-readiness"], SwedishHeaders.readiness),
            (readiness, ["readiness", "trend", "--instrument", "test-readiness"], SwedishHeaders.readiness),
            (readiness, ["readiness", "gaps", "--instrument", "test-readiness"], SwedishHeaders.readiness),
        ]
        for (n, (cli, command, words)) in runs.enumerated() {
            for (headers, format) in [("en", "csv"), ("sv", "csv"), ("en", "xlsx"), ("sv", "xlsx")] {
                let out = try cli.run(command + ["--format", format, "--headers", headers, "-o", "\(n)-\(headers).\(format)"])
                #expect(out.status == 0, "\(out.stderr)")
            }
            let en = try readBack(csv: cli.path("\(n)-en.csv"), xlsx: cli.path("\(n)-en.xlsx"))
            let sv = try readBack(csv: cli.path("\(n)-sv.csv"), xlsx: cli.path("\(n)-sv.xlsx"))
            let english = en.csv[0]
            #expect(english.allSatisfy { words[$0] != nil }, "\(command): no Swedish word for \(english.filter { words[$0] == nil })")
            #expect(sv.csv[0] == english.map { words[$0] ?? $0 } && Array(sv.csv.dropFirst()) == Array(en.csv.dropFirst()), "\(command)")
            #expect(sv.xlsx[0].map { $0?[1] as? String } == sv.csv[0].map { Optional($0) }, "\(command)")
            #expect(String(describing: Array(sv.xlsx.dropFirst())) == String(describing: Array(en.xlsx.dropFirst())), "\(command): the cells differ")
        }
        #expect(SwedishHeaders.indicators["unit"] == "Måttenhet" && SwedishHeaders.readiness["unit"] == "Enhet")
    }

    @Test func withoutAFileXLSXIsRefused() throws {
        let cli = try ReadinessCommandTests().prepared()
        #expect(try cli.run(["readiness", "import", "wave-a.csv", "--instrument", "./instrument.yaml", "--wave", "wave-a"]).status == 0)
        let out = try cli.run(["readiness", "summary", "--instrument", "test-readiness", "--format", "xlsx"])
        #expect(out.status == 1 && out.stdout.isEmpty)
        #expect(out.stderr.contains("--format xlsx writes a binary workbook: name the file with -o FILE.xlsx"))
        let chart = try cli.run(["readiness", "chart", "heatmap", "--instrument", "test-readiness", "--format", "xlsx", "-o", "c.xlsx"])
        #expect(chart.status == 1 && chart.stderr.contains("readiness chart writes SVG"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("c.xlsx")))
    }

    /// ISO dates become date cells (`yyyy-mm-dd`) with Excel's serial numbers; periods,
    /// impossible dates and dates before 1900-03-01 stay text.
    @Test func datesAreDateCells() throws {
        #expect(XLSXWriter.serial(year: 1900, month: 3, day: 1) == 61)
        #expect(XLSXWriter.serial(year: 2022, month: 12, day: 31) == 44926)
        #expect(XLSXWriter.serial(year: 1970, month: 1, day: 1) == 25569)
        #expect(XLSXOutput.isoDate("2024-02-29")! == (2024, 2, 29))
        for text in ["2023-02-29", "2022-13-01", "2022-T1", "2022-03", "1900-02-28", "2022-1-01", "22-01-2022"] {
            #expect(XLSXOutput.isoDate(text) == nil, "\(text)")
        }
        let rows = [["period", "date", "value", "note"], ["2022-T1", "2022-12-31", "-1.5", "=1+1"], ["2023-02-29", "1999-01-02", "1e-07", ""]]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try CSVText.render(rows).write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        try XLSXOutput.workbook(rows, sheet: "Datum").data().write(to: dir.appendingPathComponent("d.xlsx"))
        let r = try readBack(csv: dir.appendingPathComponent("d.csv").path, xlsx: dir.appendingPathComponent("d.xlsx").path)
        #expect(r.xlsx[1][0]?[0] as? String == "s" && r.xlsx[1][0]?[1] as? String == "2022-T1")
        #expect(r.xlsx[1][1]?[0] as? String == "d" && r.xlsx[1][1]?[1] as? String == "2022-12-31")
        #expect(r.xlsx[1][1]?[2] as? String == "yyyy-mm-dd")
        #expect(r.xlsx[2][1]?[1] as? String == "1999-01-02")
        #expect(r.xlsx[2][0]?[1] as? String == "2023-02-29")   // not a date: text
        #expect(r.xlsx[1][2]?[0] as? String == "n" && r.xlsx[1][2]?[1] as? String == "-1.5")
        #expect(r.xlsx[2][2]?[1] as? String == "1e-07")
        #expect(r.xlsx[1][3]?[0] as? String == "s" && r.xlsx[1][3]?[1] as? String == "'=1+1")
        #expect(r.xlsx[2].count < 4 || r.xlsx[2][3] == nil)
    }

    /// A year period, a wave or a unit that looks like a number stays text, so the column
    /// holds one kind of cell (LibreOffice showed `2022` right-aligned beside `2022-T1`);
    /// a share is a number shown as a percentage.
    @Test func periodsAndNamesAreTextAndSharesPercentages() throws {
        let rows = [["period", "wave", "unit", "n", "agree_share"], ["2022", "2021", "12", "35", "0.5142857142857142"],
                    ["2022-T1", "2021-03", "-1", "7", ""]]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try CSVText.render(rows).write(to: dir.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        try XLSXOutput.workbook(rows, sheet: "Perioder").data().write(to: dir.appendingPathComponent("p.xlsx"))
        let r = try readBack(csv: dir.appendingPathComponent("p.csv").path, xlsx: dir.appendingPathComponent("p.xlsx").path)
        #expect(r.xlsx[1][0]?[0] as? String == "s" && r.xlsx[1][0]?[1] as? String == "2022")
        #expect(r.xlsx[1][1]?[0] as? String == "s" && r.xlsx[1][2]?[1] as? String == "12")
        #expect(r.xlsx[2][2]?[1] as? String == "'-1")
        #expect(r.xlsx[1][3]?[0] as? String == "n" && r.xlsx[1][3]?[2] as? String == "General")
        #expect(r.xlsx[1][4]?[0] as? String == "n" && r.xlsx[1][4]?[1] as? String == "0.5142857142857142")
        #expect(r.xlsx[1][4]?[2] as? String == "0.0%")
        let (numbers, texts) = expectSame(r, sheet: "Perioder")
        #expect(numbers == 3 && texts == 11)
    }

    /// `excel-sv` and xlsx use one rule for what is a number and what is text.
    @Test func oneRuleForExcelSVAndXLSX() {
        for cell in ["-1.5", "7", "1e-07", "=1+1", "-2+3", "@SUM(A1)", "text", "2022-T1"] {
            switch CSVText.spreadsheetCell(cell) {
            case .number(let n):
                #expect(CSVText.excelCell(cell) == n.replacingOccurrences(of: ".", with: ","))
                #expect(XLSXOutput.cell(cell).value.number == Double(n))
            case .text(let t):
                #expect(CSVText.excelCell(cell) == t)
                #expect(XLSXOutput.cell(cell).value.text == t)
            }
        }
    }
}

private extension XLSXWriter.Value {
    var number: Double? { if case .number(let v) = self { v } else { nil } }
    var text: String? { if case .text(let t) = self { t } else { nil } }
}
