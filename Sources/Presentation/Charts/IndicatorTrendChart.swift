import Evaluation
import Foundation
import LogicModel
import Periods
import Statistics

/// One indicator over its periods with the target line: the values as a line with
/// filled markers (the model's baseline hollow) — where the periods are of more than one
/// kind (helår and tertial), one line per kind with its own marker and colour, named in
/// the legend and under the axis ("helår" over "2021" beside "T1" over "2021"), for a
/// year's value and a tertial's are not consecutive points of one series —, the unit's target (årsmål) as a dashed
/// orange step per period and the city's (KF) as a dotted vermillion step with square
/// ends, each named in the legend — dash pattern, marker and label carry the meaning,
/// colour (Okabe–Ito) only repeats it. A value withheld by small-count suppression (its
/// period in `withheld`, as disclosure control decided) draws no point and reads "<5" at
/// the foot of its period (`suppressedLabel`), named in the legend (`ChartKey`). A survey
/// item's or subscale's mean, given its response `scale`, is drawn on the scale's whole
/// range (1–7), as every chart of the scale is. Self-contained SVG with
/// `<title>`, `<desc>` (every value in words) and `aria-labelledby`; numbers in the
/// report's language (decimal comma and "%" after a space in Swedish). Drawn at most
/// `ChartPrint.width` wide with 12 px text, so it prints at 9 pt (`ChartPrint`).
public enum IndicatorTrendChart {
    /// How one kind of period is drawn where a chart has several: colour and marker.
    struct SeriesStyle {
        var colour: String
        var marker: Marker
    }
    enum Marker { case circle, diamond, triangle, square }

    /// The kinds of period among `trend`'s values, longest first (helår before tertial):
    /// a year that has only its target (the year is not over) draws no line of its own.
    public static func kinds(_ trend: IndicatorTrend) -> [Period.Kind] {
        Period.Kind.allCases.filter { kind in trend.points.contains { $0.period.kind == kind && $0.total.value.isDefined } }
    }

    /// A sentence for the figure's text alternative where the chart draws several kinds
    /// of period as separate lines ("Helår och tertial är skilda linjer …"); nil for one kind.
    public static func seriesNote(_ trend: IndicatorTrend, language: Language) -> String? {
        let kinds = kinds(trend)
        guard kinds.count > 1 else { return nil }
        let sv = language == .sv
        let names = kinds.map { "\(kindName($0, language)) (\(markerName(style($0, mixed: true).marker, language)))" }
        let list = ListWords.joined(names, and: sv ? "och" : "and")
        return sv ? "Värden för \(list) är skilda linjer, inte en serie."
                  : "Values for \(list) are separate lines, not one series."
    }

    static func kindName(_ kind: Period.Kind, _ language: Language) -> String {
        let sv = language == .sv
        switch kind {
        case .year: return sv ? "helår" : "full year"
        case .tertial: return "tertial"
        case .quarter: return sv ? "kvartal" : "quarter"
        case .month: return sv ? "månad" : "month"
        }
    }

    static func markerName(_ marker: Marker, _ language: Language) -> String {
        let sv = language == .sv
        switch marker {
        case .circle: return sv ? "cirkel" : "circle"
        case .diamond: return sv ? "romb" : "diamond"
        case .triangle: return sv ? "triangel" : "triangle"
        case .square: return sv ? "kvadrat" : "square"
        }
    }

    /// One kind alone: the blue circle. Several: each kind its colour and marker
    /// (Okabe–Ito; shape repeats what colour says).
    static func style(_ kind: Period.Kind, mixed: Bool) -> SeriesStyle {
        guard mixed else { return SeriesStyle(colour: "#0072B2", marker: .circle) }
        switch kind {
        case .year: return SeriesStyle(colour: "#009E73", marker: .diamond)
        case .tertial: return SeriesStyle(colour: "#0072B2", marker: .circle)
        case .quarter: return SeriesStyle(colour: "#CC79A7", marker: .triangle)
        case .month: return SeriesStyle(colour: "#000000", marker: .square)
        }
    }

