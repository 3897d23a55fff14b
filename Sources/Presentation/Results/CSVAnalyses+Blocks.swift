import Evaluation
import Statistics

/// `compare` and `describe` on any CSV as blocks: the same groups and difference tables
/// as `cases compare` (`ComparisonBlocks`), and a row of descriptives per group. Built
/// from the typed result, never from its JSON.
extension CSVAnalyses.Compared {
    /// The comparison as `cases compare` holds it.
    public var unadjusted: UnadjustedComparison {
        switch self {
        case .continuous(let c): return .continuous(c)
        case .binary(let b): return .binary(b)
        }
    }
}

extension CSVAnalyses.Checked where Result == CSVAnalyses.Compared {
    public func blocks(style: NumberStyle) -> [Block] {
        var b = ComparisonBlocks(unadjusted: result.unadjusted, style: style)
        return CSVComparisonBlocks.header(result.unadjusted) + b.groups() + b.difference()
    }
}

extension CSVAnalyses.Checked where Result == CSVAnalyses.Stratified {
    /// Overall, then the comparison within each value of the `--by` column.
    public func blocks(style: NumberStyle) -> [Block] {
        var b = ComparisonBlocks(unadjusted: result.overall.unadjusted, style: style)
        return CSVComparisonBlocks.header(result.overall.unadjusted) + b.groups() + b.difference()
            + b.byGroup("By \(result.by) (pilot − comparison within each; p-values not adjusted for multiplicity)",
                        column: result.by, result.strata.map { ($0.value, $0.result.unadjusted) })
    }
}

enum CSVComparisonBlocks {
    static func header(_ c: UnadjustedComparison) -> [Block] {
        let (outcome, what): (String, String)
        switch c {
        case .binary(let b): (outcome, what) = (b.outcome, "0/1 outcome: share of rows with 1")
        case .continuous(let x): (outcome, what) = (x.outcome, "number: mean per row")
        case .timeToEvent: (outcome, what) = ("", "")
        }
        let labels = c.labels
        return [.table(TableBlock(header: [], rows: [
            ["outcome", TableBlock.Cell("\(outcome) (\(what))")],
            ["pilot", TableBlock.Cell("\(labels.pilot), compared with \(labels.comparison)")],
        ]))]
    }
}

extension CSVAnalyses.Described {
    /// One row per group (or one for the whole column): n, missing, mean, SD, the
    /// five-number summary and the CI of the mean; an undefined figure shows "–" and its
    /// reason below the table.
    public func blocks(style: NumberStyle) -> [Block] {
        var notes: [String] = []
        func text(_ f: Figure, _ kind: FigureCell.Kind) -> String {
            if f.value == nil, let n = f.note, !notes.contains(n) { notes.append(n) }
            return style.text(FigureCell(f, kind))
        }
        func cell(_ f: Figure, _ kind: FigureCell.Kind) -> TableBlock.Cell {
            _ = text(f, kind)
            return TableBlock.Cell(FigureCell(f, kind), style: style)
        }
        /// Whole numbers as such, others to two decimals (a column of days stays whole).
        func plain(_ f: Figure) -> TableBlock.Cell {
            cell(f, f.value.map { $0 == $0.rounded() ? .decimal(0) : .decimal(2) } ?? .decimal(2))
        }
        let column = nonNumericCells.column
        let list: [(String, Descriptives)] = overall.map { [(column, $0)] } ?? groups
        let rows: [[TableBlock.Cell]] = list.map { label, d in
            let low = text(d.ciLow, .decimal(2)), high = text(d.ciHigh, .decimal(2))
            return [TableBlock.Cell(label, isRowHeader: true), cell(Figure(Double(d.n)), .count), cell(Figure(Double(d.missing)), .count),
                    cell(d.mean, .decimal(2)), cell(d.sd, .decimal(2)), plain(d.min), plain(d.q1), plain(d.median), plain(d.q3),
                    plain(d.max), TableBlock.Cell(low == "–" && high == "–" ? "–" : low + " – " + high)]
        }
        let confidence = list.first.map { style.decimal(100 * $0.1.confidence, decimals: 0) } ?? "95"
        let header = [overall == nil ? "group" : "column", "n", "missing", "mean", "sd", "min", "q1", "median", "q3", "max",
                      "\(confidence) % CI of the mean"]
        var table = TableBlock(caption: overall == nil ? "\(column) by group" : nil, header: [header.map { TableBlock.Cell($0) }],
                               rows: rows, alignments: header.indices.map { $0 == 0 ? .left : .right })
        table.notes = notes.map { RichText("note: " + $0) }
        return [.table(table)]
    }
}
