/// Welch's unequal-variance t test of pilot − comparison, as
/// `scipy.stats.ttest_ind(equal_var=False)`, with the CI of the mean difference on
/// the Welch–Satterthwaite degrees of freedom (Welch 1947):
///
///   se² = v₁/n₁ + v₂/n₂,  t = (m₁ − m₂)/se,
///   df = se⁴ / ((v₁/n₁)²/(n₁ − 1) + (v₂/n₂)²/(n₂ − 1)).
public struct WelchTest: Sendable, Equatable {
    public let test: TestResult
    /// m₁ − m₂ with its CI.
    public let difference: Estimate

    public init(_ x: [Double], _ y: [Double], confidence: Double = 0.95) {
        // Moments of data scaled by a common power of two (1 for ordinary data), so
        // values near 1e300 or 1e-300 keep their variances; t, df, p and g do not
        // depend on the unit, and the difference is scaled back (Summation.scale).
        let fx = finiteValues(x), fy = finiteValues(y)
        let scale = Summation.scale(fx + fy)
        let a = SampleMoments(fx, scale: scale), b = SampleMoments(fy, scale: scale)
        guard let va = a.variance, let vb = b.variance else {
            let why = "each group needs at least two values"
            test = TestResult(undefined: why, hasDf: true)
            difference = a.n > 0 && b.n > 0
                ? Estimate(estimate: Figure((a.mean - b.mean) / scale), ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
                : Estimate(undefined: "a group has no values")
            return
        }
        let diff = a.mean - b.mean
        let ea = va / a.nd, eb = vb / b.nd
        let se2 = ea + eb
        guard se2 > 0 else {
            let why = "both groups have zero variance"
            test = TestResult(undefined: why, hasDf: true)
            difference = Estimate(estimate: Figure(diff / scale), ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
            return
        }
        let se = se2.squareRoot()
        let df = se2 * se2 / (ea * ea / (a.nd - 1) + eb * eb / (b.nd - 1))
        let t = diff / se
        let dist = StudentT(df: df)
        test = TestResult(statistic: Figure(t), df: Figure(df), p: Figure(dist.twoSidedP(t)))
        let half = dist.quantile(1 - (1 - confidence) / 2) * se
        difference = Estimate(estimate: Figure(diff / scale), ciLow: Figure((diff - half) / scale),
                              ciHigh: Figure((diff + half) / scale))
    }
}
