import Foundation
import LogicModel
import Presentation

/// `report verify`'s check of a written document (HTML, DOCX, Markdown) against the
/// report rebuilt from its record (issue 20): every figure the report publishes — each
/// table cell's figures as `NumberStyle` writes them, each chart's n, every number of its
/// sentences and boxes — is found in the document's visible text, and every table of the
/// document holds in each cell exactly the numbers the record's table holds there.
///
/// Only numbers are compared, in one spelling (`WrittenNumbers`), and the document is read
/// from the file alone (`RenderedDocument`). A table is found in the document by its
/// words (its numbers masked), so a changed figure still finds its table and is named by
/// where it stands: the section, the table's caption, the row's label — the indicator,
/// outcome or unit by its title — and the column.
///
/// Not checked: prose the author wrote beyond that its numbers are there (when the text
/// file is found), the cover's fields and the colophon (text, not figures), chart labels
/// inside an image (a PNG in DOCX) and numbers the document has in its sentences beyond
/// the record's (dates, section numbers, the author's own figures).
public enum DocumentFigureCheck {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// Where: "6.3 Förändringsbenägenhet › Tabell «Per enhet» › Enhet A › Medelvärde".
        public var place: String
        /// What the document shows there ("absent" for a figure it lacks).
        public var document: String
        /// What the record holds there.
        public var record: String

