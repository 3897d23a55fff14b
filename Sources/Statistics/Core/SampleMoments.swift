/// n, mean and sample variance (n − 1) of one group, computed once and shared by the
/// t tests, effect sizes and ANOVA. NaN values must be removed by the caller.
///
/// With `scale` (a power of two, `Summation.scale` of every group compared) the moments
/// are those of the scaled data: statistics that do not depend on the unit (t, df, p,
/// Hedges' g) are then right for data near 1e300 or 1e-300, whose variances are not
/// representable; the caller divides location and spread back by `scale`.
struct SampleMoments: Sendable {
    let n: Int
    let mean: Double
    /// nil when n < 2.
    let variance: Double?

    init(_ xs: [Double], scale: Double = 1) {
        let data = scale == 1 ? xs : xs.map { $0 * scale }
        n = data.count
        mean = Summation.mean(data) ?? .nan
        variance = Summation.variance(data)
    }

    var nd: Double { Double(n) }
}

/// Drops the missing values (NaN, ±infinity) that the tests cannot use.
func finiteValues(_ xs: [Double]) -> [Double] { xs.filter { $0.isFinite } }
