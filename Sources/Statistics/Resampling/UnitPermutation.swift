/// Permutation (randomisation) inference over units when one unit of J got the
/// treatment: under the null that the treated unit is exchangeable with the others,
/// its statistic is equally likely to hold any of the J ranks (Fisher 1935; Conley &
/// Taber 2011 for the difference-in-differences use, where each unit's statistic is
/// its placebo effect). p = #{j : S_j at least as extreme as S_treated} / J, the
/// treated unit included; the smallest attainable p is 1/J, so with J ≤ 20 units no
/// result can reach p < 0.05.
public enum UnitPermutation {
    public enum Alternative: String, Sendable, Codable {
        /// Extreme means large |S|.
        case twoSided
        /// Extreme means large S.
        case greater
        /// Extreme means small S.
        case less
    }

    /// - Parameters:
    ///   - unitStatistics: one statistic per unit (e.g. each unit's effect estimate).
    ///   - treated: index of the treated unit in `unitStatistics`.
    public static func test(unitStatistics: [Double], treated: Int, alternative: Alternative = .twoSided) -> UnitPermutationResult {
        let j = unitStatistics.count
        func undefined(_ why: String) -> UnitPermutationResult {
            UnitPermutationResult(units: j, treatedStatistic: Figure(undefined: why), rank: nil, p: Figure(undefined: why),
                                  smallestAttainableP: j > 0 ? 1 / Double(j) : .nan, alternative: alternative, notes: [why])
        }
        guard treated >= 0, treated < j else { return undefined("the treated unit index \(treated) is outside 0..<\(j)") }
        guard j >= 2 else { return undefined("permutation over units needs at least 2 units (there are \(j))") }
        guard unitStatistics.allSatisfy({ $0.isFinite }) else {
            return undefined("some unit statistics are missing or not finite; every unit needs one")
        }
        func score(_ s: Double) -> Double {
            switch alternative {
            case .twoSided: return abs(s)
            case .greater: return s
            case .less: return -s
            }
        }
        let observed = score(unitStatistics[treated])
        // scipy's relative tolerance for ties made unequal by rounding.
        let threshold = observed - abs(observed) * 100 * Double.ulpOfOne
        let rank = unitStatistics.filter { score($0) >= threshold }.count
        let smallest = 1 / Double(j)
        var notes = ["with \(j) units the smallest attainable p is 1/\(j) = \(smallest)"]
        // p < 0.05 is out of reach while 1/J ≥ 0.05, 20 units included (1/20 = 0.05).
        if smallest >= 0.05 { notes.append("no result can be significant at the 5 % level with 20 units or fewer") }
        return UnitPermutationResult(units: j, treatedStatistic: Figure(unitStatistics[treated]), rank: rank,
                                     p: Figure(Double(rank) / Double(j)), smallestAttainableP: smallest,
                                     alternative: alternative, notes: notes)
    }
}

public struct UnitPermutationResult: Sendable, Equatable {
    /// J, the number of units.
    public let units: Int
    public let treatedStatistic: Figure
    /// How many units (the treated one included) are at least as extreme: 1 = most extreme.
    public let rank: Int?
    /// rank / J.
    public let p: Figure
    /// 1/J.
    public let smallestAttainableP: Double
    public let alternative: UnitPermutation.Alternative
    public let notes: [String]
}
