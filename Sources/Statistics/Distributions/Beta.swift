import CGSL

/// The beta distribution (used for Clopper–Pearson intervals).
public struct Beta: ContinuousDistribution {
    public let a: Double
    public let b: Double

    public init(a: Double, b: Double) {
        _ = GSL.ready
        self.a = a
        self.b = b
    }

    public var support: ClosedRange<Double> { 0 ... 1 }
    public func cdf(_ x: Double) -> Double { gsl_cdf_beta_P(x, a, b) }
    public func sf(_ x: Double) -> Double { gsl_cdf_beta_Q(x, a, b) }
    public func rawQuantile(_ p: Double) -> Double { gsl_cdf_beta_Pinv(p, a, b) }
    public func rawUpperQuantile(_ q: Double) -> Double { gsl_cdf_beta_Qinv(q, a, b) }
}
