import Foundation
@testable import LogicModel
import Periods
import Store
import Testing
@testable import Evaluation

/// Indicator values computed from loaded data (`data:`, DESIGN §3.1): each binding kind
/// against a hand calculation, period assignment at the boundaries, censoring, the share
/// against `cases compare`, and which value wins when an observation exists too.
@Suite struct BoundValuesTests {
    static func date(_ s: String) -> CalendarDate { CalendarDate(parsing: s)! }

    static func indicator(_ id: String = "I1", unit: IndicatorUnit, frequency: Frequency = .tertial,
                          data: DataBinding? = nil) -> Indicator {
        var i = Indicator(id: id, title: id, measures: "G1", unit: unit, direction: .increase)
        i.frequency = frequency
        i.breakdowns = ["gender": ["girls", "boys"]]
        i.data = data
        return i
    }

    /// An investigation from `start`, ended at `end` (nil: open at the extract date).
    static func investigation(_ id: String, _ cohort: String, _ gender: CaseRecord.Gender, start: String, end: String?,
                              extract: String = "2022-12-31") -> CaseSnapshot {
        var s = CaseSnapshot(caseID: id, cohort: cohort, gender: gender, referralDate: date(start).adding(days: -20),
                             investigationStart: date(start), investigationEnd: end.map(date), censorDate: date(extract))
        s.importID = 7
        return s
    }

    static func within4m(_ cases: [CaseSnapshot], cohort: DataBinding.CaseCohort = .pilot,
                         comparison: DataBinding.CaseCohort? = nil, frequency: Frequency = .tertial) -> [Observation] {
        let binding = DataBinding.cases(outcome: "investigation_within_4m", cohort: cohort, comparison: comparison)
        return CaseBinding.observations(indicator: indicator(unit: .percent, frequency: frequency, data: binding),
                                        outcome: "investigation_within_4m", cohort: cohort, comparison: comparison,
                                        pilotCohort: "Teamet", snapshots: cases, values: CaseMeasures.derive(cases))
    }

    static func get(_ rows: [Observation], _ period: String, _ group: String = "total") -> Observation? {
        rows.first { $0.period == Period(parsing: period)! && $0.group == group }
    }

    /// An investigation ending 2022-04-30 is 2022-T1, one ending 2022-05-01 is 2022-T2.
    @Test func periodBoundaries() throws {
        let rows = Self.within4m([
            Self.investigation("a", "teamet", .girl, start: "2022-01-10", end: "2022-04-30"),   // within (deadline 05-10)
            Self.investigation("b", "teamet", .boy, start: "2022-01-10", end: "2022-05-01"),    // within, T2
            Self.investigation("c", "teamet", .boy, start: "2021-12-01", end: "2022-04-02"),    // past 04-01: a 0, T1
        ])
        let t1 = try #require(Self.get(rows, "2022-T1"))
        #expect(t1.numerator == 1 && t1.denominator == 2 && t1.value == nil)
        #expect(t1.figure(unit: .percent) == 50)
        let t2 = try #require(Self.get(rows, "2022-T2"))
        #expect(t2.numerator == 1 && t2.denominator == 1)
        // A tertial indicator also gets the year, over the year's cases: 2 of 3.
        #expect(Set(rows.map(\.period.text)) == ["2022-T1", "2022-T2", "2022"])
        #expect(Self.get(rows, "2022").map { ($0.numerator, $0.denominator) }! == (2, 3))
        // Groups: girls 1/1 and boys 0/1 in T1; a year indicator puts all three in 2022.
        #expect(Self.get(rows, "2022-T1", "girls")?.numerator == 1)
        #expect(Self.get(rows, "2022-T1", "boys").map { ($0.numerator, $0.denominator) }! == (0, 1))
        let year = Self.within4m([
            Self.investigation("a", "teamet", .girl, start: "2022-01-10", end: "2022-04-30"),
            Self.investigation("b", "teamet", .boy, start: "2022-01-10", end: "2022-05-01"),
        ], frequency: .year)
        #expect(Self.get(year, "2022").map { ($0.numerator, $0.denominator) }! == (2, 2))
        // Provenance: the binding, the import, the extract date, the rule.
        let source = try #require(t1.computed)
        #expect(source.binding == "cases: investigation_within_4m, cohort: pilot")
        #expect(source.imports == [7] && source.extractDate == "2022-12-31")
        #expect(source.rule.contains("by investigation end"))
    }

