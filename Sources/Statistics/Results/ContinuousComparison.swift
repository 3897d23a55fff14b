/// Pilot versus comparison on a numeric outcome: the result behind
/// `piloteval compare --kind continuous` and its JSON (DESIGN §5). Differences are
/// pilot − comparison; the headline CI is Welch's.
public struct ContinuousComparison: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public let label: String
        public let summary: Descriptives
    }

    public let outcome: String
    public let pilot: Group
    public let comparison: Group
    /// Mean difference with Welch's CI.
    public let difference: Estimate
    public let welch: TestResult
    public let student: TestResult
    public let mannWhitney: MannWhitneyU
    public let hodgesLehmann: HodgesLehmann
    public let hedgesG: Estimate

    /// Missing values (NaN) in either group are left out of every figure.
    public static func compute(pilot: [Double], comparison: [Double],
                               pilotLabel: String, comparisonLabel: String,
                               outcome: String, confidence: Double = 0.95) -> ContinuousComparison {
        let welch = WelchTest(pilot, comparison, confidence: confidence)
        return ContinuousComparison(
            outcome: outcome,
            pilot: Group(label: pilotLabel, summary: Descriptives(of: pilot, confidence: confidence)),
            comparison: Group(label: comparisonLabel, summary: Descriptives(of: comparison, confidence: confidence)),
            difference: welch.difference,
            welch: welch.test,
            student: StudentTest(pilot, comparison, confidence: confidence).test,
            mannWhitney: MannWhitneyU(pilot, comparison),
            hodgesLehmann: HodgesLehmann(pilot, comparison, confidence: confidence),
            hedgesG: HedgesG(pilot, comparison, confidence: confidence).g)
    }
}

extension ContinuousComparison.Group: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(label, forKey: "label")
        try c.encode(summary.n, forKey: "n")
        try c.encode(summary.mean, forKey: "mean")
        try c.encode(summary.sd, forKey: "sd")
        try c.encode(summary.median, forKey: "median")
        try c.encode(summary.q1, forKey: "q1")
        try c.encode(summary.q3, forKey: "q3")
    }
}

/// `{"t","df","p"}` — the key for the statistic is the test's own letter.
struct TestResultJSON: Encodable {
    let result: TestResult
    let statisticKey: String
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(result.statistic, forKey: statisticKey)
        if let df = result.df { try c.encode(df, forKey: "df") }
        try c.encode(result.p, forKey: "p")
    }
}

extension MannWhitneyU: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(u, forKey: "u")
        try c.encode(p, forKey: "p")
        if let method {
            try c.encode(method, forKey: "method")
        } else {
            try c.encodeNil(forKey: FigureKey("method"))
            try c.encode(u.note ?? "undefined", forKey: "method_note")
        }
    }
}

extension ContinuousComparison: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode("continuous", forKey: "kind")
        try c.encode(outcome, forKey: "outcome")
        try c.encode(pilot, forKey: "pilot")
        try c.encode(comparison, forKey: "comparison")
        try c.encode(difference, forKey: "difference")
        try c.encode(TestResultJSON(result: welch, statisticKey: "t"), forKey: "welch")
        try c.encode(TestResultJSON(result: student, statisticKey: "t"), forKey: "student")
        try c.encode(mannWhitney, forKey: "mann_whitney")
        try c.encode(hodgesLehmann.shift, forKey: "hodges_lehmann")
        try c.encode(hedgesG, forKey: "hedges_g")
    }
}