    static func marker(_ style: SeriesStyle, x: Double, y: Double, hollow: Bool, size: Double = 4.5) -> String {
        typealias S = ReadinessChartSupport
        let paint = "fill=\"\(hollow ? "#ffffff" : style.colour)\" stroke=\"\(style.colour)\" stroke-width=\"2\""
        switch style.marker {
        case .circle:
            return "<circle cx=\"\(S.f(x))\" cy=\"\(S.f(y))\" r=\"\(S.f(size))\" \(paint)/>\n"
        case .diamond:
            let d = size * 1.3
            return "<path d=\"M\(S.f(x)) \(S.f(y - d)) L\(S.f(x + d)) \(S.f(y)) L\(S.f(x)) \(S.f(y + d)) L\(S.f(x - d)) \(S.f(y)) Z\" \(paint)/>\n"
        case .triangle:
            let d = size * 1.25
            return "<path d=\"M\(S.f(x)) \(S.f(y - d)) L\(S.f(x + d)) \(S.f(y + d * 0.8)) L\(S.f(x - d)) \(S.f(y + d * 0.8)) Z\" \(paint)/>\n"
        case .square:
            return "<rect x=\"\(S.f(x - size))\" y=\"\(S.f(y - size))\" width=\"\(S.f(2 * size))\" height=\"\(S.f(2 * size))\" \(paint)/>\n"
        }
    }

