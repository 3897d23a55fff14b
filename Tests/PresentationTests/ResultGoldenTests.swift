@testable import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Statistics
import Testing

/// Each result type → blocks → the terminal writer, against a golden file (Golden/).
/// The values are computed from small inputs written here — a unit plan and its
/// observations, forty-odd cases, a handful of survey answers, a measure and two PDSA
/// cycles — so a change in the figures or in the layout shows as a diff of a short file.
@Suite struct ResultGoldenTests {
    static let writer = PlainTextWriter()

    // MARK: Indicators

    static let model: LogicModel = {
        let yaml = """
            schema: piloteval/logic-model/v1
            id: exempelenheten
            name: Exempelenheten, verksamhetsplan 2022
            period: {start: 2022-01-01, end: 2022-12-31}
            goals:
              - id: KF1.4
                title: I Stockholm får människor i behov av stöd insatser i tid
                level: kf
                code: "1.4"
                assessments:
                  - {period: "2022", result: fully_met, justification: "Enheten bedömer att målet uppfylls helt."}
              - {id: E1, title: Utredningar handläggs inom lagstadgad tid, level: enhet, parent: KF1.4}
            outcomes:
              - {id: O1, title: Förhandsbedömningar inom 14 dagar, contributes_to: [E1]}
            indicators:
              - id: I1
                title: Andel förhandsbedömningar inom 14 dagar
                measures: O1
                unit: percent
                direction: increase
                baseline: {period: "2021", value: 70}
                targets:
                  - {period: "2022", rule: ">= 80"}
                  - {period: "2022", rule: ">= 90", set_by: city}
                breakdowns: {gender: [girls, boys]}
              - id: I2
                title: Antal SIP-möten
                measures: E1
                unit: count
                counts: events
                direction: increase
                targets:
                  - {period: "2022", rule: improve}
              - id: I3
                title: Andel barn som kommit till tals
                measures: KF1.4
                unit: percent
                direction: increase
                targets:
                  - {period: "2022", rule: ">= 90"}
            """
        return LogicModelDecoder.decode(Data(yaml.utf8), file: "exempelenheten.yaml").model!
    }()

    static func period(_ text: String) -> Period { Period(parsing: text)! }

    static let observations: [Observation] = [
        Observation(indicator: "I1", period: period("2021-T3"), numerator: 33, denominator: 50, line: 2),
        Observation(indicator: "I1", period: period("2022-T1"), numerator: 41, denominator: 50, line: 3),
        Observation(indicator: "I1", period: period("2022-T1"), group: "girls", numerator: 20, denominator: 24, line: 4),
        Observation(indicator: "I1", period: period("2022-T1"), group: "boys", numerator: 21, denominator: 26, line: 5),
        Observation(indicator: "I2", period: period("2021-T3"), value: 4, line: 6),
        Observation(indicator: "I2", period: period("2022-T1"), value: 3, line: 7),
        Observation(indicator: "I3", period: period("2021-T3"), value: 88.5, line: 8),
        Observation(indicator: "I3", period: period("2022-T1"), value: 92, line: 9),
    ]

    @Test func indicatorStatus() throws {
        let report = try #require(IndicatorStatusAnalysis.compute(model: Self.model, modelVersion: 1, observations: Self.observations))
        try GoldenFile.check(Self.writer.render(report.blocks(style: .terminal)), "indicator-status.txt")
    }

    @Test func indicatorTrend() throws {
        let report = IndicatorTrendAnalysis.compute(model: Self.model, modelVersion: 1, observations: Self.observations)
        try GoldenFile.check(Self.writer.render(report.blocks(style: .terminal)), "indicator-trend.txt")
    }

    /// A status where I1's values are computed from cases (`data:`) and I3's typed in:
    /// the source column and the list of computed values appear (a status of typed-in
    /// values only has neither, as `indicator-status.txt` shows).
    @Test func indicatorStatusWithComputedValues() throws {
        let source = ValueSource(binding: "cases: assessment_within_14d, cohort: pilot, comparison: line", imports: [3],
                                 extractDate: "2022-04-30",
                                 rule: "assessment_within_14d by decision date; share of cases with 1; pilot cohort, 50 cases",
                                 comparison: ComparisonFigure(cohort: "line", value: 62.5, numerator: 100, denominator: 160))
        var observations = Self.observations.filter { $0.indicator != "I1" }
        observations += [
            Observation(indicator: "I1", period: Self.period("2021-T3"), numerator: 33, denominator: 50, computed: source),
            Observation(indicator: "I1", period: Self.period("2022-T1"), numerator: 41, denominator: 50, computed: source),
            Observation(indicator: "I1", period: Self.period("2022-T1"), group: "girls", numerator: 20, denominator: 24, computed: source),
        ]
        let report = try #require(IndicatorStatusAnalysis.compute(model: Self.model, modelVersion: 1, observations: observations))
        try GoldenFile.check(Self.writer.render(report.blocks(style: .terminal)), "indicator-status-computed.txt")
    }

    // MARK: Cohort comparison

