/// Householder QR of a tall matrix, generic over the floating-point type so the
/// least-squares solve can run in extended precision (`Float80` on x86-64).
///
/// Why not GSL alone: GSL works in `double` only, and a double-precision QR reaches
/// about 7 correct digits on the NIST StRD "Filip" problem (a degree-10 polynomial,
/// condition number ≈ 5e9 after column scaling). The same Householder algorithm in
/// 64-bit-mantissa arithmetic gains about three more digits there and 13–15 digits on
/// the other NIST sets. GSL's pivoted QR (`RankCheck`) still decides the rank.
///
/// Algorithm: Golub & Van Loan, "Matrix Computations" (4th ed.), Alg. 5.2.1, applied
/// column by column to column-major storage; columns are pre-scaled to unit length
/// by the caller (equilibration, ibid. §3.5.2), which makes the QR insensitive to the
/// very different magnitudes of polynomial columns.
struct RegressionQR<T: BinaryFloatingPoint> {
    /// Column-major: `columns[j][i]`. After factorisation the upper triangle holds R.
    private(set) var columns: [[T]]
    let rows: Int
    let count: Int
    /// Householder vectors (stored separately to keep R clean).
    private var reflectors: [[T]] = []
    private var betas: [T] = []

    init(columns input: [[T]]) {
        columns = input
        count = input.count
        rows = input.first?.count ?? 0
        for k in 0..<count where k < rows {
            var norm2: T = 0
            for i in k..<rows { norm2 += columns[k][i] * columns[k][i] }
            let norm = norm2.squareRoot()
            var v = [T](repeating: 0, count: rows)
            if norm == 0 {
                reflectors.append(v); betas.append(0); continue
            }
            let alpha: T = columns[k][k] >= 0 ? -norm : norm
            for i in k..<rows { v[i] = columns[k][i] }
            v[k] -= alpha
            var vnorm2: T = 0
            for i in k..<rows { vnorm2 += v[i] * v[i] }
            let beta: T = vnorm2 == 0 ? 0 : 2 / vnorm2
            columns[k][k] = alpha
            for i in (k + 1)..<rows { columns[k][i] = 0 }
            for j in (k + 1)..<count {
                var s: T = 0
                for i in k..<rows { s += v[i] * columns[j][i] }
                s *= beta
                if s != 0 { for i in k..<rows { columns[j][i] -= s * v[i] } }
            }
            reflectors.append(v); betas.append(beta)
        }
    }

    func r(_ i: Int, _ j: Int) -> T { columns[j][i] }

    /// Qᵀy.
    func applyQTranspose(_ y: [T]) -> [T] {
        var out = y
        for k in 0..<reflectors.count {
            let v = reflectors[k]
            var s: T = 0
            for i in k..<rows { s += v[i] * out[i] }
            s *= betas[k]
            if s != 0 { for i in k..<rows { out[i] -= s * v[i] } }
        }
        return out
    }

    /// Least-squares solution of X b ≈ y (X full column rank): back-substitution on R.
    func solve(_ y: [T]) -> [T] {
        let qty = applyQTranspose(y)
        var b = [T](repeating: 0, count: count)
        for i in stride(from: count - 1, through: 0, by: -1) {
            var s = qty[i]
            for j in (i + 1)..<count { s -= r(i, j) * b[j] }
            b[i] = s / r(i, i)
        }
        return b
    }

    /// Q·v for a full-length v.
    func applyQ(_ v: [T]) -> [T] {
        var out = v
        for k in stride(from: reflectors.count - 1, through: 0, by: -1) {
            let h = reflectors[k]
            var s: T = 0
            for i in k..<rows { s += h[i] * out[i] }
            s *= betas[k]
            if s != 0 { for i in k..<rows { out[i] -= s * h[i] } }
        }
        return out
    }

    /// Solves R x = v (first `count` entries of v).
    func solveR(_ v: [T]) -> [T] {
        var x = [T](repeating: 0, count: count)
        for i in stride(from: count - 1, through: 0, by: -1) {
            var s = v[i]
            for j in (i + 1)..<count { s -= r(i, j) * x[j] }
            x[i] = s / r(i, i)
        }
        return x
    }

