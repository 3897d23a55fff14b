import Evaluation
import Foundation
import LogicModel
import Periods
@testable import Reports
import Presentation
import Statistics
import Store
import Testing

/// Indicators bound to loaded data (`data:`, issue 21) as the reports show them: a
/// yearly survey value in a tertial report, labelled with its wave. Every expected
/// figure is worked out by hand in the comments.
@Suite struct BoundIndicatorReportTests {
    static let instrumentYAML = """
    schema: piloteval/instrument/v1
    id: bunden-readiness
    name: Bundna enkäten
    language: sv
    scale:
      min: 1
      max: 7
      anchors:
        - {value: 1, sv: instämmer inte alls, en: do not agree at all}
        - {value: 7, sv: instämmer helt, en: agree completely}
    items:
      - {key: a, sv: Vi har en gemensam bild, en: We share a picture}
      - {key: b, sv: Påstående B, en: Statement B}
    """

    static let modelYAML = """
    schema: piloteval/logic-model/v1
    id: bundet
    name: Bundna teamet
    language: sv
    period: {start: 2021-01-01, end: 2022-12-31}
    cohorts: {pilot: teamet, comparison: [linjen]}
    goals:
      - {id: G1, title: Barn får rätt stöd i tid}
    outcomes:
      - {id: O1, title: Personalen ser en gemensam bild, contributes_to: [G1]}
    indicators:
      - id: I1
        title: Vi har en gemensam bild
        measures: O1
        unit: mean
        direction: increase
        frequency: year
        targets: [{period: "2022", rule: ">= 4"}]
        data: {readiness: bunden-readiness, item: a}
      - id: I2
        title: Andel utredningar klara inom fyra månader
        measures: O1
        unit: percent
        direction: increase
        frequency: tertial
        targets: [{period: "2022", rule: ">= 60"}]
        breakdowns: {gender: [girls, boys]}
        data: {cases: investigation_within_4m, cohort: pilot, comparison: line}
      - id: I3
        title: Andel barn som åter aktualiseras inom 12 månader
        measures: O1
        unit: percent
        direction: decrease
        frequency: tertial
        data: {cases: re_referral_12m, cohort: pilot}
      - id: I4
        title: Antal samverkansmöten
        measures: O1
        unit: count
        direction: increase
        frequency: tertial

    """

    /// Item a, respondent level. 2021-03: Teamet 2, 3, 3, 4, 3 (mean 3,0), Linjen 4 × 5
    /// (mean 4,0) → all units (15 + 20) / 10 = 3,5. 2022-03: Teamet 4, 5, 5, 4, 6 (mean
    /// 4,8), Linjen 3, 4, 4, 5, 4 (mean 4,0) → all units (24 + 20) / 10 = 4,4.
    static let waves: [(wave: String, teamet: [Int], linjen: [Int])] = [
        ("2021-03", [2, 3, 3, 4, 3], [4, 4, 4, 4, 4]),
        ("2022-03", [4, 5, 5, 4, 6], [3, 4, 4, 5, 4]),
    ]

    static let caseHeader = "case_id;person_id;cohort;unit;area;gender;birth_year;referral_date;referral_reason;"
        + "assessment_decision_date;investigation_start;investigation_end;caseworker_count\n"

    /// An investigation from `start` to `end`; referred 20 days before, assessed the day before.
    static func caseRow(_ id: String, _ cohort: String, _ gender: String, start: String, end: String) -> String {
        let s = CalendarDate(parsing: start)!
        return "\(id);P\(id);\(cohort);U;V;\(gender);2010;\(s.adding(days: -20).iso);x;\(s.adding(days: -1).iso);\(start);\(end);1"
    }