    /// 48 cases: a pilot team in Vällingby from 2021-01-01, three line teams in four
    /// areas, referrals from 2019 to 2022, a 0/1 outcome and a duration, by a fixed rule.
    static let cases: CaseDataset = {
        let start = CalendarDate(year: 2021, month: 1, day: 1)!
        let areas = ["Vällingby", "Hässelby", "Spånga", "Bromma"]
        let lineUnits = ["Linje A", "Linje B", "Linje C"]
        let reasons = ["school", "police", "parent"]
        var cases: [CaseRecord] = []
        for k in 0..<48 {
            let referral = CalendarDate(dayNumber: CalendarDate(year: 2019, month: 1, day: 10)!.dayNumber + k * 29)
            let after = referral >= start
            let isPilot = after && k % 2 == 0
            let area = isPilot ? "Vällingby" : areas[k % 4]
            let within = (isPilot ? [1, 1, 0, 1] : after ? [1, 0, 0, 1] : [0, 1, 0, 0])[k % 4]
            let days = Double(isPilot ? 60 + (k * 7) % 50 : 80 + (k * 11) % 70)
            cases.append(CaseRecord(
                caseID: "c\(k)", cohort: isPilot ? "testteamet" : "linjen", isPilot: isPilot,
                unit: isPilot ? "Testteamet" : lineUnits[k % 3], area: area,
                gender: k % 3 == 0 ? .girl : .boy, age: 6 + k % 11, referralDate: referral, referralReason: reasons[k % 3],
                values: ["within_4m": .number(Double(within)), "days": .duration(days: days, observed: k % 5 != 0)]))
        }
        return CaseDataset(modelID: "testteamet", pilotCohort: "testteamet", pilotStart: start,
                           extractDate: CalendarDate(year: 2022, month: 12, day: 31)!, cases: cases)
    }()

    @Test(arguments: [CohortComparison.Design.unadjusted, .adjusted, .did, .permutation])
    func cohortComparison(_ design: CohortComparison.Design) throws {
        let outcome = design == .permutation ? "days" : "within_4m"
        let result = try CohortComparison.run(Self.cases, outcome: outcome,
                                              options: .init(design: design, byGender: design == .unadjusted,
                                                             bootstrap: .init(replicates: 999)))
        try GoldenFile.check(Self.writer.render(result.blocks(style: .terminal)), "cohort-\(design.rawValue).txt")
    }

    // MARK: compare and describe on any CSV

    static let days: (pilot: [Double], line: [Double]) = ([12, 15, 9, 30, 22, 18, 11, 25, .nan, 14],
                                                          [20, 31, 18, 44, 27, 35, 16, 29, 40, 23, 38, 21, 19, 33])
    static let clean = CSVAnalyses.NonNumericCells(column: "dagar", nil)

    @Test func compareOnAnyCSV() throws {
        let binary = CSVAnalyses.Checked(result: CSVAnalyses.Compared.binary(BinaryComparison.compute(
            pilotEvents: 14, pilotN: 20, comparisonEvents: 21, comparisonN: 45, pilotLabel: "pilot", comparisonLabel: "linjen",
            outcome: "inom_14_dagar")), nonNumericCells: CSVAnalyses.NonNumericCells(column: "inom_14_dagar", nil))
        try GoldenFile.check(Self.writer.render(binary.blocks(style: .terminal)), "compare-binary.txt")
        func continuous(_ p: [Double], _ c: [Double], pilot: String = "pilot") -> CSVAnalyses.Compared {
            .continuous(ContinuousComparison.compute(pilot: p, comparison: c, pilotLabel: pilot, comparisonLabel: "linjen", outcome: "dagar"))
        }
        let byGender = CSVAnalyses.Checked(result: CSVAnalyses.Stratified(
            by: "kön", overall: continuous(Self.days.pilot, Self.days.line),
            strata: [("flicka", continuous(Array(Self.days.pilot.prefix(5)), Array(Self.days.line.prefix(7)))),
                     ("pojke", continuous(Array(Self.days.pilot.suffix(5)), Array(Self.days.line.suffix(7)))),
                     ("annat", continuous([], [26, 30]))]), nonNumericCells: Self.clean)
        try GoldenFile.check(Self.writer.render(byGender.blocks(style: .terminal)), "compare-continuous-by.txt")
    }

    @Test func describeOnAnyCSV() throws {
        let whole = CSVAnalyses.Described(overall: Descriptives(of: Self.days.pilot + Self.days.line), groups: [], notes: [],
                                          nonNumericCells: Self.clean)
        try GoldenFile.check(Self.writer.render(whole.blocks(style: .terminal)), "describe.txt")
        let byGroup = CSVAnalyses.Described(overall: nil, groups: [("pilot", Descriptives(of: Self.days.pilot)),
                                                                   ("linjen", Descriptives(of: Self.days.line)),
                                                                   ("okänd", Descriptives(of: [7]))],
                                            notes: [], nonNumericCells: Self.clean)
        try GoldenFile.check(Self.writer.render(byGroup.blocks(style: .terminal)), "describe-by.txt")
    }

