import Evaluation
import Statistics

/// A run or control chart's terminal view: the runs analysis per phase (Anhøj rules),
/// the points, and the PDSA cycles drawn on the chart. Measurements to four
/// significant digits.
extension RunChartResult {
    public func blocks(style: NumberStyle) -> [Block] {
        func measured(_ v: Double?) -> TableBlock.Cell {
            v.map { TableBlock.Cell(FigureCell(Figure($0), .significant(4)), style: style) } ?? ""
        }
        func count(_ n: Int?) -> TableBlock.Cell { n.map { TableBlock.Cell(FigureCell(Double($0), .count), style: style) } ?? "" }
        var blocks: [Block] = [.paragraph(RichText("\(chart.rawValue) chart of \(measure)"))]
        let phaseRows: [[TableBlock.Cell]] = phases.map { p in
            let signal = p.runs.signalsAllowed ? (p.runs.signal ? "SIGNAL" : (p.runs.signalPossible ? "no" : "not possible")) : "n/a"
            return [count(p.phase), TableBlock.Cell("\(p.first) … \(p.last)"),
                    p.centre.value == nil ? "" : TableBlock.Cell(FigureCell(p.centre, .significant(4)), style: style),
                    count(p.runs.usefulPoints), count(p.runs.longestRun), count(p.runs.longestRunMax), count(p.runs.crossings),
                    count(p.runs.crossingsMin), TableBlock.Cell(signal), chart == .run ? "" : count(p.pointsOutsideLimits)]
        }
        let phaseHeader = ["phase", "points", "cl", "n_useful", "longest_run", "limit", "crossings", "min", "runs_signal", "outside_limits"]
        blocks.append(.table(TableBlock(header: [phaseHeader.map { TableBlock.Cell($0) }], rows: phaseRows,
                                        alignments: [.right, .left, .right, .right, .right, .right, .right, .right, .left, .right])))
        let pointRows: [[TableBlock.Cell]] = points.map { p in
            [count(p.index), TableBlock.Cell(p.label), measured(p.y), count(p.phase), measured(p.cl), measured(p.lcl), measured(p.ucl),
             TableBlock.Cell((p.signal ? "outside limits" : "") + (p.included ? "" : " excluded"))]
        }
        let pointHeader = ["#", "x", "y", "phase", "cl", "lcl", "ucl", "signal"]
        blocks.append(.table(TableBlock(header: [pointHeader.map { TableBlock.Cell($0) }], rows: pointRows,
                                        alignments: [.right, .left, .right, .right, .right, .right, .right, .left])))
        if !pdsa.isEmpty {
            blocks.append(.table(TableBlock(caption: "PDSA cycles", header: [["start", "id", "title", "decision"].map { TableBlock.Cell($0) }],
                                            rows: pdsa.map { [TableBlock.Cell($0.start.iso), TableBlock.Cell($0.id), TableBlock.Cell($0.title),
                                                              TableBlock.Cell($0.decision ?? "ongoing")] })))
        }
        return blocks
    }
}
