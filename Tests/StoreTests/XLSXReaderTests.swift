import Foundation
import Testing
import XLSXTestSupport
@testable import Store

/// .xlsx workbooks read through `CSVReader` (docs/csv-input.md, "Excel files"): every
/// cell type, both date systems, formulas, merged and title rows, located errors, and
/// hostile files. Fixtures are written by openpyxl at test time (Tests/xlsx/make_xlsx.py).
@Suite(.enabled(if: XLSXFixture.available, XLSXFixture.skipReason))
struct XLSXReaderTests {
    /// Writes `rows` to a workbook in a fresh folder and opens it.
    private func read(_ rows: [[Any?]], sheet: String = "Blad1", extra: [String: Any] = [:],
                      open: String? = nil) throws -> CSVReader {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("data.xlsx").path
            try XLSXFixture.write(rows: rows, sheet: sheet, to: path, extra: extra)
            return try CSVReader(path: path, sheet: open)
        }
    }

    private func failure(_ body: () throws -> Void) -> CSVError? {
        do { try body() } catch let e as CSVError { return e } catch { Issue.record("not a CSVError: \(error)") }
        return nil
    }

    @Test func everyCellTypeBecomesTheTextTheValueParsersRead() throws {
        for shared in [false, true] {
            let reader = try read([
                ["text", "int", "decimal", "negative", "boolean", "percent", "date", "datetime", "month", "formula", "formula_text"],
                ["rad\nbrytning", 42, 1.5, -0.25, true, ["v": 0.125, "fmt": "0.0%"], ["date": "2021-03-05"],
                 ["date": "2021-03-05T14:30:00"], ["v": 44256, "fmt": "yyyy-mm"], ["formula": "=B2*2", "cached": 84],
                 ["formula": "=\"a\"&\"b\"", "cached": "ab"]],
                ["Vällingby \"team\", 1", 0, 0.07, 1e-7, false, ["v": 0.07, "fmt": "0%"], ["date": "1900-03-01"],
                 ["date": "2020-02-29"], ["v": 44256, "fmt": "mmm-yy"], ["formula": "=B3*2", "cached": 0],
                 ["formula": "=\"\"", "cached": "x"]],
            ], extra: ["shared_strings": shared])
            #expect(reader.header == ["text", "int", "decimal", "negative", "boolean", "percent", "date", "datetime",
                                      "month", "formula", "formula_text"])
            let rows = try reader.readAll()
            #expect(rows.map(\.fields) == [
                ["rad\nbrytning", "42", "1.5", "-0.25", "1", "12.5 %", "2021-03-05", "2021-03-05", "2021-03", "84", "ab"],
                ["Vällingby \"team\", 1", "0", "0.07", "0.0000001", "0", "7 %", "1900-03-01", "2020-02-29", "2021-03", "0", "x"],
            ], "shared strings: \(shared)")
            // Rows are numbered as in the sheet, even after a cell with a line break.
            #expect(rows.map(\.line) == [2, 3])
            #expect(reader.headerLine == 1)
            #expect(reader.sheet?.sheet == "Blad1")
            #expect(reader.encoding == .utf8)
        }
    }

    @Test func inlineRichTextErrorAndEscapedCharacters() throws {
        let reader = try read([["a", "b", "c"], ["x", "y", "z"]], extra: ["patches": [
            ["part": "xl/worksheets/sheet1.xml",
             "old": #"<c r="A2" t="inlineStr"><is><t>x</t></is></c>"#,
             "new": #"<c r="A2" t="inlineStr"><is><r><t>fet</t></r><r><t xml:space="preserve"> och &amp; mager_x000D_</t></r><rPh><t>ふりがな</t></rPh></is></c>"#],
            ["part": "xl/worksheets/sheet1.xml",
             "old": #"<c r="B2" t="inlineStr"><is><t>y</t></is></c>"#,
             "new": #"<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>"#],
            ["part": "xl/worksheets/sheet1.xml",
             "old": #"<c r="C2" t="inlineStr"><is><t>z</t></is></c>"#,
             "new": #"<c r="C2"><v>2.5E-3</v></c>"#],
        ]])
        #expect(try reader.readAll().map(\.fields) == [["fet och & mager\r", "#DIV/0!", "0.0025"]])
    }

    @Test func the1904DateSystemAndThe1900LeapYearBug() throws {
        let dates: [[Any?]] = [["date"], [["date": "2021-03-05"]], [["date": "1904-01-02"]], [["date": "2000-02-29"]]]
        let mac = try read(dates, extra: ["date1904": true])
        #expect(try mac.readAll().map(\.fields) == [["2021-03-05"], ["1904-01-02"], ["2000-02-29"]])
        // openpyxl wrote serial numbers 1462 days smaller than in the 1900 system (and
        // workbookPr date1904="1"); both read as the same dates.
        let windows = try read(dates)
        #expect(try windows.readAll().map(\.fields) == [["2021-03-05"], ["1904-01-02"], ["2000-02-29"]])
        // Serial 59 is 28 February 1900, 61 is 1 March; 60 is Lotus's 29 February 1900,
        // which never existed: passed on as written so the date parser refuses it.
        let lotus = try read([["date"], [["v": 59, "fmt": "yyyy-mm-dd"]], [["v": 60, "fmt": "yyyy-mm-dd"]],
                              [["v": 61, "fmt": "yyyy-mm-dd"]], [["v": 1, "fmt": "yyyy-mm-dd"]]])
        #expect(try lotus.readAll().map(\.fields) == [["1900-02-28"], ["1900-02-29"], ["1900-03-01"], ["1900-01-01"]])
    }

    @Test func titleRowsMergedTitleMergedHeaderAndEmptyRowsAndColumns() throws {
        // A title merged across the table, a note, an empty row; the header starts in B
        // and has a cell merged over two columns; an empty column between.
        let reader = try read([
            ["Indikatorer för Vällingbyteamet 2021"],
            ["Källa: verksamhetssystemet", nil, nil, "Uttag 2022-01-10"],
            [],
            [nil, "Indikator", "Period", nil, "Värde", "Kommentar"],
            [nil, "I1", "2021", nil, 22.5, "ok"],
            [],
            [nil, "I2", "2021-T1", nil, 3, nil],
        ], extra: ["sheets": [["name": "Blad1", "merge": ["A1:G1", "F4:G4"], "rows": [
            ["Indikatorer för Vällingbyteamet 2021"],
            ["Källa: verksamhetssystemet", NSNull(), NSNull(), "Uttag 2022-01-10"],
            [],
            [NSNull(), "Indikator", "Period", NSNull(), "Värde", "Kommentar"],
            [NSNull(), "I1", "2021", NSNull(), 22.5, "ok"],
            [],
            [NSNull(), "I2", "2021-T1", NSNull(), 3, NSNull()],
        ]]]])
        #expect(reader.header == ["Indikator", "Period", "Värde", "Kommentar"])
        #expect(reader.headerLine == 4)
        let rows = try reader.readAll()
        #expect(rows.map(\.fields) == [["I1", "2021", "22.5", "ok"], ["I2", "2021-T1", "3", ""]])
        #expect(rows.map(\.line) == [5, 7])
        #expect(reader.sheet?.reference(row: 7, field: 2) == "Blad1!E7")
        #expect(reader.error(line: 7, field: 2, message: "bad").description == "\(reader.name):Blad1!E7: bad")
    }

    /// Merged cells in the data keep their value in the first cell only; piloteval refuses
    /// such a range rather than read the rest as empty (docs/decisions.md, "Merged cells
    /// in the data"). Empty merged ranges, and a value merged into a column without a
    /// header, read as before.
    @Test func mergedCellsInTheDataAreRefusedAtTheirRange() throws {
        let rows: [[Any?]] = [
            ["Indikatorer 2021"],
            ["Indikator", "Grupp", "Värde"],
            ["I1", "Flickor", 5],
            [nil, "Pojkar", 7],
            ["I2", "Totalt", nil],
            ["I3", "Totalt", 3],
            ["I4", "Flickor", nil],
            ["I4", "Pojkar", nil],
        ]
        func sheet(_ merges: [String], shared: Bool = false) -> [String: Any] {
            ["shared_strings": shared,
             "sheets": [["name": "Blad1", "merge": ["A1:C1"] + merges, "rows": rows.map { $0.map { $0 ?? NSNull() } }]]]
        }
        for shared in [false, true] {
            // I1 over the rows of Flickor and Pojkar: Pojkar's indicator would be empty.
            let vertical = failure { _ = try read(rows, extra: sheet(["A3:A4"], shared: shared)) }
            #expect(vertical?.cell == "Blad1!A3:A4", "shared strings: \(shared)")
            #expect(vertical?.description.hasSuffix("Blad1!A3:A4: merged cells in the data (A3:A4): a workbook keeps a merged cell's value in its first cell (A3) only, so piloteval would read the other rows or columns as empty. Unmerge the cells (Excel: Sammanfoga och centrera / Merge & Center) and write the value into every cell that needs it, then import again; nothing was imported") == true,
                    "\(String(describing: vertical))")
        }
        // A number merged across two named columns, and a header cell merged down into the data.
        #expect(failure { _ = try read(rows, extra: sheet(["B6:C6"])) }?.cell == "Blad1!B6:C6")
        let header = failure { _ = try read(rows, extra: sheet(["C2:C3"])) }
        #expect(header?.cell == "Blad1!C2:C3")
        #expect(header?.message.hasPrefix("a merged cell reaching from the header into the data (C2:C3)") == true)
        // Harmless: an empty merged range (C7:C8), a value merged into the unnamed column
        // D, the title merged above the header.
        let harmless = try read(rows, extra: sheet(["C7:C8", "C3:D3"]))
        #expect(try harmless.readAll().map(\.fields) == [["I1", "Flickor", "5"], ["", "Pojkar", "7"], ["I2", "Totalt", ""],
                                                        ["I3", "Totalt", "3"], ["I4", "Flickor", ""], ["I4", "Pojkar", ""]])
    }

    @Test func aValueInAColumnWithoutAHeaderIsAnErrorAtItsCell() throws {
        let e = failure {
            _ = try read([["a", "b"], [1, 2], [3, 4, nil, "stray"]])
        }
        #expect(e?.cell == "Blad1!D3")
        #expect(e?.description.contains("Blad1!D3: a value in column D, which has no header") == true)
    }

    @Test func sheetsByNameElseTheFirstInWorkbookOrder() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("two.xlsx").path
            try XLSXFixture.write(["sheets": [
                ["name": "Instruktioner", "rows": [["Fyll i bladet Data"]]],
                ["name": "Mitt blad", "rows": [["a", "b"], ["x", "y"]]],
            ]], to: path)
            let first = try CSVReader(path: path)
            #expect(first.sheet?.sheet == "Instruktioner")
            #expect(first.header == ["Fyll i bladet Data"])
            let named = try CSVReader(path: path, sheet: "mitt blad")   // case ignored
            #expect(named.header == ["a", "b"])
            #expect(named.sheet?.reference(row: 2, field: 1) == "'Mitt blad'!B2")
            let missing = failure { _ = try CSVReader(path: path, sheet: "Data") }
            #expect(missing?.message.contains("no sheet named \"Data\"; the workbook's sheets are: \"Instruktioner\", \"Mitt blad\"") == true)
            // --sheet on a CSV file says it does not apply.
            let csv = dir.appendingPathComponent("a.csv").path
            try Data("a;b\n1;2\n".utf8).write(to: URL(fileURLWithPath: csv))
            #expect(failure { _ = try CSVReader(path: csv, sheet: "Blad1") }?.message.contains("leave --sheet out") == true)
        }
    }

    @Test func aFormulaWithoutASavedResultIsAnErrorAtItsCell() throws {
        let e = failure { _ = try read([["a", "b"], [1, ["formula": "=A2*2"]]]) }
        #expect(e?.cell == "Blad1!B2")
        #expect(e?.message.contains("formula without a saved result") == true)
    }

    @Test func importerErrorsAreLocatedAsCells() throws {
        let reader = try read([["id", "when"], ["a", "2021-03-05"], ["b", "sometime"]])
        // An importer's error with the character column `headerColumn` computes.
        let raw = CSVError(kind: .invalidValue, file: reader.name, line: 3, column: 3, message: "not a date")
        #expect(reader.located(raw).description == "\(reader.name):Blad1!B3: not a date")
        let rowOnly = CSVError(kind: .invalidValue, file: reader.name, line: 3, message: "a row problem")
        #expect(reader.located(rowOnly).cell == "Blad1!3:3")
        // A text file's errors are left as they are.
        let csv = try CSVReader(data: Data("id;when\na;b\n".utf8), name: "x.csv")
        #expect(csv.located(raw) == raw)
    }

    // MARK: Broken and hostile files

    @Test func filesThatAreNotWorkbooks() throws {
        try withTemporaryDirectory { dir in
            let renamed = dir.appendingPathComponent("renamed.xlsx").path
            try Data("indicator;period;value\nI1;2021;3\n".utf8).write(to: URL(fileURLWithPath: renamed))
            #expect(failure { _ = try CSVReader(path: renamed) }?.message.contains("not an Excel workbook") == true)
            let xls = dir.appendingPathComponent("old.xls").path
            try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504) as [UInt8])
                .write(to: URL(fileURLWithPath: xls))
            #expect(failure { _ = try CSVReader(path: xls) }?.message.contains("Excel 97–2003") == true)
            // Tab-separated text that a web system saved as .xls is read as text, as before.
            let tsv = dir.appendingPathComponent("export.xls").path
            try Data("a\tb\n1\t2\n".utf8).write(to: URL(fileURLWithPath: tsv))
            let text = try CSVReader(path: tsv)
            #expect(text.sheet == nil && text.delimiter == .tab && text.header == ["a", "b"])
            let truncated = dir.appendingPathComponent("cut.xlsx").path
            try XLSXFixture.write(rows: [["a"], [1]], to: truncated)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: truncated))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
            #expect(failure { _ = try CSVReader(path: truncated) }?.kind == .unreadable)
        }
    }

    @Test func aZipWithoutASheet() throws {
        let noWorkbook = failure {
            _ = try read([["a"], [1]], extra: ["remove": ["xl/workbook.xml", "_rels/.rels"]])
        }
        #expect(noWorkbook?.message.contains("without a workbook") == true)
        let noSheet = failure { _ = try read([["a"], [1]], extra: ["remove": ["xl/worksheets/sheet1.xml"]]) }
        #expect(noSheet?.message.contains("missing from the archive") == true)
    }

    @Test func anEntityBombIsRefusedWithoutExpanding() throws {
        let bomb = """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
        <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>\
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol2;</t></si></sst>
        """
        let e = failure { _ = try read([["a"], ["b"]], extra: ["shared_strings": true, "parts": ["xl/sharedStrings.xml": bomb]]) }
        #expect(e?.message.contains("DOCTYPE") == true)
        // An external entity in the sheet itself, the same.
        let xxe = failure {
            _ = try read([["a"], ["b"]], extra: ["patches": [["part": "xl/worksheets/sheet1.xml",
                "old": "<worksheet", "new": "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><worksheet"]]])
        }
        #expect(xxe?.message.contains("DOCTYPE") == true)
    }

    @Test func claimsBeyondExcelsLimitsAreRefused() throws {
        let rows = failure {
            _ = try read([["a"], [1]], extra: ["patches": [["part": "xl/worksheets/sheet1.xml",
                "old": #"<dimension ref="A1:A2" />"#, "new": #"<dimension ref="A1:A1000000000" />"#]]])
        }
        #expect(rows?.message.contains("claims the range A1:A1000000000") == true)
        let row = failure {
            _ = try read([["a"], [1]], extra: ["patches": [["part": "xl/worksheets/sheet1.xml",
                "old": #"<row r="2">"#, "new": #"<row r="2000000">"#]]])
        }
        #expect(row?.message.contains("row 2000000 is beyond Excel's last row") == true)
        let strings = failure {
            _ = try read([["a"], ["b"]], extra: ["shared_strings": true, "patches": [["part": "xl/sharedStrings.xml",
                "old": #"count="2" uniqueCount="2""#, "new": #"count="1000000000" uniqueCount="1000000000""#]]])
        }
        #expect(strings?.message.contains("claims 1000000000 strings") == true)
    }

    @Test func partsThatUnpackBeyondTheCapsAreRefused() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("big.xlsx").path
            try XLSXFixture.write(rows: [["a", "b"]] + (0..<2000).map { ["row \($0)", $0] as [Any?] }, to: path,
                                  extra: ["shared_strings": true])
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            var small = XLSXSheetText.Limits()
            small.sheetXML = 20_000
            #expect(throws: CSVError.self) { _ = try XLSXSheetText(data: data, name: "big.xlsx", sheet: nil, limits: small) }
            do { _ = try XLSXSheetText(data: data, name: "big.xlsx", sheet: nil, limits: small) } catch let e as CSVError {
                #expect(e.message.contains("the sheet unpacks to more than"))
            }
            var fewStrings = XLSXSheetText.Limits()
            fewStrings.sharedStrings = 100
            do { _ = try XLSXSheetText(data: data, name: "big.xlsx", sheet: nil, limits: fewStrings) } catch let e as CSVError {
                #expect(e.message.contains("more than the 100 piloteval reads") || e.message.contains("more than 100 strings"))
            }
            // Within the caps the same file reads.
            #expect(try XLSXSheetText(data: data, name: "big.xlsx", sheet: nil).text.count > 10_000)
        }
    }

    // MARK: No-data marks and Swedish names (CSV and sheets alike)

    @Test func noDataMarksReadAsBlankWithANote() throws {
        let csv = try CSVReader(data: Data("a;b;c\n1;-;x\n..; n/a ;–\nSaknas;-5;...\n".utf8), name: "marks.csv")
        #expect(try csv.readAll().map(\.fields) == [["1", "", "x"], ["", "", ""], ["", "-5", "..."]])
        #expect(csv.noDataNote == "marks.csv: 5 cell(s) held a \"no data\" mark (-, –, .., n/a or saknas) and were read as blank; the first at line 2, column b")
        let latin = try CSVReader(data: Data([0x61, 0x0A, 0x96, 0x0A, 0xE5, 0x0A]), name: "cp1252.csv")
        #expect(latin.encoding == .windows1252)
        #expect(try latin.readAll().map(\.fields) == [[""], ["å"]])
        let sheet = try read([["a", "b"], [1, "-"], ["n/a", 2]])
        #expect(try sheet.readAll().map(\.fields) == [["1", ""], ["", "2"]])
        #expect(sheet.noDataNote?.hasSuffix("the first at Blad1!B2") == true)
        let clean = try CSVReader(data: Data("a\n1\n".utf8), name: "clean.csv")
        _ = try clean.readAll()
        #expect(clean.noDataNote == nil)
    }

    @Test func columnNamesMatchAcrossCaseSpacesAndUnderscores() throws {
        let reader = try CSVReader(data: Data("Ärende nr;Födelse-år;VÄRDE\n1;2;3\n".utf8), name: "sv.csv")
        #expect(reader.columnIndex(anyOf: ["case_id", "ärende_nr"]) == 0)
        #expect(reader.columnIndex(anyOf: ["birth_year", "födelse_år"]) == 1)
        #expect(reader.columnIndex(anyOf: ["value", "värde"]) == 2)
        #expect(reader.columnIndex(anyOf: ["note", "kommentar"]) == nil)
    }
}