    /// Solves Rᵀ h = g.
    func solveRTranspose(_ g: [T]) -> [T] {
        var h = [T](repeating: 0, count: count)
        for i in 0..<count {
            var s = g[i]
            for j in 0..<i { s -= r(j, i) * h[j] }
            h[i] = s / r(i, i)
        }
        return h
    }

    /// Least squares with Björck's iterative refinement of the augmented system
    /// [I A; Aᵀ 0][r; x] = [y; 0] (Björck 1967, "Iterative refinement of linear least
    /// squares solutions I", BIT 7; Higham, "Accuracy and Stability of Numerical
    /// Algorithms", §20.5). The residuals f = y − r − Ax and g = −Aᵀr are computed
    /// with compensated (twice-working-precision) dot products (Ogita, Rump & Oishi
    /// 2005, Dot2), so the refinement removes the κ²·‖r‖ error term that plain QR
    /// leaves on problems with large residuals (NIST Wampler4/5). `columns` is the
    /// original (un-factorised) matrix, column-major.
    func refinedSolve(_ y: [T], columns a: [[T]], steps: Int = 4) -> (x: [T], residual: [T]) {
        var x = solve(y)
        var res = [T](repeating: 0, count: rows)
        for i in 0..<rows {
            var acc = CompensatedSum<T>()
            acc.add(y[i])
            for j in 0..<count { acc.addProduct(-a[j][i], x[j]) }
            res[i] = acc.value
        }
        for _ in 0..<steps {
            var f = [T](repeating: 0, count: rows)
            for i in 0..<rows {
                var acc = CompensatedSum<T>()
                acc.add(y[i]); acc.add(-res[i])
                for j in 0..<count { acc.addProduct(-a[j][i], x[j]) }
                f[i] = acc.value
            }
            var g = [T](repeating: 0, count: count)
            for j in 0..<count {
                var acc = CompensatedSum<T>()
                for i in 0..<rows { acc.addProduct(-a[j][i], res[i]) }
                g[j] = acc.value
            }
            let h = solveRTranspose(g)
            let d = applyQTranspose(f)
            var d1 = [T](repeating: 0, count: count)
            for i in 0..<count { d1[i] = d[i] - h[i] }
            let dx = solveR(d1)
            var top = d
            for i in 0..<count { top[i] = h[i] }
            let dr = applyQ(top)
            for j in 0..<count { x[j] += dx[j] }
            for i in 0..<rows { res[i] += dr[i] }
        }
        return (x, res)
    }

    /// (RᵀR)⁻¹ = R⁻¹R⁻ᵀ, which equals (XᵀX)⁻¹ without ever forming XᵀX
    /// (forming it squares the condition number).
    func inverseOfRTR() -> [[T]] {
        let p = count
        // Rinv upper triangular, row-major rinv[i][j].
        var rinv = [[T]](repeating: [T](repeating: 0, count: p), count: p)
        for j in 0..<p {
            rinv[j][j] = 1 / r(j, j)
            for i in stride(from: j - 1, through: 0, by: -1) {
                var s: T = 0
                for m in (i + 1)...j { s += r(i, m) * rinv[m][j] }
                rinv[i][j] = -s / r(i, i)
            }
        }
        var out = [[T]](repeating: [T](repeating: 0, count: p), count: p)
        for i in 0..<p {
            for j in i..<p {
                var s: T = 0
                for m in j..<p { s += rinv[i][m] * rinv[j][m] }
                out[i][j] = s; out[j][i] = s
            }
        }
        return out
    }
}

/// Sum in twice the working precision: TwoSum (Knuth) and TwoProduct via fused
/// multiply-add (Ogita, Rump & Oishi 2005, "Accurate sum and dot product", Alg. 5.3).
struct CompensatedSum<T: BinaryFloatingPoint> {
    private var sum: T = 0
    private var error: T = 0

    mutating func add(_ v: T) {
        let s = sum + v
        let z = s - sum
        error += (sum - (s - z)) + (v - z)
        sum = s
    }

    mutating func addProduct(_ a: T, _ b: T) {
        let p = a * b
        let e = (-p).addingProduct(a, b)
        add(p)
        error += e
    }

    var value: T { sum + error }
}

#if arch(x86_64) && !os(Windows)
/// The widest hardware float: 64-bit mantissa on x86-64.
typealias RegressionWideFloat = Float80
#else
typealias RegressionWideFloat = Double
#endif
