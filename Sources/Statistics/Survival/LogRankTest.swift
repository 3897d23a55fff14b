/// The log-rank test of equal survival (time-to-event) distributions in two groups
/// (Mantel 1966; Peto & Peto 1972), as statsmodels 0.15 `survdiff(time, status, group)`
/// with no weights: at each distinct time t with nₜ > 1 at risk,
///   E₁ₜ = n₁ₜ·dₜ/nₜ,  Vₜ = n₁ₜ·n₀ₜ·dₜ·(nₜ − dₜ) / (nₜ²·(nₜ − 1)),
/// and χ² = (Σ(d₁ₜ − E₁ₜ))² / ΣVₜ on 1 degree of freedom. The log-rank test weighs
/// every event time equally; it has most power when one group's hazard is a constant
/// multiple of the other's.
public struct LogRankTest: Sendable, Equatable {
    /// Events observed in the pilot group (group 1).
    public let observedPilot: Double
    /// Events expected in the pilot group if both groups had the same survival.
    public let expectedPilot: Figure
    public let observedComparison: Double
    public let expectedComparison: Figure
    /// χ², df = 1, p.
    public let test: TestResult

    public init(pilotTimes: [Double], pilotObserved: [Bool],
                comparisonTimes: [Double], comparisonObserved: [Bool]) {
        precondition(pilotTimes.count == pilotObserved.count && comparisonTimes.count == comparisonObserved.count,
                     "times and observed differ in length")
        var rows: [(t: Double, event: Bool, pilot: Bool)] = []
        for i in pilotTimes.indices where pilotTimes[i].isFinite && pilotTimes[i] >= 0 {
            rows.append((pilotTimes[i], pilotObserved[i], true))
        }
        let nPilot = rows.count
        for i in comparisonTimes.indices where comparisonTimes[i].isFinite && comparisonTimes[i] >= 0 {
            rows.append((comparisonTimes[i], comparisonObserved[i], false))
        }
        let nComparison = rows.count - nPilot
        rows.sort { $0.t < $1.t }
        let d1Total = Double(rows.filter { $0.pilot && $0.event }.count)
        let d0Total = Double(rows.filter { !$0.pilot && $0.event }.count)
        observedPilot = d1Total
        observedComparison = d0Total
        guard nPilot > 0, nComparison > 0 else {
            let why = "each group needs at least one case (pilot \(nPilot), comparison \(nComparison))"
            expectedPilot = Figure(undefined: why); expectedComparison = Figure(undefined: why)
            test = TestResult(undefined: why, hasDf: true)
            return
        }
        // Walk the times upwards; the risk sets shrink by everyone who left at each time.
        var n1 = Double(nPilot), n0 = Double(nComparison)
        var e1 = 0.0, e0 = 0.0, variance = 0.0
        var i = 0
        while i < rows.count {
            let t = rows[i].t
            var d1 = 0.0, d0 = 0.0, out1 = 0.0, out0 = 0.0
            while i < rows.count, rows[i].t == t {
                if rows[i].pilot { out1 += 1; if rows[i].event { d1 += 1 } }
                else { out0 += 1; if rows[i].event { d0 += 1 } }
                i += 1
            }
            let n = n1 + n0, d = d1 + d0
            if d > 0 {
                e1 += n1 * d / n
                e0 += n0 * d / n
                if n > 1 { variance += n1 * n0 * d * (n - d) / (n * n * (n - 1)) }
            }
            n1 -= out1; n0 -= out0
        }
        expectedPilot = Figure(e1)
        expectedComparison = Figure(e0)
        guard d1Total + d0Total > 0 else {
            test = TestResult(undefined: "no event was observed in either group (every case is censored)", hasDf: true)
            return
        }
        guard variance > 0 else {
            test = TestResult(undefined: "the variance of the log-rank statistic is zero (no informative event times)", hasDf: true)
            return
        }
        let chi2 = (d1Total - e1) * (d1Total - e1) / variance
        test = TestResult(statistic: Figure(chi2), df: Figure(1), p: Figure(ChiSquared(df: 1).sf(chi2)))
    }
}
