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
    /// group does), nor figures of different groups apart; `limit` when none does.
    public static func apart(_ groups: [[Double]], base: Int = 1, limit: Int = 3, numbers: NumberStyle) -> Int {
        let finite = groups.map { $0.filter(\.isFinite) }
        for d in base...max(base, limit) {
            let clear = finite.allSatisfy { values in
                // As a difference is written: −0,04 and +0,02 both read 0,0 at one decimal.
                let written = values.map { numbers.signed($0, decimals: d) }
                return values.indices.allSatisfy { i in
                    values.indices.allSatisfy { j in j <= i || values[i] == values[j] || written[i] != written[j] }
                }
            }
            if clear { return d }
        }
        return max(base, limit)
    }
}