    /// Censoring as `cases compare`: open within the limit is in no period; open past the
    /// limit is a 0 in the period of the first day past it.
    @Test func openInvestigations() throws {
        let rows = Self.within4m([
            Self.investigation("a", "teamet", .girl, start: "2022-10-01", end: nil),   // open, deadline 2023-02-01: no value
            Self.investigation("b", "teamet", .boy, start: "2022-07-15", end: nil),    // open past 11-15: a 0 on 11-16 (T3)
            Self.investigation("c", "teamet", .girl, start: "2022-08-01", end: "2022-09-30"),
        ])
        let t3 = try #require(Self.get(rows, "2022-T3"))
        #expect(t3.numerator == 1 && t3.denominator == 2)
        #expect(rows.count == 6)   // total, girls, boys of 2022-T3 and of 2022 only
    }

    /// The bound share of a period equals `cases compare`'s proportion over the same cases,
    /// for the pilot and (comparison: line) for the line.
    @Test func shareEqualsCasesCompare() throws {
        var snapshots: [CaseSnapshot] = []
        for i in 0..<9 {   // pilot: 6 of 9 within 4 months, all ended in 2022-T1
            snapshots.append(i < 6 ? Self.investigation("p\(i)", "teamet", i % 2 == 0 ? .girl : .boy, start: "2022-01-03", end: "2022-04-20")
                                   : Self.investigation("p\(i)", "teamet", .boy, start: "2021-12-01", end: "2022-04-29"))
        }
        for i in 0..<8 {   // line: 3 of 8 (deadline 2022-04-20)
            snapshots.append(Self.investigation("l\(i)", "linjen", .boy, start: "2021-12-20", end: i < 3 ? "2022-03-01" : "2022-04-25"))
        }
        let rows = Self.within4m(snapshots, comparison: .line)
        let t1 = try #require(Self.get(rows, "2022-T1"))
        #expect(t1.numerator == 6 && t1.denominator == 9)
        let line = try #require(t1.computed?.comparison)
        #expect(line.cohort == "line" && line.numerator == 3 && line.denominator == 8)

        let values = CaseMeasures.derive(snapshots)
        let records = zip(snapshots, values).map { s, v in
            CaseRecord(caseID: s.caseID, cohort: s.cohort, isPilot: s.cohort == "teamet", gender: s.gender, values: v)
        }
        let dataset = CaseDataset(modelID: "m", pilotCohort: "teamet", pilotStart: nil, extractDate: Self.date("2022-12-31"), cases: records)
        let result = try CohortComparison.run(dataset, outcome: "investigation_within_4m")
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as! [String: Any]
        let descriptive = json["descriptive"] as! [String: Any]
        let pilot = descriptive["pilot"] as! [String: Any], comparison = descriptive["comparison"] as! [String: Any]
        #expect(pilot["proportion"] as? Double == t1.numerator! / t1.denominator!)
        // The comparison is in the indicator's unit (percent), compare's proportion is 0–1.
        #expect(comparison["proportion"] as? Double == 3.0 / 8.0)
        #expect(line.value == 37.5)
    }
}

