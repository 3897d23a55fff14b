@testable import Evaluation
import Foundation
import LogicModel
import Periods
import Statistics
import Testing
@testable import Presentation

/// Every chart a report draws reads in print (issue 20): its smallest text, once the
/// writer has fitted the chart to the page, is at least 8 pt — in the DOCX (the width
/// `DOCXWriter` gives the picture) and in the HTML printed by Chromium (the print page's
/// text width from the report CSS; `figure svg { max-width: 100% }` shrinks a wider
/// chart and never enlarges one). Before: the indicator trend printed at 5,9 pt, the
/// Likert bars at 5,0, the readiness trend at 5,3, the heat map at 6,5, run charts at 6,0.
/// The charts are drawn from data as long as a report's: twelve periods of two kinds,
/// statements without short labels, unit names of forty characters, six PDSA cycles.
@Suite struct ChartPrintTests {
    // MARK: What the writers do with a figure

    /// Points per pixel at 96 dpi.
    static let pointsPerPixel = 0.75

    /// The width in points a DOCX prints `svg` at: the picture's extent as `DOCXWriter`
    /// writes it on a portrait page (12 700 EMU a point).
    static func docxWidth(_ svg: String) throws -> Double {
        let writer = DOCXWriter(templates: try TemplateSet(), strings: ReportStrings(.sv), toolVersion: "test", rasterizer: nil)
        let xml = try writer.figure(FigureBlock(svg: svg, caption: "c", altText: "a"), page: .portrait, state: DOCXWriter.State())
        let cx = try #require(xml.firstMatch(of: /<wp:extent cx="(\d+)"/).flatMap { Double($0.1) })
        return cx / 12_700
    }

    /// The width in points Chromium prints `svg` at: the report CSS's A4 page less its
    /// side margins, or the chart's own width where that is less.
    static func htmlWidth(_ svg: String) throws -> Double {
        let css = DefaultTemplates.css
        #expect(css.contains("figure svg { max-width: 100%;"), "the CSS no longer fits a figure to the text width")
        let page = try #require(css.firstMatch(of: /@page \{ size: A4; margin: ([\d.]+)cm ([\d.]+)cm;/))
        let side = try #require(Double(page.2))
        let textWidth = (21.0 - 2 * side) / 2.54 * 72   // A4 is 21 cm wide; 72 pt an inch
        return min(FigureBlock(svg: svg, caption: "", altText: "").size.width * pointsPerPixel, textWidth)
    }

    /// The smallest `font-size` in `svg` (the root's too: text without its own size takes it).
    static func smallestText(_ svg: String) throws -> Double {
        try #require(svg.matches(of: /font-size="([\d.]+)"/).compactMap { Double($0.1) }.min())
    }

    /// The smallest text in points as each writer prints the chart.
    static func printed(_ svg: String) throws -> (docx: Double, html: Double) {
        let width = FigureBlock(svg: svg, caption: "", altText: "").size.width
        let smallest = try smallestText(svg)
        return (smallest * (try docxWidth(svg)) / width, smallest * (try htmlWidth(svg)) / width)
    }

    /// Text that runs off the chart, by the charts' own estimate of a label's width
    /// (0,55 em a character, 0,62 bold); text turned upright (a y axis's label) along
    /// the chart's height.
    static func overflowing(_ svg: String) -> [String] {
        let (width, height) = FigureBlock(svg: svg, caption: "", altText: "").size
        let root = svg.firstMatch(of: /<svg [^>]*font-size="([\d.]+)"/).flatMap { Double($0.1) } ?? 12
        var out: [String] = []
        for m in svg.matches(of: /<text ([^>]*)>(.*?)<\/text>/) {
            let attributes = String(m.1)
            let content = String(m.2).replacing(/<[^>]+>/, with: "")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            func number(_ name: String) -> Double? {
                attributes.firstMatch(of: try! Regex("\\b\(name)=\"([\\d.-]+)\"")).flatMap { Double(String($0.output[1].substring ?? "")) }
            }
            let size = number("font-size") ?? root
            let w = Double(content.count) * size * (attributes.contains("font-weight=\"bold\"") ? 0.62 : 0.55)
            if let turned = attributes.firstMatch(of: /translate\([\d.]+ ([\d.]+)\) rotate\(-90\)/).flatMap({ Double($0.1) }) {
                if turned - w / 2 < -1 || turned + w / 2 > height + 1 { out.append("\(content) (upright, \(Int(turned - w / 2))–\(Int(turned + w / 2)) of \(Int(height)))") }
                continue
            }
            let x = number("x") ?? 0
            let (from, to): (Double, Double) = attributes.contains("text-anchor=\"end\"") ? (x - w, x)
                : attributes.contains("text-anchor=\"middle\"") ? (x - w / 2, x + w / 2) : (x, x + w)
            if from < -1 || to > width + 1 { out.append("\(content) (\(Int(from))–\(Int(to)) of \(Int(width)))") }
        }
        return out
    }

