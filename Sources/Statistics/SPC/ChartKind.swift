/// The charts piloteval draws, named as qicharts2's `chart` argument.
public enum ChartKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Run chart: the median as centre line, no limits.
    case run
    /// Individuals (I) chart: the mean, limits from screened moving ranges.
    case i
    /// Moving-range chart of the individuals.
    case mr
    /// Proportions with varying subgroup sizes (numerator / denominator).
    case p
    /// Rates: counts per unit of exposure (numerator / denominator).
    case u

    /// P and U charts are built from numerators and denominators.
    public var needsDenominator: Bool { self == .p || self == .u }
}
