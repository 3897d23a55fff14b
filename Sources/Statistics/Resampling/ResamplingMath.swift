import Foundation

/// Small numerical helpers for the resampling methods (kept here, not in Core, so this
/// folder stands alone).
enum ResamplingMath {
    /// Arithmetic mean with a second-pass correction (accurate for large offsets).
    static func mean(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        var s = 0.0
        for v in x { s += v }
        let m = s / Double(x.count)
        var c = 0.0
        for v in x { c += v - m }
        return m + c / Double(x.count)
    }

    /// Sample variance (n − 1), two-pass.
    static func variance(_ x: [Double]) -> Double {
        guard x.count > 1 else { return .nan }
        let m = mean(x)
        var s = 0.0
        for v in x { s += (v - m) * (v - m) }
        return s / Double(x.count - 1)
    }

    /// Quantile of sorted data by linear interpolation between order statistics
    /// (Hyndman & Fan type 7; numpy's default `method='linear'`, which
    /// `scipy.stats.quantile` and `scipy.stats.bootstrap` use).
    static func quantileSorted(_ sorted: [Double], _ p: Double) -> Double {
        let n = sorted.count
        guard n > 0, p.isFinite else { return .nan }
        if n == 1 { return sorted[0] }
        let h = Double(n - 1) * min(max(p, 0), 1)
        let lo = Int(h.rounded(.down))
        if lo >= n - 1 { return sorted[n - 1] }
        let g = h - Double(lo)
        // numpy's _lerp: a + g·(b − a), evaluated from the nearer end for monotonicity.
        let a = sorted[lo], b = sorted[lo + 1]
        return g >= 0.5 ? b - (b - a) * (1 - g) : a + (b - a) * g
    }

    /// Binomial coefficient C(n, k), or nil when it exceeds `limit`.
    static func binomial(_ n: Int, _ k: Int, limit: Int) -> Int? {
        let k = min(k, n - k)
        guard k >= 0 else { return 0 }
        var c = 1
        for i in 0..<k {
            // c · (n − i) / (i + 1) is exact at each step.
            let (m, overflow) = c.multipliedReportingOverflow(by: n - i)
            if overflow { return nil }
            c = m / (i + 1)
            if c > limit { return nil }
        }
        return c
    }
}
