/// Accurate sums and moments for the descriptive statistics and the tests.
///
/// NIST StRD's univariate data sets (NumAcc1–4 in particular) are built so that
/// one-pass "textbook" formulas lose every digit. We use Neumaier's compensated sum
/// (Neumaier 1974, an improvement of Kahan summation) and the corrected two-pass
/// algorithm of Chan, Golub & LeVeque (1983, "Algorithms for computing the sample
/// variance", eq. 1.7): the mean is refined by the mean of the deviations, and the
/// sum of squared deviations is corrected by (Σ(x − m))² / n.
enum Summation {
    /// Σ x with Neumaier compensation.
    static func sum<C: Collection>(_ xs: C) -> Double where C.Element == Double {
        var s = 0.0, c = 0.0
        for x in xs {
            let t = s + x
            if abs(s) >= abs(x) { c += (s - t) + x } else { c += (x - t) + s }
            s = t
        }
        return s + c
    }

    /// The arithmetic mean, refined by a second pass; nil for an empty sample.
    static func mean<C: Collection>(_ xs: C) -> Double? where C.Element == Double {
        guard !xs.isEmpty else { return nil }
        let n = Double(xs.count)
        let m0 = sum(xs) / n
        return m0 + sum(xs.lazy.map { $0 - m0 }) / n
    }

    /// Σ (x − mean)² by the corrected two-pass algorithm; nil for an empty sample.
    static func sumOfSquaredDeviations<C: Collection>(_ xs: C, mean m: Double) -> Double where C.Element == Double {
        let n = Double(xs.count)
        var ss = 0.0, ssc = 0.0   // compensated Σ d²
        var sd = 0.0              // Σ d
        for x in xs {
            let d = x - m
            sd += d
            let sq = d * d
            let t = ss + sq
            if abs(ss) >= abs(sq) { ssc += (ss - t) + sq } else { ssc += (sq - t) + ss }
            ss = t
        }
        return max(0, (ss + ssc) - sd * sd / n)
    }

    /// Sample variance with denominator n − 1; nil when n < 2.
    static func variance<C: Collection>(_ xs: C) -> Double? where C.Element == Double {
        guard xs.count >= 2, let m = mean(xs) else { return nil }
        return sumOfSquaredDeviations(xs, mean: m) / Double(xs.count - 1)
    }
}
