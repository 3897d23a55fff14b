/// ICC(1) and ICC(2) from a one-way ANOVA of respondent scores by unit (Bliese 2000,
/// "Within-group agreement, non-independence, and reliability"; Shrout & Fleiss 1979
/// ICC(1,1) and its unit-mean reliability):
///
///   ICC(1) = (MSB − MSW) / (MSB + (k − 1)·MSW),   ICC(2) = (MSB − MSW) / MSB,
///
/// with k the group size, for unequal units k = (N − Σ n_j²/N)/(J − 1) (Snedecor &
/// Cochran; Bliese's `multilevel::ICC1`).
public enum IntraclassCorrelation {
    /// - Parameters:
    ///   - scores: one score per respondent (NaN = missing, left out).
    ///   - units: the unit of each respondent.
    public static func oneWay(scores: [Double], units: [String]) throws -> IntraclassResult {
        guard scores.count == units.count else {
            throw StatisticsError("\(scores.count) scores but \(units.count) unit labels")
        }
        var order: [String] = []
        var groups: [String: [Double]] = [:]
        for (s, u) in zip(scores, units) where s.isFinite {
            if groups[u] == nil { order.append(u) }
            groups[u, default: []].append(s)
        }
        let sizes = order.map { groups[$0]!.count }
        let bigN = sizes.reduce(0, +), j = order.count
        func undefined(_ why: String) -> IntraclassResult {
            let u = Figure(undefined: why)
            return IntraclassResult(icc1: u, icc2: u, msBetween: u, msWithin: u, f: u, p: u,
                                    groupSize: u, units: j, respondents: bigN, notes: [why])
        }
        guard j >= 2 else { return undefined("the ICC needs at least 2 units with scores (there are \(j))") }
        guard bigN > j else { return undefined("the ICC needs more respondents than units (N = \(bigN), J = \(j))") }
        let grand = ReliabilityMath.mean(order.flatMap { groups[$0]! })
        var ssb = 0.0, ssw = 0.0
        for u in order {
            let g = groups[u]!
            let m = ReliabilityMath.mean(g)
            ssb += Double(g.count) * (m - grand) * (m - grand)
            for v in g { ssw += (v - m) * (v - m) }
        }
        let msb = ssb / Double(j - 1)
        let msw = ssw / Double(bigN - j)
        let n = Double(bigN)
        let k = (n - Double(sizes.map { $0 * $0 }.reduce(0, +)) / n) / Double(j - 1)
        var notes: [String] = []
        if Set(sizes).count > 1 { notes.append("units differ in size; k = (N − Σn²/N)/(J − 1) = \(k)") }
        let icc1Den = msb + (k - 1) * msw
        let icc1 = icc1Den > 0 ? Figure((msb - msw) / icc1Den) : Figure(undefined: "no variance between or within units")
        let icc2 = msb > 0 ? Figure((msb - msw) / msb) : Figure(undefined: "the unit means do not differ (MSB = 0)")
        if let v = icc1.value, v < 0 { notes.append("ICC(1) is negative: units differ less than chance would make them; read as 0") }
        let f: Figure, p: Figure
        if msw > 0 {
            f = Figure(msb / msw)
            p = Figure(FisherF(df1: Double(j - 1), df2: Double(bigN - j)).sf(msb / msw))
        } else {
            f = Figure(undefined: "no variance within units (MSW = 0)"); p = f
        }
        return IntraclassResult(icc1: icc1, icc2: icc2, msBetween: Figure(msb), msWithin: Figure(msw),
                                f: f, p: p, groupSize: Figure(k), units: j, respondents: bigN, notes: notes)
    }
}

public struct IntraclassResult: Sendable, Equatable {
    public let icc1: Figure
    public let icc2: Figure
    public let msBetween: Figure
    public let msWithin: Figure
    /// One-way ANOVA F = MSB/MSW and its p-value, df (J − 1, N − J).
    public let f: Figure
    public let p: Figure
    /// k, the (average-adjusted) unit size.
    public let groupSize: Figure
    /// J.
    public let units: Int
    /// N (respondents with a score).
    public let respondents: Int
    public let notes: [String]
}
