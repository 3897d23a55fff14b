import Foundation

/// Markdown for wikis and git: GitHub-flavoured tables with column alignment, callouts
/// as block quotes. Figures cannot live inside a Markdown file, so with an output path
/// each figure is written as an SVG beside it (`<name>-figures/figure-N.svg`) and
/// linked; without one (stdout) the figure's caption and alt text stand in for it.
public struct MarkdownWriter {
    public let templates: TemplateSet
    public let strings: ReportStrings
    public let toolVersion: String
    /// Folder name for figures, relative to the Markdown file; nil when writing to stdout.
    public let figureFolder: String?

    public init(templates: TemplateSet, strings: ReportStrings, toolVersion: String, figureFolder: String?) {
        self.templates = templates
        self.strings = strings
        self.toolVersion = toolVersion
        self.figureFolder = figureFolder
    }

    public func write(_ document: ReportDocument) throws -> ReportOutput {
        var counter = CaptionCounter()
        var attachments: [(String, Data)] = []
        var body = ""
        let marking = document.marking.map { "> **\(MarkdownEscape.inline($0))**\n\n" } ?? ""
        for section in document.sections { body += render(section, depth: 1, counter: &counter, attachments: &attachments) }
        body += marking
        // The cover's texts (the pilot's name, the model, the owner) are typed by people:
        // escaped as the body's are, so "<script>" stays text where Markdown passes HTML on.
        var context = TemplateContext.common(document, strings: strings, toolVersion: toolVersion,
                                             escape: { MarkdownEscape.cell(MarkdownEscape.inline($0)) })
        context["body"] = "\n" + body
        let text = try templates.render(page: "report.md.mustache", cover: "cover.md.mustache", context: context)
        // The marking first, before the cover, and last.
        return ReportOutput(data: Data(Self.tidy(marking + text).utf8), attachments: attachments)
    }

    /// At most one blank line in a row, one newline at the end.
    static func tidy(_ text: String) -> String {
        var out = text
        while out.contains("\n\n\n") { out = out.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        return out.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }

    func render(_ section: ReportSection, depth: Int, counter: inout CaptionCounter,
                attachments: inout [(String, Data)]) -> String {
        var out = String(repeating: "#", count: min(6, depth + 1)) + " " + MarkdownEscape.inline(section.heading) + "\n\n"
        for block in section.blocks { out += render(block, depth: depth, counter: &counter, attachments: &attachments) }
        for child in section.children { out += render(child, depth: depth + 1, counter: &counter, attachments: &attachments) }
        return out
    }

    func render(_ block: Block, depth: Int, counter: inout CaptionCounter, attachments: inout [(String, Data)]) -> String {
        switch block {
        case .heading(let level, let text):
            return String(repeating: "#", count: min(6, depth + 1 + level)) + " " + MarkdownEscape.inline(text) + "\n\n"
        case .paragraph(let text):
            return MarkdownEscape.rich(text) + "\n\n"
        case .list(let list):
            return list.items.enumerated().map { i, item in
                (list.ordered ? "\(i + 1). " : "- ") + MarkdownEscape.rich(item)
            }.joined(separator: "\n") + "\n\n"
        case .callout(let c):
            return "> **\(MarkdownEscape.inline(c.displayTitle(strings))):** \(MarkdownEscape.rich(c.text))\n\n"
        case .pageBreak:
            return ""
        case .figure(let f):
            let (label, text) = counter.figure(f, strings)
            var out = ""
            if let figureFolder {
                let path = "\(figureFolder)/figure-\(counter.figures).svg"
                attachments.append((path, Data(f.svg.utf8)))
                out += "![\(MarkdownEscape.inline(f.altText))](\(path))\n\n"
            } else {
                out += "> \(MarkdownEscape.inline(f.altText))\n\n"
            }
            return out + "**\(label)** \(MarkdownEscape.inline(text))\n\n"
        case .table(let t):
            return table(t, counter: &counter)
        }
    }

    func table(_ t: TableBlock, counter: inout CaptionCounter) -> String {
        var out = ""
        if let (label, text) = counter.table(t, strings) { out += "**\(label)** \(MarkdownEscape.inline(text))\n\n" }
        let columns = t.columnCount
        func cells(_ row: [TableBlock.Cell], bold: Bool = false) -> String {
            var texts: [String] = []
            for cell in row {
                // A sparkline cell's text is its values in order ("85,4 → 80,8"): Markdown has no picture in a cell.
                var text = MarkdownEscape.cell(MarkdownEscape.rich(cell.text))
                if bold, !text.isEmpty { text = "**\(text)**" }
                texts.append(text)
                // GFM has no colspan: a spanning cell is followed by empty ones.
                texts += Array(repeating: "", count: cell.span - 1)
            }
            texts += Array(repeating: "", count: max(0, columns - texts.count))
            return "| " + texts.joined(separator: " | ") + " |\n"
        }
        // GFM has one header row; earlier header rows become bold rows above it.
        let header = t.headerRows.last ?? Array(repeating: TableBlock.Cell(""), count: columns)
        out += cells(header)
        out += "|" + (0..<columns).map { c in
            switch t.alignment(c) {
            case .left: return " --- |"
            case .right: return " ---: |"
            case .center: return " :---: |"
            }
        }.joined() + "\n"
        for row in t.headerRows.dropLast() { out += cells(row, bold: true) }
        for (r, row) in t.rows.enumerated() { out += cells(row, bold: t.totalRows.contains(r)) }
        out += "\n"
        for note in t.notes { out += "*\(MarkdownEscape.rich(note))*\n\n" }
        return out
    }
}

enum MarkdownEscape {
    /// Characters Markdown would read as markup, escaped.
    static func inline(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        // A leading "#", "-", "+" or "1." would start a heading or a list.
        if let first = out.first, "#-+".contains(first) { out = "\\" + out }
        return out
    }

    static func rich(_ t: RichText) -> String {
        t.spans.map {
            switch $0 {
            case .plain(let s): return inline(s)
            case .emphasis(let s): return Self.delimited(s, "*", inline)
            case .strong(let s): return Self.delimited(s, "**", inline)
            }
        }.joined()
    }

    /// Inside a table cell: pipes and line breaks would break the row.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
    }
}

extension MarkdownEscape {
    /// `*text*` with the spaces at either end moved outside the markers: CommonMark does
    /// not open emphasis before a space, so "* (förslag)*" would print its asterisks.
    static func delimited(_ text: String, _ marker: String, _ inline: (String) -> String) -> String {
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text.isEmpty ? "" : " " }
        let lead = text.prefix { $0 == " " }, trail = String(text.reversed().prefix { $0 == " " })
        return lead + marker + inline(core) + marker + trail
    }
}
