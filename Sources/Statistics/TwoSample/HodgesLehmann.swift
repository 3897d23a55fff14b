/// Hodges–Lehmann estimate of the shift pilot − comparison with the distribution-free
/// confidence interval of Moses (in Hollander, Wolfe & Chicken 2014, "Nonparametric
/// Statistical Methods", §4.3): order statistics of the n₁n₂ pairwise differences
/// D₍₁₎ ≤ … ≤ D₍ₙ₁ₙ₂₎.
///
/// - Estimate: the median of the pairwise differences (numpy `median`).
/// - CI = [D₍c₎, D₍ₙ₁ₙ₂₊₁₋c₎] where c is
///   - with the exact U distribution (no ties, a group with ≤ 8 values — the same rule
///     as the Mann–Whitney p): c = qwilcox(α/2, n₁, n₂), at least 1. This is exactly
///     R's `wilcox.test(conf.int = TRUE)` in its exact branch.
///   - otherwise: c = ⌊n₁n₂/2 − z₁₋α/₂·σ⌋, at least 1, with the tie-corrected σ of the
///     Mann–Whitney normal approximation. R's asymptotic branch instead inverts the
///     continuity-corrected z by root finding and can return a value between two
///     differences; we keep the order-statistic form (Hollander–Wolfe's large-sample
///     approximation), which is a pairwise difference and never narrower than it
///     should be by more than one step.
public struct HodgesLehmann: Sendable, Equatable {
    public let shift: Estimate
    /// The rank c of the lower bound (for reports that show how the CI was formed).
    public let lowerRank: Int?
    public let method: PValueMethod?

    public init(_ x: [Double], _ y: [Double], confidence: Double = 0.95) {
        let a = finiteValues(x), b = finiteValues(y)
        guard !a.isEmpty, !b.isEmpty else {
            shift = Estimate(undefined: "a group has no values"); lowerRank = nil; method = nil
            return
        }
        let diffs = PairwiseDifferences(a, b)
        let mn = diffs.count
        let estimate = Figure(diffs.median)
        let alpha = 1 - confidence
        let ranking = Ranking(a + b)
        var c: Int
        if !(a.count > 8 && b.count > 8) && !ranking.hasTies {
            method = .exact
            let dist = MannWhitneyDistribution(m: a.count, n: b.count, maxU: mn / 2 + 1)
            c = dist.quantile(alpha / 2)
        } else {
            method = .asymptotic
            let n1 = Double(a.count), n2 = Double(b.count), nn = n1 + n2
            let variance = n1 * n2 / 12 * ((nn + 1) - ranking.tieTerm / (nn * (nn - 1)))
            guard variance > 0 else {
                let why = "all values are tied"
                shift = Estimate(estimate: estimate, ciLow: Figure(undefined: why), ciHigh: Figure(undefined: why))
                lowerRank = nil
                return
            }
            let z = Normal.standard.quantile(1 - alpha / 2)
            c = Int((n1 * n2 / 2 - z * variance.squareRoot()).rounded(.down))
        }
        c = Swift.max(1, Swift.min(c, (mn + 1) / 2))
        lowerRank = c
        shift = Estimate(estimate: estimate,
                         ciLow: Figure(diffs.kthSmallest(c)),
                         ciHigh: Figure(diffs.kthSmallest(mn + 1 - c)))
    }
}
