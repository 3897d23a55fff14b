import Foundation

/// A date in a table cell stays on one line: the PDSA table's narrow "Tid" column broke
/// "2021-02-01" after each hyphen in Chromium, one part a line, and "12 mars 2021"
/// would break at its spaces anywhere (issue 20, a FoU reviewer). The dash of an open
/// range ("2021-08-23 –") stays with the date before it, so a range breaks after its dash.
///
/// Found by their form, as `NumberStyle` writes them: ISO ("2021-02-01") and in words
/// ("12 mars 2021", "12 March 2021"). HTML puts each in a `span.date` that the CSS keeps
/// on one line (no-break spaces would not hold an ISO date's hyphens); DOCX, which has
/// no such span, joins its spaces with no-break spaces, which Word and LibreOffice keep
/// and `DOCXWriter.ColumnMeasure` counts as one word, so its column fits the date whole.
enum WholeDates {
    static let pattern: NSRegularExpression = {
        let months = (NumberStyle.swedishMonths + NumberStyle.englishMonths).joined(separator: "|")
        // Not inside a longer number ("12021-02-01", "2021-02-013"); a space may be a
        // no-break space already.
        return try! NSRegularExpression(pattern: "(?<![0-9])(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[ \u{00A0}](?:\(months))[ \u{00A0}][0-9]{4})(?![0-9])(?:[ \u{00A0}]–)?")
    }()

    /// Where the dates are in `text`, each with the dash of an open range after it.
    static func ranges(in text: String) -> [Range<String.Index>] {
        pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text) }
    }

    /// Escaped HTML with each date in `<span class="date">`. Safe on a cell's HTML: a date
    /// has no character HTML escapes, and `HTMLEscape.rich` writes no attributes to match in.
    static func html(_ escaped: String) -> String {
        var out = escaped
        for range in ranges(in: escaped).reversed() {
            out.replaceSubrange(range, with: "<span class=\"date\">\(escaped[range])</span>")
        }
        return out
    }

    /// `text` with the spaces inside its dates no-break spaces.
    static func joined(_ text: String) -> String {
        var out = text
        for range in ranges(in: text).reversed() {
            out.replaceSubrange(range, with: text[range].replacingOccurrences(of: " ", with: NumberStyle.noBreakSpace))
        }
        return out
    }

    static func joined(_ text: RichText) -> RichText { text.mapText(joined) }

    /// The table with every cell's dates joined.
    static func joined(_ t: TableBlock) -> TableBlock {
        var out = t
        out.headerRows = t.headerRows.map { $0.map(joined) }
        out.rows = t.rows.map { $0.map(joined) }
        return out
    }

    private static func joined(_ cell: TableBlock.Cell) -> TableBlock.Cell {
        var out = cell
        out.text = joined(cell.text)
        return out
    }
}
