import Foundation

/// One precision for a chart's value labels, chosen for the chart: the fewest decimals,
/// from `base`, at which figures of a group that differ print differently — the tables'
/// `DistinguishingDecimals.apart`, for unsigned labels. A chart that wrote each value
/// with the decimals it was stated with printed "5,1" beside "5,15", and "1,3" for both
/// 1,25 and 1,3. A group is what a reader compares: one line of an indicator's values
/// (a year's and a tertial's are separate lines), a heat map's row (one statement across
/// units), a Likert bar's classes.
enum ChartDecimals {
    /// Up to `limit`; where even `limit` leaves some figures alike, the fewest decimals
    /// that leave as few alike.
    static func apart(_ groups: [[Double]], base: Int, limit: Int = 3, numbers: NumberStyle) -> Int {
        DistinguishingDecimals.apart(groups, base: base, limit: limit, numbers: numbers, signed: false, whenNoneSuffices: .fewestAlike)
    }

    /// The decimals an axis's ticks need at `step` (1, 2 or 5 × 10^k): 0,05 → 2, 0,5 → 1, 5 → 0.
    static func tickDecimals(step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        return max(0, Int((-log10(step) - 1e-9).rounded(.up)))
    }
}
