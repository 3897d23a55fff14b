import Foundation

/// One self-contained HTML file: CSS and SVG inline, no external reference of any kind
/// (no links, scripts, fonts or images from elsewhere), so it opens offline, prints
/// with page breaks before sections, and reads with a screen reader (a `lang`, one
/// `h1`, nested headings, `<th scope>`, figures with a text alternative).
public struct HTMLWriter {
    public let templates: TemplateSet
    public let strings: ReportStrings
    public let toolVersion: String

    public init(templates: TemplateSet, strings: ReportStrings, toolVersion: String) {
        self.templates = templates
        self.strings = strings
        self.toolVersion = toolVersion
    }

    public func write(_ document: ReportDocument) throws -> String {
        var counter = CaptionCounter()
        var body = ""
        var css = templates.text("report.css")
        if let marking = document.marking {
            // On screen a banner at the top, above the cover; in print the same words in
            // the top margin of every page (an @page margin box, which Chromium draws).
            css += "\n@page { @top-center { content: \"\(Self.cssString(marking))\"; font: 700 9pt sans-serif; color: #a0330b; } }\n"
                + ".marking { border: 2px solid #a0330b; color: #a0330b; font-weight: 700; padding: 0.4em 0.8em; }\n"
                + "@media print { .marking { display: none; } }\n"
        }
        for section in document.sections { body += render(section, depth: 1, counter: &counter) }
        let toc: [[String: Any]] = document.contents.map { entry in
            ["anchor": entry.anchor, "heading": entry.heading, "depth": entry.depth]
        }
        var context = TemplateContext.common(document, strings: strings, toolVersion: toolVersion)
        context["css"] = css
        context["toc"] = toc
        context["body"] = body
        let page = try templates.render(page: "report.html.mustache", cover: "cover.html.mustache", context: context)
        guard let marking = document.marking else { return page }
        return Self.insertedAfterBodyTag("<p class=\"marking\" role=\"note\">\(HTMLEscape.text(marking))</p>\n", into: page)
    }

    /// The page with `html` first in its body (any template: the banner goes where the
    /// reader starts, before the cover), or first in the page when it has no body tag.
    static func insertedAfterBodyTag(_ html: String, into page: String) -> String {
        guard let open = page.range(of: "<body"), let close = page[open.upperBound...].firstIndex(of: ">") else {
            return html + page
        }
        var out = page
        out.insert(contentsOf: "\n" + html, at: out.index(after: close))
        return out
    }

    /// Blocks as an HTML fragment, numbered captions from 1: the web pages render the
    /// reports' blocks through this, so a table reads the same on a page and in a report.
    /// `depth` 1 puts a block heading of level 1 at `<h3>` (the page's section is `<h2>`).
    public func fragment(_ blocks: [Block], depth: Int = 1) -> String {
        var counter = CaptionCounter()
        return fragment(blocks, depth: depth, counter: &counter)
    }

    /// Blocks as an HTML fragment, numbering captions on from `counter`: a page built of
    /// several fragments numbers its tables and figures once through (and so gives
    /// every figure its own id).
    public func fragment(_ blocks: [Block], depth: Int = 1, counter: inout CaptionCounter) -> String {
        blocks.map { render($0, depth: depth, counter: &counter) }.joined()
    }

    /// Sections with their headings as an HTML fragment (`depth` 1: `<h2>`), captions
    /// numbered on from `counter` across them.
    public func fragment(sections: [ReportSection], depth: Int = 1, counter: inout CaptionCounter) -> String {
        sections.map { render($0, depth: depth, counter: &counter) }.joined()
    }

    /// One section's blocks and subsections without its own heading (a web page whose
    /// `<h1>` already says it): block headings of level 1 become `<h2>`, as do the
    /// subsections' headings.
    public func fragment(contentsOf section: ReportSection, counter: inout CaptionCounter) -> String {
        section.blocks.map { render($0, depth: 0, counter: &counter) }.joined()
            + section.children.map { render($0, depth: 1, counter: &counter) }.joined()
    }

