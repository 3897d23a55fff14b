import Periods
import Yams

/// Reads one indicator entry, including its baseline, targets and typed rules.
enum IndicatorDecoder {
    static let keys = ["id", "title", "description", "measures", "unit", "direction", "baseline", "targets",
                       "source", "frequency", "breakdowns", "illustrative", "note", "counts", "data"]

    static func decode(_ id: String, item: Node, entries e: [String: (key: Node, value: Node)],
                       reader r: NodeReader, measures: [String]) -> Indicator? {
        let title = r.string(e["title"]?.value, key: "title", id: id, required: true, parent: item) ?? ""
        if measures.isEmpty {
            r.error(item, id: id, "indicator measures nothing; add `measures:` with the id of the goal, outcome, output or activity it measures")
        } else if measures.count > 1, let node = e["measures"]?.value {
            r.error(node, id: id, "an indicator measures one node; split it or pick the closest one")
        }
        let unit = r.choice(e["unit"]?.value, key: "unit", id: id, as: IndicatorUnit.self)
        if e["unit"] == nil { r.error(item, id: id, "missing `unit` (\(IndicatorUnit.allCases.map(\.rawValue).joined(separator: ", ")))") }
        let direction = r.choice(e["direction"]?.value, key: "direction", id: id, as: Direction.self)
        if e["direction"] == nil { r.error(item, id: id, "missing `direction` (increase, decrease or none: which way is better)") }

        var indicator = Indicator(id: id, title: title, measures: measures.first ?? "",
                                  unit: unit ?? .count, direction: direction ?? .none)
        indicator.description = r.string(e["description"]?.value, key: "description", id: id)
        indicator.source = r.string(e["source"]?.value, key: "source", id: id)
        indicator.frequency = r.choice(e["frequency"]?.value, key: "frequency", id: id, as: Frequency.self)
        indicator.illustrative = r.bool(e["illustrative"]?.value, key: "illustrative", id: id) ?? false
        indicator.note = r.string(e["note"]?.value, key: "note", id: id)
        indicator.counts = r.choice(e["counts"]?.value, key: "counts", id: id, as: Counts.self)
        if let node = e["data"]?.value, !r.isNull(node) {
            indicator.data = DataBindingDecoder.decode(node, id: id, reader: r, indicator: indicator)
        }

        if let node = e["baseline"]?.value,
           let b = r.entries(node, what: "a baseline", id: id, allowed: ["period", "value", "note"]) {
            let period = r.period(b["period"]?.value, key: "period", id: id)
            let value = r.number(b["value"]?.value, key: "value", id: id)
            if b["period"] == nil || b["value"] == nil { r.error(node, id: id, "a baseline needs `period` and `value`") }
            if let period, let value {
                indicator.baseline = Baseline(period: period, value: value,
                                              note: r.string(b["note"]?.value, key: "note", id: id))
            }
        }
        // No target written at all (one that does not parse is an error of its own).
        let targetNodes = r.sequence(e["targets"]?.value, key: "targets", id: id)
        if targetNodes.isEmpty {
            r.warning(e["id"]?.value ?? item, id: id,
                      "indicator has no target; add `targets:` with a period and a rule "
                      + "(e.g. {period: \"2022\", rule: \">= 80\"}, or rule: qualitative with a note); "
                      + "without one its status is not_assessed and it counts for no goal")
        }
        for t in targetNodes {
            guard let te = r.entries(t, what: "a target", id: id, allowed: ["period", "rule", "set_by", "note"]) else { continue }
            let period = r.period(te["period"]?.value, key: "period", id: id)
            if te["period"] == nil { r.error(t, id: id, "target without `period`") }
            guard let ruleNode = te["rule"]?.value else {
                r.error(t, id: id, "target without `rule` (e.g. \">= 80\", \"improve\", \"qualitative\")")
                continue
            }
            let rule = decodeRule(ruleNode, id: id, reader: r)
            let setter = r.choice(te["set_by"]?.value, key: "set_by", id: id, as: TargetSetter.self) ?? .unit
            if let period, let rule {
                indicator.targets.append(Target(period: period, rule: rule, setBy: setter,
                                                note: r.string(te["note"]?.value, key: "note", id: id)))
            }
        }
        if let node = e["breakdowns"]?.value, !r.isNull(node) {
            if case .mapping(let mapping) = node {
                for (k, v) in mapping {
                    guard let name = r.string(k, key: "breakdowns", id: id) else { continue }
                    var values = r.stringList(v, key: "breakdowns.\(name)", id: id)
                    if values.isEmpty { r.error(v, id: id, "breakdown `\(name)` lists no values") }
                    if name == "gender" {
                        // Swedish names (flickor, pojkar, …) are read as the standard values,
                        // as in an observations file's group column.
                        for value in values where standardGenderValue(value) == nil {
                            r.error(v, id: id, "gender value \"\(value)\" is not one of \(standardGenderValues.joined(separator: ", "))"
                                    + " (or in Swedish: flickor, pojkar, kvinnor, män, annat)")
                        }
                        values = values.map { standardGenderValue($0) ?? $0 }
                    }
                    if Set(values).count != values.count { r.error(v, id: id, "breakdown `\(name)` repeats a value") }
                    if values.contains("total") { r.error(v, id: id, "`total` is implicit; do not list it as a breakdown value") }
                    indicator.breakdowns[name] = values
                }
            } else {
                r.error(node, id: id, "`breakdowns` should map a name to its values, like {gender: [girls, boys]}")
            }
        }
        return indicator
    }

    /// A rule is a string (`">= 80"`) or a choice mapping (`{any: ["<= 6.1", "improve"]}`).
    static func decodeRule(_ node: Node, id: String, reader r: NodeReader) -> TargetRule? {
        switch node {
        case .scalar:
            guard let text = r.string(node, key: "rule", id: id, required: true) else { return nil }
            if r.rejectCurlyQuotes(text, node: node, key: "rule", id: id) { return nil }
            do {
                return try TargetRule(parsing: text)
            } catch {
                r.error(node, id: id, error.description)
                return nil
            }
        case .mapping:
            guard let e = r.entries(node, what: "a rule", id: id, allowed: ["any"]),
                  let anyNode = e["any"]?.value else {
                r.error(node, id: id, "a rule written as a mapping must be {any: [rule, rule, ...]}")
                return nil
            }
            let parts = r.sequence(anyNode, key: "any", id: id).compactMap { decodeRule($0, id: id, reader: r) }
            if parts.count < 2 {
                r.error(anyNode, id: id, "`any` needs at least two rules")
                return nil
            }
            return .any(parts)
        default:
            r.error(node, id: id, "`rule` should be text such as \">= 80\" or {any: [...]}")
            return nil
        }
    }
}
