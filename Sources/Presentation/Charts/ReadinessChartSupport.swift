import Foundation
import LogicModel

/// What the readiness charts share: escaping, number formats per language, palettes and
/// a rough text-width estimate for layout. Internal and prefixed so that other charts in
/// this folder can keep helpers of their own.
public enum ReadinessChartSupport {
    /// Okabe & Ito (2008) colour-blind-safe qualitative palette, ordered for lines on
    /// white (yellow last: it is faint on white).
    public static let okabeIto = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// ColorBrewer PuOr, 11 classes (Brewer, Harrower & Penn State), orange = low,
    /// purple = high; colour-blind safe.
    public static let puOr11 = ["#7f3b08", "#b35806", "#e08214", "#fdb863", "#fee0b6", "#f7f7f7",
                         "#d8daeb", "#b2abd2", "#8073ac", "#542788", "#2d004b"]

    /// ColorBrewer PuOr classes for a scale of `count` points (3–11), as ColorBrewer
    /// defines them; outside that range, interpolated.
    public static func puOr(_ count: Int) -> [String] {
        let table: [Int: [String]] = [
            3: ["#f1a340", "#f7f7f7", "#998ec3"],
            4: ["#e66101", "#fdb863", "#b2abd2", "#5e3c99"],
            5: ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"],
            6: ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"],
            7: ["#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"],
            8: ["#b35806", "#e08214", "#fdb863", "#fee0b6", "#d8daeb", "#b2abd2", "#8073ac", "#542788"],
            9: ["#b35806", "#e08214", "#fdb863", "#fee0b6", "#f7f7f7", "#d8daeb", "#b2abd2", "#8073ac", "#542788"],
            10: ["#7f3b08", "#b35806", "#e08214", "#fdb863", "#fee0b6", "#d8daeb", "#b2abd2", "#8073ac", "#542788", "#2d004b"],
            11: puOr11,
        ]
        if let colours = table[count] { return colours }
        return (0..<max(count, 1)).map { i in puOrContinuous(count <= 1 ? 0.5 : Double(i) / Double(count - 1)) }
    }

    /// PuOr as a continuous scale, t in 0…1 (0 = dark orange, 0.5 = white, 1 = dark purple).
    public static func puOrContinuous(_ t: Double) -> String {
        let stops = puOr11.map(rgb)
        let x = min(1, max(0, t)) * Double(stops.count - 1)
        let i = min(Int(x), stops.count - 2)
        let f = x - Double(i)
        let a = stops[i], b = stops[i + 1]
        return hex((a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f))
    }

    public static func rgb(_ hex: String) -> (Double, Double, Double) {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        return (Double((v >> 16) & 0xFF), Double((v >> 8) & 0xFF), Double(v & 0xFF))
    }

    public static func hex(_ c: (Double, Double, Double)) -> String {
        String(format: "#%02x%02x%02x", Int(c.0.rounded()), Int(c.1.rounded()), Int(c.2.rounded()))
    }

    /// Black or white text, whichever reads better on `background` (WCAG relative luminance).
    public static func textColour(on background: String) -> String {
        let (r, g, b) = rgb(background)
        func lin(_ c: Double) -> Double { let s = c / 255; return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4) }
        let l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
        return l < 0.22 ? "#ffffff" : "#000000"
    }

    public static func escape(_ s: String) -> String { Escape.xml(s) }

    /// `digits` decimals, as the report's one number formatter writes them (Swedish: a
    /// decimal comma, the true minus sign; half away from zero, so a mean of 5,35 reads
    /// 5,4 here as in the tables, not printf's 5,3).
    public static func number(_ x: Double, digits: Int = 1, _ language: Language) -> String {
        NumberStyle(language).decimal(x, decimals: digits)
    }

    /// A share (0…1) in percent: "27 %" (no-break space) / "27%".
    public static func percent(_ x: Double, _ language: Language, decimals: Int = 0) -> String {
        NumberStyle(language).percent(x * 100, decimals: decimals)
    }

    /// An item's name in a chart: its short label where the instrument gives one, else
    /// its statement cut at a word before `limit` characters ("Jag vill vara med och
    /// bidra…") — never its key (`want_to_contribute`), which is a CSV column name.
    public static func itemLabel(_ item: SurveyItem, _ language: Language, limit: Int = 32) -> String {
        let short = language == .en ? (item.shortEn ?? item.shortSv) : (item.shortSv ?? item.shortEn)
        if let short { return short }
        let statement = item.statement(language)
        guard statement.count > limit else { return statement }
        var out = ""
        for word in statement.split(separator: " ") {
            if out.count + word.count + 1 > limit - 1 { break }
            out += (out.isEmpty ? "" : " ") + word
        }
        return (out.isEmpty ? String(statement.prefix(limit - 1)) : out) + "…"
    }

    /// Width of `text` at `size` px in a sans-serif font, roughly (0.55 em per character):
    /// enough to lay out labels without a font engine.
    public static func width(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.55 }

    /// Splits a label into lines of at most `limit` characters at spaces; a longer word
    /// keeps a line of its own. No lines for an empty label.
    public static func wrap(_ text: String, limit: Int) -> [String] {
        text.split(separator: " ").isEmpty ? [] : TextWrap.lines(text, width: limit, breakingLongWords: false)
    }

    /// The y axis of a mean on a response scale: always the scale's whole range (1–7), a
    /// grid line and label at every point, the neutral midpoint's darker. Every chart of a
    /// scale — the readiness trend, a survey item's indicator trend — draws this one, so
    /// two units' or two statements' charts read against each other at a glance; an axis
    /// fitted to each chart's values (4,5–5,5 beside 3,7–4,6) could not be (issue 20).
    /// `y` maps a value in `scaleRange(scale)` to the plot.
    public static func scaleRange(_ scale: ResponseScale) -> (low: Double, high: Double) {
        (Double(scale.min), Double(scale.max))
    }

    /// The grid and tick labels of `scaleRange(scale)`, from `left` across `width`.
    public static func scaleGrid(_ scale: ResponseScale, left: Double, width: Double, y: (Double) -> Double,
                                 size: Double, labelGap: Double = 8) -> String {
        var svg = ""
        for p in scale.points {
            let at = y(Double(p))
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(left + width))\" y1=\"\(f(at))\" y2=\"\(f(at))\" stroke=\"\(Double(p) == scale.midpoint ? "#999999" : "#e5e5e5")\"/>\n"
            svg += text(String(p), x: left - labelGap, y: at + 4, size: size, anchor: "end")
        }
        return svg
    }

    public static func open(width: Double, height: Double, id: String, title: String, description: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title \(id)-desc" font-family="Helvetica, Arial, sans-serif">
        <title id="\(id)-title">\(escape(title))</title>
        <desc id="\(id)-desc">\(escape(description))</desc>
        <rect width="100%" height="100%" fill="#ffffff"/>

        """
    }

    public static func text(_ s: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
                     weight: String? = nil, fill: String = "#000000", extra: String = "") -> String {
        let w = weight.map { " font-weight=\"\($0)\"" } ?? ""
        return "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(w)\(extra)>\(escape(s))</text>\n"
    }

    /// Coordinates with at most two decimals, so SVG files stay small and stable.
    public static func f(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(format: "%.2f", r)
    }
}
