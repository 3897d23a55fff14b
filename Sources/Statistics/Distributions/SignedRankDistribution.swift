/// The exact null distribution of the Wilcoxon signed-rank statistic T⁺ for n
/// untied, non-zero differences: the number of sign patterns with T⁺ = t is the
/// coefficient of qᵗ in Π_{i=1}^{n} (1 + qⁱ), out of 2ⁿ patterns.
public struct SignedRankDistribution: Sendable {
    public let n: Int
    private let counts: [Double]
    private let total: Double

    public init(n: Int) {
        self.n = n
        let top = n * (n + 1) / 2
        var c = [Double](repeating: 0, count: top + 1)
        c[0] = 1
        var reach = 0
        if n > 0 {
            for i in 1...n {
                reach += i
                for t in stride(from: reach, through: i, by: -1) { c[t] += c[t - i] }
            }
        }
        counts = c
        var twoToN = 1.0
        for _ in 0..<n { twoToN *= 2 }
        total = twoToN
    }

    /// P(T⁺ ≤ t)
    public func cdf(_ t: Int) -> Double {
        if t < 0 { return 0 }
        if t >= counts.count - 1 { return 1 }
        return Summation.sum(counts[0...t]) / total
    }

    /// P(T⁺ ≥ t)
    public func sf(_ t: Int) -> Double {
        if t <= 0 { return 1 }
        if t >= counts.count { return 0 }
        return Summation.sum(counts[t...]) / total
    }
}
