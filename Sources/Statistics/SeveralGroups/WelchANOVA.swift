/// Welch's heteroscedastic one-way ANOVA (Welch 1951), as statsmodels
/// `anova_oneway(groups, use_var='unequal', welch_correction=True)`:
///
///   wᵢ = nᵢ/sᵢ²,  m̄_w = Σ wᵢm̄ᵢ / Σ wᵢ,
///   A = Σ wᵢ(m̄ᵢ − m̄_w)²/(k − 1),  τ = Σ (1 − wᵢ/Σw)²/(nᵢ − 1) / (k² − 1),
///   F = A/(1 + 2(k − 2)τ),  df = (k − 1, 1/(3τ)).
public struct WelchANOVA: Sendable, Equatable {
    public let test: TestResult
    /// Denominator degrees of freedom (fractional).
    public let dfDenominator: Figure

    public init(_ groups: [[Double]]) {
        let moments = groups.map { SampleMoments(finiteValues($0)) }
        let k = moments.count
        func fail(_ why: String) -> (TestResult, Figure) {
            (TestResult(undefined: why, hasDf: true), Figure(undefined: why))
        }
        guard k >= 2 else { (test, dfDenominator) = fail("needs at least two groups"); return }
        guard moments.allSatisfy({ $0.variance != nil }) else {
            (test, dfDenominator) = fail("each group needs at least two values"); return
        }
        guard moments.allSatisfy({ $0.variance! > 0 }) else {
            (test, dfDenominator) = fail("a group has zero variance"); return
        }
        let w = moments.map { $0.nd / $0.variance! }
        let wTotal = Summation.sum(w)
        let rel = w.map { $0 / wTotal }
        let meanW = Summation.sum(zip(rel, moments).map { $0 * $1.mean })
        let kd = Double(k)
        let a = Summation.sum(zip(w, moments).map { $0 * ($1.mean - meanW) * ($1.mean - meanW) }) / (kd - 1)
        let tau = Summation.sum(zip(rel, moments).map { (1 - $0) * (1 - $0) / ($1.nd - 1) }) / (kd * kd - 1)
        let f = a / (1 + 2 * (kd - 2) * tau)
        let df2 = 1 / (3 * tau)
        dfDenominator = Figure(df2)
        test = TestResult(statistic: Figure(f), df: Figure(kd - 1), p: Figure(FisherF(df1: kd - 1, df2: df2).sf(f)))
    }
}
