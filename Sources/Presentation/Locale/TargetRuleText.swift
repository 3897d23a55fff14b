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

    /// The rule in words, for a sentence ("80,8 % mot målet minst 90 %"): "minst 90 %",
    /// "högst 14 dagar", "mellan 5 och 8", "att förbättras". A threshold of days carries
    /// the word, as the value beside it does.
    public static func words(_ rule: TargetRule, unit: IndicatorUnit, language: Language, note: String? = nil) -> String {
        let sv = language == .sv
        let numbers = NumberStyle(language)
        func threshold(_ t: TargetRule.Threshold) -> String {
            let n = numbers.decimal(t.value, decimals: t.decimals)
            switch unit {
            case .percent: return sv ? n + NumberStyle.noBreakSpace + "%" : n + "%"
            case .days: return n + NumberStyle.noBreakSpace + (t.value == 1 ? (sv ? "dag" : "day") : (sv ? "dagar" : "days"))
            default: return n
            }
        }
        switch rule {
        case .threshold(let c, let t):
            let word: String
            switch c {
            case .atLeast: word = sv ? "minst" : "at least"
            case .above: word = sv ? "över" : "above"
            case .atMost: word = sv ? "högst" : "at most"
            case .below: word = sv ? "under" : "below"
            case .equal: word = sv ? "exakt" : "exactly"
            }
            return word + " " + threshold(t)
        case .between(let a, let b):
            return sv ? "mellan \(threshold(a)) och \(threshold(b))" : "between \(threshold(a)) and \(threshold(b))"
        case .improve:
            return sv ? "att förbättras" : "to improve"
        case .maintainOrImprove:
            return sv ? "att bibehållas eller förbättras" : "to be maintained or improved"
        case .qualitative:
            return text(rule, unit: unit, language: language, note: note)
        case .any(let parts):
            return parts.map { words($0, unit: unit, language: language) }.joined(separator: sv ? " eller " : " or ")
        }
    }
}
