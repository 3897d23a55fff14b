import Presentation
/// Writing counts and the percentages built on them under suppression, so every
/// domain section shows hidden cells the same way ("<5", "..") in every format.
public struct SuppressedFigures: Sendable {
    public let rule: SuppressionRule
    public let numbers: NumberStyle
    public let strings: ReportStrings

    public init(rule: SuppressionRule, numbers: NumberStyle, strings: ReportStrings) {
        self.rule = rule
        self.numbers = numbers
        self.strings = strings
    }

    /// A count as the report shows it.
    public func count(_ value: Int, _ visibility: CellVisibility) -> String {
        switch visibility {
        case .shown: return numbers.integer(value)
        case .small: return strings("suppression.small")
        case .hidden: return strings("suppression.hidden")
        }
    }

    /// A count standing alone (not part of a table with totals): primary rule only.
    public func count(_ value: Int) -> String {
        count(value, rule.isSmall(value) ? .small : .shown)
    }

    /// A percentage of `numerator` out of `denominator`, withheld ("..") when either
    /// count is hidden: a share of a hidden count discloses it.
    public func percent(_ numerator: Int, of denominator: Int, numeratorVisibility: CellVisibility,
                        denominatorVisibility: CellVisibility, decimals: Int = 1) -> String {
        if numeratorVisibility.isSuppressed || denominatorVisibility.isSuppressed || rule.isSmall(denominator) {
            return strings("suppression.hidden")
        }
        guard denominator > 0 else { return strings("placeholder.value") }
        return numbers.percent(100 * Double(numerator) / Double(denominator), decimals: decimals)
    }
}
