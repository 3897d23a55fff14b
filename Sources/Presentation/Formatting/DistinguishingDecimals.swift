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
}
