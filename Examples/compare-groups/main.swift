// Using piloteval from Swift: compare days to förhandsbedömning in a pilot team and
// the line with the library's statistics, and write the result for a person with the
// same blocks and number formatter the reports use. Run with
//
//     swift run compare-groups
//
// The figures are the ones `piloteval compare` computes (Welch's t, Hedges' g), here
// written in Swedish.
import PilotEvalKit

let pilot: [Double] = [9, 11, 12, 8, 14, 10, 13, 9, 12, 11]
let line: [Double] = [13, 16, 12, 18, 15, 14, 17, 19, 13, 16, 15, 14]

let result = ContinuousComparison.compute(pilot: pilot, comparison: line,
                                          pilotLabel: "Vällingbyteamet", comparisonLabel: "Linjen",
                                          outcome: "days_to_assessment")
let sv = NumberStyle(.sv)
func cell(_ figure: Figure, _ kind: FigureCell.Kind) -> TableBlock.Cell {
    TableBlock.Cell(FigureCell(figure, kind), style: sv)
}
let table = TableBlock(
    caption: "Dagar till beslut om förhandsbedömning",
    header: [["", "n", "medelvärde", "sd"]],
    rows: [result.pilot, result.comparison].map { g in
        [TableBlock.Cell(g.label, isRowHeader: true), cell(Figure(Double(g.summary.n)), .count),
         cell(g.summary.mean, .decimal(1)), cell(g.summary.sd, .decimal(1))]
    },
    alignments: [.left, .right, .right, .right])
let blocks: [Block] = [
    .table(table),
    .paragraph(RichText("Skillnad (pilot − linje): " + sv.text(FigureCell(result.difference.estimate, .signed(1)))
                        + " dagar (95 % KI " + sv.text(FigureCell(result.difference.ciLow, .signed(1))) + " till "
                        + sv.text(FigureCell(result.difference.ciHigh, .signed(1))) + "); Welch t = "
                        + sv.text(FigureCell(result.welch.statistic, .decimal(3))) + ", p = "
                        + sv.text(FigureCell(result.welch.p, .pValue)) + "; Hedges g = "
                        + sv.text(FigureCell(result.hedgesG.estimate, .signed(2))) + ".")),
]
print(PlainTextWriter().render(blocks), terminator: "")
