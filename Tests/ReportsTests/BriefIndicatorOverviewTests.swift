import Evaluation
import Foundation
import LogicModel
import Periods
@testable import Reports
import Presentation
import Store
import Testing
import ZIPFoundation

/// The steering brief's indicator overview (every assessed indicator with a mark,
/// outcome, target, change and a sparkline; those not assessable counted by why) and
/// the final report's results against their targets in words. Every expected text is
/// worked out by hand from the data below.
@Suite struct BriefIndicatorOverviewTests {
    static let model = """
    schema: piloteval/logic-model/v1
    id: overblick
    name: Överblicksteamet
    language: sv
    owner: Testförvaltningen
    period: {start: 2019-01-01, end: 2022-12-31}
    goals:
      - {id: G1, title: Snabbare utredningar}
    outcomes:
      - {id: O1, title: Kortare utredningstider, term: short, contributes_to: [G1]}
    activities:
      - {id: A1, title: Tidsplanering, leads_to: [O1]}
    indicators:
      - {id: I1, title: Andel utredningar klara inom fyra månader, measures: O1, unit: percent, direction: increase, targets: [{period: "2021", rule: ">= 90"}]}
      - {id: I2, title: Dagar till förhandsbedömning, measures: O1, unit: days, direction: decrease, targets: [{period: "2021", rule: "<= 14"}]}
      - {id: I3, title: Antal familjeråd, measures: O1, unit: count, direction: increase}
      - {id: I4, title: Andel med tidsplan, measures: O1, unit: percent, direction: increase, targets: [{period: "2021", rule: ">= 50"}]}
      - {id: I5, title: Antal konsultationer, measures: O1, unit: count, direction: increase}
      - {id: I6, title: Andel barn och unga som åter aktualiseras inom 12 månader efter avslutad utredning, measures: O1, unit: percent, direction: decrease, targets: [{period: "2021", rule: improve}]}
    """

    /// I1: 2019 85/100 = 85 %; 2020 3/4 (a denominator under 5: withheld); 2021
    /// 101/125 = 80,8 % against ≥ 90 %: not met, 90 − 80,8 = 9,2 percentage points under.
    /// I2: 9 days in 2020, 7 in 2021 against ≤ 14: met; change 7 − 9 = −2.
    /// I3: 12 in 2021, no target: not assessable (no target). I4: a 2019 value only, a
    /// 2021 target: no outcome. I5: nothing, no target: no target.
    /// I6 (a name over 60 characters, so the brief stacks its figure cells): 14,6 % in 2020, 17,9 % in 2021 against "förbättras" (lower is better): not met,
    /// the change 17,9 − 14,6 = +3,3 percentage points.
    /// 2021 holds four values, more than any other year: the brief's period.
    static let observations = """
    indicator,period,group,value,numerator,denominator,note
    I1,2019,total,,85,100,
    I1,2020,total,,3,4,
    I1,2021,total,,101,125,
    I2,2020,total,9,,,
    I2,2021,total,7,,,
    I3,2021,total,12,,,
    I4,2019,total,,40,100,
    I6,2020,total,14.6,,,
    I6,2021,total,17.9,,,
    """

    static let nb = NumberStyle.noBreakSpace

    typealias Fixture = TemporaryModel

    static func section(_ built: BuiltReport, _ key: String) throws -> ReportSection {
        try #require(built.document.outline.map(\.section).first { $0.key == key })
    }

