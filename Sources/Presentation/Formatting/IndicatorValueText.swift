import Foundation
import LogicModel

/// How an indicator's values are written in a report: as many decimals as the figure
/// was stated with, up to two (98,18 % stays 98,18 %), and one for figures computed
/// from counts.
public enum IndicatorValueText {
    public static func decimals(_ v: Double) -> Int {
        for d in 0...2 {
            let scale = pow(10, Double(d))
            if abs((v * scale).rounded() - v * scale) < 1e-6 { return d }
        }
        return 1
    }

    public static func text(_ v: Double?, unit: IndicatorUnit, numbers: NumberStyle) -> String? {
        guard let v else { return nil }
        let d = decimals(v)
        switch unit {
        case .percent: return numbers.percent(v, decimals: d)
        case .sek: return numbers.kronor(v)
        case .count: return numbers.decimal(v, decimals: d)
        default: return numbers.decimal(v, decimals: d)
        }
    }
}
