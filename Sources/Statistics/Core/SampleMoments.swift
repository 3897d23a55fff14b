/// n, mean and sample variance (n − 1) of one group, computed once and shared by the
/// t tests, effect sizes and ANOVA. NaN values must be removed by the caller.
struct SampleMoments: Sendable {
    let n: Int
    let mean: Double
    /// nil when n < 2.
    let variance: Double?

    init(_ xs: [Double]) {
        n = xs.count
        mean = Summation.mean(xs) ?? .nan
        variance = Summation.variance(xs)
    }

    var nd: Double { Double(n) }
}

/// Drops the missing values (NaN, ±infinity) that the tests cannot use.
func finiteValues(_ xs: [Double]) -> [Double] { xs.filter { $0.isFinite } }
