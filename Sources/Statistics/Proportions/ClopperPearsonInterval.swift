/// Clopper–Pearson ("exact") interval for one proportion, as statsmodels
/// `proportion_confint(k, n, method='beta')`:
///
///   low = B⁻¹(α/2; k, n − k + 1), high = B⁻¹(1 − α/2; k + 1, n − k),
///
/// with low = 0 at k = 0 and high = 1 at k = n. Beta quantiles go through the guarded
/// inverse (`ContinuousDistribution.quantile`).
public enum ClopperPearsonInterval {
    public static func compute(events k: Int, trials n: Int, confidence: Double = 0.95) -> Estimate {
        guard n > 0 else { return Estimate(undefined: "no observations") }
        guard k >= 0, k <= n else { return Estimate(undefined: "events outside 0…n") }
        let alpha = 1 - confidence
        let kd = Double(k), nd = Double(n)
        let low = k == 0 ? 0 : Beta(a: kd, b: nd - kd + 1).quantile(alpha / 2)
        let high = k == n ? 1 : Beta(a: kd + 1, b: nd - kd).upperQuantile(alpha / 2)
        return Estimate(estimate: Figure(kd / nd),
                        ciLow: Figure(low, orUndefined: "beta quantile failed"),
                        ciHigh: Figure(high, orUndefined: "beta quantile failed"))
    }
}