    /// investigation_within_4m, by investigation end:
    /// - 2022-T3 (Sep–Dec): teamet 10 cases — 7 within (start 08-01, end 10-01: girls
    ///   t1–t4, boys t5–t7), 3 late (start 04-01, end 09-20, past 08-01: girl t8, boys
    ///   t9, t10) → 7/10 = 70 %; girls 4/5, boys 3/5. linjen 10 cases, 5 within, 5 late
    ///   → 5/10 = 50 %.
    /// - 2022-T2 (May–Aug): teamet 6 girls within (start 03-01, end 06-01) → 6/6 = 100 %;
    ///   linjen 3 cases, 2 within and 1 late (start 01-10, end 06-15, past 05-10) → 2/3.
    static var cases: [String] {
        var rows: [String] = []
        for k in 1...10 {
            let gender = [1, 2, 3, 4, 8].contains(k) ? "girl" : "boy"
            rows.append(k <= 7 ? caseRow("T\(k)", "teamet", gender, start: "2022-08-01", end: "2022-10-01")
                               : caseRow("T\(k)", "teamet", gender, start: "2022-04-01", end: "2022-09-20"))
            rows.append(k <= 5 ? caseRow("L\(k)", "linjen", k % 2 == 0 ? "boy" : "girl", start: "2022-08-01", end: "2022-10-01")
                               : caseRow("L\(k)", "linjen", k % 2 == 0 ? "boy" : "girl", start: "2022-04-01", end: "2022-09-20"))
        }
        for k in 1...6 { rows.append(caseRow("S\(k)", "teamet", "girl", start: "2022-03-01", end: "2022-06-01")) }
        rows.append(caseRow("M1", "linjen", "girl", start: "2022-03-01", end: "2022-06-01"))
        rows.append(caseRow("M2", "linjen", "boy", start: "2022-03-01", end: "2022-06-01"))
        rows.append(caseRow("M3", "linjen", "boy", start: "2022-01-10", end: "2022-06-15"))
        return rows
    }

    struct Fixture {
        let directory: URL
        let database: Database
        let model: LogicModel
        let provenance: ReportRecord.ModelProvenance

        init(readiness: Bool = true, cases: Bool = true, surveyUnit: String? = nil) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("piloteval-bound-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            database = try Database(path: directory.appendingPathComponent("test.db").path)
            let folder = directory
            func write(_ name: String, _ text: String) throws -> String {
                let path = folder.appendingPathComponent(name).path
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                return path
            }
            let instrument = try InstrumentCatalog(database).resolve(try write("bunden-readiness.yaml", BoundIndicatorReportTests.instrumentYAML))
            let (stored, document) = try ModelCatalog(database).resolveStored(try write("bundet.yaml", BoundIndicatorReportTests.modelYAML.replacingOccurrences(
                of: "comparison: [linjen]}", with: "comparison: [linjen]" + (surveyUnit.map { ", survey_unit: \($0)" } ?? "") + "}")))
            model = stored
            provenance = .init(id: document.id, name: stored.name, version: document.version, sha256: document.sha256)
            if readiness {
                for w in BoundIndicatorReportTests.waves {
                    var lines = ["respondent,unit,wave,a,b"]
                    for (k, a) in w.teamet.enumerated() { lines.append("t\(k),Teamet,\(w.wave),\(a),4") }
                    for (k, a) in w.linjen.enumerated() { lines.append("l\(k),Linjen,\(w.wave),\(a),4") }
                    try ReadinessImporter(database).importFile(path: try write("r-\(w.wave).csv", lines.joined(separator: "\n") + "\n"),
                                                               instrument: instrument, wave: w.wave, aggregated: false)
                }
            }
            if cases {
                let path = try write("cases.csv", BoundIndicatorReportTests.caseHeader
                                     + BoundIndicatorReportTests.cases.joined(separator: "\n") + "\n")
                _ = try CaseImporter(database).run(CaseImportRequest(path: path, model: stored,
                                                                     extractDate: CalendarDate(year: 2022, month: 12, day: 31)!,
                                                                     today: CalendarDate(year: 2024, month: 6, day: 1)!))
            }
        }

        func context(_ kind: ReportKind, period: String? = nil, language: Language = .sv,
                     audience: Audience = .public) -> ReportContext {
            var request = ReportRequest(kind: kind, language: language, format: "json", period: period.flatMap(Period.init(parsing:)),
                                        toolVersion: "test", generatedAt: Date(timeIntervalSince1970: 1_645_999_200))
            request.suppression = SuppressionRule(audience: audience)
            return ReportContext(model: model, modelProvenance: provenance, request: request,
                                 strings: ReportStrings(language), database: database)
        }
    }

