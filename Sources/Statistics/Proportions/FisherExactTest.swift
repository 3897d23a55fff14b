/// Fisher's exact test for a 2×2 table, two-sided, as `scipy.stats.fisher_exact`:
/// the p-value sums the hypergeometric probabilities (margins fixed) of every table
/// no more probable than the observed one.
///
/// Probabilities are built by the ratio recurrence
///   P(x + 1)/P(x) = (n₁ − x)(k − x)/((x + 1)(n₂ − k + x + 1))
/// outward from the mode, so there are no large factorials and relative accuracy
/// holds deep in the tails. Tables count as "no more probable" within a relative
/// 1e-7, as R's `fisher.test` (scipy uses 1e-14, which our recurrence cannot promise
/// for tables that are equally probable by symmetry; no two distinct probabilities
/// of one table's distribution come that close in practice). A row or column with no
/// observations gives p = 1, as scipy.
public enum FisherExactTest {
    public static func twoSidedP(_ t: TwoByTwoTable) -> Figure {
        guard t.isValid else { return Figure(undefined: "events outside 0…n") }
        let n1 = t.a + t.b, n2 = t.c + t.d, k = t.a + t.c
        let total = n1 + n2
        if n1 == 0 || n2 == 0 || k == 0 || k == total { return Figure(1) }
        let lo = max(0, k - n2), hi = min(k, n1)
        let mode = min(max(Int((Double(k + 1) * Double(n1 + 1) / Double(total + 2)).rounded(.down)), lo), hi)
        var w = [Double](repeating: 0, count: hi - lo + 1)
        w[mode - lo] = 1
        if mode < hi {
            for x in mode..<hi {
                let ratio = Double(n1 - x) * Double(k - x) / (Double(x + 1) * Double(n2 - k + x + 1))
                w[x + 1 - lo] = w[x - lo] * ratio
            }
        }
        if mode > lo {
            for x in stride(from: mode, to: lo, by: -1) {
                // P(x − 1)/P(x) is the inverse of the forward ratio at x − 1.
                let ratio = Double(x) * Double(n2 - k + x) / (Double(n1 - x + 1) * Double(k - x + 1))
                w[x - 1 - lo] = w[x - lo] * ratio
            }
        }
        let observed = w[t.a - lo] * (1 + 1e-7)
        let included = Summation.sum(w.filter { $0 <= observed })
        let all = Summation.sum(w)
        return Figure(min(1, included / all))
    }
}
