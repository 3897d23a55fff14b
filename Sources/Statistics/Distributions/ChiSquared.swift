import CGSL

/// The chi-square distribution with `df` degrees of freedom.
public struct ChiSquared: ContinuousDistribution {
    public let df: Double

    public init(df: Double) {
        _ = GSL.ready
        self.df = df
    }

    public var support: ClosedRange<Double> { 0 ... Double.infinity }
    public func cdf(_ x: Double) -> Double { gsl_cdf_chisq_P(x, df) }
    public func sf(_ x: Double) -> Double { gsl_cdf_chisq_Q(x, df) }
    public func rawQuantile(_ p: Double) -> Double { gsl_cdf_chisq_Pinv(p, df) }
    public func rawUpperQuantile(_ q: Double) -> Double { gsl_cdf_chisq_Qinv(q, df) }
}