extension BoundValuesTests {
    /// Durations: the Kaplan–Meier median of the period's cases by start date, open ones
    /// censored. Investigations started in T1 of 30, 40, 50, 70 days and one open at 99
    /// days: S = 4/5 at 30, 3/5 at 40, 2/5 at 50 → median 50. Girls (3) and boys (2)
    /// are fewer than 5: no median is given for them.
    @Test func durationIsTheKaplanMeierMedian() throws {
        let extract = "2022-05-10"   // 2022-02-01 + 98 days
        let cases = [
            Self.investigation("a", "teamet", .girl, start: "2022-01-01", end: "2022-01-31", extract: extract),   // 30
            Self.investigation("e", "teamet", .girl, start: "2022-01-01", end: "2022-02-10", extract: extract),   // 40
            Self.investigation("b", "teamet", .girl, start: "2022-01-01", end: "2022-02-20", extract: extract),   // 50
            Self.investigation("c", "teamet", .boy, start: "2022-01-01", end: "2022-03-12", extract: extract),    // 70
            Self.investigation("d", "teamet", .boy, start: "2022-02-01", end: nil, extract: extract),             // open, 98
        ]
        let binding = DataBinding.cases(outcome: "investigation_days", cohort: .pilot, comparison: nil)
        let rows = CaseBinding.observations(indicator: Self.indicator(unit: .days, data: binding), outcome: "investigation_days",
                                            cohort: .pilot, comparison: nil, pilotCohort: "teamet",
                                            snapshots: cases, values: CaseMeasures.derive(cases))
        let t1 = try #require(Self.get(rows, "2022-T1"))
        #expect(t1.value == 50 && t1.numerator == nil)
        #expect(Self.get(rows, "2022-T1", "girls") == nil && Self.get(rows, "2022-T1", "boys") == nil)
        #expect(t1.computed?.rule.contains("Kaplan–Meier median") == true)
        // With the open case closed at 45 days instead, S = 3/5 at 40, 2/5 at 45 → 45.
        var closed = cases
        closed[4].investigationEnd = Self.date("2022-03-18")
        let again = CaseBinding.observations(indicator: Self.indicator(unit: .days, data: binding), outcome: "investigation_days",
                                             cohort: .pilot, comparison: nil, pilotCohort: "teamet",
                                             snapshots: closed, values: CaseMeasures.derive(closed))
        #expect(Self.get(again, "2022-T1")?.value == 45)
    }

    /// Numbers: the mean per case, by referral date; fewer than 5 cases give no mean.
    @Test func numberIsTheMean() throws {
        func c(_ id: String, _ referral: String, _ workers: Double) -> CaseSnapshot {
            CaseSnapshot(caseID: id, cohort: "teamet", gender: .girl, referralDate: Self.date(referral),
                         caseworkerCount: workers, censorDate: Self.date("2022-12-31"))
        }
        let cases = [c("a", "2022-04-30", 1), c("b", "2022-04-01", 2), c("e", "2022-01-15", 1), c("f", "2022-02-15", 2),
                     c("g", "2022-03-15", 4), c("c", "2022-05-01", 4), c("d", "2022-06-01", 3)]
        let binding = DataBinding.cases(outcome: "distinct_caseworkers", cohort: .pilot, comparison: nil)
        let rows = CaseBinding.observations(indicator: Self.indicator(unit: .mean, data: binding), outcome: "distinct_caseworkers",
                                            cohort: .pilot, comparison: nil, pilotCohort: "teamet",
                                            snapshots: cases, values: CaseMeasures.derive(cases))
        #expect(Self.get(rows, "2022-T1")?.value == 2)            // (1 + 2 + 1 + 2 + 4) / 5
        #expect(Self.get(rows, "2022-T1", "girls")?.value == 2)
        #expect(Self.get(rows, "2022-T2") == nil)                 // 2 cases
        #expect(Self.get(rows, "2022")?.value == 17.0 / 7.0)
    }

