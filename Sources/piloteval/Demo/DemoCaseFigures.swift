import Evaluation
import Foundation
import Statistics

/// The headline figure of a cohort comparison, read from the result value itself (the
/// JSON written beside it holds the same numbers; nothing here parses it back).
enum DemoCaseFigures {
    /// "investigation_days: median 68 vs 90 days", "re_referral_12m −7.7 pp [−13.7, 0.1]",
    /// "investigation_within_4m DiD +7.3 pp (randomisation p 0.33)".
    static func headline(_ result: CohortComparisonResult, outcome: String, design: CohortComparison.Design) -> String? {
        let binary: Bool
        switch result.unadjusted {
        case .binary: binary = true
        default: binary = false
        }
        if design == .did {
            guard let fit = result.did?.result, let estimate = fit.estimate.value else { return nil }
            var text = "\(outcome) DiD " + signed(binary ? estimate * 100 : estimate, unit: binary ? " pp" : "")
            if let p = fit.randomisation?.p.value { text += " (randomisation p \(String(format: "%.2f", p)))" }
            return text
        }
        let difference: Estimate
        switch result.unadjusted {
        case .timeToEvent(let t):
            guard let pilot = t.pilot.curve.median.estimate.value, let line = t.comparison.curve.median.estimate.value else { return nil }
            return "\(outcome) median \(plain(pilot, 0)) vs \(plain(line, 0)) days"
        case .binary(let b): difference = b.difference
        case .continuous(let c): difference = c.difference
        }
        guard let estimate = difference.estimate.value else { return nil }
        // Shares in percentage points to one decimal; means (caseworkers per case) to two.
        let scale = binary ? 100.0 : 1.0, unit = binary ? " pp" : "", digits = binary ? 1 : 2
        var text = "\(outcome) " + signed(estimate * scale, unit: unit, digits)
        if let lo = difference.ciLow.value, let hi = difference.ciHigh.value {
            text += " [\(plain(lo * scale, digits)), \(plain(hi * scale, digits))]"
        }
        return text
    }

    static func plain(_ x: Double, _ digits: Int = 1) -> String {
        String(format: "%.\(digits)f", x).replacingOccurrences(of: "-", with: "−")
    }
    static func signed(_ x: Double, unit: String, _ digits: Int = 1) -> String { (x >= 0 ? "+" : "") + plain(x, digits) + unit }
}
