import Evaluation
import Foundation
import LogicModel
import Periods
import Statistics

/// Draws a `RunChartResult` as a standalone SVG for people: points and line, the centre
/// line per phase (dashed and vermillion where the runs analysis signals, as qicharts2
/// marks it), 3-sigma limits, points outside the limits as larger vermillion diamonds
/// (shape as well as colour), phases, a frozen baseline, and PDSA cycles as numbered
/// markers on the dates they started. A key under the axis names, in words, each mark the
/// chart draws that it does not label in place — the diamond, a hollow (excluded) point,
/// a withheld point's "<5" or "..", the dashed centre line of a signal — only where the
/// chart has one (`ChartKey`), and the `<desc>` says the same. Colours are the Okabe–Ito
/// palette, safe for colour-blind readers; the SVG carries `<title>`, `<desc>` and
/// `aria-label`. The
/// title, the runs analysis and the cycles' legend wrap to the width, and the x axis
/// labels as many points as fit, so a chart `ChartPrint.width` wide (a report's) reads
/// at 8,25 pt or more in print.
public enum RunChartSVG {
    /// The decimals of the chart's centre-line and limit labels (a P chart's in percent):
    /// one precision for all, from what the axis span needs, more where labels that
    /// differ would print alike. The report's words write the centre line with these, so
    /// text and chart agree ("Medianen är 3,0" under a line labelled 3,0).
    public static func labelDecimals(_ result: RunChartResult, numbers: NumberStyle) -> Int {
        let percent = result.chart == .p && result.multiply == 1
        let labelled = result.phases.compactMap(\.centre.value)
            + [\RunChartResult.Point.ucl, \RunChartResult.Point.lcl].compactMap { key in result.points.last { $0[keyPath: key] != nil }?[keyPath: key] }
        return ChartDecimals.apart([labelled.map { percent ? $0 * 100 : $0 }],
                                   base: RunChartDrawing.spanDecimals(RunChartDrawing.yDomain(result), percent: percent), numbers: numbers)
    }

    public enum Language: String, Sendable, CaseIterable { case sv, en }

    public struct Options: Sendable {
        public var lang: Language
        public var title: String?
        public var yLabel: String?
        public var width: Double
        public var height: Double
        /// Points (by `index`) withheld by small-count suppression in a report: no point
        /// is drawn, and `suppressedLabel` ("<5") marks the place at the foot of the plot.
        public var suppressed: Set<Int>
        public var suppressedLabel: String
        public init(lang: Language = .sv, title: String? = nil, yLabel: String? = nil, width: Double = 880, height: Double = 460,
                    suppressed: Set<Int> = [], suppressedLabel: String = "<5") {
            self.lang = lang
            self.title = title
            self.yLabel = yLabel
            self.width = width
            self.height = height
            self.suppressed = suppressed
            self.suppressedLabel = suppressedLabel
        }
    }

    public static func render(_ result: RunChartResult, options: Options = Options()) -> String {
        RunChartDrawing(result: result, options: options).svg()
    }
}

// MARK: - Palette and texts

/// Okabe & Ito (2008), "Color Universal Design".
fileprivate enum RunChartPalette {
    static let blue = "#0072B2", vermillion = "#D55E00", green = "#009E73", purple = "#CC79A7"
    static let grey = "#555555", lightGrey = "#999999", baseline = "#F0F0F0", orange = "#E69F00"
}

