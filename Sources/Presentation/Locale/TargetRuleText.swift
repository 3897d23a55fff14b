import LogicModel

/// A target rule as a reader of the report's language reads it: "≤ 22", "mellan 5
/// och 8", "förbättras", "max 6,1 eller förbättras".
public enum TargetRuleText {
    public static func text(_ rule: TargetRule, unit: IndicatorUnit, language: Language, note: String? = nil) -> String {
        let sv = language == .sv
        let numbers = NumberStyle(language)
        func threshold(_ t: TargetRule.Threshold) -> String {
            let n = numbers.decimal(t.value, decimals: t.decimals)
            return unit == .percent ? (sv ? n + NumberStyle.noBreakSpace + "%" : n + "%") : n
        }
        switch rule {
        case .threshold(let c, let t):
            let symbol: String
            switch c {
            case .atLeast: symbol = "≥"
            case .above: symbol = ">"
            case .atMost: symbol = "≤"
            case .below: symbol = "<"
            case .equal: symbol = "="
            }
            return symbol + NumberStyle.noBreakSpace + threshold(t)
        case .between(let a, let b):
            return sv ? "mellan \(threshold(a)) och \(threshold(b))" : "between \(threshold(a)) and \(threshold(b))"
        case .improve:
            return sv ? "förbättras" : "improves"
        case .maintainOrImprove:
            return sv ? "bibehålls eller förbättras" : "maintained or improved"
        case .qualitative:
            return note.map(SourceLineReferences.removed) ?? (sv ? "bedöms kvalitativt" : "judged qualitatively")
        case .any(let parts):
            return parts.map { text($0, unit: unit, language: language) }.joined(separator: sv ? " eller " : " or ")
        }
    }
}
