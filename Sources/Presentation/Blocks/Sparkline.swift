import Foundation
import LogicModel

/// A word-sized line chart of one series for a table cell (Tufte's sparkline; the
/// steering brief's indicator overview, after the summary icons of NHS "Making Data
/// Count"): the shape of the values over the periods, no axes, the newest value marked.
///
/// It carries numbers, not a picture: each writer draws it in its own way — HTML inline
/// (`svg()`, with `label` as its accessible name), DOCX as a small picture (the PNG of
/// `svg()`), plain text and Markdown as the cell's text (the values in order,
/// "85,4 → 80,8"), which the cell holds anyway.
///
/// A nil value is a gap: a period without a value, or one withheld by disclosure
/// control. A gap is never drawn — no point, and no line across it.
public struct Sparkline: Sendable, Equatable {
    /// The values in order, oldest first; nil for a gap.
    public var values: [Double?]
    /// The series in words, for a screen reader and for Word's alternative text:
    /// "Utfall per period: tertial 1 2021 85,4 %, tertial 2 2021 80,8 %".
    public var label: String
    /// The least range of values the height stands for: a series spanning less is drawn
    /// around its middle within this range, so a change too small to matter is not drawn
    /// as a climb from bottom to top. Zero: the values span the height, whatever they are.
    public var minimumSpan: Double

    public init(values: [Double?], minimumSpan: Double = 0, label: String) {
        self.values = values
        self.minimumSpan = max(0, minimumSpan)
        self.label = label
    }

    /// Size in CSS pixels (96 dpi): about seven characters wide and one line high.
    public static let width = 56.0, height = 16.0

    /// The colour of the line: the trend charts' blue (Okabe–Ito), dark enough on white.
    static let colour = "#0072B2"

    /// The points a writer draws: x and y in the `width` × `height` box, nil for a gap.
    /// The values span the height (less a margin for the marker); a flat series lies
    /// in the middle. One period alone sits in the middle too.
    public var points: [(x: Double, y: Double)?] {
        let shown = values.compactMap { $0 }
        guard var low = shown.min(), var high = shown.max() else { return values.map { _ in nil } }
        if high - low < minimumSpan {
            let middle = (high + low) / 2
            (low, high) = (middle - minimumSpan / 2, middle + minimumSpan / 2)
        }
        let margin = 3.0
        let count = values.count
        return values.enumerated().map { i, v in
            guard let v else { return nil }
            let x = count == 1 ? Self.width / 2 : margin + Double(i) * (Self.width - 2 * margin) / Double(count - 1)
            let y = high == low ? Self.height / 2
                : margin + (high - v) / (high - low) * (Self.height - 2 * margin)
            return (x, y)
        }
    }

    /// A complete SVG document (with its namespace, so a rasteriser reads it) whose
    /// `<title>` is `label`. Runs of neighbouring values are lines; a value with a gap on
    /// both sides is a dot; the newest value shown carries a dot.
    public func svg() -> String {
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let pts = points
        var path = ""
        var dots: [(Double, Double)] = []
        for (i, p) in pts.enumerated() {
            guard let p else { continue }
            let before = i > 0 && pts[i - 1] != nil
            let after = i + 1 < pts.count && pts[i + 1] != nil
            if !before && !after { dots.append(p); continue }
            path += (before ? "L" : "M") + f(p.x) + " " + f(p.y) + " "
        }
        if let last = pts.last(where: { $0 != nil }) ?? nil, !dots.contains(where: { $0 == last }) { dots.append(last) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\" "
            + "viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\">"
        out += "<title>" + Escape.xml(label) + "</title>"
        if !path.isEmpty {
            out += "<path d=\"\(path.trimmingCharacters(in: .whitespaces))\" fill=\"none\" stroke=\"\(Self.colour)\" "
                + "stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
        }
        for d in dots { out += "<circle cx=\"\(f(d.0))\" cy=\"\(f(d.1))\" r=\"2\" fill=\"\(Self.colour)\"/>" }
        return out + "</svg>"
    }
}
