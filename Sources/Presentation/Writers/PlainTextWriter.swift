import Foundation
import LogicModel

/// Blocks as plain text for a terminal: headings underlined, paragraphs and notes
/// wrapped at `width` (the one word-wrapper, `TextWrap`), tables aligned in columns with
/// figures to the right. What `--format table` prints; the same blocks become HTML,
/// Markdown and DOCX in the other writers. A cell with line breaks (the logframe's
/// indicators, one a line) is written line under line, as the documents' `<br>`.
public struct PlainTextWriter: Sendable {
    public var width: Int
    /// Tables wider than `width` have their widest columns wrapped to fit it (the
    /// logframe's five columns of prose). Off by default: a result table keeps each
    /// figure and label on one line, however wide that makes it.
    public var fitsTables: Bool

    public init(width: Int = 88, fitsTables: Bool = false) {
        self.width = width
        self.fitsTables = fitsTables
    }

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
        func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        var widths = (0..<columns).map { c in all.map { c < $0.count ? lines($0[c]).map(\.count).max() ?? 0 : 0 }.max() ?? 0 }
        if fitsTables { widths = Self.fitted(widths, into: width - 2 * max(0, columns - 1)) }
        func line(_ row: [String]) -> String {
            var cells: [String] = []
            for c in 0..<columns {
                let text = c < row.count ? row[c] : ""
                let pad = String(repeating: " ", count: max(0, widths[c] - text.count))
                cells.append(table.alignment(c) == .right ? pad + text : text + pad)
            }
            return cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        // A row as one line per line of its tallest cell.
        func rowLines(_ row: [String]) -> String {
            let cells = (0..<columns).map { c -> [String] in
                guard c < row.count else { return [""] }
                return lines(row[c]).flatMap { $0.count <= widths[c] ? [$0] : TextWrap.lines($0, width: widths[c]) }
            }
            let height = cells.map(\.count).max() ?? 1
            return (0..<height).map { k in line(cells.map { k < $0.count ? $0[k] : "" }) + "\n" }.joined()
        }
        var out = table.caption.map { wrapped($0) } ?? ""
        for row in header { out += rowLines(row) }
        if !header.isEmpty {
            // A column with nothing in it (an empty flag column) adds no trailing spaces.
            let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
            out += rule.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        for row in body { out += rowLines(row) }
        for note in table.notes { out += wrapped(note.plainText) }
        return out
    }

    /// Column widths whose sum fits `available`: the narrow columns keep theirs, the wide
    /// ones share what is left alike, none narrower than `minimum`.
    static func fitted(_ widths: [Int], into available: Int, minimum: Int = 12) -> [Int] {
        var cap = widths.max() ?? 0
        while cap > minimum && widths.reduce(0, { $0 + min($1, cap) }) > available { cap -= 1 }
        return widths.map { min($0, cap) }
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
