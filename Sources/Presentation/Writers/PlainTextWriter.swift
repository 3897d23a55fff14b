import Foundation
import LogicModel

/// Blocks as plain text for a terminal: headings underlined, paragraphs and notes
/// wrapped at `width` (the one word-wrapper, `TextWrap`), tables aligned in columns with
/// figures to the right. What `--format table` prints; the same blocks become HTML,
/// Markdown and DOCX in the other writers.
public struct PlainTextWriter: Sendable {
    public var width: Int

    public init(width: Int = 88) { self.width = width }

    public func render(_ blocks: [Block]) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                parts.append(text + "\n" + String(repeating: level <= 1 ? "=" : "-", count: text.count) + "\n")
            case .paragraph(let text):
                parts.append(wrapped(text.plainText))
            case .list(let list):
                parts.append(list.items.enumerated().map { k, item in
                    wrapped(item.plainText, first: list.ordered ? "\(k + 1). " : "- ", rest: list.ordered ? "   " : "  ")
                }.joined())
            case .table(let table):
                parts.append(render(table))
            case .figure(let figure):
                parts.append(wrapped("[\(figure.caption): \(figure.altText)]"))
            case .callout(let callout):
                let title = callout.title.map { $0 + ": " } ?? ""
                parts.append(wrapped(title + callout.text.plainText, first: "! ", rest: "  "))
            case .pageBreak:
                continue
            }
        }
        return parts.joined(separator: "\n")
    }

    /// A table: caption, header rows underlined, body rows, notes. A cell spanning
    /// columns is written in its first column.
    public func render(_ table: TableBlock) -> String {
        // A sparkline cell shows its text, the values in order ("85,4 → 80,8").
        func expand(_ row: [TableBlock.Cell]) -> [String] {
            row.flatMap { [$0.text.plainText] + Array(repeating: "", count: $0.span - 1) }
        }
        let header = table.headerRows.map(expand)
        let body = table.rows.map(expand)
        let all = header + body
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            var cells: [String] = []
            for c in 0..<columns {
                let text = c < row.count ? row[c] : ""
                let pad = String(repeating: " ", count: widths[c] - text.count)
                cells.append(table.alignment(c) == .right ? pad + text : text + pad)
            }
            return cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = table.caption.map { wrapped($0) } ?? ""
        for row in header { out += line(row) + "\n" }
        if !header.isEmpty {
            // A column with nothing in it (an empty flag column) adds no trailing spaces.
            let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
            out += rule.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        for row in body { out += line(row) + "\n" }
        for note in table.notes { out += wrapped(note.plainText) }
        return out
    }

    /// Each line of `text` wrapped at the width. A line that starts with spaces keeps
    /// them, on its continuation lines too: the indented sub-items of a paragraph
    /// (readiness's subscales and pairwise tests) stay under their item.
    func wrapped(_ text: String, first: String = "", rest: String = "") -> String {
        var out = ""
        for (k, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = paragraph.allSatisfy { $0 == " " } ? "" : String(paragraph.prefix { $0 == " " })
            let prefix = k == 0 ? first : rest
            let lines = TextWrap.lines(String(paragraph.dropFirst(indent.count)), width: width - prefix.count - indent.count)
            for (i, l) in lines.enumerated() { out += (i == 0 ? prefix : rest) + indent + l + "\n" }
        }
        return out
    }
}
