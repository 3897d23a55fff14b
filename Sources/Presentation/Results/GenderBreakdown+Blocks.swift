import LogicModel

/// 6.2 Jämställdhet's opening as blocks, in the report's words (`gender.*`): why the
/// report gives results by gender, and the list of indicators broken down by gender
/// (code, title, the node it measures, the groups; a proposal marked), or a warning
/// that none is. The values by gender follow in the indicator and case parts.
extension GenderBreakdown {
    /// - Parameter model: the logic model, for the titles of the nodes measured.
    public func blocks(strings s: ReportStrings, model: LogicModel) -> [Block] {
        guard !indicators.isEmpty else {
            return [.callout(Callout(.warning, title: s("warning.title"), RichText(s("gender.none"))))]
        }
        let graph = ModelGraph(model)
        let items = indicators.map { item -> RichText in
            let node = graph.titles[item.measures].map { "\(item.measures) \($0)" } ?? item.measures
            let groups = item.groups.map { GroupNames.name($0, s.language) }.joined(separator: ", ")
            var text = RichText([.strong(item.indicator), .plain(" \(item.title) (\(node); \(groups))")])
            if item.illustrative { text = text + RichText([.emphasis(" – " + s("illustrative.label"))]) }
            return text
        }
        return [.paragraph(RichText(s("gender.required"))),
                .paragraph(RichText(s("gender.indicators"))),
                .list(ListBlock(items: items))]
    }
}
