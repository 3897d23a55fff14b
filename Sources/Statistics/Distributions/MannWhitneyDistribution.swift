import CGSL

/// The exact null distribution of the Mann–Whitney U statistic for group sizes m
/// and n without ties.
///
/// The number of arrangements with U = u is the coefficient of qᵘ in the Gaussian
/// binomial coefficient [m + n choose m]_q = Π_{i=1}^{m} (1 − q^{n+i}) / (1 − q^i)
/// (Mann & Whitney 1947; Andrews, "The Theory of Partitions", 1976, §3.3). We build
/// it factor by factor, truncated at the largest u needed; after every factor the
/// polynomial is again a Gaussian binomial with non-negative coefficients, so the
/// recursion stays well conditioned. This is the distribution scipy's
/// `mannwhitneyu(method='exact')` uses.
public struct MannWhitneyDistribution: Sendable {
    public let m: Int
    public let n: Int
    /// counts[u] for u = 0...maxU
    private let counts: [Double]
    private let total: Double

    /// Prepares P(U ≤ u) for u up to `maxU` (default: the whole support).
    public init(m: Int, n: Int, maxU: Int? = nil) {
        _ = GSL.ready
        self.m = m
        self.n = n
        let small = Swift.min(m, n), large = Swift.max(m, n)
        let top = Swift.min(maxU ?? small * large, small * large)
        var c = [Double](repeating: 0, count: top + 1)
        c[0] = 1
        if small > 0 {
            for i in 1...small {
                let drop = large + i
                if drop <= top {
                    for u in stride(from: top, through: drop, by: -1) { c[u] -= c[u - drop] }
                }
                if i <= top {
                    for u in i...top { c[u] += c[u - i] }
                }
            }
        }
        counts = c
        total = gsl_sf_choose(UInt32(m + n), UInt32(small))
    }

    /// P(U ≤ u) for an integer u.
    public func cdf(_ u: Int) -> Double {
        if u < 0 { return 0 }
        if u >= m * n { return 1 }
        precondition(u < counts.count, "cdf beyond the prepared range")
        return Summation.sum(counts[0...u]) / total
    }

    /// The smallest u with P(U ≤ u) ≥ p (R's `qwilcox`).
    public func quantile(_ p: Double) -> Int {
        var cumulative = 0.0
        for u in 0..<counts.count {
            cumulative += counts[u]
            // R's qwilcox uses a fuzz of 1e-7 relative (p·(1 − 1e-7)) against
            // floating-point ties; we do the same.
            if cumulative / total >= p * (1 - 1e-7) { return u }
        }
        return m * n
    }
}
