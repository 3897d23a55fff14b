/// Weighted least squares on unit × period cells, equivalent to OLS on the individual
/// cases when every regressor is constant within a cell (unit and period fixed
/// effects, treatment indicators): XᵀX = Σ_c n_c x_c x_cᵀ and Xᵀy = Σ_c n_c x_c ȳ_c, and
/// a cluster's score Σᵢ xᵢ eᵢ = Σ_{c∈g} n_c x_c (ȳ_c − x_cᵀb). So the estimate and the
/// cluster-robust (CRV1) covariance equal statsmodels' `OLS(...).fit(cov_type='cluster')`
/// on the cases, yet each refit (placebo units, bootstrap replicates) costs only
/// O(cells · K) instead of O(cases · K).
///
/// The design holds dummies only, so XᵀX is well conditioned and a Cholesky
/// factorisation in double precision is accurate (the general-purpose regressions use
/// the extended-precision QR of `OrdinaryLeastSquares`).
struct CellRegression {
    /// Row-major design, one row per cell.
    let rows: [[Double]]
    let counts: [Double]
    /// Cluster (unit) index of each cell, 0..<clusterCount.
    let clusters: [Int]
    let clusterCount: Int
    /// Number of cases (Σ counts).
    let cases: Double
    let k: Int
    /// Lower-triangular Cholesky factor of XᵀWX.
    private let factor: [[Double]]

    /// nil when XᵀWX is singular (a column is a combination of others).
    init?(rows: [[Double]], counts: [Double], clusters: [Int], clusterCount: Int) {
        self.rows = rows; self.counts = counts; self.clusters = clusters; self.clusterCount = clusterCount
        k = rows.first?.count ?? 0
        var total = 0.0
        for c in counts { total += c }
        cases = total
        guard k > 0 else { return nil }
        var a = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for (r, row) in rows.enumerated() {
            for i in 0..<k where row[i] != 0 {
                for j in 0...i where row[j] != 0 { a[i][j] += counts[r] * row[i] * row[j] }
            }
        }
        let scale = (0..<k).map { a[$0][$0] }.max() ?? 0
        var l = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for j in 0..<k {
            var d = a[j][j]
            for m in 0..<j { d -= l[j][m] * l[j][m] }
            // A pivot this small relative to the largest diagonal means a column is a
            // linear combination of the others (e.g. a unit seen in one period only).
            guard d > 1e-10 * scale else { return nil }
            l[j][j] = d.squareRoot()
            for i in (j + 1)..<k {
                var s = a[i][j]
                for m in 0..<j { s -= l[i][m] * l[j][m] }
                l[i][j] = s / l[j][j]
            }
        }
        factor = l
    }

    /// Solves (XᵀWX) x = v.
    func solve(_ v: [Double]) -> [Double] {
        var z = v
        for i in 0..<k {
            var s = z[i]
            for m in 0..<i { s -= factor[i][m] * z[m] }
            z[i] = s / factor[i][i]
        }
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = z[i]
            for m in (i + 1)..<k { s -= factor[m][i] * z[m] }
            z[i] = s / factor[i][i]
        }
        return z
    }

    /// Coefficients for cell means `y`.
    func coefficients(_ y: [Double]) -> [Double] {
        var xty = [Double](repeating: 0, count: k)
        for (r, row) in rows.enumerated() {
            let w = counts[r] * y[r]
            for i in 0..<k where row[i] != 0 { xty[i] += row[i] * w }
        }
        return solve(xty)
    }

    func fitted(_ b: [Double]) -> [Double] {
        rows.map { row in
            var s = 0.0
            for i in 0..<k where row[i] != 0 { s += row[i] * b[i] }
            return s
        }
    }

    /// CRV1 standard error of coefficient `index` with statsmodels' small-sample factor
    /// G/(G − 1)·(N − 1)/(N − K), N counting cases; nil when it is undefined.
    /// `inverseRow` is row `index` of (XᵀWX)⁻¹ (see `inverseRow(_:)`).
    func clusterStandardError(index: Int, inverseRow: [Double], y: [Double], b: [Double]) -> Double? {
        guard clusterCount >= 2, cases > Double(k) else { return nil }
        let fit = fitted(b)
        // Per cluster: aᵀ s_g with s_g = Σ_{c∈g} n_c x_c e_c.
        var score = [Double](repeating: 0, count: clusterCount)
        for (r, row) in rows.enumerated() {
            let e = counts[r] * (y[r] - fit[r])
            var ax = 0.0
            for i in 0..<k where row[i] != 0 { ax += inverseRow[i] * row[i] }
            score[clusters[r]] += ax * e
        }
        var v = 0.0
        for s in score { v += s * s }
        let g = Double(clusterCount)
        let f = g / (g - 1) * (cases - 1) / (cases - Double(k))
        return (f * v).squareRoot()
    }

    func inverseRow(_ index: Int) -> [Double] {
        var e = [Double](repeating: 0, count: k)
        e[index] = 1
        return solve(e)
    }
}