    /// Readiness: an item's mean over all units' respondents, a unit of fewer than 5 left
    /// out; a subscale as the mean of respondents' scale scores; an aggregated wave's unit
    /// means weighted by n; each wave in its year.
    @Test func readinessPerWave() throws {
        let instrument = Instrument(
            id: "r", name: "R", scale: ResponseScale(min: 1, max: 7),
            items: [SurveyItem(key: "a", sv: "A"), SurveyItem(key: "b", sv: "B", reverse: true)],
            subscales: [Subscale(key: "s", sv: "S", items: ["a", "b"])])
        // Unit X: 5 respondents, a = 1…5 (mean 3), b = 7 each (reversed: 1); unit Y: 2 respondents (left out).
        var respondents = (1...5).map { ReadinessRespondent(unit: "X", respondent: "x\($0)", answers: [Double($0), 7]) }
        respondents += [ReadinessRespondent(unit: "Y", respondent: "y1", answers: [7, 7]),
                        ReadinessRespondent(unit: "Y", respondent: "y2", answers: [7, 7])]
        let w2022 = ReadinessBinding.Wave(data: ReadinessWaveData(wave: "2022-03", items: ["a", "b"], respondents: respondents), imports: [4])
        // Aggregated 2021: X mean a 4 (n 10), Z mean a 6 (n 30) → (40 + 180) / 40 = 5.5.
        let w2021 = ReadinessBinding.Wave(data: ReadinessWaveData(wave: "2021-03", items: ["a", "b"], unitMeans: [
            ReadinessUnitMeans(unit: "X", n: 10, means: [4, 2]), ReadinessUnitMeans(unit: "Z", n: 30, means: [6, 4])]), imports: [2])
        let item = DataBinding.readinessItem(instrument: "r", item: "a")
        let all = ReadinessBinding.observations(indicator: Self.indicator(unit: .mean, frequency: .year, data: item),
                                                binding: item, instrument: instrument, waves: [w2022, w2021])
        let rows = all.filter { $0.group == "total" }
        // Units as groups: 2021 X 4, Z 6; 2022 X 3 (Y, of 2 respondents, is no group).
        #expect(all.filter { $0.group != "total" }.map { "\($0.period) \($0.group) \($0.value!)" } == ["2021 X 4.0", "2021 Z 6.0", "2022 X 3.0"])
        #expect(rows.map(\.period.text) == ["2021", "2022"])
        #expect(rows[0].value == 5.5 && rows[1].value == 3)
        #expect(rows[1].computed?.wave == "2022-03" && rows[1].computed?.imports == [4])
        #expect(rows[1].computed?.rule.contains("1 unit(s) of fewer than 5 respondents left out") == true)
        // Subscale s: X respondents score (x + 1) / 2 → mean (3 + 1) / 2 = 2; 2021: X (4 + 6)/2 = 5, Z (6 + 4)/2 = 5 → 5.
        let scale = DataBinding.readinessSubscale(instrument: "r", subscale: "s")
        let scaled = ReadinessBinding.observations(indicator: Self.indicator(unit: .mean, frequency: .year, data: scale),
                                                   binding: scale, instrument: instrument, waves: [w2021, w2022])
        #expect(scaled.filter { $0.group == "total" }.map(\.value) == [5, 2])
        // A key the instrument lacks gives nothing.
        let missing = DataBinding.readinessItem(instrument: "r", item: "zz")
        #expect(ReadinessBinding.observations(indicator: Self.indicator(unit: .mean, frequency: .year, data: missing),
                                              binding: missing, instrument: instrument, waves: [w2022]).isEmpty)
    }

    /// A hand-entered observation wins over the computed value of its period, with a
    /// warning; other periods keep their computed values.
    @Test func enteredObservationWins() throws {
        let source = ValueSource(binding: "cases: investigation_within_4m, cohort: pilot", imports: [7], rule: "r")
        let t1 = Period(parsing: "2022-T1")!, t2 = Period(parsing: "2022-T2")!
        let computed = [Observation(indicator: "I1", period: t1, numerator: 1, denominator: 2, computed: source),
                        Observation(indicator: "I1", period: t1, group: "girls", numerator: 1, denominator: 1, computed: source),
                        Observation(indicator: "I1", period: t2, numerator: 3, denominator: 4, computed: source)]
        let entered = [Observation(indicator: "I1", period: t1, value: 70, line: 2, importID: 9)]
        let merged = BoundValues.merge(entered: entered, computed: computed)
        let set = ObservationSet(merged.observations)
        #expect(set.get("I1", t1, "total")?.value == 70)
        #expect(set.get("I1", t1, "girls") == nil)
        #expect(set.get("I1", t2, "total")?.computed == source)
        #expect(merged.warnings.count == 1)
        #expect(merged.warnings[0].kind == .observationOverridesComputed && merged.warnings[0].period == t1 && merged.warnings[0].lines == [2])

        // The status row reads the winner and names the computed value's source.
        var i = Self.indicator(unit: .percent, data: .cases(outcome: "investigation_within_4m", cohort: .pilot, comparison: nil))
        i.targets = [Target(period: Period(parsing: "2022")!, rule: try TargetRule(parsing: ">= 60"))]
        var model = LogicModel(id: "m", name: "M")
        model.indicators = [i]
        let r1 = try #require(IndicatorStatusAnalysis.compute(model: model, modelVersion: 1, observations: merged.observations,
                                                              warnings: merged.warnings, period: t1))
        #expect(r1.indicators[0].value.value == 70 && r1.indicators[0].valueSource == nil && r1.indicators[0].sourceImport == 9)
        #expect(r1.indicators[0].warnings.map(\.kind) == [.observationOverridesComputed])
        let r2 = try #require(IndicatorStatusAnalysis.compute(model: model, modelVersion: 1, observations: merged.observations, period: t2))
        #expect(r2.indicators[0].value.value == 75 && r2.indicators[0].valueSource == source)
        #expect(r2.indicators[0].status == .met && r2.indicators[0].total.ciLow.value != nil)
        let json = String(decoding: try JSONEncoder().encode(r2.indicators[0]), as: UTF8.self)
        #expect(json.contains("\"value_source\":{"))
        let plain = String(decoding: try JSONEncoder().encode(r1.indicators[0]), as: UTF8.self)
        #expect(!plain.contains("value_source"))
    }

    /// LogicModel's list of derived measures (for `model validate`) is Evaluation's.
    @Test func knownMeasuresMatchDerived() {
        #expect(Set(KnownCaseMeasures.all) == Set(DerivedMeasure.allCases.map(\.rawValue)))
    }
}

