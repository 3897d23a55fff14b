/// Hedges' g for pilot − comparison with the CI that DESIGN §4 fixes (Hedges & Olkin
/// 1985, eq. 5.15's large-sample variance, with the variance evaluated at g):
///
///   d = (m₁ − m₂)/sₚ (pooled SD, n − 1 denominators),
///   J = 1 − 3/(4(n₁ + n₂) − 9),  g = J·d,
///   CI = g ± z₀.₉₇₅·√((n₁ + n₂)/(n₁n₂) + g²/(2(n₁ + n₂))).
public struct HedgesG: Sendable, Equatable {
    public let g: Estimate

    public init(_ x: [Double], _ y: [Double], confidence: Double = 0.95) {
        // Moments of data scaled by a common power of two (1 for ordinary data), so
        // values near 1e300 or 1e-300 keep their variances; t, df, p and g do not
        // depend on the unit, and the difference is scaled back (Summation.scale).
        let fx = finiteValues(x), fy = finiteValues(y)
        let scale = Summation.scale(fx + fy)
        let a = SampleMoments(fx, scale: scale), b = SampleMoments(fy, scale: scale)
        guard let va = a.variance, let vb = b.variance else {
            g = Estimate(undefined: "each group needs at least two values")
            return
        }
        let pooled = ((a.nd - 1) * va + (b.nd - 1) * vb) / (a.nd + b.nd - 2)
        guard pooled > 0 else {
            g = Estimate(undefined: "both groups have zero variance")
            return
        }
        let d = (a.mean - b.mean) / pooled.squareRoot()
        let n = a.nd + b.nd
        let j = 1 - 3 / (4 * n - 9)
        let gv = j * d
        let se = (n / (a.nd * b.nd) + gv * gv / (2 * n)).squareRoot()
        let z = Normal.standard.quantile(1 - (1 - confidence) / 2)
        g = Estimate(estimate: Figure(gv), ciLow: Figure(gv - z * se), ciHigh: Figure(gv + z * se))
    }
}
