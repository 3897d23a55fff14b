@testable import Evaluation
import Foundation
import LogicModel
import Periods
import Statistics
import Testing
@testable import Presentation

/// A reader decodes every mark a chart draws from the chart itself (issue 20, a FoU
/// reviewer reading the demo cold): a run chart's key names its diamonds, hollow points,
/// withheld points and a signal's dashed centre line — only where the chart has one —
/// and its `<desc>` says the same; an indicator trend names its withheld values.
@Suite struct RunChartKeyTests {
    /// An I chart of ten weekly values. With the 40: the mean is (5·10 + 4·12 + 40)/10 =
    /// 13,8; the moving ranges are eight 2s and a 28, whose mean 44/9 = 4,9 (or 2 once
    /// qicharts2's screening drops the 28, > 3,267 × 4,9) puts the limits at 13,8 ± 2,66 ×
    /// 4,9 = 0,8–26,8 (or 8,5–19,1): the 40 alone is outside either way; and the nine
    /// points before it all lie below 13,8, a run of 9 over Anhøj's limit for 10 useful
    /// points, round(log2(10) + 3) = 6 — a signal. Without the 40 (10, 12, … around 11):
    /// nothing outside, every point a crossing, no signal.
    static func chart(outlier: Bool, exclude: Set<Int> = []) throws -> RunChartResult {
        let start = try #require(CalendarDate(year: 2021, month: 1, day: 4)).dayNumber
        let values = (0..<10).map { k in k == 9 && outlier ? 40.0 : (k % 2 == 0 ? 10 : 12) }
        let points = values.enumerated().map { k, v in
            let date = CalendarDate(dayNumber: start + 7 * k)
            return MeasureSeries.Point(label: date.iso, date: date, value: v)
        }
        return try RunChartAnalysis.analyse(MeasureSeries(name: "besök", points: points, hasDenominator: false),
                                            options: .init(chart: .i, exclude: exclude))
    }

