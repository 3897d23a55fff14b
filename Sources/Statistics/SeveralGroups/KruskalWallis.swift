/// Kruskal–Wallis H test with the tie correction, as `scipy.stats.kruskal`:
///
///   H = (12/(N(N + 1)) Σ Rᵢ²/nᵢ − 3(N + 1)) / (1 − Σ(t³ − t)/(N³ − N)),
///   p = P(χ²_{k−1} > H).
public struct KruskalWallis: Sendable, Equatable {
    public let test: TestResult

    public init(_ groups: [[Double]]) {
        let clean = groups.map(finiteValues)
        guard clean.count >= 2 else { test = TestResult(undefined: "needs at least two groups", hasDf: true); return }
        guard !clean.contains(where: { $0.isEmpty }) else {
            test = TestResult(undefined: "a group has no values", hasDf: true); return
        }
        let all = Array(clean.joined())
        let ranking = Ranking(all)
        let n = Double(all.count)
        let correction = 1 - ranking.tieTerm / (n * n * n - n)
        guard correction > 0 else { test = TestResult(undefined: "all values are tied", hasDf: true); return }
        var start = 0
        var terms: [Double] = []
        for g in clean {
            let r = Summation.sum(ranking.ranks[start..<(start + g.count)])
            terms.append(r * r / Double(g.count))
            start += g.count
        }
        let h = (12 / (n * (n + 1)) * Summation.sum(terms) - 3 * (n + 1)) / correction
        let df = Double(clean.count - 1)
        test = TestResult(statistic: Figure(h), df: Figure(df), p: Figure(ChiSquared(df: df).sf(h)))
    }
}
