/// Pearson's chi-square test of independence in an r×c table, as
/// `scipy.stats.chi2_contingency(table, correction=...)`:
///
///   E = row total · column total / N,  X² = Σ (O − E)²/E,  df = (r − 1)(c − 1).
///
/// With `yates: true` and df = 1 (a 2×2 table), every observed count first moves
/// toward its expected count by min(0.5, |E − O|) — scipy's form of Yates'
/// correction, which never overshoots the expected value.
public enum ChiSquareTest {
    public static func compute(_ table: [[Int]], yates: Bool) -> TestResult {
        let r = table.count
        guard r > 0, let c = table.first?.count, c > 0, table.allSatisfy({ $0.count == c }) else {
            return TestResult(undefined: "the table is empty or ragged", hasDf: true)
        }
        guard table.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else {
            return TestResult(undefined: "a count is negative", hasDf: true)
        }
        guard r >= 2, c >= 2 else {
            return TestResult(undefined: "needs at least two rows and two columns", hasDf: true)
        }
        let rowTotals = table.map { Double($0.reduce(0, +)) }
        let colTotals = (0..<c).map { j in Double(table.reduce(0) { $0 + $1[j] }) }
        let total = rowTotals.reduce(0, +)
        guard !rowTotals.contains(0), !colTotals.contains(0) else {
            return TestResult(undefined: "a row or column has no observations (an expected count is zero)", hasDf: true)
        }
        let df = (r - 1) * (c - 1)
        var terms: [Double] = []
        terms.reserveCapacity(r * c)
        for i in 0..<r {
            for j in 0..<c {
                let expected = rowTotals[i] * colTotals[j] / total
                var observed = Double(table[i][j])
                if yates && df == 1 {
                    let diff = expected - observed
                    let magnitude = min(0.5, abs(diff))
                    observed += diff > 0 ? magnitude : (diff < 0 ? -magnitude : 0)
                }
                let dev = observed - expected
                terms.append(dev * dev / expected)
            }
        }
        let statistic = Summation.sum(terms)
        let p = ChiSquared(df: Double(df)).sf(statistic)
        return TestResult(statistic: Figure(statistic), df: Figure(Double(df)), p: Figure(p))
    }
}
