import Foundation
import Testing
@testable import Evaluation
import LogicModel

@Suite struct IndicatorTrendTests {
    @Test func seedTrendWithTargetLine() throws {
        let (model, checked) = try IndicatorFixtures.seedObservations("forebyggande-och-behandling-2022")
        let r = IndicatorTrendAnalysis.compute(model: model, modelVersion: 1, observations: checked.observations, indicator: "I10")
        #expect(r.indicators.map(\.id) == ["I10"])
        let points = try #require(r.indicators.first?.points)
        // 2017 17 %, 2019 34 %, 2020 45 %, 2021 40 %, and the 2022 target with no value yet.
        #expect(points.map(\.period.text) == ["2017", "2019", "2020", "2021", "2022"])
        #expect(points.map(\.total.value.value) == [17, 34, 45, 40, nil])
        #expect(points.map(\.change.value) == [nil, nil, 11, -5, nil])   // 2018 missing: no change for 2019
        #expect(points.map(\.source) == ["observation", "observation", "observation", "observation", "target_only"])
        #expect(points.map(\.status) == [.notAssessed, .notAssessed, .notAssessed, .notMet, .noData])
        #expect(points[3].target?.rule == .improve)
    }

    @Test func baselineFillsAPeriodWithoutObservation() throws {
        let (model, checked) = try IndicatorFixtures.seedObservations("familjeenheten-2022")
        let r = IndicatorTrendAnalysis.compute(model: model, modelVersion: 1, observations: checked.observations, indicator: "I8")
        let points = try #require(r.indicators.first?.points)
        #expect(points.map(\.period.text) == ["2021", "2022"])
        #expect(points[0].source == "observation")          // the CSV has AMI 2021 = 70
        #expect(points[1].total.value.value == 76)
        let json = String(decoding: try JSONEncoder().encode(points[1]), as: UTF8.self)
        #expect(json.contains("\"target_low\":82"))
        #expect(json.contains("\"city_target_low\":83"))
    }

    static let yaml = """
        schema: piloteval/logic-model/v1
        id: tertials
        name: Tertials
        period: {start: 2022-01-01, end: 2022-12-31}
        goals: [{id: G1, title: Goal}]
        outcomes: [{id: O1, title: Outcome, contributes_to: [G1]}]
        indicators:
          - id: I1
            title: Andel inom 14 dagar
            measures: O1
            unit: percent
            direction: increase
            targets:
              - {period: "2022", rule: ">= 80"}
              - {period: "2022-T3", rule: ">= 85"}
              - {period: "2022", rule: ">= 90", set_by: city}
        """

    /// A year target read against tertials is an interim reading, labelled so; a target
    /// set for the tertial itself is not.
    @Test func yearTargetOnTertialsIsInterim() throws {
        let model = try IndicatorFixtures.model(Self.yaml)
        let obs = try IndicatorFixtures.rows("indicator,period,value,numerator,denominator\nI1,2022-T1,,41,50\nI1,2022-T2,78,,\nI1,2022-T3,86,,\n")
        let t1 = try #require(IndicatorStatusAnalysis.compute(model: model, modelVersion: nil, observations: obs,
                                                              period: IndicatorFixtures.period("2022-T1")))
        let row = try #require(t1.row("I1"))
        #expect(row.value.value == 82)                 // 41/50
        #expect(row.status == .met)                    // 82 ≥ 80
        #expect(row.interim)
        #expect(row.target?.period.text == "2022")
        #expect(row.statusNote == "interim reading: 2022-T1 against the target for 2022")
        #expect(row.cityTarget?.status == .notMet)     // 82 < 90
        #expect(t1.caveats.first?.contains("interim readings") == true)
        #expect(t1.goal("G1")?.interim == true)
        let t2 = try #require(IndicatorStatusAnalysis.compute(model: model, modelVersion: nil, observations: obs,
                                                              period: IndicatorFixtures.period("2022-T2")))
        #expect(t2.row("I1")?.status == .notMet)       // 78 < 80
        #expect(t2.row("I1")?.change.value == -4)      // 78 − 82, from counts: not rounded, exact here
        let t3 = try #require(IndicatorStatusAnalysis.compute(model: model, modelVersion: nil, observations: obs))
        #expect(t3.period.text == "2022-T3")
        #expect(t3.row("I1")?.status == .met)          // its own target ≥ 85
        #expect(t3.row("I1")?.interim == false)
        let trend = IndicatorTrendAnalysis.compute(model: model, modelVersion: nil, observations: obs)
        #expect(trend.indicators[0].points.map(\.period.text) == ["2022", "2022-T1", "2022-T2", "2022-T3"])
        #expect(trend.indicators[0].points.map(\.interim) == [false, true, true, false])
    }

    /// The status JSON has the documented shape and reads back equal.
    @Test func statusJSONShapeAndRoundTrip() throws {
        let model = try IndicatorFixtures.model(Self.yaml)
        let obs = try IndicatorFixtures.rows("indicator,period,group,value,numerator,denominator\nI1,2022-T1,total,,41,50\nI1,2022-T1,girls,,20,24\nI1,2022-T1,boys,,21,26\n")
        let report = try #require(IndicatorStatusAnalysis.compute(model: model, modelVersion: 2, observations: obs))
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["model", "model_name", "model_version", "period", "indicators", "goals", "removed_indicators", "caveats"])
        let row = try #require((object["indicators"] as? [[String: Any]])?.first)
        for key in ["id", "title", "period", "value", "unit", "target_rule", "status", "previous_value", "change", "groups", "warnings", "city_target_rule"] {
            #expect(row[key] != nil, "missing \(key)")
        }
        #expect(row["previous_value"] is NSNull)
        #expect(row["previous_value_note"] as? String == "no observation or baseline for 2021-T3")
        #expect(row["target_rule"] as? String == ">= 80")
        let girls = try #require((row["groups"] as? [String: Any])?["girls"] as? [String: Any])
        #expect(girls["numerator"] as? Double == 20)
        #expect(girls["denominator"] as? Double == 24)
        let goal = try #require((object["goals"] as? [[String: Any]])?.first)
        #expect(goal["assessment"] as? String == "fully_met")
        #expect(try JSONDecoder().decode(IndicatorStatusReport.self, from: data) == report)
    }
}
