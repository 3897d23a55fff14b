import Foundation

/// One precision for a chart's value labels, chosen for the chart: the fewest decimals,
/// from `base`, at which figures of a group that differ print differently — in the
/// spirit of the tables' `DistinguishingDecimals.apart`. A chart that wrote each value
/// with the decimals it was stated with printed "5,1" beside "5,15", and "1,3" for both
/// 1,25 and 1,3. A group is what a reader compares: one line of an indicator's values
/// (a year's and a tertial's are separate lines), a heat map's row (one statement across
/// units), a Likert bar's classes.
enum ChartDecimals {
    /// Up to `limit`; where even `limit` leaves some figures alike, the fewest decimals
    /// that leave as few alike (1,29268 and 1,29310 are not worth three decimals on every
    /// label when they read alike at three too).
    static func apart(_ groups: [[Double]], base: Int, limit: Int = 3, numbers: NumberStyle) -> Int {
        // Figures computed two ways (a mean summed in another order) may differ in their
        // last bits; those are one figure, not two to tell apart.
        let figures = groups.map { group in
            group.filter(\.isFinite).reduce(into: [Double]()) { kept, v in
                if !kept.contains(where: { abs($0 - v) <= 1e-9 * max(1, abs($0), abs(v)) }) { kept.append(v) }
            }
        }
        func alike(_ decimals: Int) -> Int {
            figures.reduce(0) { count, group in
                let written = group.map { numbers.decimal($0, decimals: decimals) }
                return count + written.indices.reduce(0) { n, i in n + written.indices.filter { $0 > i && written[$0] == written[i] }.count }
            }
        }
        var best = (decimals: base, alike: alike(base))
        var d = base
        while best.alike > 0 && d < limit {
            d += 1
            let n = alike(d)
            if n < best.alike { best = (d, n) }
        }
        return best.decimals
    }

    /// The decimals an axis's ticks need at `step` (1, 2 or 5 × 10^k): 0,05 → 2, 0,5 → 1, 5 → 0.
    static func tickDecimals(step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        return max(0, Int((-log10(step) - 1e-9).rounded(.up)))
    }
}