extension BoundValuesTests {
    /// Through the database: a model version with `data:`, an imported extract, and
    /// `IndicatorData.load` (what status, trend and the reports read) gives the computed
    /// values with their import; undoing the import takes them away.
    @Test func loadedFromTheDatabase() throws {
        let bench = try CaseTestBench()
        let model = try bench.write("bound.yaml", """
            schema: piloteval/logic-model/v1
            id: testteamet
            name: Testteamet
            period: {start: 2020-01-01, end: 2022-12-31}
            cohorts: {pilot: testteamet, comparison: [linjen]}
            goals:
              - {id: G1, title: Barn och familjer får rätt stöd i tid}
            outcomes:
              - {id: O1, title: Kortare utredningstider, contributes_to: [G1]}
            indicators:
              - id: I1
                title: Andel utredningar inom fyra månader
                measures: O1
                unit: percent
                direction: increase
                targets: [{period: "2022", rule: ">= 60"}]
                frequency: tertial
                breakdowns: {gender: [girls, boys]}
                data: {cases: investigation_within_4m, cohort: pilot, comparison: line}

            """)
        _ = try ModelCatalog(bench.database).add(path: model)
        let file = try bench.write("x.csv", CaseImportTests.header + [
            "A1;P1;testteamet;T;V;girl;2010;2021-12-20;x;2022-01-02;2022-01-03;2022-04-30;1;;",
            "A2;P2;testteamet;T;V;boy;2010;2021-12-20;x;2022-01-02;2022-01-03;2022-05-01;1;;",
            "A3;P3;testteamet;T;V;boy;2010;2021-11-01;x;2021-11-10;2021-11-15;2022-04-20;1;;",
            "A4;P4;linjen;L;R;girl;2010;2021-12-20;x;2022-01-02;2022-01-03;2022-02-01;1;;",
        ].joined(separator: "\n") + "\n")
        let summary = try bench.importCases(file, extractDate: Self.date("2022-12-31"))
        let data = try IndicatorData.load(bench.database, modelID: "testteamet")
        // T1: A1 within (ended 04-30), A3 past its limit (03-15): 1 of 2; T2: A2 1 of 1.
        let report = try #require(IndicatorStatusAnalysis.compute(model: data.versions.last!.model, modelVersion: 2,
                                                                  observations: data.observations, warnings: data.warnings,
                                                                  period: Period(parsing: "2022-T1")!))
        let row = report.indicators[0]
        #expect(row.total.numerator == 1 && row.total.denominator == 2 && row.value.value == 50)
        #expect(row.groups["girls"]?.numerator == 1 && row.groups["boys"]?.denominator == 1)
        #expect(row.valueSource?.imports == [summary.importID])
        #expect(row.valueSource?.comparison?.numerator == 1 && row.valueSource?.comparison?.denominator == 1)
        #expect(row.status == .notMet && row.interim)
        let trend = IndicatorTrendAnalysis.compute(model: data.versions.last!.model, modelVersion: 2, observations: data.observations)
        #expect(trend.indicators[0].points.filter { $0.source == "computed" }.map(\.period.text) == ["2022", "2022-T1", "2022-T2"])

        try ImportLog(bench.database).undo(summary.importID)
        let after = try IndicatorData.load(bench.database, modelID: "testteamet")
        #expect(after.observations.isEmpty)
        #expect(after.unavailable["I1"] == "no case extract is imported for model testteamet")
        // Status says no_data, and why, in the row's note.
        let empty = try #require(IndicatorStatusAnalysis.compute(model: after.versions.last!.model, modelVersion: 2,
                                                                 observations: after.observations, period: Period(parsing: "2022-T1")!,
                                                                 unavailable: after.unavailable))
        #expect(empty.indicators[0].status == .noData)
        #expect(empty.indicators[0].statusNote?.hasSuffix("no value computed from data: {cases: investigation_within_4m, cohort: pilot, "
                                                          + "comparison: line} for 2022-T1: no case extract is imported for model testteamet") == true,
                "\(empty.indicators[0].statusNote ?? "")")
    }
}

