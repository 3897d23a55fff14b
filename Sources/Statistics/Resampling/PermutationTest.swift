/// Two-group permutation test of the difference of means, pilot − comparison
/// (Fisher 1935; Good, "Permutation, Parametric and Bootstrap Tests", 2005).
///
/// Two-sided on |difference|: p = share of arrangements whose |mean₁ − mean₂| is at
/// least the observed one (with scipy's relative tolerance 100·ε for ties made
/// unequal by rounding).
/// * Exact, when C(n₁ + n₂, n₁) ≤ `exactLimit`: every split is enumerated and
///   p = k / C, the observed split included in k. This equals
///   `scipy.stats.permutation_test(..., permutation_type='independent',
///   n_resamples=np.inf, alternative='greater')` with statistic |mean(x) − mean(y)|.
///   (scipy's own 'two-sided' doubles the smaller one-sided p instead, which differs
///   when the null distribution is not symmetric; that value is reported as
///   `doubledOneSidedP` for comparison.)
/// * Random, otherwise: B shuffles drawn with mt19937 from `seed`, k of them at least as
///   extreme, p = (k + 1)/(B + 1) (Phipson & Smyth 2010), never 0.
public enum PermutationTest {
    public static func differenceOfMeans(
        pilot: [Double], comparison: [Double],
        resamples: Int = 9999, seed: UInt, exactLimit: Int = 100_000
    ) -> PermutationResult {
        let a = pilot.filter { $0.isFinite }, c = comparison.filter { $0.isFinite }
        var notes: [String] = []
        let dropped = pilot.count + comparison.count - a.count - c.count
        if dropped > 0 { notes.append("\(dropped) missing or non-finite value(s) were left out") }
        guard !a.isEmpty, !c.isEmpty else {
            return PermutationResult(undefined: "each group needs at least one value (pilot \(a.count), comparison \(c.count))",
                                     seed: seed, notes: notes)
        }
        let n1 = a.count, n2 = c.count, n = n1 + n2
        let pooled = a + c
        var total = 0.0
        for v in pooled { total += v }
        // The difference of means as a function of the first group's sum: every
        // arrangement is scored the same way, so equal splits score equal.
        func difference(_ s1: Double) -> Double { s1 / Double(n1) - (total - s1) / Double(n2) }
        var observedSum = 0.0
        for v in a { observedSum += v }
        let observed = difference(observedSum)
        let threshold = abs(observed) - abs(observed) * 100 * Double.ulpOfOne
        let lowerThreshold = observed + abs(observed) * 100 * Double.ulpOfOne
        let upperThreshold = observed - abs(observed) * 100 * Double.ulpOfOne

        if let count = ResamplingMath.binomial(n, n1, limit: exactLimit) {
            // Enumerate all n1-subsets of the pooled values in lexicographic order.
            var index = Array(0..<n1)
            var extreme = 0, less = 0, greater = 0
            while true {
                var s1 = 0.0
                for i in index { s1 += pooled[i] }
                let d = difference(s1)
                if abs(d) >= threshold { extreme += 1 }
                if d <= lowerThreshold { less += 1 }
                if d >= upperThreshold { greater += 1 }
                var i = n1 - 1
                while i >= 0 && index[i] == n - n1 + i { i -= 1 }
                if i < 0 { break }
                index[i] += 1
                for j in (i + 1)..<n1 { index[j] = index[j - 1] + 1 }
            }
            let c = Double(count)
            return PermutationResult(
                difference: Figure(observed), p: Figure(Double(extreme) / c),
                doubledOneSidedP: Figure(min(1, 2 * min(Double(less), Double(greater)) / c)),
                exact: true, arrangements: count, resamples: nil, seed: nil,
                smallestAttainableP: 1 / c, notes: notes)
        }

        guard resamples >= 1 else {
            return PermutationResult(undefined: "the number of resamples must be at least 1", seed: seed, notes: notes)
        }
        let rng = ResamplingRandom(seed: seed)
        var work = pooled
        var extreme = 0, less = 0, greater = 0
        for _ in 0..<resamples {
            rng.shuffle(&work)
            var s1 = 0.0
            for i in 0..<n1 { s1 += work[i] }
            let d = difference(s1)
            if abs(d) >= threshold { extreme += 1 }
            if d <= lowerThreshold { less += 1 }
            if d >= upperThreshold { greater += 1 }
        }
        let b = Double(resamples)
        notes.append("p from \(resamples) random rearrangements (mt19937, seed \(seed)); exact enumeration would need more than \(exactLimit) arrangements")
        return PermutationResult(
            difference: Figure(observed), p: Figure((Double(extreme) + 1) / (b + 1)),
            doubledOneSidedP: Figure(min(1, 2 * (min(Double(less), Double(greater)) + 1) / (b + 1))),
            exact: false, arrangements: nil, resamples: resamples, seed: seed,
            smallestAttainableP: 1 / (b + 1), notes: notes)
    }
}

/// The result of a two-group permutation test.
public struct PermutationResult: Sendable, Equatable {
    /// Observed mean(pilot) − mean(comparison).
    public let difference: Figure
    /// Two-sided p on |difference| (see `PermutationTest`).
    public let p: Figure
    /// scipy's 'two-sided' convention: 2 · min(one-sided p's), capped at 1.
    public let doubledOneSidedP: Figure
    /// True when every arrangement was enumerated.
    public let exact: Bool
    /// C(n₁ + n₂, n₁) when exact.
    public let arrangements: Int?
    /// B when random.
    public let resamples: Int?
    /// The seed when random (nil when exact: no random numbers were drawn).
    public let seed: UInt?
    /// 1/C (exact) or 1/(B + 1) (random).
    public let smallestAttainableP: Double
    public let notes: [String]

    init(difference: Figure, p: Figure, doubledOneSidedP: Figure, exact: Bool, arrangements: Int?,
         resamples: Int?, seed: UInt?, smallestAttainableP: Double, notes: [String]) {
        self.difference = difference; self.p = p; self.doubledOneSidedP = doubledOneSidedP
        self.exact = exact; self.arrangements = arrangements; self.resamples = resamples
        self.seed = seed; self.smallestAttainableP = smallestAttainableP; self.notes = notes
    }

    init(undefined reason: String, seed: UInt, notes: [String]) {
        let u = Figure(undefined: reason)
        self.init(difference: u, p: u, doubledOneSidedP: u, exact: false, arrangements: nil,
                  resamples: nil, seed: seed, smallestAttainableP: .nan, notes: notes + [reason])
    }
}
