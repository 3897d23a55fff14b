/// The status of an indicator against one target (DESIGN §3.1).
public enum TargetStatus: String, Codable, Sendable, CaseIterable {
    case met
    case notMet = "not_met"
    case noData = "no_data"
    /// A relative rule ("improve") without an earlier value to compare with.
    case noComparison = "no_comparison"
    /// A qualitative target: judged in words, not computed.
    case notAssessed = "not_assessed"
}

extension TargetRule {
    /// Evaluates the rule for an observed value (and the previous period's value,
    /// for relative rules). Thresholds compare the value rounded to the precision the
    /// threshold is written in; `improve` compares unrounded values.
    public func evaluate(value: Double?, previous: Double?, direction: Direction) -> TargetStatus {
        guard let value, value.isFinite else {
            return self == .qualitative ? .notAssessed : .noData
        }
        switch self {
        case .qualitative:
            return .notAssessed
        case .threshold(let comparison, let t):
            let v = Self.round(value, to: t.decimals)
            let met: Bool = switch comparison {
            case .atLeast: v >= t.value
            case .above: v > t.value
            case .atMost: v <= t.value
            case .below: v < t.value
            case .equal: v == t.value
            }
            return met ? .met : .notMet
        case .between(let a, let b):
            let va = Self.round(value, to: a.decimals), vb = Self.round(value, to: b.decimals)
            return va >= a.value && vb <= b.value ? .met : .notMet
        case .improve, .maintainOrImprove:
            guard let previous, previous.isFinite else { return .noComparison }
            guard direction != .none else { return .notAssessed }
            let better = direction == .increase ? value > previous : value < previous
            if better { return .met }
            if self == .maintainOrImprove && value == previous { return .met }
            return .notMet
        case .any(let parts):
            // Met when any part is met. Not met only when every part is judged and missed:
            // "max 6,1 % or decreasing" at 7 % without last year's figure may still have
            // decreased, so the verdict is the undetermined part's (no_comparison).
            let statuses = parts.map { $0.evaluate(value: value, previous: previous, direction: direction) }
            if statuses.contains(.met) { return .met }
            return statuses.first { $0 != .notMet } ?? (statuses.isEmpty ? .notAssessed : .notMet)
        }
    }

    /// Round half away from zero at `decimals` places, the way a person reads 6.15 % as
    /// 6.2 %. Scaling by a power of ten is exact enough at report precision (≤ 6 places).
    static func round(_ x: Double, to decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<min(decimals, 12) { scale *= 10 }
        // Nudge by a few ulps so that 6.15 stored as 6.1499999… still reads as 6.2.
        let scaled = x * scale
        let nudged = scaled + (scaled >= 0 ? 1 : -1) * abs(scaled) * 4 * Double.ulpOfOne
        return nudged.rounded(.toNearestOrAwayFromZero) / scale
    }
}
