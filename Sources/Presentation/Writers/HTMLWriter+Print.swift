import Foundation

extension HTMLWriter {
    /// Where a table may break across printed pages (Chromium), from an estimate of its
    /// height: DOCXWriter's column widths and lines (`ColumnMeasure`, characters as wide as
    /// DejaVu Sans, wider than the page's Liberation Sans, so rather more lines than print).
    ///
    /// A table kept whole moves to the next page when it does not fit, leaving the rest of
    /// the page white; so only a short one is kept: at most `DOCXWriter.shortTableRows`
    /// rows and `keepFraction` of a page. A longer one breaks between rows (its caption,
    /// heads and first two rows together, its last two rows with its notes: the CSS). A row
    /// kept whole does the same on its own: the logframe's row of eight indicators, most of
    /// a landscape page, left the page before it a third full (issue 20). So a row taller
    /// than `splitFraction` of a page may split, three lines at least on either side.
    struct PrintBreaks {
        var keepWhole: Bool
        /// Body rows (indices into `rows`) that may split across a page.
        var splitRows: Set<Int>

        /// Of the page's text height: the tallest table kept whole, the tallest row.
        static let keepFraction = 0.4, splitFraction = 0.25
        /// Points: a table line (10.5 pt × 0.92, line height 1.45) and a row's padding and rule.
        static let linePoints = 14.0, rowPoints = 7.0
        /// The text area (report.css's @page margins) in twips across and points down.
        static let portrait = (width: 9865, height: 728.0), landscape = (width: 15137, height: 510.0)

        init(_ t: TableBlock) {
            let area = t.placement == .landscapePage ? Self.landscape : Self.portrait
            let fit = DOCXWriter.columnWidths(t, available: area.width)
                ?? DOCXWriter.columnWidths(t, available: area.width, sizes: [DOCXWriter.tableTextSizes.last!], force: true)!
            let lines = DOCXWriter.ColumnMeasure(t).rowLines(size: fit.size, widths: fit.widths.map(Double.init), margin: fit.margin)
            let heights = lines.map { Double($0) * Self.linePoints + Self.rowPoints }
            // The caption (two lines at most) and the notes (a line per 120 characters).
            let notes = t.notes.reduce(0) { $0 + ($1.plainText.count + 119) / 120 }
            let total = heights.reduce(0, +) + Double(2 + notes) * Self.linePoints
            keepWhole = t.rows.count <= DOCXWriter.shortTableRows && total <= Self.keepFraction * area.height
            let body = heights.dropFirst(t.headerRows.count)
            splitRows = Set(body.indices.filter { body[$0] > Self.splitFraction * area.height }.map { $0 - t.headerRows.count })
        }
    }
}
