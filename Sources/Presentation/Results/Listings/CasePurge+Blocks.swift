import Evaluation

extension CasePurgeSummary {
    /// What `cases purge` removed (or, in a dry run, would remove): per model, then per
    /// import that loses rows, then how the file was scrubbed.
    public func blocks(style: NumberStyle) -> [Block] {
        var blocks: [Block] = [.paragraph(RichText(dryRun
            ? "Dry run: nothing was changed. A purge with --before \(before) would remove:"
            : "Purged: closed cases whose last recorded date is before \(before)."))]
        if models.isEmpty {
            return blocks + [.paragraph("No case extracts are imported, so there is nothing to purge.")]
        }
        let count = { (n: Int) in Listing.count(n, style: style) }
        blocks.append(.table(Listing.table(
            ["model", "cases purged", "rows deleted", "cases kept", "of them open", "open, quiet since before cut-off", "undated", "imports emptied"],
            models.map { m in
                [TableBlock.Cell(m.model, isRowHeader: true), count(m.casesPurged), count(m.rowsDeleted), count(m.casesKept),
                 count(m.openCasesKept), count(m.openCasesQuietSinceBeforeCutOff), count(m.undatedCasesKept), count(m.importsEmptied)]
            })))
        if imports.isEmpty {
            blocks.append(.paragraph("No import loses any rows."))
        } else {
            blocks.append(.table(Listing.table(
                ["import", "model", "file", "extract date", "rows before", "rows deleted", "rows left"],
                imports.map { i in
                    [TableBlock.Cell(String(i.importID)), TableBlock.Cell(i.model), TableBlock.Cell(i.fileName), TableBlock.Cell(i.extractDate),
                     count(i.rowsBefore), count(i.rowsDeleted),
                     i.emptied ? TableBlock.Cell(pattern: "{0} (kept in the log with 0 rows)", figures: [FigureCell(0, .count)], style: style)
                               : count(i.rowsLeft)]
                })))
        }
        if let scrub {
            var steps = [scrub.secureDelete ? "deleted rows overwritten with zeros" : "secure_delete was off"]
            if scrub.vacuumed { steps.append("file rebuilt (VACUUM)") }
            steps.append(scrub.walEmptied ? "WAL emptied" : "WAL NOT emptied")
            blocks.append(.paragraph(RichText((scrub.isComplete ? "Scrubbed: " : "NOT fully scrubbed: ") + steps.joined(separator: ", ") + ".")))
        }
        return blocks
    }
}
