import Evaluation
import Presentation
import Statistics

/// The headline figure of a cohort comparison, read from the result value itself (the
/// JSON written beside it holds the same numbers; nothing here parses it back), in the
/// terminal's number style.
enum DemoCaseFigures {
    /// "investigation_days median 68 vs 90 days", "re_referral_12m -7.7 pp [-13.7, 0.1]",
    /// "investigation_within_4m DiD +7.3 pp (randomisation p 0.33)".
    static func headline(_ result: CohortComparisonResult, outcome: String, design: CohortComparison.Design) -> String? {
        let n = NumberStyle.terminal
        // Shares in percentage points to one decimal; means (caseworkers per case) to two.
        let (difference, scale, unit, digits): (Estimate?, Double, String, Int)
        switch result.unadjusted {
        case .timeToEvent: (difference, scale, unit, digits) = (nil, 1, "", 1)
        case .binary(let b): (difference, scale, unit, digits) = (b.difference, 100, " pp", 1)
        case .continuous(let c): (difference, scale, unit, digits) = (c.difference, 1, "", 2)
        }
        if design == .did {
            guard let fit = result.did?.result, let estimate = fit.estimate.value else { return nil }
            var text = "\(outcome) DiD " + n.signed(estimate * scale, decimals: 1) + unit
            if let p = fit.randomisation?.p.value { text += " (randomisation p \(n.decimal(p, decimals: 2)))" }
            return text
        }
        guard let difference else {
            guard case .timeToEvent(let t) = result.unadjusted, let pilot = t.pilot.curve.median.estimate.value,
                  let line = t.comparison.curve.median.estimate.value else { return nil }
            return "\(outcome) median \(n.decimal(pilot, decimals: 0)) vs \(n.decimal(line, decimals: 0)) days"
        }
        guard let estimate = difference.estimate.value else { return nil }
        var text = "\(outcome) " + n.signed(estimate * scale, decimals: digits) + unit
        if let lo = difference.ciLow.value, let hi = difference.ciHigh.value {
            text += " [\(n.decimal(lo * scale, decimals: digits)), \(n.decimal(hi * scale, decimals: digits))]"
        }
        return text
    }
}
