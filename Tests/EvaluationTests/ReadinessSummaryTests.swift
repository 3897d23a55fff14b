import Foundation
import LogicModel
import Statistics
import Store
import Testing
@testable import Evaluation

/// Summary figures against make_fixtures_readiness.py (numpy/scipy/pandas), and alpha
/// and ICC against hand computations written out below.
@Suite struct ReadinessSummaryTests {
    func summary(_ wave: String) throws -> (ReadinessSummary, Instrument) {
        let w = try ReadinessWorkspace()
        let instrument = try w.instrument()
        try w.importFixture("\(wave).csv", wave: wave)
        let data = try ReadinessRepository(w.database).load(instrument: instrument, wave: wave)
        return (ReadinessSummary.compute(data, instrument: instrument), instrument)
    }

    @Test(arguments: ["wave-a", "wave-b"])
    func unitItemAndScaleFiguresMatchTheReference(_ wave: String) throws {
        let (s, _) = try summary(wave)
        let expected = ReadinessExpected.dict(ReadinessExpected.json["summary_" + wave.suffix(1)])
        let units = ReadinessExpected.dict(expected["units"])
        #expect(Set(s.units.map(\.unit)) == Set(units.keys))
        for u in s.units {
            let e = ReadinessExpected.dict(units[u.unit])
            #expect(u.suppressed == (e["suppressed"] as! Bool), "\(u.unit) suppression")
            if u.suppressed {
                #expect(u.n == nil && u.items.isEmpty && u.scales.isEmpty && !u.rwgJ.isDefined)
                continue
            }
            #expect(u.n == e["n"] as? Int)
            expectClose(u.rwgJ, e["rwg_j"], "\(u.unit) rwg_j")
            let items = ReadinessExpected.dict(e["items"])
            for i in u.items {
                let ei = ReadinessExpected.dict(items[i.item])
                #expect(i.n == ei["n"] as? Int)
                expectClose(i.mean, ei["mean"], "\(u.unit) \(i.item) mean")
                expectClose(i.sd, ei["sd"], "\(u.unit) \(i.item) sd")
                expectClose(i.ciLow, ei["ci_low"], "\(u.unit) \(i.item) ci_low")
                expectClose(i.ciHigh, ei["ci_high"], "\(u.unit) \(i.item) ci_high")
                expectClose(i.agreeShare, ei["agree_share"], "\(u.unit) \(i.item) agree_share")
                #expect(i.distribution == ei["distribution"] as? [Int])
            }
            let scales = ReadinessExpected.dict(e["scales"])
            for sc in u.scales {
                let es = ReadinessExpected.dict(scales[sc.scale])
                #expect(sc.n == es["n"] as? Int, "\(u.unit) \(sc.scale) n")
                expectClose(sc.mean, es["mean"], "\(u.unit) \(sc.scale) mean")
                expectClose(sc.sd, es["sd"], "\(u.unit) \(sc.scale) sd")
                expectClose(sc.ciLow, es["ci_low"], "\(u.unit) \(sc.scale) ci_low")
                expectClose(sc.ciHigh, es["ci_high"], "\(u.unit) \(sc.scale) ci_high")
            }
        }
        let r = ReadinessExpected.dict(expected["reliability"])
        expectClose(s.reliability.alpha, r["alpha"], "alpha")
        expectClose(s.reliability.ciLow, r["ci_low"], "alpha ci_low")
        expectClose(s.reliability.ciHigh, r["ci_high"], "alpha ci_high")
        #expect(s.reliability.respondents == r["respondents"] as? Int)
        let subs = ReadinessExpected.dict(r["subscales"])
        for sub in s.reliability.subscales {
            let es = ReadinessExpected.dict(subs[sub.scale])
            expectClose(sub.alpha, es["alpha"], "\(sub.scale) alpha")
            expectClose(sub.ciLow, es["ci_low"], "\(sub.scale) alpha ci_low")
            expectClose(sub.ciHigh, es["ci_high"], "\(sub.scale) alpha ci_high")
        }
        let a = ReadinessExpected.dict(expected["aggregation"])
        expectClose(s.aggregation.icc1, a["icc1"], "icc1")
        expectClose(s.aggregation.icc2, a["icc2"], "icc2")
        expectClose(s.aggregation.f, a["f"], "F")
        expectClose(s.aggregation.p, a["p"], "p")
        expectClose(s.aggregation.groupSize, a["group_size"], "k")
        #expect(s.aggregation.respondents == a["respondents"] as? Int)
        #expect(s.aggregation.units == a["units"] as? Int)
    }

