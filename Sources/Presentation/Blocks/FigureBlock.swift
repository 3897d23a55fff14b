import Foundation

/// A chart or diagram: an SVG the domain drew, with the caption and the n every chart
/// in a report must state (issue 9), and alt text for screen readers and for Word's
/// "alternative text".
public struct FigureBlock: Sendable, Equatable {
    /// A complete SVG document (`<svg …>…</svg>`) with `width`, `height` and `viewBox`.
    public var svg: String
    /// What the figure shows, e.g. "Förändringsbenägenhet per enhet, mars 2021".
    public var caption: String
    /// A sentence saying what a sighted reader sees (the main pattern, not every number).
    public var altText: String
    /// How many observations the figure rests on (respondents, cases, periods); nil for
    /// diagrams with no data (the logic model).
    public var n: Int?
    /// What `n` counts ("svarande", "ärenden"), in the report language.
    public var nLabel: String?
    /// Where the figure goes when printed.
    public var placement: Placement

    public init(svg: String, caption: String, altText: String, n: Int? = nil, nLabel: String? = nil,
                placement: Placement = .inline) {
        self.svg = svg
        self.caption = caption
        self.altText = altText
        self.n = n
        self.nLabel = nLabel
        self.placement = placement
    }

    /// The intrinsic size from the root element's `width`/`height` (pixels at 96 dpi),
    /// falling back to the `viewBox`; (600, 400) when neither parses.
    public var size: (width: Double, height: Double) {
        guard let open = svg.range(of: "<svg"), let close = svg[open.upperBound...].firstIndex(of: ">") else {
            return (600, 400)
        }
        let tag = String(svg[open.upperBound..<close])
        func attribute(_ name: String) -> String? {
            guard let r = tag.range(of: " \(name)=\"") else { return nil }
            let rest = tag[r.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return String(rest[..<end])
        }
        func number(_ s: String?) -> Double? {
            guard var s else { return nil }
            if s.hasSuffix("px") { s.removeLast(2) }
            return Double(s)
        }
        if let w = number(attribute("width")), let h = number(attribute("height")), w > 0, h > 0 { return (w, h) }
        if let box = attribute("viewBox")?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap({ Double($0) }),
           box.count == 4, box[2] > 0, box[3] > 0 {
            return (box[2], box[3])
        }
        return (600, 400)
    }
}

/// Where a figure or table goes when printed.
public enum Placement: String, Sendable, Equatable {
    /// In the text, shrunk to the text width if wider.
    case inline
    /// On landscape pages (print and DOCX): for wide diagrams such as the logic model and
    /// wide tables such as the logframe, unreadable at portrait width. Consecutive
    /// landscape blocks share their pages.
    case landscapePage
}
