import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Evaluation
import LogicModel
import Testing
@testable import Presentation
@testable import Reports

/// The readiness charts are self-contained, accessible SVG: well-formed XML, a title
/// and description wired to aria-labelledby, colour-blind-safe colours, Swedish
/// decimal commas in Swedish.
@Suite struct ReadinessChartTests {
    static let instrument = Instrument(
        id: "t", name: "t", scale: ResponseScale(min: 1, max: 7, anchors: [ScaleAnchor(value: 1, sv: "instämmer inte alls", en: "do not agree"),
                                                                            ScaleAnchor(value: 7, sv: "instämmer helt", en: "agree")]),
        items: [SurveyItem(key: "understand_why", sv: "Jag förstår varför", shortSv: "Förstår varför", shortEn: "Understand why"),
                SurveyItem(key: "know", sv: "Jag vet vad det innebär", shortSv: "Vet vad det innebär", shortEn: "Know what it means")],
        subscales: [Subscale(key: "s", sv: "Delskala", en: "Subscale", items: ["understand_why", "know"])])

    static func wave(_ name: String, shift: Double) -> ReadinessWaveData {
        var respondents: [ReadinessRespondent] = []
        for (u, size) in [("Enhet A", 8), ("Enhet B & C", 6), ("Liten", 2)] {
            for r in 0..<size {
                let base = u == "Enhet A" ? 6.0 : 4.0
                respondents.append(ReadinessRespondent(unit: u, respondent: "\(u)\(r)",
                                                       answers: [min(7, base + Double(r % 2) + shift), min(7, base - 1 + Double(r % 3))]))
            }
        }
        return ReadinessWaveData(wave: name, items: ["understand_why", "know"], respondents: respondents)
    }

    static let summary = ReadinessSummary.compute(wave("2022-03", shift: 0), instrument: instrument)
    static let trend = ReadinessTrend.compute(
        [ReadinessWaveData(wave: "2021-03", items: ["understand_why", "know"],
                           unitMeans: [ReadinessUnitMeans(unit: "Enhet A", n: nil, means: [6.2, 5.0])]),
         wave("2022-03", shift: 0), wave("2023-03", shift: 1)], instrument: instrument)

