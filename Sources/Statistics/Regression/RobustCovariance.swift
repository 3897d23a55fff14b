/// Sandwich covariance estimators B·M·B with B = (XᵀX)⁻¹, as statsmodels 0.15
/// computes them (`statsmodels.stats.sandwich_covariance`).
enum RobustCovariance {
    /// B·M·B for a symmetric meat M.
    static func sandwich(_ bread: [[Double]], _ meat: [[Double]]) -> [[Double]] {
        let k = bread.count
        var bm = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k { for j in 0..<k {
            var s = 0.0
            for m in 0..<k { s += bread[i][m] * meat[m][j] }
            bm[i][j] = s
        } }
        var out = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k { for j in 0..<k {
            var s = 0.0
            for m in 0..<k { s += bm[i][m] * bread[m][j] }
            out[i][j] = s
        } }
        return out
    }

    /// HC1 (MacKinnon & White 1985): M = Σ eᵢ² xᵢxᵢᵀ, scaled by n/(n − K).
    /// Reference distribution: t with n − K df (statsmodels `use_t=True`).
    static func hc1Table(design: RegressionDesign, residuals e: [Double], bread: [[Double]],
                         estimates: [Double], confidence: Double) -> CoefficientTable {
        let n = design.n, k = design.k
        guard n > k else {
            return .undefined(kind: "HC1", names: design.names, df: nil, confidence: confidence,
                              reason: "HC1 needs more observations than coefficients (n = \(n), k = \(k))")
        }
        var meat = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<n {
            let w = e[i] * e[i]
            guard w != 0 else { continue }
            for a in 0..<k {
                let xa = design.columns[a][i] * w
                for b in a..<k { meat[a][b] += xa * design.columns[b][i] }
            }
        }
        for a in 0..<k { for b in 0..<a { meat[a][b] = meat[b][a] } }
        let v = sandwich(bread, meat)
        let factor = Double(n) / Double(n - k)
        return .build(kind: "HC1", names: design.names, estimates: estimates,
                      standardErrors: (0..<k).map { (factor * v[$0][$0]).squareRoot() },
                      df: Double(n - k), confidence: confidence)
    }

    /// CRV1 (Liang & Zeger 1986; Cameron & Miller 2015 §2.3): M = Σ_g u_g u_gᵀ with
    /// u_g = X_gᵀ e_g, scaled by G/(G − 1) · (N − 1)/(N − K); t with G − 1 df
    /// (statsmodels `cov_type='cluster'`, `use_correction=True`, `df_correction=True`).
    static func clusterTable(design: RegressionDesign, residuals e: [Double], bread: [[Double]],
                             estimates: [Double], labels: [String], confidence: Double)
        -> (table: CoefficientTable, count: Int) {
        let n = design.n, k = design.k
        var index: [String: Int] = [:]
        var scores: [[Double]] = []
        for i in 0..<n {
            let g: Int
            if let existing = index[labels[i]] { g = existing } else {
                g = scores.count; index[labels[i]] = g
                scores.append([Double](repeating: 0, count: k))
            }
            for a in 0..<k { scores[g][a] += design.columns[a][i] * e[i] }
        }
        let groups = scores.count
        let kind = "cluster (CRV1)"
        guard groups >= 2 else {
            return (.undefined(kind: kind, names: design.names, df: nil, confidence: confidence,
                               reason: "cluster-robust errors need at least 2 clusters (there are \(groups))"), groups)
        }
        guard n > k else {
            return (.undefined(kind: kind, names: design.names, df: nil, confidence: confidence,
                               reason: "cluster-robust errors need more observations than coefficients (n = \(n), k = \(k))"), groups)
        }
        var meat = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for u in scores { for a in 0..<k { for b in 0..<k { meat[a][b] += u[a] * u[b] } } }
        let v = sandwich(bread, meat)
        let g = Double(groups)
        let factor = g / (g - 1) * Double(n - 1) / Double(n - k)
        var notes: [String] = []
        if groups < 30 {
            notes.append("only \(groups) clusters: cluster-robust standard errors are unreliable with few clusters, and invalid when only one cluster is treated; prefer permutation over units or a wild cluster bootstrap")
        }
        if k > groups - 1 {
            notes.append("more coefficients (\(k)) than clusters minus one (\(groups - 1)): the cluster-robust covariance matrix is singular, so joint tests are not possible")
        }
        return (.build(kind: kind, names: design.names, estimates: estimates,
                       standardErrors: (0..<k).map { (factor * v[$0][$0]).squareRoot() },
                       df: g - 1, confidence: confidence, notes: notes), groups)
    }
}
