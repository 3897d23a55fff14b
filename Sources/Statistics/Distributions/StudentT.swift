import CGSL

/// Student's t distribution with `df` degrees of freedom (df may be fractional, as
/// with Welch–Satterthwaite).
public struct StudentT: ContinuousDistribution {
    public let df: Double

    public init(df: Double) {
        _ = GSL.ready
        self.df = df
    }

    public var support: ClosedRange<Double> { -Double.infinity ... Double.infinity }
    public func cdf(_ x: Double) -> Double { gsl_cdf_tdist_P(x, df) }
    public func sf(_ x: Double) -> Double { gsl_cdf_tdist_Q(x, df) }
    public func rawQuantile(_ p: Double) -> Double { gsl_cdf_tdist_Pinv(p, df) }
    public func rawUpperQuantile(_ q: Double) -> Double { gsl_cdf_tdist_Qinv(q, df) }

    /// Two-sided p-value 2·P(T > |t|), as scipy's `ttest_*` report it.
    public func twoSidedP(_ t: Double) -> Double {
        min(1, 2 * sf(abs(t)))
    }
}