    @Test func jsonHasTheIssueShape() throws {
        let (s, _) = try summary("wave-b")
        let encoder = JSONEncoder()
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(s)) as! [String: Any]
        for key in ["instrument", "wave", "units", "reliability", "aggregation"] { #expect(object[key] != nil, "\(key)") }
        let unit = (object["units"] as! [[String: Any]]).first { $0["unit"] as? String == "U1" }!
        let item = (unit["items"] as! [[String: Any]])[0]
        for key in ["item", "mean", "sd", "n", "ci_low", "ci_high", "agree_share"] { #expect(item[key] != nil, "item.\(key)") }
        let scale = (unit["scales"] as! [[String: Any]])[0]
        for key in ["scale", "mean", "sd", "n"] { #expect(scale[key] != nil, "scale.\(key)") }
        let reliability = object["reliability"] as! [String: Any]
        for key in ["alpha", "ci_low", "ci_high"] { #expect(reliability[key] is NSNumber, "reliability.\(key)") }
        let aggregation = object["aggregation"] as! [String: Any]
        for key in ["icc1", "icc2", "rwg_j"] { #expect(aggregation[key] != nil, "aggregation.\(key)") }
        // U4 (3 respondents) is suppressed: n is null with a reason, nothing else shown.
        let u4 = (object["units"] as! [[String: Any]]).first { $0["unit"] as? String == "U4" }!
        #expect(u4["n"] is NSNull)
        #expect((u4["n_note"] as? String)?.contains("suppressed") == true)
        #expect((u4["items"] as! [Any]).isEmpty)
    }

    @Test func minGroupIsAdjustable() throws {
        let w = try ReadinessWorkspace()
        let instrument = try w.instrument()
        try w.importFixture("wave-b.csv", wave: "wave-b")
        let data = try ReadinessRepository(w.database).load(instrument: instrument, wave: "wave-b")
        #expect(ReadinessSummary.compute(data, instrument: instrument, minGroup: 3).units.allSatisfy { !$0.suppressed })
        let strict = ReadinessSummary.compute(data, instrument: instrument, minGroup: 10)
        #expect(strict.units.filter { !$0.suppressed }.map(\.unit) == ["U1"])
    }

    /// A 3-item instrument for the hand computations.
    static let handInstrument = Instrument(
        id: "hand", name: "hand", scale: ResponseScale(min: 1, max: 7),
        items: [SurveyItem(key: "x", sv: "x"), SurveyItem(key: "y", sv: "y"), SurveyItem(key: "z", sv: "z")])

    /// Five respondents, three items:
    ///
    ///     x: 1 2 3 4 5   mean 3.0  variance (4+1+0+1+4)/4            = 2.5
    ///     y: 2 3 3 5 5   mean 3.6  variance (2.56+.36+.36+1.96+1.96)/4 = 1.8
    ///     z: 2 3 4 4 6   mean 3.8  variance (3.24+.64+.04+.04+4.84)/4  = 2.2
    ///     totals 5 8 10 13 16, mean 10.4, variance (29.16+5.76+.16+6.76+31.36)/4 = 18.3
    ///     alpha = 3/2 · (1 − 6.5/18.3) = 17.7/18.3 = 59/61
    @Test func alphaMatchesTheHandComputation() {
        let rows: [[Double]] = [[1, 2, 2], [2, 3, 3], [3, 3, 4], [4, 5, 4], [5, 5, 6]]
        let data = ReadinessWaveData(wave: "w", items: ["x", "y", "z"],
                                     respondents: rows.enumerated().map { ReadinessRespondent(unit: $0 < 3 ? "A" : "B", respondent: "r\($0)", answers: $1) })
        let s = ReadinessSummary.compute(data, instrument: Self.handInstrument, minGroup: 1)
        #expect(abs(s.reliability.alpha.value! - 59.0 / 61.0) < 1e-12)
        #expect(s.reliability.respondents == 5)
    }

    /// Scores (all items answered alike, so the score is the answer) by unit:
    ///
    ///     U1: 2 3 4 (mean 3)   U2: 4 5 6 (mean 5)   U3: 5 6 7 6 (mean 6);  N = 10, J = 3, grand mean 4.8
    ///     SSB = 3·1.8² + 3·0.2² + 4·1.2² = 15.6, MSB = 7.8
    ///     SSW = 2 + 2 + 2 = 6, MSW = 6/7
    ///     k = (10 − (9 + 9 + 16)/10)/2 = 3.3
    ///     ICC(1) = (7.8 − 6/7)/(7.8 + 2.3·6/7) = 48.6/68.4,  ICC(2) = (7.8 − 6/7)/7.8 = 48.6/54.6
    ///     r_wg(J), J = 3, σ²_E = (49 − 1)/12 = 4: U1, U2 s̄² = 1 → 3·0.75/(3·0.75 + 0.25) = 0.9;
    ///     U3 s̄² = 2/3 → 3·(5/6)/(3·(5/6) + 1/6) = 15/16
    @Test func iccAndAgreementMatchTheHandComputation() {
        let scores: [(String, Double)] = [("U1", 2), ("U1", 3), ("U1", 4), ("U2", 4), ("U2", 5), ("U2", 6),
                                          ("U3", 5), ("U3", 6), ("U3", 7), ("U3", 6)]
        let data = ReadinessWaveData(wave: "w", items: ["x", "y", "z"], respondents: scores.enumerated().map {
            ReadinessRespondent(unit: $1.0, respondent: "r\($0)", answers: [$1.1, $1.1, $1.1])
        })
        let s = ReadinessSummary.compute(data, instrument: Self.handInstrument, minGroup: 3)
        #expect(abs(s.aggregation.icc1.value! - 48.6 / 68.4) < 1e-12)
        #expect(abs(s.aggregation.icc2.value! - 48.6 / 54.6) < 1e-12)
        #expect(abs(s.aggregation.groupSize.value! - 3.3) < 1e-12)
        let rwg = Dictionary(uniqueKeysWithValues: s.units.map { ($0.unit, $0.rwgJ.value!) })
        #expect(abs(rwg["U1"]! - 0.9) < 1e-12 && abs(rwg["U2"]! - 0.9) < 1e-12)
        #expect(abs(rwg["U3"]! - 15.0 / 16.0) < 1e-12)
        #expect(s.aggregation.verdict.code == .yes)
        #expect(s.aggregation.verdict.sv.contains("0,89"))
    }

    @Test func verdictNamesUnitsWhoseMembersDisagree() {
        // U2 answers are all over the scale: r_wg(J) = 0, so its mean hides a split.
        let answers: [(String, [Double])] = [
            ("U1", [6, 6, 6]), ("U1", [6, 7, 6]), ("U1", [7, 7, 7]),
            ("U2", [1, 7, 1]), ("U2", [7, 1, 7]), ("U2", [1, 1, 7]), ("U2", [7, 7, 1]),
        ]
        let data = ReadinessWaveData(wave: "w", items: ["x", "y", "z"],
                                     respondents: answers.enumerated().map { ReadinessRespondent(unit: $1.0, respondent: "r\($0)", answers: $1.1) })
        let s = ReadinessSummary.compute(data, instrument: Self.handInstrument, minGroup: 3)
        #expect(s.units.first { $0.unit == "U2" }!.rwgJ.value == 0)
        #expect([.betweenUnitsOnly, .no].contains(s.aggregation.verdict.code))
        #expect(s.aggregation.verdict.en.contains("U2"))
    }

    @Test func reverseItemsAreReversedInScoresButNotInItemMeans() throws {
        let (s, _) = try summary("wave-b")
        let expected = ReadinessExpected.dict(ReadinessExpected.dict(ReadinessExpected.dict(ReadinessExpected.json["summary_b"])["units"])["U1"])
        let e = s.units.first { $0.unit == "U1" }!.items.first { $0.item == "e" }!
        #expect(e.reverse)
        // The fixture's item e runs opposite to the others: its raw mean is low, its
        // reversed contribution to s2 is high.
        expectClose(e.mean, ReadinessExpected.dict(ReadinessExpected.dict(expected["items"])["e"])["mean"], "raw mean of e")
        #expect(e.mean.value! < 4)
    }

    @Test func degenerateWaveExplainsItself() {
        let data = ReadinessWaveData(wave: "w", items: ["x", "y", "z"],
                                     respondents: [ReadinessRespondent(unit: "A", respondent: "1", answers: [4, 4, 4])])
        let s = ReadinessSummary.compute(data, instrument: Self.handInstrument, minGroup: 1)
        #expect(s.reliability.alpha.value == nil && s.reliability.alpha.note != nil)
        #expect(s.aggregation.icc1.value == nil && s.aggregation.icc1.note != nil)
        #expect(s.aggregation.verdict.code == .cannotAssess)
        #expect(s.units[0].items[0].sd.note != nil)
    }
}
