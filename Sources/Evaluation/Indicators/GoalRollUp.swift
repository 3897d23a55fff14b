import LogicModel

/// The computed assessment of a goal (DESIGN §3.1): it covers the indicators measuring
/// the goal or any node that leads to it (through `contributes_to`, `leads_to`,
/// `parent`). Of those that could be assessed (`met` or `not_met`): all met →
/// `fully_met` (uppfylls helt), none met → `not_met` (uppfylls inte), some met →
/// `partly_met` (uppfylls delvis); none assessable → `cannot_assess`.
public enum GoalRollUp {
    /// Indicator ids covered by `goal`, in model order.
    public static func coveredIndicators(of goal: String, in model: LogicModel, graph: ModelGraph) -> [String] {
        var nodes = graph.upstream(of: goal)
        nodes.insert(goal)
        return model.indicators.filter { nodes.contains($0.measures) }.map(\.id)
    }

    /// The rule itself, on the statuses of the covered indicators.
    public static func assessment(of statuses: [TargetStatus]) -> Assessment {
        let met = statuses.filter { $0 == .met }.count
        let notMet = statuses.filter { $0 == .notMet }.count
        switch (met, notMet) {
        case (0, 0): return .cannotAssess
        case (_, 0): return .fullyMet
        case (0, _): return .notMet
        default: return .partlyMet
        }
    }
}
