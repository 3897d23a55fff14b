import Evaluation
import Foundation
import LogicModel
import Periods
import Statistics

/// One indicator over its periods with the target line: the values as a line with
/// filled markers (the model's baseline hollow), the unit's target (årsmål) as a dashed
/// orange step per period and the city's (KF) as a dotted vermillion step with square
/// ends, each named in the legend — dash pattern, marker and label carry the meaning,
/// colour (Okabe–Ito) only repeats it. A value withheld by small-count suppression (its
/// period in `withheld`, as disclosure control decided) draws no point and reads "<5" at
/// the foot of its period (`suppressedLabel`). Self-contained SVG with
/// `<title>`, `<desc>` (every value in words) and `aria-labelledby`; numbers in the
/// report's language (decimal comma and "%" after a space in Swedish).
public enum IndicatorTrendChart {
    public static func svg(_ trend: IndicatorTrend, language: Language = .sv, illustrative: Bool = false,
                           suppressedLabel: String = "<5", withheld: Set<Period> = []) -> String {
        typealias S = ReadinessChartSupport
        let sv = language == .sv
        let numbers = NumberStyle(language)
        let points = trend.points
        let blue = "#0072B2", orange = "#E69F00", vermillion = "#D55E00"

        func value(_ v: Double) -> String {
            let d = IndicatorValueText.decimals(v)
            return trend.unit == .percent ? numbers.percent(v, decimals: d) : numbers.decimal(v, decimals: d)
        }
        func level(_ p: TrendPoint, city: Bool) -> (Double, Double)? {
            (city ? p.cityTarget : p.target)?.rule.line
        }
        var values: [Double] = []
        for p in points {
            if let v = p.total.value.value { values.append(v) }
            for city in [false, true] { if let (l, h) = level(p, city: city) { values += [l, h] } }
        }
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if lo == hi { lo -= 1; hi += 1 }
        // The axis spans at least a fifth of the largest value: a mean of 5,0 and 5,1 on a
        // scale of 1–7 drawn over 0,1 looked like a climb from floor to ceiling.
        let least = 0.2 * max(abs(lo), abs(hi))
        if hi - lo < least { let middle = (hi + lo) / 2; (lo, hi) = (middle - least / 2, middle + least / 2) }
        let pad = (hi - lo) * 0.12
        lo -= pad
        hi += pad
        if [.percent, .count, .days, .sek].contains(trend.unit) { lo = max(lo, 0) }
        // Shares are read against zero, and never drawn beyond a little over 100 %.
        if trend.unit == .percent { lo = 0; hi = min(max(hi, 10), 105) }
        // Counts too: a bar-less count read against a cut axis looks like a big change.
        if trend.unit == .count { lo = 0; hi = max(hi, 5) }

        let left = 64.0, plotW = max(480, min(760, Double(points.count) * 90)), plotH = 220.0
        // Wrap the title to the chart's width (15 px bold, about 0.6 em a character).
        let titleLines = S.wrap("\(trend.id) \(trend.title)", limit: Int((left + plotW - 4) / (15 * 0.6)))
        let top = 52.0 + Double(titleLines.count) * 20
        // A target line in the legend only where one is drawn (a target in words has none).
        let hasUnitTarget = points.contains { level($0, city: false) != nil }
        let hasCityTarget = points.contains { level($0, city: true) != nil }
        let legendRows = 1 + (hasUnitTarget ? 1 : 0) + (hasCityTarget ? 1 : 0)
        // Period labels in two lines where a period has two parts ("tertial 1" over
        // "2021"): on one line nine tertials already ran into each other. Where even two
        // lines do not fit (many periods), every k-th period is labelled, from the first;
        // the description below and the report's tables still name every period.
        let labels = points.map { Self.labelLines(numbers.period($0.period)) }
        let labelHeight = labels.contains { $0.count > 1 } ? 13.0 : 0
        let widestLabel = labels.joined().map { Double($0.count) * 11 * 0.6 }.max() ?? 0
        let spacing = plotW / Double(max(points.count, 1))   // per period
        let labelEvery = max(1, Int(ceil((widestLabel + 8) / spacing)))
        let width = left + plotW + 28
        let height = top + plotH + 46 + labelHeight + Double(legendRows) * 18 + 10
        func xAt(_ i: Int) -> Double { left + plotW * (Double(i) + 0.5) / Double(max(points.count, 1)) }
        func yAt(_ v: Double) -> Double { top + plotH * (1 - (v - lo) / (hi - lo)) }
        let half = spacing / 2

        let direction: String = switch trend.direction {
        case .increase: sv ? "högre är bättre" : "higher is better"
        case .decrease: sv ? "lägre är bättre" : "lower is better"
        case .none: sv ? "ingen riktning" : "no direction"
        }
        var subtitle = (sv ? "Utfall per period" : "Outcome by period") + " (\(direction))"
        if illustrative { subtitle += sv ? " – förslag, illustrativt" : " – proposal, illustrative" }

        // Text for screen readers: every period's value and targets in words.
        let description = (sv ? "Linjediagram. " : "Line chart. ") + points.map { p in
            var s = numbers.period(p.period) + ": "
            if let v = p.total.value.value {
                s += value(v) + (p.source == "baseline" ? (sv ? " (utgångsvärde)" : " (baseline)") : "")
            } else if withheld.contains(p.period) {
                s += sv ? "dolt (färre än 5)" : "withheld (fewer than 5)"
            } else {
                s += sv ? "inget utfall" : "no value"
            }
            if let t = p.target {
                s += "; " + (sv ? "årsmål " : "unit target ") + TargetRuleText.text(t.rule, unit: trend.unit, language: language)
            }
            if let t = p.cityTarget {
                s += "; " + (sv ? "KF:s mål " : "city target ") + TargetRuleText.text(t.rule, unit: trend.unit, language: language)
            }
            return s
        }.joined(separator: ". ")

        let id = "indicator-trend-" + trend.id.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        let title = "\(trend.id) \(trend.title)"
        var svg = S.open(width: width, height: height, id: id, title: title, description: description)
        var ty = 24.0
        for line in titleLines { svg += S.text(line, x: 16, y: ty, size: 15, weight: "bold"); ty += 20 }
        svg += S.text(subtitle, x: 16, y: ty, size: 12, fill: "#333333")

        // Grid and y axis: five steps of 1, 2 or 5 × 10^k.
        let raw = (hi - lo) / 5, mag = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? raw
        var t = ceil(lo / step) * step
        while t <= hi + step * 1e-9 {
            let y = yAt(t)
            svg += "<line x1=\"\(S.f(left))\" x2=\"\(S.f(left + plotW))\" y1=\"\(S.f(y))\" y2=\"\(S.f(y))\" stroke=\"#e5e5e5\"/>\n"
            let d = step >= 1 ? 0 : Int(-floor(log10(step)))
            let label = trend.unit == .percent ? numbers.percent(t, decimals: d) : numbers.decimal(t, decimals: d)
            svg += S.text(label, x: left - 6, y: y + 4, size: 11, anchor: "end")
            t += step
        }
        svg += "<line x1=\"\(S.f(left))\" x2=\"\(S.f(left))\" y1=\"\(S.f(top))\" y2=\"\(S.f(top + plotH))\" stroke=\"#333333\"/>\n"
        svg += "<line x1=\"\(S.f(left))\" x2=\"\(S.f(left + plotW))\" y1=\"\(S.f(top + plotH))\" y2=\"\(S.f(top + plotH))\" stroke=\"#333333\"/>\n"
        for (i, lines) in labels.enumerated() where i % labelEvery == 0 {
            for (k, line) in lines.enumerated() {
                svg += S.text(line, x: xAt(i), y: top + plotH + 16 + Double(k) * 13, size: 11, anchor: "middle")
            }
        }

        // Targets: a step per period, so a target that changes between years shows it.
        for city in [false, true] {
            let colour = city ? vermillion : orange
            let dash = city ? "2 3" : "7 4"
            for (i, p) in points.enumerated() {
                guard let (l, h) = level(p, city: city) else { continue }
                for v in Set([l, h]) {
                    let y = yAt(v)
                    svg += "<line x1=\"\(S.f(xAt(i) - half + 3))\" x2=\"\(S.f(xAt(i) + half - 3))\" y1=\"\(S.f(y))\" y2=\"\(S.f(y))\" stroke=\"\(colour)\" stroke-width=\"2.2\" stroke-dasharray=\"\(dash)\"/>\n"
                    if city {
                        svg += "<rect x=\"\(S.f(xAt(i) - half + 1))\" y=\"\(S.f(y - 2.5))\" width=\"5\" height=\"5\" fill=\"\(colour)\"/>\n"
                    }
                }
            }
        }

        // Values: a line through consecutive values, a marker and its label on each.
        var previous: (Double, Double)?
        var path = ""
        for (i, p) in points.enumerated() {
            guard let v = p.total.value.value else { previous = nil; continue }
            let here = (xAt(i), yAt(v))
            path += (previous == nil ? "M" : "L") + "\(S.f(here.0)) \(S.f(here.1)) "
            previous = here
        }
        if !path.isEmpty {
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(blue)\" stroke-width=\"2.2\"/>\n"
        }
        // Value labels on every marker where they fit side by side; with many periods on
        // every k-th, and always on the newest value (where the pilot stands now), which
        // then takes the place of a labelled neighbour too close to it.
        let widestValue = points.compactMap { $0.total.value.value.map(value) }.map { Double($0.count) * 11 * 0.6 }.max() ?? 0
        let valueEvery = max(1, Int(ceil((widestValue + 4) / spacing)))
        var labelledValues = Set(points.indices.filter { $0 % valueEvery == 0 })
        if let newest = points.lastIndex(where: { $0.total.value.value != nil }), !labelledValues.contains(newest) {
            labelledValues = labelledValues.filter { Double(newest - $0) * spacing >= widestValue + 4 || $0 > newest }
            labelledValues.insert(newest)
        }
        for (i, p) in points.enumerated() {
            let x = xAt(i)
            if let v = p.total.value.value {
                let hollow = p.source == "baseline"
                svg += "<circle cx=\"\(S.f(x))\" cy=\"\(S.f(yAt(v)))\" r=\"4.5\" fill=\"\(hollow ? "#ffffff" : blue)\" stroke=\"\(blue)\" stroke-width=\"2\"/>\n"
                if labelledValues.contains(i) { svg += S.text(value(v), x: x, y: yAt(v) - 9, size: 11, anchor: "middle", fill: "#000000") }
            } else if withheld.contains(p.period) {
                svg += S.text(suppressedLabel, x: x, y: top + plotH - 6, size: 11, anchor: "middle", fill: "#555555")
            }
        }

        // Legend: line sample, marker and words for each series.
        var ly = top + plotH + 40 + labelHeight
        func legend(_ colour: String, dash: String?, square: Bool, _ label: String) {
            let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
            svg += "<line x1=\"\(S.f(left))\" x2=\"\(S.f(left + 30))\" y1=\"\(S.f(ly - 4))\" y2=\"\(S.f(ly - 4))\" stroke=\"\(colour)\" stroke-width=\"2.2\"\(d)/>\n"
            if square { svg += "<rect x=\"\(S.f(left - 2))\" y=\"\(S.f(ly - 6.5))\" width=\"5\" height=\"5\" fill=\"\(colour)\"/>\n" }
            else if dash == nil { svg += "<circle cx=\"\(S.f(left + 15))\" cy=\"\(S.f(ly - 4))\" r=\"4\" fill=\"\(colour)\"/>\n" }
            svg += S.text(label, x: left + 38, y: ly, size: 11)
            ly += 18
        }
        let hasBaseline = points.contains { $0.source == "baseline" && $0.total.value.isDefined }
        legend(blue, dash: nil, square: false, (sv ? "Utfall" : "Outcome")
               + (hasBaseline ? (sv ? " (ihålig markör: utgångsvärde ur logikmodellen)" : " (hollow marker: baseline from the logic model)") : "")
               + (points.contains { withheld.contains($0.period) }
                  ? (sv ? "; \(suppressedLabel): dolt, bygger på färre än 5" : "; \(suppressedLabel): withheld, built on fewer than 5") : ""))
        if hasUnitTarget { legend(orange, dash: "7 4", square: false, sv ? "Enhetens årsmål (streckad)" : "Unit target (dashed)") }
        if hasCityTarget { legend(vermillion, dash: "2 3", square: true, sv ? "KF:s årsmål (prickad)" : "City target (dotted)") }
        svg += "</svg>\n"
        return svg
    }

    /// A period's label as lines: the part before the year over the year ("tertial 1",
    /// "2021"), or one line for a year.
    static func labelLines(_ text: String) -> [String] {
        guard let cut = text.lastIndex(of: " ") else { return [text] }
        return [String(text[..<cut]), String(text[text.index(after: cut)...])]
    }
}
