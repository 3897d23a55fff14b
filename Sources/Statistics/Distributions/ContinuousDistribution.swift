/// A continuous distribution with a CDF, survival function and guarded quantiles.
///
/// GSL's inverse CDFs can fail silently at large degrees of freedom
/// (`gsl_cdf_chisq_Pinv(0.975, 1e5)` and `gsl_cdf_fdist_Qinv(0.975, 99999, 699993)`
/// return NaN without an error code). Every quantile here goes through
/// `guardedQuantile`, which checks GSL's answer against the forward CDF and falls
/// back to Brent root-finding on it when the answer is missing or inaccurate.
public protocol ContinuousDistribution: Sendable {
    /// P(X ≤ x)
    func cdf(_ x: Double) -> Double
    /// P(X > x), computed directly (not 1 − cdf) for accuracy in the upper tail.
    func sf(_ x: Double) -> Double
    /// The support, for bracketing the root-finding fallback.
    var support: ClosedRange<Double> { get }
    /// GSL's lower-tail inverse (may be NaN or inaccurate).
    func rawQuantile(_ p: Double) -> Double
    /// GSL's upper-tail inverse (may be NaN or inaccurate).
    func rawUpperQuantile(_ q: Double) -> Double
}

extension ContinuousDistribution {
    /// x with P(X ≤ x) = p.
    public func quantile(_ p: Double) -> Double {
        guardedQuantile(p, upper: false)
    }

    /// x with P(X > x) = q (the inverse survival function, scipy's `isf`).
    public func upperQuantile(_ q: Double) -> Double {
        guardedQuantile(q, upper: true)
    }

    func guardedQuantile(_ p: Double, upper: Bool) -> Double {
        _ = GSL.ready
        guard p.isFinite, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return upper ? support.upperBound : support.lowerBound }
        if p == 1 { return upper ? support.lowerBound : support.upperBound }
        let raw = upper ? rawUpperQuantile(p) : rawQuantile(p)
        if raw.isFinite && quantileIsAccurate(raw, p: p, upper: upper) {
            return raw
        }
        return invertCDF(probability: p, upper: upper, cdf: cdf, sf: sf,
                         guess: raw.isFinite ? raw : 1, support: support) ?? .nan
    }

    /// Checks a candidate quantile in the tail where the probability is small, to a
    /// relative 1e-12 in probability.
    func quantileIsAccurate(_ x: Double, p: Double, upper: Bool) -> Bool {
        let lowerP = upper ? 1 - p : p
        let achieved: Double, wanted: Double
        if lowerP <= 0.5 {
            achieved = cdf(x); wanted = upper ? 1 - p : p
        } else {
            achieved = sf(x); wanted = upper ? p : 1 - p
        }
        guard achieved.isFinite, wanted > 0 else { return false }
        return abs(achieved - wanted) <= 1e-12 * wanted
    }
}
