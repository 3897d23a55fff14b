import Foundation
@testable import Presentation
import Testing

/// A date in a table cell is not broken over lines (issue 20: the PDSA table's "Tid"
/// column broke "2021-02-01" at each hyphen in Chromium, one part a line). HTML keeps
/// each date in a nowrap span, with the dash of an open range; DOCX joins its spaces with
/// no-break spaces and sizes its column to the date whole.
@Suite struct WholeDatesTests {
    /// The PDSA table's shape: a cycle's dates in one cell, one a line, ISO and in words.
    static let table = TableBlock(
        caption: "PDSA-cykler", header: [["Cykel", "Tid"]],
        rows: [[TableBlock.Cell("1 Brev"), TableBlock.Cell("2021-02-01 –\n2021-03-31")],
               [TableBlock.Cell("2 Bildbrev"), TableBlock.Cell("12 mars 2021 –\n30 april 2021")],
               [TableBlock.Cell("3 Tematräff"), TableBlock.Cell("2021-08-23 –")],
               [TableBlock.Cell("4 Letter"), TableBlock.Cell("12 March 2021 – 5 May 2021")]])

    /// The body cells of column 1, as the HTML writer writes them.
    static func htmlCells(_ t: TableBlock) -> [String] {
        var counter = CaptionCounter()
        let html = HTMLWriter(templates: try! TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test").table(t, counter: &counter)
        let body = html[html.range(of: "<tbody>")!.upperBound...]
        return body.components(separatedBy: "<td>").dropFirst().enumerated().filter { $0.offset % 2 == 1 }
            .map { String($0.element[..<$0.element.range(of: "</td>")!.lowerBound]) }
    }

    @Test func htmlKeepsEachDateOnOneLineWithItsRangeDash() {
        #expect(Self.htmlCells(Self.table) == [
            "<span class=\"date\">2021-02-01 –</span><br>\n<span class=\"date\">2021-03-31</span>",
            "<span class=\"date\">12 mars 2021 –</span><br>\n<span class=\"date\">30 april 2021</span>",
            "<span class=\"date\">2021-08-23 –</span>",
            // On one line, the range may break after its dash.
            "<span class=\"date\">12 March 2021 –</span> <span class=\"date\">5 May 2021</span>",
        ])
        // The style sheet keeps the span on one line, on screen and in print.
        let css = DefaultTemplates.css
        #expect(css.contains(".date { white-space: nowrap; }"))
        #expect(css.range(of: ".date { white-space: nowrap; }")!.lowerBound < css.range(of: "@media print")!.lowerBound)
    }

    /// What is not a date stays as it was: a month without a day (a survey wave), numbers
    /// with a date's digits inside longer ones, a count and a year.
    @Test func htmlLeavesWhatIsNotADate() {
        let texts = ["enkät mars 2022", "12021-02-01", "2021-02-013", "1 457 956", "13 mars", "5,1 (2021)", "Underlag 31 december"]
        let t = TableBlock(header: [["A", "B"]], rows: texts.map { [TableBlock.Cell("x"), TableBlock.Cell($0)] })
        #expect(Self.htmlCells(t) == texts)
        // A date inside longer text is kept whole; the text around it may break.
        let inText = TableBlock(header: [["A", "B"]], rows: [["x", "Uttaget 31 december 2022 (slutligt)"]])
        #expect(Self.htmlCells(inText) == ["Uttaget <span class=\"date\">31 december 2022</span> (slutligt)"])
    }

    /// DOCX: no-break spaces inside each date and before its range dash, and a column at
    /// least as wide as the longest date with its dash, as one word.
    @Test func docxJoinsEachDateAndSizesItsColumnToIt() {
        let writer = DOCXWriter(templates: try! TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test", rasterizer: nil)
        let xml = writer.table(Self.table, page: .portrait, state: DOCXWriter.State())
        let nbsp = "\u{00A0}"
        for joined in ["2021-02-01\(nbsp)–", "12\(nbsp)mars\(nbsp)2021\(nbsp)–", "30\(nbsp)april\(nbsp)2021", "2021-08-23\(nbsp)–",
                       "12\(nbsp)March\(nbsp)2021\(nbsp)– 5\(nbsp)May\(nbsp)2021"] {
            #expect(xml.contains(">\(joined)</w:t>"), "\(joined)")
        }
        #expect(!xml.contains("12 mars"))
        // The longest word of the dates column is "12 March 2021 –", 15 characters, at the
        // measure's 120 twips a character (before: "2021-02-01", 10).
        #expect(DOCXWriter.ColumnMeasure(Self.table).words[1] == 15 * 120)
        let fit = DOCXWriter.columnWidths(Self.table, available: DOCXWriter.Page.portrait.textWidth)!
        #expect(Double(fit.widths[1]) >= 15 * 120 * Double(fit.size) / 19 + DOCXWriter.ColumnMeasure.padding(fit.margin) - 1)
    }
}
