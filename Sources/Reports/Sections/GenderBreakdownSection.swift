import LogicModel
import Presentation

/// 6.2 Jämställdhet: which outcomes the model follows by gender. The FoU report must
/// give gender-disaggregated results for every outcome with a gender breakdown (issue
/// 9); this builder lists them from the model, so a missing breakdown is visible even
/// before any data is loaded. The values come from the indicator and case builders
/// (slot `.gender`).
public struct GenderBreakdownSection: ReportSectionBuilder {
    public init() {}

    public struct Item: Codable, Equatable {
        public var indicator: String
        public var title: String
        public var measures: String
        public var groups: [String]
        public var illustrative: Bool
    }

    public struct Result: Codable, Equatable {
        public var indicators: [Item]
        public var outcomesWithoutBreakdown: [String]

        enum CodingKeys: String, CodingKey {
            case indicators
            case outcomesWithoutBreakdown = "outcomes_without_breakdown"
        }
    }

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
        let s = context.strings
        guard !result.indicators.isEmpty else {
            return [.callout(Callout(.warning, title: s("warning.title"), RichText(s("gender.none"))))]
        }
        let graph = ModelGraph(context.model)
        let items = result.indicators.map { item -> RichText in
            let node = graph.titles[item.measures].map { "\(item.measures) \($0)" } ?? item.measures
            let groups = item.groups.map { GroupNames.name($0, context.language) }.joined(separator: ", ")
            var text = RichText([.strong(item.indicator), .plain(" \(item.title) (\(node); \(groups))")])
            if item.illustrative { text = text + RichText([.emphasis(" – " + s("illustrative.label"))]) }
            return text
        }
        return [.paragraph(RichText(s("gender.required"))),
                .paragraph(RichText(s("gender.indicators"))),
                .list(ListBlock(items: items))]
    }
}
