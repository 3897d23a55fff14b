import Foundation

/// Minimum detectable differences for two independent groups of sizes n₁ and n₂
/// (DESIGN §4: 80 % power, 5 % two-sided, for the group sizes at hand).
///
/// Both use the normal approximation and ignore the (negligible, < 1e-6 at 80 %
/// power) probability of rejecting in the wrong direction:
///
/// - Means: δ = (z₁₋α/₂ + z_power)·√(1/n₁ + 1/n₂) in SD units; times σ in raw units.
///   (The noncentral-t answer of statsmodels `TTestIndPower.solve_power` is a little
///   larger for small groups; it is not computed here.)
/// - Proportions, by Cohen's arcsine effect size h = 2·asin√p₁ − 2·asin√p₀ (Cohen
///   1988, ch. 6): the detectable h is the same δ, so
///   p₁ = sin²(asin√p₀ ± δ/2); the upward value is undefined when asin√p₀ + δ/2 > π/2
///   (no proportion ≤ 1 is far enough above p₀), the downward one when
///   asin√p₀ − δ/2 < 0.
public struct MinimumDetectableDifference: Sendable, Equatable {
    /// δ in standard-deviation units (Cohen's d for means, h for proportions).
    public let standardized: Figure
    /// δ·σ when an SD was given.
    public let raw: Figure
    /// For proportions: the detectable proportions above and below p₀.
    public let proportionAbove: Figure
    public let proportionBelow: Figure

    /// For a mean difference; `sd` (optional) converts to raw units.
    public static func means(n1: Int, n2: Int, sd: Double? = nil,
                             alpha: Double = 0.05, power: Double = 0.8) -> MinimumDetectableDifference {
        guard n1 > 0, n2 > 0 else {
            let u = Figure(undefined: "a group has no observations")
            return .init(standardized: u, raw: u, proportionAbove: u, proportionBelow: u)
        }
        let delta = multiplier(alpha: alpha, power: power) * (1 / Double(n1) + 1 / Double(n2)).squareRoot()
        let raw: Figure
        if let sd, sd.isFinite, sd >= 0 { raw = Figure(delta * sd) }
        else { raw = Figure(undefined: "no standard deviation given") }
        let na = Figure(undefined: "not a proportion outcome")
        return .init(standardized: Figure(delta), raw: raw, proportionAbove: na, proportionBelow: na)
    }

    /// For a difference in proportions from the baseline `p0`.
    public static func proportions(n1: Int, n2: Int, baseline p0: Double,
                                   alpha: Double = 0.05, power: Double = 0.8) -> MinimumDetectableDifference {
        guard n1 > 0, n2 > 0 else {
            let u = Figure(undefined: "a group has no observations")
            return .init(standardized: u, raw: u, proportionAbove: u, proportionBelow: u)
        }
        guard p0.isFinite, p0 >= 0, p0 <= 1 else {
            let u = Figure(undefined: "the baseline proportion is outside 0…1")
            return .init(standardized: u, raw: u, proportionAbove: u, proportionBelow: u)
        }
        let h = multiplier(alpha: alpha, power: power) * (1 / Double(n1) + 1 / Double(n2)).squareRoot()
        let phi0 = asin(p0.squareRoot())
        let up = phi0 + h / 2, down = phi0 - h / 2
        let above = up <= Double.pi / 2 ? Figure(pow(sin(up), 2))
            : Figure(undefined: "no proportion above the baseline is detectable with these group sizes")
        let below = down >= 0 ? Figure(pow(sin(down), 2))
            : Figure(undefined: "no proportion below the baseline is detectable with these group sizes")
        return .init(standardized: Figure(h), raw: Figure(undefined: "not a mean outcome"),
                     proportionAbove: above, proportionBelow: below)
    }

    /// z₁₋α/₂ + z_power.
    static func multiplier(alpha: Double, power: Double) -> Double {
        Normal.standard.quantile(1 - alpha / 2) + Normal.standard.quantile(power)
    }
}
