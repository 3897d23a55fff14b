import Foundation
import LogicModel

/// A logic model as a reader of a report sees it (the final report's Uppföljningsplan,
/// the web's logic model page, `model show --format table`): the chain as a diagram and
/// the logical framework as a table — one row per goal, outcome, output, activity and
/// input, with its indicators and their targets, each measurement method beside the
/// indicator it measures, and the assumptions — in `strings`' language, proposals
/// (`illustrative: true`) marked and explained once. Text as documents show it: no line
/// references to the model's source document, derived case measures by their names.
extension LogicModel {
    /// The report's whole part: what the model is, its counts, the diagram, the logframe.
    /// - Parameter version: the stored version the report is built from, for the caption.
    public func blocks(strings s: ReportStrings, version: Int) -> [Block] {
        var model = self
        model.language = s.language   // diagram headings in the reader's language
        let counts: [String: String] = [
            "goals": String(goals.count), "outcomes": String(outcomes.count), "outputs": String(outputs.count),
            "activities": String(activities.count), "inputs": String(inputs.count), "indicators": String(indicators.count),
            "name": name, "version": String(version),
        ]
        // The diagram in print sizes; in parts when it would not read whole (8 pt at least
        // on a landscape page), each part a strand of the chain (`DiagramParts`).
        let parts = DiagramParts.parts(model) { Self.readsInPrint(SVGRenderer.render($0, layout: .print)) }
        var blocks: [Block] = [
            .paragraph(RichText(s("logic_model.intro"))),
            .paragraph(RichText(s("logic_model.counts", counts))),
        ]
        if parts.count > 1 {
            blocks.append(.paragraph(RichText(s("logic_model.parts", ["parts": String(parts.count)]))))
        }
        for (k, part) in parts.enumerated() {
            var figure: FigureBlock
            if parts.count == 1 {
                figure = FigureBlock(svg: SVGRenderer.render(part, layout: .print), caption: s("logic_model.figure.caption", counts),
                                     altText: s("logic_model.figure.alt", counts))
            } else {
                var values = counts
                values["part"] = String(k + 1)
                values["parts"] = String(parts.count)
                values["ids"] = Self.list(part.activities.map(\.id), strings: s)
                figure = FigureBlock(svg: SVGRenderer.render(part, layout: .print, title: s("logic_model.figure.title.part", values)),
                                     caption: s("logic_model.figure.caption.part", values),
                                     altText: s("logic_model.figure.alt.part", values))
            }
            // Wider than a portrait text column (~600 px) by half: give it a landscape page.
            if figure.size.width > 900 { figure.placement = .landscapePage }
            blocks.append(.figure(figure))
        }
        return blocks + logframeBlocks(strings: s)
    }

    /// The smallest landscape area a writer gives a figure, in pixels at 96 dpi: the
    /// DOCX's text area, 25,7 cm wide, and 0,85 of its 17,0 cm height (the HTML's is
    /// 26,7 × 16,5 cm).
    static let landscapeFigureArea = (width: 971.0, height: 546.0)

    /// The box text's size in points once the SVG is shrunk to a landscape page.
    public static func printedFontSize(_ svg: String, fontSize: Double = SVGRenderer.Layout.print.fontSize) -> Double {
        let size = FigureBlock(svg: svg, caption: "", altText: "").size
        let scale = min(1, landscapeFigureArea.width / size.width, landscapeFigureArea.height / size.height)
        return fontSize * scale * 0.75
    }

    /// Whether a print-layout diagram reads on a landscape page: box text of 8 pt or more.
    static func readsInPrint(_ svg: String) -> Bool { printedFontSize(svg) >= 8 }

    /// "A1, A6 och A19".
    static func list(_ ids: [String], strings s: ReportStrings) -> String {
        ListWords.joined(ids, and: s("word.and"))
    }

    /// The logical framework table, and a caveat box when some indicators are proposals.
    public func logframeBlocks(strings s: ReportStrings) -> [Block] {
        var model = self
        model.language = s.language   // the table's headings and levels in the reader's language
        let frame = LogframeRenderer.table(model)
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func text(_ raw: String) -> String { LogicModelText.document(raw, strings: s) }
        func lines(_ parts: [RichText]) -> RichText { parts.reduce(RichText([])) { $0.isEmpty ? $1 : $0 + RichText("\n") + $1 } }
        let rows: [[TableBlock.Cell]] = frame.rows.map { row in
            let indicators = row.indicators.map { i -> RichText in
                let title = byID[i.id].map { LogicModelText.indicator($0, language: s.language) } ?? i.text
                var cell = RichText(id: i.id, text(title))
                if i.illustrative { cell = cell + RichText([.emphasis(" (\(frame.illustrativeLabel))")]) }
                return cell
            }
            // Each method beside its indicator's id (one line when all are measured alike).
            let sources = row.indicators.compactMap(\.source)
            let methods: [RichText] = sources.count == row.indicators.count && Set(sources).count == 1
                ? [RichText(text(sources[0]))]
                : row.indicators.compactMap { i in i.source.map { RichText(id: i.id, text($0)) } }
            return [
                TableBlock.Cell(row.level, isRowHeader: true),
                TableBlock.Cell(RichText(id: row.id, text(row.title))),
                TableBlock.Cell(lines(indicators)),
                TableBlock.Cell(lines(methods)),
                TableBlock.Cell(row.assumptions.map(text).joined(separator: "\n")),
            ]
        }
        // The proposals are explained once, in the caveat box below, not again as a table note.
        var blocks: [Block] = [.table(TableBlock(caption: s("logic_model.table.caption"),
                                                 header: [frame.headers.map { TableBlock.Cell($0) }],
                                                 rows: rows, placement: .landscapePage))]
        if indicators.contains(where: \.illustrative) {
            blocks.append(.callout(Callout(.caveat, title: s("caveat.title"),
                                           RichText(s("logic_model.illustrative", ["label": frame.illustrativeLabel])))))
        }
        return blocks
    }
}

/// A model's text as a document shows it.
enum LogicModelText {
    /// Without the line references to the source document that model authors keep for
    /// themselves ("(l. 104)", "(l. 58, 167–173)"), and with a derived case measure
    /// named rather than keyed ("härlett mått distinct_caseworkers" → "härlett mått
    /// ”Antal handläggare per ärende”").
    static func document(_ text: String, strings: ReportStrings) -> String {
        var out = SourceLineReferences.removed(from: text)
        for (key, name) in strings.values where key.hasPrefix("cohort.outcome.") {
            let measure = String(key.dropFirst("cohort.outcome.".count))
            out = out.replacingOccurrences(of: #"\b"# + measure + #"\b"#, with: "”\(name)”", options: .regularExpression)
        }
        return out
    }

    /// "Andel … [2021: ≤ 22 %; 2022 (KF): förbättras]" in the reader's language.
    static func indicator(_ i: Indicator, language: Language) -> String {
        var text = i.title
        let targets = i.targets.map { t in
            "\(t.period.text)\(t.setBy == .city ? " (KF)" : ""): "
                + TargetRuleText.text(t.rule, unit: i.unit, language: language, note: t.note)
        }
        if !targets.isEmpty { text += " [" + targets.joined(separator: "; ") + "]" }
        return text
    }
}