extension BoundValuesTests {
    /// Measures: monthly points aggregated to the tertial and the year — counts summed,
    /// numerators and denominators summed, other values averaged.
    @Test func measureAggregatedToThePeriod() throws {
        let share = [MeasureValue(measure: "m", date: "2022-03-01", label: "2022-03", numerator: 4, denominator: 14),
                     MeasureValue(measure: "m", date: "2022-04-01", label: "2022-04", numerator: 3, denominator: 16),
                     MeasureValue(measure: "m", date: "2022-05-01", label: "2022-05", numerator: 6, denominator: 15)]
        let binding = DataBinding.measure(id: "m")
        let rows = MeasureBinding.observations(indicator: Self.indicator(unit: .percent, data: binding), measure: "m",
                                               values: share, imports: [5])
        #expect(Self.get(rows, "2022-T1").map { ($0.numerator, $0.denominator) }! == (7, 30))
        #expect(Self.get(rows, "2022-T2").map { ($0.numerator, $0.denominator) }! == (6, 15))
        #expect(Self.get(rows, "2022").map { ($0.numerator, $0.denominator) }! == (13, 45))
        #expect(Self.get(rows, "2022-T1")?.computed?.imports == [5])
        #expect(Self.get(rows, "2022-T1")?.computed?.binding == "measure: m")

        let plain = [MeasureValue(measure: "k", date: "2022-01-01", label: "2022-01", value: 2),
                     MeasureValue(measure: "k", date: "2022-02-01", label: "2022-02", value: 5),
                     MeasureValue(measure: "k", date: "2022-09-01", label: "2022-09", value: 4)]
        let counts = MeasureBinding.observations(indicator: Self.indicator(unit: .count, data: .measure(id: "k")),
                                                 measure: "k", values: plain, imports: [6])
        #expect(Self.get(counts, "2022-T1")?.value == 7 && Self.get(counts, "2022-T3")?.value == 4 && Self.get(counts, "2022")?.value == 11)
        let means = MeasureBinding.observations(indicator: Self.indicator(unit: .mean, data: .measure(id: "k")),
                                                measure: "k", values: plain, imports: [6])
        #expect(Self.get(means, "2022-T1")?.value == 3.5 && Self.get(means, "2022")?.value == 11.0 / 3.0)
    }
}
