import Foundation

/// Odds ratio (a·d)/(b·c) (pilot odds / comparison odds) with Woolf's log-scale Wald
/// interval (Woolf 1955):  exp(log OR ± z·√(1/a + 1/b + 1/c + 1/d)).
///
/// When any cell is zero, 0.5 is added to all four cells for both the estimate and
/// the interval; when neither group has an event the ratio is undefined.
public enum OddsRatio {
    public static func compute(_ t: TwoByTwoTable, confidence: Double = 0.95) -> Estimate {
        guard t.isValid else { return Estimate(undefined: "events outside 0…n") }
        guard t.a + t.b > 0, t.c + t.d > 0 else { return Estimate(undefined: "a group has no observations") }
        guard t.a + t.c > 0 else { return Estimate(undefined: "neither group has any event") }
        let (a, b, c, d, _) = t.cellsForLogRatios()
        let logOR = log(a) + log(d) - log(b) - log(c)
        let se = (1 / a + 1 / b + 1 / c + 1 / d).squareRoot()
        let z = Normal.standard.quantile(1 - (1 - confidence) / 2)
        return Estimate(estimate: Figure(exp(logOR)),
                        ciLow: Figure(exp(logOR - z * se)), ciHigh: Figure(exp(logOR + z * se)))
    }
}
