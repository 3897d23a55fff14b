import Evaluation
import Foundation
import LogicModel

/// One measure (a scale score or an item) per unit across waves: a line per unit in the
/// Okabe–Ito palette, each with its own marker shape too (so colour is never the only
/// cue), 95 % CIs as error bars. A point from an aggregated wave (unit means only) is a
/// hollow marker without a bar, and the chart says what that means. At most
/// `ChartPrint.width` wide with 12 px text (9 pt in print), the units named under the plot.
public enum ReadinessTrendChart {
    /// - Parameters:
    ///   - kind: "scale" or "item"; `key` the scale or item key (default the all-items score).
    public static func svg(_ trend: ReadinessTrend, instrument: Instrument, kind: String = "scale",
                           key: String = ReadinessScoring.allItemsKey, language: Language = .sv) -> String {
        typealias S = ReadinessChartSupport
        let sv = language == .sv
        let scale = instrument.scale
        let series = trend.series.filter { $0.kind == kind && $0.key == key }
        let waves = trend.waves
        // Waves as the report's text names them ("mars 2023", not "2023-03").
        let numbers = NumberStyle(language)
        let waveNames = waves.map { numbers.periodLabel($0.wave) }
        let measure: String = kind == "item"
            ? (instrument.item(key).map { ReadinessChartSupport.itemLabel($0, language) } ?? key)
            : (ReadinessScoring.scales(of: instrument).first { $0.key == key }.map { sv ? $0.sv : $0.en } ?? key)

        let title = sv ? "\(measure): utveckling per enhet" : "\(measure): trend by unit"
        let subtitle = sv ? "Medelvärde (skala \(scale.min)–\(scale.max)) med 95\u{00A0}% konfidensintervall"
                          : "Mean (\(scale.min)–\(scale.max) scale) with 95% confidence interval"
        let description = (sv ? "Linjediagram över mätningarna \(waveNames.joined(separator: ", ")). "
                              : "Line chart over the waves \(waveNames.joined(separator: ", ")). ")
            + series.map { s in
                "\(s.unit): " + s.points.map { p in
                    numbers.periodLabel(p.wave) + " " + (p.mean.value.map { S.number($0, digits: 2, language) } ?? (sv ? "saknas" : "missing"))
                }.joined(separator: ", ")
            }.joined(separator: ". ")

        // At most `ChartPrint.width` wide, 12 px text (9 pt in print); the legend under
        // the plot, a unit a row, so long unit names do not narrow it.
        let text = ChartPrint.text, small = ChartPrint.smallText
        let width = ChartPrint.width
        let titleLines = ChartPrint.lines(title, size: 17, width: width - 32, bold: true)
        let subtitleLines = ChartPrint.lines(subtitle, size: text, width: width - 32)
        var heading = ""
        var headingY = 26.0
        for line in titleLines { heading += S.text(line, x: 16, y: headingY, size: 17, weight: "bold"); headingY += 21 }
        headingY -= 1
        for line in subtitleLines { heading += S.text(line, x: 16, y: headingY, size: text, fill: "#333333"); headingY += 15 }
        let left = 56.0, top = headingY + 18, plotW = width - left - 24, plotH = 260.0
        let hasAggregated = waves.contains(where: \.aggregated)
        // A wave's name on one line where it fits its place on the axis, else the month
        // over the year ("mars" over "2023"), as the indicator charts write periods.
        let spacing = plotW / Double(max(waves.count, 1))
        let waveLines = waveNames.map { name in
            S.width(name, size: text) + 8 <= spacing ? [name] : IndicatorTrendChart.labelLines(name)
        }
        let waveLineCount = Double(waveLines.map(\.count).max() ?? 1)
        let legendLines = series.map { ChartPrint.lines($0.unit, size: text, width: width - left - 40) }
        let legendTop = top + plotH + (hasAggregated ? 58 : 44) + (waveLineCount - 1) * 14
        let legendBottom = legendTop + 20 + legendLines.reduce(0) { $0 + 6 + Double(max($1.count, 1)) * 14 }
        let noteLines = hasAggregated
            ? ChartPrint.lines(sv ? "Ihålig markör och streckad linje: sammanställd mätning, enbart medelvärden som de redovisades – inget konfidensintervall eller test."
                                  : "Hollow marker and dashed line: aggregated wave, unit means only as reported – no confidence interval or test.",
                               size: small, width: width - 32)
            : []
        let height = legendBottom + Double(noteLines.count) * 14 + 8
        // The scale's whole range, as every chart of the scale draws it (`scaleRange`).
        let (lo, hi) = S.scaleRange(scale)
        func xAt(_ i: Int) -> Double { left + plotW * (Double(i) + 0.5) / Double(max(waves.count, 1)) }
        func yAt(_ v: Double) -> Double { top + plotH * (1 - (min(hi, max(lo, v)) - lo) / (hi - lo)) }

        var svg = S.open(width: width, height: height, id: "readiness-trend", title: title, description: description)
        svg += heading
        // Axes and grid.
        svg += S.scaleGrid(scale, left: left, width: plotW, y: yAt, size: text)
        svg += "<line x1=\"\(S.f(left))\" x2=\"\(S.f(left))\" y1=\"\(S.f(top))\" y2=\"\(S.f(top + plotH))\" stroke=\"#333333\"/>\n"
        svg += "<line x1=\"\(S.f(left))\" x2=\"\(S.f(left + plotW))\" y1=\"\(S.f(top + plotH))\" y2=\"\(S.f(top + plotH))\" stroke=\"#333333\"/>\n"
        for (i, w) in waves.enumerated() {
            for (k, line) in waveLines[i].enumerated() {
                svg += S.text(line, x: xAt(i), y: top + plotH + 18 + Double(k) * 14, size: text, anchor: "middle")
            }
            if w.aggregated {
                svg += S.text(sv ? "(sammanställd)" : "(aggregated)", x: xAt(i), y: top + plotH + 18 + Double(waveLines[i].count) * 14,
                              size: small, anchor: "middle", fill: "#555555")
            }
        }
        // Series: slightly offset horizontally so error bars do not overlap.
        let offsetStep = min(10.0, 60.0 / Double(max(series.count, 1)))
        for (k, s) in series.enumerated() {
            let colour = S.okabeIto[k % S.okabeIto.count]
            let dx = (Double(k) - Double(series.count - 1) / 2) * offsetStep
            // Segments touching an aggregated wave are dashed: that change is descriptive only.
            var previous: (x: Double, y: Double, aggregated: Bool)?
            for (i, p) in s.points.enumerated() {
                guard let m = p.mean.value else { previous = nil; continue }
                let here = (x: xAt(i) + dx, y: yAt(m), aggregated: p.aggregated)
                if let a = previous {
                    let dash = a.aggregated || here.aggregated ? " stroke-dasharray=\"5 4\"" : ""
                    svg += "<path d=\"M\(S.f(a.x)) \(S.f(a.y)) L\(S.f(here.x)) \(S.f(here.y))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>\n"
                }
                previous = here
            }
            for (i, p) in s.points.enumerated() {
                guard let m = p.mean.value else { continue }
                let x = xAt(i) + dx
                if let l = p.ciLow.value, let h = p.ciHigh.value {
                    svg += "<path d=\"M\(S.f(x)) \(S.f(yAt(l))) L\(S.f(x)) \(S.f(yAt(h))) M\(S.f(x - 4)) \(S.f(yAt(l))) L\(S.f(x + 4)) \(S.f(yAt(l))) M\(S.f(x - 4)) \(S.f(yAt(h))) L\(S.f(x + 4)) \(S.f(yAt(h)))\" stroke=\"\(colour)\" stroke-width=\"1.5\" fill=\"none\"/>\n"
                }
                svg += marker(k, x: x, y: yAt(m), colour: colour, hollow: p.aggregated)
            }
        }
        // Legend, under the plot.
        let lx = left
        var ly = legendTop
        svg += S.text(sv ? "Enhet" : "Unit", x: lx, y: ly, size: text, weight: "bold")
        ly += 20
        for (k, lines) in legendLines.enumerated() {
            let colour = S.okabeIto[k % S.okabeIto.count]
            svg += "<line x1=\"\(S.f(lx))\" x2=\"\(S.f(lx + 24))\" y1=\"\(S.f(ly - 4))\" y2=\"\(S.f(ly - 4))\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
            svg += marker(k, x: lx + 12, y: ly - 4, colour: colour, hollow: false)
            for (j, line) in lines.enumerated() { svg += S.text(line, x: lx + 32, y: ly + Double(j) * 14, size: text) }
            ly += 6 + Double(max(lines.count, 1)) * 14
        }
        for (k, line) in noteLines.enumerated() {
            svg += S.text(line, x: 16, y: legendBottom + 4 + Double(k) * 14, size: small, fill: "#333333")
        }
        svg += "</svg>\n"
        return svg
    }