    /// The `<desc>`, entities undone.
    static func desc(_ svg: String) throws -> String {
        String(try #require(svg.firstMatch(of: /<desc id="runchart-desc">([^<]*)<\/desc>/)).1)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    }

    /// Vermillion diamonds: one per drawn point outside the limits, one more in the key.
    static func diamonds(_ svg: String) -> Int { svg.matches(of: /<path d="M[^"]+Z" fill="#D55E00"/).count }

    @Test func theKeyNamesTheDiamondAndTheSignalsCentreLine() throws {
        let result = try Self.chart(outlier: true)
        // The hand calculation above, as the analysis found it.
        #expect(result.points.map(\.signal) == Array(repeating: false, count: 9) + [true])
        #expect(result.runsSignal)
        let svg = RunChartSVG.render(result, options: .init(lang: .sv))
        #expect(Self.diamonds(svg) == 2, "the point and the key's sample")
        #expect(svg.contains(">Punkt utanför styrgränserna</text>"))
        #expect(svg.contains(">Mittlinjen, streckad när serieanalysen visar en signal</text>"))
        #expect(!svg.contains("Utesluten") && !svg.contains("Dolt"))
        let desc = try Self.desc(svg)
        #expect(desc.contains("romb: punkt utanför styrgränserna") && desc.contains("streckad linje: mittlinjen, streckad när serieanalysen visar en signal"),
                "\(desc)")
        let en = RunChartSVG.render(result, options: .init(lang: .en))
        #expect(en.contains(">Point outside the control limits</text>") && en.contains(">The centre line, dashed when the runs analysis signals</text>"))
        #expect(try Self.desc(en).contains("diamond: point outside the control limits"))
    }

    /// A chart with nothing special has no key: the words come only with the marks.
    @Test func aChartWithoutSpecialMarksHasNoKey() throws {
        let result = try Self.chart(outlier: false)
        #expect(result.pointsOutsideLimits == 0 && !result.runsSignal)
        let svg = RunChartSVG.render(result, options: .init(lang: .sv))
        #expect(Self.diamonds(svg) == 0)
        for words in ["Punkt utanför styrgränserna", "Serieanalysen visar", "Utesluten", "Dolt", "romb"] {
            #expect(!svg.contains(words), "\(words)")
        }
    }

    /// The report withholds points (no value drawn, "<5" or ".." at the foot): the key
    /// says what the label means — the limit "<5" states, none for "..". Where the one
    /// point outside the limits is withheld, no diamond is drawn and none is named.
    @Test(arguments: [("<5", "Dolt, bygger på färre än 5", "<5: dolt, bygger på färre än 5"),
                      ("..", "Dolt, bygger på ett litet antal", "..: dolt, bygger på ett litet antal")])
    func theKeyNamesAWithheldPointsLabel(_ label: String, _ key: String, _ spoken: String) throws {
        var result = try Self.chart(outlier: true)
        result.points[2].y = nil
        let svg = RunChartSVG.render(result, options: .init(lang: .sv, suppressed: [3], suppressedLabel: label))
        #expect(svg.contains(">\(key)</text>"))
        let drawnLabel = Escape.xml(label)
        // The label at the withheld point's foot and as the key's sample.
        #expect(svg.matches(of: try Regex(">\(NSRegularExpression.escapedPattern(for: drawnLabel))</text>")).count == 2)
        #expect(try Self.desc(svg).contains(spoken))

        result.points[9].y = nil
        let hidden = RunChartSVG.render(result, options: .init(lang: .sv, suppressed: [3, 10], suppressedLabel: label))
        let hiddenDesc = try Self.desc(hidden)
        #expect(Self.diamonds(hidden) == 0 && !hidden.contains("Punkt utanför styrgränserna") && !hiddenDesc.contains("romb"))
        // The count over the plot still counts the withheld point, and says it is not drawn.
        #expect(svg.contains(">1 punkt utanför styrgränserna</text>"))
        let outside = "1 punkt utanför styrgränserna, dold (\(label))"
        #expect(hidden.contains(">\(Escape.xml(outside))</text>") && hiddenDesc.contains(outside), "\(hiddenDesc)")
        let en = RunChartSVG.render(result, options: .init(lang: .en, suppressed: [3, 10], suppressedLabel: "<5"))
        #expect(en.contains(">Withheld, built on fewer than 5</text>"))
    }

    /// "7 punkter utanför styrgränserna" beside one diamond read as a miscount (a cold read
    /// of the demo's P charts): the line says how many of them are withheld.
    @Test func theCountOutsideTheLimitsSaysHowManyAreWithheld() throws {
        // The outlier and, marked by hand, the first three points outside the limits.
        var result = try Self.chart(outlier: true)
        for i in 0..<3 { result.points[i].signal = true }
        #expect(result.pointsOutsideLimits == 4)
        func line(_ suppressed: Set<Int>, _ lang: RunChartSVG.Language = .sv, label: String = "..") throws -> String {
            var r = result
            for i in r.points.indices where suppressed.contains(r.points[i].index) { r.points[i].y = nil }
            return try Self.desc(RunChartSVG.render(r, options: .init(lang: lang, suppressed: suppressed, suppressedLabel: label)))
        }
        #expect(try line([]).contains("4 punkter utanför styrgränserna."))
        #expect(try line([1, 10]).contains("4 punkter utanför styrgränserna, varav 2 dolda (..)."))
        #expect(try line([2]).contains("4 punkter utanför styrgränserna, varav 1 dold (..)."))
        #expect(try line([1, 2, 3, 10], label: "<5").contains("4 punkter utanför styrgränserna, alla dolda (<5)."))
        // A withheld point inside the limits is not among them.
        #expect(try line([5]).contains("4 punkter utanför styrgränserna."))
        #expect(try line([1, 10], .en).contains("4 points outside the control limits, 2 of them withheld (..)."))
    }

    /// An excluded point is drawn hollow; the key says it is left out of the calculations.
    @Test func theKeyNamesAnExcludedPoint() throws {
        let result = try Self.chart(outlier: true, exclude: [4])
        #expect(result.points.filter { !$0.included }.map(\.index) == [4])
        let svg = RunChartSVG.render(result, options: .init(lang: .sv))
        // The hollow point and the key's sample.
        #expect(svg.matches(of: /<circle [^>]*fill="#FFFFFF" stroke="#0072B2"/).count == 2)
        #expect(svg.contains(">Utesluten, inte med i beräkningarna</text>"))
        #expect(try Self.desc(svg).contains("ihålig punkt: utesluten, inte med i beräkningarna"))
    }

    /// The key takes room under the plot, and the chart still reads in print (nothing
    /// off the chart, no text under 8 pt) at a report's size.
    @Test func aChartWithAKeyStillReadsInPrint() throws {
        var result = try Self.chart(outlier: true, exclude: [4])
        result.points[2].y = nil
        let svg = RunChartSVG.render(result, options: .init(lang: .sv, width: ChartPrint.width, height: ChartPrint.runChartHeight,
                                                            suppressed: [3], suppressedLabel: ".."))
        try ChartPrintTests.check(svg, "run chart with a key of four marks")
    }
}

/// An indicator trend: a withheld value's label named in the legend in the same words
/// as a run chart's; a survey mean on its scale's whole range; a year's place on an
/// axis shared with tertials reads "helår".
@Suite struct IndicatorTrendKeyTests {
    static func trend(_ values: [(String, Double?)], unit: IndicatorUnit = .percent) throws -> IndicatorTrend {
        IndicatorTrend(id: "I10", title: "Andel i tid", unit: unit, direction: .increase,
                       points: try values.map { try ChartPrintTests.point($0.0, $0.1) })
    }

    @Test func aWithheldValueIsNamedOnlyWhereOneIs() throws {
        let trend = try Self.trend([("2021", 80), ("2022", nil), ("2023", 75)])
        let withheld: Set<Period> = [try #require(Period(parsing: "2022"))]
        let dots = IndicatorTrendChart.svg(trend, suppressedLabel: "..", withheld: withheld)
        #expect(dots.contains(">Utfall; ..: dolt, bygger på ett litet antal</text>"))
        #expect(dots.contains("2022: .. (dolt, bygger på ett litet antal)"), "the description says it too")
        let small = IndicatorTrendChart.svg(trend, suppressedLabel: "<5", withheld: withheld)
        #expect(small.contains("&lt;5: dolt, bygger på färre än 5"))
        let en = IndicatorTrendChart.svg(trend, language: .en, suppressedLabel: "<5", withheld: withheld)
        #expect(en.contains("&lt;5: withheld, built on fewer than 5"))
        #expect(!IndicatorTrendChart.svg(trend).contains("dolt"), "nothing withheld, nothing named")
    }

    /// The y axis's tick labels with their y (the label sits 4 px below its grid line).
    static func ticks(_ svg: String) -> [(label: String, y: Double)] {
        svg.matches(of: /<text x="[\d.]+" y="([\d.]+)" font-size="12" text-anchor="end" fill="#000000">([^<]*)<\/text>/)
            .compactMap { m in Double(m.1).map { (String(m.2), $0 - 4) } }
    }

    /// Two statements of a 1–7 survey whose means lie far apart (5,03–5,15 and 3,85–4,49)
    /// drawn on one axis, 1 to 7 — before, ticks 4,5–5,5 and 4,0–4,5 — so they compare at a
    /// glance, as the readiness trend draws the same scale.
    @Test func surveyMeansAreDrawnOnTheScalesWholeRange() throws {
        let scale = ChartPrintTests.instrument.scale
        let high = try Self.trend([("2021", 5.0333), ("2022", 5.1071), ("2023", 5.15)], unit: .mean)
        let low = try Self.trend([("2021", 3.87), ("2022", 3.85), ("2023", 4.49)], unit: .mean)
        let charts = [high, low].map { IndicatorTrendChart.svg($0, language: .sv, scale: scale) }
        for svg in charts {
            #expect(Self.ticks(svg).map(\.label) == ["1", "2", "3", "4", "5", "6", "7"])
            #expect(svg.contains("Utfall per period, medelvärde på skalan 1–7 (högre är bättre)"))
        }
        // The same place for the same value in both.
        #expect(Self.ticks(charts[0]).map(\.y) == Self.ticks(charts[1]).map(\.y))
        // A marker where the scale puts it: 5,15 is (5,15 − 1)/6 of the way from 1 to 7.
        let ys = Self.ticks(charts[0]).map(\.y)
        let one = try #require(ys.first), seven = try #require(ys.last)
        let marker = try #require(charts[0].matches(of: /<circle cx="[\d.]+" cy="([\d.]+)" r="4.50"/).last.flatMap { Double($0.1) })
        #expect(abs(marker - (one - (one - seven) * 4.15 / 6)) < 0.01, "\(marker)")
        // The readiness trend draws the same axis for the same scale.
        let waves = [ChartPrintTests.wave("2022-03", shift: 0), ChartPrintTests.wave("2023-03", shift: 1)]
        let readiness = ReadinessTrendChart.svg(ReadinessTrend.compute(waves, instrument: ChartPrintTests.instrument),
                                                instrument: ChartPrintTests.instrument, language: .sv)
        #expect(readiness.matches(of: /<text x="[\d.]+" y="[\d.]+" font-size="12" text-anchor="end" fill="#000000">(\d)<\/text>/)
            .map { String($0.1) } == ["1", "2", "3", "4", "5", "6", "7"])
        // Without a scale the axis still fits the values (a count, a share, a ratio).
        #expect(Self.ticks(IndicatorTrendChart.svg(high)).map(\.label) != ["1", "2", "3", "4", "5", "6", "7"])
        try ChartPrintTests.check(charts[1], "indicator trend on a 1–7 scale")
    }

    /// The labels under the axis, by line (top line first), left to right.
    static func axisLines(_ svg: String) -> [[String]] {
        let labels = svg.matches(of: /<text x="([\d.]+)" y="([\d.]+)" font-size="12" text-anchor="middle" fill="#000000">([^<]*)<\/text>/)
            .map { (x: Double($0.1)!, y: Double($0.2)!, text: String($0.3)) }
        // The axis's one or two lines (14 px apart) are the lowest; value labels sit in the plot above.
        let bottom = labels.map(\.y).max() ?? 0
        return Dictionary(grouping: labels.filter { $0.y >= bottom - 14 }, by: \.y).sorted { $0.key < $1.key }
            .map { $0.value.sorted { $0.x < $1.x }.map(\.text) }
    }

    /// Helår and tertial on one axis: a year's place reads "helår" over its year, beside
    /// "T1" over it, and every place keeps its label — the demo's twelve periods (a chart
    /// 508 px wide, 42,3 px a period: "helår" and "T1" need (5 + 2)/2 × 7,2 + 8 = 33,2 px,
    /// "2020" and "2020" 4 × 7,2 + 8 = 36,8). Where two years are neighbours ("helår" beside
    /// "helår" needs 44 px) on 13 places (39,1 px), "år" over its year, still every place.
    @Test func aYearsPlaceReadsHelårBesideTertials() throws {
        let mixed = try ChartPrintTests.mixedTrend()
        let twelve = IndicatorTrend(id: mixed.id, title: mixed.title, unit: mixed.unit, direction: mixed.direction,
                                    points: Array(mixed.points.dropFirst()))   // without the baseline year 2019
        let lines = Self.axisLines(IndicatorTrendChart.svg(twelve, language: .sv))
        let yearsLine: [String] = (2020...2022).flatMap { (year: Int) -> [String] in Array(repeating: String(year), count: 4) }
        let kindsLine: [String] = Array(Array(repeating: ["helår", "T1", "T2", "T3"], count: 3).joined())
        #expect(lines == [kindsLine, yearsLine], "\(lines)")
        // The baseline year 2019 beside 2020: each year's place "år".
        let thirteen = Self.axisLines(IndicatorTrendChart.svg(mixed, language: .sv))
        let compactLine: [String] = ["år"] + Array(Array(repeating: ["år", "T1", "T2", "T3"], count: 3).joined())
        #expect(thirteen == [compactLine, ["2019"] + yearsLine], "\(thirteen)")
        let en = Self.axisLines(IndicatorTrendChart.svg(twelve, language: .en))
        let enLine: [String] = Array(Array(repeating: ["year", "T1", "T2", "T3"], count: 3).joined())
        #expect(en.first == enLine, "\(en)")
        // Years alone: "2021", no kind named.
        let years = IndicatorTrendChart.svg(try Self.trend([("2020", 40), ("2021", 42), ("2022", 44)]))
        #expect(Self.axisLines(years) == [["2020", "2021", "2022"]])
        // Few periods: in full, "helår" over "2021" beside "tertial 1" over "2021".
        let few = IndicatorTrendChart.svg(try Self.trend([("2021", 100), ("2021-T1", 40), ("2021-T2", 43), ("2021-T3", 17)], unit: .count))
        #expect(Self.axisLines(few) == [["helår", "tertial 1", "tertial 2", "tertial 3"], ["2021", "2021", "2021", "2021"]])
    }
}