    func wellFormed(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    func checkAccessible(_ svg: String, id: String) {
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"\(id)-title \(id)-desc\""))
        #expect(svg.contains("<title id=\"\(id)-title\">") && svg.contains("<desc id=\"\(id)-desc\">"))
        #expect(!svg.contains("<image") && !svg.contains("href=\"http"), "not self-contained")
        #expect(wellFormed(svg))
    }

    @Test func heatmapShowsValuesWithDecimalCommaAndSuppressesSmallUnits() {
        let svg = ReadinessHeatmap.svg(Self.summary, instrument: Self.instrument, language: .sv)
        checkAccessible(svg, id: "readiness-heatmap")
        #expect(svg.contains(">6,5<"))                // Enhet A, understand_why: mean of 6 and 7
        #expect(svg.contains("&lt;5"))               // "Liten" has 2 respondents
        #expect(svg.contains("Enhet B &amp; C"))      // escaped
        #expect(svg.contains("Förstår varför"))
        let en = ReadinessHeatmap.svg(Self.summary, instrument: Self.instrument, language: .en)
        #expect(en.contains(">6.5<") && en.contains("Understand why") && !en.contains(">6,5<"))
    }

    /// A heat map of one unit is narrower than its title: the title and subtitle wrap to
    /// the chart's width instead of running off it ("…mätning 2023-0" was all that showed).
    @Test(arguments: [Language.sv, .en])
    func headingWrapsToANarrowChart(_ language: Language) throws {
        let one = ReadinessWaveData(wave: "2023-03", items: ["understand_why", "know"],
                                    respondents: (0..<6).map { ReadinessRespondent(unit: "Enhet A", respondent: "r\($0)", answers: [5, 6]) })
        let summary = ReadinessSummary.compute(one, instrument: Self.instrument, minGroup: 5)
        let svg = ReadinessHeatmap.svg(summary, instrument: Self.instrument, language: language)
        checkAccessible(svg, id: "readiness-heatmap")
        let width = try #require(svg.firstMatch(of: /<svg [^>]*width="(\d+)"/).flatMap { Double($0.1) })
        func lines(size: String) -> [(x: Double, text: String)] {
            svg.matches(of: /<text x="([\d.]+)" y="[\d.]+" font-size="(\d+)" text-anchor="start"[^>]*>([^<]*)<\/text>/)
                .filter { $0.2 == size }.map { (Double($0.1)!, String($0.3)) }
        }
        // The wave by its month, as the caption names it, month and year on one line.
        let title = language == .sv ? "Förändringsbenägenhet per enhet, mätning mars\u{00A0}2023"
                                    : "Change readiness by unit, wave March\u{00A0}2023"
        let titleLines = lines(size: "17")
        #expect(titleLines.map(\.text).joined(separator: " ") == title)
        #expect(titleLines.count >= 2)
        for line in titleLines {
            #expect(line.x + Double(line.text.count) * 17 * 0.6 <= width, "\(line.text) runs off a \(width) px chart")
        }
        // Everything else at 12 px that starts at the left margin fits too.
        for line in lines(size: "12") where line.x == 16 {
            #expect(line.x + Double(line.text.count) * 12 * 0.55 <= width, "\(line.text) runs off a \(width) px chart")
        }
        // The grid starts below the heading.
        let lastHeading = try #require(svg.matches(of: /y="([\d.]+)" font-size="1[27]" text-anchor="start"/).map { Double($0.1)! }.max())
        let firstRect = try #require(svg.firstMatch(of: /<rect x="[\d.]+" y="([\d.]+)" width="1\d\d"/).flatMap { Double($0.1) })
        #expect(firstRect > lastHeading + 20)
    }

    @Test func trendChartMarksAggregatedWaves() {
        let svg = ReadinessTrendChart.svg(Self.trend, instrument: Self.instrument, kind: "item", key: "understand_why", language: .sv)
        checkAccessible(svg, id: "readiness-trend")
        #expect(svg.contains("sammanställd") && svg.contains("stroke-dasharray"))
        #expect(svg.contains("fill=\"#ffffff\" stroke=\"#0072B2\""))   // hollow marker, Okabe–Ito blue
        #expect(svg.contains("#D55E00"))                                 // second unit: vermillion
        #expect(svg.contains("6,20"))                                    // aggregated mean in the description
        let en = ReadinessTrendChart.svg(Self.trend, instrument: Self.instrument, language: .en)
        #expect(en.contains("aggregated") && en.contains("All statements"))
    }

    @Test func likertBarsUseTheDivergingPalette() {
        let svg = LikertBars.svg(Self.summary, instrument: Self.instrument, unit: "Enhet A", language: .sv)
        checkAccessible(svg, id: "likert-bars")
        for (i, colour) in ReadinessChartSupport.puOr(7).enumerated() where i != 3 { #expect(svg.contains(colour), "legend colour \(colour)") }
        #expect(svg.contains("#d4d4d4"))   // the neutral middle answer: grey, visible on white
        #expect(svg.contains("n = 8"))
        #expect(svg.contains("50\u{00A0}%"))   // half of Enhet A answered 7 to understand_why
        let pooled = LikertBars.svg(Self.summary, instrument: Self.instrument, language: .en)
        #expect(pooled.contains("n = 14") && pooled.contains("50%"))   // A and B pooled; Liten suppressed
    }

    @Test func likertChartOfAnAggregatedWaveSaysWhyItIsEmpty() {
        let aggregated = ReadinessSummary.compute(
            ReadinessWaveData(wave: "2021-03", items: ["understand_why", "know"],
                              unitMeans: [ReadinessUnitMeans(unit: "A", n: nil, means: [6.2, 5.0])]), instrument: Self.instrument)
        let svg = LikertBars.svg(aggregated, instrument: Self.instrument, language: .sv)
        #expect(wellFormed(svg) && svg.contains("bara medelvärden"))
        let heat = ReadinessHeatmap.svg(aggregated, instrument: Self.instrument, language: .sv)
        #expect(heat.contains(">6,2<") && heat.contains("Sammanställd mätning"))
    }

    @Test func paletteMathIsRight() {
        #expect(ReadinessChartSupport.puOrContinuous(0.5) == "#f7f7f7")
        #expect(ReadinessChartSupport.puOrContinuous(0) == "#7f3b08")
        #expect(ReadinessChartSupport.textColour(on: "#2d004b") == "#ffffff")
        #expect(ReadinessChartSupport.textColour(on: "#f7f7f7") == "#000000")
        #expect(ReadinessChartSupport.number(-0.25, digits: 2, .sv) == "−0,25")
    }
}
