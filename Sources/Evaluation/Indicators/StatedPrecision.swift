import Foundation

/// The precision a figure was written with, read back from the number: reports print
/// 98,18 % or 6,1 %, and a difference of two such figures is read at their precision
/// (98.18 − 100 is −1.82, not −1.8199999999999932).
public enum StatedPrecision {
    /// Decimals of the shortest text that reads back as `x` (Swift prints the shortest
    /// round-tripping form), capped at 6: counts-derived values have many and are not
    /// rounded by this. A trailing zero written in the file ("6,10") is not recoverable
    /// from a Double and counts as one decimal fewer.
    public static func decimals(_ x: Double) -> Int {
        guard x.isFinite else { return 0 }
        let text = "\(abs(x))"
        if text.contains("e") { return 6 }
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        let fraction = text[text.index(after: dot)...]
        return fraction == "0" ? 0 : min(fraction.count, 6)
    }

    /// `x` with `decimals` places, rounded half away from zero, in English with a `.`
    /// and without grouping ("116.7", "-2", "0.30"): the figures of import messages,
    /// which Evaluation writes without Presentation's `NumberStyle`.
    public static func text(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return "\(x)" }
        let d = min(max(decimals, 0), 6)
        let r = round(x, to: d)
        return String(format: "%.\(d)f", r == 0 ? 0 : r)
    }

    /// `x` at the precision it was written with ("52.61", "120"): `decimals(x)` places.
    public static func text(_ x: Double) -> String {
        text(x, decimals: decimals(x))
    }

    /// Rounds half away from zero at `decimals` places (as LogicModel's target rules do).
    static func round(_ x: Double, to decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = x * scale
        let nudged = scaled + (scaled >= 0 ? 1 : -1) * abs(scaled) * 4 * Double.ulpOfOne
        return nudged.rounded(.toNearestOrAwayFromZero) / scale
    }

    /// a − b at the finer of the two stated precisions.
    static func difference(_ a: Double, _ b: Double) -> Double {
        round(a - b, to: max(decimals(a), decimals(b)))
    }

    /// Half a unit in the last stated place of the least precise of `values`: the slack
    /// within which rounded figures cannot be told apart.
    static func slack(_ values: [Double]) -> Double {
        let d = values.map(decimals).min() ?? 0
        var unit = 1.0
        for _ in 0..<d { unit /= 10 }
        return unit / 2
    }
}
