/// How many decimals a difference and its interval need so that rounding never says
/// something the figures do not: an end that is not zero must not print as 0 (or with
/// the other sign), and figures that differ must not print alike. "−0,1 (−0,2 till
/// 0,0)" for an interval of −0,17 to −0,05 beside the word "Skillnad" contradicts
/// itself; "−0,11 (−0,17 till −0,05)" does not.
public enum DistinguishingDecimals {
    /// The fewest decimals from `base` up to `limit` that keep every nonzero value's
    /// sign and keep distinct values apart; `limit` when none does.
    public static func decimals(for values: [Double], base: Int = 1, limit: Int = 3, numbers: NumberStyle) -> Int {
        let finite = values.filter(\.isFinite)
        for d in base...max(base, limit) {
            let written = finite.map { numbers.signed($0, decimals: d) }
            let zero = numbers.signed(0, decimals: d)
            let signsKept = zip(finite, written).allSatisfy { value, text in value == 0 || text != zero }
            var apart = true
            for i in finite.indices { for j in finite.indices where j > i && finite[i] != finite[j] && written[i] == written[j] { apart = false } }
            if signsKept && apart { return d }
        }
        return max(base, limit)
    }

    /// The fewest decimals from `base` up to `limit` at which, within each group (a value
    /// and its interval's ends), figures that differ print differently: one precision for
    /// a table's values and intervals, so none reads "0,6 (0,6 till 0,6)" and no
    /// difference "0,0 (−0,1 till 0,0)". Unlike `decimals(for:)` it does not keep a value
    /// apart from zero by itself (an interval's end may read 0,0 when nothing else in its
    /// group does), nor figures of different groups apart.
    ///
    /// `signed`: figures as a difference is written (−0,04 and +0,02 both read 0,0 at one
    /// decimal, but differ by sign at none). Where even `limit` leaves some figures alike,
    /// `limit` (`.limit`, a table's figures), or the fewest decimals that leave as few
    /// alike (`.fewestAlike`, a chart's labels: 1,29268 and 1,29310 are not worth three
    /// decimals on every label when they read alike at three too).
    public static func apart(_ groups: [[Double]], base: Int = 1, limit: Int = 3, numbers: NumberStyle,
                             signed: Bool = true, whenNoneSuffices fallback: Fallback = .limit) -> Int {
        // Figures computed two ways (a mean summed in another order) may differ in their
        // last bits; those are one figure, not two to tell apart.
        let figures = groups.map { group in
            group.filter(\.isFinite).reduce(into: [Double]()) { kept, v in
                if !kept.contains(where: { abs($0 - v) <= 1e-9 * max(1, abs($0), abs(v)) }) { kept.append(v) }
            }
        }
        func alike(_ decimals: Int) -> Int {
            figures.reduce(0) { count, group in
                let written = group.map { signed ? numbers.signed($0, decimals: decimals) : numbers.decimal($0, decimals: decimals) }
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
        return best.alike == 0 || fallback == .fewestAlike ? best.decimals : max(base, limit)
    }

    /// What `apart` gives when no precision up to its limit tells every figure apart.
    public enum Fallback: Sendable { case limit, fewestAlike }
}
