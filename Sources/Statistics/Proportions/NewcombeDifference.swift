/// Difference of two independent proportions p₁ − p₂ with Newcombe's hybrid score
/// interval (Newcombe 1998, method 10), as statsmodels
/// `confint_proportions_2indep(k1, n1, k2, n2, method='newcomb', compare='diff')`:
///
///   low = d − √((p₁ − l₁)² + (u₂ − p₂)²),  high = d + √((u₁ − p₁)² + (p₂ − l₂)²),
///
/// where (lᵢ, uᵢ) are the Wilson intervals of each proportion.
public enum NewcombeDifference {
    public static func compute(events1: Int, trials1: Int, events2: Int, trials2: Int,
                               confidence: Double = 0.95) -> Estimate {
        guard trials1 > 0, trials2 > 0 else { return Estimate(undefined: "a group has no observations") }
        let w1 = WilsonInterval.compute(events: events1, trials: trials1, confidence: confidence)
        let w2 = WilsonInterval.compute(events: events2, trials: trials2, confidence: confidence)
        guard let p1 = w1.estimate.value, let l1 = w1.ciLow.value, let u1 = w1.ciHigh.value,
              let p2 = w2.estimate.value, let l2 = w2.ciLow.value, let u2 = w2.ciHigh.value
        else { return Estimate(undefined: "events outside 0…n") }
        let d = p1 - p2
        let dLow = ((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)).squareRoot()
        let dHigh = ((p2 - l2) * (p2 - l2) + (u1 - p1) * (u1 - p1)).squareRoot()
        return Estimate(estimate: Figure(d), ciLow: Figure(d - dLow), ciHigh: Figure(d + dHigh))
    }
}
