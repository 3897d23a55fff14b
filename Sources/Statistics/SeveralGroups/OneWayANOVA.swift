/// One-way analysis of variance, as `scipy.stats.f_oneway`, computed by the two-pass
/// route so that it holds up on the NIST StRD ANOVA sets (SmLs01–09, SiRstv,
/// AtmWtAg): group means and the grand mean by `Summation.mean`, then
///
///   SS_between = Σ nᵢ(m̄ᵢ − m̄)²,  SS_within = Σᵢ Σⱼ (xᵢⱼ − m̄ᵢ)²,
///   F = (SS_between/(k − 1)) / (SS_within/(N − k)).
public struct OneWayANOVA: Sendable, Equatable {
    public let test: TestResult
    /// Denominator degrees of freedom N − k (`test.df` is k − 1).
    public let dfWithin: Figure
    public let ssBetween: Figure
    public let ssWithin: Figure

    public init(_ groups: [[Double]]) {
        let clean = groups.map(finiteValues)
        func undefined(_ why: String) -> (TestResult, Figure, Figure, Figure) {
            (TestResult(undefined: why, hasDf: true), Figure(undefined: why), Figure(undefined: why), Figure(undefined: why))
        }
        let k = clean.count
        let total = clean.reduce(0) { $0 + $1.count }
        if k < 2 {
            (test, dfWithin, ssBetween, ssWithin) = undefined("needs at least two groups"); return
        }
        if clean.contains(where: { $0.isEmpty }) {
            (test, dfWithin, ssBetween, ssWithin) = undefined("a group has no values"); return
        }
        if total <= k {
            (test, dfWithin, ssBetween, ssWithin) = undefined("needs more values than groups"); return
        }
        // Shift every value by the grand mean first (as scipy's f_oneway does): the
        // differences of nearby doubles are exact (Sterbenz), so the group means of the
        // shifted data keep their full relative precision even when the data carry
        // 13 leading digits (SmLs07–09); unshifted, m̄ᵢ − m̄ would lose them.
        let offset = Summation.mean(clean.joined().map { $0 })!
        let shifted = clean.map { $0.map { $0 - offset } }
        let grand = Summation.mean(shifted.joined().map { $0 })!
        var between: [Double] = [], within: [Double] = []
        for g in shifted {
            let m = Summation.mean(g)!
            between.append(Double(g.count) * (m - grand) * (m - grand))
            within.append(Summation.sumOfSquaredDeviations(g, mean: m))
        }
        let ssb = Summation.sum(between), ssw = Summation.sum(within)
        let df1 = Double(k - 1), df2 = Double(total - k)
        ssBetween = Figure(ssb)
        ssWithin = Figure(ssw)
        dfWithin = Figure(df2)
        guard ssw > 0 else {
            test = TestResult(statistic: Figure(undefined: "no variation within groups"), df: Figure(df1),
                              p: Figure(undefined: "no variation within groups"))
            return
        }
        let f = (ssb / df1) / (ssw / df2)
        test = TestResult(statistic: Figure(f), df: Figure(df1), p: Figure(FisherF(df1: df1, df2: df2).sf(f)))
    }
}