    static func check(_ svg: String, _ name: String) throws {
        let (docx, html) = try printed(svg)
        #expect(docx >= 8, "\(name): smallest text \(docx) pt in the DOCX")
        #expect(html >= 8, "\(name): smallest text \(html) pt printed from the HTML")
        #expect(overflowing(svg).isEmpty, "\(name): \(overflowing(svg))")
    }

    // MARK: The charts, from data as long as a report's

    static func point(_ period: String, _ value: Double?, source: String = "observation", target: String? = nil,
                      city: String? = nil) throws -> TrendPoint {
        let p = try #require(Period(parsing: period))
        func reading(_ rule: String?, _ by: TargetSetter) throws -> TargetReading? {
            try rule.map { TargetReading(rule: try TargetRule(parsing: $0), period: p.yearPeriod, setBy: by, note: nil,
                                         interim: false, status: .noData, statusNote: nil) }
        }
        return TrendPoint(period: p, source: source,
                          total: GroupFigure(value: value.map { Figure($0) } ?? Figure(undefined: "withheld"),
                                             ciLow: Figure(undefined: "no interval"), ciHigh: Figure(undefined: "no interval")),
                          groups: [:], change: Figure(undefined: "first period"), target: try reading(target, .unit),
                          cityTarget: try reading(city, .city), status: .noData, interim: false)
    }

    /// Helår and tertial of three years, a baseline, a withheld tertial, both targets.
    static func mixedTrend() throws -> IndicatorTrend {
        var points = [try point("2019", 38.5, source: "baseline")]
        for year in 2020...2022 {
            points.append(try point("\(year)", 41.0 + Double(year - 2020) * 4, target: ">= 60", city: ">= 70"))
            for t in 1...3 {
                points.append(try point("\(year)-T\(t)", year == 2021 && t == 2 ? nil : 39.5 + Double(year - 2020) * 4 + Double(t) * 1.5,
                                        target: ">= 60", city: ">= 70"))
            }
        }
        return IndicatorTrend(id: "I10", title: "Andel utredningar som avslutats inom fyra månader från att de inleddes, med beslut",
                              unit: .percent, direction: .increase, points: points)
    }

    static let instrument = Instrument(
        id: "t", name: "Förändringsbenägenhet",
        scale: ResponseScale(min: 1, max: 7, anchors: [ScaleAnchor(value: 1, sv: "instämmer inte alls", en: "do not agree at all"),
                                                      ScaleAnchor(value: 7, sv: "instämmer helt", en: "agree completely")]),
        items: [
            SurveyItem(key: "why", sv: "Jag förstår varför utvecklingsarbetet behövs i vår verksamhet", en: "I understand why the development work is needed"),
            SurveyItem(key: "able", sv: "Jag har förutsättningar att arbeta enligt det nya arbetssättet", en: "I have what I need to work in the new way"),
            SurveyItem(key: "time", sv: "Jag har tid avsatt för att delta i utvecklingsarbetet", en: "I have time set aside for the development work"),
            SurveyItem(key: "lead", sv: "Min närmaste chef stödjer utvecklingsarbetet aktivt", en: "My manager actively supports the development work"),
            SurveyItem(key: "vision", sv: "Vi har en gemensam bild av vart vi är på väg", en: "We share a picture of where we are going"),
        ],
        subscales: [Subscale(key: "s", sv: "Motivation och förutsättningar", en: "Motivation and conditions", items: ["why", "able"])])

    static let units = ["Enheten för barn och unga", "Enheten för förebyggande och behandling", "Familj- och mottagningsenheten",
                        "Mottagningsenheten"]

