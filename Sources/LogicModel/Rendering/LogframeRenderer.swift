/// `model show --format logframe`: the logical framework matrix steering groups
/// know — one row per node, grouped by level from goals down to activities, with
/// its indicators, means of verification and assumptions (Markdown table).
public enum LogframeRenderer {
    public static func render(_ model: LogicModel) -> String {
        let s = RenderStrings.for(model.language)
        var out = "# \(s.logframeTitle): \(model.name)\n\n"
        out += "| \(s.level) | \(s.narrative) | \(s.indicators) | \(s.meansOfVerification) | \(s.assumptions) |\n"
        out += "|---|---|---|---|---|\n"
        let indicatorsByNode = Dictionary(grouping: model.indicators, by: \.measures)
        let assumptionsByNode = Dictionary(grouping: model.assumptions.flatMap { a in a.on.map { ($0, a) } }, by: \.0)
        func row(_ level: String, _ id: String, _ title: String) {
            let inds = indicatorsByNode[id] ?? []
            let indicatorText = inds.map { i in
                var t = "\(i.id): \(i.title)"
                let targets = i.targets.map { "\($0.period) \($0.rule.text)" + ($0.setBy == .city ? " (KF)" : "") }
                if !targets.isEmpty { t += " [" + targets.joined(separator: "; ") + "]" }
                return t
            }.joined(separator: "<br>")
            let verification = Array(Set(inds.compactMap(\.source))).sorted().joined(separator: "<br>")
            let assumptions = (assumptionsByNode[id] ?? []).map { "\($0.1.id): \($0.1.text)" + ($0.1.critical ? " (\(s.critical))" : "") }
                .joined(separator: "<br>")
            let cells = [level, "**\(id)** \(title)", indicatorText, verification, assumptions].map(Escape.markdownCell)
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        for g in model.goals { row(s.goals, g.id, (g.code.map { "\($0) " } ?? "") + g.title) }
        for term in OutcomeTerm.allCases.reversed() {
            for o in model.outcomes where o.term == term { row("\(s.outcomes) (\(s.term(term)))", o.id, o.title) }
        }
        for p in model.outputs { row(s.outputs, p.id, p.title) }
        for a in model.activities { row(s.activities, a.id, a.title) }
        for r in model.inputs { row(s.inputs, r.id, r.title) }
        return out
    }
}
