/// Summary of one numeric column: the JSON of `piloteval describe` (DESIGN §5).
///
/// - Missing values are NaN (and ±infinity, which no summary can use); they are
///   counted in `missing` and left out of everything else.
/// - Mean and SD by the corrected two-pass algorithm (`Summation`), accurate on the
///   NIST StRD univariate sets; SD with denominator n − 1.
/// - Quartiles as numpy's default (linear, R type 7).
/// - The CI of the mean is mean ± t(1 − α/2, n − 1)·sd/√n.
public struct Descriptives: Sendable, Equatable {
    public let n: Int
    public let missing: Int
    public let mean: Figure
    public let sd: Figure
    public let min: Figure
    public let q1: Figure
    public let median: Figure
    public let q3: Figure
    public let max: Figure
    public let ciLow: Figure
    public let ciHigh: Figure
    public let confidence: Double

    public init(of values: [Double], confidence: Double = 0.95) {
        let finite = values.filter { $0.isFinite }
        n = finite.count
        missing = values.count - finite.count
        self.confidence = confidence
        guard !finite.isEmpty else {
            let why = values.isEmpty ? "no values" : "every value is missing"
            let u = Figure(undefined: why)
            mean = u; sd = u; min = u; q1 = u; median = u; q3 = u; max = u; ciLow = u; ciHigh = u
            return
        }
        let sorted = finite.sorted()
        let m = Summation.mean(finite)!
        mean = Figure(m)
        min = Figure(sorted[0])
        max = Figure(sorted[sorted.count - 1])
        q1 = Figure(Quantile.type7(sorted: sorted, 0.25))
        median = Figure(Quantile.type7(sorted: sorted, 0.5))
        q3 = Figure(Quantile.type7(sorted: sorted, 0.75))
        // Scaled inside (Summation.standardDeviation): right for values near 1e300 or
        // 1e-300, whose squares overflow or underflow.
        guard let s = Summation.standardDeviation(finite) else {
            let why = "needs at least two values"
            sd = Figure(undefined: why); ciLow = Figure(undefined: why); ciHigh = Figure(undefined: why)
            return
        }
        sd = Figure(s)
        let t = StudentT(df: Double(n - 1)).quantile(1 - (1 - confidence) / 2)
        let half = t * s / Double(n).squareRoot()
        ciLow = Figure(m - half)
        ciHigh = Figure(m + half)
    }
}

extension Descriptives: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(n, forKey: "n")
        try c.encode(missing, forKey: "missing")
        try c.encode(mean, forKey: "mean")
        try c.encode(sd, forKey: "sd")
        try c.encode(min, forKey: "min")
        try c.encode(q1, forKey: "q1")
        try c.encode(median, forKey: "median")
        try c.encode(q3, forKey: "q3")
        try c.encode(max, forKey: "max")
        try c.encode(ciLow, forKey: "ci_low")
        try c.encode(ciHigh, forKey: "ci_high")
    }
}
