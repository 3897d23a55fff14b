import Evaluation
import LogicModel

/// The Ekonomisk redovisning as blocks: a table of income and one of costs, each with
/// its sum as a total row, then either the one sum both share or a warning box naming
/// how far apart they are (the seed's own report has 1 150 000 against 1 500 000).
/// Amounts are figure cells in whole kronor, or to the öre where a line has öre; a line
/// with no amount stated is left blank, as in the file. Words from the report's strings
/// (`budget.*`), so a municipality's strings file renames them here too.
extension BudgetSummary {
    /// - Parameters:
    ///   - draft: a missing budget shows as a box telling the author what is missing,
    ///     not as a neutral line.
    ///   - sourceFile: the budget file's name: when given, a source line under the tables says
    ///     where the figures come from, in words (the name itself stays in the record).
    public func blocks(strings s: ReportStrings, style: NumberStyle, draft: Bool = false,
                       sourceFile: String? = nil) -> [Block] {
        guard present, let income = incomeTotal, let costs = costTotal else {
            return draft
                ? [.callout(Callout(.placeholder, title: s("placeholder.text.title"), RichText(s("budget.missing"))))]
                : [.paragraph(RichText(s("budget.missing")))]
        }
        func amount(_ value: Double?) -> TableBlock.Cell {
            guard let value else { return "" }
            return TableBlock.Cell(FigureCell(value, .decimal(value == value.rounded() ? 0 : 2)), style: style)
        }
        func table(_ caption: String, _ heading: String, _ lines: [Line], _ total: Double) -> Block {
            var rows: [[TableBlock.Cell]] = lines.map { [TableBlock.Cell($0.line, isRowHeader: true), amount($0.amount)] }
            rows.append([TableBlock.Cell(s("budget.sum"), isRowHeader: true), amount(total)])
            return .table(TableBlock(caption: caption, header: [[TableBlock.Cell(heading), TableBlock.Cell(s("budget.amount"))]],
                                     rows: rows, alignments: [.left, .right], totalRows: [rows.count - 1]))
        }
        var blocks: [Block] = [.paragraph(RichText(s("budget.intro")))]
        blocks.append(table(s("budget.caption.income"), s("budget.income"), self.income, income))
        blocks.append(table(s("budget.caption.costs"), s("budget.costs"), self.costs, costs))
        if balanced == true {
            blocks.append(.paragraph(RichText(s("budget.balanced", ["amount": style.kronor(income)]))))
        } else {
            blocks.append(.callout(Callout(.warning, title: s("budget.gap.title"), RichText(s("budget.gap", [
                "income": style.kronor(income), "costs": style.kronor(costs),
                "difference": style.kronor(abs(difference ?? 0)),
            ])))))
        }
        if let sourceFile {
            blocks.append(.paragraph(RichText([.emphasis(s("budget.source", ["file": sourceFile]))])))
        }
        return blocks
    }
}
