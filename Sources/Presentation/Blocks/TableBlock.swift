/// A real table: header rows, body rows, column alignment, a caption above and notes
/// below (suppression symbols, sources). Writers repeat header rows on each printed
/// page and keep a row from splitting across pages.
public struct TableBlock: Sendable, Equatable {
    public enum Alignment: String, Sendable, Equatable {
        case left, center, right
    }

    public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        /// What every writer shows. For a figure cell, the figure as `NumberStyle` writes
        /// it in the document's language (set by `init(_:style:)`).
        public var text: RichText
        /// The typed figure behind the text, when the cell is a number: what disclosure
        /// control decides on and what the JSON and the web read.
        public var figure: FigureCell?
        /// Columns this cell spans (header rows use it for grouped headings).
        public var span: Int
        /// A row heading (`<th scope="row">`): the first cell naming what the row is.
        public var isRowHeader: Bool

        public init(_ text: RichText, span: Int = 1, isRowHeader: Bool = false) {
            self.text = text
            self.span = max(1, span)
            self.isRowHeader = isRowHeader
        }

        public init(_ text: String, span: Int = 1, isRowHeader: Bool = false) {
            self.init(RichText(text), span: span, isRowHeader: isRowHeader)
        }

        public init(stringLiteral value: String) { self.init(value) }

        /// A figure cell, written in `style`'s language.
        public init(_ figure: FigureCell, style: NumberStyle, span: Int = 1) {
            self.init(RichText(style.text(figure)), span: span)
            self.figure = figure
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
