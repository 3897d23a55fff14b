import Foundation

/// Logistic regression (binary outcome 0/1) by iteratively reweighted least squares,
/// i.e. Newton–Raphson on the log-likelihood (McCullagh & Nelder 1989 §4.4), matching
/// statsmodels 0.15 `Logit(y, X).fit()`: standard errors from the inverse observed
/// information (XᵀWX)⁻¹ at the maximum, z = b/se, normal p-values and Wald CIs.
public enum LogisticRegression {
    /// Fits logit P(y = 1) = Xb.
    ///
    /// - Parameters: as `OrdinaryLeastSquares.fit`; `y` must hold only 0 and 1.
    /// - Throws: `StatisticsError` only for inconsistent lengths. Non-binary outcomes,
    ///   rank problems, separation and non-convergence are reported in `problems`.
    public static func fit(
        y: [Double], predictors: [[Double]], names: [String],
        intercept: Bool = true, confidence: Double = 0.95, maxIterations: Int = 100
    ) throws -> LogisticResult {
        let design = try RegressionDesign(y: y, predictors: predictors, names: names, intercept: intercept)
        let n = design.n, k = design.k
        let names = design.names
        let events = design.y.filter { $0 == 1 }.count
        let notes = design.dropNotes

        func failed(_ problems: [String], iterations: Int = 0, converged: Bool = false) -> LogisticResult {
            let reason = problems.joined(separator: "; ")
            let u = Figure(undefined: reason)
            return LogisticResult(
                names: names, n: n, events: events,
                coefficients: .undefined(kind: "maximum likelihood", names: names, df: nil, confidence: confidence, reason: reason),
                logLikelihood: u, nullLogLikelihood: u, pseudoRSquared: u,
                iterations: iterations, converged: converged, fitted: [], keptRows: design.keptRows,
                problems: problems, notes: notes)
        }

        guard k > 0 else { return failed(["there are no columns in the model"]) }
        guard n > 0 else { return failed(["there are no complete observations"]) }
        if let bad = design.y.first(where: { $0 != 0 && $0 != 1 }) {
            return failed(["the outcome must be 0 or 1, but it holds \(bad)"])
        }
        if events == 0 || events == n {
            return failed(["the outcome does not vary (every value is \(events == 0 ? 0 : 1)): there is nothing to model"])
        }
        let rank = RegressionRankCheck.check(columns: design.scaledColumns, names: names)
        guard rank.rank == k else { return failed(rank.problems) }

        let scaled = design.scaledColumns
        var beta = [Double](repeating: 0, count: k)   // on the scaled columns
        var eta = [Double](repeating: 0, count: n)
        var converged = false
        var iterations = 0
        var inverse: [[Double]] = []

        func probability(_ e: Double) -> Double { e >= 0 ? 1 / (1 + exp(-e)) : exp(e) / (1 + exp(e)) }

        while iterations < maxIterations {
            iterations += 1
            let p = eta.map(probability)
            // Complete separation: the fit reproduces every outcome (statsmodels'
            // perfect-prediction check, `np.allclose(mu, endog)`).
            if zip(p, design.y).allSatisfy({ abs($0 - $1) < 1e-8 }) {
                return failed([
                    "complete separation: the predictors classify every observation exactly, so the maximum-likelihood estimates do not exist (they grow without bound)"
                ], iterations: iterations)
            }
            // Newton step δ = (XᵀWX)⁻¹ Xᵀ(y − p) through the QR of W^{1/2}X (never
            // forming XᵀX), W = diag(p(1 − p)).
            let w = p.map { $0 * (1 - $0) }
            let weighted = scaled.map { c in (0..<n).map { c[$0] * w[$0].squareRoot() } }
            let qr = RegressionQR<Double>(columns: weighted)
            if (0..<k).contains(where: { qr.r($0, $0) == 0 || !qr.r($0, $0).isFinite }) { break }
            inverse = qr.inverseOfRTR()
            var score = [Double](repeating: 0, count: k)
            for j in 0..<k { for i in 0..<n { score[j] += scaled[j][i] * (design.y[i] - p[i]) } }
            var delta = [Double](repeating: 0, count: k)
            for a in 0..<k { for b in 0..<k { delta[a] += inverse[a][b] * score[b] } }
            for j in 0..<k { beta[j] += delta[j] }
            for i in 0..<n {
                var s = 0.0
                for j in 0..<k { s += scaled[j][i] * beta[j] }
                eta[i] = s
            }
            if (0..<k).allSatisfy({ abs(delta[$0]) <= 1e-11 * (1 + abs(beta[$0])) }) {
                converged = true
                break
            }
        }
        let maxEta = eta.map(abs).max() ?? 0
        // A finite maximum-likelihood fit essentially never puts a fitted probability
        // within e^-30 ≈ 1e-13 of 0 or 1; when it does, the likelihood is still rising
        // along a direction that separates part of the data (Albert & Anderson 1984).
        let separated = maxEta > 30
        guard converged, !separated, beta.allSatisfy({ $0.isFinite }) else {
            var why = converged ? "the fit stopped with fitted probabilities at 0 or 1"
                : "the fit did not converge in \(iterations) iterations"
            if maxEta > 15 {
                why += "; the largest |linear predictor| is \(String(format: "%.1f", maxEta)), which points to quasi-complete separation: some predictor (or combination) perfectly predicts the outcome for a subset of observations, so the estimates do not exist"
            }
            return failed([why], iterations: iterations, converged: converged)
        }

        // Covariance at the maximum (recomputed at the final β).
        let p = eta.map(probability)
        let w = p.map { $0 * (1 - $0) }
        let weighted = scaled.map { c in (0..<n).map { c[$0] * w[$0].squareRoot() } }
        inverse = RegressionQR<Double>(columns: weighted).inverseOfRTR()
        let b = (0..<k).map { beta[$0] / design.scales[$0] }
        let se = (0..<k).map { inverse[$0][$0].squareRoot() / design.scales[$0] }
        var extraNotes = notes
        if maxEta > 15 {
            extraNotes.append("some fitted probabilities are within 1e-6 of 0 or 1 (largest |linear predictor| = \(String(format: "%.1f", maxEta))): near-separation makes the standard errors unreliable")
        }
        // Log-likelihoods: Σ [y·η − log(1 + e^η)], computed stably.
        func logOnePlusExp(_ e: Double) -> Double { e > 0 ? e + log1p(exp(-e)) : log1p(exp(e)) }
        var ll = 0.0
        for i in 0..<n { ll += design.y[i] * eta[i] - logOnePlusExp(eta[i]) }
        // Null model: constant only, as statsmodels' `llnull`.
        let pbar = Double(events) / Double(n)
        let llNull = Double(events) * log(pbar) + Double(n - events) * log(1 - pbar)
        let table = CoefficientTable.build(kind: "maximum likelihood", names: names, estimates: b,
                                           standardErrors: se, df: nil, confidence: confidence)
        return LogisticResult(
            names: names, n: n, events: events, coefficients: table,
            logLikelihood: Figure(ll), nullLogLikelihood: Figure(llNull),
            pseudoRSquared: Figure(1 - ll / llNull),
            iterations: iterations, converged: true, fitted: p, keptRows: design.keptRows,
            problems: [], notes: extraNotes)
    }
}

/// The result of `LogisticRegression.fit`.
public struct LogisticResult: Sendable, Equatable {
    public let names: [String]
    /// Observations used (after listwise deletion).
    public let n: Int
    /// Observations with outcome 1.
    public let events: Int
    /// Log-odds coefficients with z statistics and normal-based CIs.
    public let coefficients: CoefficientTable
    public let logLikelihood: Figure
    public let nullLogLikelihood: Figure
    /// McFadden's pseudo R² = 1 − ℓ/ℓ₀ (statsmodels `prsquared`).
    public let pseudoRSquared: Figure
    public let iterations: Int
    public let converged: Bool
    /// Fitted probabilities for the observations used.
    public let fitted: [Double]
    public let keptRows: [Int]
    /// Why the model could not be estimated (empty when it was).
    public let problems: [String]
    public let notes: [String]
}