fileprivate struct RunChartText {
    let lang: RunChartSVG.Language
    var sv: Bool { lang == .sv }

    func chartName(_ kind: ChartKind) -> String {
        switch (kind, sv) {
        case (.run, true): return "Seriediagram"
        case (.run, false): return "Run chart"
        case (.i, true): return "I-diagram (styrdiagram för enskilda värden)"
        case (.i, false): return "I chart (individuals control chart)"
        case (.mr, true): return "MR-diagram (glidande variationsvidd)"
        case (.mr, false): return "MR chart (moving ranges)"
        case (.p, true): return "p-diagram (andelar, styrdiagram)"
        case (.p, false): return "P chart (proportions)"
        case (.u, true): return "u-diagram (kvoter, styrdiagram)"
        case (.u, false): return "U chart (rates)"
        }
    }
    func centreName(_ kind: ChartKind) -> String {
        switch kind {
        case .run: return "Median"
        case .i, .mr: return sv ? "Medel" : "Mean"
        case .p: return "p̄"
        case .u: return "ū"
        }
    }
    var upper: String { sv ? "ÖSG" : "UCL" }
    var lower: String { sv ? "NSG" : "LCL" }
    var phase: String { sv ? "Fas" : "Phase" }
    var baseline: String { sv ? "Baslinje" : "Baseline" }
    var xDate: String { sv ? "Datum" : "Date" }
    var xIndex: String { sv ? "Mätpunkt" : "Data point" }
    var pdsa: String { sv ? "PDSA-cykler (start)" : "PDSA cycles (start)" }
    func decision(_ d: String?) -> String {
        guard let d else { return sv ? "pågår" : "ongoing" }
        switch (d, sv) {
        case ("adopt", true): return "behåll"
        case ("adapt", true): return "justera"
        case ("abandon", true): return "avbryt"
        default: return d
        }
    }
    func runsLine(_ r: RunsAnalysis, phases: Int) -> String {
        let head = sv ? "Serieanalys (Anhøj)" : "Runs analysis (Anhøj)"
        let scope = phases > 1 ? (sv ? ", sista fasen" : ", last phase") : ""
        guard r.signalsAllowed else { return sv ? "\(head): används inte för MR-diagram" : "\(head): not used for MR charts" }
        guard let longest = r.longestRun, let lmax = r.longestRunMax, let c = r.crossings, let cmin = r.crossingsMin,
              r.signalPossible else {
            return sv ? "\(head)\(scope): ingen signal möjlig med \(r.usefulPoints) användbara punkter"
                      : "\(head)\(scope): no signal possible with \(r.usefulPoints) useful points"
        }
        let verdict = r.signal ? (sv ? "signal om förändring" : "signal of change") : (sv ? "ingen signal" : "no signal")
        let crossings = sv ? "\(c) korsning\(c == 1 ? "" : "ar")" : "\(c) crossing\(c == 1 ? "" : "s")"
        return sv
            ? "\(head)\(scope): \(verdict) — längsta serie \(longest) (gräns \(lmax)), \(crossings) (minst \(cmin)), \(r.usefulPoints) användbara punkter"
            : "\(head)\(scope): \(verdict) — longest run \(longest) (limit \(lmax)), \(crossings) (at least \(cmin)), \(r.usefulPoints) useful points"
    }
    /// The key's words for each mark (`KeyMark`): what it is called, for the `<desc>`, and
    /// what it means, beside its sample in the key.
    func name(_ mark: KeyMark) -> String {
        switch mark {
        case .outside: return sv ? "romb" : "diamond"
        case .excluded: return sv ? "ihålig punkt" : "hollow point"
        case .signalCentre: return sv ? "streckad linje" : "dashed line"
        case .withheld(let label): return label
        }
    }
    func meaning(_ mark: KeyMark) -> String {
        switch mark {
        case .outside: return sv ? "punkt utanför styrgränserna" : "point outside the control limits"
        case .excluded: return sv ? "utesluten, inte med i beräkningarna" : "excluded, left out of the calculations"
        case .signalCentre: return sv ? "mittlinjen, streckad när serieanalysen visar en signal" : "the centre line, dashed when the runs analysis signals"
        case .withheld(let label): return ChartKey.withheld(label, sv: sv)
        }
    }
    /// "7 punkter utanför styrgränserna, varav 6 dolda (..)": the count includes withheld
    /// points, which the analysis uses but the plot draws no diamond for, so the line says
    /// how many of them are not drawn.
    func outside(_ n: Int, withheld: Int = 0, label: String = "") -> String {
        let count = sv ? "\(n) punkt\(n == 1 ? "" : "er") utanför styrgränserna" : "\(n) point\(n == 1 ? "" : "s") outside the control limits"
        guard withheld > 0 else { return count }
        if withheld == n {
            let all = n == 1 ? (sv ? "dold" : "withheld") : (sv ? "alla dolda" : "all withheld")
            return "\(count), \(all) (\(label))"
        }
        return sv ? "\(count), varav \(withheld) dold\(withheld == 1 ? "" : "a") (\(label))"
            : "\(count), \(withheld) of them withheld (\(label))"
    }
}

