import CGSL

/// The binomial distribution with `n` trials and success probability `p`.
public struct Binomial: Sendable {
    public let n: Int
    public let p: Double

    public init(n: Int, p: Double) {
        _ = GSL.ready
        self.n = n
        self.p = p
    }

    public func pmf(_ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        return gsl_ran_binomial_pdf(UInt32(k), p, UInt32(n))
    }

    /// P(X ≤ k)
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= n { return 1 }
        return gsl_cdf_binomial_P(UInt32(k), p, UInt32(n))
    }

    /// The smallest k with P(X ≤ k) ≥ q, as R's `qbinom` (used by the Anhøj
    /// crossings rule: crossings < qbinom(0.05, n − 1, 0.5) signals).
    public func quantile(_ q: Double) -> Int {
        guard q > 0 else { return 0 }
        // R's qbinom applies a fuzz of 64·DBL_EPSILON so that exact probabilities
        // land on the right integer.
        let target = q * (1 - 64 * Double.ulpOfOne)
        var cumulative = 0.0
        for k in 0...n {
            cumulative += pmf(k)
            if cumulative >= target { return k }
        }
        return n
    }
}
