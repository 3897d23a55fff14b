import LogicModel
import Presentation
import Statistics
import Testing

/// One formatter for every figure a person reads (DESIGN §7): each kind of figure in
/// both languages, at the rounding boundaries, and the disclosure decision before the
/// number. Expected strings are written by hand from the conventions in
/// docs/decisions.md (half away from zero; Swedish decimal comma, U+00A0 no-break space,
/// U+2212 minus).
@Suite struct FigureCellTests {
    let sv = NumberStyle(.sv), en = NumberStyle(.en)
    let nb = "\u{00A0}", minus = "\u{2212}"

    @Test func everyKindInBothLanguages() {
        let cases: [(FigureCell, String, String)] = [
            (FigureCell(1234, .count), "1\(nb)234", "1,234"),
            (FigureCell(12.25, .percent(1)), "12,3\(nb)%", "12.3%"),          // half away from zero
            (FigureCell(0.125, .share(1)), "12,5\(nb)%", "12.5%"),
            (FigureCell(7.047619047619051, .percentagePoints(1)), "+7,0\(nb)procentenheter", "+7.0\(nb)percentage points"),
            (FigureCell(-0.04, .signed(1)), "\(minus)0,0".replacingOccurrences(of: minus, with: ""), "0.0"),
            (FigureCell(-0.05, .signed(1)), "\(minus)0,1", "\(minus)0.1"),
            (FigureCell(6.15, .decimal(1)), "6,2", "6.2"),                  // 6.1499999… in binary
            (FigureCell(2.5, .decimal(0)), "3", "3"),
            (FigureCell(-2.5, .decimal(0)), "\(minus)3", "\(minus)3"),
            (FigureCell(1_150_000, .kronor), "1\(nb)150\(nb)000\(nb)kr", "SEK\(nb)1,150,000"),
            (FigureCell(0.0004, .pValue), "<\(nb)0,001", "<\(nb)0.001"),
            (FigureCell(0.0315, .pValue), "0,032", "0.032"),
            (FigureCell(0.041236, .significant(4)), "0,04124", "0.04124"),   // four significant digits
            (FigureCell(1234.5, .significant(4)), "1\(nb)235", "1,235"),       // half away from zero
            (FigureCell(1000, .significant(4)), "1\(nb)000", "1,000"),         // a power of ten
            (FigureCell(99.99, .significant(4)), "99,99", "99.99"),
        ]
        for (cell, swedish, english) in cases {
            #expect(sv.text(cell) == swedish, "\(cell)")
            #expect(en.text(cell) == english, "\(cell)")
        }
    }

    @Test func undefinedAndWithheldFigures() {
        #expect(sv.text(FigureCell(nil, .count, undefined: "no cases")) == "–")
        #expect(sv.text(FigureCell(Figure(.nan), .decimal(1))) == "–")
        #expect(sv.text(FigureCell(3, .count, disclosure: .small(threshold: 5))) == "<5")
        #expect(en.text(FigureCell(37.5, .percent(1), disclosure: .withheld)) == "..")
        // A cell built from a figure keeps it for disclosure control and the web.
        let cell = TableBlock.Cell(FigureCell(41, .count), style: sv)
        #expect(cell.figure?.figure.value == 41)
        #expect(cell.text.plainText == "41")
    }

    /// A cell that shows several figures keeps each: a share and its n are two figures,
    /// decided on one by one, and the text follows the decisions.
    @Test func aCellOfSeveralFiguresKeepsEachAndRendersTheDecisions() {
        var cell = TableBlock.Cell(pattern: "{0} (n = {1})",
                                   figures: [FigureCell(0.816, .share(1)), FigureCell(185, .count)], style: sv)
        #expect(cell.text.plainText == "81,6\(nb)% (n = 185)")
        #expect(cell.figures.map(\.figure.value) == [0.816, 185])
        cell.figures[1].disclosure = .small(threshold: 5)
        cell.figures[0].disclosure = .withheld
        cell.render(style: sv)
        #expect(cell.text.plainText == ".. (n = <5)")
        // Eleven figures: "{1}" is not read inside "{10}".
        let many = TableBlock.Cell(pattern: (0...10).map { "{\($0)}" }.joined(separator: " "),
                                   figures: (0...10).map { FigureCell(Double($0), .count) }, style: en)
        #expect(many.text.plainText == "0 1 2 3 4 5 6 7 8 9 10")
    }
}

@Suite struct PlainTextWriterTests {
    @Test func tablesAlignFiguresRightAndUnderlineTheHeader() {
        let style = NumberStyle(.en)
        let table = TableBlock(caption: "Cases", header: [["group", "n", "share"]],
                               rows: [[TableBlock.Cell("pilot", isRowHeader: true),
                                       TableBlock.Cell(FigureCell(212, .count), style: style),
                                       TableBlock.Cell(FigureCell(0.5, .share(1)), style: style)],
                                      [TableBlock.Cell("line", isRowHeader: true),
                                       TableBlock.Cell(FigureCell(1288, .count), style: style),
                                       TableBlock.Cell(FigureCell(0.125, .share(1)), style: style)]],
                               alignments: [.left, .right, .right])
        let text = PlainTextWriter().render([.table(table)])
        #expect(text == """
            Cases
            group      n  share
            -----  -----  -----
            pilot    212  50.0%
            line   1,288  12.5%

            """)
    }

    @Test func paragraphsWrapAtTheWidthAndHeadingsAreUnderlined() {
        let text = PlainTextWriter(width: 20).render([
            .heading(level: 1, text: "Status"),
            .paragraph("one two three four five six seven"),
            .list(ListBlock(items: ["alpha beta gamma delta epsilon"])),
        ])
        #expect(text == """
            Status
            ======

            one two three four
            five six seven

            - alpha beta gamma
              delta epsilon

            """)
    }
}
