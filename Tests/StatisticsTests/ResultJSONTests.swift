import Foundation
import Testing
@testable import Statistics

/// The JSON of `describe` and `compare` (DESIGN §5): exact key sets, snake_case,
/// undefined figures as null with a sibling `_note`.
@Suite struct ResultJSONTests {
    func json<T: Encodable>(_ value: T) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func describeKeys() throws {
        let j = try json(Descriptives(of: [1, 2, 3, .nan]))
        #expect(Set(j.keys) == ["n", "missing", "mean", "sd", "min", "q1", "median", "q3", "max", "ci_low", "ci_high"])
        #expect(j["n"] as? Int == 3 && j["missing"] as? Int == 1)
        #expect(number(j["mean"]) == 2)
        let one = try json(Descriptives(of: [5]))
        #expect(one["sd"] is NSNull)
        #expect((one["sd_note"] as? String)?.isEmpty == false)
        #expect(one["ci_low_note"] != nil && one["mean_note"] == nil)
    }

    @Test func continuousKeys() throws {
        let r = ContinuousComparison.compute(pilot: [3.5, 4, 5, 6], comparison: [1, 2, 3, 2.5, 1.5],
                                             pilotLabel: "vallingbyteamet", comparisonLabel: "linjen",
                                             outcome: "investigation_days")
        let j = try json(r)
        #expect(Set(j.keys) == ["kind", "outcome", "pilot", "comparison", "difference", "welch", "student",
                                "mann_whitney", "hodges_lehmann", "hedges_g"])
        #expect(j["kind"] as? String == "continuous")
        #expect(Set(dict(j["pilot"]).keys) == ["label", "n", "mean", "sd", "median", "q1", "q3"])
        #expect(dict(j["pilot"])["label"] as? String == "vallingbyteamet")
        #expect(Set(dict(j["difference"]).keys) == ["estimate", "ci_low", "ci_high"])
        #expect(Set(dict(j["welch"]).keys) == ["t", "df", "p"])
        #expect(Set(dict(j["student"]).keys) == ["t", "df", "p"])
        #expect(Set(dict(j["mann_whitney"]).keys) == ["u", "p", "method"])
        #expect(dict(j["mann_whitney"])["method"] as? String == "exact")
        // Every pilot value exceeds every comparison value: U₁ = n₁n₂ = 20.
        #expect(number(dict(j["mann_whitney"])["u"]) == 20)
        #expect(Set(dict(j["hodges_lehmann"]).keys) == ["estimate", "ci_low", "ci_high"])
        #expect(Set(dict(j["hedges_g"]).keys) == ["estimate", "ci_low", "ci_high"])
    }

    @Test func continuousUndefinedHasNotes() throws {
        let r = ContinuousComparison.compute(pilot: [], comparison: [1, 2], pilotLabel: "p",
                                             comparisonLabel: "c", outcome: "o")
        let j = try json(r)
        let welch = dict(j["welch"])
        #expect(welch["t"] is NSNull && welch["t_note"] is String && welch["p_note"] is String)
        #expect(dict(j["mann_whitney"])["method"] is NSNull)
        #expect(dict(j["pilot"])["n"] as? Int == 0)
    }

    @Test func binaryKeys() throws {
        let r = BinaryComparison.compute(pilotEvents: 0, pilotN: 10, comparisonEvents: 0, comparisonN: 20,
                                         pilotLabel: "p", comparisonLabel: "c", outcome: "re_referral_12m")
        let j = try json(r)
        #expect(Set(j.keys) == ["kind", "outcome", "pilot", "comparison", "difference", "risk_ratio",
                                "odds_ratio", "chi_square", "fisher"])
        #expect(j["kind"] as? String == "binary")
        #expect(Set(dict(j["pilot"]).keys) == ["label", "n", "events", "proportion", "ci_low", "ci_high"])
        let rr = dict(j["risk_ratio"])
        #expect(rr["estimate"] is NSNull && rr["estimate_note"] is String)
        #expect(Set(dict(j["chi_square"]).keys).isSuperset(of: ["statistic", "df", "p"]))
        #expect(number(dict(j["fisher"])["p"]) == 1)
    }
}
