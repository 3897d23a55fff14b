/// The small listings the terminal prints (`imports list`, `model list`, `measures list`,
/// `pdsa list` and `show`, what `cases import` and `cases purge` did): inventories of
/// what is stored, as blocks like every result, so the terminal and the web draw them
/// with the same writers. Identifiers, file names, dates and hashes are text cells;
/// counts are typed (`FigureCell.Kind.count`). Columns stay left-aligned, as these
/// listings always were.
enum Listing {
    /// A table with one header row of plain headings.
    static func table(_ header: [String], _ rows: [[TableBlock.Cell]], caption: String? = nil) -> TableBlock {
        TableBlock(caption: caption, header: header.isEmpty ? [] : [header.map { TableBlock.Cell($0) }], rows: rows)
    }

    static func count(_ n: Int, style: NumberStyle) -> TableBlock.Cell {
        TableBlock.Cell(FigureCell(Double(n), .count), style: style)
    }
}
