import Evaluation
import LogicModel
import Presentation
import Reports
import Store

/// The imports page: every file loaded for a model — its indicator values and case
/// extracts, the survey waves and improvement measures it reads — and what each brought.
enum ImportsPage {
    /// The imports whose rows a model reads: its own (indicator values, case extracts),
    /// and those of the instruments and measures its indicators are bound to. A survey
    /// import's target is "instrument wave", so the first word is what is matched.
    static func related(_ imports: [ImportRecord], to model: LogicModel) -> [ImportRecord] {
        var targets: Set<String> = [model.id]
        for indicator in model.indicators {
            switch indicator.data {
            case .readinessItem(let instrument, _), .readinessSubscale(let instrument, _): targets.insert(instrument)
            case .measure(let id): targets.insert(id)
            default: break
            }
        }
        return imports.filter { record in
            guard let target = record.target, let first = target.split(separator: " ").first else { return false }
            return targets.contains(String(first))
        }
    }

    static func blocks(_ imports: [ImportRecord], all: Int, language: Language) -> [Block] {
        let s = WebStrings(language)
        let style = NumberStyle(language)
        guard !imports.isEmpty else { return [.paragraph(RichText(s("imports.none")))] }
        let header: [TableBlock.Cell] = ["imports.col.when", "imports.col.kind", "imports.col.file", "imports.col.what", "imports.col.rows"]
            .map { TableBlock.Cell(s($0)) }
        let rows: [[TableBlock.Cell]] = imports.sorted { $0.id > $1.id }.map { r in
            [TableBlock.Cell(ReportsPage.shownTime(r.startedAt)),
             TableBlock.Cell(s("imports.kind." + r.kind)),
             TableBlock.Cell(r.fileName, isRowHeader: true),
             TableBlock.Cell(r.target.map { $0.replacingOccurrences(of: " ", with: ", ") } ?? ""),
             TableBlock.Cell(style.integer(r.rowCount))]
        }
        var table = TableBlock(header: [header], rows: rows)
        table.alignments = [.left, .left, .left, .left, .right]
        var blocks: [Block] = [.table(table)]
        if all > imports.count {
            blocks.append(.paragraph(RichText(s("imports.others", ["n": style.integer(all - imports.count)]))))
        }
        return blocks
    }
}
