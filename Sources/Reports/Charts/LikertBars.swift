import Evaluation
import Foundation
import LogicModel

/// The usual Likert chart: one diverging stacked bar per item, the share of each answer,
/// disagreement to the left of zero and agreement to the right, the neutral middle
/// (odd scales) split across zero (Robbins & Heiberger 2011). Colours are ColorBrewer's
/// PuOr classes for the scale's number of points (colour-blind safe).
public enum LikertBars {
    /// - Parameter unit: one unit of the summary, or nil for every shown (unsuppressed)
    ///   unit pooled.
    public static func svg(_ summary: ReadinessSummary, instrument: Instrument, unit: String? = nil,
                           language: Language = .sv) -> String {
        typealias S = ReadinessChartSupport
        let sv = language == .sv
        let scale = instrument.scale
        let points = scale.points
        // PuOr's neutral (#f7f7f7) vanishes on a white page; the middle answer gets a
        // light grey instead, as Likert charts usually do.
        var colours = S.puOr(points.count)
        if points.count % 2 == 1 { colours[points.count / 2] = "#d4d4d4" }
        let shown = summary.units.filter { !$0.suppressed && (unit == nil || $0.unit == unit) }
        struct Bar { var label: String; var counts: [Int]; var n: Int }
        let bars: [Bar] = instrument.items.map { item in
            var counts = Array(repeating: 0, count: points.count)
            for u in shown {
                if let d = u.items.first(where: { $0.item == item.key })?.distribution {
                    for i in counts.indices where i < d.count { counts[i] += d[i] }
                }
            }
            return Bar(label: item.shortLabel(language), counts: counts, n: counts.reduce(0, +))
        }
        let labelWidth = max(150, (bars.map { S.width($0.label, size: 12) }.max() ?? 0) + 24)
        let plotW = 560.0, barH = 22.0, gap = 10.0
        let top = 110.0
        let plotH = Double(bars.count) * (barH + gap)
        let width = labelWidth + plotW + 70
        let height = top + plotH + 46
        let centre = labelWidth + plotW / 2
        func xAt(_ share: Double) -> Double { centre + share * plotW / 2 }

        let who: String = unit ?? (sv ? "alla redovisade enheter" : "all units shown")
        let title = sv ? "Svarsfördelning per påstående – \(who), mätning \(summary.wave)"
                       : "Answers per statement – \(who), wave \(summary.wave)"
        var note = sv ? "Andel svar; vänster om noll: instämmer mindre, höger: instämmer mer"
                      : "Share of answers; left of zero: agree less, right: agree more"
        if points.count % 2 == 1 { note += sv ? " (mittensvaret delas lika på båda sidor)" : " (the middle answer is split across both sides)" }
        let description = title + ". " + bars.map { b in
            "\(b.label): " + zip(points, b.counts).map { "\($0): \($1)" }.joined(separator: ", ") + " (n = \(b.n))"
        }.joined(separator: ". ")

        var svg = S.open(width: width, height: height, id: "likert-bars", title: title, description: description)
        svg += S.text(title, x: 16, y: 26, size: 17, weight: "bold")
        svg += S.text(note, x: 16, y: 46, size: 12, fill: "#333333")
        if summary.aggregated || shown.isEmpty || bars.allSatisfy({ $0.n == 0 }) {
            let why = summary.aggregated
                ? (sv ? "Sammanställd mätning: svarsfördelningen finns inte, bara medelvärden." : "Aggregated wave: no answer distribution exists, only means.")
                : (sv ? "Inga svar att visa (för få svarande eller enheten saknas)." : "No answers to show (too few respondents, or no such unit).")
            svg += S.text(why, x: 16, y: 80, size: 13)
            return svg + "</svg>\n"
        }
        // Legend: one swatch per answer, the end anchors named.
        var lx = labelWidth
        for (i, p) in points.enumerated() {
            svg += "<rect x=\"\(S.f(lx))\" y=\"62\" width=\"16\" height=\"14\" fill=\"\(colours[i])\" stroke=\"#777777\" stroke-width=\"0.5\"/>\n"
            svg += S.text(String(p), x: lx + 20, y: 74, size: 11)
            lx += 40
        }
        let low = scale.anchor(scale.min)?.label(language), high = scale.anchor(scale.max)?.label(language)
        if let low, let high {
            svg += S.text("\(scale.min) = \(low), \(scale.max) = \(high)", x: lx + 6, y: 74, size: 11, fill: "#333333")
        }
        // Grid at every 25 %.
        for t in stride(from: -1.0, through: 1.0, by: 0.25) {
            let x = xAt(t)
            svg += "<line x1=\"\(S.f(x))\" x2=\"\(S.f(x))\" y1=\"\(S.f(top - 6))\" y2=\"\(S.f(top + plotH))\" stroke=\"\(t == 0 ? "#333333" : "#e5e5e5")\"/>\n"
            svg += S.text(S.percent(abs(t), language), x: x, y: top + plotH + 16, size: 11, anchor: "middle")
        }
        let middle = points.count % 2 == 1 ? points.count / 2 : nil
        for (r, b) in bars.enumerated() {
            let y = top + Double(r) * (barH + gap)
            svg += S.text(b.label, x: labelWidth - 10, y: y + barH / 2 + 4, size: 12, anchor: "end")
            guard b.n > 0 else {
                svg += S.text(sv ? "inga svar" : "no answers", x: centre + 6, y: y + barH / 2 + 4, size: 11, fill: "#555555")
                continue
            }
            let shares = b.counts.map { Double($0) / Double(b.n) }
            let below = (0..<(middle ?? points.count / 2)).map { shares[$0] }.reduce(0, +)
            var x = xAt(-(below + (middle.map { shares[$0] / 2 } ?? 0)))
            for (i, share) in shares.enumerated() where share > 0 {
                let w = share * plotW / 2
                svg += "<rect x=\"\(S.f(x))\" y=\"\(S.f(y))\" width=\"\(S.f(w))\" height=\"\(S.f(barH))\" fill=\"\(colours[i])\"><title>\(S.escape("\(points[i]): \(S.percent(share, language)) (\(b.counts[i]))"))</title></rect>\n"
                if w >= 28 {
                    svg += S.text(S.percent(share, language), x: x + w / 2, y: y + barH / 2 + 4, size: 10, anchor: "middle",
                                  fill: S.textColour(on: colours[i]))
                }
                x += w
            }
            svg += S.text("n = \(b.n)", x: labelWidth + plotW + 8, y: y + barH / 2 + 4, size: 11, fill: "#333333")
        }
        svg += "</svg>\n"
        return svg
    }
}
