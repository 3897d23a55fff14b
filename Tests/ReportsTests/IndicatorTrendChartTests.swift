@testable import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Reports
import Statistics
import Testing

@Suite("Indicator trend chart")
struct IndicatorTrendChartTests {
    func trend(tertials: Int) -> IndicatorTrend {
        let points = (0..<tertials).map { i in
            TrendPoint(period: Period(parsing: "\(2018 + i / 3)-T\(i % 3 + 1)")!, source: "observation",
                       total: GroupFigure(value: Figure(Double(40 + i) + 0.25), ciLow: Figure(undefined: "no interval"),
                                          ciHigh: Figure(undefined: "no interval")),
                       groups: [:], change: Figure(undefined: "first period"), target: nil, cityTarget: nil,
                       status: .noData, interim: false)
        }
        return IndicatorTrend(id: "I1", title: "Andel i tid", unit: .percent, direction: .increase, points: points)
    }

    /// The labels under the x axis: the text elements centred at the foot of the plot.
    func axisLabels(_ svg: String) -> [(x: Double, y: Double, text: String)] {
        let pattern = try! NSRegularExpression(pattern: ##"<text x="([\d.]+)" y="([\d.]+)" font-size="12" text-anchor="middle" fill="#000000">([^<]*)</text>"##)
        let ns = svg as NSString
        return pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map {
            (Double(ns.substring(with: $0.range(at: 1)))!, Double(ns.substring(with: $0.range(at: 2)))!, ns.substring(with: $0.range(at: 3)))
        }.filter { !$0.text.contains("%") }   // value labels above the markers carry a "%"
    }

    /// The value labels above the markers, left to right.
    func valueLabels(_ svg: String) -> [(x: Double, text: String)] {
        let pattern = try! NSRegularExpression(pattern: ##"<text x="([\d.]+)" y="[\d.]+" font-size="12" text-anchor="middle" fill="#000000">([^<]*%)</text>"##)
        let ns = svg as NSString
        return pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map {
            (Double(ns.substring(with: $0.range(at: 1)))!, ns.substring(with: $0.range(at: 2)))
        }.sorted { $0.x < $1.x }
    }

    /// Nine tertials (three years) get every label, "T1" over "2018" (short where
    /// "tertial 1" does not fit); 21 tertials as many as fit; drawn labels never overlap (12 px text, about 0.6 em a character).
    @Test(arguments: [9, 21])
    func periodAndValueLabelsDoNotRunIntoEachOther(tertials: Int) {
        let svg = IndicatorTrendChart.svg(trend(tertials: tertials))
        let labels = axisLabels(svg)
        let lines = Dictionary(grouping: labels, by: \.y).sorted { $0.key < $1.key }.map { $0.value.sorted { $0.x < $1.x } }
        #expect(lines.count == 2)
        // "tertial 1" does not fit nine periods on a chart of print width (600 px): "T1" does.
        #expect(lines[0].first?.text == "T1" && lines[1].first?.text == "2018")
        if tertials == 9 { #expect(lines[0].count == 9) } else { #expect(lines[0].count >= 5) }
        for line in lines {
            for (a, b) in zip(line, line.dropFirst()) {
                let room = (Double(a.text.count) + Double(b.text.count)) / 2 * 12 * 0.6
                #expect(b.x - a.x >= room, "\(a.text) at \(a.x) and \(b.text) at \(b.x) overlap")
            }
        }
        // Value labels ("40,25 %" …): on every marker of nine, on some of 21 and on the
        // newest, never over each other.
        let values = valueLabels(svg)
        if tertials == 9 { #expect(values.count == 9) } else { #expect(values.count < tertials && values.last?.text.hasPrefix("60") == true) }
        for (a, b) in zip(values, values.dropFirst()) {
            #expect(b.x - a.x >= (Double(a.text.count) + Double(b.text.count)) / 2 * 12 * 0.6, "\(a.text) and \(b.text) overlap")
        }
        // Every period is still named for screen readers.
        #expect(svg.contains("tertial 3 \(2018 + (tertials - 1) / 3)"))
    }
}

/// The chart's scale and legend say no more than the data: a mean that moves by 0,1 is
/// not drawn from floor to ceiling, and a target in words ("förbättras") draws no line,
/// so the legend names none (issue 20, the reviewer's pages 27–33).
@Suite("Indicator trend chart: scale and legend")
struct IndicatorTrendChartScaleTests {
    func point(_ period: String, _ value: Double, target: String? = nil) throws -> TrendPoint {
        let reading = try target.map {
            TargetReading(rule: try TargetRule(parsing: $0), period: Period(parsing: period)!, setBy: .unit, note: nil,
                          interim: false, status: .noData, statusNote: nil)
        }
        return TrendPoint(period: Period(parsing: period)!, source: "observation",
                          total: GroupFigure(value: Figure(value), ciLow: Figure(undefined: "no interval"), ciHigh: Figure(undefined: "no interval")),
                          groups: [:], change: Figure(undefined: "first period"), target: reading, cityTarget: nil,
                          status: .noData, interim: false)
    }

    /// The y axis's tick labels (right-aligned at the axis).
    func ticks(_ svg: String) -> [Double] {
        let pattern = try! NSRegularExpression(pattern: ##"<text x="[\d.]+" y="[\d.]+" font-size="12" text-anchor="end"[^>]*>([^<]*)</text>"##)
        let ns = svg as NSString
        return pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)).compactMap {
            Double(ns.substring(with: $0.range(at: 1)).replacingOccurrences(of: ",", with: "."))
        }
    }

    @Test func aSmallChangeIsDrawnOnAScaleOfAFifthOfItsValue() throws {
        let trend = IndicatorTrend(id: "I1", title: "Jag förstår varför utvecklingsarbetet behövs", unit: .mean,
                                   direction: .increase, points: [try point("2021", 5.0), try point("2022", 5.1)])
        let ticks = ticks(IndicatorTrendChart.svg(trend))
        // Values 5,0–5,1: the axis spans at least 0,2 × 5,1 = 1,02 (less the padding it
        // then gets), so its ticks run over more than 0,8 — before, 0,1 filled the plot.
        #expect(ticks.count >= 2, "\(ticks)")
        #expect((ticks.max() ?? 0) - (ticks.min() ?? 0) >= 0.8, "\(ticks)")
    }

    @Test func theLegendNamesATargetLineOnlyWhereOneIsDrawn() throws {
        let words = IndicatorTrend(id: "I11", title: "Andel åter aktualiserade", unit: .percent, direction: .decrease,
                                   points: [try point("2021", 14.6, target: "improve"), try point("2022", 17.9, target: "improve")])
        #expect(!IndicatorTrendChart.svg(words).contains("Enhetens årsmål"))
        let line = IndicatorTrend(id: "I10", title: "Andel i tid", unit: .percent, direction: .increase,
                                  points: [try point("2021", 85.4, target: ">= 90"), try point("2022", 80.8, target: ">= 90")])
        #expect(IndicatorTrendChart.svg(line).contains("Enhetens årsmål (streckad)"))
    }
}
