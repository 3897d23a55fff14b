/// Standardised mean differences for covariate balance between a treated group (the
/// pilot) and a comparison group, treated − comparison (Austin 2009, "Balance
/// diagnostics for comparing the distribution of baseline covariates between
/// treatment groups in propensity-score matched samples", Stat Med 28).
///
/// * Continuous: (x̄₁ − x̄₀) / √((s₁² + s₀²)/2), sample variances (n − 1).
/// * Binary (0/1): (p₁ − p₀) / √((p₁(1 − p₁) + p₀(1 − p₀))/2).
/// * Weighted (after adjustment): the means or proportions are weighted (Hájek), and
///   the denominator stays the *unweighted* one, so a change between "before" and
///   "after" reflects the means only and not a change of scale caused by the
///   weights (Stuart, Lee & Leacy 2013, J Clin Epidemiol 66; cobalt's default).
///
/// Common thresholds: |SMD| > 0.1 signals imbalance worth adjusting for, > 0.25 that
/// regression adjustment alone is not to be trusted (Rubin 2001; Stuart 2010).
public enum StandardizedMeanDifference {
    public enum Kind: String, Sendable, Codable {
        case continuous, binary
    }

    public static func continuous(treated: [Double], comparison: [Double],
                                  treatedWeights: [Double]? = nil, comparisonWeights: [Double]? = nil) -> Figure {
        compute(.continuous, treated: treated, comparison: comparison,
                treatedWeights: treatedWeights, comparisonWeights: comparisonWeights)
    }

    public static func binary(treated: [Double], comparison: [Double],
                              treatedWeights: [Double]? = nil, comparisonWeights: [Double]? = nil) -> Figure {
        compute(.binary, treated: treated, comparison: comparison,
                treatedWeights: treatedWeights, comparisonWeights: comparisonWeights)
    }

    public static func compute(_ kind: Kind, treated: [Double], comparison: [Double],
                               treatedWeights: [Double]? = nil, comparisonWeights: [Double]? = nil) -> Figure {
        let t = treated.filter { $0.isFinite }, c = comparison.filter { $0.isFinite }
        guard !t.isEmpty, !c.isEmpty else {
            return Figure(undefined: "a group has no values (treated \(t.count), comparison \(c.count))")
        }
        let denominator: Double
        switch kind {
        case .continuous:
            guard t.count >= 2, c.count >= 2 else {
                return Figure(undefined: "each group needs at least 2 values for a standard deviation (treated \(t.count), comparison \(c.count))")
            }
            denominator = ((ResamplingMath.variance(t) + ResamplingMath.variance(c)) / 2).squareRoot()
        case .binary:
            if let bad = (t + c).first(where: { $0 != 0 && $0 != 1 }) {
                return Figure(undefined: "a binary covariate must be 0 or 1, but it holds \(bad)")
            }
            let p1 = ResamplingMath.mean(t), p0 = ResamplingMath.mean(c)
            denominator = ((p1 * (1 - p1) + p0 * (1 - p0)) / 2).squareRoot()
        }
        let m1 = treatedWeights.map { WeightedSummary.mean(treated, weights: $0) } ?? Figure(ResamplingMath.mean(t))
        let m0 = comparisonWeights.map { WeightedSummary.mean(comparison, weights: $0) } ?? Figure(ResamplingMath.mean(c))
        guard let a = m1.value, let b = m0.value else {
            return Figure(undefined: m1.note ?? m0.note ?? "a weighted mean is undefined")
        }
        guard denominator > 0 else {
            return Figure(undefined: a == b
                ? "the covariate does not vary in either group"
                : "the covariate does not vary within groups but differs between them: the groups do not overlap")
        }
        return Figure((a - b) / denominator)
    }
}
