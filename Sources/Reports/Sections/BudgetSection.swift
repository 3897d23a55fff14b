import Presentation
/// Ekonomisk redovisning: the income and cost lines of `--budget`, their sums, and a
/// flag when income and costs differ (the seed's own report has 1 150 000 against
/// 1 500 000).
public struct BudgetSection: ReportSectionBuilder {
    public init() {}

    public struct Line: Codable, Equatable {
        public var line: String
        public var amount: Double?
        public var amountNote: String?

        enum CodingKeys: String, CodingKey {
            case line, amount
            case amountNote = "amount_note"
        }
    }

    public struct Result: Codable, Equatable {
        public var present: Bool
        public var income: [Line]
        public var costs: [Line]
        public var incomeTotal: Double?
        public var costTotal: Double?
        /// Income − costs; negative when costs exceed income.
        public var difference: Double?
        public var balanced: Bool?
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case present, income, costs, difference, balanced, note
            case incomeTotal = "income_total"
            case costTotal = "cost_total"
        }
    }

    public var key: String { "budget" }

    public func slots(in kind: ReportKind) -> [ReportSlot] { kind == .final ? [.budget] : [] }

    public func compute(_ context: ReportContext) throws -> Result {
        guard let budget = context.request.budget else {
            return Result(present: false, income: [], costs: [], incomeTotal: nil, costTotal: nil,
                          difference: nil, balanced: nil, note: "no budget file given (--budget)")
        }
        // Stated sums were checked on reading (Budget.checkSums); check again here so a
        // hand-edited JSON whose lines no longer add up is caught by verify.
        try budget.checkSums()
        func lines(_ s: Budget.Section) -> [Line] {
            budget.lines(s).map { l in
                Line(line: context.language == .en ? (l.lineEN ?? l.line) : l.line, amount: l.amount,
                     amountNote: l.amount == nil ? "blank in the budget file" : nil)
            }
        }
        let income = budget.total(.income), costs = budget.total(.cost)
        let difference = ((income - costs) * 100).rounded() / 100
        return Result(present: true, income: lines(.income), costs: lines(.cost), incomeTotal: income,
                      costTotal: costs, difference: difference, balanced: difference == 0, note: nil)
    }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        let s = context.strings, n = context.numbers
        guard result.present, let income = result.incomeTotal, let costs = result.costTotal else {
            return context.request.draft
                ? [.callout(Callout(.placeholder, title: s("placeholder.text.title"), RichText(s("budget.missing"))))]
                : [.paragraph(RichText(s("budget.missing")))]
        }
        func amount(_ value: Double?) -> String {
            guard let value else { return "" }
            return n.decimal(value, decimals: value == value.rounded() ? 0 : 2)
        }
        func table(_ caption: String, _ heading: String, _ lines: [Line], _ total: Double) -> Block {
            var rows: [[TableBlock.Cell]] = lines.map { [TableBlock.Cell($0.line, isRowHeader: true), TableBlock.Cell(amount($0.amount))] }
            rows.append([TableBlock.Cell(s("budget.sum"), isRowHeader: true), TableBlock.Cell(amount(total))])
            return .table(TableBlock(caption: caption, header: [[TableBlock.Cell(heading), TableBlock.Cell(s("budget.amount"))]],
                                     rows: rows, alignments: [.left, .right], totalRows: [rows.count - 1]))
        }
        var blocks: [Block] = [.paragraph(RichText(s("budget.intro")))]
        blocks.append(table(s("budget.caption.income"), s("budget.income"), result.income, income))
        blocks.append(table(s("budget.caption.costs"), s("budget.costs"), result.costs, costs))
        if result.balanced == true {
            blocks.append(.paragraph(RichText(s("budget.balanced", ["amount": n.kronor(income)]))))
        } else {
            blocks.append(.callout(Callout(.warning, title: s("budget.gap.title"), RichText(s("budget.gap", [
                "income": n.kronor(income), "costs": n.kronor(costs),
                "difference": n.kronor(abs(result.difference ?? 0)),
            ])))))
        }
        if let file = context.request.budgetFile {
            blocks.append(.paragraph(RichText([.emphasis(s("budget.source", ["file": lastPathComponent(file.path)]))])))
        }
        return blocks
    }
}

func lastPathComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}