    /// Circle, square, triangle, diamond, … by series: shape repeats the colour's message.
    fileprivate static func marker(_ k: Int, x: Double, y: Double, colour: String, hollow: Bool) -> String {
        typealias S = ReadinessChartSupport
        let fill = hollow ? "#ffffff" : colour
        let style = "fill=\"\(fill)\" stroke=\"\(colour)\" stroke-width=\"2\""
        switch k % 4 {
        case 0: return "<circle cx=\"\(S.f(x))\" cy=\"\(S.f(y))\" r=\"5\" \(style)/>\n"
        case 1: return "<rect x=\"\(S.f(x - 4.5))\" y=\"\(S.f(y - 4.5))\" width=\"9\" height=\"9\" \(style)/>\n"
        case 2: return "<path d=\"M\(S.f(x)) \(S.f(y - 6)) L\(S.f(x + 5.5)) \(S.f(y + 4)) L\(S.f(x - 5.5)) \(S.f(y + 4)) Z\" \(style)/>\n"
        default: return "<path d=\"M\(S.f(x)) \(S.f(y - 6)) L\(S.f(x + 6)) \(S.f(y)) L\(S.f(x)) \(S.f(y + 6)) L\(S.f(x - 6)) \(S.f(y)) Z\" \(style)/>\n"
        }
    }
}