    static func tables(_ blocks: [Block]) -> [TableBlock] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    static func words(_ blocks: [Block]) -> String {
        blocks.map { b -> String in
            switch b {
            case .paragraph(let r): return r.plainText
            case .callout(let c): return c.text.plainText
            case .table(let t): return t.notes.map(\.plainText).joined(separator: "\n")
            default: return ""
            }
        }.joined(separator: "\n")
    }

    static func row(_ table: TableBlock, _ id: String) -> [String]? {
        table.rows.map { $0.map(\.text.plainText) }.first { $0[0].hasPrefix(id + " ") }
    }

    // MARK: - 1. A yearly survey value in a tertial report

    /// I1 is yearly (one survey wave a year): in 2022-T3 it reads the 2022 wave, 4,4,
    /// labelled "enkät mars 2022", against 3,5 (2021): +0,9, and the year target ≥ 4 is
    /// met as the year's result, not an interim reading.
    @Test func yearlySurveyValueInATertialReport() throws {
        let f = try Fixture()
        let context = f.context(.tertial, period: "2022-T3")
        let section = TertialTableSection()
        let result = try section.compute(context)
        let i1 = try #require(result.goals.first?.indicators.first { $0.indicator == "I1" })
        #expect(i1.outcome.map { abs($0 - 4.4) < 1e-12 } == true)
        #expect(i1.previous.map { abs($0 - 3.5) < 1e-12 } == true && i1.previousPeriod == "2021")
        #expect(i1.wave == "2022-03" && i1.assessment == "met" && i1.interim == false)
        let blocks = section.blocks(result, for: .tertialTable, context: context)
        let table = try #require(Self.tables(blocks).first)
        let cells = try #require(Self.row(table, "I1"))
        #expect(cells[1] == "4,4 (enkät mars 2022)")
        // [2]: the line's column (I2 has one; a survey value none); [5]: the previous value
        // names its round, as it is not the tertial before this one.
        #expect(cells[2] == "–" && cells[5] == "3,5 (enkät 2021)")
        #expect(Self.words(blocks).contains("Värden märkta med en enkät är årets värde från den enkätomgången"))

        // The same in English.
        let en = f.context(.tertial, period: "2022-T3", language: .en)
        let enTable = try #require(Self.tables(section.blocks(try section.compute(en), for: .tertialTable, context: en)).first)
        #expect(Self.row(enTable, "I1")?[1] == "4.4 (survey March 2022)")

        // The final report's table for 2022-T3: the value, its wave, previous 2021, change +0,9.
        let final = f.context(.final, period: "2022-T3")
        let status = IndicatorStatusSection()
        let finalTable = try #require(Self.tables(status.blocks(try status.compute(final), for: .indicators, context: final)).first)
        let finalRow = try #require(Self.row(finalTable, "I1"))
        #expect(finalRow[1] == "4,4 (enkät mars 2022)" && finalRow[3] == "3,5 (2021)")
        #expect(finalRow[4] == "+0,9")
    }

