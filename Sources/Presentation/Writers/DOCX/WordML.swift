import LogicModel
/// Small builders for WordprocessingML (ECMA-376 Part 1, §17) fragments.
enum WordML {
    static let namespaces = """
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
    xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
    xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"
    """

    static func escape(_ s: String) -> String { Escape.xml(s) }

    /// One run; `xml:space="preserve"` keeps leading and trailing spaces.
    /// `size` in half-points (19 = 9.5 pt); nil keeps the paragraph style's.
    static func run(_ text: String, bold: Bool = false, italic: Bool = false, size: Int? = nil) -> String {
        var props = ""
        if bold { props += "<w:b/>" }
        if italic { props += "<w:i/>" }
        if let size { props += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        let rPr = props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"
        // Line breaks inside a run become <w:br/>.
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        return parts.enumerated().map { i, part in
            (i > 0 ? "<w:r>\(rPr)<w:br/></w:r>" : "") + "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(escape(String(part)))</w:t></w:r>"
        }.joined()
    }

    static func runs(_ text: RichText, bold: Bool = false, size: Int? = nil) -> String {
        text.spans.map {
            switch $0 {
            case .plain(let s): return run(s, bold: bold, size: size)
            case .emphasis(let s): return run(s, bold: bold, italic: true, size: size)
            case .strong(let s): return run(s, bold: true, size: size)
            }
        }.joined()
    }

    static func paragraph(style: String? = nil, properties: String = "", _ runs: String) -> String {
        let styleXML = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        let pPr = styleXML.isEmpty && properties.isEmpty ? "" : "<w:pPr>\(styleXML)\(properties)</w:pPr>"
        return "<w:p>\(pPr)\(runs)</w:p>"
    }

    static let pageBreak = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"

    /// `runs` inside a bookmark named `name` (`id` unique in the document), the target
    /// of a contents entry's link and PAGEREF field.
    static func bookmarked(_ runs: String, name: String, id: Int) -> String {
        "<w:bookmarkStart w:id=\"\(id)\" w:name=\"\(escape(name))\"/>\(runs)<w:bookmarkEnd w:id=\"\(id)\"/>"
    }

    /// A complex field (ECMA-376 Part 1, §17.16.18): `instruction` and the result shown
    /// until a reader computes it, `cached`.
    static func field(_ instruction: String, cached: String) -> String {
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> \(escape(instruction)) </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\(run(cached))"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    }
}