        public var description: String { "\(place): the document says \(document), the record \(record)" }
    }

    /// One table of the rebuilt report, laid out as the writer of a format lays it out.
    struct Expected {
        var section: String
        var caption: String?
        /// Cell texts, in the format's row order and cell layout.
        var rows: [[String]]
        /// Per row, what names it (its first text cell); per row and cell, its column's heading.
        var labels: [String]
        var columns: [[String]]
        var signature: String
    }

    /// - Parameters:
    ///   - rebuilt: the report built again from the record's inputs and the database.
    ///   - sentences: whether the rebuilt report's sentences are the document's (false when
    ///     the author's text file could not be found: compiled sections then differ).
    public static func check(_ rendered: RenderedDocument, against rebuilt: ReportDocument, strings: ReportStrings,
                             sentences: Bool = true) -> [Finding] {
        let language = rebuilt.language
        var findings: [Finding] = []
        // Tables, in order.
        let expected = tables(rebuilt, format: rendered.format, strings: strings)
        let candidates = rendered.tables.enumerated().filter { !$0.element.isCover }
        var used = Set<Int>()
        var cursor = 0
        var explained: [String: Int] = [:]   // figures of cells already reported, by value
        for table in expected {
            let rest = candidates.filter { $0.offset >= cursor && !used.contains($0.offset) }
            let match = rest.first { signature($0.element.rows) == table.signature }
                ?? rest.first { $0.element.rows.count == table.rows.count && ($0.element.caption.map { signature([[$0]]) }
                                   == table.caption.map { signature([[$0]]) }) }
            let name = table.section + " › " + (table.caption.map { "«\($0)»" } ?? strings("table.label", ["number": "?"]))
            guard let match else {
                let figures = table.rows.flatMap { $0 }.flatMap { WrittenNumbers.values(in: $0, language: language) }
                if !figures.isEmpty {
                    findings.append(Finding(place: name, document: "no such table", record: "a table of \(figures.count) figures"))
                }
                continue
            }
            let index = match.offset, found = match.element
            used.insert(index)
            cursor = index + 1
            if found.rows.count != table.rows.count {
                findings.append(Finding(place: name, document: "\(found.rows.count) rows", record: "\(table.rows.count) rows"))
            }
            for (r, row) in table.rows.enumerated() where r < found.rows.count {
                let other = found.rows[r]
                for c in 0..<max(row.count, other.count) {
                    let want = c < row.count ? row[c] : "", have = c < other.count ? other[c] : ""
                    let a = WrittenNumbers.values(in: want, language: language)
                    let b = WrittenNumbers.values(in: have, language: language)
                    guard a != b else { continue }
                    for v in a { explained[v, default: 0] += 1 }
                    let column = r < table.columns.count && c < table.columns[r].count ? table.columns[r][c] : ""
                    var place = name + " › " + (table.labels[r].isEmpty ? "row \(r + 1)" : table.labels[r])
                    if !column.isEmpty { place += " › " + column }
                    findings.append(Finding(place: place, document: have.isEmpty ? "nothing" : "«\(have)»",
                                            record: want.isEmpty ? "nothing" : "«\(want)»"))
                }
            }
        }
        for (index, table) in candidates where !used.contains(index) {
            let figures = table.rows.flatMap { $0 }.flatMap { WrittenNumbers.values(in: $0, language: language) }
            if !figures.isEmpty {
                findings.append(Finding(place: table.caption.map { "«\($0)»" } ?? "table \(index + 1) of the document",
                                        document: "a table of \(figures.count) figures", record: "no such table"))
            }
        }

        // Every figure of the report somewhere in the document, as often as the report has it.
        var have: [String: Int] = [:]
        for v in WrittenNumbers.values(in: rendered.text, language: language) { have[v, default: 0] += 1 }
        var want: [String: Int] = [:]
        var whereSaid: [String: (section: String, text: String)] = [:]
        for (section, text) in figureTexts(rebuilt, format: rendered.format, strings: strings, sentences: sentences) {
            for token in WrittenNumbers.tokens(in: text, language: language) {
                want[token.value, default: 0] += 1
                if whereSaid[token.value] == nil { whereSaid[token.value] = (section, context(token, in: text)) }
            }
        }
        for (value, count) in want.sorted(by: { $0.key < $1.key }) {
            let missing = count - (have[value] ?? 0) - (explained[value] ?? 0)
            guard missing > 0, let said = whereSaid[value] else { continue }
            findings.append(Finding(place: said.section + " › «\(said.text)»",
                                    document: missing == count ? "absent" : "\(count - missing) of \(count) times",
                                    record: "\(value) \(count) time\(count == 1 ? "" : "s")"))
        }
        return findings
    }

    /// A few words either side of a token, for a message.
    static func context(_ token: WrittenNumbers.Token, in text: String) -> String {
        let start = text.index(token.range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(token.range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
        return (start > text.startIndex ? "…" : "") + text[start..<end].replacingOccurrences(of: "\n", with: " ")
            + (end < text.endIndex ? "…" : "")
    }

    /// The words of a table, numbers and symbols out: what finds it in the document
    /// whatever figure was changed.
    static func signature(_ rows: [[String]]) -> String {
        rows.map { $0.map { String($0.unicodeScalars.filter { CharacterSet.letters.contains($0) }) }
            .filter { !$0.isEmpty }.joined(separator: "|") }
            .filter { !$0.isEmpty }.joined(separator: "/")
    }

    /// Every table of the report in reading order, as `format`'s writer lays it out.
    static func tables(_ d: ReportDocument, format: ReportFormat, strings: ReportStrings) -> [Expected] {
        var out: [Expected] = []
        func walk(_ s: ReportSection, _ path: String) {
            for case .table(let t) in s.blocks { out.append(expected(t, section: path, format: format)) }
            for child in s.children { walk(child, child.heading) }
        }
        for s in d.sections { walk(s, s.heading) }
        return out
    }

    static func expected(_ t: TableBlock, section: String, format: ReportFormat) -> Expected {
        let columns = t.columnCount
        let heads = t.headerRows.last ?? []
        /// The heading over the column that starts at `column`.
        func heading(_ column: Int) -> String {
            var c = 0
            for cell in heads {
                if column >= c && column < c + cell.span { return cell.text.plainText }
                c += cell.span
            }
            return ""
        }
        func layout(_ row: [TableBlock.Cell]) -> (texts: [String], columns: [String]) {
            var texts: [String] = [], names: [String] = []
            var c = 0
            for cell in row {
                texts.append(shown(cell, format: format))
                names.append(heading(c))
                if format == .markdown, cell.span > 1 {
                    texts += Array(repeating: "", count: cell.span - 1)
                    names += Array(repeating: "", count: cell.span - 1)
                }
                c += cell.span
            }
            if format == .markdown, texts.count < columns {
                texts += Array(repeating: "", count: columns - texts.count)
                names += Array(repeating: "", count: columns - names.count)
            }
            return (texts, names)
        }
        // Markdown has one header row: the last, then the others as bold rows.
        let order: [[TableBlock.Cell]] = format == .markdown
            ? [t.headerRows.last ?? Array(repeating: TableBlock.Cell(""), count: columns)] + t.headerRows.dropLast() + t.rows
            : t.headerRows + t.rows
        let laid = order.map(layout)
        let labels = order.map { row in row.first { $0.figures.isEmpty && !$0.text.plainText.isEmpty }?.text.plainText ?? "" }
        let rows = laid.map(\.texts)
        return Expected(section: section, caption: t.caption, rows: rows, labels: labels, columns: laid.map(\.columns),
                        signature: signature(rows))
    }

    /// What a cell shows in `format`: its text, or for a sparkline drawn as a picture (HTML,
    /// DOCX) its values in words, which the reader of the file gets as the picture's name.
    static func shown(_ cell: TableBlock.Cell, format: ReportFormat) -> String {
        guard let line = cell.sparkline, format != .markdown else { return cell.text.plainText }
        return line.label
    }

    /// The texts whose numbers the document must show: per section, every table cell,
    /// caption and note, every chart's caption with its n, and — when `sentences` — every
    /// paragraph, list item and box.
    static func figureTexts(_ d: ReportDocument, format: ReportFormat, strings: ReportStrings,
                            sentences: Bool) -> [(String, String)] {
        var out: [(String, String)] = []
        var counter = CaptionCounter()
        func walk(_ s: ReportSection) {
            for block in s.blocks {
                switch block {
                case .table(let t):
                    if let caption = t.caption { out.append((s.heading, caption)) }
                    for row in t.headerRows + t.rows {
                        out.append((s.heading, row.map { shown($0, format: format) }.joined(separator: " | ")))
                    }
                    if sentences { t.notes.forEach { out.append((s.heading, $0.plainText)) } }
                case .figure(let f):
                    out.append((s.heading, counter.figure(f, strings).text))
                case .paragraph(let p) where sentences: out.append((s.heading, p.plainText))
                case .list(let l) where sentences: l.items.forEach { out.append((s.heading, $0.plainText)) }
                case .callout(let c) where sentences: out.append((s.heading, c.text.plainText))
                default: break
                }
            }
            s.children.forEach(walk)
        }
        d.sections.forEach(walk)
        return out
    }
}
