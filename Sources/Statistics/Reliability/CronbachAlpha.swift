/// Cronbach's alpha (Cronbach 1951) over complete responses, with Feldt's F-based
/// confidence interval (Feldt 1965; Feldt, Woodruff & Salih 1987):
///
///   α̂ = k/(k − 1) · (1 − Σ s²_item / s²_total),
///   lower = 1 − (1 − α̂) · F_{1−γ/2}(n − 1, (n − 1)(k − 1)),
///   upper = 1 − (1 − α̂) · F_{γ/2}(n − 1, (n − 1)(k − 1)),
///
/// with F_q the q-quantile of the F distribution and γ = 1 − confidence; this is the
/// interval `pingouin.cronbach_alpha` reports. Variances are sample variances (n − 1).
public enum CronbachAlpha {
    /// - Parameter responses: one row per respondent, one column per item; a missing
    ///   answer is NaN. Respondents with any missing answer are left out (listwise).
    public static func compute(responses: [[Double]], confidence: Double = 0.95) -> CronbachAlphaResult {
        let k = responses.map(\.count).max() ?? 0
        let complete = responses.filter { $0.count == k && $0.allSatisfy { $0.isFinite } }
        let n = complete.count
        let excluded = responses.count - n
        var notes: [String] = []
        if excluded > 0 { notes.append("\(excluded) respondent(s) with a missing answer were left out (listwise)") }
        func undefined(_ why: String) -> CronbachAlphaResult {
            let u = Figure(undefined: why)
            return CronbachAlphaResult(alpha: u, ciLow: u, ciHigh: u, respondents: n, items: k,
                                       excluded: excluded, confidence: confidence, notes: notes + [why])
        }
        guard k >= 2 else { return undefined("alpha needs at least 2 items (there are \(k))") }
        guard n >= 2 else { return undefined("alpha needs at least 2 complete responses (there are \(n))") }
        var itemVariances = 0.0
        for j in 0..<k { itemVariances += ReliabilityMath.variance(complete.map { $0[j] }) }
        let totals = complete.map { row in row.reduce(0, +) }
        let totalVariance = ReliabilityMath.variance(totals)
        guard totalVariance > 0 else { return undefined("the total scores do not vary, so alpha is undefined") }
        let kd = Double(k)
        let alpha = kd / (kd - 1) * (1 - itemVariances / totalVariance)
        let f = FisherF(df1: Double(n - 1), df2: Double((n - 1) * (k - 1)))
        let gamma = 1 - confidence
        let low = 1 - (1 - alpha) * f.upperQuantile(gamma / 2)
        let high = 1 - (1 - alpha) * f.quantile(gamma / 2)
        if alpha < 0 { notes.append("alpha is negative: the items correlate negatively on average (check reverse-scored items)") }
        return CronbachAlphaResult(alpha: Figure(alpha),
                                   ciLow: Figure(low, orUndefined: "the F quantile could not be computed"),
                                   ciHigh: Figure(high, orUndefined: "the F quantile could not be computed"),
                                   respondents: n, items: k, excluded: excluded, confidence: confidence, notes: notes)
    }
}

public struct CronbachAlphaResult: Sendable, Equatable {
    public let alpha: Figure
    public let ciLow: Figure
    public let ciHigh: Figure
    /// Complete responses used.
    public let respondents: Int
    public let items: Int
    /// Respondents left out for a missing answer.
    public let excluded: Int
    public let confidence: Double
    public let notes: [String]
}