    static func wave(_ name: String, shift: Int) -> ReadinessWaveData {
        var respondents: [ReadinessRespondent] = []
        for (u, unit) in units.enumerated() {
            for r in 0..<(8 + u) {
                let answers = (0..<5).map { i in Double(min(7, max(1, 2 + (r + i + u + shift) % 6))) }
                respondents.append(ReadinessRespondent(unit: unit, respondent: "\(u)-\(r)", answers: answers))
            }
        }
        return ReadinessWaveData(wave: name, items: ["why", "able", "time", "lead", "vision"], respondents: respondents)
    }

    static let aggregated = ReadinessWaveData(wave: "2021-03", items: ["why", "able", "time", "lead", "vision"],
                                              unitMeans: units.prefix(3).map { ReadinessUnitMeans(unit: $0, n: nil, means: [4.1, 3.9, 3.2, 4.4, 3.8]) })

    // MARK: The checks

    @Test(arguments: [Language.sv, .en])
    func indicatorTrendReadsInPrint(_ language: Language) throws {
        try Self.check(IndicatorTrendChart.svg(try Self.mixedTrend(), language: language, illustrative: true,
                                               withheld: [try #require(Period(parsing: "2021-T2"))]), "indicator trend, 13 periods")
        let short = IndicatorTrend(id: "I2", title: "Antal SIP-möten", unit: .count, direction: .increase,
                                   points: [try Self.point("2021", 12), try Self.point("2022", 15)])
        try Self.check(IndicatorTrendChart.svg(short, language: language), "indicator trend, 2 periods")
    }

    @Test(arguments: [Language.sv, .en])
    func likertBarsReadInPrint(_ language: Language) throws {
        let bars = Self.instrument.items.enumerated().map { k, item in
            LikertBars.Bar(item: item.key, n: 40, classes: k == 3 ? nil
                           : [.init(low: 1, high: 2, count: 6), .init(low: 3, high: 3, count: 5), .init(low: 4, high: 4, count: 9),
                              .init(low: 5, high: 5, count: 8), .init(low: 6, high: 7, count: 12)])
        }
        try Self.check(LikertBars.svg(bars: bars, instrument: Self.instrument, wave: "2023-03", unit: nil, empty: nil,
                                      language: language, recoded: true), "Likert bars")
    }

    @Test(arguments: [Language.sv, .en])
    func readinessChartsReadInPrint(_ language: Language) throws {
        let waves = [Self.aggregated, Self.wave("2022-03", shift: 0), Self.wave("2023-03", shift: 1)]
        let trend = ReadinessTrend.compute(waves, instrument: Self.instrument)
        try Self.check(ReadinessTrendChart.svg(trend, instrument: Self.instrument, language: language), "readiness trend")
        let summary = ReadinessSummary.compute(waves[2], instrument: Self.instrument)
        try Self.check(ReadinessHeatmap.svg(summary, instrument: Self.instrument, language: language), "heat map, 4 units")
    }

    /// The run chart as the report's blocks draw it (`ImprovementReport.blocks`): six
    /// cycles with long titles, a measure name longer than the plot is high.
    @Test(arguments: [Language.sv, .en])
    func runChartsReadInPrint(_ language: Language) throws {
        let start = try #require(CalendarDate(year: 2021, month: 1, day: 4)).dayNumber
        let points = (0..<24).map { (k: Int) -> MeasureSeries.Point in
            let date = CalendarDate(dayNumber: start + 14 * k)
            let value = Double(20 + k % 5 + k / 3)
            return MeasureSeries.Point(label: date.iso, date: date, value: value, denominator: 40)
        }
        let cycles = (0..<6).map { k in
            PDSACycle(id: "c\(k)", title: "Informationsbrev till barnet och vårdnadshavarna vid utredningens start, version \(k + 1)",
                      activity: "A1", changeIdea: "Brev", prediction: "Fler", start: CalendarDate(dayNumber: start + 40 * k + 20),
                      measure: "tidsplan")
        }
        let result = try RunChartAnalysis.analyse(MeasureSeries(name: "tidsplan", points: points, hasDenominator: true),
                                                  options: .init(chart: .p, freeze: 8), pdsa: cycles)
        let measure = ImprovementReport.Measure(
            // Named by its id spelt out, as long as the demo's longest measure name and more.
            measure: "antal-konsultationer-till-forskolor-och-skolor-inklusive-walk-and-talk-och-hembesok", chart: "p", points: 24, hiddenPoints: 0, first: points[0].label, last: points[23].label,
            centre: nil, centreNote: nil, usefulPoints: 24, longestRun: nil, longestRunMax: nil, crossings: nil, crossingsMin: nil,
            runsSignal: result.runsSignal, signalPossible: true, pointsOutsideLimits: nil,
            values: result.points.map { .init(label: $0.label, y: $0.y, yNote: nil) }, cycles: cycles.map(\.id),
            illustrativeCycles: false, imports: [], counts: nil, drawing: result)
        let model = try LogicModelPrintTests.model("vallingbyteamet.yaml")
        let blocks = ImprovementReport(measures: [measure], ramps: [], note: nil)
            .blocks(strings: ReportStrings(language), style: NumberStyle(language), model: model, threshold: 5, withheldNote: "suppressed")
        let figures = LogicModelPrintTests.figures(blocks)
        #expect(figures.count == 1)
        for f in figures { try Self.check(f.svg, "run chart") }
    }

    // MARK: Helår and tertial

    /// The values of each path drawn in a colour, as the chart's points: a line never
    /// joins a year's value to a tertial's.
    @Test func yearAndTertialAreSeparateLines() throws {
        let trend = try Self.mixedTrend()
        let svg = IndicatorTrendChart.svg(trend, language: .sv, withheld: [try #require(Period(parsing: "2021-T2"))])
        let paths = svg.matches(of: /<path d="([^"]+)" fill="none" stroke="(#[0-9A-F]{6})" stroke-width="2.2"\/>/)
            .map { (colour: String($0.2), xs: $0.1.matches(of: #/[ML]([\d.]+) /#).compactMap { Double($0.1) }) }
        // One line for the years (green), one for the tertials (blue, broken at the withheld T2 2021).
        let years = paths.filter { $0.colour == "#009E73" }, tertials = paths.filter { $0.colour == "#0072B2" }
        #expect(years.count == 1 && tertials.count == 1)
        // x of each period, as the chart spaces them: the years' line through the baseline
        // and three years (4 points), the tertials' through 8 (9 less the withheld one).
        #expect(years.first?.xs.count == 4)
        #expect(tertials.first?.xs.count == 8)
        let tertialPath = try #require(svg.firstMatch(of: /<path d="([^"]+)" fill="none" stroke="#0072B2"/)).1
        #expect(tertialPath.filter { $0 == "M" }.count == 2, "the line breaks at the withheld tertial: \(tertialPath)")
        // The legend and the text alternative say which is which.
        #expect(svg.contains("Utfall, helår (romb)") && svg.contains("Utfall, tertial (cirkel)"))
        #expect(svg.contains("Utfall för helår och tertial, skilda linjer"))
        #expect(IndicatorTrendChart.seriesNote(trend, language: .sv) == "Värden för helår (romb) och tertial (cirkel) är skilda linjer, inte en serie.")
        #expect(svg.contains("<desc id=\"indicator-trend-i10-desc\">Linjediagram. Värden för helår (romb) och tertial (cirkel)"))
        let en = IndicatorTrendChart.svg(trend, language: .en)
        #expect(en.contains("Outcome, full year (diamond)") && en.contains("Outcome, tertial (circle)"))
        #expect(IndicatorTrendChart.seriesNote(trend, language: .en) == "Values for full year (diamond) and tertial (circle) are separate lines, not one series.")
    }

    /// One kind of period: one blue line, "Utfall" in the legend, nothing said of kinds.
    @Test func oneKindIsOneLine() throws {
        let trend = IndicatorTrend(id: "I1", title: "Andel i tid", unit: .percent, direction: .increase,
                                   points: try ["2021-T1", "2021-T2", "2021-T3", "2022-T1"].map { try Self.point($0, 40) })
        let svg = IndicatorTrendChart.svg(trend)
        #expect(svg.matches(of: /fill="none" stroke="#0072B2" stroke-width="2.2"/).count == 1)
        #expect(!svg.contains("#009E73") && !svg.contains("helår"))
        #expect(IndicatorTrendChart.seriesNote(trend, language: .sv) == nil)
    }
}
