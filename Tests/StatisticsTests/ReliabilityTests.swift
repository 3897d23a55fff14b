import Foundation
import Testing
@testable import Statistics

/// Cronbach's alpha with Feldt CI, ICC(1)/ICC(2) and r_wg(J) against the formulas
/// written out in Fixtures/make_fixtures_models.py (models_reliability.json).
@Suite struct ReliabilityTests {
    nonisolated(unsafe) static let fixture: [String: Any] = ((try? modelsFixture("reliability"))?["cases"] as? [String: Any]) ?? [:]
    static func cases(_ key: String) -> [[String: Any]] { fixture[key] as? [[String: Any]] ?? [] }

    @Test func alpha() throws {
        let all = Self.cases("alpha")
        #expect(all.count >= 3)
        for c in all {
            let name = c["name"] as! String
            let r = CronbachAlpha.compute(responses: doubleRows(c["responses"]))
            #expect(modelsClose(r.alpha.value, c["alpha"] as! Double), "\(name) alpha \(r.alpha)")
            #expect(modelsClose(r.ciLow.value, c["ci_low"] as! Double), "\(name) low \(r.ciLow)")
            #expect(modelsClose(r.ciHigh.value, c["ci_high"] as! Double), "\(name) high \(r.ciHigh)")
            #expect(r.respondents == c["n"] as? Int && r.items == c["k"] as? Int)
        }
    }

    @Test func icc() throws {
        let all = Self.cases("icc")
        #expect(all.count >= 3)
        for c in all {
            let name = c["name"] as! String
            let r = try IntraclassCorrelation.oneWay(scores: doubles(c["scores"]), units: c["units"] as! [String])
            #expect(modelsClose(r.icc1.value, c["icc1"] as! Double), "\(name) ICC1")
            #expect(modelsClose(r.icc2.value, c["icc2"] as! Double), "\(name) ICC2")
            #expect(modelsClose(r.msBetween.value, c["msb"] as! Double), "\(name) MSB")
            #expect(modelsClose(r.msWithin.value, c["msw"] as! Double), "\(name) MSW")
            #expect(modelsClose(r.groupSize.value, c["k"] as! Double), "\(name) k")
            #expect(modelsClose(r.f.value, c["f"] as! Double), "\(name) F")
            #expect(modelsClose(r.p.value, c["p"] as! Double, p: true), "\(name) p")
        }
    }

    @Test func rwg() throws {
        let all = Self.cases("rwg")
        #expect(all.count >= 4)
        for c in all {
            let name = c["name"] as! String
            let r = WithinGroupAgreement.rwgJ(responses: doubleRows(c["responses"]), options: c["options"] as! Int)
            #expect(modelsClose(r.rwg.value, c["rwg"] as! Double), "\(name) rwg \(r.rwg)")
            #expect(modelsClose(r.meanItemVariance.value, c["mean_item_variance"] as! Double), "\(name) s²")
            #expect(r.truncated == c["truncated"] as? Bool)
        }
    }

    @Test func degenerateInputsSayWhy() throws {
        #expect(CronbachAlpha.compute(responses: [[1, 2, 3]]).alpha.note?.contains("at least 2 complete") == true)
        #expect(CronbachAlpha.compute(responses: [[1], [2]]).alpha.note?.contains("at least 2 items") == true)
        #expect(CronbachAlpha.compute(responses: [[3, 3], [3, 3]]).alpha.isDefined == false)
        #expect(try IntraclassCorrelation.oneWay(scores: [1, 2, 3], units: ["a", "a", "a"]).icc1.isDefined == false)
        #expect(WithinGroupAgreement.rwgJ(responses: [[4, 4]], options: 7).rwg.isDefined == false)
        let byUnit = try WithinGroupAgreement.rwgJ(responses: [[4, 4], [4, 5], [1, 7], [7, 1]],
                                                   units: ["a", "a", "b", "b"], options: 7)
        #expect(byUnit.map(\.unit) == ["a", "b"])
        #expect(byUnit[1].result.rwg.value == 0 && byUnit[1].result.truncated)
    }
}
