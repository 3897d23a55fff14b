import Foundation

/// A real table: header rows, body rows, column alignment, a caption above and notes
/// below (suppression symbols, sources). Writers repeat header rows on each printed
/// page and keep a row from splitting across pages.
public struct TableBlock: Sendable, Equatable {
    public enum Alignment: String, Sendable, Equatable {
        case left, center, right
    }

    public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        /// What every writer shows. For a figure cell, its figures as `NumberStyle` writes
        /// them in the document's language, set in `pattern` (`render(style:)`).
        public var text: RichText
        /// Every figure the text shows, in the order `pattern` places them: what
        /// disclosure control decides on, one by one (a share, its CI and its n are three
        /// figures), and what the JSON and the web read. Empty for a text cell.
        public var figures: [FigureCell] = []
        /// How the text is made from `figures`: `{0}` … `{n}` stand for them in turn
        /// ("{0} (n = {1})", "{0} – {1}"); nil for a cell that is its one figure.
        public var pattern: String?

        /// The cell's one figure (or its first).
        public var figure: FigureCell? { figures.first }
        /// Columns this cell spans (header rows use it for grouped headings).
        public var span: Int
        /// A row heading (`<th scope="row">`): the first cell naming what the row is.
        public var isRowHeader: Bool
        /// A small chart of a series in the cell (`Sparkline`): HTML and DOCX draw it in
        /// place of the text, which then holds the values in words for plain text and
        /// Markdown ("85,4 → 80,8"); nil for every other cell.
        public var sparkline: Sparkline? = nil

        public init(_ text: RichText, span: Int = 1, isRowHeader: Bool = false) {
            self.text = text
            self.span = max(1, span)
            self.isRowHeader = isRowHeader
        }

        public init(_ text: String, span: Int = 1, isRowHeader: Bool = false) {
            self.init(RichText(text), span: span, isRowHeader: isRowHeader)
        }

        public init(stringLiteral value: String) { self.init(value) }

        /// A cell showing `sparkline`, with `text` (the values in order) where no
        /// picture can be drawn.
        public init(_ sparkline: Sparkline, text: String) {
            self.init(RichText(text))
            self.sparkline = sparkline
        }

        /// A figure cell, written in `style`'s language.
        public init(_ figure: FigureCell, style: NumberStyle, span: Int = 1) {
            self.init(RichText(style.text(figure)), span: span)
            figures = [figure]
        }

        /// A cell showing several figures in words: `pattern` with `{0}` … `{n}` for
        /// them ("{0} (n = {1})"), written in `style`'s language.
        public init(pattern: String, figures: [FigureCell], style: NumberStyle, span: Int = 1) {
            self.init("", span: span)
            self.figures = figures
            self.pattern = pattern
            render(style: style)
        }

        /// Writes the text again from the figures: after disclosure control has decided
        /// on them, so a withheld figure shows ".." wherever the cell shows it.
        public mutating func render(style: NumberStyle) {
            guard !figures.isEmpty else { return }
            guard let pattern else { text = RichText(style.text(figures[0])); return }
            var out = pattern
            // Highest index first, so "{1}" is not read inside "{10}".
            for (k, f) in figures.enumerated().reversed() {
                out = out.replacingOccurrences(of: "{\(k)}", with: style.text(f))
            }
            text = RichText(out)
        }
    }

    public var caption: String?
    public var headerRows: [[Cell]]
    public var rows: [[Cell]]
    /// One per column; missing columns are left-aligned.
    public var alignments: [Alignment]
    /// Rows (by index into `rows`) drawn as totals: bold, rule above.
    public var totalRows: Set<Int>
    public var notes: [RichText]
    public var placement: Placement

    public init(caption: String? = nil, header: [[Cell]], rows: [[Cell]],
                alignments: [Alignment] = [], totalRows: Set<Int> = [], notes: [RichText] = [],
                placement: Placement = .inline) {
        self.placement = placement
        self.caption = caption
        self.headerRows = header
        self.rows = rows
        self.alignments = alignments
        self.totalRows = totalRows
        self.notes = notes
    }

    public var columnCount: Int {
        (headerRows + rows).map { $0.reduce(0) { $0 + $1.span } }.max() ?? 0
    }

    public func alignment(_ column: Int) -> Alignment {
        column < alignments.count ? alignments[column] : .left
    }
}
