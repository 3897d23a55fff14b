import Foundation
import Testing
@testable import piloteval

/// `--csv-dialect excel-sv` is opened by double-click in Excel, which runs a cell that
/// begins with `=`, `+`, `-` or `@` as a formula. Text that came from a model, an
/// import or a user (here: indicator titles) must arrive as text; numbers as numbers.
/// RFC 4180 output is for programs and keeps every cell as it is (docs/decisions.md).
@Suite struct CSVExportInjectionTests {
    /// Titles an indicator may carry, each a formula or formula-like to a spreadsheet.
    static let titles: [(id: String, yaml: String, text: String)] = [
        ("I1", #""=HYPERLINK(\"http://example.org/x\",\"klicka\")""#, #"=HYPERLINK("http://example.org/x","klicka")"#),
        ("I2", #""+1+1""#, "+1+1"),
        ("I3", #""-2+3""#, "-2+3"),
        ("I4", #""@SUM(A1)""#, "@SUM(A1)"),
        ("I5", #""=cmd|' /C calc'!A0""#, "=cmd|' /C calc'!A0"),
        ("I6", #""-""#, "-"),
        ("I7", #""Andel = mål""#, "Andel = mål"),     // '=' inside text is harmless
    ]
    /// One value per indicator: negative, integer and exponent numbers stay numbers.
    static let values = ["-1.5", "-2", "2.25", "-0.125", "7", "-1e-07", "3"]

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        var yaml = """
            schema: piloteval/logic-model/v1
            id: formler
            name: Formler i celler
            period: {start: 2022-01-01, end: 2022-12-31}
            goals:
              - {id: G1, title: Ett mål, level: enhet}
            indicators:

            """
        for t in Self.titles {
            yaml += "  - {id: \(t.id), title: \(t.yaml), measures: G1, unit: index, direction: none}\n"
        }
        try yaml.write(toFile: cli.path("formler.yaml"), atomically: true, encoding: .utf8)
        let add = try cli.run(["model", "add", "formler.yaml"])
        #expect(add.status == 0, "\(add.stderr)")
        var csv = "indicator,period,group,value,numerator,denominator,note\n"
        for (t, v) in zip(Self.titles, Self.values) { csv += "\(t.id),2022-T1,total,\(v),,,\n" }
        try csv.write(toFile: cli.path("obs.csv"), atomically: true, encoding: .utf8)
        let imp = try cli.run(["indicators", "import", "obs.csv", "--model", "formler"])
        #expect(imp.status == 0, "\(imp.stderr)")
        return cli
    }

    /// The exported rows by indicator id (the text after `model;version;period;`).
    func rows(_ text: String, separator: String) -> [String: String] {
        var out: [String: String] = [:]
        let prefix = "formler\(separator)1\(separator)2022-T1\(separator)"
        for t in Self.titles {
            let start = prefix + t.id + separator
            guard let r = text.range(of: start) else { continue }
            out[t.id] = String(text[r.upperBound...].prefix { $0 != "\n" })
        }
        return out
    }

    @Test func excelSVTextCellsCannotBeFormulas() throws {
        let cli = try prepared()
        let out = try cli.run(["indicators", "status", "--model", "formler", "--period", "2022-T1",
                               "--format", "csv", "--csv-dialect", "excel-sv"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("\u{FEFF}model;"))
        let r = rows(out.stdout, separator: ";")
        #expect(r.count == Self.titles.count)
        // title;unit;group;value;…
        #expect(r["I1"]?.hasPrefix(#""'=HYPERLINK(""http://example.org/x"",""klicka"")";index;total;-1,5;"#) == true, "\(r["I1"] ?? "")")
        #expect(r["I2"]?.hasPrefix("'+1+1;index;total;-2;") == true, "\(r["I2"] ?? "")")
        #expect(r["I3"]?.hasPrefix("'-2+3;index;total;2,25;") == true, "\(r["I3"] ?? "")")
        #expect(r["I4"]?.hasPrefix("'@SUM(A1);index;total;-0,125;") == true, "\(r["I4"] ?? "")")
        #expect(r["I5"]?.hasPrefix("'=cmd|' /C calc'!A0;index;total;7;") == true, "\(r["I5"] ?? "")")
        #expect(r["I6"]?.hasPrefix("'-;index;total;-1e-07;") == true, "\(r["I6"] ?? "")")
        #expect(r["I7"]?.hasPrefix("Andel = mål;index;total;3;") == true, "\(r["I7"] ?? "")")

        // No cell anywhere in the file begins with a formula character unless it is a
        // number: split the bytes into cells the way Excel does.
        for cell in Self.cells(of: out.stdout.dropFirst(), separator: ";") {
            guard let first = cell.unicodeScalars.first else { continue }
            if "=+-@\t\r".unicodeScalars.contains(first) {
                #expect(Self.isSwedishNumber(cell), "formula-like cell \(cell.debugDescription)")
            }
        }
        // Negative numbers were not turned into text.
        #expect(!out.stdout.contains("'-1,5") && !out.stdout.contains("'-2;") && !out.stdout.contains("'-0,125"))

        try rfc4180KeepsCellsAsTheyAre(cli)
    }

    /// RFC 4180 is for programs (pandas, R, another system): every cell as it is.
    func rfc4180KeepsCellsAsTheyAre(_ cli: CLIRunner) throws {
        let out = try cli.run(["indicators", "status", "--model", "formler", "--period", "2022-T1", "--format", "csv"])
        #expect(out.status == 0, "\(out.stderr)")
        let r = rows(out.stdout, separator: ",")
        #expect(r["I1"]?.hasPrefix(#""=HYPERLINK(""http://example.org/x"",""klicka"")",index,total,-1.5,"#) == true, "\(r["I1"] ?? "")")
        #expect(r["I2"]?.hasPrefix("+1+1,index,total,-2,") == true)
        #expect(r["I3"]?.hasPrefix("-2+3,index,total,2.25,") == true)
        #expect(r["I4"]?.hasPrefix("@SUM(A1),index,total,-0.125,") == true)
        #expect(r["I5"]?.hasPrefix("=cmd|' /C calc'!A0,index,total,7,") == true)
        #expect(r["I6"]?.hasPrefix("-,index,total,-1e-07,") == true)
        #expect(!out.stdout.contains("'=") && !out.stdout.contains("'+") && !out.stdout.contains("'-") && !out.stdout.contains("'@"))
    }

    /// Tab and carriage return cannot reach a title (the model reader trims them), so the
    /// writer itself, byte for byte.
    @Test func writerPrefixesEveryFormulaStartAndNoNumber() {
        let rows = [["=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tfoo", "\rbar", "\nbaz", "＝1+1"],
                    ["-1.5", "-2", "1e+16", "-1.5e-07", "0.25", "2021-T1", "<= 6.1", "", "a-b", "1.5-2"]]
        let excel = CSVText.render(rows, dialect: .excelSV)
        let expected = "\u{FEFF}"
            + "\"'=HYPERLINK(\"\"x\"\")\";'+1+1;'-2+3;'@SUM(A1);'\tfoo;\"'\rbar\";\"'\nbaz\";'＝1+1\r\n"
            + "-1,5;-2;1e+16;-1,5e-07;0,25;2021-T1;<= 6.1;;a-b;1.5-2\r\n"
        #expect(Array(excel.utf8) == Array(expected.utf8), "\(excel.debugDescription)")
        // RFC 4180: as they are.
        let plain = CSVText.render(rows, dialect: .rfc4180)
        let asIs = "\"=HYPERLINK(\"\"x\"\")\",+1+1,-2+3,@SUM(A1),\tfoo,\"\rbar\",\"\nbaz\",＝1+1\r\n"
            + "-1.5,-2,1e+16,-1.5e-07,0.25,2021-T1,<= 6.1,,a-b,1.5-2\r\n"
        #expect(Array(plain.utf8) == Array(asIs.utf8), "\(plain.debugDescription)")
    }

    /// The cells of CSV text: `;`- or `,`-separated, `"` quoting with `""` inside.
    static func cells(of text: Substring, separator: Character) -> [String] {
        var cells: [String] = [], cell = "", quoted = false, i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if quoted {
                if c == "\"" {
                    let next = text.index(after: i)
                    if next < text.endIndex && text[next] == "\"" { cell.append("\""); i = next } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == separator || c == "\r\n" || c == "\n" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
            i = text.index(after: i)
        }
        if !cell.isEmpty { cells.append(cell) }
        return cells
    }

    /// `-1,5`, `-2`, `-1e-07`: what Swedish Excel reads as a number.
    static func isSwedishNumber(_ s: String) -> Bool {
        s.range(of: #"^-?[0-9]+(,[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
    }
}
