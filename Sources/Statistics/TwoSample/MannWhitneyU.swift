/// Mann–Whitney U test, exactly as `scipy.stats.mannwhitneyu(x, y,
/// use_continuity=True, alternative='two-sided', method='auto')`:
///
/// - U₁ = R₁ − n₁(n₁ + 1)/2 with average ranks, reported for the first (pilot) group.
/// - `exact` when there are no ties and at least one group has ≤ 8 values:
///   p = 2·P(U ≤ n₁n₂ − max(U₁, U₂)), capped at 1.
/// - otherwise `asymptotic`: z = (max(U₁, U₂) − n₁n₂/2 − 0.5)/σ with the tie-corrected
///   σ² = n₁n₂/12·((N + 1) − Σ(t³ − t)/(N(N − 1))), p = 2·(1 − Φ(z)), capped at 1.
public struct MannWhitneyU: Sendable, Equatable {
    /// U of the first group.
    public let u: Figure
    public let p: Figure
    public let method: PValueMethod?

    public init(_ x: [Double], _ y: [Double]) {
        let a = finiteValues(x), b = finiteValues(y)
        guard !a.isEmpty, !b.isEmpty else {
            let why = "a group has no values"
            u = Figure(undefined: why); p = Figure(undefined: why); method = nil
            return
        }
        let n1 = Double(a.count), n2 = Double(b.count)
        let ranking = Ranking(a + b)
        let r1 = Summation.sum(ranking.ranks[0..<a.count])
        let u1 = r1 - n1 * (n1 + 1) / 2
        let u2 = n1 * n2 - u1
        let big = Swift.max(u1, u2)
        u = Figure(u1)
        if !(a.count > 8 && b.count > 8) && !ranking.hasTies {
            method = .exact
            let k = Int((n1 * n2 - big).rounded())
            let dist = MannWhitneyDistribution(m: a.count, n: b.count, maxU: k)
            p = Figure(Swift.min(1, 2 * dist.cdf(k)))
            return
        }
        method = .asymptotic
        let nn = n1 + n2
        let variance = n1 * n2 / 12 * ((nn + 1) - ranking.tieTerm / (nn * (nn - 1)))
        guard variance > 0 else {
            p = Figure(undefined: "all values are tied")
            return
        }
        let z = (big - n1 * n2 / 2 - 0.5) / variance.squareRoot()
        p = Figure(Swift.min(1, 2 * Normal.standard.sf(z)))
    }
}
