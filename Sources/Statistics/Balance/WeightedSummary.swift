/// Weighted means and proportions (Hájek: Σwᵢxᵢ / Σwᵢ), for inverse-probability
/// weighted comparisons, and Kish's effective sample size (Σw)²/Σw², which says how
/// many unweighted cases the weighted group is worth (Kish 1965 §11.7).
public enum WeightedSummary {
    /// Σwᵢxᵢ / Σwᵢ over pairs where x and w are finite and w ≥ 0.
    public static func mean(_ x: [Double], weights w: [Double]) -> Figure {
        precondition(x.count == w.count, "values and weights differ in length")
        var sw = 0.0, swx = 0.0
        for i in x.indices where x[i].isFinite && w[i].isFinite && w[i] >= 0 {
            sw += w[i]; swx += w[i] * x[i]
        }
        guard sw > 0 else { return Figure(undefined: "the weights sum to zero (no usable cases)") }
        return Figure(swx / sw)
    }

    /// Weighted share of 1s among 0/1 values (a weighted mean of an indicator).
    public static func proportion(_ x: [Double], weights w: [Double]) -> Figure {
        mean(x, weights: w)
    }

    /// (Σw)² / Σw².
    public static func effectiveSampleSize(_ w: [Double]) -> Figure {
        var s = 0.0, s2 = 0.0
        for v in w where v.isFinite && v >= 0 { s += v; s2 += v * v }
        guard s2 > 0 else { return Figure(undefined: "the weights sum to zero (no usable cases)") }
        return Figure(s * s / s2)
    }
}
