import Foundation

/// Risk ratio p₁/p₂ (pilot / comparison) with the log-scale Wald interval
/// (Katz et al. 1978):  exp(log RR ± z·√(1/a − 1/n₁ + 1/c − 1/n₂)).
///
/// When any cell is zero, 0.5 is added to all four cells (so n grows by 1) for both
/// the estimate and the interval; when neither group has an event the ratio says
/// nothing and is undefined.
public enum RiskRatio {
    public static func compute(_ t: TwoByTwoTable, confidence: Double = 0.95) -> Estimate {
        guard t.isValid else { return Estimate(undefined: "events outside 0…n") }
        guard t.a + t.b > 0, t.c + t.d > 0 else { return Estimate(undefined: "a group has no observations") }
        guard t.a + t.c > 0 else { return Estimate(undefined: "neither group has any event") }
        let (a, b, c, d, _) = t.cellsForLogRatios()
        let n1 = a + b, n2 = c + d
        let logRR = log(a / n1) - log(c / n2)
        let se = (1 / a - 1 / n1 + 1 / c - 1 / n2).squareRoot()
        let z = Normal.standard.quantile(1 - (1 - confidence) / 2)
        return Estimate(estimate: Figure(exp(logRR)),
                        ciLow: Figure(exp(logRR - z * se)), ciHigh: Figure(exp(logRR + z * se)))
    }
}