    /// A survey item's trend chart draws its scale's whole range, 1–7, as every readiness
    /// chart does (two items' charts read side by side); a share's chart fits its values.
    @Test func aSurveyItemsChartDrawsItsWholeScale() throws {
        let f = try Fixture()
        let context = f.context(.final, period: "2022-T3")
        let status = IndicatorStatusSection()
        let result = try status.compute(context)
        #expect(result.scales["I1"].map { ($0.min, $0.max) } ?? (0, 0) == (1, 7))
        #expect(result.scales["I2"] == nil)
        let figures = status.blocks(result, for: .indicators, context: context).compactMap { b -> FigureBlock? in
            if case .figure(let f) = b { return f } else { return nil }
        }
        let i1 = try #require(figures.first { $0.caption.contains("I1") })
        #expect(i1.svg.contains("medelvärde på skalan 1–7"))
        // Every step of the scale is a gridline label, 1 to 7, whatever the values (3,5 and 4,4).
        for k in 1...7 { #expect(i1.svg.contains(">\(k)</text>"), "no label \(k)") }
        let i2 = try #require(figures.first { $0.caption.contains("I2") })
        #expect(!i2.svg.contains("på skalan"))
    }

    /// A wave given after the tertial does not stand for it: 2022-T1 (January–April)
    /// has the March wave; a wave of October 2022 would not be read for 2022-T2.
    @Test func aLaterWaveDoesNotStandForAnEarlierTertial() throws {
        var i = Indicator(id: "I1", title: "I1", measures: "O1", unit: .mean, direction: .increase)
        i.frequency = .year
        var model = LogicModel(id: "m", name: "M")
        model.indicators = [i]
        let year = Period(parsing: "2022")!
        let october = ValueSource(binding: "readiness: r, item: a", imports: [1], wave: "2022-10", rule: "r")
        let rows = [Observation(indicator: "I1", period: year, value: 4.4, computed: october)]
        let t2 = try #require(IndicatorStatusAnalysis.compute(model: model, modelVersion: 1, observations: rows,
                                                              period: Period(parsing: "2022-T2")!))
        #expect(t2.indicators[0].value.value == nil && t2.indicators[0].valuePeriod == nil)
        let t3 = try #require(IndicatorStatusAnalysis.compute(model: model, modelVersion: 1, observations: rows,
                                                              period: Period(parsing: "2022-T3")!))
        #expect(t3.indicators[0].value.value == 4.4 && t3.indicators[0].valuePeriod == year)
        #expect(t3.indicators[0].statusNote?.hasPrefix("the year's survey value (wave 2022-10) read for 2022-T3") == true)
        // `indicators status --period 2022-T3` (the terminal's table) names the year and wave as the source.
        let table = try #require(Self.tables(t3.blocks(style: .terminal)).first)
        #expect(table.rows[0].last?.text.plainText == "computed (2022, wave 2022-10)")
        // A hand-entered yearly value is not read for a tertial: only survey waves are.
        let typed = [Observation(indicator: "I1", period: year, value: 4.4, line: 2, importID: 3)]
        let t3typed = try #require(IndicatorStatusAnalysis.compute(model: model, modelVersion: 1, observations: typed,
                                                                   period: Period(parsing: "2022-T3")!))
        #expect(t3typed.indicators[0].value.value == nil)
        // The JSON keeps value_period, and reads back with the year's target not interim.
        var withTarget = model
        withTarget.indicators[0].targets = [Target(period: year, rule: try TargetRule(parsing: ">= 4"))]
        let report = try #require(IndicatorStatusAnalysis.compute(model: withTarget, modelVersion: 1, observations: rows,
                                                                  period: Period(parsing: "2022-T3")!))
        #expect(report.indicators[0].target?.interim == false && report.indicators[0].status == .met)
        let json = try JSONEncoder().encode(report)
        #expect(String(decoding: json, as: UTF8.self).contains("\"value_period\":\"2022\""))
        #expect(try JSONDecoder().decode(IndicatorStatusReport.self, from: json) == report)
    }

    // MARK: - 2. Survey units as groups

    /// Each unit is a group: 2022 Linjen 4,0, Teamet 4,8; the total is all units (4,4)
    /// unless the model names the pilot's unit (`cohorts.survey_unit: Teamet`): then
    /// 4,8, against Teamet's 2021 mean 3,0 → +1,8. The reports say which total it is.
    @Test func surveyUnitsAreGroupsAndTheTotalIsSaid() throws {
        let f = try Fixture()
        let data = try IndicatorData.load(f.database, modelID: "bundet")
        let year = Period(parsing: "2022")!
        func value(_ d: IndicatorData, _ p: Period, _ g: String) -> Double? {
            ObservationSet(d.observations).get("I1", p, g)?.value
        }
        #expect(value(data, year, "Teamet").map { abs($0 - 4.8) < 1e-12 } == true)
        #expect(value(data, year, "Linjen").map { abs($0 - 4.0) < 1e-12 } == true)
        #expect(value(data, year, "total").map { abs($0 - 4.4) < 1e-12 } == true)
        #expect(ObservationSet(data.observations).get("I1", year, "total")?.computed?.total == .allUnits)

        let context = f.context(.final, period: "2022")
        let section = IndicatorStatusSection()
        let result = try section.compute(context)
        let blocks = section.blocks(result, for: .indicators, context: context)
        #expect(Self.words(blocks).contains("Enkätvärdena (I1) är medelvärdet för alla enheter som svarat på enkäten"))
        // The analyst's table lists the units under the table, and says the total.
        let status = try #require(result.status)
        let terminal = status.blocks(style: .terminal).compactMap { b -> String? in
            if case .list(let l) = b { return l.items.map(\.plainText).joined(separator: "\n") } else { return nil }
        }.joined(separator: "\n")
        #expect(terminal.contains("I1  total: all units; Linjen 4.0, Teamet 4.8"))

        let own = try Fixture(surveyUnit: "Teamet")
        let ownData = try IndicatorData.load(own.database, modelID: "bundet")
        #expect(value(ownData, year, "total").map { abs($0 - 4.8) < 1e-12 } == true)
        #expect(value(ownData, Period(parsing: "2021")!, "total").map { abs($0 - 3.0) < 1e-12 } == true)
        let source = ObservationSet(ownData.observations).get("I1", year, "total")?.computed
        #expect(source?.total == .pilotUnit && source?.totalUnit == "Teamet")
        #expect(source?.rule.hasPrefix("item mean of the pilot's own unit, Teamet, n = 5") == true, "\(source?.rule ?? "")")
        let ownContext = own.context(.tertial, period: "2022-T3")
        let tertial = TertialTableSection()
        let ownResult = try tertial.compute(ownContext)
        let i1 = try #require(ownResult.goals.first?.indicators.first { $0.indicator == "I1" })
        #expect(i1.outcome.map { abs($0 - 4.8) < 1e-12 } == true && i1.previous.map { abs($0 - 3.0) < 1e-12 } == true)
        let ownBlocks = tertial.blocks(ownResult, for: .tertialTable, context: ownContext)
        #expect(Self.words(ownBlocks).contains("Enkätvärdena (I1) gäller pilotens egen enhet, Teamet"))
        #expect(Self.row(try #require(Self.tables(ownBlocks).first), "I1")?[1] == "4,8 (enkät mars 2022)")
    }

    /// A unit of fewer than five respondents is neither a group nor in the total: X (5
    /// respondents, a = 1…5, mean 3) is shown, Y (2 respondents, 7 and 7) is not, and the
    /// total stays 3 — so Y cannot be worked out from the total and X.
    @Test func aSmallUnitIsNoGroup() throws {
        let instrument = Instrument(id: "r", name: "R", scale: ResponseScale(min: 1, max: 7),
                                    items: [SurveyItem(key: "a", sv: "A")])
        var respondents = (1...5).map { ReadinessRespondent(unit: "X", respondent: "x\($0)", answers: [Double($0)]) }
        respondents += [ReadinessRespondent(unit: "Y", respondent: "y1", answers: [7]),
                        ReadinessRespondent(unit: "Y", respondent: "y2", answers: [7])]
        let wave = ReadinessBinding.Wave(data: ReadinessWaveData(wave: "2022-03", items: ["a"], respondents: respondents), imports: [1])
        var indicator = Indicator(id: "I1", title: "I1", measures: "O1", unit: .mean, direction: .increase)
        indicator.frequency = .year
        let binding = DataBinding.readinessItem(instrument: "r", item: "a")
        let rows = ReadinessBinding.observations(indicator: indicator, binding: binding, instrument: instrument, waves: [wave])
        #expect(rows.map(\.group) == ["total", "X"] && rows.map(\.value) == [3, 3])
        // Y as the pilot's unit: too small to show, so the wave gives no value at all.
        #expect(ReadinessBinding.observations(indicator: indicator, binding: binding, instrument: instrument,
                                              waves: [wave], pilotUnit: "Y").isEmpty)
    }

    // MARK: - 3. The comparison cohort beside the pilot

    /// I2 (`comparison: line`): 2022-T3 teamet 7/10 = 70 %, linjen 5/10 = 50 %; 2022-T2
    /// teamet 6/6 = 100 %, linjen 2/3 = 66,7 %. The line's 2 of 3 is built on counts of
    /// 1–4, so a public report withholds it (".."), counts and all; an internal one shows it.
    @Test func theLinesValueStandsBesideThePilots() throws {
        let f = try Fixture()
        let tertial = TertialTableSection()

        let internalT2 = f.context(.tertial, period: "2022-T2", audience: .internal)
        let t2 = try tertial.compute(internalT2)
        let i2 = try #require(t2.goals.first?.indicators.first { $0.indicator == "I2" })
        #expect(i2.outcome == 100 && i2.comparison.map { abs($0 - 200.0 / 3) < 1e-9 } == true && i2.comparisonCohort == "line")
        let t2Table = try #require(Self.tables(tertial.blocks(t2, for: .tertialTable, context: internalT2)).first)
        #expect(t2Table.headerRows[0].map(\.text.plainText).prefix(3) == ["Indikator", "Utfall", "Linjen"])
        // One precision across the row: 100 % beside 66,7 % is written 100,0 %.
        #expect(Self.row(t2Table, "I2")?[1] == "100,0\u{00A0}%" && Self.row(t2Table, "I2")?[2] == "66,7\u{00A0}%")
        #expect(Self.row(t2Table, "I1")?[2] == "–")   // a survey indicator has no comparison

        let publicT2 = f.context(.tertial, period: "2022-T2")
        let p2 = try tertial.compute(publicT2)
        let p2i2 = try #require(p2.goals.first?.indicators.first { $0.indicator == "I2" })
        #expect(p2i2.outcome == 100 && p2i2.comparison == nil && p2i2.comparisonNote?.hasPrefix("suppressed") == true)
        let p2Blocks = tertial.blocks(p2, for: .tertialTable, context: publicT2)
        #expect(Self.row(try #require(Self.tables(p2Blocks).first), "I2")?[2] == "..")
        #expect(Self.words(p2Blocks).contains("Kolumnen Linjen är jämförelsegruppens värde för samma period och mått"))
        // The JSON record holds neither the line's value nor its counts.
        let status = try #require(try IndicatorStatusSection().compute(f.context(.final, period: "2022-T2")).status)
        let comparison = try #require(status.indicators.first { $0.id == "I2" }?.valueSource?.comparison)
        #expect(comparison.value == nil && comparison.numerator == nil && comparison.denominator == nil)

        // 2022-T3: the line's 5 of 10 is shown to everyone, in the final report's table
        // too, beside the pilot's 70 % (previous 100 %, change −30 pp).
        let finalContext = f.context(.final, period: "2022-T3", audience: .internal)
        let section = IndicatorStatusSection()
        let final = try section.compute(finalContext)
        let table = try #require(Self.tables(section.blocks(final, for: .indicators, context: finalContext)).first)
        #expect(table.headerRows[0].map(\.text.plainText)[2] == "Linjen")
        let row = try #require(Self.row(table, "I2"))
        #expect(row[1] == "70\u{00A0}%" && row[2] == "50\u{00A0}%" && row[3] == "100\u{00A0}% (tertial 2 2022)")
        #expect(row[4] == "\u{2212}30\u{00A0}procentenheter" || row[4].hasPrefix("\u{2212}30"))
        let publicT3 = f.context(.tertial, period: "2022-T3")
        let p3 = try #require(try tertial.compute(publicT3).goals.first?.indicators.first { $0.indicator == "I2" })
        #expect(p3.comparison == 50)
        // Where the pilot's counts are withheld, the rule no longer names its number of cases.
        let publicStatus = try #require(try section.compute(f.context(.final, period: "2022-T3")).status)
        let publicI2 = try #require(publicStatus.indicators.first { $0.id == "I2" })
        if publicI2.total.denominator == nil { #expect(publicI2.valueSource?.rule.contains("cohort, 10 cases") == false) }
        #expect(publicI2.total.denominator == nil)   // 7 of 10 with girls 4 of 5, boys 3 of 5: counts of 1–4
        #expect(IndicatorFigureSuppression.withoutCaseCount("x; pilot cohort, 10 cases; y") == "x; pilot cohort; y")
    }

    // MARK: - 4. Sources and missing values in words

    /// Under the tables, each computed value's source in words (and for I4, typed in,
    /// that none is entered) — the survey by its name,
    /// round and statement, the extract by its date, the rule — and, for I3 (re-referral
    /// within 12 months, every investigation ended in 2022, extract 31 December 2022),
    /// why it has no value. No binding, key, file or import number.
    @Test func sourcesAndReasonsInWords() throws {
        let f = try Fixture()
        let section = IndicatorStatusSection()
        let context = f.context(.final, period: "2022-T3")
        let result = try section.compute(context)
        #expect(result.sources == [
            "I1: enkäten Bundna enkäten, omgången mars 2022: medelvärdet för påståendet ”Vi har en gemensam bild”, alla enheter med minst fem svarande.",
            "I2: ärendeutdraget med uttagsdatum 31 december 2022: utredning klar inom 4 månader, som andel av pilotens ärenden, fördelade på perioder efter utredningens slutdatum.",
            "I3: inget värde för tertial 3 2022 – ärendeutdraget har ingen uppföljning på 12 månader ännu (uttagsdatum 31 december 2022).",
            "I4: inget värde för tertial 3 2022 – inget värde är inmatat för perioden.",
        ])
        let blocks = section.blocks(result, for: .indicators, context: context)
        let lists = blocks.compactMap { b -> [String]? in if case .list(let l) = b { return l.items.map(\.plainText) } else { return nil } }
        #expect(lists.contains(result.sources!))
        #expect(blocks.contains { if case .heading(_, let text) = $0 { return text == "Värdenas källor och saknade värden" } else { return false } })

        // English, and the tertial table has the same list.
        let en = f.context(.tertial, period: "2022-T3", language: .en)
        let tertial = try TertialTableSection().compute(en)
        #expect(tertial.sources == [
            "I1: the survey Bundna enkäten, the March 2022 round: the mean of the statement “We share a picture”, all units with at least five respondents.",
            "I2: the case extract of 31 December 2022: investigation completed within 4 months, as a share of the pilot's cases, put in periods by the end of the investigation.",
            "I3: no value for tertial 3 2022 – the case extract has no 12-month follow-up yet (extract date 31 December 2022).",
            "I4: no value for tertial 3 2022 – no value has been entered for the period.",
        ])
        let words = Self.words(TertialTableSection().blocks(tertial, for: .tertialTable, context: en))
            + tertial.sources!.joined(separator: "\n") + result.sources!.joined(separator: "\n")
        for key in ["investigation_within_4m", "re_referral_12m", "bunden-readiness", "data:", "import", "cohort", ".csv"] {
            #expect(!words.contains(key), "\(key)")
        }

        // Nothing loaded: each bound indicator says what is missing.
        let empty = try Fixture(readiness: false, cases: false)
        _ = try IndicatorImporter(empty.database).importFile(
            try CSVReader(data: Data("indicator,period,group,value\nI1,2020,total,3\n".utf8), name: "obs.csv"),
            model: ModelCatalog(empty.database).resolveVersioned("bundet"))
        let none = try section.compute(empty.context(.final, period: "2022-T3"))
        #expect(none.sources == [
            "I1: inget värde för tertial 3 2022 – ingen omgång av enkäten är inläst.",
            "I2: inget värde för tertial 3 2022 – inget ärendeutdrag är inläst.",
            "I3: inget värde för tertial 3 2022 – inget ärendeutdrag är inläst.",
            "I4: inget värde för tertial 3 2022 – inget värde är inmatat för perioden.",
        ])
    }
}
