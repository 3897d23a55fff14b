/// Average ranks (ties share the mean of the ranks they span), as
/// `scipy.stats.rankdata(method='average')`, with the sizes of the tie groups that
/// the rank tests need for their variance corrections.
struct Ranking {
    /// Rank of each input value, 1-based, in input order.
    let ranks: [Double]
    /// Sizes t of the groups of equal values (every group, including size 1).
    let tieGroupSizes: [Int]

    init(_ values: [Double]) {
        // Sorting (value, index) pairs keeps each comparison in one cache line; sorting
        // indices through a closure into `values` was a third of `compare` on 1M rows.
        var sorted = values.enumerated().map { ($0.element, $0.offset) }
        sorted.sort { $0.0 < $1.0 }
        var ranks = [Double](repeating: 0, count: values.count)
        var groups: [Int] = []
        var i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1].0 == sorted[i].0 { j += 1 }
            // Positions i...j (0-based) hold ranks i+1 ... j+1; their mean:
            let average = Double(i + j + 2) / 2
            for k in i...j { ranks[sorted[k].1] = average }
            groups.append(j - i + 1)
            i = j + 1
        }
        self.ranks = ranks
        self.tieGroupSizes = groups
    }

    /// Σ (t³ − t) over the tie groups.
    var tieTerm: Double {
        tieGroupSizes.reduce(0.0) { acc, t in let d = Double(t); return acc + (d * d * d - d) }
    }

    var hasTies: Bool { tieGroupSizes.contains { $0 > 1 } }
}
