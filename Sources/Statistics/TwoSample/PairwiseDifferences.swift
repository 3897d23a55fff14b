/// Order statistics of the n₁·n₂ pairwise differences xᵢ − yⱼ without forming them.
///
/// With both samples sorted, the number of differences ≤ t is counted in
/// O(n₁ + n₂) by a moving pointer (floating-point subtraction is monotone, so the
/// count is exact for the differences as computed). The k-th smallest difference is
/// the smallest double t whose count reaches k; we find it by bisection on the
/// ordered bit patterns of doubles, at most 64 steps. This keeps Hodges–Lehmann
/// usable at n = 5000 per group (25 million differences) in little memory.
struct PairwiseDifferences {
    let x: [Double]   // ascending
    let y: [Double]   // ascending

    init(_ x: [Double], _ y: [Double]) {
        self.x = x.sorted()
        self.y = y.sorted()
    }

    var count: Int { x.count * y.count }

    /// Number of pairs with xᵢ − yⱼ ≤ t.
    func countAtMost(_ t: Double) -> Int {
        var total = 0
        var j = 0
        let n = y.count
        for xi in x {
            // x ascending ⇒ the first j with xi − y[j] ≤ t never moves left.
            while j < n && xi - y[j] > t { j += 1 }
            total += n - j
        }
        return total
    }

    /// The k-th smallest difference, 1-based.
    func kthSmallest(_ k: Int) -> Double {
        precondition(k >= 1 && k <= count)
        var lo = Self.key(x[0] - y[y.count - 1]) - 1   // count(≤ value(lo)) = 0 < k
        var hi = Self.key(x[x.count - 1] - y[0])       // count = n₁n₂ ≥ k
        // The keys of a negative and a positive double can be ~2^63 apart, so neither
        // hi − lo nor lo + hi may be formed; this is the floor mean without overflow.
        while lo < hi - 1 {
            let mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1)
            if countAtMost(Self.value(mid)) >= k { hi = mid } else { lo = mid }
        }
        return Self.value(hi)
    }

    /// The median of the differences (mean of the two middle ones for an even count),
    /// as numpy's `median`.
    var median: Double {
        let c = count
        if c % 2 == 1 { return kthSmallest(c / 2 + 1) }
        let a = kthSmallest(c / 2)
        // The next order statistic is a again when a is tied, else the smallest
        // difference above a: one pass instead of a second bisection of 64.
        let b = countAtMost(a) > c / 2 ? a : smallestAbove(a)
        return a + (b - a) / 2
    }

    /// The smallest difference xᵢ − yⱼ greater than t (there must be one).
    func smallestAbove(_ t: Double) -> Double {
        var best = Double.infinity
        var j = 0
        let n = y.count
        for xi in x {
            // As in countAtMost: y[j] is the first with xi − y[j] ≤ t, so y[j − 1] gives
            // this xi's smallest difference above t.
            while j < n && xi - y[j] > t { j += 1 }
            if j > 0 { best = min(best, xi - y[j - 1]) }
        }
        return best
    }

    /// Doubles mapped to integers in the same order (−0 and +0 both to 0).
    static func key(_ d: Double) -> Int64 {
        let bits = d.bitPattern
        let magnitude = Int64(bitPattern: bits & 0x7FFF_FFFF_FFFF_FFFF)
        return bits >> 63 == 1 ? -magnitude : magnitude
    }

    static func value(_ k: Int64) -> Double {
        k >= 0 ? Double(bitPattern: UInt64(k)) : Double(bitPattern: UInt64(-k) | (1 << 63))
    }
}
