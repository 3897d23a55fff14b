/// Nonparametric bootstrap confidence intervals (Efron & Tibshirani 1993) drawn with
/// GSL's mt19937 from an explicit seed. The numbers are reproducible for a seed but do
/// not equal `scipy.stats.bootstrap`'s (a different generator draws other resamples);
/// the interval formulas are scipy's (see `percentileInterval`, `bcaInterval`).
public enum Bootstrap {
    /// Bootstrap of a statistic of one sample (`nil`: the mean).
    public static func oneSample(
        _ x: [Double], statistic givenStatistic: (([Double]) -> Double)? = nil,
        resamples: Int = 9999, confidence: Double = 0.95, seed: UInt
    ) -> BootstrapResult {
        let statistic = givenStatistic ?? ResamplingMath.mean
        let data = x.filter { $0.isFinite }
        let dropped = x.count - data.count
        guard data.count >= 2 else {
            return .undefined("the bootstrap needs at least 2 values (there are \(data.count))",
                              resamples: resamples, seed: seed, confidence: confidence)
        }
        guard resamples >= 1 else {
            return .undefined("the number of resamples must be at least 1", resamples: resamples, seed: seed, confidence: confidence)
        }
        let rng = ResamplingRandom(seed: seed)
        let n = data.count
        var buffer = [Double](repeating: 0, count: n)
        var replicates = [Double](repeating: 0, count: resamples)
        for b in 0..<resamples {
            for i in 0..<n { buffer[i] = data[rng.index(below: n)] }
            replicates[b] = statistic(buffer)
        }
        let jack = (0..<n).map { i -> Double in
            var y = data; y.remove(at: i); return statistic(y)
        }
        return BootstrapResult(estimate: statistic(data), replicates: replicates, jackknife: [jack],
                               confidence: confidence, seed: seed,
                               notes: dropped > 0 ? ["\(dropped) missing or non-finite value(s) were left out"] : [])
    }

    /// Bootstrap of the difference of means, pilot − comparison, resampling each group
    /// separately (Efron & Tibshirani 1993 §8.3).
    public static func differenceOfMeans(
        pilot: [Double], comparison: [Double],
        resamples: Int = 9999, confidence: Double = 0.95, seed: UInt
    ) -> BootstrapResult {
        let a = pilot.filter { $0.isFinite }, c = comparison.filter { $0.isFinite }
        let dropped = pilot.count + comparison.count - a.count - c.count
        guard a.count >= 2, c.count >= 2 else {
            return .undefined("each group needs at least 2 values (pilot \(a.count), comparison \(c.count))",
                              resamples: resamples, seed: seed, confidence: confidence)
        }
        guard resamples >= 1 else {
            return .undefined("the number of resamples must be at least 1", resamples: resamples, seed: seed, confidence: confidence)
        }
        let rng = ResamplingRandom(seed: seed)
        var replicates = [Double](repeating: 0, count: resamples)
        var bufA = [Double](repeating: 0, count: a.count), bufC = [Double](repeating: 0, count: c.count)
        for b in 0..<resamples {
            for i in 0..<a.count { bufA[i] = a[rng.index(below: a.count)] }
            for i in 0..<c.count { bufC[i] = c[rng.index(below: c.count)] }
            replicates[b] = ResamplingMath.mean(bufA) - ResamplingMath.mean(bufC)
        }
        let meanA = ResamplingMath.mean(a), meanC = ResamplingMath.mean(c)
        let jackA = (0..<a.count).map { i -> Double in var y = a; y.remove(at: i); return ResamplingMath.mean(y) - meanC }
        let jackC = (0..<c.count).map { i -> Double in var y = c; y.remove(at: i); return meanA - ResamplingMath.mean(y) }
        return BootstrapResult(estimate: meanA - meanC, replicates: replicates, jackknife: [jackA, jackC],
                               confidence: confidence, seed: seed,
                               notes: dropped > 0 ? ["\(dropped) missing or non-finite value(s) were left out"] : [])
    }
}

/// A bootstrap result: the estimate on the data, both intervals, and how it was drawn.
public struct BootstrapResult: Sendable, Equatable {
    public let estimate: Figure
    /// Standard deviation of the replicates (n − 1).
    public let standardError: Figure
    public let percentile: BootstrapInterval
    public let bca: BootstrapInterval
    public let resamples: Int
    public let seed: UInt
    /// The bootstrap replicates, in the order drawn (for plots and re-analysis).
    public let replicates: [Double]
    public let notes: [String]

    init(estimate: Double, replicates: [Double], jackknife: [[Double]], confidence: Double, seed: UInt, notes: [String]) {
        self.estimate = Figure(estimate, orUndefined: "the statistic is undefined on the data")
        self.standardError = Figure(ResamplingMath.variance(replicates.filter { $0.isFinite }).squareRoot(),
                                    orUndefined: "fewer than 2 finite replicates")
        self.percentile = Bootstrap.percentileInterval(replicates: replicates, confidence: confidence)
        self.bca = Bootstrap.bcaInterval(replicates: replicates, estimate: estimate, jackknife: jackknife, confidence: confidence)
        self.resamples = replicates.count
        self.seed = seed
        self.replicates = replicates
        var n = notes
        let nonFinite = replicates.filter { !$0.isFinite }.count
        if nonFinite > 0 { n.append("\(nonFinite) replicate(s) gave an undefined statistic and were left out of the intervals") }
        self.notes = n
    }

    private init(reason: String, resamples: Int, seed: UInt, confidence: Double) {
        let u = Figure(undefined: reason)
        estimate = u; standardError = u
        percentile = BootstrapInterval(method: .percentile, confidence: confidence, low: u, high: u, biasCorrection: u, acceleration: u, levels: nil)
        bca = BootstrapInterval(method: .bca, confidence: confidence, low: u, high: u, biasCorrection: u, acceleration: u, levels: nil)
        self.resamples = resamples; self.seed = seed; replicates = []; notes = [reason]
    }

    static func undefined(_ reason: String, resamples: Int, seed: UInt, confidence: Double) -> BootstrapResult {
        BootstrapResult(reason: reason, resamples: resamples, seed: seed, confidence: confidence)
    }
}
