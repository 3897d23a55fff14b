import Evaluation
import Foundation

/// Reads the headline figure out of a cohort comparison's JSON — the form the CLI,
/// the notebooks and the reports all see — so the demo's line says what the file says.
enum DemoCaseFigures {
    /// "investigation_days: median 68 vs 90 days", "re_referral_12m −7.7 pp [−13.7, 0.1]",
    /// "investigation_within_4m DiD +7.3 pp (randomisation p 0.33)".
    static func headline(_ json: [String: Any], outcome: String, design: CohortComparison.Design) -> String? {
        let kind = json["kind"] as? String
        if design == .did {
            guard let did = json["did"] as? [String: Any], let estimate = number(did["estimate"]) else { return nil }
            var text = "\(outcome) DiD " + signed(kind == "binary" ? estimate * 100 : estimate, unit: kind == "binary" ? " pp" : "")
            if let p = number((did["randomisation"] as? [String: Any])?["p"]) { text += " (randomisation p \(String(format: "%.2f", p)))" }
            return text
        }
        if kind == "time_to_event" {
            guard let pilot = number((json["pilot"] as? [String: Any])?["median"]),
                  let line = number((json["comparison"] as? [String: Any])?["median"]) else { return nil }
            return "\(outcome) median \(plain(pilot, 0)) vs \(plain(line, 0)) days"
        }
        guard let block = json["difference"] as? [String: Any], let estimate = number(block["estimate"]) else { return nil }
        // Shares in percentage points to one decimal; means (caseworkers per case) to two.
        let binary = kind == "binary"
        let scale = binary ? 100.0 : 1.0, unit = binary ? " pp" : "", digits = binary ? 1 : 2
        var text = "\(outcome) " + signed(estimate * scale, unit: unit, digits)
        if let lo = number(block["ci_low"]), let hi = number(block["ci_high"]) {
            text += " [\(plain(lo * scale, digits)), \(plain(hi * scale, digits))]"
        }
        return text
    }

    static func number(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }
    static func plain(_ x: Double, _ digits: Int = 1) -> String {
        String(format: "%.\(digits)f", x).replacingOccurrences(of: "-", with: "−")
    }
    static func signed(_ x: Double, unit: String, _ digits: Int = 1) -> String { (x >= 0 ? "+" : "") + plain(x, digits) + unit }
}
