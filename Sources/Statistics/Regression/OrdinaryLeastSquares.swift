/// Ordinary least squares with classical, HC1 and cluster-robust (CRV1) standard
/// errors, matching statsmodels 0.15 `OLS(...).fit()` with `cov_type='nonrobust'`,
/// `'HC1'` and `'cluster'` (`use_correction=True`, `df_correction=True`, `use_t=True`).
///
/// Computation: columns scaled to unit length; GSL's pivoted QR decides the rank
/// (`RegressionRankCheck`); the solve, the residuals and (XᵀX)⁻¹ = R⁻¹R⁻ᵀ come from a
/// Householder QR in extended precision (`RegressionQR<RegressionWideFloat>`), which
/// reaches the NIST StRD certified values (see docs/statistics-regression.md).
public enum OrdinaryLeastSquares {
    /// Fits y = Xb + e.
    ///
    /// - Parameters:
    ///   - y: the outcome.
    ///   - predictors: one array per predictor, each as long as `y`.
    ///   - names: one name per predictor (used in the table and in problem reports).
    ///   - intercept: prepend a constant column named "(intercept)".
    ///   - clusters: optional cluster label per observation; adds the CRV1 table.
    ///   - confidence: level of the confidence intervals (default 0.95).
    /// - Throws: `StatisticsError` only when the inputs have inconsistent lengths;
    ///   every statistical problem (rank deficiency, too few observations, one cluster)
    ///   is reported in the result's `problems` and undefined figures.
    public static func fit(
        y: [Double], predictors: [[Double]], names: [String],
        intercept: Bool = true, clusters: [String]? = nil, confidence: Double = 0.95
    ) throws -> OLSResult {
        if let clusters, clusters.count != y.count {
            throw StatisticsError("\(clusters.count) cluster labels but \(y.count) observations")
        }
        let design = try RegressionDesign(y: y, predictors: predictors, names: names, intercept: intercept)
        let n = design.n, k = design.k
        let names = design.names
        var notes = design.dropNotes

        func failed(_ reason: String) -> OLSResult {
            let u = Figure(undefined: reason)
            let cl = clusters.map { _ in CoefficientTable.undefined(kind: "cluster (CRV1)", names: names, df: nil, confidence: confidence, reason: reason) }
            return OLSResult(
                names: names, n: n, parameterCount: k, residualDF: n - k, hasConstant: design.hasConstant,
                classical: .undefined(kind: "classical", names: names, df: nil, confidence: confidence, reason: reason),
                hc1: .undefined(kind: "HC1", names: names, df: nil, confidence: confidence, reason: reason),
                cluster: cl, clusterCount: nil,
                rSquared: u, adjustedRSquared: u, residualStandardError: u, residualSumOfSquares: u,
                fStatistic: u, fP: u, fitted: [], residuals: [], keptRows: design.keptRows,
                problems: [reason], notes: notes)
        }

        guard k > 0 else { return failed("there are no columns in the model") }
        guard n > 0 else { return failed("there are no complete observations") }
        let rank = RegressionRankCheck.check(columns: design.scaledColumns, names: names)
        guard rank.rank == k else {
            let reason = "the model cannot be estimated: " + rank.problems.joined(separator: "; ")
            var r = failed(reason)
            r = r.replacing(problems: rank.problems)
            return r
        }

        // Extended-precision solve on the equilibrated columns, refined (Björck).
        typealias W = RegressionWideFloat
        let scaled: [[W]] = zip(design.columns, design.scales).map { c, s in c.map { W($0) / W(s) } }
        let qr = RegressionQR<W>(columns: scaled)
        let yw = design.y.map { W($0) }
        let refined = qr.refinedSolve(yw, columns: scaled)
        let bWide = (0..<k).map { refined.x[$0] / W(design.scales[$0]) }
        let residualsWide = refined.residual
        var ssrWide: W = 0
        for e in residualsWide { ssrWide += e * e }
        // (XᵀX)⁻¹ = D⁻¹ (RᵀR)⁻¹ D⁻¹ for the scaled columns X D⁻¹.
        let inv = qr.inverseOfRTR()
        var bread = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k { for j in 0..<k { bread[i][j] = Double(inv[i][j] / (W(design.scales[i]) * W(design.scales[j]))) } }

        let b = bWide.map { Double($0) }
        let residuals = residualsWide.map { Double($0) }
        let fitted = (0..<n).map { design.y[$0] - residuals[$0] }
        let ssr = Double(ssrWide)
        let dfResid = n - k

        // R²: centred when the model has a constant, uncentred otherwise (statsmodels;
        // NIST's NoInt1/NoInt2 certify the uncentred value).
        var tss: W = 0
        if design.hasConstant {
            var mean: W = 0
            for v in yw { mean += v }
            mean /= W(n)
            for v in yw { tss += (v - mean) * (v - mean) }
        } else {
            for v in yw { tss += v * v }
        }
        let kConstant = design.hasConstant ? 1 : 0
        let rSquared: Figure, adjusted: Figure
        if tss == 0 {
            rSquared = Figure(undefined: "the outcome does not vary")
            adjusted = rSquared
        } else {
            let r2 = Double(1 - ssrWide / tss)
            rSquared = Figure(r2)
            adjusted = dfResid > 0
                ? Figure(1 - Double(n - kConstant) / Double(dfResid) * (1 - r2))
                : Figure(undefined: "no residual degrees of freedom (n = \(n), k = \(k))")
        }

        // Classical table.
        let classical: CoefficientTable
        let sigma: Figure
        let fStatistic: Figure, fP: Figure
        if dfResid > 0 {
            let s2 = ssr / Double(dfResid)
            sigma = Figure(s2.squareRoot())
            classical = .build(kind: "classical", names: names, estimates: b,
                               standardErrors: (0..<k).map { (s2 * bread[$0][$0]).squareRoot() },
                               df: Double(dfResid), confidence: confidence)
            let dfModel = k - kConstant
            if dfModel > 0, tss > 0, ssr > 0 {
                let f = Double((tss - ssrWide) / W(dfModel)) / s2
                fStatistic = Figure(f)
                fP = Figure(FisherF(df1: Double(dfModel), df2: Double(dfResid)).sf(f))
            } else {
                let why = dfModel == 0 ? "the model has no predictors beyond the constant"
                    : tss == 0 ? "the outcome does not vary" : "the model fits exactly (zero residuals)"
                fStatistic = Figure(undefined: why); fP = Figure(undefined: why)
            }
        } else {
            let why = "no residual degrees of freedom (n = \(n), k = \(k)); standard errors need n > k"
            sigma = Figure(undefined: why)
            classical = .build(kind: "classical", names: names, estimates: b,
                               standardErrors: [Double](repeating: .nan, count: k), df: nil, confidence: confidence,
                               notes: [why])
            fStatistic = Figure(undefined: why); fP = Figure(undefined: why)
        }

        let hc1 = RobustCovariance.hc1Table(design: design, residuals: residuals, bread: bread,
                                            estimates: b, confidence: confidence)
        var cluster: CoefficientTable? = nil
        var clusterCount: Int? = nil
        if let clusters {
            let labels = design.keptRows.map { clusters[$0] }
            let out = RobustCovariance.clusterTable(design: design, residuals: residuals, bread: bread,
                                                    estimates: b, labels: labels, confidence: confidence)
            cluster = out.table
            clusterCount = out.count
        }
        if dfResid > 0 && ssr == 0 { notes.append("the model fits the data exactly: all residuals are zero") }

        return OLSResult(
            names: names, n: n, parameterCount: k, residualDF: dfResid, hasConstant: design.hasConstant,
            classical: classical, hc1: hc1, cluster: cluster, clusterCount: clusterCount,
            rSquared: rSquared, adjustedRSquared: adjusted, residualStandardError: sigma,
            residualSumOfSquares: Figure(ssr), fStatistic: fStatistic, fP: fP,
            fitted: fitted, residuals: residuals, keptRows: design.keptRows, problems: [], notes: notes)
    }
}
