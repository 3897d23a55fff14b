import Statistics

/// The multiple-comparison correction a readiness result applied, stated in the result
/// so that the table, the JSON and a report all say which one and over how many tests.
public enum ReadinessCorrection: String, Sendable, Codable, CaseIterable {
    /// Holm (1979): controls the family-wise error rate; the default.
    case holm
    /// Benjamini–Hochberg (1995): controls the false discovery rate.
    case bh
    case none

    public func adjust(_ p: [Figure]) -> [Figure] {
        switch self {
        case .holm: return AdjustedPValues.holm(p)
        case .bh: return AdjustedPValues.benjaminiHochberg(p)
        case .none: return p
        }
    }

    /// "Holm over 24 tests (…family…)".
    public func statement(tests: Int, family: String) -> String {
        switch self {
        case .holm: return "p_adjusted: Holm correction over the \(tests) test(s) \(family) (family-wise error rate 5 %)"
        case .bh: return "p_adjusted: Benjamini–Hochberg correction over the \(tests) test(s) \(family) (false discovery rate)"
        case .none: return "no correction for multiple comparisons: \(tests) test(s) \(family); expect about 1 in 20 to reach p < 0.05 by chance"
        }
    }
}
