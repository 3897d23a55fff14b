/// Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives",
/// ch. 4) on a bracket [a, b] where f changes sign. Used to invert CDFs where GSL's
/// own inverse returns NaN or an inaccurate value (large degrees of freedom).
func brentRoot(
    _ f: (Double) -> Double,
    lower a0: Double, upper b0: Double,
    relativeTolerance: Double = 4 * Double.ulpOfOne,
    maxIterations: Int = 500
) -> Double? {
    var a = a0, b = b0
    var fa = f(a), fb = f(b)
    guard fa.isFinite, fb.isFinite else { return nil }
    if fa == 0 { return a }
    if fb == 0 { return b }
    guard (fa < 0) != (fb < 0) else { return nil }
    var c = a, fc = fa
    var d = b - a, e = d
    for _ in 0..<maxIterations {
        if (fb > 0) == (fc > 0) {
            c = a; fc = fa; d = b - a; e = d
        }
        if abs(fc) < abs(fb) {
            a = b; b = c; c = a
            fa = fb; fb = fc; fc = fa
        }
        let tol = 2 * relativeTolerance * abs(b) + Double.leastNormalMagnitude
        let m = 0.5 * (c - b)
        if abs(m) <= tol || fb == 0 { return b }
        if abs(e) >= tol && abs(fa) > abs(fb) {
            // Inverse quadratic interpolation, or the secant step when a == c.
            let s = fb / fa
            var p: Double, q: Double
            if a == c {
                p = 2 * m * s
                q = 1 - s
            } else {
                let qq = fa / fc, r = fb / fc
                p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1))
                q = (qq - 1) * (r - 1) * (s - 1)
            }
            if p > 0 { q = -q } else { p = -p }
            if 2 * p < min(3 * m * q - abs(tol * q), abs(e * q)) {
                e = d; d = p / q
            } else {
                d = m; e = m
            }
        } else {
            d = m; e = m
        }
        a = b; fa = fb
        b += abs(d) > tol ? d : (m > 0 ? tol : -tol)
        fb = f(b)
        guard fb.isFinite else { return nil }
    }
    return b
}

/// Inverts a monotone increasing CDF `cdf` (with survival function `sf`) at the
/// lower-tail probability `p` or, when `upper` is true, at the upper-tail
/// probability `p`. Works in whichever tail keeps the probability small, so that
/// relative accuracy holds far out in the tails.
///
/// `guess` is a starting point (GSL's answer when it is finite, or an approximation).
func invertCDF(
    probability p: Double, upper: Bool,
    cdf: (Double) -> Double, sf: (Double) -> Double,
    guess: Double, support: ClosedRange<Double>
) -> Double? {
    // Solve in the tail where the target probability is below 1/2.
    let useUpper = upper ? p <= 0.5 : p > 0.5
    let target = upper == useUpper ? p : 1 - p
    // g is increasing in x in both tails.
    func g(_ x: Double) -> Double { useUpper ? target - sf(x) : cdf(x) - target }
    var lo = guess.isFinite ? min(max(guess, support.lowerBound), support.upperBound) : 0
    var hi = lo
    var step = max(1, abs(lo)) * 0.01
    // Expand a bracket around the guess until g changes sign.
    var glo = g(lo), ghi = glo
    var iterations = 0
    while glo > 0 && iterations < 2000 {
        hi = lo; ghi = glo
        lo = max(support.lowerBound, lo - step)
        glo = g(lo)
        step *= 2
        iterations += 1
        if lo == support.lowerBound && glo > 0 { return support.lowerBound }
    }
    step = max(1, abs(hi)) * 0.01
    while ghi < 0 && iterations < 4000 {
        lo = hi; glo = ghi
        hi = min(support.upperBound, hi + step)
        ghi = g(hi)
        step *= 2
        iterations += 1
        if hi == support.upperBound && ghi < 0 { return support.upperBound }
    }
    guard glo <= 0, ghi >= 0 else { return nil }
    return brentRoot(g, lower: lo, upper: hi)
}
