/// Graph-level checks that need the whole model: references, their kinds, cycles,
/// and the warnings of DESIGN §3.1 (weak spots, not errors).
public enum LogicModelValidator {
    /// Which node kinds each reference field may point at.
    static let allowedTargets: [String: Set<NodeKind>] = [
        "parent": [.goal],
        "contributes_to": [.outcome, .goal],
        "leads_to": [.output, .outcome, .goal],
        "supports": [.activity],
        "on": [.input, .activity, .output, .outcome, .goal],
        "measures": [.activity, .output, .outcome, .goal],
    ]

    public static func validate(_ model: LogicModel, sourceMap map: SourceMap) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let graph = ModelGraph(model)

        for ref in map.references {
            guard let kind = graph.kinds[ref.to] else {
                var message = "`\(ref.field)` refers to \(ref.to), which is not defined in this model"
                let allowed = allowedTargets[ref.field]
                let near = closest(ref.to, in: graph.kinds.keys) { id in
                    graph.kinds[id].map { allowed?.contains($0) ?? true } ?? false
                }
                if let near { message += "; did you mean \(near)?" }
                out.append(Diagnostic(.error, at: ref.location, id: ref.from, message))
                continue
            }
            if let allowed = allowedTargets[ref.field], !allowed.contains(kind) {
                let names = NodeKind.allCases.filter(allowed.contains).map(\.rawValue).joined(separator: " or ")
                out.append(Diagnostic(.error, at: ref.location, id: ref.from,
                                      "`\(ref.field)` refers to \(ref.to), which is \(article(kind)) \(kind.rawValue); it must be \(names)"))
            }
            if ref.to == ref.from {
                out.append(Diagnostic(.error, at: ref.location, id: ref.from, "`\(ref.field)` refers to the node itself"))
            }
        }

        for cycle in graph.cycles() where cycle.count > 2 {
            let first = cycle[0]
            out.append(Diagnostic(.error, at: map.location(of: first), id: first,
                                  "the chain has a cycle: \(cycle.joined(separator: " → ")); a chain must run one way"))
        }

        let measured = Set(model.indicators.map(\.measures))
        for outcome in model.outcomes where !measured.contains(outcome.id) {
            out.append(Diagnostic(.warning, at: map.location(of: outcome.id), id: outcome.id,
                                  "outcome has no indicator; how will you know whether it happened?"))
        }
        for activity in model.activities where activity.leadsTo.isEmpty {
            out.append(Diagnostic(.warning, at: map.location(of: activity.id), id: activity.id,
                                  "activity leads nowhere; add `leads_to:` with the outputs or outcomes it produces"))
        }
        for goal in model.goals where (graph.predecessors[goal.id] ?? []).isEmpty && !measured.contains(goal.id) {
            out.append(Diagnostic(.warning, at: map.location(of: goal.id), id: goal.id,
                                  "no outcome contributes to this goal and no indicator measures it"))
        }
        if let period = model.period {
            for indicator in model.indicators {
                for target in indicator.targets where target.period.end < period.start || target.period.start > period.end {
                    out.append(Diagnostic(.warning, at: map.location(of: indicator.id), id: indicator.id,
                                          "target for \(target.period) lies outside the model's period \(period.start)–\(period.end)"))
                }
            }
        }
        return out
    }

    static func article(_ kind: NodeKind) -> String {
        [.input, .activity, .outcome, .assumption, .indicator].contains(kind) ? "an" : "a"
    }
}
