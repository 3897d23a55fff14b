/// Student's pooled-variance t test of pilot − comparison, as
/// `scipy.stats.ttest_ind(equal_var=True)`:
///
///   s²ₚ = ((n₁ − 1)v₁ + (n₂ − 1)v₂)/(n₁ + n₂ − 2),  t = (m₁ − m₂)/(sₚ·√(1/n₁ + 1/n₂)),
///   df = n₁ + n₂ − 2.
public struct StudentTest: Sendable, Equatable {
    public let test: TestResult
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
            difference = Estimate(undefined: why)
            return
        }
        let diff = a.mean - b.mean
        let df = a.nd + b.nd - 2
        let pooled = ((a.nd - 1) * va + (b.nd - 1) * vb) / df
        guard pooled > 0 else {
            let why = "both groups have zero variance"
            test = TestResult(undefined: why, hasDf: true)
            difference = Estimate(estimate: Figure(diff / scale), ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
            return
        }
        let se = (pooled * (1 / a.nd + 1 / b.nd)).squareRoot()
        let t = diff / se
        let dist = StudentT(df: df)
        test = TestResult(statistic: Figure(t), df: Figure(df), p: Figure(dist.twoSidedP(t)))
        let half = dist.quantile(1 - (1 - confidence) / 2) * se
        difference = Estimate(estimate: Figure(diff / scale), ciLow: Figure((diff - half) / scale),
                              ciHigh: Figure((diff + half) / scale))
    }
}
