import Foundation
import LogicModel
import Presentation

/// 6 Resultatredovisning › Uppföljningsplan: the logic model as a diagram (the
/// `model show --format svg` renderer) and as the logical framework table, with
/// proposals (`illustrative: true`) marked.
public struct LogicModelSection: ReportSectionBuilder {
    public init() {}

    public struct Result: Codable, Equatable {
        public var id: String
        public var version: Int
        public var sha256: String
        public var goals: Int
        public var outcomes: Int
        public var outputs: Int
        public var activities: Int
        public var inputs: Int
        public var indicators: Int
        public var illustrativeIndicators: [String]

        enum CodingKeys: String, CodingKey {
            case id, version, sha256, goals, outcomes, outputs, activities, inputs, indicators
            case illustrativeIndicators = "illustrative_indicators"
        }
    }

    public var key: String { "logic_model" }

    public func slots(in kind: ReportKind) -> [ReportSlot] { kind == .final ? [.logicModel] : [] }

    public func compute(_ context: ReportContext) throws -> Result {
        let m = context.model
        return Result(id: m.id, version: context.modelProvenance.version, sha256: context.modelProvenance.sha256,
                      goals: m.goals.count, outcomes: m.outcomes.count, outputs: m.outputs.count,
                      activities: m.activities.count, inputs: m.inputs.count, indicators: m.indicators.count,
                      illustrativeIndicators: m.indicators.filter(\.illustrative).map(\.id))
    }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        let s = context.strings
        let counts: [String: String] = [
            "goals": String(result.goals), "outcomes": String(result.outcomes), "outputs": String(result.outputs),
            "activities": String(result.activities), "inputs": String(result.inputs), "indicators": String(result.indicators),
            "name": context.model.name, "version": String(result.version),
        ]
        var blocks: [Block] = [
            .paragraph(RichText(s("logic_model.intro"))),
            .paragraph(RichText(s("logic_model.counts", counts))),
        ]
        var model = context.model
        model.language = context.language   // diagram headings in the report's language
        let diagram = FigureBlock(svg: SVGRenderer.render(model), caption: s("logic_model.figure.caption", counts),
                                  altText: s("logic_model.figure.alt", counts))
        var figure = diagram
        // Wider than a portrait text column (~600 px) by half: give it a landscape page.
        if diagram.size.width > 900 { figure.placement = .landscapePage }
        blocks.append(.figure(figure))
        let frame = LogframeRenderer.table(model)
        let byID = Dictionary(model.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func lines(_ parts: [RichText]) -> RichText { parts.reduce(RichText([])) { $0.isEmpty ? $1 : $0 + RichText("\n") + $1 } }
        let rows: [[TableBlock.Cell]] = frame.rows.map { row in
            let indicators = row.indicators.map { i -> RichText in
                var text = RichText([.strong(i.id), .plain(" " + Self.documentText(byID[i.id].map { Self.indicatorText($0, context: context) } ?? i.text, strings: s))])
                if i.illustrative { text = text + RichText([.emphasis(" (\(frame.illustrativeLabel))")]) }
                return text
            }
            // Each method beside its indicator's id (one line when all are measured alike).
            let sources = row.indicators.compactMap(\.source)
            let methods: [RichText] = sources.count == row.indicators.count && Set(sources).count == 1
                ? [RichText(Self.documentText(sources[0], strings: s))]
                : row.indicators.compactMap { i in i.source.map { RichText([.strong(i.id), .plain(" " + Self.documentText($0, strings: s))]) } }
            return [
                TableBlock.Cell(row.level, isRowHeader: true),
                TableBlock.Cell(RichText([.strong(row.id), .plain(" " + Self.documentText(row.title, strings: s))])),
                TableBlock.Cell(lines(indicators)),
                TableBlock.Cell(lines(methods)),
                TableBlock.Cell(row.assumptions.map { Self.documentText($0, strings: s) }.joined(separator: "\n")),
            ]
        }
        // The proposals are explained once, in the caveat box below, not again as a table note.
        let notes: [RichText] = []
        blocks.append(.table(TableBlock(caption: s("logic_model.table.caption"),
                                        header: [frame.headers.map { TableBlock.Cell($0) }],
                                        rows: rows, notes: notes, placement: .landscapePage)))
        if !result.illustrativeIndicators.isEmpty {
            blocks.append(.callout(Callout(.caveat, title: s("caveat.title"),
                                           RichText(s("logic_model.illustrative", ["label": frame.illustrativeLabel])))))
        }
        return blocks
    }

    /// A model's text as a document shows it: without the line references to the source
    /// document that model authors keep for themselves ("(l. 104)", "(l. 58, 167–173)"),
    /// and with a derived case measure named rather than keyed ("härlett mått
    /// distinct_caseworkers" → "härlett mått ”Antal handläggare per ärende”").
    static func documentText(_ text: String, strings: ReportStrings) -> String {
        var out = SourceLineReferences.removed(from: text)
        for (key, name) in strings.values where key.hasPrefix("cohort.outcome.") {
            let measure = String(key.dropFirst("cohort.outcome.".count))
            out = out.replacingOccurrences(of: #"\b"# + measure + #"\b"#, with: "”\(name)”", options: .regularExpression)
        }
        return out
    }

    /// "Andel … [2021: ≤ 22 %; 2022 (KF): förbättras]" in the report's language.
    static func indicatorText(_ i: Indicator, context: ReportContext) -> String {
        var text = i.title
        let targets = i.targets.map { t in
            "\(t.period.text)\(t.setBy == .city ? " (KF)" : ""): "
                + TargetRuleText.text(t.rule, unit: i.unit, language: context.language, note: t.note)
        }
        if !targets.isEmpty { text += " [" + targets.joined(separator: "; ") + "]" }
        return text
    }
}
