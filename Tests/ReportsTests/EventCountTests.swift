import Evaluation
import Foundation
import LogicModel
import Periods
@testable import Reports
import Presentation
import Statistics
import Store
import Testing

/// Indicators and measures that count events, not persons (`counts: events`, DESIGN
/// §3.1, §9): their figures are never suppressed, while the same figures of a persons
/// indicator or measure are. Every expectation is worked out by hand below.
@Suite struct EventCountTests {
    /// I1 counts consultations (events), I2 children (persons); both are counts with a
    /// gender breakdown and the same figures.
    static let modelYAML = """
    schema: piloteval/logic-model/v1
    id: handelseteamet
    name: Händelseteamet
    language: sv
    period: {start: 2020-01-01, end: 2021-12-31}
    goals:
      - {id: G1, title: Förskolor får stöd i tid}
    outputs:
      - {id: P1, title: Konsultationer till förskolor, leads_to: [G1]}
    activities:
      - {id: A1, title: Konsultera förskolor, leads_to: [P1]}
    indicators:
      - id: I1
        title: Antal konsultationer till förskolor
        measures: P1
        unit: count
        direction: increase
        counts: events
        targets:
          - {period: "2021", rule: ">= 2"}
        breakdowns: {gender: [girls, boys]}
      - id: I2
        title: Antal barn med samordnad individuell plan
        measures: P1
        unit: count
        direction: increase
        targets:
          - {period: "2021", rule: ">= 2"}
        breakdowns: {gender: [girls, boys]}
    """

    /// 2021: total 3, girls 1, boys 2 for both. Every figure is 1–4, so for the persons
    /// indicator each one is small (<5) on the primary rule alone; for the events
    /// indicator each one is shown. 2020: total 5 for both (shown either way), so the
    /// change 3 − 5 = −2 is shown for I1 and withheld next to I2's withheld value.
    static let observations = """
    indicator,period,group,value,numerator,denominator,note
    I1,2020,total,5,,,
    I1,2021,total,3,,,
    I1,2021,girls,1,,,
    I1,2021,boys,2,,,
    I2,2020,total,5,,,
    I2,2021,total,3,,,
    I2,2021,girls,1,,,
    I2,2021,boys,2,,,
    """

    typealias Fixture = TemporaryModel

    static func withIndicators() throws -> Fixture {
        let f = try Fixture()
        try f.importObservations(observations)
        return f
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

    // MARK: - Indicators

    @Test func anEventsIndicatorOfThreeShowsThreeAndAPersonsIndicatorShowsLessThanFive() throws {
        let f = try Self.withIndicators()
        let context = f.context(.final)
        let section = IndicatorStatusSection()
        let result = try section.compute(context)
        let status = try #require(result.status)
        #expect(status.period.text == "2021")
        let i1 = try #require(status.indicators.first { $0.id == "I1" })
        let i2 = try #require(status.indicators.first { $0.id == "I2" })

        // The figures after suppression: I1 whole, I2 withheld.
        #expect(i1.counts == .events && i1.countsEvents)
        #expect(i1.value.value == 3 && i1.groups["girls"]?.value.value == 1 && i1.groups["boys"]?.value.value == 2)
        #expect(i1.previousValue.value == 5 && i1.change.value == -2)
        #expect(i2.counts == nil && !i2.countsEvents)
        #expect(i2.value.value == nil && i2.value.note == IndicatorFigureSuppression.smallNote)
        #expect(i2.groups["girls"]?.value.note == IndicatorFigureSuppression.smallNote)
        #expect(i2.groups["boys"]?.value.note == IndicatorFigureSuppression.smallNote)
        #expect(i2.previousValue.value == 5 && !i2.change.isDefined)
        // The trend too: I1's 2021 point is shown, I2's withheld.
        let trend = try #require(result.trend)
        #expect(trend.indicators.first { $0.id == "I1" }?.points.last?.total.value.value == 3)
        #expect(trend.indicators.first { $0.id == "I2" }?.points.last?.total.value.note == IndicatorFigureSuppression.smallNote)

        // The final report's table: value column "3" against "<5".
        let blocks = section.blocks(result, for: .indicators, context: context)
        let table = try #require(Self.tables(blocks).first)
        let rows = table.rows.map { $0.map(\.text.plainText) }
        let row1 = try #require(rows.first { $0[0].hasPrefix("I1 ") })
        let row2 = try #require(rows.first { $0[0].hasPrefix("I2 ") })
        #expect(row1[1] == "3" && row1[2] == "5 (2020)")
        #expect(row1[3] == "−2" || row1[3] == "-2")
        #expect(row2[1] == "<5" && row2[3] == "..")
        #expect(Self.words(blocks).contains("I1 räknar händelser, inte personer, så även små antal visas."))

        // 6.2 Jämställdhet: girls 1, boys 2, total 3 for I1; "<5" three times for I2.
        let gender = try #require(Self.tables(section.blocks(result, for: .gender, context: context)).first)
        let genderRows = gender.rows.map { Array($0.map(\.text.plainText).dropFirst()) }
        #expect(genderRows == [["1", "2", "3"], ["<5", "<5", "<5"]])

        // The JSON record says what I1 counts; I2's row has no `counts` (persons).
        let json = String(decoding: try JSONEncoder().encode(status), as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rowsJSON = try #require(object["indicators"] as? [[String: Any]])
        #expect(rowsJSON.first { $0["id"] as? String == "I1" }?["counts"] as? String == "events")
        #expect(rowsJSON.first { $0["id"] as? String == "I2" }?.keys.contains("counts") == false)
        // …and reads back the same.
        #expect(try JSONDecoder().decode(IndicatorStatusReport.self, from: Data(json.utf8)) == status)
    }

    @Test func tertialTableShowsEventsAndWithholdsPersons() throws {
        let f = try Self.withIndicators()
        let context = f.context(.tertial, period: Period(parsing: "2021"))
        let section = TertialTableSection()
        let result = try section.compute(context)
        let rows = try #require(result.goals.first?.indicators)
        let i1 = try #require(rows.first { $0.indicator == "I1" })
        let i2 = try #require(rows.first { $0.indicator == "I2" })
        #expect(i1.outcome == 3 && i1.girls == 1 && i1.boys == 2 && i1.previous == 5)
        #expect(i2.outcome == nil && i2.girls == nil && i2.boys == nil && i2.previous == 5)
        let table = try #require(Self.tables(section.blocks(result, for: .tertialTable, context: context)).first)
        // Columns: indicator, outcome, boys, girls, previous, …
        let cells = table.rows.map { Array($0.map(\.text.plainText)[1...4]) }
        #expect(cells == [["3", "2", "1", "5"], ["<5", "<5", "<5", "5"]])
    }

    /// The analyst's view (`indicators status --format table`): an events indicator's
    /// whole counts are typed `eventCount`, a persons indicator's stay plain numbers.
    @Test func presentationBlocksTypeEventCounts() throws {
        let f = try Self.withIndicators()
        let data = try IndicatorData.load(f.database, modelID: "handelseteamet")
        let status = try #require(IndicatorStatusAnalysis.compute(
            model: f.model, modelVersion: 1, observations: data.observations, warnings: data.warnings,
            period: Period(parsing: "2021"), earlierVersions: data.versions))
        let table = try #require(Self.tables(status.blocks(style: NumberStyle(.sv))).first)
        let i1 = try #require(table.rows.first { $0[0].text.plainText == "I1" })
        let i2 = try #require(table.rows.first { $0[0].text.plainText == "I2" })
        #expect(i1[2].figure?.kind == .eventCount && i1[2].text.plainText == "3")
        #expect(i2[2].figure?.kind != .eventCount && i2[2].figure?.kind != nil && i2[2].text.plainText == "3")
        #expect(i1[2].figure?.disclosure == .shown)
    }

