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

    /// A power of two that brings data of extreme magnitude near 1, so that sums of
    /// values and squares of deviations neither overflow (values beyond ~1e150: a square
    /// of 1e155 is infinite, a sum of two values near 1.7e308 too) nor underflow (below
    /// ~1e-150: a square of 1e-163 is 0, and the spread of subnormal values is lost).
    /// Multiplying by a power of two is exact, so the scaled data are the data; 1 for
    /// every ordinary sample, which then takes the unscaled path bit for bit.
    static func scale<C: Collection>(_ xs: C) -> Double where C.Element == Double {
        var largest = 0.0
        for x in xs where x.isFinite { largest = max(largest, abs(x)) }
        guard largest > 0, largest > 1e150 || largest < 1e-150 else { return 1 }
        // Clamped so the factor itself is a normal double (2^1074 for subnormal data is
        // not); 2^±1000 still brings every finite value within 2^±75 of 1.
        return Double(sign: .plus, exponent: max(-1000, min(1000, -largest.exponent)), significand: 1)
    }

    /// The arithmetic mean, refined by a second pass; nil for an empty sample. Data of
    /// extreme magnitude are scaled first (`scale`), so the mean of values near 1.7e308
    /// is computed whenever it is representable.
    static func mean<C: Collection>(_ xs: C) -> Double? where C.Element == Double {
        guard !xs.isEmpty else { return nil }
        let s = scale(xs)
        if s != 1 { return unscaledMean(xs.map { $0 * s }).map { $0 / s } }
        return unscaledMean(xs)
    }

    private static func unscaledMean<C: Collection>(_ xs: C) -> Double? where C.Element == Double {
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

    /// Sample variance with denominator n − 1, of the data as given (callers that may
    /// meet extreme magnitudes scale first, see `SampleMoments`); nil when n < 2.
    static func variance<C: Collection>(_ xs: C) -> Double? where C.Element == Double {
        guard xs.count >= 2, let m = unscaledMean(xs) else { return nil }
        return sumOfSquaredDeviations(xs, mean: m) / Double(xs.count - 1)
    }

    /// The sample standard deviation (n − 1), computed on scaled data and scaled back:
    /// right wherever the SD itself is representable, even when the variance is not
    /// (values near 1e300 have a variance near 1e600). Nil when n < 2.
    static func standardDeviation<C: Collection>(_ xs: C) -> Double? where C.Element == Double {
        let s = scale(xs)
        if s == 1 { return variance(xs).map { $0.squareRoot() } }
        return variance(xs.map { $0 * s }).map { $0.squareRoot() / s }
    }
}