    static func tables(_ s: ReportSection) -> [TableBlock] {
        s.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    static func paragraphs(_ s: ReportSection) -> [String] {
        s.blocks.compactMap { if case .paragraph(let p) = $0 { return p.plainText } else { return nil } }
    }

    static func lists(_ s: ReportSection) -> [[String]] {
        s.blocks.compactMap { if case .list(let l) = $0 { return l.items.map(\.plainText) } else { return nil } }
    }

    // MARK: - The brief

    @Test func overviewShowsEveryAssessedIndicatorOffTargetFirst() throws {
        let built = try Fixture().build(.steering)
        let section = try Self.section(built, "steering.off_target")
        #expect(section.heading.hasSuffix("Indikatorerna i överblick"))
        let table = try #require(Self.tables(section).first)
        #expect(table.headerRows[0].map(\.text.plainText) == ["Indikator", "Utfall", "Mål", "Trend"])
        var rows = table.rows.map { $0.map(\.text.plainText) }
        #expect(rows.count == 3)
        // Off target first (I1, I6), then I2 on target. I6's name is long, so in every row the change
        // goes under the outcome and the mark under the target.
        #expect(rows.map { String($0[0].prefix(3)) } == ["I1 ", "I6 ", "I2 "])
        #expect(rows[1][1] == "17,9\(Self.nb)%\n(+3,3\(Self.nb)p.e.)" && rows[1][2] == "förbättras\n○\(Self.nb)nås\(Self.nb)inte")
        rows.remove(at: 1)
        // I1's change is on a withheld 2020 value: withheld too.
        #expect(rows[0][1] == "80,8\(Self.nb)%\n(..)" && rows[0][2] == "≥\(Self.nb)90\(Self.nb)%\n○\(Self.nb)nås\(Self.nb)inte")
        #expect(rows[1][1] == "7\n(−2)" && rows[1][2] == "≤\(Self.nb)14\n●\(Self.nb)nås")
        // The sparklines' text: the values in order, the withheld 2020 value "..".
        #expect(rows[0][3] == "85,0 → .. → 80,8")  // one precision for the row (`rowDecimals`)
        #expect(rows[1][3] == "9 → 7")
        // A note says what a gap in a line is (I1 has one).
        // Those not assessable, counted by why: I3 and I5 have no target, I4 no outcome.
        #expect(table.notes.map(\.plainText) == ["Trend: en lucka i linjen är ett värde som inte får visas (..). "
                                                  + "3 kan inte bedömas: 2 saknar mål för perioden, 1 saknar utfall."])
    }

    @Test func sparklineKeepsWithheldValuesAsAGapAndNamesTheValues() throws {
        let built = try Fixture().build(.steering)
        let table = try #require(Self.tables(try Self.section(built, "steering.off_target")).first)
        let line = try #require(table.rows[0][3].sparkline)
        #expect(line.values.count == 3 && line.values[0] == 85 && line.values[1] == nil)
        #expect(abs((line.values[2] ?? 0) - 80.8) < 1e-9)                 // 101/125
        #expect(line.label == "I1, utfall per period: 2019 85\(Self.nb)%, 2020 undanhållet, 2021 80,8\(Self.nb)%")
        // Two values, each with a gap beside it: two dots, no line drawn across the gap.
        let svg = line.svg()
        #expect(!svg.contains("<path"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2)

        // In HTML: inline, with the values in words as its accessible name.
        let html = try HTMLWriter(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test").write(built.document)
        #expect(html.contains("<svg class=\"sparkline\" role=\"img\" aria-label=\"I1, utfall per period: 2019 85\u{00A0}%, 2020 undanhållet, 2021 80,8\u{00A0}%\""))
        #expect(html.contains("<title>I1, utfall per period:"))
        #expect(!html.lowercased().contains("http"))
        // The plain text of the table has the values in order.
        #expect(PlainTextWriter().render(table).contains("85,0 → .. → 80,8"))
    }

    @Test func sparklineDrawsRunsAsLinesAndLoneValuesAsDots() {
        // Hand-worked: width 56, height 16, margin 3; four periods at x = 3, 19,7, 36,3, 53;
        // values 1 … 3 map to y = 3 + (3 − v) / 2 × 10: 13, 8, 3.
        let line = Sparkline(values: [1, 2, nil, 3], label: "x")
        let svg = line.svg()
        #expect(svg.contains("<path d=\"M3.0 13.0 L19.7 8.0\""))
        #expect(svg.contains("<circle cx=\"53.0\" cy=\"3.0\" r=\"2\""))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 1)   // the newest value, alone
        #expect(svg.contains("<title>x</title>"))
        // A flat series lies in the middle.
        #expect(Sparkline(values: [5, 5], label: "y").points.map { $0?.y } == [8, 8])
        // A small change drawn within the least span: 1,27 → 1,33 within 0,133 around 1,3
        // (1,2335 to 1,3665): y = 3 + (1,3665 − v) / 0,133 × 10 = 10,26 and 5,74.
        let small = Sparkline(values: [1.27, 1.33], minimumSpan: 0.133, label: "z").points.map { $0.map { ($0.y * 100).rounded() / 100 } }
        #expect(small == [10.26, 5.74])
    }

    @Test func docxDrawsTheSparklineAsAPictureWithItsValuesAsAltText() throws {
        let built = try Fixture().build(.steering)
        let writer = DOCXWriter(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test",
                                rasterizer: WriterTests.FakeRasterizer())
        let archive = try Archive(data: try writer.write(built.document).data, accessMode: .read)
        #expect(archive["word/media/sparkline-1.png"] != nil && archive["word/media/sparkline-1.svg"] != nil)
        #expect(archive["word/media/sparkline-2.png"] != nil)
        var document = Data()
        _ = try archive.extract(archive["word/document.xml"]!) { document.append($0) }
        let xml = String(decoding: document, as: UTF8.self)
        #expect(xml.contains("descr=\"I2, utfall per period: 2020 9, 2021 7\""))
        // 56 × 16 px at 9 525 EMU a pixel.
        #expect(xml.contains("<wp:extent cx=\"533400\" cy=\"152400\"/>"))
    }

    @Test func englishOverview() throws {
        let built = try Fixture().build(.steering, language: .en)
        let section = try Self.section(built, "steering.off_target")
        #expect(section.heading.hasSuffix("Indicators at a glance"))
        let rows = try #require(Self.tables(section).first).rows.map { $0.map(\.text.plainText) }
        #expect(rows[0][2].hasSuffix("○\(Self.nb)not\(Self.nb)met") && rows[2][2].hasSuffix("●\(Self.nb)met"))
        #expect(rows[0][3] == "85.0 → .. → 80.8")
        #expect(try #require(Self.tables(section).first).notes.last?.plainText.hasSuffix("3 cannot be assessed: 2 have no target for the period, 1 has no outcome.") == true)
    }

    @Test func verifyAgreesWithTheBrief() throws {
        let f = try Fixture()
        let built = try f.build(.steering)
        let record = try JSONWriter.read(try JSONWriter.write(built.record), name: "brief.json")
        let outcome = try ReportVerifier.verify(record, database: f.database)
        #expect(outcome.differences.isEmpty, "\(outcome.differences)")
        // The sparkline's values are the record's: I1's trend holds 85, null (withheld) and 80,8.
        let json = String(decoding: try JSONWriter.write(built.record), as: UTF8.self)
        #expect(json.contains("80.8"))
    }

    // MARK: - The final report

    @Test func finalReportComparesResultsWithTargetsInWords() throws {
        let built = try Fixture().build(.final)
        let section = try #require(built.document.outline.map(\.section).first { s in
            s.blocks.contains { if case .heading(_, let t) = $0 { t.hasSuffix("G1: Snabbare utredningar") } else { false } }
        })
        let sentences = try #require(Self.lists(section).first)
        #expect(sentences == [
            "I1 Andel utredningar klara inom fyra månader: 80,8\(Self.nb)% mot målet minst 90\(Self.nb)% – når inte målet (9,2\(Self.nb)procentenheter under).",
            "I2 Dagar till förhandsbedömning: 7\(Self.nb)dagar mot målet högst 14\(Self.nb)dagar – når målet.",
            "I6 Andel barn och unga som åter aktualiseras inom 12 månader efter avslutad utredning: 17,9\(Self.nb)% mot målet att förbättras – når inte målet (+3,3\(Self.nb)procentenheter sedan 2020).",
        ])
    }

    @Test func finalReportSentencesInEnglishAndSingular() throws {
        let built = try Fixture().build(.final, language: .en)
        let section = try #require(built.document.outline.map(\.section).first { s in
            s.blocks.contains { if case .heading(_, let t) = $0 { t.hasSuffix("G1: Snabbare utredningar") } else { false } }
        })
        let sentences = try #require(Self.lists(section).first)
        #expect(sentences[0] == "I1 Andel utredningar klara inom fyra månader: 80.8% against the target at least 90% – off target (9.2\(Self.nb)percentage points below).")
        #expect(sentences[1] == "I2 Dagar till förhandsbedömning: 7\(Self.nb)days against the target at most 14\(Self.nb)days – on target.")
        #expect(sentences[2] == "I6 Andel barn och unga som åter aktualiseras inom 12 månader efter avslutad utredning: 17.9% against the target to improve – off target (+3.3\(Self.nb)percentage points since 2020).")
    }

    @Test func gapInWordsSingularAndRange() throws {
        let f = try Fixture()
        let context = ReportContext(model: f.model, modelProvenance: f.provenance,
                                    request: ReportRequest(kind: .final, language: .sv, format: "html", toolVersion: "test",
                                                           generatedAt: Date(timeIntervalSince1970: 0)),
                                    strings: ReportStrings(.sv), database: f.database)
        let t = { (v: Double, d: Int) in TargetRule.Threshold(value: v, decimals: d) }
        // 89 against ≥ 90: 1 percentage point under (singular).
        #expect(context.indicatorWords.gap(89, rule: .threshold(.atLeast, t(90, 0)), unit: .percent)
                == "1\(Self.nb)procentenhet under")
        // 15 days against ≤ 14: 1 day over; 17 days: 3 days over.
        #expect(context.indicatorWords.gap(15, rule: .threshold(.atMost, t(14, 0)), unit: .days) == "1\(Self.nb)dag över")
        #expect(context.indicatorWords.gap(17, rule: .threshold(.atMost, t(14, 0)), unit: .days) == "3\(Self.nb)dagar över")
        // 9,5 against between 5 and 8: 1,5 over the upper bound.
        #expect(context.indicatorWords.gap(9.5, rule: .between(t(5, 0), t(8, 0)), unit: .mean) == "1,5 över")
        // A relative rule has no distance.
        #expect(context.indicatorWords.gap(9.5, rule: .improve, unit: .mean) == nil)
    }
}

fileprivate extension TemporaryModel {
    /// The overview's model with both periods' observations.
    init() throws {
        try self.init(yaml: BriefIndicatorOverviewTests.model, fileName: "overblick.yaml",
                      observations: BriefIndicatorOverviewTests.observations)
    }

    func build(_ kind: ReportKind, language: Language = .sv) throws -> BuiltReport {
        let request = ReportRequest(kind: kind, language: language, format: "html", toolVersion: "test",
                                    generatedAt: Date(timeIntervalSince1970: 1_645_999_200))
        return try ReportEngine.build(model: model, provenance: provenance, request: request,
                                      strings: ReportStrings(language), database: database)
    }
}
