import Foundation
import Testing
@testable import Statistics

/// Loads `Fixtures/cases_<name>.json`, written by `Fixtures/make_fixtures_cases.py`.
func casesFixture(_ name: String) throws -> [String: Any] {
    let url = try #require(Bundle.module.url(forResource: "cases_\(name)", withExtension: "json",
                                             subdirectory: "Fixtures"),
                           "missing fixture cases_\(name).json; run Fixtures/make_fixtures_cases.py")
    let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
    return try #require((object as? [String: Any])?["cases"] as? [String: Any])
}

func bools(_ any: Any?) -> [Bool] { (any as? [Any] ?? []).map { ($0 as? Bool) ?? ((($0 as? NSNumber)?.intValue ?? 0) != 0) } }

/// Kaplan–Meier and the log-rank test against statsmodels (cases_survival.json).
@Suite struct SurvivalTests {
    nonisolated(unsafe) static let fixture: [String: Any] = (try? casesFixture("survival")) ?? [:]
    static var kmNames: [String] { cases(fixture, "kaplan_meier").compactMap { $0["name"] as? String } }
    static var logRankNames: [String] { cases(fixture, "log_rank").compactMap { $0["name"] as? String } }

    @Test func fixtureLoaded() {
        #expect(Self.kmNames.count == 7 && Self.logRankNames.count == 3)
    }

    @Test(arguments: kmNames)
    func kaplanMeier(name: String) throws {
        let c = try #require(cases(Self.fixture, "kaplan_meier").first { $0["name"] as? String == name })
        let km = KaplanMeier(times: numbers(c["times"]), observed: bools(c["observed"]))
        let steps = c["steps"] as? [[String: Any]] ?? []
        #expect(km.steps.count == steps.count, "\(name): \(km.steps.count) event times vs \(steps.count)")
        for (s, e) in zip(km.steps, steps) {
            expectClose(s.time, number(e["time"]), "\(name) time")
            expectClose(s.atRisk, number(e["at_risk"]), "\(name) at risk")
            expectClose(s.events, number(e["events"]), "\(name) events")
            expectClose(s.survival, number(e["survival"]), "\(name) S(\(s.time))")
            expectClose(s.standardError, number(e["se"]), "\(name) se(\(s.time))")
        }
        expectClose(km.median.estimate, number(c["median"]), "\(name) median")
        expectClose(km.median.ciLow, number(c["median_ci_low"]), "\(name) median CI low")
        expectClose(km.median.ciHigh, number(c["median_ci_high"]), "\(name) median CI high")
        let share = km.shareWithin(number(c["limit"])!)
        expectClose(share.estimate, number(c["share"]), "\(name) share within limit")
        expectClose(share.ciLow, number(c["share_ci_low"]), "\(name) share CI low")
        expectClose(share.ciHigh, number(c["share_ci_high"]), "\(name) share CI high")
    }

    /// DESIGN §4's median (S ≤ 0.5) differs from statsmodels' `quantile` (S < 0.5)
    /// exactly when S hits 0.5 at an event time.
    @Test func medianRuleAtExactlyOneHalf() {
        let km = KaplanMeier(times: (1...10).map(Double.init), observed: Array(repeating: true, count: 10))
        #expect(km.median.estimate.value == 5)
    }

    /// Integer case weights act as repeated cases (statsmodels' frequency weights).
    @Test func weightsActAsRepeatedCases() {
        let t: [Double] = [2, 3, 3, 5, 7, 8, 11], e = [true, false, true, true, false, true, true]
        let w: [Double] = [2, 1, 3, 1, 2, 1, 2]
        let weighted = KaplanMeier(times: t, observed: e, weights: w)
        var rt: [Double] = [], re: [Bool] = []
        for i in t.indices { for _ in 0..<Int(w[i]) { rt.append(t[i]); re.append(e[i]) } }
        let repeated = KaplanMeier(times: rt, observed: re)
        #expect(weighted.steps.count == repeated.steps.count)
        for (a, b) in zip(weighted.steps, repeated.steps) { expectClose(a.survival, b.survival, "S(\(a.time))") }
        expectClose(weighted.median.estimate, repeated.median.estimate.value, "weighted median")
        expectClose(weighted.shareWithin(6).estimate, repeated.shareWithin(6).estimate.value, "weighted share")
        expectUndefined(weighted.shareWithin(6).ciLow, "no CI for weighted estimates")
    }

    @Test func degenerateInputExplainsItself() {
        let none = KaplanMeier(times: [], observed: [])
        expectUndefined(none.median.estimate, "empty median")
        expectUndefined(none.shareWithin(14).estimate, "empty share")
        let censored = KaplanMeier(times: [3, 5, 9], observed: [false, false, false])
        expectUndefined(censored.median.estimate, "all-censored median")
        #expect(censored.shareWithin(4).estimate.value == 0)
        expectUndefined(censored.shareWithin(4).ciLow, "all-censored share CI")
        expectUndefined(censored.shareWithin(20).estimate, "share beyond the last time")
        let lr = LogRankTest(pilotTimes: [3, 4], pilotObserved: [false, false],
                             comparisonTimes: [5], comparisonObserved: [false])
        expectUndefined(lr.test.p, "log-rank with no events")
        let empty = LogRankTest(pilotTimes: [], pilotObserved: [], comparisonTimes: [1, 2], comparisonObserved: [true, true])
        expectUndefined(empty.test.statistic, "log-rank with an empty group")
    }

    @Test(arguments: logRankNames)
    func logRank(name: String) throws {
        let c = try #require(cases(Self.fixture, "log_rank").first { $0["name"] as? String == name })
        let lr = LogRankTest(pilotTimes: numbers(c["pilot_times"]), pilotObserved: bools(c["pilot_observed"]),
                             comparisonTimes: numbers(c["comparison_times"]), comparisonObserved: bools(c["comparison_observed"]))
        expectClose(lr.test.statistic, number(c["chi_square"]), "\(name) chi-square")
        expectClose(lr.test.p, number(c["p"]), pValue: true, "\(name) p")
        expectClose(lr.observedPilot, number(c["observed_pilot"]), "\(name) observed")
        expectClose(lr.expectedPilot, number(c["expected_pilot"]), "\(name) expected")
    }
}
