@testable import Evaluation
import Foundation
import LogicModel
import Periods
import Statistics
import Testing
@testable import Presentation

/// The words and numbers inside the charts read as the report's text does: a survey
/// wave by its month ("mars 2023", as the caption under the chart says, not "2023-03"),
/// and every chart's value labels with one precision chosen for the chart — no "5,1"
/// beside "5,15", no two values that differ printed alike, no value coarser than the
/// axis it is read against.
@Suite struct ChartLabelTests {
    /// The text of every `<text>` element, entities undone, tspans joined.
    static func texts(_ svg: String) -> [(attributes: String, text: String)] {
        svg.matches(of: /<text ([^>]*)>(.*?)<\/text>/).map { m in
            (String(m.1), String(m.2).replacing(/<[^>]+>/, with: "")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&"))
        }
    }

    /// How many decimals a number label is written with ("5,15", "80,0 %" → 2, 1; "75 %" → 0).
    static func decimals(_ label: String) -> Int {
        label.firstMatch(of: /[.,](\d+)/).map { $0.1.count } ?? 0
    }

    // MARK: Waves by their month

    static let instrument = ChartPrintTests.instrument

    @Test(arguments: [(Language.sv, "mätning mars\u{00A0}2023"), (.en, "wave March\u{00A0}2023")])
    func theHeatMapsTitleNamesTheWaveAsTheCaptionDoes(_ language: Language, _ words: String) throws {
        let summary = ReadinessSummary.compute(ChartPrintTests.wave("2023-03", shift: 1), instrument: Self.instrument)
        let svg = ReadinessHeatmap.svg(summary, instrument: Self.instrument, language: language)
        let title = try #require(svg.firstMatch(of: /<title id="readiness-heatmap-title">([^<]*)<\/title>/)).1
        #expect(title.hasSuffix(words), "\(title)")
        // The month and its year stay on one line of the drawn title.
        let drawn = Self.texts(svg).filter { $0.attributes.contains("font-size=\"17\"") }.map(\.text)
        #expect(drawn.contains { $0.hasSuffix(words) }, "\(drawn)")
        #expect(!svg.contains("2023-03"))
    }

    @Test(arguments: [(Language.sv, "mätning mars\u{00A0}2023"), (.en, "wave March\u{00A0}2023")])
    func theLikertBarsTitleNamesTheWaveByItsMonth(_ language: Language, _ words: String) throws {
        let bars = [LikertBars.Bar(item: "why", n: 40, classes: [.init(low: 1, high: 3, count: 10), .init(low: 4, high: 4, count: 10),
                                                                  .init(low: 5, high: 7, count: 20)])]
        let svg = LikertBars.svg(bars: bars, instrument: Self.instrument, wave: "2023-03", unit: nil, empty: nil,
                                 language: language, recoded: true)
        let title = try #require(svg.firstMatch(of: /<title id="likert-bars-title">([^<]*)<\/title>/)).1
        #expect(title.hasSuffix(words), "\(title)")
        // The month and its year stay on one line of the drawn title.
        let month = String(words.split(separator: " ").last!)
        #expect(Self.texts(svg).contains { $0.text.hasSuffix(month) }, "\(month)")
        #expect(!svg.contains("2023-03"))
    }

    @Test func theReadinessTrendNamesItsWavesOnTheAxis() throws {
        let waves = [ChartPrintTests.aggregated, ChartPrintTests.wave("2022-03", shift: 0), ChartPrintTests.wave("2023-03", shift: 1)]
        let trend = ReadinessTrend.compute(waves, instrument: Self.instrument)
        let sv = ReadinessTrendChart.svg(trend, instrument: Self.instrument, language: .sv)
        let axis = Self.texts(sv).filter { $0.attributes.contains("text-anchor=\"middle\"") }.map(\.text)
        for name in ["mars 2021", "mars 2022", "mars 2023"] { #expect(axis.contains(name), "\(axis)") }
        #expect(sv.contains("Linjediagram över mätningarna mars 2021, mars 2022, mars 2023."))
        let en = ReadinessTrendChart.svg(trend, instrument: Self.instrument, language: .en)
        #expect(Self.texts(en).contains { $0.text == "March 2023" })
        for svg in [sv, en] { #expect(!svg.contains("2021-03") && !svg.contains("2023-03")) }
    }

    // MARK: One precision a chart

    /// An indicator's value labels: the text drawn just above each marker, centred.
    static func valueLabels(_ svg: String) -> [String] {
        let labels = texts(svg).filter { $0.attributes.contains("text-anchor=\"middle\"") && $0.attributes.contains("fill=\"#000000\"") }
            .map(\.text)
        return labels.filter { $0.firstMatch(of: /^[−\-]?\d+([.,]\d+)?(\u{00A0}?%)?$/) != nil && $0.firstMatch(of: /^(19|20)\d\d$/) == nil }
    }

    /// The y axis's tick labels: right-aligned at the axis.
    static func tickLabels(_ svg: String) -> [String] {
        texts(svg).filter { $0.attributes.contains("text-anchor=\"end\"") }.map(\.text)
    }

    static func trend(_ values: [(String, Double)], unit: IndicatorUnit = .mean) throws -> IndicatorTrend {
        IndicatorTrend(id: "I1", title: "Jag anser att socialtjänsten arbetar utifrån en gemensam vision", unit: unit,
                       direction: .increase, points: try values.map { try ChartPrintTests.point($0.0, $0.1) })
    }

    /// 5,0333 (computed from answers) beside 5,15 (stated with two decimals): the chart
    /// printed "5,0 5,1 5,15"; every value now has the two decimals 5,15 was stated with.
    @Test func aValueStatedWithTwoDecimalsGivesTheChartTwo() throws {
        let svg = IndicatorTrendChart.svg(try Self.trend([("2021", 5.0333), ("2022", 5.1071), ("2023", 5.15)]), language: .sv)
        #expect(Self.valueLabels(svg) == ["5,03", "5,11", "5,15"])
        let en = IndicatorTrendChart.svg(try Self.trend([("2021", 5.0333), ("2022", 5.1071), ("2023", 5.15)]), language: .en)
        #expect(Self.valueLabels(en) == ["5.03", "5.11", "5.15"])
    }

    /// 1,2981 and 1,2524 (computed, so one decimal) both read "1,3"; the chart takes two,
    /// every label alike. (Before, a stated 1,25 beside them read "1,25" among "1,3"s.)
    @Test func valuesThatDifferDoNotPrintAlike() throws {
        let svg = IndicatorTrendChart.svg(try Self.trend([("2021-T1", 1.2981), ("2021-T2", 1.2524), ("2021-T3", 1.2), ("2022-T1", 1.4)]))
        #expect(Self.valueLabels(svg) == ["1,30", "1,25", "1,20", "1,40"])
        let stated = IndicatorTrendChart.svg(try Self.trend([("2021-T1", 1.3), ("2021-T2", 1.25), ("2021-T3", 1.2), ("2022-T1", 1.4)]))
        #expect(Self.valueLabels(stated) == ["1,30", "1,25", "1,20", "1,40"])
    }

    /// A value is never coarser than the axis: 0,4452 drawn above the 0,45 grid line read
    /// "0,4" under ticks of 0,45, 0,50, 0,55.
    @Test func valuesAreNoCoarserThanTheTicks() throws {
        let svg = IndicatorTrendChart.svg(try Self.trend([("2020", 0.5781), ("2021", 0.5012), ("2022", 0.4452)]))
        let ticks = Self.tickLabels(svg)
        #expect(ticks.contains("0,45") && ticks.contains("0,50") && ticks.allSatisfy { Self.decimals($0) == 2 }, "\(ticks)")
        #expect(Self.valueLabels(svg) == ["0,58", "0,50", "0,45"])
    }

    /// A share stated as 80 % beside shares with a decimal: "80,0 %", not "80 %" beside "85,4 %".
    @Test func sharesHaveOnePrecision() throws {
        let svg = IndicatorTrendChart.svg(try Self.trend([("2020", 85.4), ("2021", 80), ("2022", 75)], unit: .percent))
        #expect(Self.valueLabels(svg) == ["85,4\u{00A0}%", "80,0\u{00A0}%", "75,0\u{00A0}%"])
        #expect(Set(Self.tickLabels(svg).map(Self.decimals)).count == 1)
    }

    /// A year's value and a tertial's are separate lines: values of different lines that
    /// read alike (1,2712 and 1,3088, both "1,3") do not give every label more decimals.
    @Test func valuesAreToldApartWithinALine() throws {
        let svg = IndicatorTrendChart.svg(try Self.trend([("2022", 1.2712), ("2022-T1", 1.3088), ("2022-T2", 1.2), ("2022-T3", 1.4)]))
        #expect(Self.valueLabels(svg) == ["1,3", "1,3", "1,2", "1,4"])
        // Within one line they are told apart.
        let one = IndicatorTrendChart.svg(try Self.trend([("2022-T1", 1.2712), ("2022-T2", 1.3088), ("2022-T3", 1.2), ("2023-T1", 1.4)]))
        #expect(Self.valueLabels(one) == ["1,27", "1,31", "1,20", "1,40"])
    }

    /// The heat map: 4,95 and 5,04 on one row both read "5,0" at one decimal, and the
    /// chart's text rounded as printf does (5,25 → "5,2"), not as the tables (5,3).
    @Test func theHeatMapTellsTheUnitsOfARowApart() throws {
        let wave = ReadinessWaveData(wave: "2023-03", items: ["why", "able", "time", "lead", "vision"], unitMeans: [
            ReadinessUnitMeans(unit: "Enhet A", n: 20, means: [4.95, 6.0, 5.25, 4.0, 3.5]),
            ReadinessUnitMeans(unit: "Enhet B", n: 20, means: [5.04, 5.5, 5.0, 4.2, 3.0]),
        ])
        let summary = ReadinessSummary.compute(wave, instrument: Self.instrument)
        let svg = ReadinessHeatmap.svg(summary, instrument: Self.instrument, language: .sv)
        let cells = Self.texts(svg).filter { $0.attributes.contains("font-size=\"13\"") && $0.text != "–" }.map(\.text)
        for value in ["4,95", "5,04", "6,00", "5,50", "5,25", "5,00", "4,00", "4,20", "3,50", "3,00"] {
            #expect(cells.contains(value), "\(value) in \(cells)")
        }
        #expect(cells.allSatisfy { Self.decimals($0) == 2 }, "\(cells)")
        // Where one decimal tells every row's units apart, one it is, rounded half away from zero.
        let apart = ReadinessWaveData(wave: "2023-03", items: ["why", "able", "time", "lead", "vision"], unitMeans: [
            ReadinessUnitMeans(unit: "Enhet A", n: 20, means: [4.25, 6.0, 5.0, 4.0, 3.5]),
            ReadinessUnitMeans(unit: "Enhet B", n: 20, means: [5.04, 5.5, 5.25, 4.5, 3.0]),
        ])
        let one = ReadinessHeatmap.svg(ReadinessSummary.compute(apart, instrument: Self.instrument), instrument: Self.instrument, language: .sv)
        let oneCells = Self.texts(one).filter { $0.attributes.contains("font-size=\"13\"") && $0.text != "–" }.map(\.text)
        for value in ["4,3", "5,0", "5,3", "6,0"] { #expect(oneCells.contains(value), "\(value) in \(oneCells)") }
        #expect(oneCells.allSatisfy { Self.decimals($0) == 1 }, "\(oneCells)")
    }

    /// Likert bars in whole percent — until a bar of more than 100 answers has two classes
    /// that differ and read alike: 51 and 52 of 200 are 25,5 % and 26 %, both "26 %".
    @Test func likertSharesGetADecimalOnlyWhereWholePercentsMerge() throws {
        func labels(_ counts: [Int]) -> [String] {
            let n = counts.reduce(0, +)
            let bar = LikertBars.Bar(item: "why", n: n, classes: counts.enumerated().map { .init(low: $0 + 1, high: $0 + 1, count: $1) })
            let svg = LikertBars.svg(bars: [bar], instrument: Self.instrument, wave: "2023-03", unit: nil, empty: nil,
                                     language: .sv, recoded: false)
            return svg.matches(of: /<title>\d: ([^<]*) \(\d+\)<\/title>/).map { String($0.1) }
        }
        #expect(labels([20, 10, 10, 10, 10, 20, 20]) == ["20\u{00A0}%", "10\u{00A0}%", "10\u{00A0}%", "10\u{00A0}%", "10\u{00A0}%", "20\u{00A0}%", "20\u{00A0}%"])
        #expect(labels([51, 52, 17, 20, 20, 20, 20]) == ["25,5\u{00A0}%", "26,0\u{00A0}%", "8,5\u{00A0}%", "10,0\u{00A0}%", "10,0\u{00A0}%",
                                                           "10,0\u{00A0}%", "10,0\u{00A0}%"])
    }

    /// A run chart's centre lines and limits share one precision, enough to tell apart
    /// the medians of two phases (10 and 10,04 on an axis spanning 4–16 read "10,0" both),
    /// written by the report's number formatter.
    @Test func runChartLabelsTellThePhasesApart() throws {
        let values: [Double] = [4, 16, 10, 10, 10, 4, 16, 10.04, 10.04, 10.04, 4, 16, 10.04, 10.04]
        let series = MeasureSeries(name: "m", points: values.enumerated().map { k, v in
            MeasureSeries.Point(label: "v\(k + 1)", date: nil, value: v, denominator: nil)
        }, hasDenominator: false)
        let result = try RunChartAnalysis.analyse(series, options: .init(chart: .run, partBreaks: [7]))
        #expect(result.phases.map(\.centre.value) == [10, 10.04])
        let svg = RunChartSVG.render(result, options: .init(lang: .sv, width: ChartPrint.width, height: ChartPrint.runChartHeight))
        let texts = Self.texts(svg).map(\.text)
        #expect(texts.contains("Median 10,04"), "\(texts)")
        #expect(svg.contains("<title>Median 10,00</title>"))
        let ticks = Self.tickLabels(svg).filter { $0.firstMatch(of: /^\d/) != nil }
        #expect(!ticks.isEmpty && Set(ticks.map(Self.decimals)).count == 1, "\(ticks)")
    }
}
