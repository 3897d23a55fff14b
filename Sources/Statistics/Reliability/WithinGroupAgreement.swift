/// Within-group agreement r_wg(J) for a multi-item scale (James, Demaree & Wolf 1984):
///
///   r_wg(J) = J(1 − s̄²/σ²_E) / (J(1 − s̄²/σ²_E) + s̄²/σ²_E),
///
/// with s̄² the mean of the J items' sample variances (n − 1) within the unit and
/// σ²_E = (A² − 1)/12 the variance of a uniform (no-agreement) null over A response
/// options. Truncation: when s̄² ≥ σ²_E the formula leaves [0, 1] (it can exceed 1 or
/// go negative), so r_wg(J) is set to 0 (James et al. 1984; Lindell & Brandt 1999;
/// the convention of R's `multilevel::rwg.j`).
public enum WithinGroupAgreement {
    /// r_wg(J) of one unit.
    /// - Parameters:
    ///   - responses: one row per respondent of the unit, one column per item; rows
    ///     with a missing answer (NaN) are left out (listwise).
    ///   - options: A, the number of response options (7 for a 1–7 scale).
    public static func rwgJ(responses: [[Double]], options: Int) -> AgreementResult {
        let items = responses.map(\.count).max() ?? 0
        let complete = responses.filter { $0.count == items && $0.allSatisfy { $0.isFinite } }
        let n = complete.count
        var notes: [String] = []
        if complete.count < responses.count {
            notes.append("\(responses.count - complete.count) respondent(s) with a missing answer were left out (listwise)")
        }
        func undefined(_ why: String) -> AgreementResult {
            let u = Figure(undefined: why)
            return AgreementResult(rwg: u, meanItemVariance: u, nullVariance: options >= 2 ? Figure(Double(options * options - 1) / 12) : u,
                                   respondents: n, items: items, truncated: false, notes: notes + [why])
        }
        guard options >= 2 else { return undefined("the scale needs at least 2 response options (A = \(options))") }
        guard items >= 1 else { return undefined("there are no items") }
        guard n >= 2 else { return undefined("agreement needs at least 2 complete responses in the unit (there are \(n))") }
        let sigma2 = Double(options * options - 1) / 12
        var meanVariance = 0.0
        for j in 0..<items { meanVariance += ReliabilityMath.variance(complete.map { $0[j] }) }
        meanVariance /= Double(items)
        let ratio = meanVariance / sigma2
        let jd = Double(items)
        let rwg: Double
        let truncated = ratio >= 1
        if truncated {
            rwg = 0
            notes.append("the mean item variance (\(meanVariance)) is at least the uniform null variance (\(sigma2)): r_wg(J) set to 0 (no agreement)")
        } else {
            rwg = jd * (1 - ratio) / (jd * (1 - ratio) + ratio)
        }
        return AgreementResult(rwg: Figure(rwg), meanItemVariance: Figure(meanVariance), nullVariance: Figure(sigma2),
                               respondents: n, items: items, truncated: truncated, notes: notes)
    }

    /// r_wg(J) for each unit, in order of first appearance.
    public static func rwgJ(responses: [[Double]], units: [String], options: Int) throws -> [(unit: String, result: AgreementResult)] {
        guard responses.count == units.count else {
            throw StatisticsError("\(responses.count) response rows but \(units.count) unit labels")
        }
        var order: [String] = []
        var rows: [String: [[Double]]] = [:]
        for (r, u) in zip(responses, units) {
            if rows[u] == nil { order.append(u) }
            rows[u, default: []].append(r)
        }
        return order.map { ($0, rwgJ(responses: rows[$0]!, options: options)) }
    }
}

public struct AgreementResult: Sendable, Equatable {
    public let rwg: Figure
    /// s̄², the mean within-unit item variance.
    public let meanItemVariance: Figure
    /// σ²_E = (A² − 1)/12.
    public let nullVariance: Figure
    public let respondents: Int
    public let items: Int
    /// True when s̄² ≥ σ²_E and r_wg(J) was set to 0.
    public let truncated: Bool
    public let notes: [String]
}
