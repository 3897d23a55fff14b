import CGSL

/// The F distribution with `df1` and `df2` degrees of freedom.
public struct FisherF: ContinuousDistribution {
    public let df1: Double
    public let df2: Double

    public init(df1: Double, df2: Double) {
        _ = GSL.ready
        self.df1 = df1
        self.df2 = df2
    }

    public var support: ClosedRange<Double> { 0 ... Double.infinity }
    public func cdf(_ x: Double) -> Double { gsl_cdf_fdist_P(x, df1, df2) }
    public func sf(_ x: Double) -> Double { gsl_cdf_fdist_Q(x, df1, df2) }
    public func rawQuantile(_ p: Double) -> Double { gsl_cdf_fdist_Pinv(p, df1, df2) }
    public func rawUpperQuantile(_ q: Double) -> Double { gsl_cdf_fdist_Qinv(q, df1, df2) }
}