    /// Text as a CSS string's content: backslash, quote and line breaks escaped, and `<`
    /// so that the text cannot end the `<style>` element it sits in.
    static func cssString(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\\", "\"", "<", ">", "\n", "\r": out += "\\" + String(c.value, radix: 16) + " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    func render(_ section: ReportSection, depth: Int, counter: inout CaptionCounter) -> String {
        let level = min(6, depth + 1)
        var out = "<section id=\"\(section.anchor)\" aria-labelledby=\"\(section.anchor)-h\"\(section.pageBreakBefore ? " class=\"page-break-before\"" : "")>\n"
        out += "<h\(level) id=\"\(section.anchor)-h\">\(HTMLEscape.text(section.heading))</h\(level)>\n"
        for (i, block) in section.blocks.enumerated() {
            // A top-level section's subheading is in the contents: it needs an id to link to.
            if depth == 1, case .heading(1, let text) = block {
                let h = min(6, depth + 2)
                out += "<h\(h) id=\"\(ReportDocument.subheadingAnchor(section, i))\">\(HTMLEscape.text(text))</h\(h)>\n"
                continue
            }
            out += render(block, depth: depth, counter: &counter)
        }
        for child in section.children { out += render(child, depth: depth + 1, counter: &counter) }
        out += "</section>\n"
        return out
    }

    func render(_ block: Block, depth: Int, counter: inout CaptionCounter) -> String {
        switch block {
        case .heading(let level, let text):
            let h = min(6, depth + 1 + level)
            return "<h\(h)>\(HTMLEscape.text(text))</h\(h)>\n"
        case .paragraph(let text):
            let note = CompiledNote.matches(text, strings: strings) ? " class=\"compiled-note\"" : ""
            return "<p\(note)>\(HTMLEscape.rich(text))</p>\n"
        case .list(let list):
            let tag = list.ordered ? "ol" : "ul"
            return "<\(tag)>\n" + list.items.map { "<li>\(HTMLEscape.rich($0))</li>\n" }.joined() + "</\(tag)>\n"
        case .callout(let c):
            var out = "<aside class=\"callout callout-\(c.kind.rawValue)\" role=\"note\">\n"
            out += "<p class=\"callout-title\">\(HTMLEscape.text(c.displayTitle(strings)))</p>\n"
            out += "<p>\(HTMLEscape.rich(c.text))</p>\n</aside>\n"
            return out
        case .pageBreak:
            return "<div class=\"page-break-before\" aria-hidden=\"true\"></div>\n"
        case .figure(let f):
            let (label, text) = counter.figure(f, strings)
            let prefix = "fig\(counter.figures)"
            let placement = f.placement == .landscapePage ? " class=\"landscape\"" : ""
            return "<figure id=\"figure-\(counter.figures)\"\(placement)>\n" + SVGInline.prepare(f.svg, prefix: prefix, title: f.altText)
                + "\n<figcaption><strong>\(HTMLEscape.text(label))</strong> \(HTMLEscape.text(text))</figcaption>\n</figure>\n"
        case .table(let t):
            return table(t, counter: &counter)
        }
    }

    /// A sparkline inline: its SVG without the namespace (HTML knows `<svg>`, and a
    /// self-contained page carries no address), named for a screen reader by its values
    /// in words (`role="img"`, `aria-label`, and the `<title>` a mouse shows).
    static func sparkline(_ line: Sparkline) -> String {
        var svg = line.svg().replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        if let open = svg.range(of: "<svg ") {
            svg.replaceSubrange(open, with: "<svg class=\"sparkline\" role=\"img\" aria-label=\"\(HTMLEscape.text(line.label))\" ")
        }
        return svg
    }

    /// A body cell's text: its dates each kept on one line (`WholeDates`).
    static func cellHTML(_ text: RichText) -> String { WholeDates.html(HTMLEscape.rich(text)) }

    func table(_ t: TableBlock, counter: inout CaptionCounter) -> String {
        // A wide table scrolls inside its block; the block takes focus so that a keyboard
        // can scroll it too (WCAG 2.1.1), and is named by the caption when there is one.
        let caption = counter.table(t, strings)
        let name = caption.map { " role=\"region\" aria-label=\"\(HTMLEscape.text($0.label + " " + $0.text))\"" } ?? ""
        // In print a short table stays on one page with its caption; a row too tall to
        // move whole may split (`PrintBreaks`, the CSS's `.keep` and `tr.split`).
        let breaks = PrintBreaks(t)
        let keep = breaks.keepWhole ? " keep" : ""
        var out = "<div class=\"table-block\(t.placement == .landscapePage ? " landscape" : "")\(keep)\" tabindex=\"0\"\(name)>\n<table>\n"
        if let (label, text) = caption {
            out += "<caption><strong>\(HTMLEscape.text(label))</strong> \(HTMLEscape.text(text))</caption>\n"
        }
        func cls(_ column: Int) -> String {
            switch t.alignment(column) {
            case .right: return " class=\"num\""
            case .center: return " class=\"center\""
            case .left: return ""
            }
        }
        if !t.headerRows.isEmpty {
            out += "<thead>\n"
            for row in t.headerRows {
                out += "<tr>"
                var column = 0
                for cell in row {
                    let span = cell.span > 1 ? " colspan=\"\(cell.span)\" scope=\"colgroup\"" : " scope=\"col\""
                    out += "<th\(span)\(cell.span == 1 ? cls(column) : "")>\(HTMLEscape.rich(cell.text))</th>"
                    column += cell.span
                }
                out += "</tr>\n"
            }
            out += "</thead>\n"
        }
        out += "<tbody>\n"
        for (r, row) in t.rows.enumerated() {
            let classes = (t.totalRows.contains(r) ? ["total"] : []) + (breaks.splitRows.contains(r) ? ["split"] : [])
            out += classes.isEmpty ? "<tr>" : "<tr class=\"\(classes.joined(separator: " "))\">"
            var column = 0
            for cell in row {
                let span = cell.span > 1 ? " colspan=\"\(cell.span)\"" : ""
                // A blank row header continues the group above it: a data cell, not an
                // empty header (axe: empty-table-header).
                if cell.isRowHeader && !HTMLEscape.rich(cell.text).isEmpty {
                    out += "<th scope=\"row\"\(span)>\(Self.cellHTML(cell.text))</th>"
                } else if let line = cell.sparkline {
                    out += "<td\(span)\(cls(column))>\(Self.sparkline(line))</td>"
                } else {
                    out += "<td\(span)\(cls(column))>\(Self.cellHTML(cell.text))</td>"
                }
                column += cell.span
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !t.notes.isEmpty {
            out += t.notes.map { "<p class=\"table-notes\">\(HTMLEscape.rich($0))</p>\n" }.joined()
        }
        return out + "</div>\n"
    }
}

/// The variables every page template gets (docs/reports.md lists them).
enum TemplateContext {
    static func common(_ d: ReportDocument, strings s: ReportStrings, toolVersion: String,
                       escape: (String) -> String = { $0 }) -> [String: Any] {
        let fields: [[String: Any]] = d.coverTableFields.map { ["key": $0.key, "label": escape($0.label), "value": escape($0.value)] }
        var context: [String: Any] = [
            "lang": d.language.rawValue,
            "kind": d.kind.rawValue,
            "title": escape(d.title),
            "toc_title": s("cover.toc"),
            "fields": fields,
            "has_fields": !fields.isEmpty,
            "colophon": d.colophon.map(escape),
            "tool_version": toolVersion,
            "owner": escape(d.cover.fields.first { $0.key == "administration" }?.value ?? ""),
        ]
        if let subtitle = d.subtitle { context["subtitle"] = escape(subtitle) }
        return context
    }
}
