import Foundation
import Periods
import Statistics
import Testing
@testable import Evaluation

/// `CohortComparison` on generated data: JSON shape, planted effects recovered, no
/// false findings beyond the nominal rate, and degenerate data explained.
@Suite struct CohortComparisonTests {
    static func json(_ r: CohortComparisonResult) throws -> [String: Any] {
        let data = try JSONEncoder().encode(r)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyDesignCarriesBalanceCaveatsAndCompareKeys() throws {
        let data = SyntheticCaseData.make(.init(seed: 1, scoreEffect: -5, pilotAgeShift: 3))
        for design in CohortComparison.Design.allCases {
            for outcome in ["score", "on_time", "days_to_assessment"] {
                let r = try CohortComparison.run(data, outcome: outcome,
                                                 options: .init(design: design, byGender: true,
                                                                bootstrap: .init(replicates: 99, seed: 3)))
                let j = try Self.json(r)
                for key in ["kind", "outcome", "pilot", "comparison", "difference", "design", "balance", "caveats",
                            "descriptive", "by_gender", "adjusted", "did", "permutation", "minimum_detectable_difference"] {
                    #expect(j.keys.contains(key), "\(design) \(outcome): no \(key)")
                }
                #expect(j["design"] as? String == design.rawValue)
                let codes = (j["caveats"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                #expect(codes.starts(with: ["one_treated_team", "minimum_detectable_difference", "permutation_smallest_p"]))
                let descriptive = j["descriptive"] as? [String: Any]
                let byGender = (descriptive?["pilot"] as? [String: Any])?["by_gender"] as? [String: Any]
                #expect(byGender?.keys.contains("girl") == true && byGender?.keys.contains("boy") == true)
                // A design not asked for is null with a note that says how to ask.
                for other in ["adjusted", "did", "permutation"] where other != design.rawValue {
                    #expect(j[other] is NSNull && (j[other + "_note"] as? String)?.contains("--design") == true)
                }
            }
        }
    }

    @Test func kindsAndCompareKeysFollowDESIGN() throws {
        let data = SyntheticCaseData.make(.init(seed: 2))
        let cont = try Self.json(CohortComparison.run(data, outcome: "score"))
        #expect(cont["kind"] as? String == "continuous")
        #expect(cont["welch"] != nil && cont["mann_whitney"] != nil && cont["hedges_g"] != nil)
        let bin = try Self.json(CohortComparison.run(data, outcome: "on_time"))
        #expect(bin["kind"] as? String == "binary")
        #expect(bin["risk_ratio"] != nil && bin["fisher"] != nil)
        let tte = try Self.json(CohortComparison.run(data, outcome: "days_to_assessment"))
        #expect(tte["kind"] as? String == "time_to_event")
        #expect(tte["limit_days"] as? Double == 14)
        let lr = try #require(tte["log_rank"] as? [String: Any])
        #expect(lr["p"] is Double && lr["df"] as? Double == 1)
        let pilot = try #require(tte["pilot"] as? [String: Any])
        #expect(pilot["censored"] is Int && pilot["share_within_limit"] is Double)
    }

    @Test func unknownOutcomeIsABadInputError() {
        let data = SyntheticCaseData.make(.init(seed: 3, casesPerAreaYear: 5))
        #expect(throws: CohortComparisonError.self) { try CohortComparison.run(data, outcome: "no_such_outcome") }
    }

    /// A planted effect is recovered by the difference-in-differences, and the pilot
    /// area ranks first among the areas; the balance table sees the planted age gap
    /// and the weights remove it.
    @Test func plantedEffectIsRecovered() throws {
        for seed: UInt64 in [11, 12, 13] {
            let data = SyntheticCaseData.make(.init(seed: seed, scoreEffect: -6, pilotAgeShift: 4))
            let r = try CohortComparison.run(data, outcome: "score", options: .init(design: .did, bootstrap: .init(replicates: 199, seed: 1)))
            let did = try #require(r.did?.result)
            let estimate = try #require(did.estimate.value)
            // Truth −6 (plus 0.2·age shift 4 = 0.8 through age): within ±2.5 of −5.2.
            #expect(abs(estimate - (-5.2)) < 2.5, "seed \(seed): DiD \(estimate)")
            #expect(did.randomisation?.rank == 1, "seed \(seed): the pilot area should be the most extreme")
            #expect(did.randomisation?.smallestAttainableP == 1.0 / 7)
            let age = try #require(r.balance.rows.first { $0.name == "age" })
            #expect(abs(age.smdBefore.value ?? 0) > 0.25, "planted age gap shows as serious imbalance")
            #expect(abs(age.smdAfter.value ?? 1) < 0.1, "weights remove it: \(age.smdAfter)")
            // Permutation over units compares levels after the start, so it needs the
            // effect to stand out from the teams' own levels: with small area effects
            // the pilot team is the most extreme unit.
            let level = SyntheticCaseData.make(.init(seed: seed, scoreEffect: -6, areaSD: 1))
            let p = try CohortComparison.run(level, outcome: "score", options: .init(design: .permutation))
            #expect(p.permutation?.result?.rank == 1)
            // A halved decision hazard shows in the survival comparison.
            let slow = SyntheticCaseData.make(.init(seed: seed, hazardRatio: 0.5))
            let t = try CohortComparison.run(slow, outcome: "days_to_assessment")
            guard case .timeToEvent(let tte) = t.unadjusted else { Issue.record("not time to event"); continue }
            #expect((tte.logRank.test.p.value ?? 1) < 0.001)
            #expect((tte.difference.estimate.value ?? 0) < -0.1)
        }
    }

    /// With nothing planted, the designs that hold their level with one treated unit
    /// reject at their nominal rate: randomisation over areas (P(p ≤ 1/7) = 1/7) and,
    /// with no area effects at all, Welch's test (5 %) and the log-rank test (5 %).
    @Test func noFalseFindingsBeyondTheNominalRate() throws {
        let seeds: [UInt64] = Array(100..<135)
        var randomisationRejections = 0, welchRejections = 0, logRankRejections = 0
        for seed in seeds {
            let clustered = SyntheticCaseData.make(.init(seed: seed, casesPerAreaYear: 20))
            let r = try CohortComparison.run(clustered, outcome: "score", options: .init(design: .did, bootstrap: .init(replicates: 99, seed: 1)))
            if let p = r.did?.result?.randomisation?.p.value, p <= 1.0 / 7 + 1e-12 { randomisationRejections += 1 }
            let homogeneous = SyntheticCaseData.make(.init(seed: seed, casesPerAreaYear: 20, areaSD: 0, shockSD: 0))
            let u = try CohortComparison.run(homogeneous, outcome: "score")
            if case .continuous(let c) = u.unadjusted, let p = c.welch.p.value, p < 0.05 { welchRejections += 1 }
            let s = try CohortComparison.run(homogeneous, outcome: "days_to_assessment")
            if case .timeToEvent(let t) = s.unadjusted, let p = t.logRank.test.p.value, p < 0.05 { logRankRejections += 1 }
        }
        let n = seeds.count
        #expect(binomialBand(trials: n, p: 1.0 / 7).contains(randomisationRejections), "randomisation: \(randomisationRejections)/\(n)")
        #expect(binomialBand(trials: n, p: 0.05).contains(welchRejections), "Welch: \(welchRejections)/\(n)")
        #expect(binomialBand(trials: n, p: 0.05).contains(logRankRejections), "log-rank: \(logRankRejections)/\(n)")
    }

    @Test func degenerateDataGivesNullsAndNotes() throws {
        let full = SyntheticCaseData.make(.init(seed: 4, lineAreas: 1, casesPerAreaYear: 12))
        // One line unit: DiD estimated, no randomisation p; permutation has J = 2.
        let one = try CohortComparison.run(full, outcome: "score", options: .init(design: .did, bootstrap: .init(replicates: 99, seed: 1)))
        #expect(one.did?.result?.estimate.isDefined == true)
        #expect(one.did?.result?.randomisation == nil)
        let oneJSON = try Self.json(one)
        #expect(((oneJSON["did"] as? [String: Any])?["randomisation"]) is NSNull)
        // No pre-period: the pilot start before every referral.
        var late = full
        late.pilotStart = CalendarDate(year: 2017, month: 6, day: 1)
        let noPre = try CohortComparison.run(late, outcome: "score", options: .init(design: .did))
        #expect(noPre.did?.isDefined == false)
        let noPreJSON = try Self.json(noPre)
        #expect((noPreJSON["did"] as? [String: Any])?["estimate_note"] is String)
        // Unknown start.
        var unknown = full
        unknown.pilotStart = nil
        #expect(try CohortComparison.run(unknown, outcome: "score", options: .init(design: .did)).did?.isDefined == false)
        // Empty pilot cohort.
        var empty = full
        empty.cases = full.cases.filter { !$0.isPilot }
        for design in CohortComparison.Design.allCases {
            let r = try CohortComparison.run(empty, outcome: "score", options: .init(design: design, byGender: true))
            let j = try Self.json(r)
            #expect((j["difference"] as? [String: Any])?["estimate"] is NSNull)
        }
        // All censored.
        var censored = full
        censored.cases = full.cases.map { c in
            var c = c
            if case .duration(let d, _) = c.values["days_to_assessment"] { c.values["days_to_assessment"] = .duration(days: d, observed: false) }
            return c
        }
        for design in CohortComparison.Design.allCases {
            let r = try CohortComparison.run(censored, outcome: "days_to_assessment", options: .init(design: design))
            let j = try Self.json(r)
            #expect((j["pilot"] as? [String: Any])?["median"] is NSNull)
            #expect((j["log_rank"] as? [String: Any])?["p_note"] is String)
        }
        // No covariates at all: balance is empty, no crash.
        var bare = full
        bare.cases = full.cases.map { c in
            CaseRecord(caseID: c.caseID, cohort: c.cohort, isPilot: c.isPilot, unit: c.unit, area: c.area,
                       referralDate: c.referralDate, values: c.values)
        }
        let b = try CohortComparison.run(bare, outcome: "on_time", options: .init(design: .adjusted))
        #expect(b.balance.rows.isEmpty)
        #expect(b.adjusted?.ipwEstimate.isDefined == false)
    }

    @Test func smallCellsAreMarked() throws {
        var data = SyntheticCaseData.make(.init(seed: 5, casesPerAreaYear: 20))
        // Three pilot cases of gender "other".
        var changed = 0
        data.cases = data.cases.map { c in
            var c = c
            if c.isPilot && changed < 3 { c.gender = .other; changed += 1 }
            return c
        }
        let r = try CohortComparison.run(data, outcome: "on_time", options: .init(byGender: true))
        let j = try Self.json(r)
        let other = ((j["descriptive"] as? [String: Any])?["pilot"] as? [String: Any])
            .flatMap { ($0["by_gender"] as? [String: Any])?["other"] as? [String: Any] }
        #expect(other?["small_cell"] as? Bool == true)
        #expect(r.caveats.contains { $0.code == "small_cells" })
    }
}
