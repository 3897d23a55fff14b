import Evaluation

extension CaseImportSummary {
    /// What `cases import` did, as a two-column listing without a header: the import,
    /// the cases per cohort, where the extract date came from, the columns read, the
    /// outcomes, what was pseudonymised and what was left out.
    public func blocks(style: NumberStyle) -> [Block] {
        func field(_ name: String, _ value: TableBlock.Cell) -> [TableBlock.Cell] { [TableBlock.Cell(name, isRowHeader: true), value] }
        func figures(_ pattern: String, _ counts: [Int]) -> TableBlock.Cell {
            TableBlock.Cell(pattern: pattern, figures: counts.map { FigureCell(Double($0), .count) }, style: style)
        }
        var rows: [[TableBlock.Cell]] = [
            field("import", TableBlock.Cell("\(importID) (\(file), \(encoding), \(delimiter))")),
            field("model", TableBlock.Cell("\(model) (pilot cohort: \(pilotCohort))")),
            field("cases", figures("{0}: pilot {1}, line {2}", [rows, pilotRows, lineRows])),
            field("cohorts", TableBlock.Cell(cohorts.sorted { $0.key < $1.key }.map { "\($0.key) \(style.integer($0.value))" }
                .joined(separator: ", "))),
            field("extract date", TableBlock.Cell("\(extractDate) (\(extractDateFrom == "option" ? "--extract-date" : "latest date in the file"))")),
            field("superseded", figures("{0} case(s) replace an earlier extract's snapshot", [supersededCases])),
            field("columns", TableBlock.Cell(CaseColumnRole.allCases.compactMap { r in columns[r.rawValue].map { "\(r.rawValue)=\($0)" } }
                .joined(separator: ", "))),
            field("outcomes", TableBlock.Cell(outcomes.isEmpty ? "none" : outcomes.joined(separator: ", "))),
        ]
        if !text.isEmpty { rows.append(field("text kept", TableBlock.Cell(text.joined(separator: ", ")))) }
        if !identityColumns.isEmpty {
            rows.append(field("pseudonymised", TableBlock.Cell("\(style.integer(pseudonymised)) value(s) in "
                + "\(identityColumns.joined(separator: ", ")) (key \(keyFingerprint ?? "?"))")))
        }
        for n in notImported { rows.append(field("not imported", TableBlock.Cell("\(n.column): \(n.reason)"))) }
        return [.table(Listing.table([], rows))]
    }
}
