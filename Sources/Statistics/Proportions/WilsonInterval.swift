/// Wilson score interval for one proportion (Wilson 1927), exactly as statsmodels
/// `proportion_confint(k, n, method='wilson')`:
///
///   center = (p̂ + z²/2n)/(1 + z²/n),  half = z·√(p̂(1 − p̂)/n + z²/4n²)/(1 + z²/n),
///
/// clipped to [0, 1], and exactly 0 at k = 0 and 1 at k = n (where the formula gives
/// those values up to rounding).
public enum WilsonInterval {
    public static func compute(events k: Int, trials n: Int, confidence: Double = 0.95) -> Estimate {
        guard n > 0 else { return Estimate(undefined: "no observations") }
        guard k >= 0, k <= n else { return Estimate(undefined: "events outside 0…n") }
        let nd = Double(n)
        let p = Double(k) / nd
        let z = Normal.standard.quantile(1 - (1 - confidence) / 2)
        let z2 = z * z
        let denominator = 1 + z2 / nd
        let center = (p + z2 / (2 * nd)) / denominator
        let half = z * (p * (1 - p) / nd + z2 / (4 * nd * nd)).squareRoot() / denominator
        let low = k == 0 ? 0 : min(max(center - half, 0), 1)
        let high = k == n ? 1 : min(max(center + half, 0), 1)
        return Estimate(estimate: Figure(p), ciLow: Figure(low), ciHigh: Figure(high))
    }
}