// MARK: - Drawing

/// A mark the chart draws without a label in place, so its key names it.
fileprivate enum KeyMark: Equatable {
    case outside, excluded, signalCentre, withheld(String)
}

fileprivate struct RunChartDrawing {
    let result: RunChartResult
    let options: RunChartSVG.Options
    let text: RunChartText
    let left = 70.0, right = 110.0
    /// The title (17 px bold) and the runs analysis and limits lines (12 px), wrapped to the width.
    let titleLines: [String], runsLines: [String], outsideLines: [String]
    /// Each cycle's legend line (11 px), wrapped.
    let pdsaLines: [[String]]
    /// The marks the key names, in the order drawn (a line of 16 px each, under the x
    /// axis's label and above the cycles).
    let keyMarks: [KeyMark]
    /// Below the heading, with room for the cycles' numbered markers above the plot.
    var top: Double { 26 + Double(titleLines.count) * 21 + Double(runsLines.count + outsideLines.count) * 16 + 14 }
    var keyHeight: Double { keyMarks.isEmpty ? 0 : Double(keyMarks.count) * 16 + (result.pdsa.isEmpty ? 0 : 6) }
    var bottom: Double {
        70 + keyHeight + pdsaLines.reduce(0) { $0 + 16 + Double($1.count - 1) * 14 } + (result.pdsa.isEmpty ? 0 : 20)
    }
    /// The height asked for, or more where the heading and legend would leave the plot
    /// less than 180 px.
    var height: Double { max(options.height, top + 180 + bottom) }
    var plotWidth: Double { options.width - left - right }
    var plotHeight: Double { height - top - bottom }
    /// P charts read as percent unless the user already multiplied.
    var percent: Bool { result.chart == .p && result.multiply == 1 }
    let dated: Bool
    /// The report's one number formatter in the chart's language.
    let numbers: NumberStyle
    /// One precision for every value the chart writes (centre lines, limits, points):
    /// the y span's (`spanDecimals`), and more where centre lines and limits that differ
    /// would print alike.
    let labelDecimals: Int

    init(result: RunChartResult, options: RunChartSVG.Options) {
        self.result = result
        self.options = options
        self.text = RunChartText(lang: options.lang)
        self.dated = result.points.allSatisfy { $0.date != nil }
        let text = RunChartText(lang: options.lang)
        let room = options.width - 70 - 16   // from `left` to a margin on the right
        titleLines = ChartPrint.lines(options.title ?? "\(text.chartName(result.chart)): \(result.measure)", size: 17, width: room, bold: true)
        runsLines = ChartPrint.lines(text.runsLine(result.current.runs, phases: result.phases.count), size: 12, width: room)
        outsideLines = result.chart != .run ? ChartPrint.lines(Self.outsideLine(result, options: options), size: 12, width: room) : []
        let dated = self.dated, domain = Self.domain(result, dated: dated)
        numbers = NumberStyle(options.lang == .en ? .en : .sv)
        labelDecimals = RunChartSVG.labelDecimals(result, numbers: numbers)
        pdsaLines = result.pdsa.prefix(6).enumerated().map { i, a in
            let placed = Self.placed(a.start, domain: domain, dated: dated) ? "" : (text.sv ? " — utanför diagrammets period" : " — outside the chart's period")
            // The cycle's number apart from its date ("1 · 2021-03-01", not "1 2021-03-01").
            return ChartPrint.lines("\(i + 1) · \(a.start.iso): \(a.title) (\(text.decision(a.decision)))\(placed)", size: 11, width: room)
        }
        keyMarks = Self.keyMarks(result, suppressed: options.suppressed, label: options.suppressedLabel)
    }

    /// The line over the plot that counts the points outside the limits, and how many of
    /// them are withheld.
    static func outsideLine(_ result: RunChartResult, options: RunChartSVG.Options) -> String {
        let withheld = result.points.filter { $0.signal && options.suppressed.contains($0.index) }.count
        return RunChartText(lang: options.lang).outside(result.pointsOutsideLimits, withheld: withheld, label: options.suppressedLabel)
    }

    /// The marks drawn that are not labelled in place, as `dataPoints` and `centreLines`
    /// draw them: a diamond for a drawn point outside the limits, a hollow circle for a
    /// drawn excluded one, the withheld label, a centre line dashed for a signal.
    static func keyMarks(_ result: RunChartResult, suppressed: Set<Int>, label: String) -> [KeyMark] {
        var marks: [KeyMark] = []
        if result.points.contains(where: { $0.signal && $0.y != nil }) { marks.append(.outside) }
        if result.points.contains(where: { !$0.signal && !$0.included && $0.y != nil }) { marks.append(.excluded) }
        if result.points.contains(where: { suppressed.contains($0.index) }) { marks.append(.withheld(label)) }
        let drawnPhases = Set(result.points.map(\.phase))
        if result.phases.contains(where: { $0.runs.signal && $0.centre.value != nil && drawnPhases.contains($0.phase) }) {
            marks.append(.signalCentre)
        }
        return marks
    }

    static func domain(_ result: RunChartResult, dated: Bool) -> (Double, Double) {
        let xs = result.points.map { dated ? Double($0.date!.dayNumber) : Double($0.index) }
        let lo = xs.min() ?? 0, hi = xs.max() ?? 1
        return lo == hi ? (lo - 1, hi + 1) : (lo, hi)
    }

    /// Whether a cycle's start falls on the chart (its dates, with the plot's margin).
    static func placed(_ date: CalendarDate, domain: (Double, Double), dated: Bool) -> Bool {
        guard dated else { return false }
        let v = Double(date.dayNumber), (lo, hi) = domain
        return v >= lo - (hi - lo) * 0.03 && v <= hi + (hi - lo) * 0.03
    }

    // Scales
    var xDomain: (Double, Double) { Self.domain(result, dated: dated) }
    func xValue(_ p: RunChartResult.Point) -> Double { dated ? Double(p.date!.dayNumber) : Double(p.index) }
    func x(_ v: Double) -> Double {
        let (lo, hi) = xDomain
        let pad = (hi - lo) * 0.03
        return left + (v - lo + pad) / (hi - lo + 2 * pad) * plotWidth
    }
    var yDomain: (Double, Double) { Self.yDomain(result) }
    static func yDomain(_ result: RunChartResult) -> (Double, Double) {
        var values: [Double] = []
        for p in result.points { values += [p.y, p.cl, p.lcl, p.ucl].compactMap { $0 } }
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        // A proportion never leaves 0…1, however few points are drawn (a report may
        // withhold most of them).
        if lo == hi { return result.chart == .p ? (max(0, lo - 0.5), min(1, hi + 0.5)) : (lo - 1, hi + 1) }
        let pad = (hi - lo) * 0.08
        return result.chart == .p ? (max(0, lo - pad), min(1, hi + pad)) : (lo - pad, hi + pad)
    }
    func y(_ v: Double) -> Double {
        let (lo, hi) = yDomain
        return top + plotHeight - (v - lo) / (hi - lo) * plotHeight
    }

    // Numbers
    /// Decimals for the y axis's span: three under 0,5, none from 50.
    static func spanDecimals(_ domain: (Double, Double), percent: Bool) -> Int {
        let span = (domain.1 - domain.0) * (percent ? 100 : 1)
        return span < 0.5 ? 3 : span < 5 ? 2 : span < 50 ? 1 : 0
    }
    func number(_ v: Double, decimals d: Int? = nil) -> String {
        percent ? numbers.percent(v * 100, decimals: d ?? labelDecimals) : numbers.decimal(v, decimals: d ?? labelDecimals)
    }
    func f(_ v: Double) -> String { String(format: "%.1f", v) }

    func svg() -> String {
        let title = options.title ?? "\(text.chartName(result.chart)): \(result.measure)"
        let runs = text.runsLine(result.current.runs, phases: result.phases.count)
        // The key's words too, each mark named as the key shows it ("romb: punkt utanför styrgränserna").
        let key = keyMarks.map { "\(text.name($0)): \(text.meaning($0))" }
        let desc = ([runs] + (result.chart != .run ? [Self.outsideLine(result, options: options)] : []) + key + result.notes)
            .joined(separator: ". ")
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(options.width))" height="\(f(height))" viewBox="0 0 \(f(options.width)) \(f(height))" role="img" aria-labelledby="runchart-title runchart-desc" aria-label="\(esc(title))" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <title id="runchart-title">\(esc(title))</title>
        <desc id="runchart-desc">\(esc(desc))</desc>
        <rect width="100%" height="100%" fill="#FFFFFF"/>

        """
        var y = 26.0
        for line in titleLines {
            out += "<text x=\"\(f(left))\" y=\"\(f(y))\" font-size=\"17\" font-weight=\"bold\" fill=\"#000000\">\(esc(line))</text>\n"
            y += 21
        }
        y -= 1
        for (lines, signal) in [(runsLines, result.runsSignal), (outsideLines, result.pointsOutsideLimits > 0)] {
            for line in lines {
                out += "<text x=\"\(f(left))\" y=\"\(f(y))\" font-size=\"12\" fill=\"\(signal ? RunChartPalette.vermillion : RunChartPalette.grey)\">\(esc(line))</text>\n"
                y += 16
            }
        }
        out += baselineBand() + grid() + phaseSeparators() + pdsaMarkers() + limitLines() + centreLines()
        out += dataLine() + dataPoints() + axes() + legend()
        out += "</svg>\n"
        return out
    }

    func baselineBand() -> String {
        let base = result.points.filter(\.baseline)
        guard base.count < result.points.count, let last = base.last, let first = base.first else { return "" }
        let next = result.points[last.index]  // first point after the baseline
        let x0 = x(xValue(first)) - 6, x1 = (x(xValue(last)) + x(xValue(next))) / 2
        return """
        <rect x="\(f(x0))" y="\(f(top))" width="\(f(x1 - x0))" height="\(f(plotHeight))" fill="\(RunChartPalette.baseline)"/>
        <text x="\(f(x0 + 4))" y="\(f(top + plotHeight - 6))" fill="\(RunChartPalette.grey)">\(text.baseline)</text>

        """
    }

    /// Steps of 1, 2 or 5 × 10^k, so tick labels need no more decimals than the step.
    var tickStep: Double {
        let (lo, hi) = yDomain
        let raw = (hi - lo) / 6
        let mag = pow(10, floor(log10(raw)))
        return [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? raw
    }

    func ticks() -> [Double] {
        let (lo, hi) = yDomain
        let step = tickStep
        var t = ceil(lo / step) * step
        var out: [Double] = []
        while t <= hi + step * 1e-9 { out.append(abs(t) < step * 1e-9 ? 0 : t); t += step }
        return out
    }

    func grid() -> String {
        var s = "<g stroke=\"#E6E6E6\" stroke-width=\"1\">\n"
        for t in ticks() { s += "<line x1=\"\(f(left))\" x2=\"\(f(left + plotWidth))\" y1=\"\(f(y(t)))\" y2=\"\(f(y(t)))\"/>\n" }
        return s + "</g>\n"
    }

    func axes() -> String {
        var s = "<g fill=\"#000000\">\n"
        s += "<line x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(top))\" y2=\"\(f(top + plotHeight))\" stroke=\"#000000\"/>\n"
        s += "<line x1=\"\(f(left))\" x2=\"\(f(left + plotWidth))\" y1=\"\(f(top + plotHeight))\" y2=\"\(f(top + plotHeight))\" stroke=\"#000000\"/>\n"
        let tickDecimals = ChartDecimals.tickDecimals(step: tickStep * (percent ? 100 : 1))
        for t in ticks() {
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y(t) + 4))\" text-anchor=\"end\">\(esc(number(t, decimals: tickDecimals)))</text>\n"
        }
        // At most about 12 x labels, evenly spaced over the points, and no more than fit
        // side by side (11 px, about 0.6 em a character).
        let n = result.points.count
        let widest = Double(result.points.map(\.label.count).max() ?? 1) * 11 * 0.6 + 8
        let spacing = plotWidth * (xDomain.1 - xDomain.0) / (xDomain.1 - xDomain.0 + 2 * (xDomain.1 - xDomain.0) * 0.03) / Double(max(n - 1, 1))
        let every = max(1, Int((Double(n) / 12).rounded(.up)), Int((widest / spacing).rounded(.up)))
        for (i, p) in result.points.enumerated() where i % every == 0 || i == n - 1 {
            if i == n - 1 && i % every != 0 && (n - 1) % every < every / 2 + 1 && n > 1 { continue }
            let px = x(xValue(p))
            s += "<line x1=\"\(f(px))\" x2=\"\(f(px))\" y1=\"\(f(top + plotHeight))\" y2=\"\(f(top + plotHeight + 4))\" stroke=\"#000000\"/>\n"
            s += "<text x=\"\(f(px))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\" font-size=\"11\">\(esc(p.label))</text>\n"
        }
        let xLabel = dated ? text.xDate : text.xIndex
        s += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(top + plotHeight + 36))\" text-anchor=\"middle\">\(esc(xLabel))</text>\n"
        // The y label along the plot's height: in two lines where one is too long, cut
        // with "…" where two are (the title names the measure in full).
        let yLabel = options.yLabel ?? (result.measure + (percent ? " (%)" : ""))
        var yLines = ChartPrint.lines(yLabel, size: 12, width: plotHeight)
        if yLines.count > 2 {
            let limit = Int(plotHeight / (12 * 0.55))
            var second = yLines[1...].joined(separator: " ")
            second = String(second.prefix(max(1, limit - 1))).trimmingCharacters(in: .whitespaces) + "…"
            yLines = [yLines[0], second]
        }
        for (k, line) in yLines.enumerated() {
            let x = yLines.count == 1 ? 18 : 12 + Double(k) * 14
            s += "<text transform=\"translate(\(f(x)) \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(esc(line))</text>\n"
        }
        return s + "</g>\n"
    }

    func phaseRange(_ phase: Int) -> (Double, Double)? {
        let pts = result.points.filter { $0.phase == phase }
        guard let a = pts.first, let b = pts.last else { return nil }
        return (x(xValue(a)), x(xValue(b)))
    }

    func phaseSeparators() -> String {
        guard result.phases.count > 1 else { return "" }
        var s = ""
        for phase in result.phases {
            guard let (a, _) = phaseRange(phase.phase) else { continue }
            if phase.phase > 1, let (_, prevEnd) = phaseRange(phase.phase - 1) {
                let mid = (prevEnd + a) / 2
                s += "<line x1=\"\(f(mid))\" x2=\"\(f(mid))\" y1=\"\(f(top))\" y2=\"\(f(top + plotHeight))\" stroke=\"\(RunChartPalette.grey)\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>\n"
            }
            s += "<text x=\"\(f(a + 3))\" y=\"\(f(top + plotHeight - 6))\" fill=\"\(RunChartPalette.grey)\" font-size=\"11\">\(text.phase) \(phase.phase)</text>\n"
        }
        return s
    }

    func centreLines() -> String {
        var s = ""
        for phase in result.phases {
            guard let cl = phase.centre.value, let (a, b) = phaseRange(phase.phase) else { continue }
            let signal = phase.runs.signal
            let colour = signal ? RunChartPalette.vermillion : RunChartPalette.grey
            let dash = signal ? " stroke-dasharray=\"7 4\"" : ""
            s += "<line x1=\"\(f(a - 4))\" x2=\"\(f(b + 4))\" y1=\"\(f(y(cl)))\" y2=\"\(f(y(cl)))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)><title>\(esc(text.centreName(result.chart))) \(esc(number(cl)))</title></line>\n"
            if phase.phase == result.phases.count {
                s += "<text x=\"\(f(b + 10))\" y=\"\(f(y(cl) + 4))\" fill=\"\(colour)\">\(esc(text.centreName(result.chart))) \(esc(number(cl)))</text>\n"
            }
        }
        return s
    }

    /// Limits as steps: constant limits are straight lines, P/U limits change with n.
    func limitLines() -> String {
        var s = ""
        for phase in result.phases {
            let pts = result.points.filter { $0.phase == phase.phase }
            for (key, label) in [(\RunChartResult.Point.ucl, text.upper), (\RunChartResult.Point.lcl, text.lower)] {
                var d = ""
                var lastValue: Double?
                for (i, p) in pts.enumerated() {
                    guard let v = p[keyPath: key] else { lastValue = nil; continue }
                    let px = x(xValue(p))
                    let half = pts.count > 1 ? (i + 1 < pts.count ? (x(xValue(pts[i + 1])) - px) / 2 : (px - x(xValue(pts[i - 1]))) / 2) : 6
                    let leftHalf = i > 0 ? (px - x(xValue(pts[i - 1]))) / 2 : half
                    d += (lastValue == nil ? "M" : "L") + "\(f(px - leftHalf)) \(f(y(v))) L\(f(px + half)) \(f(y(v))) "
                    lastValue = v
                }
                guard !d.isEmpty else { continue }
                s += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(RunChartPalette.lightGrey)\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n"
                if phase.phase == result.phases.count, let last = pts.last(where: { $0[keyPath: key] != nil }), let v = last[keyPath: key] {
                    let px = x(xValue(pts.last!))
                    s += "<text x=\"\(f(px + 10))\" y=\"\(f(y(v) + 4))\" fill=\"\(RunChartPalette.grey)\">\(label) \(esc(number(v)))</text>\n"
                }
            }
        }
        return s
    }

    func dataLine() -> String {
        var s = ""
        for phase in result.phases {
            var d = ""
            var pen = false
            for p in result.points where p.phase == phase.phase {
                guard let v = p.y else { pen = false; continue }
                d += (pen ? "L" : "M") + "\(f(x(xValue(p)))) \(f(y(v))) "
                pen = true
            }
            if !d.isEmpty {
                s += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(RunChartPalette.blue)\" stroke-width=\"1.8\" stroke-linejoin=\"round\"/>\n"
            }
        }
        return s
    }

    func dataPoints() -> String {
        var s = "<g>\n"
        for p in result.points where options.suppressed.contains(p.index) {
            s += "<text x=\"\(f(x(xValue(p))))\" y=\"\(f(top + plotHeight - 6))\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(RunChartPalette.grey)\">\(esc(options.suppressedLabel))</text>\n"
        }
        for p in result.points {
            guard let v = p.y else { continue }
            let px = x(xValue(p)), py = y(v)
            let tip = esc("\(p.label): \(number(v))" + (p.signal ? (text.sv ? " — utanför styrgränserna" : " — outside the limits") : "")
                          + (p.included ? "" : (text.sv ? " (exkluderad)" : " (excluded)")) + (p.note.map { " — \($0)" } ?? ""))
            if p.signal {
                s += diamond(px, py, r: 7, tip: tip)
            } else if !p.included {
                s += hollowPoint(px, py, tip: tip)
            } else {
                s += "<circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"3.5\" fill=\"\(RunChartPalette.blue)\"><title>\(tip)</title></circle>\n"
            }
        }
        return s + "</g>\n"
    }

    func pdsaX(_ date: CalendarDate) -> Double? {
        Self.placed(date, domain: xDomain, dated: dated) ? x(Double(date.dayNumber)) : nil
    }

    func pdsaMarkers() -> String {
        var s = ""
        for (i, a) in result.pdsa.enumerated() {
            guard let px = pdsaX(a.start) else { continue }
            s += "<g><title>\(esc("PDSA \(i + 1): \(a.title) (\(a.start.iso), \(text.decision(a.decision)))"))</title>\n"
            s += "<line x1=\"\(f(px))\" x2=\"\(f(px))\" y1=\"\(f(top - 4))\" y2=\"\(f(top + plotHeight))\" stroke=\"\(RunChartPalette.green)\" stroke-width=\"1.2\" stroke-dasharray=\"1 3\"/>\n"
            s += "<circle cx=\"\(f(px))\" cy=\"\(f(top - 12))\" r=\"8\" fill=\"\(RunChartPalette.green)\"/>\n"
            s += "<text x=\"\(f(px))\" y=\"\(f(top - 8))\" text-anchor=\"middle\" fill=\"#FFFFFF\" font-size=\"11\" font-weight=\"bold\">\(i + 1)</text></g>\n"
        }
        return s
    }

    /// A point outside the limits, as the plot draws it and the key shows it: a
    /// vermillion diamond of half-width `r`, with its tooltip where it is a point.
    func diamond(_ cx: Double, _ cy: Double, r: Double, tip: String? = nil) -> String {
        "<path d=\"M\(f(cx)) \(f(cy - r)) L\(f(cx + r)) \(f(cy)) L\(f(cx)) \(f(cy + r)) L\(f(cx - r)) \(f(cy)) Z\" fill=\"\(RunChartPalette.vermillion)\" stroke=\"#000000\" stroke-width=\"0.8\""
            + (tip.map { "><title>\($0)</title></path>\n" } ?? "/>\n")
    }

    /// An excluded point, hollow, as the plot draws it and the key shows it.
    func hollowPoint(_ cx: Double, _ cy: Double, tip: String? = nil) -> String {
        "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"4\" fill=\"#FFFFFF\" stroke=\"\(RunChartPalette.blue)\" stroke-width=\"1.5\""
            + (tip.map { "><title>\($0)</title></circle>\n" } ?? "/>\n")
    }

    func legend() -> String {
        var s = ""
        var yy = top + plotHeight + 56
        // The key: each mark's sample (as the plot draws it, 11 px wide at most) and its meaning.
        for mark in keyMarks {
            let cx = left + 9, cy = yy - 4
            switch mark {
            case .outside:
                s += diamond(cx, cy, r: 6)
            case .excluded:
                s += hollowPoint(cx, cy)
            case .signalCentre:
                s += "<line x1=\"\(f(left))\" x2=\"\(f(left + 18))\" y1=\"\(f(cy))\" y2=\"\(f(cy))\" stroke=\"\(RunChartPalette.vermillion)\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/>\n"
            case .withheld(let label):
                s += "<text x=\"\(f(cx))\" y=\"\(f(yy))\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(RunChartPalette.grey)\">\(esc(label))</text>\n"
            }
            s += "<text x=\"\(f(left + 26))\" y=\"\(f(yy))\" font-size=\"11\">\(esc(ChartKey.capitalised(text.meaning(mark))))</text>\n"
            yy += 16
        }
        if !keyMarks.isEmpty { yy += 6 }
        if !result.pdsa.isEmpty {
            s += "<text x=\"\(f(left))\" y=\"\(f(yy))\" font-weight=\"bold\">\(text.pdsa)</text>\n"
            // A long title wraps, its further lines indented.
            for (i, lines) in pdsaLines.enumerated() {
                yy += 16
                for (k, line) in lines.enumerated() {
                    if k == 0, line.hasPrefix("\(i + 1) · ") {
                        s += "<text x=\"\(f(left))\" y=\"\(f(yy))\" font-size=\"11\"><tspan fill=\"\(RunChartPalette.green)\" font-weight=\"bold\">\(i + 1)</tspan>\(esc(String(line.dropFirst("\(i + 1)".count))))</text>\n"
                    } else {
                        yy += k == 0 ? 0 : 14
                        s += "<text x=\"\(f(left + 14))\" y=\"\(f(yy))\" font-size=\"11\">\(esc(line))</text>\n"
                    }
                }
            }
        }
        return s
    }

    func esc(_ s: String) -> String { Escape.xml(s) }
}
