import Testing
@testable import Evaluation
import LogicModel

/// The roll-up rule of DESIGN §3.1, alone and through a model's chain.
@Suite struct GoalRollUpTests {
    @Test func rule() {
        #expect(GoalRollUp.assessment(of: [.met, .met, .notAssessed]) == .fullyMet)
        #expect(GoalRollUp.assessment(of: [.met, .notMet, .noData]) == .partlyMet)
        #expect(GoalRollUp.assessment(of: [.notMet, .notMet, .noComparison]) == .notMet)
        #expect(GoalRollUp.assessment(of: [.noData, .notAssessed, .noComparison]) == .cannotAssess)
        #expect(GoalRollUp.assessment(of: []) == .cannotAssess)
    }

    /// G1 ← O1 (contributes_to) ← P1 (leads_to) ← A1; sub-goal G2 (parent G1) ← O2.
    static let yaml = """
        schema: piloteval/logic-model/v1
        id: rollup
        name: Roll-up
        goals:
          - {id: G1, title: Top, level: kf, code: "1", assessments: [{period: "2022", result: fully_met, justification: "Vi bedömer att målet uppfylls."}]}
          - {id: G2, title: Sub, level: enhet, parent: G1}
          - {id: G3, title: Alone}
        outcomes:
          - {id: O1, title: O1, contributes_to: [G1]}
          - {id: O2, title: O2, contributes_to: [G2]}
        outputs: [{id: P1, title: P1, leads_to: [O1]}]
        activities: [{id: A1, title: A1, leads_to: [P1]}]
        indicators:
          - {id: IA, title: On the activity, measures: A1, unit: count, direction: increase, targets: [{period: "2022", rule: ">= 10"}]}
          - {id: IO, title: On the sub-goal's outcome, measures: O2, unit: percent, direction: increase, targets: [{period: "2022", rule: ">= 50"}]}
          - {id: IG, title: On the goal, measures: G1, unit: percent, direction: decrease, targets: [{period: "2022", rule: improve}]}
          - {id: IQ, title: Qualitative, measures: G1, unit: count, direction: none, targets: [{period: "2022", rule: qualitative}]}
          - {id: IN, title: No target, measures: O1, unit: count, direction: increase}
        """

    func report(_ csv: String) throws -> IndicatorStatusReport {
        let model = try IndicatorFixtures.model(Self.yaml)
        return try #require(IndicatorStatusAnalysis.compute(model: model, modelVersion: 1,
                                                            observations: try IndicatorFixtures.rows(csv)))
    }

    @Test func coverageFollowsLeadsToContributesToAndParent() throws {
        let model = try IndicatorFixtures.model(Self.yaml)
        let graph = ModelGraph(model)
        #expect(GoalRollUp.coveredIndicators(of: "G1", in: model, graph: graph) == ["IA", "IO", "IG", "IQ", "IN"])
        #expect(GoalRollUp.coveredIndicators(of: "G2", in: model, graph: graph) == ["IO"])
        #expect(GoalRollUp.coveredIndicators(of: "G3", in: model, graph: graph) == [])
    }

    @Test func partlyMetBesideTheRecordedAssessment() throws {
        // IA 12 ≥ 10 met; IO 40 < 50 not met; IG has no 2021 value: no_comparison.
        let r = try report("indicator,period,value\nIA,2022,12\nIO,2022,40\nIG,2022,30\nIN,2022,5\n")
        let g1 = try #require(r.goal("G1"))
        #expect(g1.assessment == .partlyMet)
        #expect((g1.met, g1.notMet) == (1, 1))
        #expect(g1.indicators.map(\.status) == [.met, .notMet, .noComparison, .notAssessed, .notAssessed])
        #expect(g1.manualAssessment == .fullyMet)
        #expect(g1.manualJustification == "Vi bedömer att målet uppfylls.")
        #expect(g1.differs == true)
        #expect(r.goal("G2")?.assessment == .notMet)
        #expect(r.goal("G3")?.assessment == .cannotAssess)
        #expect(r.goal("G3")?.differs == nil)
        #expect(r.caveats.contains { $0.contains("G1 (code 1): the recorded assessment (fully_met) differs from the computed one (partly_met)") })
    }

    @Test func fullyMetAndAgreement() throws {
        // IG 30 after 35 with direction decrease: improved.
        let r = try report("indicator,period,value\nIA,2022,10\nIO,2022,50\nIG,2021,35\nIG,2022,30\n")
        #expect(r.goal("G1")?.assessment == .fullyMet)
        #expect(r.goal("G1")?.differs == false)
        #expect(r.row("IG")?.change.value == -5)
    }

    @Test func noDataCannotBeAssessed() throws {
        let r = try report("indicator,period,value\nIN,2022,5\n")
        #expect(r.goal("G1")?.assessment == .cannotAssess)
        // "Cannot assess" is no verdict, so it does not contradict the recorded one.
        #expect(r.goal("G1")?.differs == false)
        #expect(r.row("IA")?.status == .noData)
        #expect(r.row("IA")?.statusNote == "no observation for 2022")
    }
}
