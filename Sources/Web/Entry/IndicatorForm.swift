import LogicModel
import Periods

/// The indicator form (issue 23) for people who do not write YAML: an indicator's title,
/// the node it measures, unit, direction, frequency, what it counts, the gender split,
/// source and note, and its targets — each a period, who set it (the unit, or the city
/// council: KF:s årsmål) and a rule built from parts joined by "eller", so "max 6,1 %
/// eller minskar" is *högst 6,1* or *bättre än föregående period*. The form holds what
/// was typed, as typed (decimal comma and all); `indicator(base:)` reads it into an
/// `Indicator`, with an error per field, and `IndicatorText` writes that into the model.
struct IndicatorForm: Sendable {
    /// The single fields; targets are `t{row}.period|set_by|note` and `t{row}.k{part}|a{part}|b{part}`.
    static let fields = ["id", "title", "description", "measures", "unit", "direction", "frequency", "counts", "gender",
                         "source", "note"]
    static let targetFields = ["period", "set_by", "note"]
    /// A rule part's kinds; "" is none.
    static let kinds = ["", ">=", ">", "<=", "<", "==", "between", "improve", "maintain_or_improve", "qualitative"]

    private(set) var values: [String: String] = [:]
    /// Target rows shown (the stored ones and one blank, more on request).
    var rows: Int
    /// Rule parts per row (two, or more when a stored rule has more).
    var parts: Int

    subscript(name: String) -> String {
        get { values[name] ?? "" }
        set { values[name] = newValue }
    }

    static func name(_ row: Int, _ field: String) -> String { "t\(row).\(field)" }
    static func part(_ row: Int, _ field: String, _ part: Int) -> String { "t\(row).\(field)\(part)" }

    /// A blank form for a new indicator.
    init(measures: String = "") {
        rows = 2
        parts = 2
        values = ["unit": IndicatorUnit.percent.rawValue, "direction": Direction.increase.rawValue,
                  "frequency": Frequency.tertial.rawValue, "counts": Counts.persons.rawValue, "measures": measures]
    }

    /// The form filled with a stored indicator, numbers written for `language`.
    init(_ i: Indicator, language: Language) {
        rows = i.targets.count + 1
        parts = max(2, i.targets.map { Self.parts(of: $0.rule).count }.max() ?? 0)
        values = ["id": i.id, "title": i.title, "description": i.description ?? "", "measures": i.measures,
                  "unit": i.unit.rawValue, "direction": i.direction.rawValue, "frequency": i.frequency?.rawValue ?? "",
                  "counts": (i.counts ?? .persons).rawValue, "gender": i.breakdowns["gender"] == nil ? "" : "on",
                  "source": i.source ?? "", "note": i.note ?? ""]
        func number(_ t: TargetRule.Threshold) -> String {
            language == .sv ? t.text.replacingOccurrences(of: ".", with: ",") : t.text
        }
        for (row, target) in i.targets.enumerated() {
            values[Self.name(row, "period")] = target.period.description
            values[Self.name(row, "set_by")] = target.setBy.rawValue
            values[Self.name(row, "note")] = target.note ?? ""
            for (k, rule) in Self.parts(of: target.rule).enumerated() {
                switch rule {
                case .threshold(let c, let t):
                    values[Self.part(row, "k", k + 1)] = c.rawValue
                    values[Self.part(row, "a", k + 1)] = number(t)
                case .between(let a, let b):
                    values[Self.part(row, "k", k + 1)] = "between"
                    values[Self.part(row, "a", k + 1)] = number(a)
                    values[Self.part(row, "b", k + 1)] = number(b)
                case .improve: values[Self.part(row, "k", k + 1)] = "improve"
                case .maintainOrImprove: values[Self.part(row, "k", k + 1)] = "maintain_or_improve"
                case .qualitative: values[Self.part(row, "k", k + 1)] = "qualitative"
                case .any: break   // a choice inside a choice reads as its parts (`parts(of:)` flattens)
                }
            }
        }
    }

    /// What was posted; `more` adds a blank target row.
    init(posted fields: FormFields, more: Bool) {
        rows = min(max(Int(fields["rows"] ?? "") ?? 1, 1), 50) + (more ? 1 : 0)
        parts = min(max(Int(fields["parts"] ?? "") ?? 2, 2), 10)
        for f in Self.fields { values[f] = fields[f] ?? "" }
        for row in 0..<rows {
            for f in Self.targetFields { values[Self.name(row, f)] = fields[Self.name(row, f)] ?? "" }
            for k in 1...parts {
                for f in ["k", "a", "b"] { values[Self.part(row, f, k)] = fields[Self.part(row, f, k)] ?? "" }
            }
        }
    }

