@testable import Presentation
import Evaluation
import Testing

/// A measure's runs analysis in words when the team set a baseline: the baseline first,
/// since every other figure is read against it, and a P chart's baseline of 0 % said to
/// have no spread (its limits lie on the line, so "5 outside the limits" beside "no
/// signal can be detected with 5 useful points" would read as a contradiction).
@Suite struct ImprovementWordsTests {
    static func measure(chart: String, centre: Double, baseline: StoredMeasureReading.Baseline?, useful: Int,
                        outside: Int?) -> ImprovementReport.Measure {
        ImprovementReport.Measure(
            measure: "m", chart: chart, points: 16, hiddenPoints: 0, first: "2020-09", last: "2021-12", centre: centre,
            centreNote: nil, usefulPoints: useful, longestRun: 5, longestRunMax: 5, crossings: 0, crossingsMin: 0,
            runsSignal: false, signalPossible: useful > 5, pointsOutsideLimits: outside, values: [], cycles: [],
            illustrativeCycles: false, imports: [], counts: nil, drawing: nil, title: "Familjerådslag", baseline: baseline)
    }

    @Test func aFlatBaselineIsSaidFirstAndExplainsTheLimits() {
        let flat = Self.measure(chart: "p", centre: 0, baseline: .init(points: 7, first: "2020-09", last: "2021-03"),
                                useful: 5, outside: 5)
        let sv = flat.words(strings: ReportStrings(.sv), style: NumberStyle(.sv), threshold: 5)
        #expect(sv.hasPrefix("Centrumlinjen och styrgränserna räknas på baslinjen, de 7 mätpunkterna september 2020 – mars 2021, och senare punkter bedöms mot dem. Baslinjens centrumlinje är 0,0\u{A0}%. Baslinjen har då ingen spridning"), "\(sv)")
        #expect(sv.contains("Serieanalysen (serier och korsningar) kan inte ge någon signal med 5 användbara punkter. 5 punkter ligger utanför styrgränserna, en signal om förändring."))
        let en = flat.words(strings: ReportStrings(.en), style: NumberStyle(.en), threshold: 5)
        #expect(en.contains("The baseline then has no spread"), "\(en)")
        // A baseline with spread says nothing of it; without a baseline, the centre line as before.
        let spread = Self.measure(chart: "p", centre: 0.268, baseline: .init(points: 5, first: "2020-09", last: "2021-01"),
                                  useful: 16, outside: 7)
        #expect(!spread.words(strings: ReportStrings(.sv), style: NumberStyle(.sv), threshold: 5).contains("ingen spridning"))
        let none = Self.measure(chart: "p", centre: 0.321, baseline: nil, useful: 14, outside: 0)
        let text = none.words(strings: ReportStrings(.sv), style: NumberStyle(.sv), threshold: 5)
        #expect(text.contains("Centrumlinjen är 32,1\u{A0}%.") && !text.contains("baslinje"))
        // A run chart's baseline gives its median.
        let run = Self.measure(chart: "run", centre: 2, baseline: .init(points: 7, first: "2021-v02", last: "2021-v08"),
                               useful: 24, outside: nil)
        #expect(run.words(strings: ReportStrings(.sv), style: NumberStyle(.sv), threshold: 5)
            .hasPrefix("Medianen räknas på baslinjen, de 7 mätpunkterna 2021-v02–2021-v08, och senare punkter bedöms mot den. Baslinjens median är 2,00."))
    }

    /// The words name the mark the chart draws where a point is withheld: "<5" on a run
    /// chart of counts, ".." on a P chart (which draws "..", a share naming no count).
    @Test func aWithheldPointIsNamedByTheChartsMark() {
        var p = Self.measure(chart: "p", centre: 0.3, baseline: nil, useful: 14, outside: 0)
        p.hiddenPoints = 2
        let sv = p.words(strings: ReportStrings(.sv), style: NumberStyle(.sv), threshold: 5)
        #expect(sv.contains("2 punkter bygger på färre än 5 och visas inte (..); de ingår i analysen."), "\(sv)")
        var run = Self.measure(chart: "run", centre: 2, baseline: nil, useful: 14, outside: nil)
        run.hiddenPoints = 1
        let en = run.words(strings: ReportStrings(.en), style: NumberStyle(.en), threshold: 5)
        #expect(en.contains("1 point rests on fewer than 5 and is not shown (<5); it is part of the analysis."), "\(en)")
    }

    /// A chart not drawn says how many points could be shown, so its counts add up:
    /// 16 points, 14 withheld, one missing, one shown (it said "färre än två" beside "14").
    @Test func aChartNotDrawnSaysHowManyPointsCouldBeShown() {
        var p = Self.measure(chart: "p", centre: 0.3, baseline: nil, useful: 14, outside: 0)
        p.hiddenPoints = 14
        p.values = (1...16).map { i in
            ImprovementReport.Value(label: "p\(i)", y: i == 1 ? 0.4 : nil, yNote: i == 2 ? "missing" : i == 1 ? nil : "suppressed")
        }
        let sv = p.words(strings: ReportStrings(.sv), style: NumberStyle(.sv), threshold: 5)
        #expect(sv.contains("Diagrammet visas inte: bara en av de 16 mätpunkterna kan visas utan att små antal röjs."), "\(sv)")
        #expect(sv.contains("14 punkter bygger på färre än 5 och visas inte (..)") && sv.contains("1 mätpunkt saknar värde."), "\(sv)")
        p.values = p.values.map { ImprovementReport.Value(label: $0.label, y: nil, yNote: $0.yNote) }
        let none = p.words(strings: ReportStrings(.sv), style: NumberStyle(.sv), threshold: 5)
        #expect(none.contains("ingen av de 16 mätpunkterna kan visas") && none.contains("2 mätpunkter saknar värde."), "\(none)")
    }

    /// The count outside the limits includes withheld points, which a drawn chart shows
    /// no diamond for (a cold read: "7 punkter utanför styrgränserna" beside one diamond):
    /// the words say how many of them the chart shows.
    @Test func theWordsSayHowManyPointsOutsideTheLimitsAreShown() throws {
        // An I chart whose one point outside the limits, the last, is withheld.
        var drawing = try RunChartKeyTests.chart(outlier: true)
        drawing.points[9].y = nil
        var m = Self.measure(chart: "i", centre: 13.8, baseline: nil, useful: 10, outside: 1)
        m.hiddenPoints = 1
        m.drawing = drawing
        m.values = drawing.points.map { ImprovementReport.Value(label: $0.label, y: $0.y, yNote: $0.y == nil ? "suppressed" : nil) }
        let one = m.words(strings: ReportStrings(.sv), style: NumberStyle(.sv), threshold: 5)
        #expect(one.contains("1 punkt ligger utanför styrgränserna, en signal om förändring. Diagrammet visar den inte: den är dold."), "\(one)")
        // Two drawn points outside as well: two of three shown.
        m.drawing?.points[0].signal = true
        m.drawing?.points[1].signal = true
        m.pointsOutsideLimits = 3
        let sv = m.words(strings: ReportStrings(.sv), style: NumberStyle(.sv), threshold: 5)
        #expect(sv.contains("3 punkter ligger utanför styrgränserna, en signal om förändring. Diagrammet visar 2 av dem; 1 är dold."), "\(sv)")
        let en = m.words(strings: ReportStrings(.en), style: NumberStyle(.en), threshold: 5)
        #expect(en.contains("The chart shows 2 of them; 1 is withheld."), "\(en)")
        // Nothing withheld among them: nothing more said.
        m.drawing?.points[9].signal = false
        m.pointsOutsideLimits = 2
        #expect(!m.words(strings: ReportStrings(.sv), style: NumberStyle(.sv), threshold: 5).contains("Diagrammet visar"))
    }
}
