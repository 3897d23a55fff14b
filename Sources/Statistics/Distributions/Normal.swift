import CGSL

/// The normal distribution with mean `mean` and standard deviation `sd`.
public struct Normal: ContinuousDistribution {
    public let mean: Double
    public let sd: Double

    public init(mean: Double = 0, sd: Double = 1) {
        _ = GSL.ready
        self.mean = mean
        self.sd = sd
    }

    public static let standard = Normal()

    public var support: ClosedRange<Double> { -Double.infinity ... Double.infinity }
    public func cdf(_ x: Double) -> Double { gsl_cdf_gaussian_P(x - mean, sd) }
    public func sf(_ x: Double) -> Double { gsl_cdf_gaussian_Q(x - mean, sd) }
    public func rawQuantile(_ p: Double) -> Double { mean + gsl_cdf_gaussian_Pinv(p, sd) }
    public func rawUpperQuantile(_ q: Double) -> Double { mean + gsl_cdf_gaussian_Qinv(q, sd) }

    public func pdf(_ x: Double) -> Double { gsl_ran_gaussian_pdf(x - mean, sd) }

    /// Two-sided p-value of a standard normal statistic z: 2·Q(|z|).
    public static func twoSidedP(_ z: Double) -> Double {
        _ = GSL.ready
        return min(1, 2 * gsl_cdf_ugaussian_Q(abs(z)))
    }
}
