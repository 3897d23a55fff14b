/// 6.2 Jämställdhet's list of what the model follows by gender, as the report's record
/// holds it (its JSON is the record's `gender_breakdowns`): every indicator with a
/// gender breakdown (its groups, the node it measures), and the outcomes measured by
/// indicators none of which is broken down by gender. Read from the logic model by
/// Reports' `GenderBreakdownSection`, so a missing breakdown is visible before any data
/// is loaded; its blocks are `GenderBreakdown+Blocks.swift`.
public struct GenderBreakdown: Codable, Equatable {
    public var indicators: [Item]
    public var outcomesWithoutBreakdown: [String]

    public init(indicators: [Item], outcomesWithoutBreakdown: [String]) {
        self.indicators = indicators
        self.outcomesWithoutBreakdown = outcomesWithoutBreakdown
    }

    enum CodingKeys: String, CodingKey {
        case indicators
        case outcomesWithoutBreakdown = "outcomes_without_breakdown"
    }

    public struct Item: Codable, Equatable {
        public var indicator: String
        public var title: String
        public var measures: String
        public var groups: [String]
        public var illustrative: Bool

        public init(indicator: String, title: String, measures: String, groups: [String], illustrative: Bool) {
            self.indicator = indicator
            self.title = title
            self.measures = measures
            self.groups = groups
            self.illustrative = illustrative
        }
    }
}
