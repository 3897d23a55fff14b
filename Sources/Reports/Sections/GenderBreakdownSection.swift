import LogicModel
import Presentation

/// 6.2 Jämställdhet: which outcomes the model follows by gender. The FoU report must
/// give gender-disaggregated results for every outcome with a gender breakdown (issue
/// 9); this builder lists them from the model, so a missing breakdown is visible even
/// before any data is loaded. The values come from the indicator and case builders
/// (slot `.gender`).
///
/// The record is `GenderBreakdown` and its blocks `GenderBreakdown.blocks` (Presentation).
public struct GenderBreakdownSection: ReportSectionBuilder {
    public init() {}

    public typealias Result = GenderBreakdown
    public typealias Item = GenderBreakdown.Item

    public var key: String { "gender_breakdowns" }

    public func slots(in kind: ReportKind) -> [ReportSlot] { kind == .final ? [.genderOverview] : [] }

    public func compute(_ context: ReportContext) throws -> Result {
        let m = context.model
        let items = m.indicators.compactMap { i -> Item? in
            guard let groups = i.breakdowns["gender"], !groups.isEmpty else { return nil }
            return Item(indicator: i.id, title: i.title, measures: i.measures, groups: groups, illustrative: i.illustrative)
        }
        let measured = Set(items.map(\.measures))
        let withoutBreakdown = m.outcomes.map(\.id).filter { o in
            m.indicators.contains { $0.measures == o } && !measured.contains(o)
        }
        return Result(indicators: items, outcomesWithoutBreakdown: withoutBreakdown)
    }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        result.blocks(strings: context.strings, model: context.model)
    }
}
