import Foundation

/// Wilcoxon signed-rank test of the paired differences x − y, exactly as scipy 1.17's
/// `wilcoxon(x, y)` defaults (`zero_method='wilcox'`, `correction=False`,
/// `method='auto'`):
///
/// - Zero differences are dropped before ranking; |d| gets average ranks; T⁺ and T⁻
///   are the rank sums of the positive and negative differences. The statistic is
///   min(T⁺, T⁻).
/// - `method='auto'` with n = the number of pairs *including* zeros:
///   - n > 50 → normal approximation;
///   - otherwise, no ties and no zeros → exact: p = 2·min(P(T ≥ T⁺), P(T ≤ T⁺));
///   - otherwise n ≤ 13 → scipy runs an exact permutation test over all 2ⁿ sign
///     patterns (`permutation`): p = 2·min(#(T ≤ T⁺_obs), #(T ≥ T⁺_obs))/2ⁿ with a
///     relative tolerance of 100·ε;
///   - otherwise → normal approximation.
/// - Normal approximation (no continuity correction): z = (T⁺ − m(m + 1)/4)/σ with
///   m the non-zero count and σ² = (m(m + 1)(2m + 1) − Σ(t³ − t)/2)/24; p = 2·Φ(−|z|).
public struct WilcoxonSignedRank: Sendable, Equatable {
    public let statistic: Figure
    public let rPlus: Figure
    public let p: Figure
    public let method: PValueMethod?
    /// Pairs used, including those with zero difference.
    public let n: Int
    public let zeros: Int

    public init(_ x: [Double], _ y: [Double]) {
        guard let d = pairedDifferences(x, y) else {
            self.init(undefined: "the two samples differ in length, so they cannot be paired")
            return
        }
        self.init(differences: d)
    }

    private init(undefined why: String) {
        statistic = Figure(undefined: why); rPlus = statistic; p = statistic; method = nil; n = 0; zeros = 0
    }

    /// The one-sample form on differences already formed.
    public init(differences d: [Double]) {
        n = d.count
        let nonzero = d.filter { $0 != 0 }
        zeros = n - nonzero.count
        guard !nonzero.isEmpty else {
            let why = d.isEmpty ? "no complete pairs" : "every difference is zero"
            statistic = Figure(undefined: why); rPlus = statistic; p = statistic; method = nil
            return
        }
        let ranking = Ranking(nonzero.map { abs($0) })
        var plus = 0.0, minus = 0.0
        for (value, rank) in zip(nonzero, ranking.ranks) {
            if value > 0 { plus += rank } else { minus += rank }
        }
        statistic = Figure(min(plus, minus))
        rPlus = Figure(plus)
        let chosen: PValueMethod
        if n > 50 { chosen = .asymptotic }
        else if !ranking.hasTies && zeros == 0 { chosen = .exact }
        else if n <= 13 { chosen = .permutation }
        else { chosen = .asymptotic }
        method = chosen
        switch chosen {
        case .exact:
            let dist = SignedRankDistribution(n: nonzero.count)
            let t = Int(plus.rounded())
            p = Figure(min(1, 2 * min(dist.sf(t), dist.cdf(t))))
        case .permutation:
            p = Figure(Self.permutationP(ranks: ranking.ranks, observed: plus))
        case .asymptotic:
            let m = Double(nonzero.count)
            let mean = m * (m + 1) / 4
            let variance = (m * (m + 1) * (2 * m + 1) - ranking.tieTerm / 2) / 24
            guard variance > 0 else { p = Figure(undefined: "no variation in the ranks"); return }
            let z = (plus - mean) / variance.squareRoot()
            p = Figure(Normal.twoSidedP(z))
        }
    }

    /// Exact sign-flip distribution of T⁺ given the ranks, as scipy's
    /// `permutation_test(..., permutation_type='samples')` with all 2ᵐ patterns.
    static func permutationP(ranks: [Double], observed: Double) -> Double {
        let m = ranks.count
        let patterns = 1 << m
        let gamma = abs(observed) * Double.ulpOfOne * 100
        var less = 0, greater = 0
        for mask in 0..<patterns {
            var t = 0.0
            for i in 0..<m where mask & (1 << i) != 0 { t += ranks[i] }
            if t <= observed + gamma { less += 1 }
            if t >= observed - gamma { greater += 1 }
        }
        return min(1, 2 * Double(min(less, greater)) / Double(patterns))
    }
}
