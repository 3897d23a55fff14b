/// Quantiles as numpy's default (`method='linear'`, Hyndman & Fan 1996 type 7, R's
/// default): h = (n − 1)·p, interpolate between the order statistics around h.
enum Quantile {
    /// `sorted` must be ascending and non-empty.
    static func type7(sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty)
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        let t = h - Double(lo)
        let a = sorted[lo], b = sorted[hi]
        // numpy's _lerp: interpolate from the nearer end so the result is monotone
        // and exact at t = 0 and t = 1.
        let diff = b - a
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
    }
}
