import Evaluation
import Presentation

/// Ekonomisk redovisning: the income and cost lines of `--budget`, their sums, and a
/// flag when income and costs differ (the seed's own report has 1 150 000 against
/// 1 500 000). The summary is `Budget.summary` (Evaluation), its blocks
/// `BudgetSummary.blocks` (Presentation).
public struct BudgetSection: ReportSectionBuilder {
    public init() {}

    public typealias Line = BudgetSummary.Line
    public typealias Result = BudgetSummary

    public var key: String { "budget" }

    public func slots(in kind: ReportKind) -> [ReportSlot] { kind == .final ? [.budget] : [] }

    public func compute(_ context: ReportContext) throws -> Result {
        guard let budget = context.request.budget else { return .missing }
        // Stated sums were checked on reading (Budget.checkSums); check again here so a
        // hand-edited JSON whose lines no longer add up is caught by verify.
        try budget.checkSums()
        return budget.summary(language: context.language)
    }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        result.blocks(strings: context.strings, style: context.numbers, draft: context.request.draft,
                      sourceFile: context.request.budgetFile.map { lastPathComponent($0.path) })
    }
}

func lastPathComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}
