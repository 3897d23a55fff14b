/// Paired t test of x − y, as `scipy.stats.ttest_rel` (a one-sample t test of the
/// differences): t = d̄/(s_d/√n), df = n − 1; with the t CI of the mean difference.
public struct PairedTTest: Sendable, Equatable {
    public let test: TestResult
    public let difference: Estimate
    /// Pairs used.
    public let n: Int

    public init(_ x: [Double], _ y: [Double], confidence: Double = 0.95) {
        guard let d = pairedDifferences(x, y) else {
            let why = "the two samples differ in length, so they cannot be paired"
            test = TestResult(undefined: why, hasDf: true); difference = Estimate(undefined: why); n = 0
            return
        }
        n = d.count
        let m = SampleMoments(d)
        guard let v = m.variance else {
            let why = "needs at least two complete pairs"
            test = TestResult(undefined: why, hasDf: true)
            difference = d.isEmpty ? Estimate(undefined: why)
                : Estimate(estimate: Figure(m.mean), ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
            return
        }
        guard v > 0 else {
            let why = "every difference is the same"
            test = TestResult(undefined: why, hasDf: true)
            difference = Estimate(estimate: Figure(m.mean), ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
            return
        }
        let se = (v / m.nd).squareRoot()
        let t = m.mean / se
        let dist = StudentT(df: m.nd - 1)
        test = TestResult(statistic: Figure(t), df: Figure(m.nd - 1), p: Figure(dist.twoSidedP(t)))
        let half = dist.quantile(1 - (1 - confidence) / 2) * se
        difference = Estimate(estimate: Figure(m.mean), ciLow: Figure(m.mean - half), ciHigh: Figure(m.mean + half))
    }
}