    // MARK: Readiness

    static let instrument: Instrument = {
        let yaml = """
            schema: piloteval/instrument/v1
            id: test-readiness
            name: Testinstrument
            language: sv
            scale:
              min: 1
              max: 5
              anchors:
                - {value: 1, sv: instämmer inte alls, en: do not agree at all}
                - {value: 5, sv: instämmer helt, en: agree completely}
            items:
              - {key: a, sv: Påstående A, en: Statement A}
              - {key: b, sv: Påstående B, en: Statement B}
              - {key: c, sv: Påstående C (omvänt), en: Statement C (reversed), reverse: true}
            subscales:
              - {key: s1, sv: Delskala 1, en: Subscale 1, items: [a, b, c]}
            """
        return InstrumentDecoder.decode(Data(yaml.utf8), file: "instrument.yaml").instrument!
    }()

    /// Two units of six and one of three (withheld below five), answers by a fixed rule.
    static func wave(_ name: String, shift: Int) -> ReadinessWaveData {
        var respondents: [ReadinessRespondent] = []
        for (unit, n) in [("U1", 6), ("U2", 6), ("U3", 3)] {
            for r in 0..<n {
                let base = unit == "U1" ? 4 : 2
                let answers = [base + (r + shift) % 2, base + (r % 3 == 0 ? 1 : 0) + shift % 2, 5 - base - r % 2]
                    .map { Double(min(5, max(1, $0))) }
                respondents.append(ReadinessRespondent(unit: unit, respondent: "\(unit)-\(r)", answers: answers))
            }
        }
        return ReadinessWaveData(wave: name, items: ["a", "b", "c"], respondents: respondents)
    }

    static let aggregated = ReadinessWaveData(wave: "2021-03", items: ["a", "b", "c"], unitMeans: [
        ReadinessUnitMeans(unit: "U1", n: 7, means: [3.9, 4.1, 1.6]),
        ReadinessUnitMeans(unit: "U2", n: nil, means: [2.4, 2.2, nil]),
    ])

    @Test func readinessSummary() throws {
        let summary = ReadinessSummary.compute(Self.wave("2022-03", shift: 0), instrument: Self.instrument)
        try GoldenFile.check(Self.writer.render(summary.blocks(style: .terminal, scale: Self.instrument.scale.points)),
                             "readiness-summary.txt")
        let aggregated = ReadinessSummary.compute(Self.aggregated, instrument: Self.instrument)
        try GoldenFile.check(Self.writer.render(aggregated.blocks(style: .terminal, scale: Self.instrument.scale.points)),
                             "readiness-summary-aggregated.txt")
    }

    @Test func readinessTrend() throws {
        let trend = ReadinessTrend.compute([Self.aggregated, Self.wave("2022-03", shift: 0), Self.wave("2023-03", shift: 1)],
                                           instrument: Self.instrument)
        try GoldenFile.check(Self.writer.render(trend.blocks(style: .terminal, scalesOnly: false)), "readiness-trend.txt")
    }

    @Test func readinessGaps() throws {
        let gaps = ReadinessGaps.compute(Self.wave("2022-03", shift: 0), instrument: Self.instrument)
        try GoldenFile.check(Self.writer.render(gaps.blocks(style: .terminal)), "readiness-gaps.txt")
    }

    // MARK: Run chart

    static let cycles = [
        PDSACycle(id: "tidsplan-1", title: "Tidsplan vid första mötet", activity: "A1", changeIdea: "En tidsplan",
                  prediction: "Fler utredningar planeras", start: CalendarDate(year: 2024, month: 3, day: 4)!,
                  end: CalendarDate(year: 2024, month: 3, day: 29)!, decision: .adapt, measure: "tidsplan"),
        PDSACycle(id: "tidsplan-2", title: "Tidsplan i mallen", activity: "A1", changeIdea: "Tidsplanen i mallen",
                  prediction: "Alla planeras", start: CalendarDate(year: 2024, month: 4, day: 8)!, measure: "tidsplan",
                  previous: "tidsplan-1"),
    ]

    @Test func runChartWithPDSACycles() throws {
        let values: [(Double, Double)] = [(3, 10), (4, 12), (2, 9), (5, 11), (4, 10), (3, 12), (6, 11), (7, 10), (8, 12),
                                          (9, 11), (8, 10), (10, 12), (9, 11), (11, 12)]
        let start = CalendarDate(year: 2024, month: 1, day: 1)!.dayNumber
        let series = MeasureSeries(name: "tidsplan", points: values.enumerated().map { k, v in
            let date = CalendarDate(dayNumber: start + 7 * k)
            return MeasureSeries.Point(label: date.iso, date: date, value: v.0, denominator: v.1)
        }, hasDenominator: true)
        let result = try RunChartAnalysis.analyse(series, options: .init(chart: .p, freeze: 6), pdsa: Self.cycles)
        try GoldenFile.check(Self.writer.render(result.blocks(style: .terminal)), "runchart-p.txt")
    }
}
