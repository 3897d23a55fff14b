/// `model show --format markdown`: the whole model as a readable document, with the
/// chain as a Mermaid diagram (rendered by GitHub and most Markdown viewers).
public enum MarkdownRenderer {
    public static func render(_ model: LogicModel) -> String {
        let s = RenderStrings.for(model.language)
        var out = "# \(model.name)\n\n"
        var facts: [String] = ["`\(model.id)`"]
        if let owner = model.owner { facts.append("\(s.owner): \(owner)") }
        if let p = model.period { facts.append("\(s.period): \(p.start)–\(p.end)") }
        if let c = model.cohorts {
            facts.append("\(s.cohorts): \(s.pilot) `\(c.pilot)`" + (c.comparison.isEmpty ? "" : ", \(s.comparison) " + c.comparison.map { "`\($0)`" }.joined(separator: ", ")))
        }
        out += facts.joined(separator: " · ") + "\n\n"
        if let d = model.description { out += d + "\n\n" }
        if let src = model.source { out += "*\(s.source): \(src)*\n\n" }

        out += "## \(s.chain)\n\n```mermaid\n" + MermaidRenderer.render(model) + "```\n\n"

        if !model.goals.isEmpty {
            out += "## \(s.goals)\n\n"
            let children = Dictionary(grouping: model.goals.filter { $0.parent != nil }, by: { $0.parent! })
            func emit(_ goal: Goal, depth: Int) {
                let indent = String(repeating: "  ", count: depth)
                var line = "\(indent)- **\(goal.id)**"
                if let code = goal.code { line += " (\(code))" }
                line += " \(goal.title)"
                if let level = goal.level { line += " — *\(level.rawValue)*" }
                out += line + "\n"
                for a in goal.assessments {
                    out += "\(indent)  - \(s.assessment) \(a.period): \(a.result.rawValue)"
                        + (a.justification.map { " — \($0)" } ?? "") + "\n"
                }
                for child in children[goal.id] ?? [] { emit(child, depth: depth + 1) }
            }
            let ids = Set(model.goals.map(\.id))
            for goal in model.goals where goal.parent == nil || !ids.contains(goal.parent!) { emit(goal, depth: 0) }
            out += "\n"
        }
        func table(_ title: String, _ header: [String], _ rows: [[String]]) {
            guard !rows.isEmpty else { return }
            out += "## \(title)\n\n| " + header.joined(separator: " | ") + " |\n"
            out += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
            for row in rows { out += "| " + row.map(Escape.markdownCell).joined(separator: " | ") + " |\n" }
            out += "\n"
        }
        let list: ([String]) -> String = { $0.joined(separator: ", ") }
        table(s.outcomes, ["id", s.narrative, s.level, s.contributesTo],
              model.outcomes.map { [$0.id, $0.title, s.term($0.term), list($0.contributesTo)] })
        table(s.outputs, ["id", s.narrative, s.leadsTo], model.outputs.map { [$0.id, $0.title, list($0.leadsTo)] })
        table(s.activities, ["id", s.narrative, s.leadsTo, s.period],
              model.activities.map { a in
                  [a.id, a.title, list(a.leadsTo),
                   [a.start?.iso, a.end?.iso].compactMap { $0 }.joined(separator: "–")]
              })
        table(s.inputs, ["id", s.narrative, s.supports], model.inputs.map { [$0.id, $0.title, list($0.supports)] })
        table(s.assumptions, ["id", s.narrative, s.on, s.critical],
              model.assumptions.map { [$0.id, $0.text, list($0.on), $0.critical ? "✓" : ""] })
        table(s.indicators, ["id", s.narrative, s.measures, s.unit, s.direction, s.baseline, s.targets, s.cityTargets, s.meansOfVerification, s.frequency],
              model.indicators.map { i in
                  [i.id, i.title + (i.illustrative ? " *(\(s.illustrative))*" : ""), i.measures,
                   i.unit.rawValue + (i.countsEvents ? " (counts: events)" : ""), i.direction.rawValue,
                   i.baseline.map { "\(formatNumber($0.value)) (\($0.period))" } ?? "",
                   targetsText(i, .unit), targetsText(i, .city), i.source ?? "", i.frequency?.rawValue ?? ""]
              })
        return out
    }

    static func targetsText(_ indicator: Indicator, _ setter: TargetSetter) -> String {
        indicator.targets.filter { $0.setBy == setter }
            .map { "\($0.period): \($0.rule.text)" + ($0.note.map { " (\($0))" } ?? "") }
            .joined(separator: "; ")
    }
}

/// Shortest decimal form: 24.0 → "24", 6.1 → "6.1".
func formatNumber(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
    return "\(v)"
}
