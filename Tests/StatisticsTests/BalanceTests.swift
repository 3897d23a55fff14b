import Foundation
import Testing
@testable import Statistics

/// Standardised mean differences and inverse-probability weights (cases_balance.json).
@Suite struct BalanceTests {
    nonisolated(unsafe) static let fixture: [String: Any] = (try? casesFixture("balance")) ?? [:]

    @Test func standardisedMeanDifferences() throws {
        let rows = cases(Self.fixture, "smd")
        #expect(rows.count == 3)
        for c in rows {
            let kind = try #require(StandardizedMeanDifference.Kind(rawValue: c["kind"] as? String ?? ""))
            let tw = c["treated_weights"].map { numbers($0) }, cw = c["comparison_weights"].map { numbers($0) }
            let smd = StandardizedMeanDifference.compute(kind, treated: numbers(c["treated"]), comparison: numbers(c["comparison"]),
                                                         treatedWeights: tw, comparisonWeights: cw)
            expectClose(smd, number(c["smd"]), "\(c["name"] ?? "") SMD")
        }
    }

    @Test func inverseProbabilityWeightsAndBalanceAfter() throws {
        let c = dict(Self.fixture["ipw"])
        let treated = numbers(c["treated"]).map { $0 == 1 }
        let names = ["age", "girl", "reason1", "reason2"]
        let covariates = names.map { numbers(c[$0]) }
        let ipw = try PropensityWeights.fit(treated: treated, covariates: covariates, names: names)
        let weights = try #require(ipw.weights).map { $0! }
        for (i, (e, w)) in zip(numbers(c["propensity"]), numbers(c["weights"])).enumerated() {
            expectClose(ipw.propensity[i]!, e, "propensity \(i)")
            expectClose(weights[i], w, "weight \(i)")
        }
        let y = numbers(c["outcome"])
        let cIdx = treated.indices.filter { !treated[$0] }, tIdx = treated.indices.filter { treated[$0] }
        expectClose(WeightedSummary.mean(cIdx.map { y[$0] }, weights: cIdx.map { weights[$0] }),
                    number(c["weighted_mean_comparison"]), "weighted comparison mean")
        expectClose(WeightedSummary.effectiveSampleSize(cIdx.map { weights[$0] }), number(c["ess_comparison"]), "ESS")
        for row in c["balance"] as? [[String: Any]] ?? [] {
            let name = row["name"] as! String
            let x = covariates[names.firstIndex(of: name)!]
            let kind = StandardizedMeanDifference.Kind(rawValue: row["kind"] as! String)!
            let before = StandardizedMeanDifference.compute(kind, treated: tIdx.map { x[$0] }, comparison: cIdx.map { x[$0] })
            let after = StandardizedMeanDifference.compute(kind, treated: tIdx.map { x[$0] }, comparison: cIdx.map { x[$0] },
                                                           treatedWeights: tIdx.map { weights[$0] },
                                                           comparisonWeights: cIdx.map { weights[$0] })
            expectClose(before, number(row["smd_before"]), "\(name) SMD before")
            expectClose(after, number(row["smd_after"]), "\(name) SMD after")
        }
    }

    @Test func degenerateBalance() throws {
        expectUndefined(StandardizedMeanDifference.continuous(treated: [], comparison: [1, 2]), "empty group")
        expectUndefined(StandardizedMeanDifference.continuous(treated: [3, 3], comparison: [3, 3]), "no variation")
        expectUndefined(StandardizedMeanDifference.binary(treated: [1, 1], comparison: [0, 0]), "no overlap")
        expectUndefined(StandardizedMeanDifference.binary(treated: [1, 2], comparison: [0, 1]), "not binary")
        expectUndefined(WeightedSummary.mean([1, 2], weights: [0, 0]), "zero weights")
        // Perfect prediction: the propensity model cannot be fitted, and says why.
        let ipw = try PropensityWeights.fit(treated: [true, true, false, false], covariates: [[1, 2, 3, 4]], names: ["x"])
        #expect(ipw.weights == nil && !ipw.notes.isEmpty)
    }
}
