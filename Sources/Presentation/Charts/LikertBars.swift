import Evaluation
import Foundation
import LogicModel

/// The usual Likert chart: one diverging stacked bar per item, the share of each answer,
/// disagreement to the left of zero and agreement to the right, the neutral middle
/// (odd scales) split across zero (Robbins & Heiberger 2011). Colours are ColorBrewer's
/// PuOr classes for the scale's number of points (colour-blind safe).
///
/// With a suppression rule (reports, DESIGN §6) each bar's answers are recoded so that
/// no drawn class holds 1–4 answers (`LikertBars.bars`): a small class merges with its
/// neighbour toward the middle ("1–3"), a small innermost class joins the middle, and
/// a bar whose middle stays small is withheld. Merged classes are drawn in the colour of
/// their member nearest the middle and named by their range; no count is written.
public enum LikertBars {
    /// Answers `low`…`high` (scale values) taken together, and how many gave them.
    public struct AnswerClass: Codable, Equatable, Sendable {
        public var low: Int
        public var high: Int
        public var count: Int

        public init(low: Int, high: Int, count: Int) {
            self.low = low
            self.high = high
            self.count = count
        }
    }

    /// One item's bar: its answers in classes; `classes` nil when withheld (suppression).
    public struct Bar: Codable, Equatable, Sendable {
        public var item: String
        public var n: Int
        public var classes: [AnswerClass]?

        public init(item: String, n: Int, classes: [AnswerClass]?) {
            self.item = item
            self.n = n
            self.classes = classes
        }
    }

    /// Why a chart has no bars: an aggregated wave (unit means only), or no unit shown.
    public enum Empty: Sendable { case aggregated, noAnswers }