    /// A rule's parts, a choice flattened ("a or (b or c)" is "a or b or c").
    static func parts(of rule: TargetRule) -> [TargetRule] {
        if case .any(let inner) = rule { return inner.flatMap(parts(of:)) }
        return [rule]
    }

    /// The indicator the form describes, on `base` (the stored indicator, whose keys the
    /// form does not hold — data binding, baseline, other breakdowns — are kept), or the
    /// errors by field name. `taken`: the model's indicator ids, for a new one.
    func indicator(base: Indicator?, taken: Set<String>, s: WebStrings) -> (Indicator?, [String: String]) {
        var errors: [String: String] = [:]
        func trimmed(_ name: String) -> String { self[name].trimmingCharacters(in: .whitespacesAndNewlines) }
        let id = base?.id ?? trimmed("id")
        if base == nil {
            if id.isEmpty {
                errors["id"] = s("indicator.error.id")
            } else if taken.contains(id) {
                errors["id"] = s("indicator.error.taken", ["id": id])
            } else if !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                errors["id"] = s("indicator.error.id_characters")
            }
        }
        if trimmed("title").isEmpty { errors["title"] = s("indicator.error.title") }
        if trimmed("measures").isEmpty { errors["measures"] = s("indicator.error.measures") }
        var i = base ?? Indicator(id: id, title: "", measures: "", unit: .count, direction: .none)
        i.title = trimmed("title")
        i.description = trimmed("description").isEmpty ? nil : trimmed("description")
        i.measures = trimmed("measures")
        i.unit = IndicatorUnit(rawValue: self["unit"]) ?? i.unit
        i.direction = Direction(rawValue: self["direction"]) ?? i.direction
        i.frequency = Frequency(rawValue: self["frequency"])
        // Persons is the default: written only where the file already said it.
        let counts = Counts(rawValue: self["counts"]) ?? .persons
        i.counts = counts == .persons && base?.counts != .persons ? nil : counts
        if self["gender"].isEmpty {
            i.breakdowns["gender"] = nil
        } else if i.breakdowns["gender"] == nil {
            i.breakdowns["gender"] = ["girls", "boys"]
        }
        i.source = trimmed("source").isEmpty ? nil : trimmed("source")
        i.note = trimmed("note").isEmpty ? nil : trimmed("note")

        var targets: [Target] = []
        for row in 0..<rows {
            let periodText = trimmed(Self.name(row, "period"))
            var rules: [TargetRule] = []
            for k in 1...parts {
                let kind = self[Self.part(row, "k", k)]
                guard !kind.isEmpty else { continue }
                func threshold(_ field: String) -> TargetRule.Threshold? {
                    let name = Self.part(row, field, k)
                    guard let t = TargetRule.Threshold(parsing: Substring(trimmed(name))) else {
                        errors[name] = s("indicator.error.number")
                        return nil
                    }
                    return t
                }
                switch kind {
                case "between":
                    if let a = threshold("a"), let b = threshold("b") {
                        if a.value <= b.value { rules.append(.between(a, b)) } else { errors[Self.part(row, "b", k)] = s("indicator.error.between") }
                    }
                case "improve": rules.append(.improve)
                case "maintain_or_improve": rules.append(.maintainOrImprove)
                case "qualitative": rules.append(.qualitative)
                default:
                    if let c = TargetRule.Comparison(rawValue: kind), let t = threshold("a") { rules.append(.threshold(c, t)) }
                }
            }
            let hasRule = (1...parts).contains { !self[Self.part(row, "k", $0)].isEmpty }
            if periodText.isEmpty {
                if hasRule { errors[Self.name(row, "period")] = s("indicator.error.period_missing") }
                continue   // a blank row
            }
            guard let period = Period(parsing: periodText) else {
                errors[Self.name(row, "period")] = s("indicator.error.period")
                continue
            }
            guard hasRule else {
                errors[Self.part(row, "k", 1)] = s("indicator.error.rule_missing")
                continue
            }
            guard !rules.isEmpty else { continue }   // its parts have errors
            let note = trimmed(Self.name(row, "note"))
            targets.append(Target(period: period, rule: rules.count == 1 ? rules[0] : .any(rules),
                                  setBy: TargetSetter(rawValue: self[Self.name(row, "set_by")]) ?? .unit,
                                  note: note.isEmpty ? nil : note))
        }
        i.targets = targets
        return errors.isEmpty ? (i, [:]) : (nil, errors)
    }
}
