import Foundation
import LogicModel
import Periods
import Presentation
import Evaluation
@testable import Reports
import Store
import Testing

/// The brief, asked for no period, shows the period whose indicators can most often be
/// judged against a target (the latest of equals); the final report the period with the
/// most values. In the demo 2021 had three more values than 2022 (follow-up a 2022
/// extract cannot have yet) and both four indicators judged, so the brief stopped at 2021
/// while the cases ran to the end of 2022.
@Suite struct BriefPeriodTests {
    /// 2021: three values, one with a target (I1). 2022: two values, both with targets.
    /// 2023: one value with a target. By hand: judged 1, 2, 1 → the brief takes 2022; the
    /// most values are 2021's three → the final report takes 2021.
    static let yaml = """
    schema: piloteval/logic-model/v1
    id: periodteamet
    name: Periodteamet
    language: sv
    period: {start: 2021-01-01, end: 2023-12-31}
    goals:
      - {id: G1, title: Barn får stöd i tid}
    outputs:
      - {id: P1, title: Utredningar, leads_to: [G1]}
    activities:
      - {id: A1, title: Utreda, leads_to: [P1]}
    indicators:
      - id: I1
        title: Andel utredningar inom fyra månader
        measures: P1
        unit: percent
        direction: increase
        targets:
          - {period: "2021", rule: ">= 80"}
          - {period: "2022", rule: ">= 80"}
          - {period: "2023", rule: ">= 80"}
      - id: I2
        title: Dagar till beslut
        measures: P1
        unit: days
        direction: decrease
        targets:
          - {period: "2022", rule: "<= 14"}
      - id: I3
        title: Antal konsultationer
        measures: P1
        unit: count
        direction: increase
    """
    static let observations = """
    indicator,period,group,value,numerator,denominator,note
    I1,2021,total,85,,,
    I2,2021,total,12,,,
    I3,2021,total,40,,,
    I1,2022,total,75,,,
    I2,2022,total,10,,,
    I1,2023,total,90,,,
    """

    func context(_ model: TemporaryModel, _ kind: ReportKind) -> ReportContext {
        let request = ReportRequest(kind: kind, language: .sv, format: "json", toolVersion: "test",
                                    generatedAt: Date(timeIntervalSince1970: 1_645_999_200))
        return ReportContext(model: model.model, modelProvenance: model.provenance, request: request,
                             strings: ReportStrings(.sv), database: model.database)
    }

    @Test func theBriefTakesThePeriodWithTheMostIndicatorsJudgedAndTheFinalReportTheFullest() throws {
        let f = try TemporaryModel(yaml: Self.yaml, fileName: "periodteamet.yaml", observations: Self.observations)
        let brief = try #require(try IndicatorStatusSection().compute(context(f, .steering)).status)
        #expect(brief.period.text == "2022")
        #expect(brief.indicators.filter { $0.status == .met || $0.status == .notMet }.count == 2)
        let final = try #require(try IndicatorStatusSection().compute(context(f, .final)).status)
        #expect(final.period.text == "2021")
        // Judged alike (2022 and 2023 with one each once I2's 2022 value goes): the latest.
        let g = try TemporaryModel(yaml: Self.yaml, fileName: "periodteamet.yaml",
                                   observations: Self.observations.replacingOccurrences(of: "I2,2022,total,10,,,\n", with: ""))
        #expect(try IndicatorStatusSection().compute(context(g, .steering)).status?.period.text == "2023")
    }
}
