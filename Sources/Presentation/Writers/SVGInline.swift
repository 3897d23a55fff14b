import Foundation
import LogicModel

/// Prepares an SVG document for inlining into HTML: no XML prolog, no namespace URLs
/// (HTML5 knows `<svg>`; a self-contained report carries no `http` at all), ids made
/// unique per figure (two charts both defining `#arrow` would otherwise share one),
/// and an accessible name: `role="img"` with the alt text as its `<title>`.
enum SVGInline {
    static func prepare(_ svg: String, prefix: String, title: String) -> String {
        var s = svg
        s = replace(s, #"<\?xml[^>]*\?>"#, "")
        s = replace(s, #"<!DOCTYPE[^>]*>"#, "")
        s = replace(s, #"\s+xmlns(:\w+)?="[^"]*""#, "")
        s = s.replacingOccurrences(of: "xlink:href=", with: "href=")
        // The renderer's own title (the model name) gives way to the alt text.
        if let r = s.range(of: #"<title>[\s\S]*?</title>"#, options: .regularExpression) { s.removeSubrange(r) }
        s = replace(s, #"\bid="([^"]+)""#, "id=\"\(prefix)-$1\"")
        s = replace(s, #"url\(#([^)]+)\)"#, "url(#\(prefix)-$1)")
        s = replace(s, ##"href="#([^"]+)""##, "href=\"#\(prefix)-$1\"")
        guard let open = s.range(of: "<svg"), let close = s[open.upperBound...].firstIndex(of: ">") else { return s }
        let titleID = "\(prefix)-title"
        let attributes = String(s[open.upperBound..<close])
        s = String(s[..<open.lowerBound]) + "<svg role=\"img\" aria-labelledby=\"\(titleID)\"" + attributes
            + "><title id=\"\(titleID)\">\(HTMLEscape.text(title))</title>" + String(s[s.index(after: close)...])
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func replace(_ s: String, _ pattern: String, _ template: String) -> String {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return s }
        return re.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
    }
}

public enum HTMLEscape {
    /// HTML text and attribute values: the same five characters as XML.
    public static func text(_ s: String) -> String { Escape.xml(s) }

    public static func rich(_ t: RichText) -> String {
        t.spans.map {
            switch $0 {
            case .plain(let s): return text(s)
            case .emphasis(let s): return "<em>\(text(s))</em>"
            case .strong(let s): return "<strong>\(text(s))</strong>"
            }
        }.joined().replacingOccurrences(of: "\n", with: "<br>\n")
    }
}
