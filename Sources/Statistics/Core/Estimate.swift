/// A point estimate with its (95 % unless stated) confidence interval.
public struct Estimate: Sendable, Equatable {
    public let estimate: Figure
    public let ciLow: Figure
    public let ciHigh: Figure

    public init(estimate: Figure, ciLow: Figure, ciHigh: Figure) {
        self.estimate = estimate
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }

    /// Everything undefined for the same reason.
    public init(undefined note: String) {
        self.init(estimate: Figure(undefined: note), ciLow: Figure(undefined: note),
                  ciHigh: Figure(undefined: note))
    }
}

extension Estimate: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(estimate, forKey: "estimate")
        try c.encode(ciLow, forKey: "ci_low")
        try c.encode(ciHigh, forKey: "ci_high")
    }
}

/// The outcome of a hypothesis test: statistic, degrees of freedom (when the
/// reference distribution has them) and two-sided p-value.
public struct TestResult: Sendable, Equatable {
    public let statistic: Figure
    public let df: Figure?
    public let p: Figure

    public init(statistic: Figure, df: Figure? = nil, p: Figure) {
        self.statistic = statistic
        self.df = df
        self.p = p
    }

    public init(undefined note: String, hasDf: Bool) {
        self.init(statistic: Figure(undefined: note),
                  df: hasDf ? Figure(undefined: note) : nil,
                  p: Figure(undefined: note))
    }
}

/// Which reference distribution a rank test used for its p-value.
public enum PValueMethod: String, Sendable, Encodable, Equatable {
    case exact
    case asymptotic
    /// Exact enumeration of all 2ⁿ sign arrangements (scipy's permutation test for
    /// the signed-rank test with ties or zeros and n ≤ 13).
    case permutation
}