    /// - Parameter scale: the response scale of a survey mean (`data: {readiness: …}`): the
    ///   y axis is then the scale's whole range, as in the readiness charts, and the
    ///   subtitle names it; nil for any other indicator, whose axis fits its values.
    public static func svg(_ trend: IndicatorTrend, language: Language = .sv, illustrative: Bool = false,
                           suppressedLabel: String = "<5", withheld: Set<Period> = [], scale: ResponseScale? = nil) -> String {
        typealias S = ReadinessChartSupport
        let sv = language == .sv
        let numbers = NumberStyle(language)
        let points = trend.points
        let orange = "#E69F00", vermillion = "#D55E00"
        let kinds = Self.kinds(trend)
        let mixed = kinds.count > 1
        let text = ChartPrint.text

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
        // A survey mean on its scale's whole range, a tick at every point (as `scaleGrid` draws them).
        if let scale { (lo, hi) = S.scaleRange(scale) }
        // The y axis: five steps of 1, 2 or 5 × 10^k, every tick with the step's decimals.
        let raw = (hi - lo) / 5, mag = pow(10, floor(log10(raw)))
        let step = scale != nil ? 1 : [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? raw
        let tickDecimals = ChartDecimals.tickDecimals(step: step)
        // Every value with one precision: the most any value was stated with (5,15 stays
        // 5,15, so 5,1 beside it reads 5,10), no coarser than the ticks (0,4 drawn above
        // the 0,45 line contradicted it), and more where values of a line that differ
        // would print alike (1,25 and 1,3 both as 1,3).
        let shown = points.compactMap { $0.total.value.value }
        let valuesByLine = kinds.map { kind in points.filter { $0.period.kind == kind }.compactMap { $0.total.value.value } }
        let valueDecimals = ChartDecimals.apart(valuesByLine, base: max(tickDecimals, shown.map(IndicatorValueText.decimals).max() ?? 0),
                                                numbers: numbers)
        func value(_ v: Double) -> String {
            trend.unit == .percent ? numbers.percent(v, decimals: valueDecimals) : numbers.decimal(v, decimals: valueDecimals)
        }

        let direction: String = switch trend.direction {
        case .increase: sv ? "högre är bättre" : "higher is better"
        case .decrease: sv ? "lägre är bättre" : "lower is better"
        case .none: sv ? "ingen riktning" : "no direction"
        }
        let byKind = kinds.map { Self.kindName($0, language) }
        let separately = ListWords.joined(byKind, and: sv ? "och" : "and")
        var subtitle = (mixed ? (sv ? "Utfall för \(separately), skilda linjer" : "Outcome for \(separately), separate lines")
                              : (sv ? "Utfall per period" : "Outcome by period"))
            + (scale.map { sv ? ", medelvärde på skalan \($0.min)–\($0.max)" : ", mean on the \($0.min)–\($0.max) scale" } ?? "")
            + " (\(direction))"
        if illustrative { subtitle += sv ? " – förslag, illustrativt" : " – proposal, illustrative" }

        // At most `ChartPrint.width` wide, so a report prints its text at 9 pt.
        let left = 64.0, plotW = min(ChartPrint.width - left - 28, max(480, Double(points.count) * 90)), plotH = 220.0
        // Wrap the title to the chart's width (15 px bold, about 0.6 em a character).
        let titleLines = S.wrap("\(trend.id) \(trend.title)", limit: Int((left + plotW - 4) / (15 * 0.6)))
        let subtitleLines = ChartPrint.lines(subtitle, size: text, width: left + plotW + 12)
        let top = 52.0 + Double(titleLines.count) * 20 + Double(max(subtitleLines.count, 1) - 1) * 15
        // A target line in the legend only where one is drawn (a target in words has none).
        let hasUnitTarget = points.contains { level($0, city: false) != nil }
        let hasCityTarget = points.contains { level($0, city: true) != nil }
        // Period labels in two lines where a period has two parts ("tertial 1" over
        // "2021"): on one line nine tertials already ran into each other. Where even two
        // lines do not fit (many periods), every k-th period is labelled, from the first;
        // the description below and the report's tables still name every period.
        // Where the words do not fit every period ("tertial 1" at 12 px needs 65 px, nine
        // tertials on 508 px have 56), short ones do ("T1" over "2021").
        // Where the chart has helår and tertial, a year's place reads "helår" over "2021":
        // "2021" alone, before "T1 2021", read as a moment before the year's first tertial.
        let spacing = plotW / Double(max(points.count, 1))   // per period
        // The fewest k such that each pair of neighbouring labels drawn (every k-th) has
        // room for half of each, line by line, and 8 px between them: measured pairwise,
        // for "helår" needs more room than "T1" beside it, not every label as much.
        func every(_ labels: [[String]]) -> Int {
            func width(_ lines: [String], _ row: Int) -> Double { row < lines.count ? Double(lines[row].count) * text * 0.6 : 0 }
            let n = labels.count
            return (1...max(n, 1)).first { k in
                stride(from: 0, to: n - k, by: k).allSatisfy { i in
                    (0..<max(labels[i].count, labels[i + k].count)).allSatisfy { row in
                        (width(labels[i], row) + width(labels[i + k], row)) / 2 + 8 <= Double(k) * spacing
                    }
                }
            } ?? max(n, 1)
        }
        // The first form that labels the most periods: in full, short, then compact.
        var labels = points.map { Self.axisLabelLines($0.period, form: .full, mixed: mixed, numbers: numbers) }
        for form in [AxisLabelForm.short, .compact] where every(labels) > 1 {
            let shorter = points.map { Self.axisLabelLines($0.period, form: form, mixed: mixed, numbers: numbers) }
            if every(shorter) < every(labels) { labels = shorter }
        }
        let labelHeight = labels.contains { $0.count > 1 } ? 14.0 : 0
        let labelEvery = every(labels)
        let width = left + plotW + 28

        // The legend's entries, each a sample and its words (wrapped to the chart's width).
        enum Sample { case series(SeriesStyle), target(city: Bool), none }
        let hasBaseline = points.contains { $0.source == "baseline" && $0.total.value.isDefined }
        let hasWithheld = points.contains { withheld.contains($0.period) }
        let baselineWords = sv ? "ihålig markör: utgångsvärde ur logikmodellen" : "hollow marker: baseline from the logic model"
        let withheldWords = "\(suppressedLabel): " + ChartKey.withheld(suppressedLabel, sv: sv)
        var entries: [(sample: Sample, label: String)] = []
        if mixed {
            for kind in kinds {
                let style = Self.style(kind, mixed: true)
                entries.append((.series(style), (sv ? "Utfall, " : "Outcome, ") + Self.kindName(kind, language)
                                + " (" + Self.markerName(style.marker, language) + ")"))
            }
            let notes = (hasBaseline ? [baselineWords] : []) + (hasWithheld ? [withheldWords] : [])
            if !notes.isEmpty {
                let joined = notes.joined(separator: "; ")
                entries.append((.none, joined.prefix(1).uppercased() + joined.dropFirst()))
            }
        } else {
            entries.append((.series(Self.style(kinds.first ?? .year, mixed: false)), (sv ? "Utfall" : "Outcome")
                            + (hasBaseline ? " (" + baselineWords + ")" : "") + (hasWithheld ? "; " + withheldWords : "")))
        }
        if hasUnitTarget { entries.append((.target(city: false), sv ? "Enhetens årsmål (streckad)" : "Unit target (dashed)")) }
        if hasCityTarget { entries.append((.target(city: true), sv ? "KF:s årsmål (prickad)" : "City target (dotted)")) }
        let legendLines = entries.map { ChartPrint.lines($0.label, size: text, width: width - (left + 38) - 8) }
        let legendHeight = legendLines.reduce(0) { $0 + 18 + Double(max($1.count, 1) - 1) * 15 }
        let height = top + plotH + 46 + labelHeight + legendHeight + 10
        func xAt(_ i: Int) -> Double { left + plotW * (Double(i) + 0.5) / Double(max(points.count, 1)) }
        func yAt(_ v: Double) -> Double { top + plotH * (1 - (v - lo) / (hi - lo)) }
        let half = spacing / 2

        // Text for screen readers: every period's value and targets in words.
        let description = (sv ? "Linjediagram. " : "Line chart. ")
            + (Self.seriesNote(trend, language: language).map { $0 + " " } ?? "") + points.map { p in
            var s = numbers.period(p.period) + ": "
            if let v = p.total.value.value {
                s += value(v) + (p.source == "baseline" ? (sv ? " (utgångsvärde)" : " (baseline)") : "")
            } else if withheld.contains(p.period) {
                s += "\(suppressedLabel) (" + ChartKey.withheld(suppressedLabel, sv: sv) + ")"
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
        for line in subtitleLines { svg += S.text(line, x: 16, y: ty, size: text, fill: "#333333"); ty += 15 }

        // Grid and y axis: a survey mean's as every chart of its scale draws it.
        if let scale { svg += S.scaleGrid(scale, left: left, width: plotW, y: yAt, size: text, labelGap: 6) }
        var t = ceil(lo / step) * step
        while scale == nil, t <= hi + step * 1e-9 {
            let y = yAt(t)
            svg += "<line x1=\"\(S.f(left))\" x2=\"\(S.f(left + plotW))\" y1=\"\(S.f(y))\" y2=\"\(S.f(y))\" stroke=\"#e5e5e5\"/>\n"
            let label = trend.unit == .percent ? numbers.percent(t, decimals: tickDecimals) : numbers.decimal(t, decimals: tickDecimals)
            svg += S.text(label, x: left - 6, y: y + 4, size: text, anchor: "end")
            t += step
        }
        svg += "<line x1=\"\(S.f(left))\" x2=\"\(S.f(left))\" y1=\"\(S.f(top))\" y2=\"\(S.f(top + plotH))\" stroke=\"#333333\"/>\n"
        svg += "<line x1=\"\(S.f(left))\" x2=\"\(S.f(left + plotW))\" y1=\"\(S.f(top + plotH))\" y2=\"\(S.f(top + plotH))\" stroke=\"#333333\"/>\n"
        for (i, lines) in labels.enumerated() where i % labelEvery == 0 {
            for (k, line) in lines.enumerated() {
                svg += S.text(line, x: xAt(i), y: top + plotH + 17 + Double(k) * 14, size: text, anchor: "middle")
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

        // Values: a line per kind of period through its consecutive values (a period of
        // that kind without a value breaks it; periods of another kind in between do
        // not), a marker and its label on each.
        for kind in kinds {
            var path = "", pen = false
            for (i, p) in points.enumerated() where p.period.kind == kind {
                guard let v = p.total.value.value else { pen = false; continue }
                path += (pen ? "L" : "M") + "\(S.f(xAt(i))) \(S.f(yAt(v))) "
                pen = true
            }
            if !path.isEmpty {
                svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(Self.style(kind, mixed: mixed).colour)\" stroke-width=\"2.2\"/>\n"
            }
        }
        // Value labels on every marker where they fit side by side; with many periods on
        // every k-th, and always on the newest value (where the pilot stands now), which
        // then takes the place of a labelled neighbour too close to it.
        let widestValue = points.compactMap { $0.total.value.value.map(value) }.map { Double($0.count) * text * 0.6 }.max() ?? 0
        let valueEvery = max(1, Int(ceil((widestValue + 4) / spacing)))
        var labelledValues = Set(points.indices.filter { $0 % valueEvery == 0 })
        if let newest = points.lastIndex(where: { $0.total.value.value != nil }), !labelledValues.contains(newest) {
            labelledValues = labelledValues.filter { Double(newest - $0) * spacing >= widestValue + 4 || $0 > newest }
            labelledValues.insert(newest)
        }
        for (i, p) in points.enumerated() {
            let x = xAt(i)
            if let v = p.total.value.value {
                svg += Self.marker(Self.style(p.period.kind, mixed: mixed), x: x, y: yAt(v), hollow: p.source == "baseline")
                if labelledValues.contains(i) { svg += S.text(value(v), x: x, y: yAt(v) - 9, size: text, anchor: "middle", fill: "#000000") }
            } else if withheld.contains(p.period) {
                svg += S.text(suppressedLabel, x: x, y: top + plotH - 6, size: text, anchor: "middle", fill: "#555555")
            }
        }

        // Legend: line sample, marker and words for each series, words wrapped.
        var ly = top + plotH + 40 + labelHeight
        for (entry, lines) in zip(entries, legendLines) {
            switch entry.sample {
            case .series(let style):
                svg += "<line x1=\"\(S.f(left))\" x2=\"\(S.f(left + 30))\" y1=\"\(S.f(ly - 4))\" y2=\"\(S.f(ly - 4))\" stroke=\"\(style.colour)\" stroke-width=\"2.2\"/>\n"
                svg += Self.marker(style, x: left + 15, y: ly - 4, hollow: false, size: 4)
            case .target(let city):
                let colour = city ? vermillion : orange
                svg += "<line x1=\"\(S.f(left))\" x2=\"\(S.f(left + 30))\" y1=\"\(S.f(ly - 4))\" y2=\"\(S.f(ly - 4))\" stroke=\"\(colour)\" stroke-width=\"2.2\" stroke-dasharray=\"\(city ? "2 3" : "7 4")\"/>\n"
                if city { svg += "<rect x=\"\(S.f(left - 2))\" y=\"\(S.f(ly - 6.5))\" width=\"5\" height=\"5\" fill=\"\(colour)\"/>\n" }
            case .none:
                break
            }
            for (k, line) in lines.enumerated() {
                svg += S.text(line, x: left + 38, y: ly + Double(k) * 15, size: text)
            }
            ly += 18 + Double(max(lines.count, 1) - 1) * 15
        }
        svg += "</svg>\n"
        return svg
    }

    /// How much room a period's label under the axis takes: `full` ("tertial 1" over
    /// "2021"), `short` ("T1" over "2021"), `compact` (as short, a year beside tertials
    /// "år" where "helår" does not fit, as when two years' places are neighbours).
    enum AxisLabelForm { case full, short, compact }

    /// A period's label under the axis as lines. A year is "2021" alone, but where the
    /// chart also has shorter periods it is "helår" over "2021", as the legend names its
    /// line (English "full year", short "year"; compact Swedish "år").
    static func axisLabelLines(_ period: Period, form: AxisLabelForm, mixed: Bool, numbers: NumberStyle) -> [String] {
        let language = numbers.language, sv = language == .sv
        if mixed && period.kind == .year {
            let word = switch form {
            case .full: kindName(.year, language)
            case .short: sv ? kindName(.year, language) : "year"
            case .compact: sv ? "år" : "year"
            }
            return [word, String(period.year)]
        }
        return form == .full ? labelLines(numbers.period(period)) : shortLabelLines(period, language)
    }

    /// A period's short label as lines: "T1" over "2021" (a quarter "K1" or "Q1", a month
    /// its first three letters), a year alone.
    static func shortLabelLines(_ period: Period, _ language: Language) -> [String] {
        switch period.kind {
        case .year: return [String(period.year)]
        case .tertial: return ["T\(period.index)", String(period.year)]
        case .quarter: return [(language == .sv ? "K" : "Q") + String(period.index), String(period.year)]
        case .month:
            let names = language == .sv ? NumberStyle.swedishMonths : NumberStyle.englishMonths
            return [String(names[period.index - 1].prefix(3)), String(period.year)]
        }
    }

    /// A period's label as lines: the part before the year over the year ("tertial 1",
    /// "2021"), or one line for a year.
    static func labelLines(_ text: String) -> [String] {
        guard let cut = text.lastIndex(of: " ") else { return [text] }
        return [String(text[..<cut]), String(text[text.index(after: cut)...])]
    }
}