    // MARK: - Measures

    /// Eight weekly values; 3, 2 and 1 (points 1, 3 and 6) are 1–4.
    static let weekly = """
    date,value
    2021-01-04,3
    2021-01-11,7
    2021-01-18,2
    2021-01-25,8
    2021-02-01,6
    2021-02-08,1
    2021-02-15,9
    2021-02-22,5
    """

    @Test func aMeasureCountingEventsShowsEveryPoint() throws {
        let f = try Fixture()
        try Self.weekly.write(toFile: f.path("konsultationer.csv"), atomically: true, encoding: .utf8)
        try (Self.weekly + "\n").write(toFile: f.path("sip.csv"), atomically: true, encoding: .utf8)
        let events = try MeasureImporter(f.database).importFile(path: f.path("konsultationer.csv"), measure: "konsultationer",
                                                                counts: .events)
        #expect(events.counts == .events)
        let persons = try MeasureImporter(f.database).importFile(path: f.path("sip.csv"), measure: "barn-med-sip")
        #expect(persons.counts == .persons)

        let context = f.context(.final)
        let section = RunChartSection()
        let result = try section.compute(context)
        #expect(result.measures.map(\.measure) == ["barn-med-sip", "konsultationer"])
        let sip = result.measures[0], konsultationer = result.measures[1]
        #expect(konsultationer.counts == "events" && konsultationer.hiddenPoints == 0)
        #expect(konsultationer.values.map(\.y) == [3, 7, 2, 8, 6, 1, 9, 5])
        #expect(sip.counts == nil && sip.hiddenPoints == 3)
        #expect(sip.values.map(\.y) == [nil, 7, nil, 8, 6, nil, 9, 5])
        #expect(sip.values[0].yNote == IndicatorFigureSuppression.smallNote)
        // The runs analysis uses every point either way: the same median (5.5).
        #expect(sip.centre == 5.5 && konsultationer.centre == 5.5)

        let blocks = section.blocks(result, for: .improvement, context: context)
        let text = Self.words(blocks)
        #expect(text.contains("Måttet räknar händelser, inte personer, så även små antal visas."))
        #expect(text.contains("3 punkter bygger på färre än 5"))
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(json.contains("\"counts\":\"events\""))
        #expect(json.components(separatedBy: "\"counts\"").count == 2)    // only the events measure says it
    }
}

fileprivate extension TemporaryModel {
    /// The events model, without observations.
    init() throws {
        try self.init(yaml: EventCountTests.modelYAML, fileName: "handelseteamet.yaml")
    }

    func context(_ kind: ReportKind, period: Period? = nil) -> ReportContext {
        let request = ReportRequest(kind: kind, language: .sv, format: "json", period: period, toolVersion: "test",
                                    generatedAt: Date(timeIntervalSince1970: 1_645_999_200))
        return ReportContext(model: model, modelProvenance: provenance, request: request,
                             strings: ReportStrings(.sv), database: database)
    }
}
