import Foundation
import Testing
@testable import Statistics

/// Two-way fixed-effects DiD, event study, placebo units and the wild cluster
/// bootstrap against statsmodels OLS on the cases (cases_did.json).
@Suite struct DifferenceInDifferencesTests {
    nonisolated(unsafe) static let fixture: [String: Any] = (try? casesFixture("did")) ?? [:]

    static func ints(_ any: Any?) -> [Int] { numbers(any).map { Int($0) } }

    @Test func estimateEventStudyAndPlacebos() throws {
        let c = dict(Self.fixture["main"])
        let r = DifferenceInDifferences.estimate(
            y: numbers(c["y"]), unit: Self.ints(c["unit"]), period: Self.ints(c["period"]),
            treatedUnit: integer(c["treated"]), firstTreatedPeriod: integer(c["first"]))
        expectClose(r.estimate, number(c["estimate"]), "DiD estimate")
        let means = dict(c["means"])
        expectClose(r.means.treatedBefore, number(means["treated_before"]), "treated before")
        expectClose(r.means.treatedAfter, number(means["treated_after"]), "treated after")
        expectClose(r.means.comparisonBefore, number(means["comparison_before"]), "comparison before")
        expectClose(r.means.comparisonAfter, number(means["comparison_after"]), "comparison after")
        #expect(r.referencePeriod == integer(c["reference_period"]))
        let rows = c["event_study"] as? [[String: Any]] ?? []
        #expect(r.eventStudy.map(\.period) == rows.map { integer($0["period"]) })
        for (row, e) in zip(r.eventStudy, rows) {
            expectClose(row.estimate, number(e["estimate"]), "event study \(row.period)")
            expectClose(try #require(row.randomisation).p, number(e["p"]), "event study p \(row.period)")
        }
        let placebos = numbers(c["placebos"])
        #expect(r.placebos.count == placebos.count)
        for (p, e) in zip(r.placebos, placebos) { expectClose(p.estimate, e, "placebo unit \(p.unit)") }
        let ri = try #require(r.randomisation)
        expectClose(ri.p, number(c["randomisation_p"]), "randomisation p")
        #expect(ri.units == 7 && ri.smallestAttainableP == 1.0 / 7)
    }

    @Test func wildClusterBootstrapMatchesIndependentImplementation() throws {
        let c = dict(Self.fixture["main"])
        let panel = DiDPanel(y: numbers(c["y"]), unit: Self.ints(c["unit"]), period: Self.ints(c["period"]))
        let effect = { (cell: DiDPanel.Cell) -> Double in cell.unit == 0 && cell.period >= 0 ? 1 : 0 }
        // All 2^7 Rademacher patterns are enumerated when B ≥ 128.
        let rad = WildClusterBootstrap.test(panel: panel, effect: effect,
                                            options: .init(weights: .rademacher, replicates: 999, seed: 1))
        let er = dict(c["wild_rademacher"])
        #expect(rad.enumerated && rad.replicates == 128)
        expectClose(rad.standardError, number(er["se"]), "CRV1 se")
        expectClose(rad.t, number(er["t"]), "CRV1 t")
        expectClose(rad.p, number(er["p"]), "Rademacher p")
        // Webb weights drawn from mt19937 with the seed.
        let webb = WildClusterBootstrap.test(panel: panel, effect: effect,
                                             options: .init(weights: .webb, replicates: integer(c["webb_replicates"]),
                                                            seed: UInt(integer(c["webb_seed"]))))
        #expect(!webb.enumerated && webb.replicates == 99)
        expectClose(webb.p, number(dict(c["wild_webb"])["p"]), "Webb p")
        // And through the public entry point.
        let full = DifferenceInDifferences.estimate(
            y: numbers(c["y"]), unit: Self.ints(c["unit"]), period: Self.ints(c["period"]), treatedUnit: 0,
            firstTreatedPeriod: 0, bootstrap: .init(weights: .rademacher, replicates: 999, seed: 1))
        #expect(full.wildBootstrap == rad)
    }

    @Test func generatorMatchesGSLReproducedInPython() {
        let expected = Self.ints(Self.fixture["mt19937_seed7_draws"])
        let rng = ResamplingRandom(seed: 7)
        let draws = (0..<20).map { _ in rng.index(below: 6) } + (0..<20).map { _ in rng.index(below: 2) }
        #expect(draws == expected)
    }

    @Test func threeUnits() throws {
        let c = dict(Self.fixture["three_units"])
        let r = DifferenceInDifferences.estimate(
            y: numbers(c["y"]), unit: Self.ints(c["unit"]), period: Self.ints(c["period"]),
            treatedUnit: integer(c["treated"]), firstTreatedPeriod: integer(c["first"]),
            bootstrap: .init(weights: .webb, replicates: 999, seed: 3))
        expectClose(r.estimate, number(c["estimate"]), "estimate")
        expectClose(try #require(r.wildBootstrap).standardError, number(c["cluster_se"]), "CRV1 se")
        let ri = try #require(r.randomisation)
        #expect(ri.units == 3 && ri.smallestAttainableP == 1.0 / 3)
        // One reference period and no other pre-period: no parallel-trends check.
        #expect(r.eventStudy.allSatisfy { !$0.isBefore })
        #expect(r.notes.contains { $0.contains("parallel trends cannot be checked") })
    }

    @Test func degenerateDesignsExplainThemselves() {
        // No period before the start.
        let noPre = DifferenceInDifferences.estimate(y: [1, 2, 3, 4], unit: [0, 0, 1, 1], period: [0, 1, 0, 1],
                                                     treatedUnit: 0, firstTreatedPeriod: 0)
        expectUndefined(noPre.estimate, "no pre-period")
        // Only one comparison unit: an estimate, but no randomisation p.
        let one = DifferenceInDifferences.estimate(y: [1, 2, 3, 5, 2, 2, 4, 4], unit: [0, 0, 0, 0, 1, 1, 1, 1],
                                                   period: [-1, -1, 0, 0, -1, -1, 0, 0], treatedUnit: 0,
                                                   firstTreatedPeriod: 0,
                                                   bootstrap: .init(weights: .rademacher, replicates: 99, seed: 1))
        #expect(abs((one.estimate.value ?? 0) - 0.5) < 1e-12, "2×2 DiD = (4 − 1.5) − (4 − 2)")
        #expect(one.randomisation == nil)
        #expect(one.notes.contains { $0.contains("only one comparison unit") })
        // No comparison unit at all.
        let alone = DifferenceInDifferences.estimate(y: [1, 2], unit: [0, 0], period: [-1, 0], treatedUnit: 0, firstTreatedPeriod: 0)
        expectUndefined(alone.estimate, "no comparison unit")
        // Missing treated unit.
        let missing = DifferenceInDifferences.estimate(y: [1, 2], unit: [1, 1], period: [-1, 0], treatedUnit: 0, firstTreatedPeriod: 0)
        expectUndefined(missing.estimate, "no treated cases")
    }
}
