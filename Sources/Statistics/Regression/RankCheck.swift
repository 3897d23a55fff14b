import CGSL

/// Rank of a design matrix by GSL's column-pivoted QR (`gsl_linalg_QRPT_decomp`,
/// Businger & Golub 1965) on unit-length columns, and, when the rank is short, which
/// columns are linear combinations of which others — in words a user can act on.
enum RegressionRankCheck {
    struct Outcome {
        let rank: Int
        /// One sentence per dependent column.
        let problems: [String]
    }

    /// `columns` are already scaled to unit Euclidean length. A diagonal element of R
    /// below `max(n, p) · ε · |R₁₁|` counts as zero: the tolerance numpy's
    /// `matrix_rank` uses on singular values, applied to the pivoted R (whose
    /// diagonal tracks the singular values closely for rank decisions).
    static func check(columns: [[Double]], names: [String]) -> Outcome {
        _ = GSL.ready
        let p = columns.count
        let n = columns.first?.count ?? 0
        guard p > 0, n > 0 else { return Outcome(rank: 0, problems: []) }
        if n < p {
            return Outcome(rank: n, problems: [
                "there are \(n) usable observations for \(p) coefficients; at least \(p) are needed"
            ])
        }
        guard let a = gsl_matrix_alloc(n, p), let tau = gsl_vector_alloc(p),
              let perm = gsl_permutation_alloc(p), let norm = gsl_vector_alloc(p) else {
            return Outcome(rank: 0, problems: ["could not allocate memory for the rank check"])
        }
        defer { gsl_matrix_free(a); gsl_vector_free(tau); gsl_permutation_free(perm); gsl_vector_free(norm) }
        for j in 0..<p { for i in 0..<n { gsl_matrix_set(a, i, j, columns[j][i]) } }
        var signum: Int32 = 0
        let status = gsl_linalg_QRPT_decomp(a, tau, perm, &signum, norm)
        guard status == GSL_SUCCESS else {
            return Outcome(rank: 0, problems: ["the rank check failed (GSL error \(status))"])
        }
        let r11 = abs(gsl_matrix_get(a, 0, 0))
        let tol = Double(max(n, p)) * Double.ulpOfOne * r11
        var rank = 0
        for k in 0..<p where abs(gsl_matrix_get(a, k, k)) > tol { rank = k + 1 }
        if r11 == 0 { rank = 0 }
        guard rank < p else { return Outcome(rank: p, problems: []) }

        // Column pivot order: the first `rank` are independent; each later column c
        // satisfies x_c ≈ Σ z_m x_m with R₁₁ z = R₁₂[:, c] (back-substitution).
        let order = (0..<p).map { Int(gsl_permutation_get(perm, $0)) }
        var problems: [String] = []
        for c in rank..<p {
            let column = order[c]
            if rank == 0 || columns[column].allSatisfy({ $0 == 0 }) {
                problems.append("column '\(names[column])' is all zeros")
                continue
            }
            var z = [Double](repeating: 0, count: rank)
            for i in stride(from: rank - 1, through: 0, by: -1) {
                var s = gsl_matrix_get(a, i, c)
                for m in (i + 1)..<rank { s -= gsl_matrix_get(a, i, m) * z[m] }
                z[i] = s / gsl_matrix_get(a, i, i)
            }
            let biggest = z.map(abs).max() ?? 0
            let partners = (0..<rank).filter { abs(z[$0]) > 1e-6 * biggest }.map { "'\(names[order[$0]])'" }
            problems.append(
                "column '\(names[column])' is a linear combination of others (\(partners.joined(separator: ", "))); drop one of them"
            )
        }
        return Outcome(rank: rank, problems: problems)
    }
}