    /// Draws `bars` as given; `recoded` says their classes were merged for disclosure
    /// (no counts written). Counting and recoding the answers is Reports' (`LikertBars.bars`).
    public static func svg(bars: [Bar], instrument: Instrument, wave: String, unit: String?, empty: Empty?,
                           language: Language, recoded: Bool) -> String {
        typealias S = ReadinessChartSupport
        let sv = language == .sv
        let scale = instrument.scale
        let points = scale.points
        // PuOr's neutral (#f7f7f7) vanishes on a white page; the middle answer gets a
        // light grey instead, as Likert charts usually do.
        var colours = S.puOr(points.count)
        let middle = points.count % 2 == 1 ? points.count / 2 : nil
        if let middle { colours[middle] = "#d4d4d4" }
        func index(_ value: Int) -> Int { value - scale.min }
        /// A class's colour: its member nearest the middle (the middle itself when it holds it).
        func colour(_ c: AnswerClass) -> String {
            let lo = index(c.low), hi = index(c.high)
            if let m = middle, lo <= m, hi >= m { return colours[m] }
            return Double(hi) < Double(points.count - 1) / 2 ? colours[hi] : colours[lo]
        }
        func name(_ c: AnswerClass) -> String { c.low == c.high ? String(c.low) : "\(c.low)–\(c.high)" }
        let labels = Dictionary(uniqueKeysWithValues: instrument.items.map { ($0.key, ReadinessChartSupport.itemLabel($0, language)) })

        // At most `ChartPrint.width` wide with 12 px labels (9 pt in print): a statement
        // wraps in its column rather than widening the chart.
        let text = ChartPrint.text, small = ChartPrint.smallText
        let width = ChartPrint.width
        let labelLines = Dictionary(bars.map { b in (b.item, ChartPrint.lines(labels[b.item] ?? b.item, size: text, width: 146)) },
                                    uniquingKeysWith: { a, _ in a })
        let labelWidth = max(110, min(160, (labelLines.values.joined().map { S.width($0, size: text) }.max() ?? 0) + 24))
        let right = 62.0
        let plotW = width - labelWidth - right - 8, barH = 22.0
        let rowH = max(barH + 12, Double(labelLines.values.map(\.count).max() ?? 1) * 14 + 8)
        let who: String = unit ?? (sv ? "alla redovisade enheter" : "all units shown")
        // The wave as the report's text names it ("mars 2023", not "2023-03"), kept on
        // one line of the title.
        let waveName = NumberStyle(language).periodLabel(wave).replacingOccurrences(of: " ", with: NumberStyle.noBreakSpace)
        let title = sv ? "Svarsfördelning per påstående – \(who), mätning \(waveName)"
                       : "Answers per statement – \(who), wave \(waveName)"
        // Shares in whole percent, one precision for the chart: within a bar of up to 100
        // answers two classes that differ by an answer differ by a percent or more; with
        // more answers, a decimal where two classes of a bar that differ would read alike.
        let decimals = ChartDecimals.apart(bars.map { b in (b.classes ?? []).filter { $0.count > 0 }.map { Double($0.count) / Double(max(b.n, 1)) * 100 } },
                                           base: 0, limit: 1, numbers: NumberStyle(language))
        func percent(_ share: Double) -> String { S.percent(share, language, decimals: decimals) }
        var note = sv ? "Andel svar; vänster om noll: instämmer mindre, höger: instämmer mer"
                      : "Share of answers; left of zero: agree less, right: agree more"
        if middle != nil { note += sv ? " (mittensvaret delas lika på båda sidor)" : " (the middle answer is split across both sides)" }
        let description = title + ". " + bars.map { b in
            let label = labels[b.item] ?? b.item
            guard let classes = b.classes else {
                return "\(label): " + (sv ? "visas inte (för få svar i någon svarskategori)" : "not shown (too few answers in some category)")
            }
            if recoded {
                return "\(label): " + classes.filter { $0.count > 0 }
                    .map { "\(name($0)): \(percent(Double($0.count) / Double(max(b.n, 1))))" }
                    .joined(separator: ", ") + " (n = \(b.n))"
            }
            return "\(label): " + classes.map { "\(name($0)): \($0.count)" }.joined(separator: ", ") + " (n = \(b.n))"
        }.joined(separator: ". ")

        let titleLines = ChartPrint.lines(title, size: 17, width: width - 32, bold: true)
        let noteLines = ChartPrint.lines(note, size: text, width: width - 32)
        var headingY = 26.0
        var heading = ""
        for line in titleLines { heading += S.text(line, x: 16, y: headingY, size: 17, weight: "bold"); headingY += 21 }
        headingY -= 1
        for line in noteLines { heading += S.text(line, x: 16, y: headingY, size: text, fill: "#333333"); headingY += 15 }
        // Legend: one swatch per answer from the left margin, the end anchors named beside
        // them, or below them where they do not fit.
        let legendY = headingY + 14
        var legend = ""
        var lx = 16.0
        for (i, p) in points.enumerated() {
            legend += "<rect x=\"\(S.f(lx))\" y=\"\(S.f(legendY - 12))\" width=\"16\" height=\"14\" fill=\"\(colours[i])\" stroke=\"#777777\" stroke-width=\"0.5\"/>\n"
            legend += S.text(String(p), x: lx + 20, y: legendY, size: text)
            lx += 36
        }
        var legendBottom = legendY
        let low = scale.anchor(scale.min)?.label(language), high = scale.anchor(scale.max)?.label(language)
        if let low, let high {
            let anchors = "\(scale.min) = \(low), \(scale.max) = \(high)"
            if lx + 6 + S.width(anchors, size: text) <= width - 8 {
                legend += S.text(anchors, x: lx + 6, y: legendY, size: text, fill: "#333333")
            } else {
                for line in ChartPrint.lines(anchors, size: text, width: width - 32) {
                    legendBottom += 16
                    legend += S.text(line, x: 16, y: legendBottom, size: text, fill: "#333333")
                }
            }
        }
        let top = legendBottom + 24
        let plotH = Double(bars.count) * rowH
        let footLines = recoded
            ? ChartPrint.lines(sv ? "Svarskategorier med 1–4 svar är sammanslagna med grannen närmast mitten (t.ex. 1–3), så att inget litet antal visas."
                                  : "Answer categories with 1–4 answers are merged with their neighbour toward the middle (e.g. 1–3), so that no small count is shown.",
                               size: small, width: width - 32)
            : []
        let isEmpty = empty != nil || bars.allSatisfy({ $0.n == 0 })
        let height = isEmpty ? headingY + 40 : top + plotH + 34 + Double(footLines.count) * 14
        let centre = labelWidth + plotW / 2
        func xAt(_ share: Double) -> Double { centre + share * plotW / 2 }

        var svg = S.open(width: width, height: height, id: "likert-bars", title: title, description: description)
        svg += heading
        if isEmpty {
            let why = empty == .aggregated
                ? (sv ? "Sammanställd mätning: svarsfördelningen finns inte, bara medelvärden." : "Aggregated wave: no answer distribution exists, only means.")
                : (sv ? "Inga svar att visa (för få svarande eller enheten saknas)." : "No answers to show (too few respondents, or no such unit).")
            svg += S.text(why, x: 16, y: headingY + 18, size: 13)
            return svg + "</svg>\n"
        }
        svg += legend
        // Grid at every 25 %.
        for t in stride(from: -1.0, through: 1.0, by: 0.25) {
            let x = xAt(t)
            svg += "<line x1=\"\(S.f(x))\" x2=\"\(S.f(x))\" y1=\"\(S.f(top - 6))\" y2=\"\(S.f(top + plotH))\" stroke=\"\(t == 0 ? "#333333" : "#e5e5e5")\"/>\n"
            svg += S.text(S.percent(abs(t), language), x: x, y: top + plotH + 16, size: text, anchor: "middle")
        }
        for (r, b) in bars.enumerated() {
            let y = top + Double(r) * rowH
            let lines = labelLines[b.item] ?? [b.item]
            for (k, line) in lines.enumerated() {
                svg += S.text(line, x: labelWidth - 10, y: y + barH / 2 + 4 + (Double(k) - Double(lines.count - 1) / 2) * 14,
                              size: text, anchor: "end")
            }
            guard b.n > 0 else {
                svg += S.text(sv ? "inga svar" : "no answers", x: labelWidth + 6, y: y + barH / 2 + 4, size: small, fill: "#555555")
                continue
            }
            guard let classes = b.classes else {
                svg += S.text(sv ? "visas inte: färre än 5 svar i någon svarskategori" : "not shown: fewer than 5 answers in some category",
                              x: labelWidth + 6, y: y + barH / 2 + 4, size: small, fill: "#555555")
                continue
            }
            let shares = classes.map { Double($0.count) / Double(b.n) }
            let below = zip(classes, shares).filter { c, _ in
                middle.map { index(c.high) < $0 } ?? (Double(index(c.high)) < Double(points.count - 1) / 2)
            }.map(\.1).reduce(0, +)
            let centreShare = zip(classes, shares).first { c, _ in middle.map { index(c.low) <= $0 && index(c.high) >= $0 } ?? false }?.1 ?? 0
            var x = xAt(-(below + centreShare / 2))
            for (c, share) in zip(classes, shares) where share > 0 {
                let w = share * plotW / 2
                let fill = colour(c)
                let tip = recoded ? "\(name(c)): \(percent(share))" : "\(name(c)): \(percent(share)) (\(c.count))"
                svg += "<rect x=\"\(S.f(x))\" y=\"\(S.f(y))\" width=\"\(S.f(w))\" height=\"\(S.f(barH))\" fill=\"\(fill)\"><title>\(S.escape(tip))</title></rect>\n"
                let label = percent(share)
                if w >= S.width(label, size: small) + 4 {
                    svg += S.text(label, x: x + w / 2, y: y + barH / 2 + 4, size: small, anchor: "middle",
                                  fill: S.textColour(on: fill))
                }
                x += w
            }
            // n beside the bar, the merged classes under it ("1–3").
            let merged = classes.filter { $0.low != $0.high && $0.count > 0 }.map(name)
            svg += S.text("n = \(b.n)", x: labelWidth + plotW + 8, y: y + barH / 2 + (merged.isEmpty ? 4 : -1), size: small, fill: "#333333")
            if !merged.isEmpty {
                svg += S.text(merged.joined(separator: ", "), x: labelWidth + plotW + 8, y: y + barH / 2 + 11, size: small, fill: "#333333")
            }
        }
        for (k, line) in footLines.enumerated() {
            svg += S.text(line, x: 16, y: top + plotH + 40 + Double(k) * 14, size: small, fill: "#333333")
        }
        svg += "</svg>\n"
        return svg
    }
}
