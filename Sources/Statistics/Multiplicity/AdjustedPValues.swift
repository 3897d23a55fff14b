/// P-values adjusted for multiple comparisons, as statsmodels
/// `multipletests(p, method='holm' | 'fdr_bh')`. Undefined p-values stay undefined
/// and do not count as tests.
public enum AdjustedPValues {
    /// Holm (1979) step-down: with p₍₁₎ ≤ … ≤ p₍ₘ₎,
    /// p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m − j + 1)·p₍ⱼ₎).
    public static func holm(_ p: [Figure]) -> [Figure] {
        adjust(p) { sorted in
            let m = Double(sorted.count)
            var running = 0.0
            return sorted.enumerated().map { i, value in
                running = max(running, (m - Double(i)) * value)
                return min(1, running)
            }
        }
    }

    /// Benjamini–Hochberg (1995) step-up false discovery rate:
    /// p̃₍ᵢ₎ = min(1, minⱼ≥ᵢ m·p₍ⱼ₎/j).
    public static func benjaminiHochberg(_ p: [Figure]) -> [Figure] {
        adjust(p) { sorted in
            let m = Double(sorted.count)
            var out = [Double](repeating: 0, count: sorted.count)
            var running = Double.infinity
            for i in stride(from: sorted.count - 1, through: 0, by: -1) {
                running = min(running, sorted[i] / (Double(i + 1) / m))
                out[i] = min(1, running)
            }
            return out
        }
    }

    public static func holm(_ p: [Double]) -> [Figure] { holm(p.map { Figure($0) }) }
    public static func benjaminiHochberg(_ p: [Double]) -> [Figure] { benjaminiHochberg(p.map { Figure($0) }) }

    /// Sorts the defined p-values, applies `rule` to the ascending list, and puts the
    /// results back in input order.
    private static func adjust(_ p: [Figure], rule: ([Double]) -> [Double]) -> [Figure] {
        let defined = p.indices.filter { p[$0].value.map { $0 >= 0 && $0 <= 1 } ?? false }
        let order = defined.sorted { p[$0].value! < p[$1].value! }
        let adjusted = rule(order.map { p[$0].value! })
        var out = p.map { f in
            f.isDefined ? Figure(undefined: "p-value outside 0…1") : Figure(undefined: f.note ?? "p-value undefined")
        }
        for (k, index) in order.enumerated() { out[index] = Figure(adjusted[k]) }
        return out
    }
}
